import { describe, expect, it, vi } from 'vitest';
import { HANDOFF_WAIT_MS, startSession, type SessionChannel, type SessionEnvironment } from '../../renderer/api/session';

/** Tabs of one origin: every channel hears what the others post (as a BroadcastChannel does), never its own. */
function origin() {
  const channels: { listeners: ((event: { data: unknown }) => void)[] }[] = [];
  return {
    channel(): SessionChannel {
      const self = { listeners: [] as ((event: { data: unknown }) => void)[] };
      channels.push(self);
      return {
        postMessage: (message) => {
          for (const other of channels) if (other !== self) for (const listener of other.listeners) listener({ data: structuredClone(message) });
        },
        addEventListener: (_type, listener) => void self.listeners.push(listener),
      };
    },
  };
}

function tab(options: { search?: string; stored?: string; channel?: SessionChannel | null; answer?: () => Response } = {}) {
  const storage = new Map<string, string>(options.stored ? [['offload.session', options.stored]] : []);
  const replaceState = vi.fn();
  const fetch = vi.fn((_url: string, _init: RequestInit) =>
    Promise.resolve(options.answer?.() ?? Response.json({ ok: true, value: { session: 'the-session-secret' } })),
  );
  const wait = vi.fn(() => Promise.resolve());
  const environment: SessionEnvironment = {
    location: { search: options.search ?? '', pathname: '/', hash: '' },
    history: { replaceState },
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
      removeItem: (key) => void storage.delete(key),
    },
    fetch: fetch as unknown as typeof globalThis.fetch,
    channel: options.channel ?? null,
    wait,
  };
  return { session: startSession(environment), storage, replaceState, fetch, wait };
}

describe('the browser-mode session in the page', () => {
  it('exchanges the link’s sign-in token once, keeps the secret in sessionStorage and takes the token out of the address', async () => {
    const page = tab({ search: '?token=sign-in-token&view=tasks' });
    expect(await page.session.ready).toBe('the-session-secret');
    expect(page.storage.get('offload.session')).toBe('the-session-secret');
    expect(page.fetch).toHaveBeenCalledExactlyOnceWith('./api/session', {
      method: 'POST',
      headers: { 'X-Offload-Sign-In': 'sign-in-token' },
      credentials: 'omit',
    });
    expect(page.replaceState).toHaveBeenCalledExactlyOnceWith(null, '', '/?view=tasks');
  });

  it('after a reload uses the secret it kept, asking nobody', async () => {
    const page = tab({ stored: 'kept-secret' });
    expect(await page.session.ready).toBe('kept-secret');
    expect(page.fetch).not.toHaveBeenCalled();
  });

  it('in a new tab takes the secret from a tab already signed in', async () => {
    const tabs = origin();
    const first = tab({ search: '?token=sign-in-token', channel: tabs.channel() });
    await first.session.ready;
    const second = tab({ channel: tabs.channel() });
    second.wait.mockImplementation(() => new Promise(() => undefined));
    expect(await second.session.ready).toBe('the-session-secret');
    expect(second.storage.get('offload.session')).toBe('the-session-secret');
    expect(second.fetch).not.toHaveBeenCalled();
  });

  it('with no tab to ask, gives up after a short wait: she opens the printed link again', async () => {
    const page = tab({ channel: origin().channel() });
    expect(await page.session.ready).toBeNull();
    expect(page.wait).toHaveBeenCalledExactlyOnceWith(HANDOFF_WAIT_MS);
  });

  it('keeps no secret when the sign-in is refused, and forgets one the server no longer takes', async () => {
    const refused = tab({ search: '?token=old', answer: () => Response.json({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } }, { status: 401 }) });
    expect(await refused.session.ready).toBeNull();
    expect(refused.storage.size).toBe(0);
    const stale = tab({ stored: 'from-the-last-run' });
    await stale.session.ready;
    stale.session.forget();
    expect(stale.storage.size).toBe(0);
  });
});
