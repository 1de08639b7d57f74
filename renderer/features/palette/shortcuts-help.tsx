import { SCREENS } from '../../app/routes';
import { MOD_KEY_LABEL } from '../../app/sidebar';
import { Dialog } from '../../ui/dialog';
import { TIMESHEET_SHORTCUTS } from '../timesheet/shortcuts';

const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'N', action: 'Quick add a task' },
  { keys: `${MOD_KEY_LABEL}K`, action: 'Command palette' },
  { keys: '?', action: 'This list' },
  ...SCREENS.map((screen, index) => ({ keys: `${MOD_KEY_LABEL}${index + 1}`, action: `Go to ${screen.label}` })),
  { keys: '↑ ↓', action: 'Move between screens in the sidebar' },
  { keys: '← →', action: 'Move between tabs' },
  { keys: 'Esc', action: 'Close a dialog without saving' },
  ...TIMESHEET_SHORTCUTS,
];

export default function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="data-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                <kbd>{shortcut.keys}</kbd>
              </td>
              <td>{shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
