import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../../shared/api/errors';
import { eventFor } from '../../shared/api/events';
import type { Backend } from '../backend/backend';
import { RENDERER_SECURITY_HEADERS } from '../backend/content-security-policy';
import { readRendererFile } from '../backend/renderer-files';

export interface BrowserServerOptions {
  backend: Backend;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to a fresh random token; tests may pass their own. */
  token?: string;
}

export interface BrowserServer {
  /** The URL to open: carries the token once, which the server swaps for a cookie. */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

const COOKIE = 'offload_session';
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const API_PREFIX = '/api/';
/** The stream of backend events; not a call name (those always contain a colon). */
const EVENTS_PATH = 'events';
/** A page names itself on every call and on its event stream, so its own changes come back marked `self`. */
export const CLIENT_HEADER = 'x-offload-client';
const CLIENT_ID = /^[A-Za-z0-9-]{8,64}$/;
/** A comment line every so often keeps idle proxies and the browser from dropping the stream. */
const KEEPALIVE_MS = 20_000;

/**
 * Browser mode: the built renderer and the API contract over HTTP, for machines without the
 * Electron binary. Bound to 127.0.0.1 only. Other local processes and web pages are kept out by a
 * per-run secret (given once in the URL, then held in an HttpOnly SameSite=Strict cookie), a Host
 * check (against DNS rebinding) and an Origin check on every API call; no CORS headers are sent.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  let origin = '';
  let allowedHosts = new Set<string>();

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[offload] request failed:', error);
      if (!response.headersSent) sendJson(response, 500, failure('INTERNAL', 'The request failed inside Offload.'));
      else response.end();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      sendText(response, 421, 'Offload answers only at its own address.');
      return;
    }
    const url = new URL(request.url ?? '/', origin);

    if (url.pathname.startsWith(API_PREFIX)) {
      await handleApi(request, response, decodeURIComponent(url.pathname.slice(API_PREFIX.length)));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed.');
      return;
    }
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!sameSecret(offered, token)) {
        sendText(response, 403, 'This link is not valid for the running Offload. Use the link printed when Offload started.');
        return;
      }
      response.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      response.end();
      return;
    }
    const file = readRendererFile(options.rendererDir, url.pathname);
    if (!file) {
      sendText(response, 404, 'Not found.');
      return;
    }
    response.writeHead(200, {
      ...RENDERER_SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') {
      sendJson(response, 405, failure('FORBIDDEN', 'API calls are POST requests.'));
      return;
    }
    if (request.headers.origin !== origin || request.headers['sec-fetch-site'] === 'cross-site') {
      sendJson(response, 403, failure('FORBIDDEN', 'Calls are accepted only from the Offload page itself.'));
      return;
    }
    if (!sameSecret(readCookie(request.headers.cookie, COOKIE) ?? '', token)) {
      sendJson(
        response,
        401,
        failure('FORBIDDEN', 'This page is not signed in to the running Offload. Open the link printed when Offload started.'),
      );
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(response, 415, failure('VALIDATION', 'API calls send JSON.'));
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(request);
      input = body.length === 0 ? undefined : JSON.parse(body);
    } catch (error) {
      sendJson(response, 400, failure('VALIDATION', error instanceof BodyTooLarge ? error.message : 'The request body is not valid JSON.'));
      return;
    }
    const client = request.headers[CLIENT_HEADER];
    const source = typeof client === 'string' && CLIENT_ID.test(client) ? `http:${client}` : null;
    if (name === EVENTS_PATH) {
      streamEvents(request, response, source);
      return;
    }
    sendJson(response, 200, await options.backend.dispatch(name, input, { source }));
  }

  /**
   * Server-Sent Events over the response of an authenticated POST (the page reads it with fetch, so
   * it passes exactly the checks every call passes). Each event is one `data:` line of JSON.
   */
  function streamEvents(request: http.IncomingMessage, response: http.ServerResponse, source: string | null): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    const unsubscribe = options.backend.subscribe((event) => {
      response.write(`data: ${JSON.stringify(eventFor(event, source ?? ''))}\n\n`);
    });
    const keepalive = setInterval(() => response.write(': keepalive\n\n'), KEEPALIVE_MS);
    const stop = () => {
      clearInterval(keepalive);
      unsubscribe();
    };
    request.on('close', stop);
    response.on('close', stop);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

class BodyTooLarge extends Error {}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function sameSecret(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function failure(code: 'FORBIDDEN' | 'VALIDATION' | 'INTERNAL', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  response.end(text);
}
