import path from 'node:path';
import { app, dialog, ipcMain, protocol, session, shell } from 'electron';
import { startBackendWorker, type HostedBackend } from './backend/backend-host';
import { CLOCK_ENVIRONMENT_VARIABLE, clockStartingAt } from './backend/clock';
import type { DesktopStatus } from '../shared/api/desktop-views';
import { startDesktop, type DesktopShell } from './shell/desktop';
import { forwardEvents, registerCalls, trustedFrameCheck } from './shell/ipc';
import { installAppMenu } from './shell/menu';
import { reportPdfPrinter } from './shell/report-pdf';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { linkInArguments } from './shell/quick-add-link';
import { createMainWindow, hardenSession, hardenWebContents } from './shell/window';

/** `--data-dir DIR` or `--data-dir=DIR`: a separate profile, used by tests and for trying things out. */
function dataDirArgument(argv: readonly string[]): string | undefined {
  for (const [index, argument] of argv.entries()) {
    if (argument.startsWith('--data-dir=')) return argument.slice('--data-dir='.length) || undefined;
    if (argument === '--data-dir') {
      const next = argv[index + 1];
      return next && !next.startsWith('--') ? next : undefined;
    }
  }
  return undefined;
}

/**
 * `electron dist/electron/main.cjs` reports Electron's own version from app.getVersion(), because
 * there is no package.json beside the script; the build stamps the app's version in instead.
 */
function appVersion(): string {
  return typeof __OFFLOAD_VERSION__ === 'string' ? __OFFLOAD_VERSION__ : app.getVersion();
}

let backend: HostedBackend | null = null;
let desktop: DesktopShell | null = null;
let unregisterCalls: (() => void) | null = null;
let stopEvents: (() => void) | null = null;
/** Links that arrive before the shell is up (macOS open-url at launch, a fast second launch). */
const pendingLinks: string[] = [];

const dataDir = dataDirArgument(process.argv);
if (dataDir) app.setPath('userData', path.resolve(dataDir));

// Must follow the userData change: the lock belongs to the profile folder, so a test instance with
// its own --data-dir runs beside her everyday window instead of handing its arguments to it.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  startShell();
}

function startShell(): void {
  app.enableSandbox();
  registerAppScheme(protocol);

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));

  // A second launch (from a launcher, or an offload:// link on Windows and Linux) hands its
  // command line to this instance and quits; its link opens the quick-add window here.
  app.on('second-instance', (_event, argv) => {
    if (desktop) desktop.onSecondInstance(argv);
    else {
      const link = linkInArguments(argv);
      if (link) pendingLinks.push(link);
    }
  });

  // macOS delivers offload:// links as an event, also the one that launched the app.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (desktop) desktop.handleLink(url);
    else pendingLinks.push(url);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && (desktop?.quitWhenAllClosed() ?? true)) app.quit();
  });

  // macOS: a click on the Dock icon brings the window back, also one hidden in the tray.
  app.on('activate', (_event, hasVisibleWindows) => {
    if (desktop && !hasVisibleWindows) desktop.showMain();
  });

  let shutDown = false;
  app.on('will-quit', (event) => {
    // Runs after every window has closed (and sent its bounds to the backend's settings store), so
    // nothing the shell saves is lost by closing the backend here. Quitting waits once for the
    // backend worker to fold the WAL into the database and reply; the guard lets the second
    // will-quit, after app.quit(), through — and keeps the database from being closed twice.
    if (shutDown) return;
    shutDown = true;
    desktop?.dispose();
    desktop = null;
    unregisterCalls?.();
    unregisterCalls = null;
    stopEvents?.();
    stopEvents = null;
    const closing = backend;
    backend = null;
    if (!closing) return;
    event.preventDefault();
    void closing
      .close()
      .catch((error: unknown) => console.error('[offload] closing the database failed:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error('[offload] start-up failed:', error);
      dialog.showErrorBox('Offload could not start', message);
      app.exit(1);
    });
}

async function onReady(): Promise<void> {
  hardenSession(session.defaultSession);

  const userData = app.getPath('userData');
  // The one clock: real time, or the instant OFFLOAD_CLOCK names (tests), running from there. An
  // installed app keeps real time whatever its environment says: the variable is a test hook.
  const now = clockStartingAt(app.isPackaged ? undefined : process.env[CLOCK_ENVIRONMENT_VARIABLE]);
  // The backend — the database, every handler, backups and jobs — runs in a worker thread, so a
  // long call never holds up this thread and the window. Its bundle and the data worker it starts
  // for imports are built beside this one (dist/electron/, inside app.asar when packaged). Its
  // settings store is the one that writes config.json in userData (conf, the file electron-store
  // wrote); the shell reads a mirror of it.
  const opened = await startBackendWorker({
    workerFile: path.join(__dirname, 'backend-worker.cjs'),
    dataDir: userData,
    mode: 'electron',
    version: appVersion(),
    now,
    printToPdf: reportPdfPrinter(() => desktop?.mainWindow() ?? null),
    pickFolder: pickBackupFolder,
    desktopStatus: () => desktop?.status() ?? STARTING_STATUS,
    dataWorkerFile: path.join(__dirname, 'data-worker.cjs'),
    onStopped: (message) => dialog.showErrorBox('Offload stopped working with its data', message),
  });
  backend = opened;
  const store = opened.settings;

  // The bundle lives in dist/electron/, the built renderer in dist/renderer/ (inside app.asar when
  // packaged, which the protocol handler reads through Electron's fs like any other file).
  serveRenderer(protocol, path.join(__dirname, '../renderer'));
  const appWindows = () => desktop?.windows() ?? [];
  unregisterCalls = registerCalls(ipcMain, opened, trustedFrameCheck(appWindows));
  stopEvents = forwardEvents(opened, appWindows);
  installAppMenu();

  const preloadPath = path.join(__dirname, 'preload.cjs');
  desktop = startDesktop({
    backend: opened,
    settings: store,
    now,
    preloadPath,
    isPackaged: app.isPackaged,
    platform: process.platform,
    argv: process.argv,
    env: process.env,
    version: appVersion(),
    executable: process.env.APPIMAGE ?? process.execPath,
    createMainWindow: () => createMainWindow({ preloadPath, settings: store }),
    // Imported on first use: development builds and disabled checks never load it.
    loadUpdater: async () => (await import('electron-updater')).autoUpdater,
  });
  for (const link of pendingLinks.splice(0)) desktop.handleLink(link);
  if (process.env.OFFLOAD_TEST_HOOKS === '1') exposeTestHooks(desktop);
}

/** The native folder picker for the second backup folder; the backend checks the folder like a typed path. */
async function pickBackupFolder(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { title: 'Choose a second backup folder', properties: ['openDirectory', 'createDirectory'] };
  const window = desktop?.mainWindow() ?? null;
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** What desktop:status answers in the moment between the backend opening and the shell starting. */
const STARTING_STATUS: DesktopStatus = {
  platform: 'other',
  shortcut: { accelerator: null, state: 'off', message: 'Starting…' },
  tray: { available: false, message: 'Starting…' },
  loginItem: { supported: false, enabled: false, message: 'Starting…' },
  updates: { state: 'idle', version: null, message: 'Starting…', checkedAt: null },
  notifications: { supported: false },
  links: { registered: false, message: 'Starting…' },
};

/**
 * For the Electron end-to-end test only (OFFLOAD_TEST_HOOKS=1): what the tray shows, which the
 * test cannot read from the OS. A main-process global: nothing in any renderer can reach it.
 */
function exposeTestHooks(shell: DesktopShell): void {
  Object.assign(globalThis, {
    offloadTestHooks: { trayView: () => shell.tray.view(), status: () => shell.status(), settled: () => shell.tray.settled() },
  });
}
