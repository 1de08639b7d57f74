import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  MIN_HEIGHT,
  MIN_WIDTH,
  createMainWindow,
  hardenSession,
  hardenWebContents,
  restoreWindowState,
} from '../../electron/shell/window';

const fakes = vi.hoisted(() => {
  /** Stands in for BrowserWindow: keeps its options and its listeners so a test can fire them. */
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    readonly listeners = new Map<string, () => void>();
    normalBounds = { x: 0, y: 0, width: 0, height: 0 };
    maximized = false;
    readonly show = vi.fn();
    readonly maximize = vi.fn();

    constructor(readonly options: unknown) {
      FakeBrowserWindow.created.push(this);
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: () => void) {
      return this.on(event, listener);
    }
    getNormalBounds() {
      return this.normalBounds;
    }
    isMaximized() {
      return this.maximized;
    }
  }
  return { FakeBrowserWindow, displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
});

vi.mock('electron', () => ({
  BrowserWindow: fakes.FakeBrowserWindow,
  nativeTheme: { shouldUseDarkColors: false },
  screen: { getAllDisplays: () => fakes.displays },
}));

function memorySettings(saved?: unknown) {
  const state = new Map<string, unknown>([['window', saved]]);
  return {
    state,
    getShellState: (key: string) => state.get(key),
    setShellState: (key: string, value: unknown) => void state.set(key, value),
  };
}

function openWindow(saved?: unknown) {
  const settings = memorySettings(saved);
  createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', settings });
  const window = fakes.FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('no window was created');
  return { window, options: window.options as BrowserWindowConstructorOptions, settings };
}

/** A webContents stand-in: real listeners, and the window-open handler kept for inspection. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
      openHandler = handler;
    },
  });
  const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };
  hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0], shell);
  return {
    shell,
    /** Emits `event` as Electron does and says whether a listener prevented it. */
    fire(event: string, url?: string, isMainFrame = true) {
      const details = { url, isMainFrame, preventDefault: vi.fn() };
      emitter.emit(event, details);
      return details.preventDefault;
    },
    openWindow: (url = 'https://evil.example/') => openHandler?.({ url }),
  };
}

describe('the main window', () => {
  it('runs its page with exactly the secure webPreferences and the given preload', () => {
    const { options } = openWindow();
    expect(options.webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('stays hidden until its first paint is ready, and cannot shrink below the minimum size', () => {
    const { window, options } = openWindow();
    expect(options.show).toBe(false);
    expect(options.minWidth).toBe(MIN_WIDTH);
    expect(options.minHeight).toBe(MIN_HEIGHT);
    window.listeners.get('ready-to-show')?.();
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('reopens where it was closed, maximised again if it was', () => {
    const { window, options } = openWindow({ x: 100, y: 80, width: 1400, height: 900, maximized: true });
    expect(options).toMatchObject({ x: 100, y: 80, width: 1400, height: 900 });
    window.listeners.get('ready-to-show')?.();
    expect(window.maximize).toHaveBeenCalledOnce();
  });

  it('saves its normal bounds and maximised state when it closes', () => {
    const { window, settings } = openWindow();
    window.normalBounds = { x: 10, y: 20, width: 1100, height: 700 };
    window.maximized = true;
    window.listeners.get('close')?.();
    expect(settings.state.get('window')).toStrictEqual({ x: 10, y: 20, width: 1100, height: 700, maximized: true });
  });

  it('ignores saved bounds that are not numbers and opens at the default size', () => {
    const { options } = openWindow({ x: 'left', width: null, height: 900 });
    expect(options.x).toBeUndefined();
    expect(options.width).toBeGreaterThanOrEqual(MIN_WIDTH);
    expect(options.height).toBeGreaterThanOrEqual(MIN_HEIGHT);
  });

  it('never reopens smaller than the minimum size', () => {
    const { options } = openWindow({ width: 200, height: 100, maximized: false });
    expect(options.width).toBe(MIN_WIDTH);
    expect(options.height).toBe(MIN_HEIGHT);
  });

  it('forgets a saved position that no display shows any more', () => {
    const offScreen: Rectangle & { maximized: boolean } = { x: 5000, y: 3000, width: 1200, height: 800, maximized: false };
    expect(restoreWindowState(offScreen)).toStrictEqual({ width: 1200, height: 800, maximized: false });
  });
});

describe('webContents hardening', () => {
  it('prevents navigation to another origin', () => {
    expect(fakeContents().fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
  });

  it('lets the page navigate within app://offload', () => {
    expect(fakeContents().fire('will-navigate', 'app://offload/index.html')).not.toHaveBeenCalled();
  });

  it('prevents navigation to a look-alike app:// host', () => {
    expect(fakeContents().fire('will-navigate', 'app://offload.evil/index.html')).toHaveBeenCalled();
  });

  it('prevents redirects away from app://offload', () => {
    expect(fakeContents().fire('will-redirect', 'https://evil.example/')).toHaveBeenCalled();
  });

  it('denies every window.open', () => {
    expect(fakeContents().openWindow()).toStrictEqual({ action: 'deny' });
  });

  it('prevents attaching a <webview>', () => {
    expect(fakeContents().fire('will-attach-webview')).toHaveBeenCalled();
  });
});

describe('session hardening', () => {
  it('answers every permission request with no, every permission check with false, and every device request with false', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    hardenSession(session);

    const requestHandler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      answer: (granted: boolean) => void,
      details: unknown,
    ) => void;
    const answer = vi.fn();
    requestHandler({}, 'media', answer, { requestingUrl: 'app://offload/index.html', isMainFrame: true });
    expect(answer).toHaveBeenCalledExactlyOnceWith(false);

    const checkHandler = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(checkHandler(null, 'notifications', 'app://offload', { isMainFrame: true })).toBe(false);
    const deviceHandler = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(deviceHandler({ deviceType: 'usb', origin: 'app://offload' })).toBe(false);
  });
});
