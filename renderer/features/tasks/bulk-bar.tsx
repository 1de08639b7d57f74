import { useState } from 'react';
import { useCallMutation } from '../../api/hooks';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';

/** What she can do to every selected task at once; it appears while any is selected. */
export function BulkBar({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const bulk = useCallMutation('tasks:bulk');
  const toasts = useToasts();
  const [plannedDay, setPlannedDay] = useState('');
  const { formatDay } = useTime();
  const run = (action: Parameters<typeof bulk.mutate>[0]['action'], label: string) =>
    bulk.mutate(
      { ids, action },
      {
        onSuccess: ({ changed }) => {
          toasts.show(`${label}: ${changed} task${changed === 1 ? '' : 's'}`);
          onDone();
        },
        onError: (error) => toasts.show(error.message, { tone: 'error' }),
      },
    );
  return (
    <div className="bulk-bar card" role="region" aria-label="Selected tasks">
      <strong>{ids.length} selected</strong>
      <button type="button" className="button button-small" onClick={() => run({ kind: 'complete' }, 'Completed')}>
        Complete
      </button>
      <button type="button" className="button button-small" onClick={() => run({ kind: 'assign', owner: 'msp' }, 'Handed to the MSP')}>
        Hand to the MSP
      </button>
      <button type="button" className="button button-small" onClick={() => run({ kind: 'assign', owner: 'me' }, 'Kept by you')}>
        Keep myself
      </button>
      <label className="inline-label">
        <span className="visually-hidden">Plan for day</span>
        <input type="date" value={plannedDay} onChange={(event) => setPlannedDay(event.target.value)} />
      </label>
      <button
        type="button"
        className="button button-small"
        disabled={plannedDay === ''}
        onClick={() => run({ kind: 'plan', plannedDay }, `Planned for ${formatDay(plannedDay)}`)}
      >
        Plan
      </button>
      <button type="button" className="button button-small" onClick={onDone}>
        Clear selection
      </button>
    </div>
  );
}
