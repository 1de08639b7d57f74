import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiErrorCode, Envelope } from '../../shared/api/errors';
import { eventFor } from '../../shared/api/events';
import type { Backend } from '../backend/backend';
import { RENDERER_SECURITY_HEADERS } from '../backend/content-security-policy';
import { acceptedCodings, readRendererFile } from '../backend/renderer-files';

/** How much the server takes in, and for how long; tests pass smaller ones. */
export interface ServerLimits {
  /** The largest body one call may send. */
  maxBodyBytes: number;
  /** Bodies being received at once, together: past it a call is refused as busy rather than buffered. */
  maxConcurrentBodyBytes: number;
  /** A request's headers must have arrived within this. */
  headersTimeoutMs: number;
  /** A request, headers and body, must have arrived within this. A response (the event stream) may last as long as it likes. */
  requestTimeoutMs: number;
  /** How often the server looks for requests past those timeouts. */
  timeoutCheckIntervalMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 8 * 1024 * 1024,
  maxConcurrentBodyBytes: 16 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  timeoutCheckIntervalMs: 1_000,
};

export interface BrowserServerOptions {
  backend: Pick<Backend, 'dispatch' | 'subscribe'>;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to a fresh random token; tests may pass their own. */
  token?: string;
  limits?: Partial<ServerLimits>;
}

export interface BrowserServer {
  /** The sign-in link to open: carries the sign-in token, which the page exchanges for the session secret. */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
/** The stream of backend events and the sign-in exchange; not call names (those always contain a colon). */
const EVENTS_PATH = 'events';
const SESSION_PATH = 'session';
/** The session secret, on every call and on the event stream. Never a cookie: cookies are not scoped by port. */
export const SESSION_HEADER = 'x-offload-session';
/** The sign-in token, sent once per page load to `POST /api/session` in exchange for the session secret. */
export const SIGN_IN_HEADER = 'x-offload-sign-in';
/** A page names itself on every call and on its event stream, so its own changes come back marked `self`. */
export const CLIENT_HEADER = 'x-offload-client';
const CLIENT_ID = /^[A-Za-z0-9-]{8,64}$/;
/** The session cookie of Offload before 0.2 carried the sign-in token; the sign-in page deletes it. */
const LEGACY_COOKIE = 'offload_session';
/** A comment line every so often keeps idle proxies and the browser from dropping the stream. */
const KEEPALIVE_MS = 20_000;

const NOT_SIGNED_IN = 'This page is not signed in to the running Offload. Open the link printed when Offload started.';

/**
 * Browser mode: the built renderer and the API contract over HTTP, for machines without the
 * Electron binary. Bound to 127.0.0.1 only. What keeps other local processes and web pages out:
 *
 * - **Two secrets, neither in a cookie.** The link printed at start carries a sign-in token; the
 *   page sends it once (`POST /api/session`, header `X-Offload-Sign-In`) and receives the run's
 *   session secret, which it keeps in sessionStorage and sends as `X-Offload-Session` on every call
 *   and on the event stream. Cookies are shared by every port of 127.0.0.1, so any other local
 *   server the browser visits would receive one; sessionStorage and headers stay with this origin.
 *   The sign-in token is never accepted as the session secret, and cookies are ignored, so a cookie
 *   another local page sets ("cookie tossing") can neither sign in nor lock her out.
 * - **Host and Origin.** A Host other than 127.0.0.1:<port> is refused (DNS rebinding);
 *   localhost:<port> is redirected there, so the app has one origin. Every API call must come with
 *   that Origin, and a custom header, which another origin cannot send without a CORS preflight
 *   that is never answered.
 * - **Limits.** Malformed addresses are refused first; bodies are refused by their declared length
 *   before a byte is read, and bodies in flight together are capped; slow requests time out.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const session = crypto.randomBytes(32).toString('base64url');
  let origin = '';
  let appHost = '';
  let localhostHost = '';
  let bodyBytesInFlight = 0;

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        console.error('[offload] request failed:', error instanceof Error ? error.message : String(error));
        if (!response.headersSent) sendJson(response, 500, failure('INTERNAL', 'The request failed inside Offload.'));
        else response.end();
      });
    },
  );

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const target = parseTarget(request.url);
    if (!target) {
      sendText(response, 400, 'That address is not valid.');
      return;
    }
    const host = request.headers.host ?? '';
    if (host === localhostHost) {
      moveToAppOrigin(request, response, target);
      return;
    }
    if (host !== appHost) {
      sendText(response, 421, 'Offload answers only at its own address.');
      return;
    }

    if (target.path.startsWith(API_PREFIX)) {
      await handleApi(request, response, target.path.slice(API_PREFIX.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed.');
      return;
    }
    const offered = target.query.get('token');
    if (offered !== null && !sameSecret(offered, token)) {
      sendText(response, 403, 'This link is not valid for the running Offload. Use the link printed when Offload started.');
      return;
    }
    // The precompressed copy the build wrote beside the file, when the browser takes it (Brotli, then gzip).
    const file = readRendererFile(options.rendererDir, target.rawPath, acceptedCodings(request.headers['accept-encoding']));
    if (!file) {
      sendText(response, 404, 'Not found.');
      return;
    }
    response.writeHead(200, {
      ...RENDERER_SECURITY_HEADERS,
      'Content-Type': file.contentType,
      ...(file.encoding === null ? {} : { 'Content-Encoding': file.encoding }),
      // Caches keep one copy per coding: what is sent depends on Accept-Encoding.
      Vary: 'Accept-Encoding',
      'Cache-Control': target.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : offered === null ? 'no-cache' : 'no-store',
      ...(offered === null ? {} : { 'Set-Cookie': `${LEGACY_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict` }),
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  /**
   * `localhost:<port>` is another origin to the browser (its own storage, its own Origin header), so
   * the page is sent to 127.0.0.1 instead of half-working there; an API call addressed to it is refused.
   */
  function moveToAppOrigin(request: http.IncomingMessage, response: http.ServerResponse, target: Target): void {
    if (target.path.startsWith(API_PREFIX) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      sendJson(response, 421, failure('FORBIDDEN', `Offload answers at ${origin}, not at localhost.`));
      return;
    }
    response.writeHead(308, { Location: `${origin}${target.rawPath}${target.rawQuery}`, 'Cache-Control': 'no-store' });
    response.end();
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
    if (name === SESSION_PATH) {
      signIn(request, response);
      return;
    }
    if (!sameSecret(headerValue(request, SESSION_HEADER), session)) {
      sendJson(response, 401, failure('FORBIDDEN', NOT_SIGNED_IN));
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(response, 415, failure('VALIDATION', 'API calls send JSON.'));
      return;
    }
    const input = await readJsonBody(request, response);
    if (input === REFUSED) return;
    const client = headerValue(request, CLIENT_HEADER);
    const source = CLIENT_ID.test(client) ? `http:${client}` : null;
    if (name === EVENTS_PATH) {
      streamEvents(request, response, source);
      return;
    }
    sendJson(response, 200, await options.backend.dispatch(name, input, { source }));
  }

  /** The one place the sign-in token is accepted: in exchange for the session secret, never as it. */
  function signIn(request: http.IncomingMessage, response: http.ServerResponse): void {
    if (!sameSecret(headerValue(request, SIGN_IN_HEADER), token)) {
      sendJson(response, 401, failure('FORBIDDEN', 'This sign-in link is not valid for the running Offload. Use the link printed when Offload started.'));
      return;
    }
    request.resume();
    sendJson(response, 200, { ok: true, value: { session } });
  }

  /**
   * The body as JSON, or REFUSED after answering. The declared length decides before a byte is
   * read: too large is 413; a body without a length (chunked) is refused, since its size cannot be
   * known up front; and while other bodies already hold the budget, 503.
   */
  async function readJsonBody(request: http.IncomingMessage, response: http.ServerResponse): Promise<unknown> {
    const declared = request.headers['content-length'];
    if (declared === undefined) {
      if (request.headers['transfer-encoding'] === undefined) return undefined;
      refuse(response, 411, failure('VALIDATION', 'API calls must state their length (Content-Length).'));
      return REFUSED;
    }
    const length = Number(declared);
    if (length > limits.maxBodyBytes) {
      refuse(response, 413, failure('VALIDATION', `The request is ${megabytes(length)}; Offload accepts at most ${megabytes(limits.maxBodyBytes)} in one call.`));
      return REFUSED;
    }
    if (bodyBytesInFlight + length > limits.maxConcurrentBodyBytes) {
      refuse(response, 503, failure('BUSY', 'Offload is still receiving other large requests. Try again in a moment.'), { 'Retry-After': '1' });
      return REFUSED;
    }
    bodyBytesInFlight += length;
    let body: string;
    try {
      body = await readBody(request, length);
    } catch {
      // The client went away or timed out mid-body: there is no one left to answer.
      request.destroy();
      return REFUSED;
    } finally {
      bodyBytesInFlight -= length;
    }
    try {
      return body.length === 0 ? undefined : (JSON.parse(body) as unknown);
    } catch {
      sendJson(response, 400, failure('VALIDATION', 'The request body is not valid JSON.'));
      return REFUSED;
    }
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
  appHost = `127.0.0.1:${port}`;
  localhostHost = `localhost:${port}`;

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

const REFUSED = Symbol('refused');

interface Target {
  /** The path as sent, still percent-encoded. */
  rawPath: string;
  /** The path decoded. */
  path: string;
  /** `?…` as sent, or ''. */
  rawQuery: string;
  query: URLSearchParams;
}

/**
 * The request target, or null when it is not an origin-form path or its percent-encoding is
 * malformed (`%`, `%zz`, a cut-off UTF-8 sequence): refused before anything else looks at it.
 * Parsed by hand rather than with `new URL(path, base)`, which reads `//host/…` as another host.
 */
function parseTarget(url: string | undefined): Target | null {
  const raw = url ?? '/';
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : raw.slice(queryAt);
  if (!rawPath.startsWith('/') || rawPath.startsWith('//')) return null;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  return { rawPath, path, rawQuery, query: new URLSearchParams(rawQuery) };
}

function readBody(request: http.IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= length) chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
    request.on('close', () => {
      if (!request.complete) reject(new Error('the request closed before its body arrived'));
    });
  });
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function headerValue(request: http.IncomingMessage, name: string): string {
  const value = request.headers[name];
  return typeof value === 'string' ? value : '';
}

function sameSecret(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function failure(code: ApiErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(json)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  response.end(json);
}

/**
 * Answers a call whose body will not be read. The answer goes out at once; the connection stays
 * open while Node reads and drops the rest of the body (never buffering it), so a client still
 * sending is not reset before it can read the answer. The request timeout bounds how long that lasts.
 */
function refuse(response: http.ServerResponse, status: number, body: Envelope<never>, extra: Record<string, string> = {}): void {
  sendJson(response, status, body, extra);
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  response.end(text);
}
