import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Task } from '../../../shared/domain/types';
import { listStep } from '../../ui/list-keys';
import { TaskRow } from './task-row';

/** Rows are laid out at this height until measured; task-row CSS gives them at least this much. */
const ROW_HEIGHT = 62;

interface VirtualTaskListProps {
  /** The rows kept in memory: positions firstIndex … firstIndex + rows.length − 1 of the list. */
  rows: Task[];
  firstIndex: number;
  /** How many tasks the list has; null when only "more than" is known. */
  total: number | null;
  hasMore: boolean;
  loadMore: () => void;
  /** Rows before firstIndex were dropped to bound memory; they load again as she scrolls back. */
  hasEarlier: boolean;
  loadEarlier: () => void;
  selecting: boolean;
  selected: ReadonlySet<number>;
  onSelect: (id: number, on: boolean) => void;
  onEdit: (task: Task) => void;
}

/**
 * Only the rows in view are in the DOM, so ten thousand tasks scroll like ten. The next page loads
 * as she nears the end of what is loaded; at most ten pages are kept, so the ones she scrolled past
 * are dropped and stand as empty rows of the same height until she scrolls back to them.
 */
export function VirtualTaskList(props: VirtualTaskListProps) {
  const { rows, firstIndex, total, hasMore, loadMore, hasEarlier, loadEarlier, selecting, selected, onSelect, onEdit } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // The row the keyboard is on; a move scrolls it into view first, then focuses it once rendered.
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const lastIndex = firstIndex + Math.max(0, rows.length - 1);
  const activeIndex = Math.min(Math.max(active, firstIndex), lastIndex);
  // The app does not use the React Compiler, so its memoisation warning about this hook does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: firstIndex + rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items.at(0);
  const last = items.at(-1);
  // The list's one tab stop: the active row, or the first row in view when she scrolled it away.
  const tabStop = items.some((item) => item.index === activeIndex) ? activeIndex : items[0]?.index;
  // She completed or deleted the focused row and it left the list: the keyboard stays on the row now there.
  const listFocused = useRef(false);
  useEffect(() => {
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
    if (!step || event.ctrlKey || event.metaKey || event.altKey || !(event.target instanceof HTMLElement) || !event.target.matches('[data-row]')) return;
    event.preventDefault();
    const next =
      step === 'first' ? firstIndex : step === 'last' ? lastIndex : Math.min(lastIndex, Math.max(firstIndex, activeIndex + (step === 'next' ? 1 : -1)));
    setActive(next);
    focusPending.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  useEffect(() => {
    if (hasMore && last && last.index >= firstIndex + rows.length - 40) loadMore();
    else if (hasEarlier && first && first.index < firstIndex + 40) loadEarlier();
  }, [hasMore, hasEarlier, first, last, firstIndex, rows.length, loadMore, loadEarlier]);

  return (
    <div
      ref={scroller}
      className="task-scroller"
      // As tall as its rows, up to the CSS max-height; beyond that it scrolls.
      style={{ height: virtualizer.getTotalSize() + 2 }}
    >
      <ul className="task-list virtual" aria-label="Tasks" style={{ height: virtualizer.getTotalSize() }}
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
          const task = rows[item.index - firstIndex];
          if (!task) {
            return (
              <li key={`dropped-${item.index}`} data-index={item.index} className="task-row task-row-dropped" aria-hidden="true"
                style={{ transform: `translateY(${item.start}px)`, height: item.size }} />
            );
          }
          return (
            <TaskRow
              key={task.id}
              task={task}
              index={item.index}
              total={total}
              offset={item.start}
              measure={virtualizer.measureElement}
              selecting={selecting}
              selected={selected.has(task.id)}
              onSelect={(on) => onSelect(task.id, on)}
              onEdit={() => onEdit(task)}
              active={item.index === tabStop}
              onFocusRow={() => setActive(item.index)}
            />
          );
        })}
      </ul>
    </div>
  );
}
