import { useDraggable } from '@dnd-kit/core';
import type { PlanTask, UpcomingOccurrence } from '../../../shared/api/views';
import { formatDuration } from '../../../shared/domain/duration';
import { useTime } from '../../ui/time';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { useKeyboardMove } from './keyboard-move';
import type { ZoneId } from './zones';

const PRIORITY = ['', '!', '!!', '!!!'];

/**
 * A task on the plan: dragged with the pointer (dnd-kit), or picked up with Space or Enter and
 * moved with the arrow keys (keyboard-move.tsx; every step is announced).
 */
export function PlanCard({ task, zone }: { task: PlanTask; zone: ZoneId }) {
  const done = task.status === 'done';
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `task-${task.id}`,
    data: { task, zone },
    disabled: done,
  });
  const keyboard = useKeyboardMove();
  const carried = keyboard.carried?.task.id === task.id;
  return (
    <li>
      <div
        ref={setNodeRef}
        className={`plan-card${task.owner === 'msp' ? ' is-msp' : ''}${done ? ' is-done' : ''}${isDragging || carried ? ' is-dragging' : ''}`}
        {...(done ? {} : attributes)}
        {...(done ? {} : listeners)}
        aria-roledescription={done ? undefined : 'movable task'}
        aria-label={done ? undefined : cardLabel(task)}
        onKeyDown={(event) => {
          if (done || keyboard.carried !== null || (event.key !== ' ' && event.key !== 'Enter')) return;
          event.preventDefault();
          keyboard.pickUp(task, zone);
        }}
      >
        <CardBody task={task} />
      </div>
    </li>
  );
}

export function cardLabel(task: PlanTask): string {
  const estimate = task.estimateMinutes === null ? 'no estimate' : formatDuration(task.estimateMinutes);
  return `${task.title}, ${estimate}${task.owner === 'msp' ? ', the MSP’s' : ''}`;
}

export function CardBody({ task }: { task: PlanTask }) {
  const { byId } = useCategories();
  const time = useTime();
  return (
    <>
      <span className="plan-card-title">
        {task.priority > 0 && <span className="priority">{PRIORITY[task.priority]} </span>}
        {task.title}
      </span>
      <span className="plan-card-meta">
        <CategoryChip category={task.categoryId === null ? undefined : byId.get(task.categoryId)} />
        {task.estimateMinutes !== null && <span>~{formatDuration(task.estimateMinutes)}</span>}
        {task.dueDay && <span className={time.describeDue(task.dueDay, { done: task.status === 'done' }).overdue ? 'due overdue' : 'due'}>{time.describeDue(task.dueDay, { done: task.status === 'done' }).text}</span>}
        {task.owner === 'msp' && <span className="tag">MSP</span>}
        {task.seriesId !== null && <span className="tag">Recurring</span>}
      </span>
    </>
  );
}

/** Recurring work not created as a task yet: shown where it will fall, not movable until it exists. */
export function UpcomingCard({ occurrence }: { occurrence: UpcomingOccurrence }) {
  const { byId } = useCategories();
  return (
    <li>
      <div className={`plan-card is-upcoming${occurrence.owner === 'msp' ? ' is-msp' : ''}`}>
        <span className="plan-card-title">{occurrence.title}</span>
        <span className="plan-card-meta">
          <CategoryChip category={occurrence.categoryId === null ? undefined : byId.get(occurrence.categoryId)} />
          {occurrence.estimateMinutes !== null && <span>~{formatDuration(occurrence.estimateMinutes)}</span>}
          <span className="tag">Recurring</span>
        </span>
      </div>
    </li>
  );
}
