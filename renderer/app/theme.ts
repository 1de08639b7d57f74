import { useEffect } from 'react';
import type { Settings } from '../../shared/domain/settings';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

function apply(theme: Settings['theme']): void {
  const dark = theme === 'dark' || (theme === 'system' && darkQuery.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Applied before React renders so the first paint already has the right colours. */
apply('system');

/** Follows her theme setting, and the system's while the setting is "system". */
export function useTheme(theme: Settings['theme'] | undefined): void {
  useEffect(() => {
    const chosen = theme ?? 'system';
    apply(chosen);
    if (chosen !== 'system') return;
    const onChange = () => apply('system');
    darkQuery.addEventListener('change', onChange);
    return () => darkQuery.removeEventListener('change', onChange);
  }, [theme]);
}
