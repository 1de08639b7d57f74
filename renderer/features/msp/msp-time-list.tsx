import { useState } from 'react';
import type { Technician } from '../../../shared/domain/msp';
import type { TimeEntry } from '../../../shared/domain/time-entry';
import type { LoggedEntry } from '../../../shared/api/views';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../ui/data-table';
import { focusHeading } from '../../ui/focus-heading';
import { formatHours } from '../../ui/format-figures';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { EntryDialog } from '../timesheet/entry-dialog';
import { monthDays, monthName } from './contract-format';

/** The list shows the newest entries; the burn-down counts every one (in SQL). */
const LIST_LIMIT = 200;

const hoursOf = (entry: TimeEntry) => (entry.endAt === null ? null : (entry.endAt - entry.startAt) / 3_600_000);

const shiftMonth = (month: string, by: number) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The MSP's time in any month (this one first), newest first; a wrong entry can be edited, or deleted and the deletion undone. */
export function MspTimeThisMonth({ month: thisMonth, technicians }: { month: string; technicians: Technician[] }) {
  const [month, setMonth] = useState(thisMonth);
  const [editing, setEditing] = useState<number | null>(null);
  const { first, last } = monthDays(month);
  const entries = useCallQuery('timeEntries:list', [{ from: first, to: last, worker: 'msp', limit: LIST_LIMIT }]);
  const { byId } = useCategories();
  const { formatDay, formatTime } = useTime();
  const nameOf = new Map(technicians.map((technician) => [technician.id, technician.name]));
  const name = monthName(month);

  const columns: Column<LoggedEntry>[] = [
    { header: 'Day', cell: (entry) => formatDay(entry.startDay) },
    { header: 'Time', cell: (entry) => `${formatTime(entry.startAt)}–${entry.endAt === null ? 'running' : formatTime(entry.endAt)}` },
    {
      header: 'Hours',
      numeric: true,
      cell: (entry) => {
        const hours = hoursOf(entry);
        return hours === null ? '—' : formatHours(hours);
      },
    },
    { header: 'Who', cell: (entry) => (entry.technicianId === null ? 'MSP team' : (nameOf.get(entry.technicianId) ?? 'Former technician')) },
    { header: 'Task', cell: (entry) => entry.taskTitle ?? <span className="muted">No task</span> },
    { header: 'Category', cell: (entry) => <CategoryChip category={byId.get(entry.categoryId)} /> },
    { header: 'Note', cell: (entry) => entry.note, cellClassName: () => 'note-cell' },
    {
      header: 'Actions',
      hideHeader: true,
      className: 'actions',
      cell: (entry) => (
        <>
          <button type="button" className="button button-small" onClick={() => setEditing(entry.id)}>
            Edit<span className="visually-hidden"> the MSP time on {formatDay(entry.startDay)} from {formatTime(entry.startAt)}</span>
          </button>
          <DeleteMspTime entry={entry} />
        </>
      ),
    },
  ];

  return (
    <section aria-labelledby="msp-time-title">
      <div className="section-title">
        <h2 id="msp-time-title" tabIndex={-1}>MSP time in {name}</h2>
        <div className="toolbar">
          <button type="button" className="button button-small" onClick={() => setMonth(shiftMonth(month, -1))}>
            ← <span className="visually-hidden">Previous month</span>
          </button>
          <label className="month-picker">
            <span>Month</span>
            <input type="month" value={month} max={thisMonth} onChange={(event) => /^\d{4}-\d{2}$/.test(event.target.value) && setMonth(event.target.value)} />
          </label>
          <button type="button" className="button button-small" disabled={month >= thisMonth} onClick={() => setMonth(shiftMonth(month, 1))}>
            → <span className="visually-hidden">Next month</span>
          </button>
        </div>
      </div>
      {entries.isError && (
        <p className="form-error" role="alert">
          {entries.error.message}
        </p>
      )}
      {entries.isSuccess && (
        <>
          <DataTable
            labelledBy="msp-time-title"
            columns={columns}
            rows={entries.data}
            rowKey={(entry) => entry.id}
            empty={
              <p className="muted">No MSP time logged in {name}. Each entry you log appears here, newest first, and can be edited or deleted if it was wrong.</p>
            }
          />
          {editing !== null && <EntryDialog target={{ kind: 'edit', id: editing }} onClose={() => setEditing(null)} />}
          {entries.data.length === LIST_LIMIT && (
            <p className="muted">Showing the latest {LIST_LIMIT} entries; the included-hours figures count them all.</p>
          )}
        </>
      )}
    </section>
  );
}

/** Deleting a finished entry can be undone by logging it again; a running one cannot. */
function DeleteMspTime({ entry }: { entry: TimeEntry }) {
  const toasts = useToasts();
  const remove = useCallMutation('timeEntries:delete');
  const create = useCallMutation('timeEntries:create');
  const { formatDay } = useTime();
  const { endAt } = entry;
  const hours = hoursOf(entry);
  const description = `${hours === null ? 'running' : formatHours(hours)} of MSP time on ${formatDay(entry.startDay)}`;

  const onDelete = () =>
    remove.mutate(
      { id: entry.id },
      {
        onError: (caught) => toasts.show(caught.message, { tone: 'error' }),
        onSuccess: () => {
          focusHeading('msp-time-title');
          toasts.show(`Deleted ${description}`, {
            group: 'msp-time-deleted',
            plural: (count) => `Deleted ${count} MSP time entries`,
            action:
              endAt === null
                ? undefined
                : {
                    label: 'Undo',
                    run: () =>
                      create.mutate(
                        {
                          worker: 'msp',
                          technicianId: entry.technicianId,
                          categoryId: entry.categoryId,
                          taskId: entry.taskId,
                          startAt: entry.startAt,
                          endAt,
                          note: entry.note,
                        },
                        { onError: (caught) => toasts.show(caught.message, { tone: 'error' }) },
                      ),
                  },
          });
        },
      },
    );

  return (
    <button type="button" className="button button-small button-danger" disabled={remove.isPending} onClick={onDelete}>
      Delete<span className="visually-hidden"> {description}</span>
    </button>
  );
}
