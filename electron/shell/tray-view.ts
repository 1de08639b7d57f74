import type { RecentTask } from '../../shared/api/desktop-views';

/**
 * What the tray shows, as plain data: the running timer's task and elapsed time, and the menu.
 * tray.ts turns it into Electron's Tray and Menu; no Electron here, so it is tested in plain Node.
 */

export interface TrayTimer {
  /** The task's title, or the category's name for a timer on a category alone. */
  label: string;
  /** The task it runs on, left out of "Switch timer to". */
  taskId: number | null;
  startAt: number;
}

export type TrayAction =
  | { type: 'stop' }
  | { type: 'start'; taskId: number }
  | { type: 'quickAdd' }
  | { type: 'open' }
  | { type: 'quit' };

export type TrayItem =
  | { kind: 'label'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; label: string; action: TrayAction; accelerator?: string }
  | { kind: 'submenu'; label: string; items: TrayItem[] };

export interface TrayView {
  /** Beside the icon (macOS menu bar): the elapsed time while a timer runs, else nothing. */
  title: string;
  /** On hover (Windows, and Linux where text beside the icon is not supported). */
  tooltip: string;
  running: boolean;
  items: TrayItem[];
}

export interface TrayState {
  timer: TrayTimer | null;
  /** Her recently timed open tasks, most recent first. */
  recent: readonly RecentTask[];
  /** The registered quick-add shortcut, shown beside "Quick add…". */
  shortcut: string | null;
}

/** How many recent tasks "Start timer on" lists. */
export const RECENT_IN_MENU = 6;

/** Elapsed time as h:mm, the tray's resolution (it refreshes when the minute changes). */
export function elapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function shortened(text: string, length = 48): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export function trayView(state: TrayState, now: number): TrayView {
  const { timer } = state;
  const running = timer !== null;
  const time = timer ? elapsed(now - timer.startAt) : '';
  const recent = state.recent.filter((task) => task.id !== timer?.taskId).slice(0, RECENT_IN_MENU);
  const startItems: TrayItem[] =
    recent.length === 0
      ? [{ kind: 'label', label: 'No tasks timed lately' }]
      : recent.map((task) => ({ kind: 'action', label: shortened(task.title), action: { type: 'start', taskId: task.id } }));

  return {
    title: time,
    tooltip: timer ? `Offload — ${shortened(timer.label, 60)}, ${time}` : 'Offload — no timer running',
    running,
    items: [
      timer ? { kind: 'label', label: `${shortened(timer.label)} — ${time}` } : { kind: 'label', label: 'No timer running' },
      ...(timer ? [{ kind: 'action', label: 'Stop timer', action: { type: 'stop' } } satisfies TrayItem] : []),
      { kind: 'submenu', label: timer ? 'Switch timer to' : 'Start timer on', items: startItems },
      { kind: 'separator' },
      { kind: 'action', label: 'Quick add…', action: { type: 'quickAdd' }, ...(state.shortcut ? { accelerator: state.shortcut } : {}) },
      { kind: 'action', label: 'Open Offload', action: { type: 'open' } },
      { kind: 'separator' },
      { kind: 'action', label: 'Quit Offload', action: { type: 'quit' } },
    ],
  };
}
