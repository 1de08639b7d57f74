import type { Shell } from 'electron';

/** The schemes a link may open outside the app with: web pages in her browser, addresses in her mail program. */
const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['https:', 'mailto:']);
/** Past this, a URL is not a link anyone wrote; Windows' shell also cuts long ones off. */
const MAX_URL_LENGTH = 2000;

/**
 * The URL to hand to the operating system, or null. Only https (with a host and no user name or
 * password, the `https://offload@evil.example` trick) and mailto (with an address) pass, and what
 * passes is the URL as parsed and serialised again, so the OS never sees text that another parser
 * could read differently.
 */
export function externalUrl(candidate: string): string | null {
  if (typeof candidate !== 'string' || candidate.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return null;
  if (url.protocol === 'https:' && (url.hostname === '' || url.username !== '' || url.password !== '')) return null;
  if (url.protocol === 'mailto:' && url.pathname === '') return null;
  return url.href;
}

/**
 * The one way Offload opens anything outside itself (lint forbids `shell.openExternal` elsewhere).
 * Returns whether the URL was handed over.
 */
export function openExternally(shell: Pick<Shell, 'openExternal'>, candidate: string): boolean {
  const url = externalUrl(candidate);
  if (url === null) {
    console.warn(`[offload] refused to open ${JSON.stringify(String(candidate).slice(0, 200))} outside the app`);
    return false;
  }
  shell.openExternal(url).catch((error: unknown) => {
    console.warn('[offload] the system could not open a link:', error instanceof Error ? error.message : String(error));
  });
  return true;
}
