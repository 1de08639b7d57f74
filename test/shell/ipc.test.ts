import type { BrowserWindow, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { callNames, ipcChannel } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { EVENTS_CHANNEL, type SourcedEvent } from '../../shared/api/events';
import { forwardEvents, registerCalls, trustedFrameCheck } from '../../electron/shell/ipc';

type InvokeHandler = (event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, input: unknown) => Promise<Envelope<unknown>>;

/** The window's webContents as the sender of its calls. */
const SENDER = { id: 7 } as IpcMainInvokeEvent['sender'];

/** The parts of a frame the check reads; cast once, since a real WebFrameMain needs Electron. */
function frame(url: string, parent: unknown = null): WebFrameMain {
  return { url, parent } as unknown as WebFrameMain;
}

function setUp() {
  const handlers = new Map<string, InvokeHandler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: InvokeHandler) => void handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  const dispatch = vi.fn((_name: unknown, input: unknown): Promise<Envelope<unknown>> => Promise.resolve({ ok: true, value: input }));
  const mainFrame = frame('app://offload/index.html');
  const window = { isDestroyed: () => false, webContents: { mainFrame } } as unknown as BrowserWindow;
  const unregister = registerCalls(ipcMain, { dispatch }, trustedFrameCheck(() => [window]));

  const call = (name: string, senderFrame: WebFrameMain | null, input?: unknown) => {
    const handler = handlers.get(name);
    if (!handler) throw new Error(`nothing handles ${name}`);
    return handler({ senderFrame, sender: SENDER }, input);
  };
  return { handlers, ipcMain, dispatch, mainFrame, unregister, call };
}

const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };

describe('registerCalls', () => {
  it('registers exactly one handler per contract call, on its offload: channel', () => {
    const { ipcMain } = setUp();
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels).toStrictEqual(callNames.map(ipcChannel));
    expect(new Set(channels).size).toBe(callNames.length);
  });

  it('forwards a call from the app window’s top frame to the backend with its input unchanged', async () => {
    const { call, dispatch, mainFrame } = setUp();
    const input = { title: 'Renew the firewall licence', estimateMinutes: 30 };
    const result = await call('offload:tasks:create', mainFrame, input);
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('tasks:create', input, { source: 'ipc:7' });
    expect(dispatch.mock.calls[0]?.[1]).toBe(input);
    expect(result).toStrictEqual({ ok: true, value: input });
  });

  it('refuses a frame that is not the window’s main frame, even at the app’s own URL', async () => {
    const { call, dispatch } = setUp();
    expect(await call('offload:tasks:list', frame('app://offload/index.html'), {})).toMatchObject(forbidden);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a subframe of the app’s window', async () => {
    const { call, dispatch, mainFrame } = setUp();
    expect(await call('offload:tasks:delete', frame('app://offload/index.html', mainFrame), { id: 1 })).toMatchObject(forbidden);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses the main frame once it shows another origin', async () => {
    const { call, dispatch, mainFrame } = setUp();
    Object.assign(mainFrame, { url: 'https://evil.example/' });
    expect(await call('offload:settings:get', mainFrame)).toMatchObject(forbidden);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call whose sender frame is already gone', async () => {
    const { call, dispatch } = setUp();
    expect(await call('offload:app:status', null)).toMatchObject(forbidden);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses every call while there is no window', async () => {
    const dispatch = vi.fn();
    const handlers = new Map<string, InvokeHandler>();
    registerCalls(
      { handle: (channel, handler) => void handlers.set(channel, handler as InvokeHandler), removeHandler: vi.fn() },
      { dispatch },
      trustedFrameCheck(() => [null]),
    );
    const result = await handlers.get('offload:app:status')?.({ senderFrame: frame('app://offload/index.html'), sender: SENDER }, undefined);
    expect(result).toMatchObject(forbidden);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a backend that throws into an INTERNAL error without a stack', async () => {
    const { call, dispatch, mainFrame } = setUp();
    dispatch.mockRejectedValueOnce(new Error('disk on fire'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await call('offload:tasks:get', mainFrame, { id: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
  });

  it('accepts the top frame of each of the app’s windows, and nothing once a window is gone', async () => {
    const handlers = new Map<string, InvokeHandler>();
    const dispatch = vi.fn((): Promise<Envelope<unknown>> => Promise.resolve({ ok: true, value: null }));
    const main = frame('app://offload/index.html');
    const quickAdd = frame('app://offload/index.html#/quick-add-window');
    let quickAddOpen = true;
    const windowWith = (mainFrame: WebFrameMain, alive: () => boolean) =>
      ({ isDestroyed: () => !alive(), webContents: { mainFrame } }) as unknown as BrowserWindow;
    const windows = [windowWith(main, () => true), windowWith(quickAdd, () => quickAddOpen)];
    registerCalls(
      { handle: (channel, handler) => void handlers.set(channel, handler as InvokeHandler), removeHandler: vi.fn() },
      { dispatch },
      trustedFrameCheck(() => windows),
    );
    const create = (senderFrame: WebFrameMain) => handlers.get('offload:tasks:create')!({ senderFrame, sender: SENDER }, { title: 'Call Bob' });
    expect(await create(main)).toMatchObject({ ok: true });
    expect(await create(quickAdd)).toMatchObject({ ok: true });
    expect(await create(frame('app://offload/index.html#/quick-add-window', quickAdd))).toMatchObject(forbidden);
    quickAddOpen = false;
    expect(await create(quickAdd)).toMatchObject(forbidden);
    expect(dispatch).toHaveBeenCalledTimes(2);
  });

  it('removes every handler it registered when unregistered', () => {
    const { handlers, unregister } = setUp();
    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  function setUpForwarding(window: BrowserWindow | null) {
    let emit: (event: SourcedEvent) => void = () => {};
    const stop = vi.fn();
    const backend = {
      subscribe: vi.fn((listener: (event: SourcedEvent) => void) => {
        emit = listener;
        return stop;
      }),
    };
    const unsubscribe = forwardEvents(backend, () => [window]);
    return { emit: (event: SourcedEvent) => emit(event), unsubscribe, stop };
  }

  function windowWith(send: ReturnType<typeof vi.fn>, id = 7): BrowserWindow {
    return { isDestroyed: () => false, webContents: { id, isDestroyed: () => false, send } } as unknown as BrowserWindow;
  }

  it('sends each change to the window on the events channel, marked self only for its own calls', () => {
    const send = vi.fn();
    const { emit } = setUpForwarding(windowWith(send));
    emit({ type: 'changed', aggregates: ['tasks'], source: 'ipc:7' });
    emit({ type: 'changed', aggregates: ['timeEntries'], source: 'http:another-page' });
    emit({ type: 'changed', aggregates: ['tasks', 'recurring'], source: null });
    expect(send.mock.calls).toStrictEqual([
      [EVENTS_CHANNEL, { type: 'changed', aggregates: ['tasks'], self: true }],
      [EVENTS_CHANNEL, { type: 'changed', aggregates: ['timeEntries'], self: false }],
      [EVENTS_CHANNEL, { type: 'changed', aggregates: ['tasks', 'recurring'], self: false }],
    ]);
  });

  it('sends each event to every open window, marked self only for the window that made the change', () => {
    let emit: (event: SourcedEvent) => void = () => {};
    const main = vi.fn();
    const quickAdd = vi.fn();
    forwardEvents({ subscribe: (listener) => ((emit = listener), () => undefined) }, () => [windowWith(main, 7), windowWith(quickAdd, 9), null]);
    emit({ type: 'changed', aggregates: ['tasks'], source: 'ipc:9' });
    expect(main).toHaveBeenCalledExactlyOnceWith(EVENTS_CHANNEL, { type: 'changed', aggregates: ['tasks'], self: false });
    expect(quickAdd).toHaveBeenCalledExactlyOnceWith(EVENTS_CHANNEL, { type: 'changed', aggregates: ['tasks'], self: true });
  });

  it('passes progress events through unchanged', () => {
    const send = vi.fn();
    const { emit } = setUpForwarding(windowWith(send));
    const progress = { type: 'progress', job: 'import-1', kind: 'import', label: 'Importing', done: 10, total: 100 } as const;
    emit(progress);
    expect(send).toHaveBeenCalledExactlyOnceWith(EVENTS_CHANNEL, progress);
  });

  it('sends nothing while there is no window, and stops when unsubscribed', () => {
    const { emit, unsubscribe, stop } = setUpForwarding(null);
    expect(() => emit({ type: 'changed', aggregates: ['tasks'], source: null })).not.toThrow();
    unsubscribe();
    expect(stop).toHaveBeenCalledOnce();
  });
});
