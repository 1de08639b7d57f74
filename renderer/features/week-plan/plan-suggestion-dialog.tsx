import { useState } from 'react';
import type { PlanSuggestion } from '../../../shared/api/views';
import { formatDuration } from '../../../shared/domain/duration';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Dialog } from '../../ui/dialog';
import { formatHours } from '../../ui/format-figures';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';

const WHY: Record<PlanSuggestion['unplaced'][number]['reason'], string> = {
  'no-estimate': 'No estimate: give it one so it can be planned',
  'too-big': 'Bigger than any day’s free time: split it',
  'no-room-before-due': 'No room before its due day',
  'no-room': 'No room left this week',
};

/**
 * "Plan my week" as a diff: where each backlog task would go, what does not fit and why. She
 * unticks what she does not want; nothing moves until she accepts, and Discard leaves all as it was.
 */
export function PlanSuggestionDialog({ weekStart, onClose }: { weekStart: string; onClose: () => void }) {
  const suggestion = useCallQuery('weekPlan:suggest', [{ weekStart }], { staleTime: 0 });
  const apply = useCallMutation('weekPlan:apply');
  const toasts = useToasts();
  const time = useTime();
  const [skipped, setSkipped] = useState<ReadonlySet<number>>(new Set());
  const data = suggestion.data;
  const chosen = data?.placements.filter((placement) => !skipped.has(placement.task.id)) ?? [];

  const accept = () =>
    apply.mutate(
      { placements: chosen.map((placement) => ({ taskId: placement.task.id, day: placement.day })) },
      {
        onSuccess: ({ planned }) => {
          toasts.show(`Planned ${planned} task${planned === 1 ? '' : 's'} this week`);
          onClose();
        },
        onError: (error) => toasts.show(error.message, { tone: 'error' }),
      },
    );

  return (
    <Dialog title="Plan my week" onClose={onClose} className="plan-suggestion">
      {suggestion.isPending && <p className="muted">Working out a plan…</p>}
      {suggestion.isError && (
        <p className="form-error" role="alert">
          {suggestion.error.message}
        </p>
      )}
      {data && (
        <>
          <p className="muted">
            Your backlog placed by due day and priority, within each day’s capacity less the interrupt reserve, around what is
            already planned. Nothing moves until you accept.
          </p>
          {data.placements.length === 0 ? (
            <p>Nothing in your backlog fits this week{data.unplaced.length > 0 ? ':' : '.'}</p>
          ) : (
            <table className="data-table">
              <caption className="visually-hidden">Suggested days</caption>
              <thead>
                <tr>
                  <th scope="col">Plan</th>
                  <th scope="col">Task</th>
                  <th scope="col">Day</th>
                  <th scope="col" className="number">
                    Estimate
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.placements.map((placement) => (
                  <tr key={placement.task.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Plan “${placement.task.title}” on ${time.formatDay(placement.day)}`}
                        checked={!skipped.has(placement.task.id)}
                        onChange={(event) =>
                          setSkipped((current) => {
                            const next = new Set(current);
                            if (event.target.checked) next.delete(placement.task.id);
                            else next.add(placement.task.id);
                            return next;
                          })
                        }
                      />
                    </td>
                    <td>{placement.task.title}</td>
                    <td>{time.formatDay(placement.day)}</td>
                    <td className="number">{placement.task.estimateMinutes === null ? '—' : formatDuration(placement.task.estimateMinutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.unplaced.length > 0 && (
            <>
              <h3>Does not fit ({data.unplaced.length})</h3>
              <ul className="unplaced">
                {data.unplaced.slice(0, 30).map((entry) => (
                  <li key={entry.task.id}>
                    <strong>{entry.task.title}</strong> — {WHY[entry.reason]}
                  </li>
                ))}
              </ul>
              {data.unplaced.length > 30 && <p className="muted">and {data.unplaced.length - 30} more.</p>}
            </>
          )}
          <p className="muted">
            After accepting:{' '}
            {data.days
              .map((day) => `${time.formatDay(day.day)} ${formatHours(day.fixedHours + day.reserveHours + (skipped.size === 0 ? day.placedHours : placedAfter(data, day.day, skipped)))} of ${formatHours(day.capacityHours, 0)}`)
              .join(' · ')}
          </p>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Discard
        </button>
        <button type="button" className="button button-primary" disabled={chosen.length === 0 || apply.isPending} onClick={accept}>
          Accept {chosen.length} placement{chosen.length === 1 ? '' : 's'}
        </button>
      </div>
    </Dialog>
  );
}

function placedAfter(data: PlanSuggestion, day: string, skipped: ReadonlySet<number>): number {
  return data.placements
    .filter((placement) => placement.day === day && !skipped.has(placement.task.id))
    .reduce((total, placement) => total + (placement.task.estimateMinutes ?? 0) / 60, 0);
}
