import { Command } from 'cmdk';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { navigate, SCREENS } from '../../app/routes';
import { Dialog } from '../../ui/dialog';
import { useToasts } from '../../ui/toasts';

export interface PaletteActions {
  quickAdd: () => void;
  showShortcuts: () => void;
}

/** Every screen and action, by typing a few letters: Ctrl/⌘+K from anywhere. */
export default function CommandPalette({ onClose, actions }: { onClose: () => void; actions: PaletteActions }) {
  const timer = useCallQuery('timer:current', []);
  const settings = useCallQuery('settings:get', []);
  const stop = useCallMutation('timer:stop');
  const setTheme = useCallMutation('settings:update');
  const toasts = useToasts();

  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  const dark = settings.data?.theme === 'dark' || (settings.data?.theme === 'system' && document.documentElement.dataset.theme === 'dark');

  return (
    <Dialog
      label="Command palette"
      className="palette"
      onClose={onClose}
      onKeyDown={(event) => {
        // cmdk consumes keys inside its input, so the dialog's own Escape handling cannot be relied on.
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <Command label="Command palette" loop>
        <Command.Input autoFocus placeholder="Type a command or a screen…" aria-label="Command" />
        <Command.List>
          <Command.Empty>Nothing matches. Try “task”, “timer”, “delegate” or a screen name.</Command.Empty>
          <Command.Group heading="Actions">
            <Command.Item onSelect={run(actions.quickAdd)} keywords={['new', 'task', 'add']}>
              Quick add a task <kbd>N</kbd>
            </Command.Item>
            {timer.data && (
              <Command.Item
                onSelect={run(() => stop.mutate(undefined, { onError: (error) => toasts.show(error.message, { tone: 'error' }) }))}
                keywords={['stop', 'timer']}
              >
                Stop the running timer
              </Command.Item>
            )}
            <Command.Item onSelect={run(() => navigate('today'))} keywords={['log', 'time', 'entry']}>
              Log time
            </Command.Item>
            <Command.Item onSelect={run(() => navigate('msp'))} keywords={['delegate', 'handoff', 'msp', 'what-if']}>
              Delegate a category to the MSP
            </Command.Item>
            <Command.Item onSelect={run(() => navigate('handoff'))} keywords={['handoff', 'sheet', 'print']}>
              Open the MSP handoff sheet
            </Command.Item>
            <Command.Item onSelect={run(() => navigate('insights'))} keywords={['reclaimed', 'hours', 'cost']}>
              See hours reclaimed
            </Command.Item>
            <Command.Item onSelect={run(() => navigate('import'))} keywords={['import', 'toggl', 'clockify', 'csv', 'upload', 'timesheet', 'restore']}>
              Import time entries or tasks
            </Command.Item>
            <Command.Item onSelect={run(() => navigate('settings'))} keywords={['export', 'csv', 'json', 'download', 'backup']}>
              Export your data
            </Command.Item>
            <Command.Item onSelect={run(() => setTheme.mutate({ theme: dark ? 'light' : 'dark' }))} keywords={['theme', 'dark', 'light']}>
              Switch to the {dark ? 'light' : 'dark'} theme
            </Command.Item>
            <Command.Item onSelect={run(actions.showShortcuts)} keywords={['help', 'keyboard', 'shortcuts']}>
              Keyboard shortcuts <kbd>?</kbd>
            </Command.Item>
          </Command.Group>
          <Command.Group heading="Go to">
            {SCREENS.map((screen) => (
              <Command.Item key={screen.id} onSelect={run(() => navigate(screen.id))} value={`Go to ${screen.label}`}>
                {screen.label}
              </Command.Item>
            ))}
          </Command.Group>
        </Command.List>
      </Command>
    </Dialog>
  );
}
