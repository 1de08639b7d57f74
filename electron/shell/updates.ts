import type { UpdateState } from '../../shared/api/desktop-views';
import type { Clock } from '../backend/clock';
import type { Scheduler } from './scheduler';

/**
 * The part of electron-updater's `autoUpdater` Offload uses, so the code path runs against a
 * mock in tests. electron-builder's publish configuration (electron-builder.yml) writes the
 * app-update.yml the real one reads.
 */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
}

export interface UpdateStatus {
  state: UpdateState;
  version: string | null;
  message: string;
  checkedAt: number | null;
}

export interface UpdateQuestion {
  message: string;
  detail: string;
  /** The first button says yes. */
  buttons: [string, string];
}

export interface UpdatesOptions {
  /** Loaded only when checks are on in a packaged app: development builds never touch it. */
  loadUpdater: () => Promise<Updater>;
  isPackaged: boolean;
  currentVersion: string;
  now: Clock;
  scheduler: Scheduler;
  /** Asks her (a message box); resolves with the index of the button she chose. */
  ask: (question: UpdateQuestion) => Promise<number>;
  /** Told after every change, so Settings can show it. */
  onStatus: (status: UpdateStatus) => void;
  /** Called just before the app quits to install. */
  onInstall?: () => void;
}

export interface UpdatesController {
  /** Turns checks on or off (her setting). */
  apply(enabled: boolean): void;
  /** Checks at once (when on). */
  checkNow(): Promise<void>;
  status(): UpdateStatus;
  stop(): void;
}

/** A look a little after start, when the window has settled, and then every six hours. */
export const FIRST_CHECK_MS = 30_000;
export const CHECK_EVERY_MS = 6 * 60 * 60_000;

/**
 * Checks for a new version and offers it: when one is available she is asked whether to download
 * it, and once downloaded whether to restart now (otherwise it installs when she quits). Nothing
 * downloads without her yes. Off in development builds (there is nothing to update there) and
 * when her setting turns checks off.
 */
export function startUpdates(options: UpdatesOptions): UpdatesController {
  const { isPackaged, scheduler, now } = options;
  let status: UpdateStatus = isPackaged
    ? { state: 'disabled', version: null, message: 'Update checks are off.', checkedAt: null }
    : { state: 'development', version: null, message: 'Updates are checked in the installed app only, not in a development build.', checkedAt: null };
  let updater: Promise<Updater> | null = null;
  let enabled = false;
  let stopTimers: () => void = () => {};
  /** Versions she said "not now" to in this session: not asked again until the next start. */
  const declined = new Set<string>();

  const set = (next: Partial<UpdateStatus>) => {
    status = { ...status, ...next };
    options.onStatus(status);
  };

  const wire = (loaded: Updater) => {
    loaded.autoDownload = false;
    loaded.autoInstallOnAppQuit = true;
    loaded.on('checking-for-update', () => set({ state: 'checking', message: 'Looking for a new version…' }));
    loaded.on('update-not-available', () =>
      set({ state: 'up-to-date', version: null, message: `Offload ${options.currentVersion} is the latest version.`, checkedAt: now() }),
    );
    loaded.on('update-available', (info) => {
      set({ state: 'available', version: info.version, message: `Offload ${info.version} is available.`, checkedAt: now() });
      if (declined.has(info.version)) return;
      void options
        .ask({
          message: `Offload ${info.version} is available`,
          detail: `You have ${options.currentVersion}. Download it now? Offload keeps working while it downloads, and asks before it restarts.`,
          buttons: ['Download', 'Not now'],
        })
        .then((answer) => {
          if (answer !== 0) {
            declined.add(info.version);
            return;
          }
          set({ state: 'downloading', message: `Downloading Offload ${info.version}…` });
          return loaded.downloadUpdate();
        })
        .catch((error: unknown) => set({ state: 'error', message: `The update could not be downloaded: ${messageOf(error)}` }));
    });
    loaded.on('download-progress', (progress) =>
      set({ state: 'downloading', message: `Downloading Offload ${status.version ?? ''}… ${Math.floor(progress.percent)} %` }),
    );
    loaded.on('update-downloaded', (info) => {
      set({ state: 'downloaded', version: info.version, message: `Offload ${info.version} is ready: it installs when you quit, or restart now.` });
      void options
        .ask({
          message: `Offload ${info.version} is ready to install`,
          detail: 'Restart Offload now to finish? Otherwise it installs the next time you quit. A running timer keeps running.',
          buttons: ['Restart now', 'When I quit'],
        })
        .then((answer) => {
          if (answer !== 0) return;
          options.onInstall?.();
          loaded.quitAndInstall();
        });
    });
    loaded.on('error', (error) => set({ state: 'error', message: `Offload could not check for updates: ${messageOf(error)}` }));
    return loaded;
  };

  const checkNow = async () => {
    if (!isPackaged || !enabled) return;
    try {
      updater ??= options.loadUpdater().then(wire);
      await (await updater).checkForUpdates();
    } catch (error) {
      set({ state: 'error', message: `Offload could not check for updates: ${messageOf(error)}`, checkedAt: now() });
    }
  };

  return {
    apply(next) {
      if (!isPackaged || next === enabled) return;
      enabled = next;
      stopTimers();
      stopTimers = () => {};
      if (!enabled) {
        set({ state: 'disabled', message: 'Update checks are off.' });
        return;
      }
      set({ state: 'idle', message: 'Offload looks for updates every six hours.' });
      const cancelFirst = scheduler.after(FIRST_CHECK_MS, () => void checkNow());
      const stopEvery = scheduler.every(CHECK_EVERY_MS, () => void checkNow());
      stopTimers = () => {
        cancelFirst();
        stopEvery();
      };
    },
    checkNow,
    status: () => status,
    stop: () => stopTimers(),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
