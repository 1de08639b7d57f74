import { BrowserWindow, nativeTheme, screen, type Rectangle, type Session, type Shell, type WebContents, type WebPreferences } from 'electron';
import { z } from 'zod';
import type { SettingsStore } from '../settings/settings-store';
import { openExternally } from './external-links';
import { isAppUrl } from './protocol';

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;
const DEFAULT_WIDTH = 1280;
const DEFAULT_HEIGHT = 820;
const WINDOW_STATE_KEY = 'window';
/** How much of a restored window must lie on some display for its saved position to be kept. */
const MIN_VISIBLE = 64;

/** Close to the renderer's page colours, so a resize or the first paint does not flash white. */
const BACKGROUND = { light: '#f7f7f5', dark: '#1c1c1e' } as const;

const savedWindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean().default(false),
});
type WindowState = z.output<typeof savedWindowState>;

export interface MainWindowOptions {
  preloadPath: string;
  settings: Pick<SettingsStore, 'getShellState' | 'setShellState'>;
}

/**
 * The webPreferences of every window Offload opens (the main window and the quick-add window):
 * each one spelled out, defaults included, so a reviewer sees the whole security posture here and
 * an Electron upgrade that changes a default changes nothing. Navigation and permission guards are
 * applied to every webContents by hardenWebContents and hardenSession, from main.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    preload: preloadPath,
  };
}

/** Close to the renderer's page colours in the current theme, so the first paint does not flash. */
export function windowBackground(): string {
  return nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
}

/** The app's main window, with the secure webPreferences; its bounds are restored and saved. */
export function createMainWindow({ preloadPath, settings }: MainWindowOptions): BrowserWindow {
  const state = restoreWindowState(settings.getShellState(WINDOW_STATE_KEY));
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: Math.max(state.width, MIN_WIDTH),
    height: Math.max(state.height, MIN_HEIGHT),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Offload',
    show: false,
    backgroundColor: windowBackground(),
    webPreferences: secureWebPreferences(preloadPath),
  });

  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });

  window.on('close', () => {
    // The normal bounds, not the maximised ones, so un-maximising after a restart lands where she
    // last had the window.
    const saved: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      settings.setShellState(WINDOW_STATE_KEY, saved);
    } catch (error) {
      console.warn('[offload] could not save the window position:', error);
    }
  });

  return window;
}

/**
 * What was saved last time, if it still makes sense: the settings file can be hand-edited or
 * written by an older version, and the display the window was on may be gone. Anything unusable
 * falls back to a centred default-sized window.
 */
export function restoreWindowState(saved: unknown): WindowState {
  const parsed = savedWindowState.safeParse(saved);
  if (!parsed.success) return { width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, maximized: false };
  const { x, y, ...size } = parsed.data;
  if (x === undefined || y === undefined) return size;
  const bounds = { x, y, width: size.width, height: size.height };
  const onScreen = screen.getAllDisplays().some((display) => overlaps(display.workArea, bounds));
  return onScreen ? parsed.data : size;
}

function overlaps(area: Rectangle, bounds: Rectangle): boolean {
  const width = Math.min(area.x + area.width, bounds.x + bounds.width) - Math.max(area.x, bounds.x);
  const height = Math.min(area.y + area.height, bounds.y + bounds.height) - Math.max(area.y, bounds.y);
  return width >= MIN_VISIBLE && height >= MIN_VISIBLE;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Keeps a webContents on the app: no navigation or redirect of the page to another origin, no
 * navigation of any subframe at all (the CSP allows none), no new windows, no <webview>. The
 * renderer has no reason to leave app://offload, so anything that tries is stopped. A link meant
 * for her browser (`target="_blank"`, https or mailto only) is handed to the system through
 * openExternally, and never opens inside the app.
 */
export function hardenWebContents(contents: GuardedContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(shell, url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Permissions the app's own page may have. Offload needs none today: no camera, notifications,
 * clipboard API, geolocation, devices or anything else. A permission added here is granted only
 * to app://offload's main frame, never to anything else.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** Answers every permission request and check, and every device (HID, serial, USB) request, from the allowlist. */
export function hardenSession(session: PermissionSession, allowed: ReadonlySet<string> = ALLOWED_PERMISSIONS): void {
  const grants = (permission: string, url: string | undefined, isMainFrame: boolean | undefined) =>
    allowed.has(permission) && isMainFrame !== false && url !== undefined && isAppUrl(url);
  session.setPermissionRequestHandler((_contents, permission, answer, details) => {
    answer(grants(permission, details.requestingUrl, details.isMainFrame));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    grants(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame),
  );
  session.setDevicePermissionHandler(() => false);
}
