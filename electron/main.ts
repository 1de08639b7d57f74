import path from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, protocol, session } from 'electron';
import { openBackend, type Backend } from './backend/backend';
import { openElectronSettings } from './settings/electron-settings';
import type { SettingsStore } from './settings/settings-store';
import { CLOCK_ENVIRONMENT_VARIABLE, clockStartingAt } from './backend/clock';
import { forwardEvents, registerCalls, trustedFrameCheck } from './shell/ipc';
import { installAppMenu } from './shell/menu';
import { APP_ENTRY_URL, registerAppScheme, serveRenderer } from './shell/protocol';
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

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let settings: SettingsStore | null = null;
let unregisterCalls: (() => void) | null = null;
let stopEvents: (() => void) | null = null;

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

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('second-instance', () => {
    if (!mainWindow) {
      if (backend) openMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  let shutDown = false;
  app.on('will-quit', () => {
    // Runs after every window has closed (and saved its bounds); the guard keeps a second
    // will-quit, after a cancelled quit, from closing the database twice.
    if (shutDown) return;
    shutDown = true;
    unregisterCalls?.();
    unregisterCalls = null;
    stopEvents?.();
    stopEvents = null;
    try {
      backend?.close();
    } catch (error) {
      console.error('[offload] closing the database failed:', error);
    }
    backend = null;
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

function onReady(): void {
  hardenSession(session.defaultSession);

  const userData = app.getPath('userData');
  settings = openElectronSettings(userData);
  // electron-store answers 'electron-store-get-data' for renderer-side stores, which Offload never
  // uses; that channel would bypass the sender check every other call goes through, so close it.
  ipcMain.removeAllListeners('electron-store-get-data');
  // The one clock: real time, or the instant OFFLOAD_CLOCK names (tests), running from there.
  const now = clockStartingAt(process.env[CLOCK_ENVIRONMENT_VARIABLE]);
  // The data worker is built beside this bundle (dist/electron/, inside app.asar when packaged).
  const dataWorkerFile = path.join(__dirname, 'data-worker.cjs');
  backend = openBackend({ dataDir: userData, mode: 'electron', version: appVersion(), settings, now, dataWorkerFile });

  // The bundle lives in dist/electron/, the built renderer in dist/renderer/ (inside app.asar when
  // packaged, which the protocol handler reads through Electron's fs like any other file).
  serveRenderer(protocol, path.join(__dirname, '../renderer'));
  unregisterCalls = registerCalls(ipcMain, backend, trustedFrameCheck(() => mainWindow));
  stopEvents = forwardEvents(backend, () => mainWindow);
  installAppMenu();
  openMainWindow();
}

function openMainWindow(): void {
  if (!settings) return;
  const window = createMainWindow({ preloadPath: path.join(__dirname, 'preload.cjs'), settings });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`[offload] could not load ${APP_ENTRY_URL}:`, error);
  });
}
