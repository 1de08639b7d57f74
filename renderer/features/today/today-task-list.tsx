import { useState } from 'react';
import { formatDuration } from '../../../shared/domain/duration';
import type { Task } from '../../../shared/domain/types';
import { EmptyState } from '../../ui/empty-state';
import { moveFocusInList, rowKeyDown } from '../../ui/list-keys';
import { useTime } from '../../ui/time';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { TaskEditorLoader } from '../tasks/task-editor';
import { useCompleteTask } from '../tasks/use-complete-task';
import { StartTimerButton, useTaskTimer } from '../timer/running-timer';

/** One of Today's lists of her tasks; the rows take the list keys (j/k, Space, E, S). */
export function TaskSection({ title, tasks, empty }: { title: string; tasks: Task[]; empty: string }) {
  const id = title.toLowerCase().replace(/\W+/g, '-');
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <section aria-labelledby={id} className="stack">
      <h2 id={id}>{title}</h2>
      {tasks.length === 0 ? (
        <EmptyState title="All clear">
          <p>{empty}</p>
        </EmptyState>
      ) : (
        <ul className="task-list" aria-label={title} onKeyDown={moveFocusInList}>
          {tasks.map((task, index) => (
            <TodayTaskRow key={task.id} task={task} first={index === 0} onEdit={() => setEditing(task.id)} />
          ))}
        </ul>
      )}
      {editing !== null && <TaskEditorLoader key={editing} id={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

function TodayTaskRow({ task, first, onEdit }: { task: Task; first: boolean; onEdit: () => void }) {
  const { byId } = useCategories();
  const time = useTime();
  const { done, toggle } = useCompleteTask(task);
  const timer = useTaskTimer(task);
  const due = task.dueDay ? time.describeDue(task.dueDay, { done }) : null;
  return (
    <li
      className={`task-row${done ? ' is-done' : ''}${timer.runningHere ? ' is-running' : ''}`}
      data-row=""
      tabIndex={first ? 0 : -1}
      aria-label={task.title}
      onKeyDown={(event) => rowKeyDown(event, { complete: toggle, edit: onEdit, timer: timer.toggle })}
    >
      <input type="checkbox" className="task-check" checked={done} onChange={toggle} aria-label={`Complete “${task.title}”`} />
      <div className="task-main">
        <button type="button" className="task-title" onClick={onEdit}>
          {task.title}
        </button>
        <div className="task-meta">
          <CategoryChip category={task.categoryId === null ? undefined : byId.get(task.categoryId)} />
          {due && <span className={due.overdue ? 'due overdue' : 'due'}>{due.text}</span>}
          {task.estimateMinutes !== null && <span>~{formatDuration(task.estimateMinutes)}</span>}
        </div>
      </div>
      <div className="task-actions">{!done && <StartTimerButton title={task.title} timer={timer} />}</div>
    </li>
  );
}
