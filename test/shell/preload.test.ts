import { describe, expect, it, vi } from 'vitest';
import { callNames } from '../../shared/api/contract';
import { EVENTS_CHANNEL, type BackendEvent } from '../../shared/api/events';

type Listener = (event: unknown, payload: unknown) => void;

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn((_channel: string, _input?: unknown) => Promise.resolve({ ok: true, value: null })),
    on: vi.fn((_channel: string, _listener: Listener) => undefined),
    removeListener: vi.fn((_channel: string, _listener: Listener) => undefined),
  },
}));

vi.mock('electron', () => electron);

/** Loads the preload afresh, as each page load does, and returns what it exposed under each key. */
async function exposed(): Promise<Record<string, Record<string, unknown>>> {
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.ipcRenderer.invoke.mockClear();
  electron.ipcRenderer.on.mockClear();
  electron.ipcRenderer.removeListener.mockClear();
  vi.resetModules();
  await import('../../electron/preload');
  return Object.fromEntries(electron.contextBridge.exposeInMainWorld.mock.calls as [string, Record<string, unknown>][]);
}

describe('the preload', () => {
  it('exposes window.offload and window.offloadEvents, nothing else', async () => {
    expect(Object.keys(await exposed()).sort()).toStrictEqual(['offload', 'offloadEvents']);
  });

  it('exposes under window.offload exactly one function per contract call', async () => {
    const api = (await exposed()).offload!;
    expect(Object.keys(api).sort()).toStrictEqual([...callNames].sort());
    for (const member of Object.values(api)) expect(member).toBeTypeOf('function');
  });

  it('sends a call over its own channel with the input untouched', async () => {
    const api = (await exposed()).offload!;
    const input = { title: 'Patch the print server' };
    await (api['tasks:create'] as (input: unknown) => Promise<unknown>)(input);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('offload:tasks:create', input);
    expect(electron.ipcRenderer.invoke.mock.calls[0]?.[1]).toBe(input);
  });

  it('never exposes ipcRenderer or a generic invoke', async () => {
    const all = await exposed();
    for (const api of Object.values(all)) {
      expect(Object.values(api)).not.toContain(electron.ipcRenderer);
      expect(Object.values(api)).not.toContain(electron.ipcRenderer.invoke);
      expect(api).not.toHaveProperty('invoke');
      expect(api).not.toHaveProperty('ipcRenderer');
    }
  });

  it('window.offloadEvents offers only subscribe, on the events channel alone', async () => {
    const events = (await exposed()).offloadEvents!;
    expect(Object.keys(events)).toStrictEqual(['subscribe']);
    (events.subscribe as (listener: () => void) => () => void)(() => {});
    expect(electron.ipcRenderer.on).toHaveBeenCalledExactlyOnceWith(EVENTS_CHANNEL, expect.any(Function));
  });

  it('hands the listener the event alone, never the IPC event that carries the sender', async () => {
    const events = (await exposed()).offloadEvents!;
    const received: BackendEvent[] = [];
    const unsubscribe = (events.subscribe as (listener: (event: BackendEvent) => void) => () => void)((event) => received.push(event));
    const forward = electron.ipcRenderer.on.mock.calls[0]![1];
    const payload: BackendEvent = { type: 'changed', aggregates: ['tasks'], self: false };
    forward({ sender: 'the ipcRenderer' }, payload);
    expect(received).toStrictEqual([payload]);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(EVENTS_CHANNEL, forward);
  });
});
