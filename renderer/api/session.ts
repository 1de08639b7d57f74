/**
 * Browser mode's sign-in, in the page. The link printed when Offload starts carries a sign-in
 * token; the page exchanges it once for the run's session secret and sends that as a header on
 * every call and on the event stream. The secret lives in sessionStorage: scoped to this origin
 * (port included) and this tab, it survives a reload but is never sent anywhere on its own, unlike
 * a cookie, which every other server on 127.0.0.1 would receive.
 *
 * A new tab at the bare address asks the tabs already signed in (a BroadcastChannel, which only
 * this origin's pages share) and takes the secret from one of them; with none open, she opens the
 * printed link again.
 */

export const SESSION_HEADER = 'X-Offload-Session';
export const SIGN_IN_HEADER = 'X-Offload-Sign-In';
const STORAGE_KEY = 'offload.session';
const CHANNEL_NAME = 'offload.session';
/** How long a new tab waits for a signed-in tab to answer before it says she is not signed in. */
export const HANDOFF_WAIT_MS = 500;

type HandoffMessage = { type: 'ask' } | { type: 'answer'; session: string };

export interface SessionChannel {
  postMessage(message: HandoffMessage): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** What the session needs from the page; the real one is the window's, tests pass their own. */
export interface SessionEnvironment {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
  channel: SessionChannel | null;
  wait: (ms: number) => Promise<void>;
}

export interface Session {
  /** The session secret once known, or null when this tab is not signed in. */
  readonly ready: Promise<string | null>;
  /** Drops a secret the server no longer accepts (it was restarted), so a reload does not send it again. */
  forget(): void;
}

export function startSession(environment: SessionEnvironment): Session {
  const { storage, channel } = environment;
  let known: string | null = null;
  const waiting = new Set<(session: string) => void>();

  channel?.addEventListener('message', ({ data }) => {
    const message = data as HandoffMessage | null;
    if (message?.type === 'ask' && known !== null) channel.postMessage({ type: 'answer', session: known });
    if (message?.type === 'answer' && typeof message.session === 'string') for (const resolve of waiting) resolve(message.session);
  });

  const keep = (session: string) => {
    known = session;
    storage.setItem(STORAGE_KEY, session);
    return session;
  };

  async function exchange(token: string): Promise<string | null> {
    try {
      const response = await environment.fetch('./api/session', {
        method: 'POST',
        headers: { [SIGN_IN_HEADER]: token },
        credentials: 'omit',
      });
      const envelope = (await response.json()) as { ok: boolean; value?: { session?: unknown } };
      return envelope.ok && typeof envelope.value?.session === 'string' ? envelope.value.session : null;
    } catch {
      return null;
    }
  }

  async function askOtherTabs(): Promise<string | null> {
    if (!channel) return null;
    const answer = new Promise<string>((resolve) => waiting.add(resolve));
    channel.postMessage({ type: 'ask' });
    const session = await Promise.race([answer, environment.wait(HANDOFF_WAIT_MS).then(() => null)]);
    waiting.clear();
    return session;
  }

  async function establish(): Promise<string | null> {
    const params = new URLSearchParams(environment.location.search);
    const token = params.get('token');
    if (token !== null) {
      const session = await exchange(token);
      // The token leaves the address bar either way: a reload uses the stored secret instead.
      params.delete('token');
      const rest = params.toString();
      environment.history.replaceState(null, '', `${environment.location.pathname}${rest ? `?${rest}` : ''}${environment.location.hash}`);
      if (session !== null) return keep(session);
    }
    const stored = storage.getItem(STORAGE_KEY);
    if (stored) return keep(stored);
    const handed = await askOtherTabs();
    return handed === null ? null : keep(handed);
  }

  return {
    ready: establish(),
    forget() {
      known = null;
      storage.removeItem(STORAGE_KEY);
    },
  };
}

/** The page's own environment. */
export function pageEnvironment(): SessionEnvironment {
  return {
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    fetch: (...args) => window.fetch(...args),
    channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null,
    wait: (ms) => new Promise((resolve) => window.setTimeout(resolve, ms)),
  };
}
