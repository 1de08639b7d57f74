import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBrowserServer, type BrowserServer, type ServerLimits } from '../../electron/browser-mode/server';
import { openTestBackend, tempDir, type TestBackend } from '../support/temp-backend';

const TOKEN = 't'.repeat(43);
const MB = 1024 * 1024;

let app: TestBackend;
let server: BrowserServer;
let port: number;

async function start(limits: Partial<ServerLimits> = {}) {
  const rendererDir = tempDir('offload-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Offload</title>');
  server = await startBrowserServer({ backend: app.backend, rendererDir, token: TOKEN, limits });
  port = Number(new URL(server.origin).port);
}

beforeEach(() => {
  app = openTestBackend();
});
afterEach(async () => {
  await server.close();
  app.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses the first HTTP response in `text`. */
function parseAnswer(text: string): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine?.split(' ')[1]), headers, body: text.slice(end + 4) };
}

/**
 * One request written byte for byte on its own connection (fetch would normalise the path and
 * refuse some headers). Resolves with the answer once the first response is complete or the server
 * closes the connection, and says whether it closed.
 */
function raw(request: string, { keepWriting }: { keepWriting?: (socket: net.Socket) => void } = {}) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const answer = new Promise<RawAnswer | null>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/content-length: (\d+)/i.exec(received.slice(0, end))?.[1] ?? 0);
      if (received.length >= end + 4 + length) resolve(parseAnswer(received));
    });
    socket.on('close', () => resolve(received.includes('\r\n\r\n') ? parseAnswer(received) : null));
    socket.on('error', () => undefined);
  });
  socket.write(request, 'latin1');
  keepWriting?.(socket);
  return { answer, closed, socket };
}

const origin = () => server.origin;

async function signIn(): Promise<string> {
  const response = await fetch(`${origin()}/api/session`, { method: 'POST', headers: { Origin: origin(), 'X-Offload-Sign-In': TOKEN } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: { session: string } }).value.session;
}

function callWith(headers: Record<string, string>, name = 'tasks:list', body = '{}') {
  return fetch(`${origin()}/api/${name}`, { method: 'POST', headers: { Origin: origin(), 'Content-Type': 'application/json', ...headers }, body });
}

describe('browser mode signs a page in without a cookie', () => {
  beforeEach(() => start());

  it('exchanges the sign-in token for a session secret that is not the token', async () => {
    const session = await signIn();
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).not.toBe(TOKEN);
    expect((await callWith({ 'X-Offload-Session': session })).status).toBe(200);
  });

  it('never accepts the sign-in token as the session, in a header or in the old cookie', async () => {
    expect((await callWith({ 'X-Offload-Session': TOKEN })).status).toBe(401);
    expect((await callWith({ Cookie: `offload_session=${TOKEN}` })).status).toBe(401);
  });

  it('ignores cookies entirely: the session secret in a cookie is refused, and a tossed cookie locks no one out', async () => {
    const session = await signIn();
    expect((await callWith({ Cookie: `offload_session=${session}` })).status).toBe(401);
    const tossed = await callWith({ 'X-Offload-Session': session, Cookie: 'offload_session=x; offload_session=y' });
    expect(tossed.status).toBe(200);
  });

  it('refuses a sign-in with the wrong token, or from another origin', async () => {
    const wrong = await fetch(`${origin()}/api/session`, { method: 'POST', headers: { Origin: origin(), 'X-Offload-Sign-In': 'x'.repeat(43) } });
    expect(wrong.status).toBe(401);
    const elsewhere = await fetch(`${origin()}/api/session`, { method: 'POST', headers: { Origin: 'http://127.0.0.1:1', 'X-Offload-Sign-In': TOKEN } });
    expect(elsewhere.status).toBe(403);
  });

  it('serves the sign-in page without setting any secret in a cookie (only deleting the old one), and never caches it', async () => {
    const page = await fetch(`${origin()}/?token=${TOKEN}`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('set-cookie')).toBe('offload_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict');
    expect((await fetch(`${origin()}/?token=wrong`)).status).toBe(403);
  });

  it('refuses the event stream without the session header, like every call', async () => {
    const response = await fetch(`${origin()}/api/events`, { method: 'POST', headers: { Origin: origin(), 'Content-Type': 'application/json', Cookie: `offload_session=${TOKEN}` }, body: '{}' });
    expect(response.status).toBe(401);
  });
});

describe('browser mode refuses malformed addresses first', () => {
  beforeEach(() => start());

  it.each(['/api/%', '/api/%zz', '/api/%E0%A4%A', '/api/tasks%3Alist%', '/%', '/assets/%C0', '//evil.example/api/tasks:list'])(
    '%s is 400, before Host, Origin or session are looked at, and logs no stack',
    async (target) => {
      const log = vi.spyOn(console, 'error');
      const { answer } = raw(`POST ${target} HTTP/1.1\r\nHost: attacker.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      expect((await answer)?.status).toBe(400);
      expect(log).not.toHaveBeenCalled();
      log.mockRestore();
    },
  );
});

describe('browser mode has one origin: localhost is sent to 127.0.0.1', () => {
  beforeEach(() => start());

  it('redirects a page at localhost:<port> to the same path and query at 127.0.0.1:<port>', async () => {
    const { answer } = raw(`GET /?token=${TOKEN} HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
    const redirect = await answer;
    expect(redirect?.status).toBe(308);
    expect(redirect?.headers.location).toBe(`http://127.0.0.1:${port}/?token=${TOKEN}`);
  });

  it('refuses an API call addressed to localhost, whatever its Origin, saying where Offload answers', async () => {
    const session = await signIn();
    for (const from of [`http://localhost:${port}`, origin()]) {
      const { answer } = raw(
        `POST /api/tasks:list HTTP/1.1\r\nHost: localhost:${port}\r\nOrigin: ${from}\r\nX-Offload-Session: ${session}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      );
      const refused = await answer;
      expect(refused?.status).toBe(421);
      expect(JSON.parse(refused?.body ?? '{}')).toMatchObject({ ok: false, error: { message: `Offload answers at ${origin()}, not at localhost.` } });
    }
  });

  it('still refuses any other host name (DNS rebinding)', async () => {
    const { answer } = raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1.attacker.example:${port}\r\nConnection: close\r\n\r\n`);
    expect((await answer)?.status).toBe(421);
  });
});

describe('browser mode refuses large bodies by their declared length', () => {
  beforeEach(() => start({ maxBodyBytes: 1 * MB, maxConcurrentBodyBytes: 1.5 * MB }));

  const post = (session: string, length: number, extra = '') =>
    `POST /api/tasks:create HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin()}\r\nX-Offload-Session: ${session}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n${extra}\r\n`;

  it('answers 413 with a message as soon as the headers arrive, before a byte of the body is sent', async () => {
    const session = await signIn();
    const { answer, socket } = raw(post(session, 50 * MB));
    const refused = await answer;
    expect(refused?.status).toBe(413);
    expect(JSON.parse(refused?.body ?? '{}')).toStrictEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'The request is 50 MB; Offload accepts at most 1 MB in one call.' },
    });
    socket.destroy();
  });

  it('lets a client that sends the whole oversized body read the 413 instead of a reset', async () => {
    const session = await signIn();
    const response = await callWith({ 'X-Offload-Session': session }, 'tasks:create', JSON.stringify({ title: 'x', notes: 'n'.repeat(3 * MB) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('The request is 3 MB; Offload accepts at most 1 MB in one call.');
  });

  it('refuses a body without a declared length', async () => {
    const session = await signIn();
    const { answer } = raw(
      `POST /api/tasks:list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin()}\r\nX-Offload-Session: ${session}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
    );
    expect((await answer)?.status).toBe(411);
  });

  it('caps the bodies it receives at once: of two that would exceed it together, one is refused as busy and the other is read in full', async () => {
    const session = await signIn();
    const body = JSON.stringify({ title: 'Patch the print server', notes: 'n'.repeat(900_000) });
    const half = body.length / 2;
    const first = raw(post(session, body.length) + body.slice(0, half));
    const second = raw(post(session, body.length) + body.slice(0, half));
    const refused = await Promise.race([first.answer.then((answer) => ({ answer, other: second })), second.answer.then((answer) => ({ answer, other: first }))]);
    expect(refused.answer?.status).toBe(503);
    expect(refused.answer?.headers['retry-after']).toBe('1');
    expect(JSON.parse(refused.answer?.body ?? '{}')).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    refused.other.socket.write(body.slice(half));
    const completed = await refused.other.answer;
    // Read in full and parsed: the schema, not the server, has the last word on it.
    expect(completed?.status).toBe(200);
    expect(JSON.parse(completed?.body ?? '{}')).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Notes are limited to 20,000 characters' } });
    first.socket.destroy();
    second.socket.destroy();
  });
});

describe('browser mode times out slow requests but not the event stream', () => {
  beforeEach(() => start({ headersTimeoutMs: 200, requestTimeoutMs: 400, timeoutCheckIntervalMs: 50 }));

  it('closes a connection whose headers never finish', async () => {
    const { closed } = raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    await closed;
  });

  it('closes a connection whose body never finishes, and frees its share of the body budget', async () => {
    const session = await signIn();
    const { answer, closed } = raw(
      `POST /api/tasks:list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin()}\r\nX-Offload-Session: ${session}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"st`,
    );
    await closed;
    expect((await answer)?.status ?? 408).toBe(408);
    expect((await callWith({ 'X-Offload-Session': session })).status).toBe(200);
  });

  it('keeps an event stream open past the request timeout and still delivers events on it', async () => {
    const session = await signIn();
    const controller = new AbortController();
    const stream = await fetch(`${origin()}/api/events`, {
      method: 'POST',
      headers: { Origin: origin(), 'Content-Type': 'application/json', 'X-Offload-Session': session },
      body: '{}',
      signal: controller.signal,
    });
    const reader = stream.body!.getReader();
    await reader.read(); // ": connected"
    // Three request timeouts, each checked several times over.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await callWith({ 'X-Offload-Session': session }, 'categories:create', JSON.stringify({ name: 'Phones', color: '#123456' }));
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('data: {"type":"changed","aggregates":["categories"],"self":false}\n\n');
    controller.abort();
  });
});
