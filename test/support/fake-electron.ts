import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module in shell tests (`vi.mock('electron', …)`): just enough of
 * each API for the shell to run, recording what it was asked to do so a test can check it and
 * fire the events Electron would. Nothing else is faked: the backend under the shell is real.
 */

export class FakeImage {
  readonly representations: { scaleFactor: number; width: number; height: number }[] = [];
  template = false;
  constructor(
    readonly buffer: Buffer,
    readonly size: { width: number; height: number },
  ) {}
  addRepresentation(options: { scaleFactor: number; width: number; height: number }) {
    this.representations.push({ scaleFactor: options.scaleFactor, width: options.width, height: options.height });
  }
  setTemplateImage(template: boolean) {
    this.template = template;
  }
}

export class FakeMenu {
  constructor(readonly template: MenuItemConstructorOptions[]) {}
}

export class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  static failNext = false;
  image: FakeImage;
  tooltip = '';
  title = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(image: FakeImage) {
    super();
    if (FakeTray.failNext) {
      FakeTray.failNext = false;
      throw new Error('no status notifier on this desktop');
    }
    this.image = image;
    FakeTray.created.push(this);
  }
  setImage(image: FakeImage) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setTitle(text: string) {
    this.title = text;
  }
  setContextMenu(menu: FakeMenu) {
    this.menu = menu;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
}

let nextContentsId = 1;

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents: {
    id: number;
    mainFrame: { url: string; parent: null };
    send: ReturnType<typeof vi.fn>;
    isDestroyed: () => boolean;
  };
  url = '';
  visible = false;
  destroyed = false;
  minimized = false;
  readonly loadURL = vi.fn((url: string) => {
    this.url = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  });
  readonly focus = vi.fn();
  readonly removeMenu = vi.fn();
  readonly maximize = vi.fn();

  constructor(readonly options: Record<string, unknown>) {
    super();
    this.webContents = { id: nextContentsId++, mainFrame: { url: '', parent: null }, send: vi.fn(), isDestroyed: () => this.destroyed };
    FakeBrowserWindow.created.push(this);
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: 1280, height: 820 };
  }
  /** Electron's close: `close` may be prevented; otherwise the window goes and `closed` follows. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
  /** Fires ready-to-show, as the first paint would. */
  paint() {
    this.emit('ready-to-show');
  }
}

export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
}

class FakeGlobalShortcut {
  readonly taken = new Set<string>();
  readonly registered = new Map<string, () => void>();
  readonly register = vi.fn((accelerator: string, callback: () => void) => {
    if (this.taken.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  });
  readonly unregister = vi.fn((accelerator: string) => void this.registered.delete(accelerator));
  readonly unregisterAll = vi.fn(() => this.registered.clear());
  press(accelerator: string) {
    this.registered.get(accelerator)?.();
  }
}

class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime() {
    return this.idleSeconds;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly paths = new Map<string, string>();
  readonly setPath = vi.fn((name: string, value: string) => void this.paths.set(name, value));
  readonly getPath = vi.fn((name: string) => this.paths.get(name) ?? `/nonexistent/offload-fake/${name}`);
  readonly getVersion = vi.fn(() => '0.0.0-fake');
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly setAsDefaultProtocolClient = vi.fn(() => true);
  readonly setLoginItemSettings = vi.fn((settings: { openAtLogin?: boolean }) => {
    this.loginItem = { ...this.loginItem, openAtLogin: settings.openAtLogin ?? false };
  });
  loginItem = { openAtLogin: false, wasOpenedAtLogin: false };
  readonly getLoginItemSettings = vi.fn(() => this.loginItem);
  ready: Promise<void> = Promise.resolve();
  whenReady() {
    return this.ready;
  }
}

export function createFakeElectron() {
  const app = new FakeApp();
  const globalShortcut = new FakeGlobalShortcut();
  const powerMonitor = new FakePowerMonitor();
  /** Answers for dialog.showMessageBox, in order; 0 (the first button) once they run out. */
  const answers: number[] = [];
  const dialog = {
    shown: [] as { message: string; detail?: string; buttons?: string[] }[],
    showMessageBox: vi.fn((...args: unknown[]) => {
      const options = (args.length > 1 ? args[1] : args[0]) as { message: string; detail?: string; buttons?: string[] };
      dialog.shown.push(options);
      return Promise.resolve({ response: answers.shift() ?? 0, checkboxChecked: false });
    }),
    showErrorBox: vi.fn(),
  };
  const ipcMain = {
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => void ipcMain.handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => void ipcMain.handlers.delete(channel)),
    on: vi.fn(),
    removeAllListeners: vi.fn(),
  };
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() } };
  return {
    electron: {
      app,
      BrowserWindow: Object.assign(FakeBrowserWindow, { getAllWindows: () => FakeBrowserWindow.created.filter((window) => !window.destroyed) }),
      Tray: FakeTray,
      Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => new FakeMenu(template), setApplicationMenu: vi.fn() },
      nativeImage: { createFromBitmap: (buffer: Buffer, size: { width: number; height: number }) => new FakeImage(buffer, size) },
      nativeTheme: { shouldUseDarkColors: false },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      globalShortcut,
      powerMonitor,
      Notification: FakeNotification,
      dialog,
      ipcMain,
      protocol,
      session,
      shell: { openPath: vi.fn(() => Promise.resolve('')), openExternal: vi.fn(() => Promise.resolve()) },
    },
    answers,
    reset() {
      FakeTray.created = [];
      FakeTray.failNext = false;
      FakeBrowserWindow.created = [];
      FakeNotification.shown = [];
      FakeNotification.supported = true;
      answers.length = 0;
      dialog.shown.length = 0;
      globalShortcut.taken.clear();
      globalShortcut.registered.clear();
      app.removeAllListeners();
      powerMonitor.removeAllListeners();
      app.isPackaged = false;
      app.paths.clear();
      app.loginItem = { openAtLogin: false, wasOpenedAtLogin: false };
      vi.clearAllMocks();
    },
  };
}

/** The labels of a tray menu, submenus indented by two spaces, separators as `---`. */
export function menuLabels(template: readonly MenuItemConstructorOptions[], depth = 0): string[] {
  return template.flatMap((item) => {
    const line = item.type === 'separator' ? '---' : `${'  '.repeat(depth)}${item.label ?? ''}${item.enabled === false ? ' (disabled)' : ''}`;
    return [line, ...(Array.isArray(item.submenu) ? menuLabels(item.submenu, depth + 1) : [])];
  });
}

/** Clicks the menu item with this label (searching submenus too). */
export function clickMenuItem(template: readonly MenuItemConstructorOptions[], label: string): void {
  const find = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
    for (const item of items) {
      if (item.label === label) return item;
      if (Array.isArray(item.submenu)) {
        const found = find(item.submenu);
        if (found) return found;
      }
    }
    return undefined;
  };
  const item = find(template);
  if (!item?.click) throw new Error(`no menu item “${label}”`);
  (item.click as () => void)();
}

/** Runs scheduled work by hand: `advance(ms)` runs, in order, whatever falls due. */
export function manualScheduler() {
  let clock = 0;
  let nextId = 0;
  const timers = new Map<number, { due: number; every: number | null; task: () => void }>();
  return {
    after(ms: number, task: () => void) {
      const id = nextId++;
      timers.set(id, { due: clock + ms, every: null, task });
      return () => void timers.delete(id);
    },
    every(ms: number, task: () => void) {
      const id = nextId++;
      timers.set(id, { due: clock + ms, every: ms, task });
      return () => void timers.delete(id);
    },
    advance(ms: number) {
      const end = clock + ms;
      for (;;) {
        const next = [...timers.entries()].filter(([, timer]) => timer.due <= end).sort((a, b) => a[1].due - b[1].due)[0];
        if (!next) break;
        const [id, timer] = next;
        clock = timer.due;
        if (timer.every === null) timers.delete(id);
        else timer.due += timer.every;
        timer.task();
      }
      clock = end;
    },
    pending: () => timers.size,
  };
}

/**
 * The one fake per test file: `vi.mock('electron', async () => (await import('../support/fake-electron')).fake.electron)`.
 * Kept on globalThis so a test that re-imports modules (vi.resetModules) still shares it.
 */
export const fake: ReturnType<typeof createFakeElectron> = ((globalThis as { offloadFakeElectron?: ReturnType<typeof createFakeElectron> }).offloadFakeElectron ??=
  createFakeElectron());
