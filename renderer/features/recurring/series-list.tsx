import type { RecurringSeries } from '../../../shared/api/contract-recurring';
import { ApiError } from '../../../shared/api/errors';
import { formatDuration } from '../../../shared/domain/duration';
import type { Category } from '../../../shared/domain/types';
import { useCallMutation } from '../../api/hooks';
import { DataTable, type Column } from '../../ui/data-table';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CategoryChip } from '../categories/use-categories';
import { OWNER_LABELS, plural } from './series-draft';

interface SeriesListProps {
  list: RecurringSeries[];
  today: string;
  categoryOf: (id: number | null) => Category | undefined;
  onEdit: (series: RecurringSeries) => void;
}

/** Every series with its next occurrence; ending, resuming and deleting can each be undone. */
export function SeriesList({ list, today, categoryOf, onEdit }: SeriesListProps) {
  const { formatDay } = useTime();
  const end = useCallMutation('recurring:end');
  const remove = useCallMutation('recurring:delete');
  const restore = useCallMutation('recurring:restore');
  const toasts = useToasts();

  const failed = (error: unknown) => toasts.show(error instanceof ApiError ? error.message : String(error), { tone: 'error' });
  const undo = (series: RecurringSeries) => ({
    label: 'Undo',
    run: () =>
      restore.mutateAsync({ id: series.id }).then(
        (result) => toasts.show(`“${series.title}” runs again${result.restored > 0 ? `; ${plural(result.restored, 'occurrence')} back` : ''}.`),
        failed,
      ),
  });

  const endAfterToday = async (series: RecurringSeries) => {
    try {
      const result = await end.mutateAsync({ id: series.id, fromDay: today });
      const removed = result.removed > 0 ? `; ${plural(result.removed, 'upcoming occurrence')} removed` : '';
      toasts.show(`“${series.title}” ends after today${removed}.`, { action: undo(series) });
    } catch (error) {
      failed(error);
    }
  };

  const deleteSeries = async (series: RecurringSeries) => {
    try {
      const result = await remove.mutateAsync({ id: series.id });
      const removed = result.removed > 0 ? `; ${plural(result.removed, 'open occurrence')} removed` : '';
      toasts.show(`“${series.title}” deleted${removed}. Done occurrences stay in your history.`, { action: undo(series) });
    } catch (error) {
      failed(error);
    }
  };

  const isOver = (series: RecurringSeries) => series.endDay !== null && series.endDay < today;

  const columns: Column<RecurringSeries>[] = [
    {
      header: 'Work',
      cell: (series) => (
        <>
          <span className="recurring-title">{series.title}</span>
          <span className="recurring-rule muted">
            {series.description}
            {series.estimateMinutes !== null && ` · ${formatDuration(series.estimateMinutes)}`}
            {series.skipIfOpen && ' · skipped while the previous one is open'}
          </span>
        </>
      ),
    },
    { header: 'Category', cell: (series) => <CategoryChip category={categoryOf(series.categoryId)} /> },
    {
      header: 'Next',
      cell: (series) => (
        <>
          {series.nextOccurrence !== null ? formatDay(series.nextOccurrence) : <span className="muted">—</span>}
          {series.endDay !== null && (
            <span className="recurring-rule muted">
              {isOver(series) ? 'Ended' : 'Ends'} after {formatDay(series.endDay)}
            </span>
          )}
        </>
      ),
    },
    { header: 'Goes to', cell: (series) => OWNER_LABELS[series.owner ?? ''] },
    { header: 'Open', numeric: true, cell: (series) => series.openOccurrences },
    {
      header: 'Actions',
      hideHeader: true,
      cell: (series) => (
        <div className="toolbar">
          <button type="button" className="button button-small" onClick={() => onEdit(series)} aria-label={`Edit the series ${series.title}`}>
            Edit
          </button>
          {series.endDay === null ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => void endAfterToday(series)}
              disabled={end.isPending}
              aria-label={`End the series ${series.title} after today`}
            >
              End
            </button>
          ) : (
            <button
              type="button"
              className="button button-small"
              onClick={() => void undo(series).run()}
              disabled={restore.isPending}
              aria-label={`Resume the series ${series.title}`}
            >
              Resume
            </button>
          )}
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => void deleteSeries(series)}
            disabled={remove.isPending}
            aria-label={`Delete the series ${series.title}`}
          >
            Delete
          </button>
        </div>
      ),
    },
  ];

  return (
    <DataTable
      caption="Recurring series"
      className="recurring-table"
      columns={columns}
      rows={list}
      rowKey={(series) => series.id}
      rowClassName={(series) => (isOver(series) ? 'recurring-ended' : undefined)}
    />
  );
}
