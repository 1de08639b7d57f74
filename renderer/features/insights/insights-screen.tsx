import type { ReclaimedView } from '../../../shared/api/views';
import { useTime } from '../../ui/time';
import { formatHours, formatMoney } from '../../ui/format-figures';
import { useCallQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { Screen } from '../../ui/screen';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { Figure } from '../msp/what-if';

const WEEKS_SHOWN = 12;

type Week = ReclaimedView['weeks'][number];
type Month = ReclaimedView['cost']['months'][number];

export default function InsightsScreen() {
  const report = useCallQuery('reclaimed:report', [{ weeks: WEEKS_SHOWN }]);
  return (
    <Screen title="Insights">
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
    </Screen>
  );
}

function HoursReclaimed({ report }: { report: ReclaimedView }) {
  const { byId } = useCategories();
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
  const currency = report.cost.currency;

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
        <BaselinesTable report={report} />
        <p className="muted figure-note">Reclaimed and delivered columns cover each delegation from its start; the weekly table below shows the last 12 weeks.</p>
      </section>

      <section aria-labelledby="weekly-title" className="stack">
        <h2 id="weekly-title">Week by week</h2>
        <WeeklyTable weeks={[...report.weeks].reverse()} />
      </section>

      <section aria-labelledby="cost-title" className="stack">
        <h2 id="cost-title">MSP cost against a hire</h2>
        <p className="muted">
          Your loaded hourly cost is {formatMoney(report.cost.loadedHourlyCost, currency, 2)}; a hire would cost{' '}
          {formatMoney(report.cost.hireAnnualCost, currency)} a year with overhead. A week's hours count in the months its in-force working days fall in.
        </p>
        <CostTable cost={report.cost} />
      </section>
    </div>
  );
}

function BaselinesTable({ report }: { report: ReclaimedView }) {
  const { byId } = useCategories();
  const { formatDay } = useTime();
  const lines = report.baselines.map((baseline) => ({
    baseline,
    delegation: report.delegations.find((entry) => entry.id === baseline.delegationId)!,
    totals: report.perDelegation.find((entry) => entry.delegationId === baseline.delegationId),
  }));
  type Line = (typeof lines)[number];
  const columns: Column<Line>[] = [
    { header: 'Category', cell: ({ baseline }) => <CategoryChip category={byId.get(baseline.categoryId)} /> },
    {
      header: 'Delegated',
      cell: ({ delegation }) => `${formatDay(delegation.startDay)} – ${delegation.endDay ? formatDay(delegation.endDay) : 'now'}`,
    },
    { header: 'Baseline', numeric: true, cell: ({ baseline }) => `${formatHours(baseline.weeklyHours)}/week` },
    {
      header: 'Source',
      cell: ({ baseline }) =>
        baseline.source === 'measured' ? (
          `measured over ${baseline.windowWeeks.length} week${baseline.windowWeeks.length === 1 ? '' : 's'}`
        ) : baseline.source === 'estimated' ? (
          'estimated'
        ) : (
          <span className="badge badge-warning">missing</span>
        ),
    },
    {
      header: 'Reclaimed (gross)',
      numeric: true,
      cell: ({ delegation, totals }) => (delegation.startDay > report.today ? 'starts later' : formatHours(totals?.grossHours ?? 0)),
    },
    { header: 'MSP delivered', numeric: true, cell: ({ totals }) => formatHours(totals?.mspDeliveredHours ?? 0) },
  ];
  return <DataTable labelledBy="baselines-title" columns={columns} rows={lines} rowKey={({ baseline }) => baseline.delegationId} />;
}

function WeeklyTable({ weeks }: { weeks: Week[] }) {
  const { formatDay } = useTime();
  const columns: Column<Week>[] = [
    { header: 'Week of', cell: (week) => formatDay(week.weekStart) },
    { header: 'Reclaimed (gross)', numeric: true, cell: (week) => formatHours(week.grossHours) },
    { header: 'MSP delivered', numeric: true, cell: (week) => formatHours(week.mspDeliveredHours) },
    { header: 'Oversight', numeric: true, cell: (week) => formatHours(week.oversightHours) },
    { header: 'Net', numeric: true, cell: (week) => formatHours(week.netHours), cellClassName: (week) => (week.netHours < 0 ? 'negative' : undefined) },
  ];
  return (
    <DataTable
      labelledBy="weekly-title"
      columns={columns}
      rows={weeks}
      rowKey={(week) => week.weekStart}
      empty={<p className="muted">Your delegations start later; weeks appear here as they begin.</p>}
    />
  );
}

function CostTable({ cost }: { cost: ReclaimedView['cost'] }) {
  const { currency } = cost;
  const { formatMonth } = useTime();
  const columns: Column<Month>[] = [
    {
      header: 'Month',
      cell: (month) => (
        <>
          {formatMonth(month.month)}
          {month.note && <div className="figure-note">{month.note}</div>}
        </>
      ),
    },
    { header: 'MSP hours', numeric: true, cell: (month) => formatHours(month.mspHours) },
    { header: 'MSP cost', numeric: true, cell: (month) => (month.mspCost === null ? 'no contract' : formatMoney(month.mspCost, currency)) },
    { header: 'A hire', numeric: true, cell: (month) => formatMoney(month.hireCost, currency) },
    { header: 'Net hours back', numeric: true, cell: (month) => formatHours(month.netReclaimedHours) },
    { header: 'Their value', numeric: true, cell: (month) => formatMoney(month.reclaimedValue, currency) },
  ];
  return (
    <DataTable
      labelledBy="cost-title"
      columns={columns}
      rows={cost.months}
      rowKey={(month) => month.month}
      foot={cost.years.map((year) => (
        <tr key={year.year} className="total-row">
          <th scope="row">
            {year.year}
            {year.partial && (
              <div className="figure-note">
                {year.monthCount === 1 ? formatMonth(year.firstMonth) : `${formatMonth(year.firstMonth)} – ${formatMonth(year.lastMonth)}`} so far
              </div>
            )}
          </th>
          <td className="number" />
          <td className="number">{formatMoney(year.mspCost, currency)}</td>
          <td className="number">{formatMoney(year.hireCost, currency)}</td>
          <td className="number">{formatHours(year.netReclaimedHours)}</td>
          <td className="number">{formatMoney(year.reclaimedValue, currency)}</td>
        </tr>
      ))}
    />
  );
}
