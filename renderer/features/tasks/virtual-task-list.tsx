import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Task } from '../../../shared/domain/types';
import { TaskRow } from './task-row';

/** Rows are laid out at this height until measured; task-row CSS gives them at least this much. */
const ROW_HEIGHT = 62;

interface VirtualTaskListProps {
  rows: Task[];
  total: number;
  hasMore: boolean;
  loadMore: () => void;
  selected: ReadonlySet<number>;
  onSelect: (id: number, on: boolean) => void;
  onEdit: (task: Task) => void;
}

/**
 * Only the rows in view are in the DOM, so ten thousand tasks scroll like ten. The next page loads
 * as she nears the end of what is loaded.
 */
export function VirtualTaskList({ rows, total, hasMore, loadMore, selected, onSelect, onEdit }: VirtualTaskListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler, so its memoisation warning about this hook does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1);
  useEffect(() => {
    if (hasMore && last && last.index >= rows.length - 40) loadMore();
  }, [hasMore, last, rows.length, loadMore]);

  return (
    <div
      ref={scroller}
      className="task-scroller"
      tabIndex={0}
      aria-label="Task list, scrollable"
      // As tall as its rows, up to the CSS max-height; beyond that it scrolls.
      style={{ height: virtualizer.getTotalSize() + 2 }}
    >
      <ul className="task-list virtual" aria-label="Tasks" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const task = rows[item.index]!;
          return (
            <TaskRow
              key={task.id}
              task={task}
              index={item.index}
              total={total}
              offset={item.start}
              measure={virtualizer.measureElement}
              selected={selected.has(task.id)}
              onSelect={(on) => onSelect(task.id, on)}
              onEdit={() => onEdit(task)}
            />
          );
        })}
      </ul>
    </div>
  );
}
