import { app, dialog, globalShortcut, Notification, powerMonitor, type BrowserWindow } from 'electron';
import type { DesktopStatus } from '../../shared/api/desktop-views';
import { EVENTS_CHANNEL, type BackendEvent } from '../../shared/api/events';
import { LINK_SCHEME } from '../../shared/domain/quick-add-link';
import type { Reminder } from '../../shared/domain/reminders';
import type { Clock } from '../backend/clock';
import type { SettingsStore } from '../settings/settings-store';
import { callBackend, type ShellBackend } from './backend-calls';
import { createShortcutKeeper, isWaylandSession, type ShortcutKeeper } from './global-shortcut';
import { IDLE_CHOICES, idlePrompt, startIdleWatch, type IdleWatch } from './idle';
import { applyLoginItem, startedAtLogin, type LoginItemStatus } from './login-item';
import { APP_ENTRY_URL } from './protocol';
import { linkInArguments, parseQuickAddLink } from './quick-add-link';
import { quickAddWindows, type QuickAddWindows } from './quick-add-window';
import { startReminders, type RemindersController } from './reminders';
import { realScheduler, type Scheduler } from './scheduler';
import { startTray, type TrayController } from './tray';
import type { TrayAction } from './tray-view';
import { startUpdates, type Updater, type UpdatesController } from './updates';

export interface DesktopOptions {
  backend: ShellBackend;
  settings: Pick<SettingsStore, 'get' | 'getShellState' | 'setShellState'>;
  now: Clock;
  preloadPath: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** This launch's command line: a login start (`--hidden`) and an offload:// link come in here. */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  version: string;
  /** The program a login item starts (the AppImage, or the executable). */
  executable: string;
  /** Creates the main window with its state restored (window.ts). */
  createMainWindow: () => BrowserWindow;
  loadUpdater: () => Promise<Updater>;
  scheduler?: Scheduler;
}

export interface DesktopShell {
  /** The app's own windows: the only senders whose calls are accepted, and the ones events go to. */
  windows(): BrowserWindow[];
  status(): DesktopStatus;
  /** Brings the main window forward (creating it if needed), optionally on one screen. */
  showMain(screen?: string): BrowserWindow;
  /** The main window while it is open (for dialogs that belong to it: Save as PDF, a folder picker). */
  mainWindow(): BrowserWindow | null;
  /** An offload:// link from the OS (macOS open-url, or a command line). */
  handleLink(raw: unknown): void;
  /** A second launch: its link is forwarded here, and the app comes forward. */
  onSecondInstance(argv: readonly string[]): void;
  /** Whether closing the last window should quit (non-macOS), given the tray and her setting. */
  quitWhenAllClosed(): boolean;
  readonly tray: TrayController;
  readonly idle: IdleWatch;
  readonly reminders: RemindersController;
  readonly updates: UpdatesController;
  readonly shortcut: ShortcutKeeper;
  readonly quickAdd: QuickAddWindows;
  dispose(): void;
}

/**
 * Everything the desktop app adds around the windows: the tray timer, the global quick-add
 * shortcut and window, offload:// links, idle detection, reminders, start at login, close to
 * tray and updates. Each part talks to the backend only through its dispatcher (callBackend),
 * exactly as the renderer does, and follows her settings as they change.
 */
export function startDesktop(options: DesktopOptions): DesktopShell {
  const { backend, settings, now, platform } = options;
  const scheduler = options.scheduler ?? realScheduler;
  let quitting = false;
  let lastClosed: 'main' | 'quick-add' | null = null;
  let mainWindow: BrowserWindow | null = null;

  const broadcastStatusChange = () => {
    const event: BackendEvent = { type: 'changed', aggregates: ['settings'], self: false };
    for (const window of windows()) window.webContents.send(EVENTS_CHANNEL, event);
  };

  const report = (message: string) => {
    void dialog.showMessageBox({ type: 'warning', title: 'Offload', message, buttons: ['OK'] });
  };

  const quickAdd = quickAddWindows(options.preloadPath);

  const windows = (): BrowserWindow[] =>
    [mainWindow, quickAdd.current()].filter((window): window is BrowserWindow => window !== null && !window.isDestroyed());

  const showMain = (screen?: string): BrowserWindow => {
    const url = screen ? `${APP_ENTRY_URL}#/${encodeURIComponent(screen)}` : APP_ENTRY_URL;
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (screen) void mainWindow.loadURL(url);
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
      return mainWindow;
    }
    const window = options.createMainWindow();
    mainWindow = window;
    window.on('close', (event) => {
      // Closing keeps Offload in the tray when she chose that, and a tray exists to come back from.
      if (!quitting && tray.available && settings.get().closeToTray) {
        event.preventDefault();
        window.hide();
      }
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
      lastClosed = 'main';
    });
    window.loadURL(url).catch((error: unknown) => console.error(`[offload] could not load ${url}:`, error));
    return window;
  };

  const openQuickAdd = (link?: { text: string; interrupt: boolean }) => {
    const opened = quickAdd.current() !== null;
    const window = quickAdd.open(link);
    if (opened) return;
    window.once('closed', () => {
      lastClosed = 'quick-add';
    });
  };

  const onTrayAction = (action: TrayAction) => {
    const failed = (error: unknown) => report(error instanceof Error ? error.message : String(error));
    switch (action.type) {
      case 'stop':
        return void callBackend(backend, 'timer:stop').catch(failed);
      case 'start':
        return void callBackend(backend, 'timer:start', { taskId: action.taskId }).catch(failed);
      case 'quickAdd':
        return openQuickAdd();
      case 'open':
        return void showMain();
      case 'quit':
        return app.quit();
    }
  };

  const shortcut = createShortcutKeeper(globalShortcut, () => openQuickAdd(), { platform, wayland: platform === 'linux' && isWaylandSession(options.env) });

  const tray = startTray({
    backend,
    now,
    platform,
    scheduler,
    onAction: onTrayAction,
    shortcut: () => {
      const status = shortcut.status();
      return status.state === 'registered' ? status.accelerator : null;
    },
  });

  const idle = startIdleWatch({
    backend,
    now,
    powerMonitor,
    scheduler,
    settings: () => settings.get(),
    report,
    ask: async (question) => {
      const words = idlePrompt(question);
      const { response } = await dialog.showMessageBox({
        type: 'question',
        title: 'Offload — time away',
        message: words.message,
        detail: words.detail,
        buttons: words.buttons,
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      });
      return IDLE_CHOICES[response] ?? 'keep';
    },
  });

  const showReminder = (reminder: Reminder) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: reminder.title, body: reminder.body });
    notification.on('click', () => void showMain(reminder.screen));
    notification.show();
  };
  const reminders = startReminders({ backend, now, scheduler, store: settings, show: showReminder });

  const updates = startUpdates({
    loadUpdater: options.loadUpdater,
    isPackaged: options.isPackaged,
    currentVersion: options.version,
    now,
    scheduler,
    onStatus: broadcastStatusChange,
    onInstall: () => {
      // quitAndInstall closes every window first: none may hide itself in the tray instead.
      quitting = true;
    },
    ask: async (question) => {
      const { response } = await dialog.showMessageBox({
        type: 'info',
        title: 'Offload update',
        message: question.message,
        detail: question.detail,
        buttons: question.buttons,
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      return response;
    },
  });

  let links: DesktopStatus['links'] = {
    registered: false,
    message: `A development build is not the system’s handler for ${LINK_SCHEME}:// links. To try one, pass it on the command line: npx electron . "${LINK_SCHEME}://quick-add?text=Call%20Bob"`,
  };
  if (options.isPackaged) {
    const registered = app.setAsDefaultProtocolClient(LINK_SCHEME);
    links = registered
      ? { registered, message: `${LINK_SCHEME}://quick-add?text=… links open the quick-add window.` }
      : { registered, message: `The system did not make Offload the handler for ${LINK_SCHEME}:// links.` };
  }

  let loginItem: LoginItemStatus = { supported: false, enabled: false, message: '' };
  let appliedLogin: boolean | null = null;
  const applySettings = () => {
    const current = settings.get();
    shortcut.apply(current.quickAddShortcut);
    if (current.startAtLogin !== appliedLogin) {
      appliedLogin = current.startAtLogin;
      loginItem = applyLoginItem(current.startAtLogin, { app, platform, isPackaged: options.isPackaged, executable: options.executable, env: options.env });
    }
    updates.apply(current.checkForUpdates);
    // The shortcut shown beside "Quick add…" may have changed.
    void tray.refresh();
  };
  // Synchronous on purpose: the backend emits `changed` before a settings:update call returns, so
  // the window that saved a new shortcut reads its outcome from desktop:status straight after.
  const unsubscribe = backend.subscribe((event) => {
    if (event.type === 'changed' && event.aggregates.includes('settings')) applySettings();
  });
  applySettings();

  const handleLink = (raw: unknown) => {
    const parsed = parseQuickAddLink(raw);
    if (parsed.ok) {
      openQuickAdd(parsed.link);
      return;
    }
    console.warn(`[offload] ignored a link: ${parsed.reason}`);
    report(`Offload could not use that link. ${parsed.reason}`);
  };

  const onBeforeQuit = () => {
    quitting = true;
  };
  app.on('before-quit', onBeforeQuit);

  // A login start opens only the tray; without a tray the window is the only way in.
  if (!(tray.available && startedAtLogin(options.argv, platform, app))) showMain();
  const firstLink = linkInArguments(options.argv);
  if (firstLink) handleLink(firstLink);

  return {
    windows,
    showMain,
    mainWindow: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
    handleLink,
    onSecondInstance(argv) {
      const link = linkInArguments(argv);
      if (link) handleLink(link);
      else showMain();
    },
    quitWhenAllClosed: () => !tray.available || (!settings.get().closeToTray && lastClosed === 'main'),
    status: () => ({
      platform: platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other',
      shortcut: shortcut.status(),
      tray: tray.available
        ? { available: true, message: 'The tray shows the running timer; its menu starts, stops and adds.' }
        : { available: false, message: 'This desktop shows no tray icons, so closing the window quits Offload.' },
      loginItem,
      updates: updates.status(),
      notifications: { supported: Notification.isSupported() },
      links,
    }),
    tray,
    idle,
    reminders,
    updates,
    shortcut,
    quickAdd,
    dispose() {
      unsubscribe();
      app.removeListener('before-quit', onBeforeQuit);
      shortcut.dispose();
      tray.destroy();
      idle.stop();
      reminders.stop();
      updates.stop();
    },
  };
}
