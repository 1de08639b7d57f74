import type { TimesheetWeekView } from '../../../shared/api/contract-timesheet';
import { categoryTotals } from '../../../shared/domain/timesheet-totals';
import { formatDuration } from '../../../shared/domain/duration';
import { useTime } from '../../ui/time';
import { CategoryChip, useCategories } from '../categories/use-categories';

const hoursText = (minutes: number) => (minutes === 0 ? '' : formatDuration(minutes));

/** The week's hours per category and day, hers and the MSP's apart: the grid's rows added up by category. */
export function CategoryTotals({ view }: { view: TimesheetWeekView }) {
  const { byId } = useCategories();
  const time = useTime();
  const totals = categoryTotals(view.rows);
  if (totals.length === 0) return null;
  return (
    <section className="ts-category-totals" aria-labelledby="ts-category-totals-title">
      <h2 id="ts-category-totals-title">By category</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Hours by category and day, as a table">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Category</th>
              {view.days.map((day) => (
                <th key={day} scope="col" className="number">
                  {/* “Mon, Nov 9” may wrap after the weekday, never between the month and its day. */}
                  {time.formatDay(day).replace(/ (\d+)$/, '\u00a0$1')}
                </th>
              ))}
              <th scope="col" className="number">
                Yours
              </th>
              <th scope="col" className="number">
                MSP
              </th>
              <th scope="col" className="number">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.map((total) => (
              <tr key={total.categoryId}>
                <th scope="row">
                  <CategoryChip category={byId.get(total.categoryId)} />
                </th>
                {total.minutesByDay.map((minutes, index) => (
                  <td key={view.days[index]} className="number">
                    {hoursText(minutes)}
                  </td>
                ))}
                <td className="number">{hoursText(total.herMinutes)}</td>
                <td className="number">{hoursText(total.mspMinutes)}</td>
                <td className="number">{formatDuration(total.minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
