import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/backend/content-security-policy';
import {
  APP_ORIGIN,
  isAppUrl,
  registerAppScheme,
  rendererResponse,
  serveRenderer,
} from '../../electron/shell/protocol';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-protocol-'));
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Offload</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("offload");');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (url: string) => rendererResponse(rendererDir, new Request(url));

describe('the app:// protocol', () => {
  it('serves index.html with its content type and the renderer’s security headers', async () => {
    const response = get(`${APP_ORIGIN}/index.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Offload</title>');
  });

  it('serves index.html for the bare origin and assets from their folders', async () => {
    expect(await get(`${APP_ORIGIN}/`).text()).toContain('<title>Offload</title>');
    const script = get(`${APP_ORIGIN}/assets/app.js`);
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("offload");');
  });

  it('answers 404 for a file that does not exist', () => {
    expect(get(`${APP_ORIGIN}/missing.js`).status).toBe(404);
  });

  it.each([
    `${APP_ORIGIN}/../secret.txt`,
    `${APP_ORIGIN}/%2e%2e/secret.txt`,
    `${APP_ORIGIN}/..%2fsecret.txt`,
    `${APP_ORIGIN}/assets/..%2f..%2fsecret.txt`,
    `${APP_ORIGIN}/%2e%2e%5csecret.txt`,
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('answers 404 on any host but offload', () => {
    expect(get('app://evil/index.html').status).toBe(404);
    expect(get('app://offload.evil/index.html').status).toBe(404);
  });

  it('refuses every method but GET', () => {
    const response = rendererResponse(rendererDir, new Request(`${APP_ORIGIN}/index.html`, { method: 'POST', body: '{}' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET');
  });

  it('registers app:// as a standard, secure, fetchable scheme and nothing more', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('hands app:// requests to the renderer response', async () => {
    const protocol = { handle: vi.fn() };
    serveRenderer(protocol, rendererDir);
    const [scheme, handler] = protocol.handle.mock.calls[0] as [string, (request: Request) => Response];
    expect(scheme).toBe('app');
    expect(await handler(new Request(`${APP_ORIGIN}/index.html`)).text()).toContain('Offload');
  });

  it('recognises only app://offload URLs as the app', () => {
    expect(isAppUrl('app://offload/index.html')).toBe(true);
    expect(isAppUrl('app://offload.evil/index.html')).toBe(false);
    expect(isAppUrl('app://user@offload/index.html')).toBe(false);
    expect(isAppUrl('https://offload/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
