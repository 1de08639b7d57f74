import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The desktop app's start-up, electron/main.ts, against a mocked `electron`: what it switches on
 * before `ready`, what it hardens, and the one window it opens.
 */
const electron = vi.hoisted(() => {
  const order: string[] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: BrowserWindowConstructorOptions; loaded: string[] }[] = [];
  class BrowserWindow {
    static getAllWindows = () => windows;
    readonly loaded: string[] = [];
    readonly webContents = { id: 1, mainFrame: {}, isDestroyed: () => false, send: () => undefined };
    constructor(readonly options: BrowserWindowConstructorOptions) {
      order.push('new BrowserWindow');
      windows.push(this);
    }
    on() {
      return this;
    }
    once() {
      return this;
    }
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const defaultSession = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
  return {
    order,
    listeners,
    windows,
    ready: () => ready(),
    module: {
      app: {
        isPackaged: true,
        requestSingleInstanceLock: () => true,
        enableSandbox: vi.fn(() => void order.push('enableSandbox')),
        on: (event: string, listener: (...args: unknown[]) => void) => void listeners.set(event, listener),
        whenReady: () => whenReady.then(() => void order.push('ready')),
        getPath: () => '/tmp/offload-main-test',
        setPath: vi.fn(),
        getVersion: () => '45.5.0',
        quit: vi.fn(),
        exit: vi.fn(),
      },
      BrowserWindow,
      dialog: { showErrorBox: vi.fn() },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn(), removeAllListeners: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(() => void order.push('registerSchemesAsPrivileged')), handle: vi.fn() },
      session: { defaultSession },
      shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn() },
      Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
      nativeTheme: { shouldUseDarkColors: false },
      screen: { getAllDisplays: () => [] },
    },
  };
});

vi.mock('electron', () => electron.module);
vi.mock('../../electron/settings/electron-settings', () => ({
  openElectronSettings: () => ({ get: () => ({}), getShellState: () => undefined, setShellState: () => undefined, notices: [] }),
}));
vi.mock('../../electron/backend/backend', () => ({
  openBackend: () => ({ dispatch: vi.fn(), subscribe: () => () => undefined, close: vi.fn(), jobs: {}, db: null }),
}));

/** What start-up did, read once: the mocks' call records are cleared before each test. */
let startup: { sessionHandlers: string[]; removedChannels: unknown[] };

beforeAll(async () => {
  await import('../../electron/main');
  electron.ready();
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
  const { defaultSession } = electron.module.session;
  startup = {
    sessionHandlers: Object.entries(defaultSession)
      .filter(([, handler]) => handler.mock.calls.length === 1)
      .map(([name]) => name)
      .sort(),
    removedChannels: electron.module.ipcMain.removeAllListeners.mock.calls.map(([channel]) => channel as unknown),
  };
});

describe('the desktop app’s start-up', () => {
  it('turns the sandbox on for every renderer and registers app:// before Electron is ready', () => {
    expect(electron.order.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(electron.order.indexOf('enableSandbox')).toBeLessThan(electron.order.indexOf('ready'));
    expect(electron.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(electron.order.indexOf('ready'));
  });

  it('hardens every webContents Electron creates, whatever creates it', () => {
    const hook = electron.listeners.get('web-contents-created');
    expect(hook).toBeTypeOf('function');
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    hook?.({}, contents);
    expect(contents.eventNames().sort()).toStrictEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it('sets every permission handler on the default session, and closes electron-store’s renderer channel', () => {
    expect(startup.sessionHandlers).toStrictEqual(['setDevicePermissionHandler', 'setPermissionCheckHandler', 'setPermissionRequestHandler']);
    expect(startup.removedChannels).toContain('electron-store-get-data');
  });

  it('opens one window, sandboxed and isolated, on app://offload', () => {
    const [window] = electron.windows as unknown as { options: BrowserWindowConstructorOptions; loaded: string[] }[];
    expect(electron.windows).toHaveLength(1);
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(window?.loaded).toStrictEqual(['app://offload/index.html']);
  });
});
