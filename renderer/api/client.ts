import { contract, type CallArgs, type CallName, type CallResult, type OffloadBridge } from '../../shared/api/contract';
import { ApiError, type Envelope } from '../../shared/api/errors';
import type { Aggregate, BackendEvent, OffloadEventsBridge } from '../../shared/api/events';
import { pageEnvironment, SESSION_HEADER, startSession, type Session } from './session';

declare global {
  interface Window {
    /** Present in the desktop app: exposed by the preload, one function per call. */
    offload?: OffloadBridge;
    /** Present in the desktop app: the backend's events. */
    offloadEvents?: OffloadEventsBridge;
  }
}

type Transport = (name: CallName, input: unknown) => Promise<Envelope<unknown>>;

/**
 * This page's name on its calls and its event stream in browser mode, so the changes it makes come
 * back marked `self` (it refreshed from its own call already). Not a credential.
 */
const CLIENT_ID = crypto.randomUUID();
const CLIENT_HEADER = 'X-Offload-Client';

function bridgeTransport(bridge: OffloadBridge): Transport {
  return (name, input) => (bridge[name] as (input: unknown) => Promise<Envelope<unknown>>)(input);
}

const SERVER_GONE = 'Offload’s local server is not answering. Is it still running? Start it again with npm start.';

/** Browser mode only: the session secret this page signs its calls with (see session.ts). */
const session: Session | null = window.offload ? null : startSession(pageEnvironment());

/** The headers of every browser-mode request: JSON, this page's name, and its session secret once it has one. */
async function requestHeaders(): Promise<Record<string, string>> {
  const secret = (await session?.ready) ?? null;
  return { 'Content-Type': 'application/json', [CLIENT_HEADER]: CLIENT_ID, ...(secret === null ? {} : { [SESSION_HEADER]: secret }) };
}

/** Browser mode: the same calls as JSON over HTTP to the local server that served this page. */
const httpTransport: Transport = async (name, input) => {
  let response: Response;
  try {
    response = await fetch(`./api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: await requestHeaders(),
      body: input === undefined ? '' : JSON.stringify(input),
      credentials: 'omit',
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: SERVER_GONE } };
  }
  if (response.status === 401) session?.forget();
  // Every refusal (401, 413, 503 …) carries an envelope with a message meant for her.
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Offload’s local server answered ${response.status} without a result.` } };
  }
};

const transport: Transport = window.offload ? bridgeTransport(window.offload) : httpTransport;

const writeListeners = new Set<(aggregates: readonly Aggregate[]) => void>();

/** Called after each successful write this page makes, with the aggregates the contract says it writes. */
export function onOwnWrite(listener: (aggregates: readonly Aggregate[]) => void): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

/** Makes one call of the contract; resolves with its result or rejects with an ApiError. */
export async function call<Name extends CallName>(name: Name, ...args: CallArgs<Name>): Promise<CallResult<Name>> {
  const envelope = await transport(name, args[0]);
  if (!envelope.ok) throw new ApiError(envelope.error);
  const { writes } = contract[name];
  if (writes.length > 0) for (const listener of writeListeners) listener(writes);
  return envelope.value as CallResult<Name>;
}

/** What the event stream reports besides events: whether it is connected (after a gap, refetch everything). */
export interface EventStreamHandlers {
  onEvent(event: BackendEvent): void;
  onReconnected(): void;
}

/**
 * Subscribes to the backend's events: over IPC in the desktop app, over an authenticated stream in
 * browser mode (reconnecting with back-off; a reconnect may have missed events, so the caller
 * refetches). Returns the function that stops listening.
 */
export function subscribeToEvents(handlers: EventStreamHandlers): () => void {
  if (window.offloadEvents) return window.offloadEvents.subscribe(handlers.onEvent);
  const controller = new AbortController();
  void streamEvents(handlers, controller.signal);
  return () => controller.abort();
}

const RETRY_MS = [500, 1000, 2000, 5000];

async function streamEvents(handlers: EventStreamHandlers, signal: AbortSignal): Promise<void> {
  let attempt = 0;
  let connectedBefore = false;
  while (!signal.aborted) {
    try {
      const response = await fetch('./api/events', {
        method: 'POST',
        headers: await requestHeaders(),
        body: '{}',
        credentials: 'omit',
        signal,
      });
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      if (connectedBefore) handlers.onReconnected();
      connectedBefore = true;
      attempt = 0;
      await readEvents(response.body, handlers.onEvent);
    } catch {
      if (signal.aborted) return;
    }
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
    attempt += 1;
    await new Promise((resolve) => window.setTimeout(resolve, delay));
  }
}

/** Reads Server-Sent Events (`data: <json>` blocks; `:` lines are keep-alive comments). */
async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: BackendEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data !== '') onEvent(JSON.parse(data) as BackendEvent);
    }
  }
}
