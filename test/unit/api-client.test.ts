import { afterEach, describe, expect, it, vi } from 'vitest';

/** Loads renderer/api/client.ts as a browser-mode page would have it: no preload bridge, a kept session, the given server answer. */
async function browserModeClient(answer: Response) {
  const fetch = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(answer));
  const storage = new Map([['offload.session', 'kept-secret']]);
  vi.stubGlobal('BroadcastChannel', undefined);
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('window', {
    location: { search: '', pathname: '/', hash: '' },
    history: { replaceState: vi.fn() },
    sessionStorage: { getItem: (key: string) => storage.get(key) ?? null, setItem: vi.fn(), removeItem: (key: string) => storage.delete(key) },
    fetch,
    setTimeout,
  });
  vi.resetModules();
  const client = await import('../../renderer/api/client');
  return { client, fetch, storage };
}

afterEach(() => vi.unstubAllGlobals());

describe('the renderer’s browser-mode transport', () => {
  it('signs every call with the session header, sends no cookies, and turns a 413 into an error carrying the server’s message', async () => {
    const tooLarge = Response.json(
      { ok: false, error: { code: 'VALIDATION', message: 'The request is 50 MB; Offload accepts at most 8 MB in one call.' } },
      { status: 413 },
    );
    const { client, fetch } = await browserModeClient(tooLarge);
    const failure = client.call('tasks:create', { title: 'x', notes: 'n' });
    await expect(failure).rejects.toMatchObject({ name: 'ApiError', code: 'VALIDATION', message: 'The request is 50 MB; Offload accepts at most 8 MB in one call.' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('./api/tasks%3Acreate');
    expect(init.credentials).toBe('omit');
    expect(init.headers).toMatchObject({ 'X-Offload-Session': 'kept-secret', 'Content-Type': 'application/json' });
  });

  it('forgets a session the server refuses (restarted), keeping the server’s explanation', async () => {
    const refused = Response.json({ ok: false, error: { code: 'FORBIDDEN', message: 'This page is not signed in to the running Offload.' } }, { status: 401 });
    const { client, storage } = await browserModeClient(refused);
    await expect(client.call('tasks:list', {})).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'This page is not signed in to the running Offload.' });
    expect(storage.has('offload.session')).toBe(false);
  });
});
