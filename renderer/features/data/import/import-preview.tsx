import type { ReactNode } from 'react';
import type { CategoryChoice, ImportReady, WorkerChoice } from '../../../../shared/api/data-views';
import { PREVIEW_ERROR_LIMIT } from '../../../../shared/api/data-views';
import type { RowIssue } from '../../../../shared/import';
import type { Technician } from '../../../../shared/domain/msp';
import { DataTable, type Column } from '../../../ui/data-table';
import { formatHours } from '../../../ui/format-figures';
import { useTime } from '../../../ui/time';
import { CategoryChip, useCategories } from '../../categories/use-categories';
import { Figure } from '../../msp/what-if';
import { CategoryMapping, PeopleMapping } from './mapping-table';

const ORDER_TEXT = { DMY: 'day/month/year', MDY: 'month/day/year', YMD: 'year-month-day' } as const;

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

interface ReadyPreviewProps {
  preview: ImportReady;
  technicians: readonly Technician[];
  timeZone: string;
  onTimeZone: (zone: string) => void;
  onChangeOrder: () => void;
  onMapCategory: (key: string, choice: CategoryChoice | null) => void;
  onMapPerson: (key: string, choice: WorkerChoice | null) => void;
  /** The Import button, right under the counts it acts on. */
  action: ReactNode;
}

/** What the import would do, before it does anything: the counts, the names to map, what is created and every row error. */
export function ReadyPreview({ preview, technicians, timeZone, onTimeZone, onChangeOrder, onMapCategory, onMapPerson, action }: ReadyPreviewProps) {
  const categories = useCategories();
  const { counts } = preview;
  const entries = preview.kind === 'time-entries';
  const neededNames = [...preview.categories, ...preview.users].filter((name) => name.needed && name.choice === null).length;

  return (
    <div className="stack import-preview">
      <div className="card import-facts">
        <p>
          <strong>{preview.fileName}</strong> is a <strong>{preview.formatLabel}</strong> with {plural(counts.rows, 'row', 'rows')}.{' '}
          {preview.dateOrder.order !== 'YMD' && (
            <>
              Dates are read {ORDER_TEXT[preview.dateOrder.order]}
              {preview.dateOrder.from === 'file' ? ' (the file’s dates say so).' : ' (your answer). '}
              {preview.dateOrder.from === 'choice' && (
                <button type="button" className="button button-small" onClick={onChangeOrder}>
                  Change
                </button>
              )}
            </>
          )}
        </p>
        {entries && (
          <label className="field zone-field">
            <span>The file’s times are wall-clock times in</span>
            <select value={timeZone} onChange={(event) => onTimeZone(event.target.value)}>
              {ZONES.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>

      <div className="figures" role="group" aria-label="What the import finds">
        <Figure label={entries ? 'New entries' : 'New tasks'} value={counts.create.toLocaleString()} note={entries && preview.entries ? formatHours(preview.entries.minutes / 60) : undefined} />
        <Figure label="Already imported" value={counts.duplicates.toLocaleString()} note="added nothing again" />
        <Figure label="Rows with errors" value={counts.errors.toLocaleString()} tone={counts.errors > 0 ? 'negative' : undefined} note={counts.errors > 0 ? 'left out; listed below' : undefined} />
        <Figure label="Skipped" value={counts.skipped.toLocaleString()} />
        <Figure label="Waiting for a mapping" value={counts.waiting.toLocaleString()} tone={counts.waiting > 0 ? 'negative' : undefined} />
      </div>
      {action}

      {(preview.categories.length > 0 || preview.users.length > 0) && (
        <section aria-labelledby="mapping-title" className="stack">
          <h2 id="mapping-title">What the names in the file mean</h2>
          <p className="muted">
            {neededNames > 0
              ? `Choose a category or person for the ${plural(neededNames, 'name', 'names')} marked “needed”: their rows wait until you do. `
              : 'Every row has what it needs. '}
            Offload remembers your choices for the next file.
          </p>
          {preview.users.length > 0 && <PeopleMapping names={preview.users} technicians={technicians} onChange={onMapPerson} />}
          {preview.categories.length > 0 && <CategoryMapping names={preview.categories} kind={preview.kind} categories={categories.active} onChange={onMapCategory} />}
          {preview.moreNames > 0 && <p className="muted">And {plural(preview.moreNames, 'name', 'names')} more, not shown.</p>}
        </section>
      )}

      <Created preview={preview} />

      <section aria-labelledby="row-errors-title">
        <h2 id="row-errors-title">Row errors</h2>
        {counts.errors === 0 ? (
          <p className="muted">None: every row could be read.</p>
        ) : (
          <>
            <p className="muted">
              These rows are left out; the others import. Fix them in the file and import it again if you want them (rows already imported are not added twice).
              {counts.errors > PREVIEW_ERROR_LIMIT && ` The first ${PREVIEW_ERROR_LIMIT} of ${plural(counts.errors, 'row', 'rows')} are listed.`}
            </p>
            <IssueTable issues={preview.errors} caption="Row errors" />
          </>
        )}
      </section>

      {preview.skipped.length > 0 && (
        <details>
          <summary>{plural(counts.skipped, 'row is', 'rows are')} skipped on purpose</summary>
          <IssueTable issues={preview.skipped} caption="Skipped rows" />
        </details>
      )}
    </div>
  );
}

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

function IssueTable({ issues, caption }: { issues: RowIssue[]; caption: string }) {
  const columns: Column<RowIssue & { index: number }>[] = [
    { header: 'Row', numeric: true, cell: (issue) => issue.row },
    { header: 'Column', cell: (issue) => issue.column ?? <span className="muted">whole row</span> },
    { header: 'Reason', cell: (issue) => issue.reason },
  ];
  return <DataTable caption={caption} columns={columns} rows={issues.map((issue, index) => ({ ...issue, index }))} rowKey={(issue) => issue.index} className="issue-table" />;
}

function Created({ preview }: { preview: ImportReady }) {
  const categories = useCategories();
  const time = useTime();
  if (preview.entries) {
    const { entries } = preview;
    if (entries.entries === 0) return null;
    const span =
      entries.firstStartAt !== null && entries.lastEndAt !== null
        ? `, from ${time.formatDay(time.dayOf(entries.firstStartAt))} to ${time.formatDay(time.dayOf(entries.lastEndAt))}`
        : '';
    return (
      <section aria-labelledby="created-title" className="stack">
        <h2 id="created-title">What will be created</h2>
        <p>
          {plural(entries.entries, 'time entry', 'time entries')}, {formatHours(entries.minutes / 60)}
          {entries.minutesBy.me > 0 && entries.minutesBy.msp > 0 ? ` (${formatHours(entries.minutesBy.me / 60)} yours, ${formatHours(entries.minutesBy.msp / 60)} the MSP’s)` : entries.minutesBy.msp > 0 ? ', all the MSP’s' : ', all yours'}
          {span}.
          {entries.tasks > 0 && ` ${plural(entries.tasks, 'task', 'tasks')} from the file’s Task column, marked done: ${entries.taskTitles.join(', ')}${entries.tasks > entries.taskTitles.length ? ', …' : ''}.`}
        </p>
        <DataTable
          caption="Hours by category"
          columns={[
            { header: 'Category', cell: (row) => <CategoryChip category={categories.byId.get(row.categoryId)} /> },
            { header: 'Entries', numeric: true, cell: (row) => row.entries.toLocaleString() },
            { header: 'Hours', numeric: true, cell: (row) => formatHours(row.minutes / 60) },
          ]}
          rows={entries.byCategory}
          rowKey={(row) => row.categoryId}
        />
      </section>
    );
  }
  if (!preview.tasks || preview.tasks.tasks === 0) return null;
  const { tasks } = preview;
  const statuses = [
    [tasks.byStatus.open, 'open'],
    [tasks.byStatus.in_progress, 'in progress'],
    [tasks.byStatus.waiting, 'waiting'],
    [tasks.byStatus.done, 'done'],
  ] as const;
  return (
    <section aria-labelledby="created-title" className="stack">
      <h2 id="created-title">What will be created</h2>
      <p>
        {plural(tasks.tasks, 'task', 'tasks')}:{' '}
        {statuses
          .filter(([count]) => count > 0)
          .map(([count, label]) => `${count.toLocaleString()} ${label}`)
          .join(', ')}
        ; {plural(tasks.toMsp, 'goes', 'go')} to the MSP.
      </p>
      <DataTable
        caption="Tasks by category"
        columns={[
          { header: 'Category', cell: (row) => <CategoryChip category={row.categoryId === null ? undefined : categories.byId.get(row.categoryId)} /> },
          { header: 'Tasks', numeric: true, cell: (row) => row.tasks.toLocaleString() },
        ]}
        rows={tasks.byCategory}
        rowKey={(row) => row.categoryId ?? 0}
      />
    </section>
  );
}
