import { useEffect, useState } from 'react';

export const SCREENS = [
  { id: 'today', label: 'Today' },
  { id: 'week', label: 'Week plan' },
  { id: 'tasks', label: 'Tasks' },
  { id: 'msp', label: 'MSP' },
  { id: 'time-off', label: 'Time off' },
  { id: 'insights', label: 'Insights' },
  { id: 'settings', label: 'Settings' },
] as const;

/** Pages reached from a screen rather than the sidebar. */
const PAGES = ['handoff', 'import'] as const;

export type ScreenId = (typeof SCREENS)[number]['id'] | (typeof PAGES)[number];

function screenFromHash(hash: string): ScreenId {
  const id = hash.replace(/^#\/?/, '');
  return SCREENS.find((screen) => screen.id === id)?.id ?? PAGES.find((page) => page === id) ?? 'today';
}

export function navigate(screen: ScreenId): void {
  window.location.hash = `/${screen}`;
}

/** The current screen, from the URL hash so that reloads and back/forward keep her place. */
export function useScreen(): ScreenId {
  const [screen, setScreen] = useState(() => screenFromHash(window.location.hash));
  useEffect(() => {
    const update = () => setScreen(screenFromHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return screen;
}
