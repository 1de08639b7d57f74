import { useEffect, useRef } from 'react';
import { SCREENS } from '../../app/routes';
import { MOD_KEY_LABEL } from '../../app/sidebar';

const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'N', action: 'Quick add a task' },
  { keys: `${MOD_KEY_LABEL}K`, action: 'Command palette' },
  { keys: '?', action: 'This list' },
  ...SCREENS.map((screen, index) => ({ keys: `${MOD_KEY_LABEL}${index + 1}`, action: `Go to ${screen.label}` })),
  { keys: '↑ ↓', action: 'Move between screens in the sidebar' },
  { keys: '← →', action: 'Move between tabs' },
  { keys: 'Esc', action: 'Close a dialog without saving' },
];

export default function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const node = dialog.current;
    node?.showModal();
    return () => node?.close();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
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
    </dialog>
  );
}
