import { templateCsv, type TemplateFormat } from '../../../shared/import';
import { call } from '../../api/client';

/**
 * Files in and out of the main process by pieces: the same path in the desktop app and in browser
 * mode (whose server refuses request bodies over 8 MB). A piece is read from the file only when it
 * is sent, so a 100 MB file never sits in the page's memory whole.
 */
export async function uploadFile(file: File, onProgress: (sent: number, pieces: number) => void): Promise<string> {
  const { uploadId, chunkBytes, chunks } = await call('import:begin', { fileName: file.name || 'file.csv', size: file.size });
  onProgress(0, chunks);
  for (let index = 0; index < chunks; index += 1) {
    const data = await base64Of(file.slice(index * chunkBytes, (index + 1) * chunkBytes));
    await call('import:chunk', { uploadId, index, data });
    onProgress(index + 1, chunks);
  }
  return uploadId;
}

/**
 * Lets the main process drop an upload she is done with (its bytes and the data worker that keeps
 * its parsed rows) instead of holding them until they expire. Best effort: an upload that already
 * expired or was dropped is what was wanted.
 */
export function discardUpload(uploadId: string): void {
  call('import:discard', { uploadId }).catch(() => undefined);
}

/** The browser's own encoder (FileReader), far faster than building base64 in script. */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/** Reads a prepared export back by pieces and saves it as one file; returns its name. */
export async function downloadExport(job: string): Promise<string> {
  const first = await call('export:read', { job, index: 0 });
  const parts = [first.text];
  for (let index = 1; index < first.chunks; index += 1) parts.push((await call('export:read', { job, index })).text);
  saveFile(first.fileName, parts, first.mimeType);
  return first.fileName;
}

export function downloadTemplate(format: TemplateFormat): void {
  const names: Record<TemplateFormat, string> = {
    'generic-time': 'offload-time-entries-template.csv',
    'generic-tasks': 'offload-tasks-template.csv',
    'msp-timesheet': 'offload-msp-timesheet-template.csv',
  };
  saveFile(names[format], [templateCsv(format)], 'text/csv;charset=utf-8');
}

/** Saves text as a file through a Blob URL and <a download> (no navigation: the CSP and the shell allow it). */
function saveFile(fileName: string, parts: string[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
