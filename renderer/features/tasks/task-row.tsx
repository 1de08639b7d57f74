import { useState } from 'react';
import { formatDuration } from '../../../shared/domain/duration';
import type { Task } from '../../../shared/domain/types';
import { useCallMutation } from '../../api/hooks';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { StartTimerButton } from '../timer/running-timer';

interface TaskRowProps {
  task: Task;
  index: number;
  total: number;
  offset: number;
  measure: (node: Element | null) => void;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onEdit: () => void;
}

/** One task in the virtual list, placed at its offset; completing it shows at once. */
export function TaskRow({ task, index, total, offset, measure, selected, onSelect, onEdit }: TaskRowProps) {
  const { byId } = useCategories();
  const toasts = useToasts();
  const setStatus = useCallMutation('tasks:setStatus');
  const remove = useCallMutation('tasks:delete');
  const restore = useCallMutation('tasks:restore');
  // Shown at once; the server's answer then moves the row (or reverts it on error).
  const [optimisticDone, setOptimisticDone] = useState<boolean | null>(null);
  const done = optimisticDone ?? task.status === 'done';
  const time = useTime();
  const due = task.dueDay ? time.describeDue(task.dueDay, { done }) : null;

  const fail = (error: unknown) => toasts.show(error instanceof Error ? error.message : String(error), { tone: 'error' });

  const toggle = () => {
    const previous = task.status;
    setOptimisticDone(!done);
    setStatus.mutate(
      { id: task.id, status: done ? 'open' : 'done' },
      {
        onError: (error) => {
          setOptimisticDone(null);
          fail(error);
        },
        onSuccess: (updated) => {
          if (updated.status !== 'done') return;
          toasts.show(`Completed “${task.title}”`, {
            group: 'tasks-completed',
            plural: (count) => `Completed ${count} tasks`,
            action: { label: 'Undo', run: () => setStatus.mutate({ id: task.id, status: previous }, { onError: fail }) },
          });
        },
      },
    );
  };

  const onDelete = () =>
    remove.mutate(
      { id: task.id },
      {
        onError: fail,
        onSuccess: () =>
          toasts.show(`Deleted “${task.title}”`, {
            group: 'tasks-deleted',
            plural: (count) => `Deleted ${count} tasks`,
            action: { label: 'Undo', run: () => restore.mutate({ id: task.id }, { onError: fail }) },
          }),
      },
    );

  return (
    <li
      ref={measure}
      data-index={index}
      aria-setsize={total}
      aria-posinset={index + 1}
      className={`task-row${done ? ' is-done' : ''}${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${offset}px)` }}
    >
      <input
        type="checkbox"
        className="select-check"
        checked={selected}
        onChange={(event) => onSelect(event.target.checked)}
        aria-label={`Select “${task.title}”`}
      />
      <input
        type="checkbox"
        className="task-check"
        checked={done}
        onChange={toggle}
        aria-label={`Complete “${task.title}”`}
      />
      <div className="task-main">
        <button type="button" className="task-title" onClick={onEdit}>
          {task.title}
        </button>
        <div className="task-meta">
          <CategoryChip category={task.categoryId === null ? undefined : byId.get(task.categoryId)} />
          {due && <span className={due.overdue ? 'due overdue' : 'due'}>{due.text}</span>}
          {(task.estimateMinutes !== null || task.loggedMinutes > 0) && (
            <span className={task.estimateMinutes !== null && task.loggedMinutes > task.estimateMinutes ? 'overdue' : undefined}>
              {task.estimateMinutes !== null && `~${formatDuration(task.estimateMinutes)}`}
              {task.estimateMinutes !== null && task.loggedMinutes > 0 && ' · '}
              {task.loggedMinutes > 0 && `${formatDuration(task.loggedMinutes)} logged`}
            </span>
          )}
          {task.priority > 0 && (
            <span className="priority" aria-label={`Priority ${task.priority} of 3`}>
              {'!'.repeat(task.priority)}
            </span>
          )}
          {task.unplanned && <span className="tag">Unplanned</span>}
          {task.status === 'in_progress' && <span className="tag">In progress</span>}
          {task.status === 'waiting' && <span className="tag">Waiting</span>}
        </div>
      </div>
      <div className="task-actions">
        {!done && task.owner === 'me' && <StartTimerButton taskId={task.id} title={task.title} />}
        {task.owner === 'msp' && <span className="tag">MSP</span>}
        <button type="button" className="button button-small" onClick={onEdit} aria-label={`Edit “${task.title}”`}>
          Edit
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          onClick={onDelete}
          aria-label={`Delete “${task.title}”`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
