import { Command } from 'cmdk';
import { useDeferredValue, useState } from 'react';
import type { Task } from '../../../shared/domain/types';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { navigate, SCREENS } from '../../app/routes';
import { Dialog } from '../../ui/dialog';
import { useToasts } from '../../ui/toasts';

export interface PaletteActions {
  quickAdd: () => void;
  showShortcuts: () => void;
  /** Opens a task's editor over the current screen. */
  openTask: (id: number) => void;
}

/** How many tasks the palette offers for what she typed: the best matches by urgency. */
const TASK_MATCHES = 6;

/**
 * Every screen and action, and her tasks by name, by typing a few letters: Ctrl/⌘+K from anywhere.
 * The input has focus as soon as it opens.
 */
export default function CommandPalette({ onClose, actions }: { onClose: () => void; actions: PaletteActions }) {
  const timer = useCallQuery('timer:current', []);
  const settings = useCallQuery('settings:get', []);
  const stop = useCallMutation('timer:stop');
  const start = useCallMutation('timer:start');
  const setTheme = useCallMutation('settings:update');
  const toasts = useToasts();
  const [search, setSearch] = useState('');
  const words = useDeferredValue(search.trim());
  // Her open tasks, however old: their own index (migration 017), so a keystroke never reads all her history.
  const found = useCallQuery('tasks:list', [{ search: words, status: 'active', limit: TASK_MATCHES }], { enabled: words.length >= 2 });
  const tasks = words.length >= 2 ? (found.data?.tasks ?? []) : [];

  const fail = (error: Error) => toasts.show(error.message, { tone: 'error' });
  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  const dark = settings.data?.theme === 'dark' || (settings.data?.theme === 'system' && document.documentElement.dataset.theme === 'dark');
  const startOn = (task: Task) =>
    start.mutate({ taskId: task.id }, { onSuccess: () => toasts.show(`Timer started on “${task.title}”`), onError: fail });

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
        <Command.Input data-autofocus value={search} onValueChange={setSearch} placeholder="Type a command, a screen or a task…" aria-label="Command" />
        <Command.List>
          <Command.Empty>Nothing matches. Try “task”, “timer”, “delegate”, a screen name or words from a task’s title.</Command.Empty>
          {tasks.length > 0 && (
            <Command.Group heading="Your tasks">
              {tasks.map((task) => (
                <TaskItems key={task.id} task={task} words={words} onOpen={run(() => actions.openTask(task.id))} onStart={run(() => startOn(task))} />
              ))}
            </Command.Group>
          )}
          <Command.Group heading="Actions">
            <Command.Item onSelect={run(actions.quickAdd)} keywords={['new', 'task', 'add']}>
              Quick add a task <kbd>N</kbd>
            </Command.Item>
            {timer.data && (
              <Command.Item onSelect={run(() => stop.mutate(undefined, { onError: fail }))} keywords={['stop', 'timer']}>
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
            <Command.Item onSelect={run(() => navigate('insights'))} keywords={['reclaimed', 'hours', 'cost', 'charts', 'workload']}>
              See workload charts and hours reclaimed
            </Command.Item>
            <Command.Item onSelect={run(() => navigate('report'))} keywords={['report', 'leadership', 'pdf', 'print', 'month']}>
              Open the leadership report
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

/**
 * A found task offers Open, and Start when she can time it. The backend matched it by every word
 * as a prefix; cmdk's own fuzzy filter is given the words as keywords so it keeps the match.
 */
function TaskItems({ task, words, onOpen, onStart }: { task: Task; words: string; onOpen: () => void; onStart: () => void }) {
  const canStart = task.owner === 'me' && task.categoryId !== null;
  return (
    <>
      <Command.Item value={`open task ${task.id}`} keywords={[words, task.title]} onSelect={onOpen}>
        Open “{task.title}”
      </Command.Item>
      {canStart && (
        <Command.Item value={`start task ${task.id}`} keywords={[words, task.title, 'start', 'timer']} onSelect={onStart}>
          Start the timer on “{task.title}”
        </Command.Item>
      )}
    </>
  );
}
