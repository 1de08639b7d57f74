import { GO_KEYS, SCREENS } from '../../app/routes';
import { MOD_KEY_LABEL } from '../../app/sidebar';
import { Dialog } from '../../ui/dialog';
import { TIMESHEET_SHORTCUTS } from '../timesheet/shortcuts';

const withCapital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function shortcutsFor(mode: 'electron' | 'browser'): { group: string; keys: string; action: string }[] {
  return [
    { group: 'Anywhere', keys: 'N', action: 'Quick add a task' },
    { group: 'Anywhere', keys: `${MOD_KEY_LABEL}K`, action: 'Command palette: screens, actions, and your tasks by name' },
    { group: 'Anywhere', keys: '?', action: 'This list' },
    ...SCREENS.map((screen, index) => ({
      group: 'Go to',
      keys: mode === 'electron' ? `G then ${GO_KEYS[screen.id].toUpperCase()}  or  ${MOD_KEY_LABEL}${index + 1}` : `G then ${GO_KEYS[screen.id].toUpperCase()}`,
      action: screen.label,
    })),
    { group: 'Lists of tasks', keys: 'J / ↓, K / ↑', action: 'Next or previous task (Home, End: first, last)' },
    { group: 'Lists of tasks', keys: 'Space', action: 'Complete the task (again to reopen it)' },
    { group: 'Lists of tasks', keys: 'E or Enter', action: 'Edit the task' },
    { group: 'Lists of tasks', keys: 'S', action: 'Start or stop the timer on the task' },
    { group: 'Lists of tasks', keys: 'X', action: 'Select the task for a bulk action' },
    { group: 'Lists of tasks', keys: 'Delete', action: 'Delete the task (Undo in the message)' },
    { group: 'Week plan', keys: 'Space or Enter, arrows, Space', action: 'Pick a card up, carry it to a day or lane, drop it (Esc cancels)' },
    { group: 'Week plan', keys: '[  ]  T', action: 'Previous week, next week, this week' },
    ...TIMESHEET_SHORTCUTS.map((shortcut) => ({ group: 'Timesheet', keys: shortcut.keys, action: withCapital(shortcut.action.replace(/^Timesheet( week| and week plan)?: /, '')) })),
    { group: 'Elsewhere', keys: '↑ ↓', action: 'Move between screens in the sidebar' },
    { group: 'Elsewhere', keys: '← →', action: 'Move between tabs' },
    { group: 'Elsewhere', keys: 'Esc', action: 'Close a dialog without saving' },
  ];
}

export default function ShortcutsHelp({ mode, onClose }: { mode: 'electron' | 'browser'; onClose: () => void }) {
  const shortcuts = shortcutsFor(mode);
  const groups = [...new Set(shortcuts.map((shortcut) => shortcut.group))];
  return (
    <Dialog title="Keyboard shortcuts" className="shortcuts-dialog" onClose={onClose}>
      {mode === 'browser' && <p className="muted">In a browser tab, Ctrl+1…8 switch the browser’s tabs: use G then a letter.</p>}
      {groups.map((group) => (
        <table key={group} className="data-table shortcuts-table">
          <caption>{group}</caption>
          <tbody>
            {shortcuts
              .filter((shortcut) => shortcut.group === group)
              .map((shortcut) => (
                <tr key={shortcut.action}>
                  <td>
                    <kbd>{shortcut.keys}</kbd>
                  </td>
                  <td>{shortcut.action}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
