import { useRef, type KeyboardEvent } from 'react';
import { RunningTimer } from '../features/timer/running-timer';
import { GO_KEYS, SCREENS, type ScreenId } from './routes';

const isMac = navigator.platform.toLowerCase().includes('mac');
export const MOD_KEY_LABEL = isMac ? '⌘' : 'Ctrl+';

/**
 * The shortcut to a screen as the sidebar shows it: Ctrl/⌘+1…8 in the desktop app; G then a letter
 * in a browser tab, whose Ctrl+1…8 switch the browser's own tabs (G works in both).
 */
export function screenShortcut(mode: 'electron' | 'browser', index: number, id: keyof typeof GO_KEYS) {
  return mode === 'electron'
    ? { label: `${MOD_KEY_LABEL}${index + 1}`, aria: `${isMac ? 'Meta' : 'Control'}+${index + 1}` }
    : { label: `G ${GO_KEYS[id].toUpperCase()}`, aria: `G ${GO_KEYS[id].toUpperCase()}` };
}

/** The left sidebar. Arrow keys move between screens; a shortcut per screen jumps from anywhere. */
export function Sidebar({ current, mode, onQuickAdd }: { current: ScreenId; mode: 'electron' | 'browser'; onQuickAdd: () => void }) {
  const list = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const links = Array.from(list.current?.querySelectorAll<HTMLAnchorElement>('a') ?? []);
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? links.length - 1
          : (index + (event.key === 'ArrowDown' ? 1 : -1) + links.length) % links.length;
    links[next]?.focus();
    event.preventDefault();
  };

  return (
    <nav className="sidebar" aria-label="Screens">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◐
        </span>
        Offload
      </div>
      <ul ref={list} onKeyDown={onKeyDown}>
        {SCREENS.map((screen, index) => {
          const shortcut = screenShortcut(mode, index, screen.id);
          return (
            <li key={screen.id}>
              <a
                href={`#/${screen.id}`}
                aria-current={screen.id === current || (screen.id === 'msp' && current === 'handoff') ? 'page' : undefined}
                aria-keyshortcuts={shortcut.aria}
              >
                <span>{screen.label}</span>
                <kbd aria-hidden="true">{shortcut.label}</kbd>
              </a>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button quick-add-button" onClick={onQuickAdd} aria-keyshortcuts="N">
        Quick add <kbd aria-hidden="true">N</kbd>
      </button>
      <RunningTimer />
    </nav>
  );
}
