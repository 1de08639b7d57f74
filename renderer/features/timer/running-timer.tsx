import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { formatDuration } from '../../../shared/domain/duration';
import type { Task } from '../../../shared/domain/types';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useToasts } from '../../ui/toasts';
import { useNow } from '../../ui/use-now';
import { useCategories } from '../categories/use-categories';

/** Elapsed time as h:mm:ss for a running timer. */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The running timer, what it runs on, and a way to stop it with a toast of what was logged. */
function useRunningTimer() {
  const timer = useCallQuery('timer:current', [], { refetchOnWindowFocus: true });
  const taskId = timer.data?.taskId ?? null;
  const task = useCallQuery('tasks:get', [{ id: taskId ?? 0 }], { enabled: taskId !== null });
  const { byId } = useCategories();
  const stop = useCallMutation('timer:stop');
  const toasts = useToasts();
  const running = timer.data ?? null;
  const label = running ? (task.data?.title ?? byId.get(running.categoryId)?.name ?? 'Timer') : null;
  const stopTimer = () =>
    stop.mutate(undefined, {
      onSuccess: (entry) => {
        if (entry?.endAt) toasts.show(`Logged ${formatDuration((entry.endAt - entry.startAt) / 60_000)} on ${label ?? 'the timer'}`);
      },
      onError: (error) => toasts.show(error.message, { tone: 'error' }),
    });
  return { running, label, stopTimer };
}

/**
 * The running timer, on every screen. Its start is stored, so it survives a restart or a crash;
 * it counts in no figure until it stops. The whole title shows, over two lines if need be.
 */
export function RunningTimer() {
  const { running, label, stopTimer } = useRunningTimer();
  const now = useNow(1000);
  if (!running) return null;
  return (
    <section className="running-timer" aria-label="Running timer">
      <span className="timer-dot" aria-hidden="true" />
      <span className="timer-label">{label}</span>
      <span className="timer-clock" aria-live="off">
        {clock(now - running.startAt)}
      </span>
      <button type="button" className="button button-small" onClick={stopTimer}>
        Stop
      </button>
    </section>
  );
}

/** The window or tab title: the screen, and while a timer runs, its time and task first. */
export function DocumentTitle({ screen }: { screen: string }) {
  const { running, label } = useRunningTimer();
  const now = useNow(1000);
  const title = running ? `● ${clock(now - running.startAt)} ${label ?? ''} · ${screen} · Offload` : `${screen} · Offload`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}

export interface TaskTimer {
  /** The timer runs on this task. */
  runningHere: boolean;
  startAt: number | null;
  /** Stops it when it runs here; else starts it (asking for a category first when the task has none). */
  toggle: () => void;
  /** The category question, to render beside the control while it is asked. */
  prompt: ReactNode;
}

/**
 * The timer as one task's row sees it: Start, or Stop when it runs on the task; any other running
 * timer stops at the same moment. A task without a category asks for one first (every hour is
 * counted in one), and keeps it.
 */
export function useTaskTimer(task: Pick<Task, 'id' | 'title' | 'categoryId'>): TaskTimer {
  const { running, stopTimer } = useRunningTimer();
  const start = useCallMutation('timer:start');
  const toasts = useToasts();
  const [asking, setAsking] = useState(false);
  const runningHere = running?.taskId === task.id;
  const begin = (categoryId: number | null) =>
    start.mutate({ taskId: task.id, categoryId }, { onError: (error) => toasts.show(error.message, { tone: 'error' }) });
  return {
    runningHere,
    startAt: runningHere ? running.startAt : null,
    toggle: () => (runningHere ? stopTimer() : task.categoryId === null ? setAsking(true) : begin(null)),
    prompt: asking && (
      <CategoryPrompt
        title={task.title}
        onClose={() => setAsking(false)}
        onChoose={(categoryId) => {
          setAsking(false);
          begin(categoryId);
        }}
      />
    ),
  };
}

/** Ticks every second by itself, so only the running row re-renders. */
function Elapsed({ since }: { since: number }) {
  const now = useNow(1000);
  return <span className="timer-clock">{clock(now - since)}</span>;
}

/** Start, or Stop with the time elapsed while the timer runs on this task. */
export function StartTimerButton({ title, timer, tabIndex }: { title: string; timer: TaskTimer; tabIndex?: number }) {
  return (
    <>
      {timer.runningHere && timer.startAt !== null ? (
        <button type="button" className="button button-small button-running" tabIndex={tabIndex} onClick={timer.toggle}>
          <span className="timer-dot" aria-hidden="true" />
          Stop <Elapsed since={timer.startAt} />
          <span className="visually-hidden"> the timer on “{title}”</span>
        </button>
      ) : (
        <button type="button" className="button button-small" tabIndex={tabIndex} onClick={timer.toggle}>
          Start<span className="visually-hidden"> the timer on “{title}”</span>
        </button>
      )}
      {timer.prompt}
    </>
  );
}

function CategoryPrompt({ title, onChoose, onClose }: { title: string; onChoose: (categoryId: number) => void; onClose: () => void }) {
  const categories = useCategories();
  const [choice, setChoice] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const usable = categories.data?.filter((category) => !category.archived) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice === '') {
      setProblem('Choose the category this time counts in');
      return;
    }
    onChoose(Number(choice));
  };
  return (
    <Dialog title="Which category is this work?" onClose={onClose}>
      <form onSubmit={submit} className="stack" aria-label="Choose a category">
        <p>Every hour is counted in a category. “{title}” has none yet: the one you choose is saved on the task too.</p>
        <Field label="Category" error={problem}>
          <select data-autofocus value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">Choose…</option>
            {usable.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Start the timer
          </button>
        </div>
      </form>
    </Dialog>
  );
}
