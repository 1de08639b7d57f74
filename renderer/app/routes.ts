import { startTransition, useEffect, useState } from 'react';

export const SCREENS = [
  { id: 'today', label: 'Today' },
  { id: 'timesheet', label: 'Timesheet' },
  { id: 'week', label: 'Week plan' },
  { id: 'tasks', label: 'Tasks' },
  { id: 'msp', label: 'MSP' },
  { id: 'time-off', label: 'Time off' },
  { id: 'insights', label: 'Insights' },
  { id: 'settings', label: 'Settings' },
] as const;

export type SidebarScreenId = (typeof SCREENS)[number]['id'];

/**
 * G then a letter goes to a screen, in the desktop app and in a browser tab alike (where Ctrl+1…8
 * switch the browser's tabs, not Offload's screens).
 */
export const GO_KEYS: Record<SidebarScreenId, string> = {
  today: 't',
  timesheet: 'e',
  week: 'w',
  tasks: 'a',
  msp: 'm',
  'time-off': 'o',
  insights: 'i',
  settings: 's',
};

/**
 * Pages reached from a screen rather than the sidebar, and the desktop app's quick-add window
 * (the same bundle in a small window of its own, showing only the dialog).
 */
const PAGES = ['handoff', 'report', 'import', 'quick-add-window'] as const;

/** A page's name in the window title. */
export const PAGE_LABELS: Record<(typeof PAGES)[number], string> = { handoff: 'Handoff sheet', report: 'Leadership report', import: 'Import', 'quick-add-window': 'Quick add' };

export type ScreenId = (typeof SCREENS)[number]['id'] | (typeof PAGES)[number];

export function screenFromHash(hash: string): ScreenId {
  // A page may carry a query after its name (#/quick-add-window?text=…, #/timesheet?day=2026-11-13).
  const id = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return SCREENS.find((screen) => screen.id === id)?.id ?? PAGES.find((page) => page === id) ?? 'today';
}

export function navigate(screen: ScreenId): void {
  window.location.hash = `/${screen}`;
}

/** The current screen, from the URL hash so that reloads and back/forward keep her place. */
export function useScreen(): ScreenId {
  const [screen, setScreen] = useState(() => screenFromHash(window.location.hash));
  useEffect(() => {
    // A transition: the screen she leaves stays until the next one's chunk is there, instead of a
    // "Loading…" fallback that React would then hold for 300 ms (its fallback throttle).
    const update = () => startTransition(() => setScreen(screenFromHash(window.location.hash)));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return screen;
}
