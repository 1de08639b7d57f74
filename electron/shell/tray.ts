import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { Clock } from '../backend/clock';
import { callBackend, type ShellBackend } from './backend-calls';
import type { Scheduler } from './scheduler';
import { trayIconBitmap, trayIconStyle } from './tray-icon';
import { trayView, type TrayAction, type TrayItem, type TrayState, type TrayView } from './tray-view';

export interface TrayOptions {
  backend: ShellBackend;
  now: Clock;
  platform: NodeJS.Platform;
  scheduler: Scheduler;
  onAction: (action: TrayAction) => void;
  /** The quick-add shortcut while it is registered, to show beside "Quick add…". */
  shortcut: () => string | null;
}

export interface TrayController {
  /** False where no tray icon could be made (the app then never hides its only window). */
  readonly available: boolean;
  /** Reads the timer and recent tasks again and redraws. */
  refresh(): Promise<void>;
  /** Resolves once the refresh under way (if any) has drawn. */
  settled(): Promise<void>;
  /** What the tray shows now. */
  view(): TrayView | null;
  destroy(): void;
}

/** The aggregates whose change can alter what the tray shows. */
const FOLLOWED = new Set(['timeEntries', 'tasks', 'categories']);

function icon(platform: NodeJS.Platform, running: boolean): NativeImage {
  const style = trayIconStyle(platform);
  const image = nativeImage.createFromBitmap(trayIconBitmap(16, style, running), { width: 16, height: 16, scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, width: 32, height: 32, buffer: trayIconBitmap(32, style, running) });
  if (style === 'template') image.setTemplateImage(true);
  return image;
}

export function menuTemplate(items: readonly TrayItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'label':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return { label: item.label, submenu: menuTemplate(item.items, onAction) };
      case 'action':
        return {
          label: item.label,
          click: () => onAction(item.action),
          // Shown as a hint only: the global shortcut is registered by global-shortcut.ts.
          ...(item.accelerator ? { accelerator: item.accelerator, registerAccelerator: false } : {}),
        };
    }
  });
}

/**
 * The tray icon with the running timer and its menu, kept in step with the backend: every
 * `changed` event that touches time entries, tasks or categories redraws it from `timer:current`,
 * `tasks:get` and `timer:recent`, and while a timer runs it redraws when the shown minute changes.
 */
export function startTray(options: TrayOptions): TrayController {
  const { backend, now, platform, scheduler, onAction } = options;
  let tray: Tray | null = null;
  try {
    tray = new Tray(icon(platform, false));
  } catch (error) {
    console.warn('[offload] no tray icon on this desktop:', error);
  }
  const icons = tray ? { idle: icon(platform, false), running: icon(platform, true) } : null;

  let state: TrayState = { timer: null, recent: [], shortcut: null };
  let current: TrayView | null = null;
  let cancelTick: () => void = () => {};

  const draw = () => {
    cancelTick();
    current = trayView({ ...state, shortcut: options.shortcut() }, now());
    if (tray && icons && !tray.isDestroyed()) {
      tray.setImage(current.running ? icons.running : icons.idle);
      tray.setToolTip(current.tooltip);
      if (platform === 'darwin') tray.setTitle(current.title);
      // Linux trays (AppIndicator) read the menu when it is set, so a new one is set every time.
      tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(current.items, onAction)));
    }
    const timer = state.timer;
    if (timer) {
      const intoMinute = (now() - timer.startAt) % 60_000;
      cancelTick = scheduler.after(60_000 - Math.max(0, intoMinute), draw);
    }
  };

  const read = async (): Promise<TrayState> => {
    const running = await callBackend(backend, 'timer:current');
    let label = '';
    if (running?.taskId != null) label = (await callBackend(backend, 'tasks:get', { id: running.taskId })).title;
    else if (running) {
      const categories = await callBackend(backend, 'categories:list', { includeArchived: true });
      label = categories.find((category) => category.id === running.categoryId)?.name ?? 'Timer';
    }
    const recent = await callBackend(backend, 'timer:recent', { limit: 8 });
    return { timer: running ? { label, taskId: running.taskId, startAt: running.startAt } : null, recent, shortcut: null };
  };

  let inFlight: Promise<void> | null = null;
  let again = false;
  let destroyed = false;
  const refresh = (): Promise<void> => {
    if (destroyed) return Promise.resolve();
    if (inFlight) {
      again = true;
      return inFlight;
    }
    const run = async () => {
      // Yield first, so `inFlight` is set before the first read: a read's own call can emit an
      // event (her day turning), whose refresh must fold into this one, not start a second.
      await Promise.resolve();
      do {
        again = false;
        try {
          state = await read();
        } catch (error) {
          if (!destroyed) console.warn('[offload] the tray could not read the timer:', error);
        }
        if (!destroyed) draw();
      } while (again && !destroyed);
      // Cleared right after the last check of `again`, with no await between: an event that
      // arrives from here on starts a new refresh instead of being folded into this finished one.
      inFlight = null;
    };
    inFlight = run();
    return inFlight;
  };

  const unsubscribe = backend.subscribe((event) => {
    if (event.type === 'changed' && event.aggregates.some((aggregate) => FOLLOWED.has(aggregate))) void refresh();
  });
  if (tray && platform === 'win32') tray.on('click', () => onAction({ type: 'open' }));
  void refresh();

  return {
    available: tray !== null,
    refresh,
    settled: () => inFlight ?? Promise.resolve(),
    view: () => current,
    destroy() {
      destroyed = true;
      cancelTick();
      unsubscribe();
      if (tray && !tray.isDestroyed()) tray.destroy();
      tray = null;
    },
  };
}
