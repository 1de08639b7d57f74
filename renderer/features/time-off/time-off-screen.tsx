import { useState } from 'react';
import type { TimeOffRange } from '../../../shared/domain/capacity';
import { addDays } from '../../../shared/domain/day';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { Screen } from '../../ui/screen';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CoveragePanel } from './coverage-panel';
import { TimeOffForm } from './time-off-form';
import { describeRange } from './range-text';

/**
 * Her days away: capacity 0 on each, respected by Today and the week plan; and for each range,
 * which work is covered while she is away and which is at risk, with one action to hand the rest
 * to the MSP for those days only. The list starts a year back (with everything ahead); what ended
 * earlier is one click away, so years of kept time off never make the screen longer or slower.
 */
export default function TimeOffScreen() {
  const time = useTime();
  const [everything, setEverything] = useState(false);
  const yearAgo = addDays(time.today, -365);
  // The list shown stays while the other one loads, so switching never flashes an empty table.
  const ranges = useCallQuery('timeOff:list', [everything ? {} : { from: yearAgo }], { placeholderData: (previous) => previous });
  const [chosen, setChosen] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const list = ranges.data?.ranges ?? [];
  const earlier = ranges.data?.earlier ?? false;
  // The range whose coverage is shown: the one she chose, else the next one not over yet.
  const shown = list.find((range) => range.id === chosen) ?? list.find((range) => range.endDay >= time.today) ?? null;

  return (
    <Screen title="Time off">
      <TimeOffForm onAdded={(range) => setChosen(range.id)} />
      <section aria-labelledby="time-off-list-title" className="stack">
        <h2 id="time-off-list-title">Your time off</h2>
        {ranges.isSuccess && list.length === 0 && earlier ? (
          <EmptyState title="No time off in the last year or ahead">
            <p>Add time off above; what you took before {time.formatDay(yearAgo)} is listed with the earlier time off.</p>
          </EmptyState>
        ) : ranges.isSuccess && list.length === 0 ? (
          <EmptyState title="No time off yet">
            <p>
              Add a vacation, a training week or a single day above. Offload sets your capacity to zero on those days, shows every
              task and recurring job that falls in them, which are covered by the MSP and which are at risk, and hands the rest to
              the MSP for those days only.
            </p>
          </EmptyState>
        ) : (
          <RangeTable ranges={list} shownId={shown?.id ?? null} editing={editing} onShow={setChosen} onEdit={setEditing} />
        )}
        {earlier || everything ? (
          <p>
            <button type="button" className="button button-small" onClick={() => setEverything(!everything)}>
              {everything ? `Show only time off since ${time.formatDay(yearAgo)}` : `Show time off that ended before ${time.formatDay(yearAgo)}`}
            </button>
          </p>
        ) : null}
      </section>
      {shown && <CoveragePanel key={shown.id} range={shown} />}
    </Screen>
  );
}

function RangeTable({
  ranges,
  shownId,
  editing,
  onShow,
  onEdit,
}: {
  ranges: TimeOffRange[];
  shownId: number | null;
  editing: number | null;
  onShow: (id: number) => void;
  onEdit: (id: number | null) => void;
}) {
  const time = useTime();
  const remove = useCallMutation('timeOff:delete');
  const restore = useCallMutation('timeOff:restore');
  const toasts = useToasts();
  const fail = (error: Error) => toasts.show(error.message, { tone: 'error' });
  const columns: Column<TimeOffRange>[] = [
    { header: 'Days', cell: (range) => describeRange(range, time.formatDay) },
    { header: 'Note', cell: (range) => range.note || <span className="muted">—</span> },
    {
      header: 'Actions',
      hideHeader: true,
      className: 'actions',
      cell: (range) => (
        <div className="toolbar">
          <button type="button" className="button button-small" aria-pressed={range.id === shownId} onClick={() => onShow(range.id)}>
            Coverage<span className="visually-hidden"> of {describeRange(range, time.formatDay)}</span>
          </button>
          <button type="button" className="button button-small" onClick={() => onEdit(range.id)}>
            Edit<span className="visually-hidden"> {describeRange(range, time.formatDay)}</span>
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() =>
              remove.mutate(
                { id: range.id },
                {
                  onError: fail,
                  onSuccess: () =>
                    toasts.show(`Deleted your time off ${describeRange(range, time.formatDay)}`, {
                      action: { label: 'Undo', run: () => restore.mutate({ id: range.id }, { onError: fail }) },
                    }),
                },
              )
            }
          >
            Delete<span className="visually-hidden"> {describeRange(range, time.formatDay)}</span>
          </button>
        </div>
      ),
    },
  ];
  return (
    <DataTable
      labelledBy="time-off-list-title"
      columns={columns}
      rows={ranges}
      rowKey={(range) => range.id}
      rowClassName={(range) => (range.endDay < time.today ? 'is-past' : undefined)}
      rowForm={(range) => (range.id === editing ? <TimeOffForm range={range} onDone={() => onEdit(null)} /> : null)}
    />
  );
}
