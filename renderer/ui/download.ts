/**
 * Saves text as a file she downloads (CSV, iCalendar, JSON): the same path in the desktop app and
 * in browser mode. The object URL is released once the download has started.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
