import type { ReclaimedView } from '../../../shared/api/views';
import { useTime } from '../../ui/time';
import { formatHours, formatMoney } from '../../ui/format-figures';
import { useCallQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/empty-state';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { Figure } from '../msp/what-if';

const WEEKS_SHOWN = 12;

export default function InsightsScreen() {
  const report = useCallQuery('reclaimed:report', [{ weeks: WEEKS_SHOWN }]);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title" tabIndex={-1}>
          Insights
        </h1>
      </header>
      {report.isError && (
        <p className="form-error" role="alert">
          {report.error.message}
        </p>
      )}
      {report.data && <HoursReclaimed report={report.data} />}
      <p className="muted">
        Coming next here: hours per week by category (yours vs the MSP’s), overtime and after-hours trends, planned vs
        unplanned and strategic vs operational shares, and the one-page report for leadership.
      </p>
    </section>
  );
}

function HoursReclaimed({ report }: { report: ReclaimedView }) {
  const { byId } = useCategories();
  const { formatDay } = useTime();
  const currency = report.cost.currency;
  if (report.delegations.length === 0) {
    return (
      <EmptyState title="No hours reclaimed yet">
        <p>
          Delegate a category to your MSP (MSP → Delegation). From its effective date Offload compares the hours you still spend
          on it with your baseline — your average week before — and shows the hours you get back here.
        </p>
      </EmptyState>
    );
  }
  const missing = report.baselines.filter((baseline) => baseline.source === 'missing');
  const { totals } = report;
  const weeks = [...report.weeks].reverse();

  return (
    <div className="stack">
      <section aria-labelledby="reclaimed-title" className="stack">
        <h2 id="reclaimed-title">Hours reclaimed</h2>
        {missing.length > 0 && (
          <div className="notice" role="alert">
            <span>
              {missing.map((baseline) => byId.get(baseline.categoryId)?.name ?? 'A category').join(', ')}{' '}
              {missing.length === 1 ? 'has' : 'have'} no baseline: no logged hours before the delegation and no estimate, so nothing
              can be reclaimed there. Add an estimate in MSP → Delegation.
            </span>
          </div>
        )}
        <div className="figures">
          <Figure label="Reclaimed (gross)" value={formatHours(totals.grossHours)} note="since your first delegation" />
          <Figure label="MSP hours delivered" value={formatHours(totals.mspDeliveredHours)} note="in delegated categories; not added to the above" />
          <Figure label={`Oversight (${Math.round(report.oversightShare * 100)} %)`} value={formatHours(totals.oversightHours)} note="managing the MSP costs you this" />
          <Figure label="Reclaimed (net)" value={formatHours(totals.netHours)} tone={totals.netHours < 0 ? 'negative' : undefined} note={`worth ${formatMoney(report.cost.totalReclaimedValue, currency)}`} />
        </div>
      </section>

      <section aria-labelledby="baselines-title" className="stack">
        <h2 id="baselines-title">Baselines</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Delegated</th>
              <th scope="col" className="number">Baseline</th>
              <th scope="col">Source</th>
              <th scope="col" className="number">Reclaimed (gross)</th>
              <th scope="col" className="number">MSP delivered</th>
            </tr>
          </thead>
          <tbody>
            {report.baselines.map((baseline) => {
              const delegation = report.delegations.find((entry) => entry.id === baseline.delegationId)!;
              const rows = report.rows.filter((row) => row.delegationId === baseline.delegationId);
              return (
                <tr key={baseline.delegationId}>
                  <td>
                    <CategoryChip category={byId.get(baseline.categoryId)} />
                  </td>
                  <td>
                    {formatDay(delegation.startDay)} – {delegation.endDay ? formatDay(delegation.endDay) : 'now'}
                  </td>
                  <td className="number">{formatHours(baseline.weeklyHours)}/week</td>
                  <td>
                    {baseline.source === 'measured' ? (
                      `measured over ${baseline.windowWeeks.length} week${baseline.windowWeeks.length === 1 ? '' : 's'}`
                    ) : baseline.source === 'estimated' ? (
                      'estimated'
                    ) : (
                      <span className="badge badge-warning">missing</span>
                    )}
                  </td>
                  <td className="number">{rows.length === 0 && delegation.startDay > report.today ? 'starts later' : formatHours(rows.reduce((sum, row) => sum + row.reclaimedHours, 0))}</td>
                  <td className="number">{formatHours(rows.reduce((sum, row) => sum + row.mspHours, 0))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted figure-note">Reclaimed and delivered columns cover the weeks shown below; the totals above cover all weeks.</p>
      </section>

      <section aria-labelledby="weekly-title" className="stack">
        <h2 id="weekly-title">Week by week</h2>
        {weeks.length === 0 ? (
          <p className="muted">Your delegations start later; weeks appear here as they begin.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col" className="number">Reclaimed (gross)</th>
                <th scope="col" className="number">MSP delivered</th>
                <th scope="col" className="number">Oversight</th>
                <th scope="col" className="number">Net</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.weekStart}>
                  <td>{formatDay(week.weekStart)}</td>
                  <td className="number">{formatHours(week.grossHours)}</td>
                  <td className="number">{formatHours(week.mspDeliveredHours)}</td>
                  <td className="number">{formatHours(week.oversightHours)}</td>
                  <td className={`number${week.netHours < 0 ? ' negative' : ''}`}>{formatHours(week.netHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="cost-title" className="stack">
        <h2 id="cost-title">MSP cost against a hire</h2>
        <p className="muted">
          Your loaded hourly cost is {formatMoney(report.cost.loadedHourlyCost, currency, 2)}; a hire would cost{' '}
          {formatMoney(report.cost.hireAnnualCost, currency)} a year with overhead. A week counts toward the month holding most of its days.
        </p>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="number">MSP hours</th>
              <th scope="col" className="number">MSP cost</th>
              <th scope="col" className="number">A hire</th>
              <th scope="col" className="number">Net hours back</th>
              <th scope="col" className="number">Their value</th>
            </tr>
          </thead>
          <tbody>
            {report.cost.months.map((month) => (
              <tr key={month.month}>
                <td>{month.month}</td>
                <td className="number">{formatHours(month.mspHours)}</td>
                <td className="number">{month.mspCost === null ? 'no contract' : formatMoney(month.mspCost, currency)}</td>
                <td className="number">{formatMoney(month.hireCost, currency)}</td>
                <td className="number">{formatHours(month.netReclaimedHours)}</td>
                <td className="number">{formatMoney(month.reclaimedValue, currency)}</td>
              </tr>
            ))}
            {report.cost.years.map((year) => (
              <tr key={year.year} className="total-row">
                <th scope="row">{year.year}</th>
                <td className="number" />
                <td className="number">{formatMoney(year.mspCost, currency)}</td>
                <td className="number">{formatMoney(year.hireCost, currency)}</td>
                <td className="number">{formatHours(year.netReclaimedHours)}</td>
                <td className="number">{formatMoney(year.reclaimedValue, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
