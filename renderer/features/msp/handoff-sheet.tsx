import { formatDuration } from '../../../shared/domain/duration';
import { useCallQuery } from '../../api/hooks';
import { useTime } from '../../ui/time';
import { useCategories } from '../categories/use-categories';
import { useNow } from '../../ui/use-now';
import { formatAge, handoffRows, STATUS_TEXT } from './handoff';

/** A printable page of the MSP's open tasks: what she sends them (Print → Save as PDF). */
export default function HandoffSheet() {
  const queue = useCallQuery('msp:queue', [{ technicianId: null, unassigned: false }]);
  const setup = useCallQuery('msp:get', []);
  const { byId } = useCategories();
  const now = useNow();
  const { formatDay, today } = useTime();
  if (!queue.data || !setup.data) return null;
  const rows = handoffRows(queue.data.tasks, byId, setup.data, now);
  const provider = setup.data.provider.name || 'the MSP';
  return (
    <section className="screen handoff-sheet" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title" tabIndex={-1}>
          Handoff sheet for {provider}
        </h1>
        <div className="toolbar no-print">
          <a className="button" href="#/msp">
            Back to MSP
          </a>
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
      <p className="muted">
        {rows.length} open task{rows.length === 1 ? '' : 's'} · prepared {formatDay(today)}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Category</th>
            <th scope="col">Technician</th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col" className="number">Estimate</th>
            <th scope="col" className="number">Age / target</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.task.id}>
              <td>
                <strong>{row.task.title}</strong>
                {row.task.notes && <div className="sheet-notes">{row.task.notes}</div>}
              </td>
              <td>{row.category}</td>
              <td>{row.technician}</td>
              <td>{STATUS_TEXT[row.task.status]}</td>
              <td>{row.task.dueDay ? formatDay(row.task.dueDay) : ''}</td>
              <td className="number">{row.task.estimateMinutes === null ? '' : formatDuration(row.task.estimateMinutes)}</td>
              <td className="number">
                {formatAge(row.ageMinutes)}
                {row.targetMinutes !== null && ` / ${formatDuration(row.targetMinutes)}`}
                {row.overdue && ' — past target'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
