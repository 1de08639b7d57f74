import { describe, expect, it, vi } from 'vitest';
import { callNames } from '../../shared/api/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (_channel: string, _input?: unknown) => ({ ok: true, value: null })) },
}));

vi.mock('electron', () => electron);

/** Loads the preload afresh, as each page load does, and returns what it exposed. */
async function exposed(): Promise<Record<string, unknown>> {
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.ipcRenderer.invoke.mockClear();
  vi.resetModules();
  await import('../../electron/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
  expect(key).toBe('offload');
  return api;
}

describe('the preload', () => {
  it('exposes under window.offload exactly one function per contract call', async () => {
    const api = await exposed();
    expect(Object.keys(api).sort()).toStrictEqual([...callNames].sort());
    for (const member of Object.values(api)) expect(member).toBeTypeOf('function');
  });

  it('sends a call over its own channel with the input untouched', async () => {
    const api = await exposed();
    const input = { title: 'Patch the print server' };
    await (api['tasks:create'] as (input: unknown) => Promise<unknown>)(input);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('offload:tasks:create', input);
    expect(electron.ipcRenderer.invoke.mock.calls[0]?.[1]).toBe(input);
  });

  it('never exposes ipcRenderer or a generic invoke', async () => {
    const api = await exposed();
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer.invoke);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
    for (const [, value] of electron.contextBridge.exposeInMainWorld.mock.calls) {
      expect(value).not.toBe(electron.ipcRenderer);
    }
  });
});
