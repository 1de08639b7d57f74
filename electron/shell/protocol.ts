import type { Protocol } from 'electron';
import { RENDERER_SECURITY_HEADERS } from '../backend/content-security-policy';
import { readRendererFile } from '../backend/renderer-files';

export const APP_SCHEME = 'app';
const APP_HOST = 'offload';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL belongs to the app. Compared by parts because Node's URL gives a non-special
 * scheme the opaque origin "null", so `new URL(url).origin` can never equal APP_ORIGIN here
 * (Chromium, which knows the scheme is standard, does report `app://offload`).
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Gives app:// a real origin (standard), makes it a secure context so the page behaves as it does
 * over https, and lets the renderer fetch() its own assets. corsEnabled stays off: with it,
 * other origins could read app:// responses. Electron accepts this only before `ready`.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at app://offload/. Call after `ready`. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request));
}

/**
 * The answer to one app:// request. Read-only: one host, GET only, and files only from inside
 * the renderer folder, each with the same security headers the browser-mode server sends.
 */
export function rendererResponse(rendererDir: string, request: Request): Response {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return plain(404, 'Not found.');
  if (request.method !== 'GET') return plain(405, 'Method not allowed.', { Allow: 'GET' });
  const file = readRendererFile(rendererDir, url.pathname);
  if (!file) return plain(404, 'Not found.');
  // A copy, because Buffer's type admits a SharedArrayBuffer, which Response does not take.
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { 'Content-Type': file.contentType, ...RENDERER_SECURITY_HEADERS },
  });
}

function plain(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...RENDERER_SECURITY_HEADERS, ...extra },
  });
}
