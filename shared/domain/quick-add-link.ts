/**
 * The line an `offload://quick-add?text=…` link (or the quick-add window's route) carries. The
 * link is parsed in the shell (electron/shell/quick-add-link.ts); this is the part both the shell
 * and the quick-add window apply to the text itself, so the two agree on what a usable line is.
 */

export const LINK_SCHEME = 'offload';

/** The quick-add line is a task title plus its options: the title's limit and room for the options. */
export const MAX_LINK_TEXT = 1000;

/** C0/C1 control characters other than tab and line breaks: no task line holds them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Half of a UTF-16 pair without its other half: not text at all. */
const UNPAIRED = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` cannot be a quick-add line, or null when it can. */
export function quickAddTextProblem(text: string): string | null {
  if (text.length > MAX_LINK_TEXT) return `The text is longer than ${MAX_LINK_TEXT} characters.`;
  if (CONTROL.test(text)) return 'The text holds control characters.';
  if (UNPAIRED.test(text)) return 'The text holds a broken character.';
  return null;
}

/** The line as the window shows it: tabs and line breaks (from a pasted link) read as spaces. */
export function normaliseQuickAddText(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}
