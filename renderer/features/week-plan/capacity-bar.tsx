import type { DayPlanView } from '../../../shared/api/views';
import { formatHours } from '../../ui/format-figures';

/** The parts of a day's load, in the order they stack. */
const SEGMENTS = [
  { key: 'logged', label: 'Logged', className: 'segment-logged' },
  { key: 'tasks', label: 'Planned tasks', className: 'segment-tasks' },
  { key: 'recurring', label: 'Recurring work', className: 'segment-recurring' },
  { key: 'oversight', label: 'MSP oversight', className: 'segment-oversight' },
  { key: 'reserve', label: 'Interrupt reserve', className: 'segment-reserve' },
] as const;

export function segmentsOf(day: DayPlanView): Record<(typeof SEGMENTS)[number]['key'], number> {
  const { segments } = day.load;
  return {
    logged: segments.logged,
    tasks: Math.max(0, segments.tasks - day.recurringHours),
    recurring: day.recurringHours,
    oversight: segments.oversight,
    reserve: segments.reserve,
  };
}

/**
 * A day's load against its capacity: logged hours for a day that is over; otherwise her planned
 * estimates, recurring work, the oversight share of the MSP's planned work and the interrupt
 * reserve, each its own segment. Past capacity the bar turns and says by how much.
 */
export function CapacityBar({ day }: { day: DayPlanView }) {
  const { load } = day;
  const parts = segmentsOf(day);
  // The bar is as wide as the larger of capacity and load, so an overloaded day shows its excess.
  const scale = Math.max(load.capacityHours, load.loadHours, 1);
  const description = SEGMENTS.filter(({ key }) => parts[key] > 0)
    .map(({ key, label }) => `${label} ${formatHours(parts[key])}`)
    .join(', ');
  return (
    <div className={`capacity${load.overloaded ? ' is-overloaded' : ''}`}>
      <div
        className="capacity-track"
        role="img"
        aria-label={`${formatHours(load.loadHours)} of ${formatHours(load.capacityHours, 0)} capacity${description ? `: ${description}` : ''}${load.overloaded ? `; ${formatHours(load.overHours)} over` : ''}`}
      >
        {SEGMENTS.map(({ key, className }) =>
          parts[key] > 0 ? <span key={key} className={`capacity-segment ${className}`} style={{ width: `${(parts[key] / scale) * 100}%` }} /> : null,
        )}
        {load.capacityHours > 0 && load.capacityHours < scale && (
          <span className="capacity-limit" style={{ left: `${(load.capacityHours / scale) * 100}%` }} aria-hidden="true" />
        )}
      </div>
      <div className="capacity-text" aria-hidden="true">
        {formatHours(load.loadHours)} / {formatHours(load.capacityHours, 0)}
        {load.overloaded && <strong className="overload"> · {formatHours(load.overHours)} over</strong>}
      </div>
    </div>
  );
}

/** The key to the bar's colours, once for the week. */
export function CapacityLegend() {
  return (
    <ul className="capacity-legend" aria-label="Capacity bar key">
      {SEGMENTS.map(({ key, label, className }) => (
        <li key={key}>
          <span className={`capacity-swatch ${className}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
