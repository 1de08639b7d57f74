import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatDuration } from '../../../shared/domain/duration';
import type { Task } from '../../../shared/domain/types';
import { EmptyState } from '../../ui/empty-state';
import { listStep, rowKeyDown } from '../../ui/list-keys';
import { useTime } from '../../ui/time';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { TaskEditorLoader } from '../tasks/task-editor';
import { useCompleteTask } from '../tasks/use-complete-task';
import { StartTimerButton, useTaskTimer } from '../timer/running-timer';

/** Rows are laid out at this height until measured; the row CSS gives them at least this much. */
const ROW_HEIGHT = 62;

/**
 * One of Today's lists of her tasks (up to 100 each): only the rows in view are in the DOM, like
 * the task list. The rows take the list keys (j/k, ↑/↓, Home/End, Space, E, S); the list is one tab
 * stop, the row the keyboard is on, and only that row's controls are in the tab order.
 */
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
        <VirtualTodayList label={title} tasks={tasks} onEdit={setEditing} />
      )}
      {editing !== null && <TaskEditorLoader key={editing} id={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

function VirtualTodayList({ label, tasks, onEdit }: { label: string; tasks: Task[]; onEdit: (id: number) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The row the keyboard is on; a move scrolls it into view first, then focuses it once rendered.
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const listFocused = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, tasks.length - 1));
  // The app does not use the React Compiler, so its memoisation warning about this hook does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => tasks[index]!.id,
  });
  const items = virtualizer.getVirtualItems();
  // The list's one tab stop: the active row, or the first row in view when she scrolled it away.
  const tabStop = items.some((item) => item.index === activeIndex) ? activeIndex : items[0]?.index;
  useEffect(() => {
    // She completed the focused row and it left the list: the keyboard stays on the row now there.
    if (listFocused.current && document.activeElement === document.body) focusPending.current = true;
    if (!focusPending.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: true });
    }
  });
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const step = listStep(event.key);
    if (!step || event.ctrlKey || event.metaKey || event.altKey || !(event.target instanceof HTMLElement)) return;
    // From a row, or from a control inside one (the arrows leave a checkbox or button for the next row).
    const from = event.target.closest<HTMLElement>('[data-row]');
    if (!from) return;
    const index = Number(from.dataset.index);
    event.preventDefault();
    const next = step === 'first' ? 0 : step === 'last' ? tasks.length - 1 : Math.min(tasks.length - 1, Math.max(0, index + (step === 'next' ? 1 : -1)));
    setActive(next);
    focusPending.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div ref={scroller} className="task-scroller today-scroller" style={{ height: virtualizer.getTotalSize() + 2 }}>
      <ul
        className="task-list virtual"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          listFocused.current = true;
        }}
        onBlur={(event) => {
          // A row removed while focused leaves focus nowhere; a click or Tab elsewhere really leaves.
          if (event.relatedTarget !== null || event.target.isConnected) listFocused.current = false;
        }}
      >
        {items.map((item) => {
          const task = tasks[item.index]!;
          return (
            <TodayTaskRow
              key={task.id}
              task={task}
              index={item.index}
              total={tasks.length}
              offset={item.start}
              measure={virtualizer.measureElement}
              active={item.index === tabStop}
              onFocusRow={() => setActive(item.index)}
              onEdit={() => onEdit(task.id)}
            />
          );
        })}
      </ul>
    </div>
  );
}

interface TodayTaskRowProps {
  task: Task;
  index: number;
  total: number;
  offset: number;
  measure: (node: Element | null) => void;
  /** The row the list's keyboard focus is on: the one tab stop of the list. */
  active: boolean;
  onFocusRow: () => void;
  onEdit: () => void;
}

function TodayTaskRow({ task, index, total, offset, measure, active, onFocusRow, onEdit }: TodayTaskRowProps) {
  const { byId } = useCategories();
  const time = useTime();
  const { done, toggle } = useCompleteTask(task);
  const timer = useTaskTimer(task);
  const due = task.dueDay ? time.describeDue(task.dueDay, { done }) : null;
  // The controls of the active row are in the tab order; the other rows' are reached with j/k.
  const inner = active ? 0 : -1;
  return (
    <li
      ref={measure}
      data-index={index}
      data-row=""
      tabIndex={active ? 0 : -1}
      aria-setsize={total}
      aria-posinset={index + 1}
      aria-label={task.title}
      className={`task-row${done ? ' is-done' : ''}${timer.runningHere ? ' is-running' : ''}`}
      style={{ transform: `translateY(${offset}px)` }}
      onFocus={(event) => {
        if (event.target === event.currentTarget || event.currentTarget.contains(event.target)) onFocusRow();
      }}
      onKeyDown={(event) => rowKeyDown(event, { complete: toggle, edit: onEdit, timer: timer.toggle })}
    >
      <input type="checkbox" className="task-check" checked={done} tabIndex={inner} onChange={toggle} aria-label={`Complete “${task.title}”`} />
      <div className="task-main">
        <button type="button" className="task-title" tabIndex={inner} onClick={onEdit}>
          {task.title}
        </button>
        <div className="task-meta">
          <CategoryChip category={task.categoryId === null ? undefined : byId.get(task.categoryId)} />
          {due && <span className={due.overdue ? 'due overdue' : 'due'}>{due.text}</span>}
          {task.estimateMinutes !== null && <span>~{formatDuration(task.estimateMinutes)}</span>}
        </div>
      </div>
      <div className="task-actions">{!done && <StartTimerButton title={task.title} timer={timer} tabIndex={inner} />}</div>
    </li>
  );
}
