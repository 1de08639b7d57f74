import { useState } from 'react';
import { useCallMutation } from '../../api/hooks';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';

interface BulkBarProps {
  ids: number[];
  /** How many tasks are loaded in the list, all of which "Select all" selects. */
  loaded: number;
  onSelectAll: () => void;
  onClear: () => void;
  /** Leaves selection mode. */
  onDone: () => void;
}

/** Selection mode: what she can do to every selected task at once, and how to leave it. */
export function BulkBar({ ids, loaded, onSelectAll, onClear, onDone }: BulkBarProps) {
  const bulk = useCallMutation('tasks:bulk');
  const toasts = useToasts();
  const [plannedDay, setPlannedDay] = useState('');
  const { formatDay } = useTime();
  const none = ids.length === 0;
  const run = (action: Parameters<typeof bulk.mutate>[0]['action'], label: string) =>
    bulk.mutate(
      { ids, action },
      {
        onSuccess: ({ changed }) => {
          toasts.show(`${label}: ${changed} task${changed === 1 ? '' : 's'}`);
          onClear();
        },
        onError: (error) => toasts.show(error.message, { tone: 'error' }),
      },
    );
  return (
    <div className="bulk-bar card" role="region" aria-label="Selected tasks">
      <strong aria-live="polite">{ids.length === 0 ? 'Select tasks with their boxes, or X on a row' : `${ids.length} selected`}</strong>
      <button type="button" className="button button-small" onClick={ids.length === loaded ? onClear : onSelectAll}>
        {ids.length === loaded ? 'Select none' : `Select all ${loaded.toLocaleString()} shown`}
      </button>
      <button type="button" className="button button-small" disabled={none} onClick={() => run({ kind: 'complete' }, 'Completed')}>
        Complete
      </button>
      <button type="button" className="button button-small" disabled={none} onClick={() => run({ kind: 'assign', owner: 'msp' }, 'Handed to the MSP')}>
        Hand to the MSP
      </button>
      <button type="button" className="button button-small" disabled={none} onClick={() => run({ kind: 'assign', owner: 'me' }, 'Kept by you')}>
        Keep myself
      </button>
      <label className="inline-label">
        <span className="visually-hidden">Plan for day</span>
        <input type="date" value={plannedDay} onChange={(event) => setPlannedDay(event.target.value)} />
      </label>
      <button
        type="button"
        className="button button-small"
        disabled={none || plannedDay === ''}
        onClick={() => run({ kind: 'plan', plannedDay }, `Planned for ${formatDay(plannedDay)}`)}
      >
        Plan
      </button>
      <button type="button" className="button button-small" onClick={onDone}>
        Done selecting
      </button>
    </div>
  );
}
