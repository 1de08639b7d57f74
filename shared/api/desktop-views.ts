import type { TimeEntry } from '../domain/time-entry';

/** Results of the desktop app's calls (contract-desktop.ts). */

/** A task she timed lately, for "Start on…" in the tray: the most recent first. */
export interface RecentTask {
  id: number;
  title: string;
  categoryId: number | null;
  /** When she last started the timer (or logged time) on it. */
  lastTrackedAt: number;
}

export type IdleChoice = 'keep' | 'discard' | 'split';

/**
 * What her answer to "you were away" did. `worked` is the entry as it now stands for the time
 * before she went idle (null when the timer started while she was already away and the entry was
 * removed); `idle` the separate entry for the time away (split only); `running` the timer after
 * the answer (keep and split: still on the same task; discard: none).
 */
export interface IdleResolution {
  choice: IdleChoice;
  worked: TimeEntry | null;
  idle: TimeEntry | null;
  running: TimeEntry | null;
}

export type ShortcutState =
  /** Registered: the shortcut opens the quick-add window from anywhere. */
  | 'registered'
  /** Turned off in Settings. */
  | 'off'
  /** The system or another app holds it. */
  | 'taken'
  /** This desktop offers no global shortcuts to apps (e.g. Wayland without the portal). */
  | 'unavailable';

export type UpdateState =
  | 'development'
  | 'disabled'
  | 'idle'
  | 'checking'
  | 'up-to-date'
  | 'available'
  | 'downloading'
  | 'downloaded'
  | 'error';

/** What the desktop shell can do on this machine right now: for the Desktop section of Settings. */
export interface DesktopStatus {
  platform: 'darwin' | 'win32' | 'linux' | 'other';
  shortcut: { accelerator: string | null; state: ShortcutState; message: string };
  /** Whether a tray icon could be created (some Linux desktops have no tray). */
  tray: { available: boolean; message: string };
  loginItem: { supported: boolean; enabled: boolean; message: string };
  updates: { state: UpdateState; version: string | null; message: string; checkedAt: number | null };
  notifications: { supported: boolean };
  /** Whether the OS sends offload:// links to this app (packaged builds register it). */
  links: { registered: boolean; message: string };
}
