import { useDroppable } from '@dnd-kit/core';
import type { DayPlanView } from '../../../shared/api/views';
import { useTime } from '../../ui/time';
import { CapacityBar } from './capacity-bar';
import { useIsKeyboardTarget } from './keyboard-move';
import { PlanCard, UpcomingCard } from './plan-card';
import { dayZone } from './zones';

/** One day of the week: its capacity bar, then what is planned on it. */
export function DayColumn({ day }: { day: DayPlanView }) {
  const time = useTime();
  const zone = dayZone(day.day);
  const { setNodeRef, isOver: pointerOver } = useDroppable({ id: zone, data: { day } });
  const isOver = useIsKeyboardTarget(zone) || pointerOver;
  const past = day.day < time.today;
  const headingId = `day-${day.day}`;
  return (
    <section
      ref={setNodeRef}
      className={`day-column${isOver ? ' is-over' : ''}${past ? ' is-past' : ''}${day.day === time.today ? ' is-today' : ''}${day.timeOff ? ' is-off' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="day-heading">
        <span className="day-name">{time.formatDay(day.day)}</span>
        {day.day === time.today && <span className="tag">Today</span>}
      </h2>
      {day.timeOff ? (
        <p className="day-note">Time off{day.timeOff.note ? `: ${day.timeOff.note}` : ''}</p>
      ) : !day.workingDay ? (
        <p className="day-note">Not a working day</p>
      ) : past ? (
        <p className="day-note">Over: your logged hours</p>
      ) : null}
      <CapacityBar day={day} />
      <ul className="plan-cards" aria-label={`Planned on ${time.formatDay(day.day)}`}>
        {day.tasks.map((task) => (
          <PlanCard key={task.id} task={task} zone={zone} />
        ))}
        {day.upcoming.map((occurrence) => (
          <UpcomingCard key={`${occurrence.seriesId}-${occurrence.day}`} occurrence={occurrence} />
        ))}
      </ul>
    </section>
  );
}
