import { formatDuration } from '../../../shared/domain/duration';
import type { Task } from '../../../shared/domain/types';
import { useCallMutation } from '../../api/hooks';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { StartTimerButton, useTaskTimer } from '../timer/running-timer';
import { rowKeyDown } from '../../ui/list-keys';
import { useCompleteTask } from './use-complete-task';

interface TaskRowProps {
  task: Task;
  index: number;
  /** How many rows the list has; null when it is only known to be more than a thousand. */
  total: number | null;
  offset: number;
  measure: (node: Element | null) => void;
  /** Selection mode: each row has a Select box for the bulk actions. */
  selecting: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onEdit: () => void;
  /** The row the list's keyboard focus is on: the one tab stop of the list. */
  active: boolean;
  onFocusRow: () => void;
}

/**
 * One task in the virtual list, placed at its offset. One complete control (round, on the left);
 * the Select boxes appear only in selection mode. The row itself takes the list's keys (see
 * renderer/ui/list-keys.ts): Space completes, E or Enter edits, S starts or stops the timer, X selects,
 * Delete deletes (with Undo).
 */
export function TaskRow({ task, index, total, offset, measure, selecting, selected, onSelect, onEdit, active, onFocusRow }: TaskRowProps) {
  const { byId } = useCategories();
  const toasts = useToasts();
  const remove = useCallMutation('tasks:delete');
  const restore = useCallMutation('tasks:restore');
  const { done, toggle, fail } = useCompleteTask(task);
  const timer = useTaskTimer(task);
  const canTime = !done && task.owner === 'me';
  const time = useTime();
  const due = task.dueDay ? time.describeDue(task.dueDay, { done }) : null;
  // The controls of the active row are in the tab order; the other rows' are reached with j/k.
  const inner = active ? 0 : -1;

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
      data-row=""
      tabIndex={active ? 0 : -1}
      aria-setsize={total ?? -1}
      aria-posinset={index + 1}
      aria-label={task.title}
      className={`task-row${done ? ' is-done' : ''}${selected ? ' is-selected' : ''}${timer.runningHere ? ' is-running' : ''}`}
      style={{ transform: `translateY(${offset}px)` }}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow();
      }}
      onKeyDown={(event) =>
        rowKeyDown(event, {
          complete: toggle,
          edit: onEdit,
          timer: canTime ? timer.toggle : undefined,
          select: () => onSelect(!selected),
          remove: onDelete,
        })
      }
    >
      {selecting && (
        <input
          type="checkbox"
          className="select-check"
          checked={selected}
          tabIndex={inner}
          onChange={(event) => onSelect(event.target.checked)}
          aria-label={`Select “${task.title}”`}
        />
      )}
      <input type="checkbox" className="task-check" checked={done} tabIndex={inner} onChange={toggle} aria-label={`Complete “${task.title}”`} />
      <div className="task-main">
        <button type="button" className="task-title" tabIndex={inner} onClick={onEdit}>
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
          {task.owner === 'msp' && <span className="owner-badge">Owned by the MSP</span>}
        </div>
      </div>
      <div className="task-actions">
        {canTime && <StartTimerButton title={task.title} timer={timer} tabIndex={inner} />}
        <button type="button" className="button button-small" tabIndex={inner} onClick={onEdit} aria-label={`Edit “${task.title}”`}>
          Edit
        </button>
        <button type="button" className="button button-small button-danger" tabIndex={inner} onClick={onDelete} aria-label={`Delete “${task.title}”`}>
          Delete
        </button>
      </div>
    </li>
  );
}
