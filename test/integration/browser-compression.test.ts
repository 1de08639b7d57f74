import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../electron/browser-mode/server';
import { RENDERER_SECURITY_HEADERS } from '../../electron/backend/content-security-policy';
import { acceptedCodings } from '../../electron/backend/renderer-files';
import { precompress } from '../../scripts/precompress.mjs';
import { openTestBackend, tempDir, type TestBackend } from '../support/temp-backend';

let app: TestBackend;
let server: BrowserServer;
let rendererDir: string;
let port: number;

const SCRIPT = Buffer.from(Array.from({ length: 400 }, (_, index) => `export const value${index} = "row ${index} of the script";\n`).join(''));
const STYLE = Buffer.from(Array.from({ length: 200 }, (_, index) => `.rule-${index} { color: var(--text); }\n`).join(''));
const PAGE = Buffer.from(`<!doctype html><title>Offload</title>${'<p>padding</p>'.repeat(50)}`);

beforeEach(async () => {
  app = openTestBackend();
  // A built renderer in small: the page, a script and a stylesheet, precompressed by the build's own step.
  const parent = tempDir('offload-renderer-');
  rendererDir = path.join(parent, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), PAGE);
  fs.writeFileSync(path.join(rendererDir, 'assets/app.js'), SCRIPT);
  fs.writeFileSync(path.join(rendererDir, 'assets/app.css'), STYLE);
  precompress(rendererDir);
  // Compressed copies outside the renderer folder, which no request may reach.
  fs.writeFileSync(path.join(parent, 'secret.js'), 'secret');
  fs.writeFileSync(path.join(parent, 'secret.js.br'), zlib.brotliCompressSync('secret'));
  server = await startBrowserServer({ backend: app.backend, rendererDir, token: 't'.repeat(43) });
  port = Number(new URL(server.origin).port);
});
afterEach(async () => {
  await server.close();
  app.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request with exactly these headers (fetch would add its own Accept-Encoding and decode the body). */
function get(target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: target, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

function decoded(answer: Answer): Buffer {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(answer.body);
  if (coding === 'gzip') return zlib.gunzipSync(answer.body);
  return answer.body;
}

describe('browser mode sends the precompressed copy the browser accepts', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['deflate', undefined],
    ['', undefined],
  ])('Accept-Encoding "%s" gets %s, and every answer decodes to the very bytes of the file', async (accept, coding) => {
    for (const [target, original] of [['/assets/app.js', SCRIPT], ['/assets/app.css', STYLE], ['/', PAGE]] as const) {
      const answer = await get(target, accept === '' ? {} : { 'Accept-Encoding': accept });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(coding);
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(decoded(answer).equals(original)).toBe(true);
      if (coding !== undefined) expect(answer.body.length).toBeLessThan(original.length);
    }
  });

  it('keeps every security header and the content type on a compressed answer', async () => {
    const answer = await get('/assets/app.js', { 'Accept-Encoding': 'br' });
    for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) expect(answer.headers[name.toLowerCase()]).toBe(value);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the file itself when its precompressed copy is missing', async () => {
    fs.rmSync(path.join(rendererDir, 'assets/app.js.br'));
    const gzip = await get('/assets/app.js', { 'Accept-Encoding': 'br, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip).equals(SCRIPT)).toBe(true);
    fs.rmSync(path.join(rendererDir, 'assets/app.js.gz'));
    const plain = await get('/assets/app.js', { 'Accept-Encoding': 'br, gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(SCRIPT)).toBe(true);
  });

  it('honours q=0: a coding she refuses is never sent', async () => {
    expect((await get('/assets/app.js', { 'Accept-Encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get('/assets/app.js', { 'Accept-Encoding': '*;q=0' })).headers['content-encoding']).toBeUndefined();
    expect((await get('/assets/app.js', { 'Accept-Encoding': '*' })).headers['content-encoding']).toBe('br');
  });

  it('still answers a Range request with the whole file, as before, in the coding accepted', async () => {
    const plain = await get('/assets/app.js', { Range: 'bytes=0-9' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-range']).toBeUndefined();
    expect(plain.body.equals(SCRIPT)).toBe(true);
    const brotli = await get('/assets/app.js', { Range: 'bytes=0-9', 'Accept-Encoding': 'br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-range']).toBeUndefined();
    expect(decoded(brotli).equals(SCRIPT)).toBe(true);
  });

  it('answers HEAD with the headers GET would send and no body', async () => {
    const head = await get('/assets/app.js', { 'Accept-Encoding': 'gzip' }, 'HEAD');
    const full = await get('/assets/app.js', { 'Accept-Encoding': 'gzip' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'content-encoding', 'vary', 'cache-control', 'content-security-policy']) expect(head.headers[name]).toBe(full.headers[name]);
  });

  it('finds a compressed copy only beside a file inside the renderer folder', async () => {
    for (const target of ['/../secret.js', '/assets/../../secret.js', '/%2e%2e/secret.js', '/assets/%2e%2e%2f%2e%2e%2fsecret.js', '/missing.js']) {
      const answer = await get(target, { 'Accept-Encoding': 'br' });
      expect([400, 404]).toContain(answer.status);
      expect(answer.body.includes('secret')).toBe(false);
    }
  });
});

describe('Accept-Encoding is read as RFC 9110 says', () => {
  it.each([
    [undefined, []],
    ['identity', []],
    ['BR', ['br']],
    ['gzip;q=0.5, br;q=0.1', ['br', 'gzip']],
    ['x-gzip', ['gzip']],
    ['br;q=0', []],
    ['*;q=0.2, gzip;q=0', ['br']],
  ])('%s → %j', (header, codings) => {
    expect([...acceptedCodings(header)]).toEqual(codings);
  });
});
