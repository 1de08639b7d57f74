import { useState } from 'react';
import type { Task, TaskStatus } from '../../../shared/domain/types';
import { formatDuration } from '../../../shared/domain/duration';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { navigate } from '../../app/routes';
import { DataTable, type Column } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { useNow } from '../../ui/use-now';
import { downloadText, formatAge, handoffCsv, handoffRows, STATUS_TEXT, type HandoffRow } from './handoff';

/** The MSP's open work by technician and status, with ages against the response targets. */
export function QueueTab() {
  const [technician, setTechnician] = useState<string>('all');
  const filter =
    technician === 'all'
      ? { technicianId: null, unassigned: false }
      : technician === 'unassigned'
        ? { technicianId: null, unassigned: true }
        : { technicianId: Number(technician), unassigned: false };
  const queue = useCallQuery('msp:queue', [filter]);
  const setup = useCallQuery('msp:get', []);
  const { byId } = useCategories();
  const now = useNow();
  const time = useTime();

  if (!queue.data || !setup.data) return null;
  const rows = handoffRows(queue.data.tasks, byId, setup.data, now);
  const counts = queue.data.counts;
  const activeTechnicians = setup.data.technicians.filter((entry) => !entry.archived);
  const countFor = (status: TaskStatus) => counts.filter((count) => count.status === status).reduce((total, count) => total + count.count, 0);
  const overdue = rows.filter((row) => row.overdue).length;
  const columns = queueColumns(activeTechnicians);

  return (
    <div className="stack">
      <div className="figures">
        <div className="figure">
          <div className="figure-label">Open</div>
          <div className="figure-value">{countFor('open')}</div>
        </div>
        <div className="figure">
          <div className="figure-label">In progress</div>
          <div className="figure-value">{countFor('in_progress')}</div>
        </div>
        <div className="figure">
          <div className="figure-label">Waiting</div>
          <div className="figure-value">{countFor('waiting')}</div>
        </div>
        <div className="figure">
          <div className="figure-label">Past response target</div>
          <div className={`figure-value${overdue > 0 ? ' negative' : ''}`}>{overdue}</div>
          <div className="figure-note">in this view</div>
        </div>
      </div>
      <div className="toolbar">
        <label className="inline-label">
          Technician{' '}
          <select value={technician} onChange={(event) => setTechnician(event.target.value)}>
            <option value="all">Everyone</option>
            <option value="unassigned">Unassigned</option>
            {activeTechnicians.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={rows.length === 0}
          onClick={() => downloadText(`offload-handoff-${time.today}.csv`, handoffCsv(rows), 'text/csv;charset=utf-8')}
        >
          Download handoff sheet (CSV)
        </button>
        <button type="button" className="button" onClick={() => navigate('handoff')}>
          Printable handoff sheet
        </button>
      </div>
      <DataTable
        caption="The MSP’s open tasks, oldest first"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.task.id}
        empty={
          <EmptyState title="The MSP’s queue is empty">
            <p>
              Tasks land here when you delegate their category (Delegation tab) or hand a single task over. Assign them to a
              technician, watch their age against the response targets, and send the handoff sheet.
            </p>
          </EmptyState>
        }
      />
    </div>
  );
}

type TechnicianChoice = { id: number; name: string };

function queueColumns(technicians: TechnicianChoice[]): Column<HandoffRow>[] {
  return [
    { header: 'Task', cell: (row) => row.task.title },
    { header: 'Category', cell: (row) => <QueueCategory task={row.task} /> },
    { header: 'Technician', cell: (row) => <TechnicianSelect row={row} technicians={technicians} /> },
    { header: 'Status', cell: (row) => <StatusSelect task={row.task} /> },
    {
      header: 'Age',
      numeric: true,
      cell: (row) => (
        <>
          {formatAge(row.ageMinutes)} {row.overdue && <span className="badge badge-danger">past target</span>}
        </>
      ),
    },
    { header: 'Target', numeric: true, cell: (row) => (row.targetMinutes === null ? '—' : formatDuration(row.targetMinutes)) },
    { header: 'Actions', cell: (row) => <TakeBack task={row.task} /> },
  ];
}

function QueueCategory({ task }: { task: Task }) {
  const { byId } = useCategories();
  return <CategoryChip category={task.categoryId === null ? undefined : byId.get(task.categoryId)} />;
}

function useFail() {
  const toasts = useToasts();
  return (error: Error) => toasts.show(error.message, { tone: 'error' });
}

/** Assigning is a change of owner within the MSP; a former technician stays shown until changed. */
function TechnicianSelect({ row, technicians }: { row: HandoffRow; technicians: TechnicianChoice[] }) {
  const assign = useCallMutation('tasks:assign');
  const fail = useFail();
  const { task } = row;
  return (
    <select
      aria-label={`Technician for “${task.title}”`}
      value={task.technicianId ?? ''}
      onChange={(event) =>
        assign.mutate(
          { id: task.id, owner: 'msp', technicianId: event.target.value === '' ? null : Number(event.target.value) },
          { onError: fail },
        )
      }
    >
      <option value="">Unassigned</option>
      {technicians.map((technician) => (
        <option key={technician.id} value={technician.id}>
          {technician.name}
        </option>
      ))}
      {task.technicianId !== null && !technicians.some((technician) => technician.id === task.technicianId) && (
        <option value={task.technicianId}>{row.technician}</option>
      )}
    </select>
  );
}

function StatusSelect({ task }: { task: Task }) {
  const setStatus = useCallMutation('tasks:setStatus');
  const fail = useFail();
  return (
    <select
      aria-label={`Status of “${task.title}”`}
      value={task.status}
      onChange={(event) => setStatus.mutate({ id: task.id, status: event.target.value as TaskStatus }, { onError: fail })}
    >
      {Object.entries(STATUS_TEXT).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** She takes a task back and keeps it, whatever its category's delegation says; Undo hands it over again. */
function TakeBack({ task }: { task: Task }) {
  const assign = useCallMutation('tasks:assign');
  const toasts = useToasts();
  const fail = useFail();
  return (
    <button
      type="button"
      className="button button-small"
      onClick={() =>
        assign.mutate(
          { id: task.id, owner: 'me', technicianId: null, keep: true },
          {
            onError: fail,
            onSuccess: () =>
              toasts.show(`You took back “${task.title}”`, {
                group: 'queue-taken-back',
                plural: (count) => `You took back ${count} tasks`,
                action: { label: 'Undo', run: () => assign.mutate({ id: task.id, owner: 'msp', technicianId: task.technicianId }, { onError: fail }) },
              }),
          },
        )
      }
    >
      Take back<span className="visually-hidden"> “{task.title}”</span>
    </button>
  );
}
