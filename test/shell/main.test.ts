import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callNames, ipcChannel } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type * as BackendHost from '../../electron/backend/backend-host';
import { fake, FakeBrowserWindow, FakeTray } from '../support/fake-electron';
import { tempDir } from '../support/temp-backend';

vi.mock('electron', async () => {
  const { fake: shared } = await import('../support/fake-electron');
  return { ...shared.electron, default: shared.electron };
});
// main.ts starts the backend worker built beside its bundle (dist/electron/backend-worker.cjs);
// here that is the bundle test/support/global-setup.ts builds from the same source, and the data
// worker likewise.
vi.mock('../../electron/backend/backend-host', async (importOriginal) => {
  const { inject } = await import('vitest');
  const host = await importOriginal<typeof BackendHost>();
  return {
    ...host,
    startBackendWorker: (options: Parameters<typeof host.startBackendWorker>[0]) => {
      hostOptions.push(options);
      return host.startBackendWorker({ ...options, workerFile: inject('backendWorkerFile'), dataWorkerFile: inject('dataWorkerFile') });
    },
  };
});

/** What main.ts asked of the host, per launch. */
const hostOptions = vi.hoisted((): { onStopped?: (message: string) => void; workerFile: string; dataWorkerFile?: string | null }[] => []);

const ARGV = [...process.argv];
const dirs: string[] = [];

/** Starts electron/main.ts afresh with this command line, as Electron would, and waits for `ready`. */
async function launch(...args: string[]) {
  return launchWith({ packaged: false, clock: '2026-11-16T16:00:00Z' }, ...args);
}

async function launchWith({ packaged, clock }: { packaged: boolean; clock: string }, ...args: string[]) {
  vi.resetModules();
  fake.reset();
  fake.electron.ipcMain.handlers.clear();
  fake.electron.app.isPackaged = packaged;
  const dataDir = tempDir('offload-main-');
  dirs.push(dataDir);
  process.argv = [...ARGV, '--data-dir', dataDir, ...args];
  process.env.OFFLOAD_CLOCK = clock;
  await import('../../electron/main');
  await fake.electron.app.whenReady();
  // The shell starts once the backend worker has opened the database: the calls are registered then.
  await vi.waitFor(() => expect(fake.electron.ipcMain.handlers.size).toBeGreaterThan(0), { timeout: 15_000 });
  return dataDir;
}

type Handler = (event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, input?: unknown) => Promise<Envelope<unknown>>;
const handler = (name: string) => fake.electron.ipcMain.handlers.get(ipcChannel(name as never)) as Handler;
const callFrom = (window: FakeBrowserWindow, name: string, input?: unknown) =>
  handler(name)({ senderFrame: window.webContents.mainFrame as never, sender: window.webContents as never }, input);

/** Quits as Electron does after the last window: will-quit, which waits for the backend's close. */
async function quit() {
  const event = { preventDefault: vi.fn() };
  fake.electron.app.emit('will-quit', event);
  if (event.preventDefault.mock.calls.length > 0) await vi.waitFor(() => expect(fake.electron.app.quit).toHaveBeenCalled(), { timeout: 15_000 });
  return event;
}

afterEach(async () => {
  await quit();
  process.argv = ARGV;
  delete process.env.OFFLOAD_CLOCK;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the desktop app’s clock', () => {
  // Her day in UTC, whatever zone the machine is in.
  const today = async () => {
    const window = FakeBrowserWindow.created[0]!;
    await callFrom(window, 'settings:update', { timeZone: 'UTC' });
    const envelope = await callFrom(window, 'today:summary');
    if (!envelope.ok) throw new Error(envelope.error.message);
    return (envelope.value as { today: string }).today;
  };

  it('starts at OFFLOAD_CLOCK in a development build (the end-to-end tests’ hook)', async () => {
    await launchWith({ packaged: false, clock: '2001-01-01T12:00:00Z' });
    expect(await today()).toBe('2001-01-01');
  });

  it('keeps real time in an installed app whatever OFFLOAD_CLOCK says', async () => {
    await launchWith({ packaged: true, clock: '2001-01-01T12:00:00Z' });
    expect(await today()).not.toBe('2001-01-01');
  });
});

describe('the desktop app’s start-up hardening', () => {
  it('turns the sandbox on and registers app:// before Electron is ready', async () => {
    const order: string[] = [];
    fake.electron.app.enableSandbox.mockImplementation(() => void order.push('enableSandbox'));
    fake.electron.protocol.registerSchemesAsPrivileged.mockImplementation(() => void order.push('registerSchemesAsPrivileged'));
    const whenReady = vi.spyOn(fake.electron.app, 'whenReady').mockImplementation(() => {
      order.push('whenReady');
      return Promise.resolve();
    });
    await launch();
    whenReady.mockRestore();
    expect(order.slice(0, 3)).toStrictEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'whenReady']);
  });

  it('hardens every webContents Electron creates, whatever creates it', async () => {
    await launch();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fake.electron.app.emit('web-contents-created', {}, contents);
    expect(contents.eventNames().sort()).toStrictEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it('sets every permission handler on the default session, and opens no electron-store renderer channel', async () => {
    await launch();
    const { defaultSession } = fake.electron.session;
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(defaultSession.setDevicePermissionHandler).toHaveBeenCalledOnce();
    // The settings live in the backend worker (conf); nothing in the main process answers
    // 'electron-store-get-data', which would bypass the sender check every call goes through.
    expect(fake.electron.ipcMain.on).not.toHaveBeenCalledWith('electron-store-get-data', expect.anything());
  });

  it('opens one window, sandboxed and isolated, on app://offload', async () => {
    await launch();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(FakeBrowserWindow.created[0]?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });
});

describe('electron/main.ts', () => {
  it('opens the main window and the tray, and answers every contract call over IPC', async () => {
    const dataDir = await launch();
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(fake.electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.created.map((window) => window.url)).toStrictEqual(['app://offload/index.html']);
    expect(FakeTray.created).toHaveLength(1);
    expect([...fake.electron.ipcMain.handlers.keys()].sort()).toStrictEqual(callNames.map(ipcChannel).sort());
    const [main] = FakeBrowserWindow.created;
    expect(await callFrom(main!, 'desktop:status')).toMatchObject({ ok: true, value: { shortcut: { state: 'registered' } } });
  });

  it('forwards a second launch’s offload:// link to a quick-add window whose calls are accepted', async () => {
    await launch();
    fake.electron.app.emit('second-instance', {}, ['/opt/Offload/offload', 'offload://quick-add?text=Call%20Bob'], '/home/her');
    const quickAdd = FakeBrowserWindow.created.find((window) => window.url.includes('#/quick-add-window'));
    expect(quickAdd?.url).toBe('app://offload/index.html#/quick-add-window?text=Call+Bob');
    expect(await callFrom(quickAdd!, 'tasks:create', { title: 'Call Bob' })).toMatchObject({ ok: true, value: { title: 'Call Bob' } });
    const [main] = FakeBrowserWindow.created;
    expect(await callFrom(main!, 'tasks:list', {})).toMatchObject({ ok: true, value: { total: 1 } });
    // Every window hears about the change; the quick-add window's own is marked self.
    expect(main!.webContents.send).toHaveBeenCalledWith('offload:events', { type: 'changed', aggregates: ['tasks'], self: false });
    expect(quickAdd!.webContents.send).toHaveBeenCalledWith('offload:events', { type: 'changed', aggregates: ['tasks'], self: true });
  });

  it('quits only after the backend worker has folded the WAL in, with the window’s bounds saved by its one settings store', async () => {
    const dataDir = await launch();
    const [main] = FakeBrowserWindow.created;
    expect(await callFrom(main!, 'tasks:create', { title: 'Order toner' })).toMatchObject({ ok: true });
    // Electron closes the windows before will-quit; the main window sends its bounds on close.
    main!.close();
    const event = await quit();
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(fake.electron.app.quit).toHaveBeenCalledOnce();
    expect(fs.existsSync(path.join(dataDir, 'offload.db-wal'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'offload.closed.json'))).toBe(true);
    const config = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')) as { shell?: { window?: unknown } };
    expect(config.shell?.window).toStrictEqual({ x: 10, y: 10, width: 1280, height: 820, maximized: false });
    // The second will-quit, after app.quit(), goes through.
    const second = { preventDefault: vi.fn() };
    fake.electron.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('starts the backend worker built beside its bundle, and tells her in an error box when it stops', async () => {
    await launch();
    const options = hostOptions.at(-1)!;
    expect(path.basename(options.workerFile)).toBe('backend-worker.cjs');
    expect(path.dirname(options.workerFile)).toBe(path.dirname(options.dataWorkerFile!));
    options.onStopped?.('Offload’s backend stopped unexpectedly (exit code 9).');
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), 'Offload’s backend stopped unexpectedly (exit code 9).');
  });

  it('refuses calls from a window that is not the app’s own', async () => {
    await launch();
    const stranger = new FakeBrowserWindow({});
    stranger.webContents.mainFrame.url = 'app://offload/index.html';
    expect(await callFrom(stranger, 'tasks:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('opens a link macOS delivers with open-url', async () => {
    await launch();
    const event = { preventDefault: vi.fn() };
    fake.electron.app.emit('open-url', event, 'offload://quick-add?text=Renew');
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.created.at(-1)?.url).toBe('app://offload/index.html#/quick-add-window?text=Renew');
  });

  it('brings back a window hidden in the tray when the Dock icon is clicked', async () => {
    await launch();
    const [main] = FakeBrowserWindow.created;
    main!.hide();
    fake.electron.app.emit('activate', {}, false);
    expect(main!.isVisible()).toBe(true);
  });

  it('starts in the tray alone when started at login', async () => {
    await launch('--hidden');
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(FakeTray.created).toHaveLength(1);
  });

  it('hands its command line to the running instance and quits when that instance holds the lock', async () => {
    vi.resetModules();
    fake.reset();
    fake.electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('../../electron/main');
    expect(fake.electron.app.quit).toHaveBeenCalledOnce();
    expect(fake.electron.app.enableSandbox).not.toHaveBeenCalled();
  });
});
