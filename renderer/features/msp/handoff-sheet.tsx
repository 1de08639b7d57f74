import { formatDuration } from '../../../shared/domain/duration';
import type { MspProvider } from '../../../shared/domain/msp';
import { useCallQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../ui/data-table';
import { Screen } from '../../ui/screen';
import { useTime } from '../../ui/time';
import { useCategories } from '../categories/use-categories';
import { useNow } from '../../ui/use-now';
import { formatAge, handoffRows, STATUS_TEXT, type HandoffRow } from './handoff';

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

  const columns: Column<HandoffRow>[] = [
    {
      header: 'Task',
      cell: (row) => (
        <>
          <strong>{row.task.title}</strong>
          {row.task.notes && <div className="sheet-notes">{row.task.notes}</div>}
        </>
      ),
    },
    { header: 'Priority', cell: (row) => (row.task.priority === 0 ? '' : <span aria-label={`Priority ${row.task.priority} of 3`}>{'!'.repeat(row.task.priority)}</span>) },
    { header: 'Category', cell: (row) => row.category },
    { header: 'Technician', cell: (row) => row.technician },
    { header: 'Status', cell: (row) => STATUS_TEXT[row.task.status] },
    { header: 'Due', cell: (row) => (row.task.dueDay ? formatDay(row.task.dueDay) : '') },
    { header: 'Estimate', numeric: true, cell: (row) => (row.task.estimateMinutes === null ? '' : formatDuration(row.task.estimateMinutes)) },
    {
      header: 'Age / target',
      numeric: true,
      cell: (row) => (
        <>
          {formatAge(row.ageMinutes)}
          {row.targetMinutes !== null && ` / ${formatDuration(row.targetMinutes)}`}
          {row.overdue && ' — past target'}
        </>
      ),
    },
  ];

  return (
    <Screen
      title={`Handoff sheet for ${provider}`}
      className="handoff-sheet"
      actions={
        <div className="toolbar no-print">
          <a className="button" href="#/msp">
            Back to MSP
          </a>
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            Print
          </button>
        </div>
      }
    >
      <ProviderDetails provider={setup.data.provider} />
      <p className="muted">
        {rows.length} open task{rows.length === 1 ? '' : 's'} · prepared {formatDay(today)}
      </p>
      <DataTable caption={`Open tasks for ${provider}`} columns={columns} rows={rows} rowKey={(row) => row.task.id} />
    </Screen>
  );
}

/** Who the sheet is for and how to reach them, with her standing notes for them (from the Team tab). */
function ProviderDetails({ provider }: { provider: MspProvider }) {
  const contact = [provider.email, provider.phone].filter((part) => part.trim() !== '');
  if (contact.length === 0 && provider.notes.trim() === '') {
    return <p className="muted no-print">Add the MSP’s contact details and standing notes in MSP → Team to show them on this sheet.</p>;
  }
  return (
    <section className="sheet-provider" aria-label="MSP contact details">
      {contact.length > 0 && (
        <p>
          <strong>{provider.name || 'The MSP'}</strong> · {contact.join(' · ')}
        </p>
      )}
      {provider.notes.trim() !== '' && <p className="sheet-notes">{provider.notes}</p>}
    </section>
  );
}
