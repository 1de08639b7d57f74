import type { WeekReviewView } from '../../../shared/api/views';
import { useCallQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../ui/data-table';
import { formatHours } from '../../ui/format-figures';
import { useTime } from '../../ui/time';
import { CategoryChip, useCategories } from '../categories/use-categories';

const OUTCOME: Record<WeekReviewView['slipped'][number]['outcome'], string> = {
  open: 'still open',
  'done-late': 'done after its day',
  moved: 'moved',
  unplanned: 'back in the backlog',
};

/** The week before the one shown: what she planned against what she logged, and what slipped. */
export function WeekReview({ weekStart }: { weekStart: string }) {
  const review = useCallQuery('weekPlan:review', [{ weekStart }]);
  const time = useTime();
  const { byId } = useCategories();
  const data = review.data;
  if (!data) return null;
  type Day = WeekReviewView['days'][number];
  type Category = WeekReviewView['categories'][number];
  const dayColumns: Column<Day>[] = [
    { header: 'Day', cell: (day) => time.formatDay(day.day) },
    { header: 'Planned', numeric: true, cell: (day) => formatHours(day.plannedHours) },
    { header: 'Logged', numeric: true, cell: (day) => formatHours(day.loggedHours) },
  ];
  const categoryColumns: Column<Category>[] = [
    { header: 'Category', cell: (row) => <CategoryChip category={row.categoryId === null ? undefined : byId.get(row.categoryId)} /> },
    { header: 'Planned', numeric: true, cell: (row) => formatHours(row.plannedHours) },
    { header: 'Logged', numeric: true, cell: (row) => formatHours(row.loggedHours) },
  ];
  return (
    <section aria-labelledby="review-title" className="stack week-review">
      <h2 id="review-title">The week of {time.formatDay(weekStart)}: plan against what happened</h2>
      <div className="review-tables">
        <DataTable caption="Per day" columns={dayColumns} rows={data.days} rowKey={(day) => day.day} />
        <DataTable
          caption="Per category"
          columns={categoryColumns}
          rows={data.categories}
          rowKey={(row) => row.categoryId ?? 0}
          empty={<p className="muted">Nothing was planned or logged that week.</p>}
        />
      </div>
      <h3>What slipped</h3>
      {data.slipped.length === 0 ? (
        <p className="muted">Nothing: everything planned that week was done on its day.</p>
      ) : (
        <ul className="slipped">
          {data.slipped.map((entry) => (
            <li key={entry.task.id}>
              <strong>{entry.task.title}</strong> — planned {time.formatDay(entry.plannedDay)}, {OUTCOME[entry.outcome]}
              {entry.outcome === 'moved' && entry.movedTo ? ` to ${time.formatDay(entry.movedTo)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
