import { LINK_SCHEME, normaliseQuickAddText, quickAddTextProblem } from '../../shared/domain/quick-add-link';

/**
 * `offload://quick-add?text=Reset%20VPN%20%23support%20~30m` opens the quick-add window with its
 * line filled in, for desktops without global shortcuts (Wayland) and for launchers, scripts and
 * other apps. Anything can hand the OS such a link (a web page, a second launch), so it is
 * untrusted input: one shape is accepted and everything else is refused with a reason. Even an
 * accepted link only fills in the window; nothing is created until she presses Add there, through
 * `tasks:create` and its schema like every other task. No Electron here: tested in plain Node.
 */

export interface QuickAddLink {
  kind: 'quick-add';
  /** The line to fill in: control characters refused, line breaks and tabs read as spaces. */
  text: string;
  /** Start the timer on the new task at once (the window's "Interrupt" box, ticked). */
  interrupt: boolean;
}

export type LinkResult = { ok: true; link: QuickAddLink } | { ok: false; reason: string };

/** Longer than any quick-add link needs; refusing early keeps URL parsing off huge strings. */
const MAX_LINK_LENGTH = 8 * 1024;

const refuse = (reason: string): LinkResult => ({ ok: false, reason });

export function parseQuickAddLink(raw: unknown): LinkResult {
  if (typeof raw !== 'string') return refuse('A link is text.');
  if (raw.length > MAX_LINK_LENGTH) return refuse('The link is too long.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('That is not a link.');
  }
  if (url.protocol !== `${LINK_SCHEME}:`) return refuse(`Offload opens only ${LINK_SCHEME}:// links.`);
  if (url.username !== '' || url.password !== '' || url.port !== '' || url.hash !== '') {
    return refuse('The link carries parts Offload does not use.');
  }
  // Some systems hand the link over with a slash after the host.
  if (url.host !== 'quick-add' || (url.pathname !== '' && url.pathname !== '/')) {
    return refuse(`Offload knows only ${LINK_SCHEME}://quick-add links.`);
  }

  const names = [...url.searchParams.keys()];
  const unknown = names.find((name) => name !== 'text' && name !== 'interrupt');
  if (unknown !== undefined) return refuse(`The link has a “${unknown.slice(0, 40)}” part Offload does not know.`);
  if (new Set(names).size !== names.length) return refuse('The link names a part twice.');

  const text = url.searchParams.get('text') ?? '';
  const problem = quickAddTextProblem(text);
  if (problem) return refuse(problem);

  const interrupt = url.searchParams.get('interrupt');
  if (interrupt !== null && !['1', '0', 'true', 'false'].includes(interrupt)) return refuse('interrupt is 1 or 0.');
  return { ok: true, link: { kind: 'quick-add', text: normaliseQuickAddText(text), interrupt: interrupt === '1' || interrupt === 'true' } };
}

/**
 * The link in a command line (a second launch's argv, or the first's): the first argument that
 * starts with the scheme. Electron and Chromium add switches of their own, so position means nothing.
 */
export function linkInArguments(argv: readonly string[]): string | null {
  return argv.find((argument) => argument.toLowerCase().startsWith(`${LINK_SCHEME}:`)) ?? null;
}

/** The quick-add window's route, with its line: `#/quick-add-window?text=…&interrupt=1`. */
export function quickAddWindowHash(link: Pick<QuickAddLink, 'text' | 'interrupt'> = { text: '', interrupt: false }): string {
  const query = new URLSearchParams();
  if (link.text !== '') query.set('text', link.text);
  if (link.interrupt) query.set('interrupt', '1');
  const search = query.toString();
  return `#/quick-add-window${search === '' ? '' : `?${search}`}`;
}
