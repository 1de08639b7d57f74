import { formatDuration } from '../../../shared/domain/duration';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { useToasts } from '../../ui/toasts';
import { useNow } from '../../ui/use-now';
import { useCategories } from '../categories/use-categories';

/** Elapsed time as h:mm:ss for a running timer. */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * The running timer, on every screen. Its start is stored, so it survives a restart or a crash;
 * it counts in no figure until it stops.
 */
export function RunningTimer() {
  const timer = useCallQuery('timer:current', [], { refetchOnWindowFocus: true });
  const task = useCallQuery('tasks:get', [{ id: timer.data?.taskId ?? 0 }], { enabled: (timer.data?.taskId ?? null) !== null });
  const { byId } = useCategories();
  const stop = useCallMutation('timer:stop');
  const toasts = useToasts();
  const now = useNow(1000);
  const running = timer.data;
  if (!running) return null;
  const label = task.data?.title ?? byId.get(running.categoryId)?.name ?? 'Timer';
  return (
    <section className="running-timer" aria-label="Running timer">
      <span className="timer-dot" aria-hidden="true" />
      <span className="timer-label" title={label}>
        {label}
      </span>
      <span className="timer-clock" aria-live="off">
        {clock(now - running.startAt)}
      </span>
      <button
        type="button"
        className="button button-small"
        onClick={() =>
          stop.mutate(undefined, {
            onSuccess: (entry) => {
              if (entry?.endAt) toasts.show(`Logged ${formatDuration((entry.endAt - entry.startAt) / 60_000)} on ${label}`);
            },
            onError: (error) => toasts.show(error.message, { tone: 'error' }),
          })
        }
      >
        Stop
      </button>
    </section>
  );
}

/** Starts the timer on a task; any running timer stops at the same moment. */
export function StartTimerButton({ taskId, title }: { taskId: number; title: string }) {
  const start = useCallMutation('timer:start');
  const toasts = useToasts();
  return (
    <button
      type="button"
      className="button button-small"
      onClick={() =>
        start.mutate({ taskId }, { onError: (error) => toasts.show(error.message, { tone: 'error' }) })
      }
    >
      Start<span className="visually-hidden"> the timer on “{title}”</span>
    </button>
  );
}
