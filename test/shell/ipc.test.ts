import type { BrowserWindow, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { callNames, ipcChannel } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { registerCalls, trustedFrameCheck } from '../../electron/shell/ipc';

type InvokeHandler = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown) => Promise<Envelope<unknown>>;

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
  const dispatch = vi.fn(async (_name: unknown, input: unknown): Promise<Envelope<unknown>> => ({ ok: true, value: input }));
  const mainFrame = frame('app://offload/index.html');
  const window = { isDestroyed: () => false, webContents: { mainFrame } } as unknown as BrowserWindow;
  const unregister = registerCalls(ipcMain, { dispatch }, trustedFrameCheck(() => window));

  const call = (name: string, senderFrame: WebFrameMain | null, input?: unknown) => {
    const handler = handlers.get(name);
    if (!handler) throw new Error(`nothing handles ${name}`);
    return handler({ senderFrame }, input);
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
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('tasks:create', input);
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
      trustedFrameCheck(() => null),
    );
    const result = await handlers.get('offload:app:status')?.({ senderFrame: frame('app://offload/index.html') }, undefined);
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

  it('removes every handler it registered when unregistered', () => {
    const { handlers, unregister } = setUp();
    unregister();
    expect(handlers.size).toBe(0);
  });
});
