import { useDroppable } from '@dnd-kit/core';
import type { WeekPlanView } from '../../../shared/api/views';
import { useIsKeyboardTarget } from './keyboard-move';
import { PlanCard } from './plan-card';

/** Her open tasks with no day yet, most urgent first: drag one onto a day to plan it. */
export function BacklogLane({ backlog }: { backlog: WeekPlanView['backlog'] }) {
  const { setNodeRef, isOver: pointerOver } = useDroppable({ id: 'backlog' });
  const isOver = useIsKeyboardTarget('backlog') || pointerOver;
  return (
    <section ref={setNodeRef} className={`lane backlog${isOver ? ' is-over' : ''}`} aria-labelledby="backlog-title">
      <h2 id="backlog-title">
        Backlog <span className="muted">({backlog.total.toLocaleString()})</span>
      </h2>
      {backlog.tasks.length === 0 ? (
        <p className="muted">Every open task of yours has a day. New ones without a day land here.</p>
      ) : (
        <ul className="plan-cards" aria-label="Backlog">
          {backlog.tasks.map((task) => (
            <PlanCard key={task.id} task={task} zone="backlog" />
          ))}
        </ul>
      )}
      {backlog.total > backlog.tasks.length && (
        <p className="muted">The {backlog.tasks.length} most urgent of {backlog.total.toLocaleString()} are shown; the rest are in Tasks.</p>
      )}
    </section>
  );
}

/**
 * The MSP's work: planned on a day it shows in that day (counting only its oversight share), and
 * without a day here. Dropping one of her tasks here hands it to the MSP.
 */
export function MspLane({ msp, oversightShare }: { msp: WeekPlanView['mspUnplanned']; oversightShare: number }) {
  const { setNodeRef, isOver: pointerOver } = useDroppable({ id: 'msp' });
  const isOver = useIsKeyboardTarget('msp') || pointerOver;
  return (
    <section ref={setNodeRef} className={`lane msp-lane${isOver ? ' is-over' : ''}`} aria-labelledby="msp-lane-title">
      <h2 id="msp-lane-title">
        MSP lane <span className="muted">({msp.total.toLocaleString()} without a day)</span>
      </h2>
      <p className="muted">
        Delegated work: not counted against your capacity, except the {Math.round(oversightShare * 100)} % you spend overseeing it.
        Drop a task here to hand it to the MSP.
      </p>
      {msp.tasks.length > 0 && (
        <ul className="plan-cards" aria-label="The MSP’s tasks without a day">
          {msp.tasks.map((task) => (
            <PlanCard key={task.id} task={task} zone="msp" />
          ))}
        </ul>
      )}
    </section>
  );
}
