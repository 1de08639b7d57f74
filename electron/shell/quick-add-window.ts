import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './protocol';
import { quickAddWindowHash, type QuickAddLink } from './quick-add-link';
import { secureWebPreferences, windowBackground } from './window';

export const QUICK_ADD_WIDTH = 640;
export const QUICK_ADD_HEIGHT = 440;

export interface QuickAddWindows {
  /** Opens the small quick-add window (or brings it forward), with the line a link carried. */
  open(link?: Pick<QuickAddLink, 'text' | 'interrupt'>): BrowserWindow;
  /** The window while it is open. */
  current(): BrowserWindow | null;
  close(): void;
}

/** The URL the quick-add window loads: the same renderer bundle at app://offload, one route. */
export function quickAddUrl(link?: Pick<QuickAddLink, 'text' | 'interrupt'>): string {
  return `${APP_ENTRY_URL}${quickAddWindowHash(link)}`;
}

/**
 * The small window that captures one line from anywhere: the same renderer bundle and preload as
 * the main window, with the same webPreferences (secureWebPreferences) and the same navigation and
 * permission guards (applied to every webContents from main), showing only the quick-add route.
 * One at a time: a second shortcut press or link brings it forward instead of opening another.
 */
export function quickAddWindows(preloadPath: string): QuickAddWindows {
  let window: BrowserWindow | null = null;

  const current = () => (window && !window.isDestroyed() ? window : null);

  return {
    current,
    open(link) {
      const open = current();
      if (open) {
        // A link's line replaces what the window shows; a plain shortcut press keeps her typing.
        if (link) void open.loadURL(quickAddUrl(link));
        if (open.isMinimized()) open.restore();
        open.show();
        open.focus();
        return open;
      }
      const created = new BrowserWindow({
        width: QUICK_ADD_WIDTH,
        height: QUICK_ADD_HEIGHT,
        useContentSize: true,
        center: true,
        resizable: false,
        minimizable: false,
        maximizable: false,
        fullscreenable: false,
        alwaysOnTop: true,
        autoHideMenuBar: true,
        title: 'Quick add · Offload',
        show: false,
        backgroundColor: windowBackground(),
        webPreferences: secureWebPreferences(preloadPath),
      });
      window = created;
      created.removeMenu();
      created.once('ready-to-show', () => {
        created.show();
        created.focus();
      });
      created.on('closed', () => {
        if (window === created) window = null;
      });
      created.loadURL(quickAddUrl(link)).catch((error: unknown) => {
        console.error('[offload] could not load the quick-add window:', error);
      });
      return created;
    },
    close() {
      current()?.close();
    },
  };
}
