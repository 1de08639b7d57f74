import type { InsightsCost, InsightsDelegation, InsightsView, YearCost } from '../../../shared/api/views';
import { DataTable, type Column } from '../../ui/data-table';
import { formatHours, formatMoney } from '../../ui/format-figures';
import { useTime } from '../../ui/time';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { Figure } from '../msp/what-if';

/** Since the first delegation, every category: gross, delivered, oversight, net and its value. */
export function ReclaimedFigures({ view }: { view: InsightsView }) {
  const { byId } = useCategories();
  const { totals, oversightShare, delegations } = view.reclaimed;
  const missing = delegations.filter((delegation) => delegation.baselineSource === 'missing');
  return (
    <>
      {missing.length > 0 && (
        <div className="notice" role="alert">
          <span>
            {[...new Set(missing.map((delegation) => byId.get(delegation.categoryId)?.name ?? 'A category'))].join(', ')} {missing.length === 1 ? 'has' : 'have'} no
            baseline: no logged hours before the delegation and no estimate, so nothing can be reclaimed there. Add an estimate in MSP → Delegation.
          </span>
        </div>
      )}
      <div className="figures">
        <Figure label="Reclaimed (gross)" value={formatHours(totals.grossHours)} note="since your first delegation" />
        <Figure label="MSP hours delivered" value={formatHours(totals.mspDeliveredHours)} note="in delegated categories; not added to the above" />
        <Figure label={`Oversight (${Math.round(oversightShare * 100)} %)`} value={formatHours(totals.oversightHours)} note="managing the MSP costs you this" />
        <Figure
          label="Reclaimed (net)"
          value={formatHours(totals.netHours)}
          tone={totals.netHours < 0 ? 'negative' : undefined}
          note={`worth ${formatMoney(totals.netHours * view.cost.loadedHourlyCost, view.currency)}`}
        />
      </div>
    </>
  );
}

/** Each delegation of the categories chosen: its period, its baseline, and the hours it reclaimed. */
export function BaselinesTable({ view }: { view: InsightsView }) {
  const { byId } = useCategories();
  const { formatDay, today } = useTime();
  const columns: Column<InsightsDelegation>[] = [
    { header: 'Category', cell: (delegation) => <CategoryChip category={byId.get(delegation.categoryId)} /> },
    { header: 'Delegated', cell: (delegation) => `${formatDay(delegation.startDay)} – ${delegation.endDay ? formatDay(delegation.endDay) : 'now'}` },
    { header: 'Baseline', numeric: true, cell: (delegation) => `${formatHours(delegation.baselineHours)}/week` },
    {
      header: 'Source',
      cell: (delegation) =>
        delegation.baselineSource === 'measured' ? (
          `measured over ${delegation.baselineWeeks} week${delegation.baselineWeeks === 1 ? '' : 's'}`
        ) : delegation.baselineSource === 'estimated' ? (
          'estimated'
        ) : (
          <span className="badge badge-warning">missing</span>
        ),
    },
    { header: 'Reclaimed (gross)', numeric: true, cell: (delegation) => (delegation.startDay > today ? 'starts later' : formatHours(delegation.grossHours)) },
    { header: 'MSP delivered', numeric: true, cell: (delegation) => formatHours(delegation.mspDeliveredHours) },
    { header: 'In this range', numeric: true, cell: (delegation) => formatHours(delegation.rangeGrossHours) },
  ];
  return (
    <section aria-labelledby="baselines-title" className="stack">
      <h3 id="baselines-title">Baselines</h3>
      <DataTable
        labelledBy="baselines-title"
        columns={columns}
        rows={view.reclaimed.delegations}
        rowKey={(delegation) => delegation.id}
        empty={<p className="muted">No delegation{view.categoryIds === null ? '' : ' of these categories'} yet.</p>}
      />
      <p className="muted figure-note">Reclaimed and delivered cover each delegation from its start to today; the last column, the range shown.</p>
    </section>
  );
}

interface CostRow {
  month: string;
  index: number;
}

/** The year's label in the table's foot: "2026", with the months compared when it is not all twelve. */
function yearLabel(year: YearCost, formatMonth: (month: string) => string) {
  if (year.monthCount === 12 && !year.partial) return null;
  const months = year.monthCount === 1 ? formatMonth(year.firstMonth) : `${formatMonth(year.firstMonth)} – ${formatMonth(year.lastMonth)}`;
  return `${months}${year.partial ? ' so far' : ''}`;
}

/** The MSP's cost against a hire and the value of the hours back, every month of the range (newest first) and per year. */
export function CostTable({ cost, currency }: { cost: InsightsCost; currency: string }) {
  const { formatMonth } = useTime();
  const rows: CostRow[] = cost.months.map((month, index) => ({ month, index })).reverse();
  const money = (amount: number | null) => (amount === null ? 'no contract' : formatMoney(amount, currency));
  const columns: Column<CostRow>[] = [
    {
      header: 'Month',
      cell: ({ month, index }) => (
        <>
          {formatMonth(month)}
          {cost.notes[index] && <div className="figure-note">{cost.notes[index]}</div>}
        </>
      ),
    },
    { header: 'Included', numeric: true, cell: ({ index }) => (cost.includedHours[index] === null ? '—' : formatHours(cost.includedHours[index]!)) },
    { header: 'MSP hours', numeric: true, cell: ({ index }) => formatHours(cost.usedHours[index]!) },
    { header: 'Overage', numeric: true, cell: ({ index }) => formatHours(cost.overageHours[index]!) },
    { header: 'MSP cost', numeric: true, cell: ({ index }) => money(cost.mspCost[index]!) },
    { header: 'A hire', numeric: true, cell: () => formatMoney(cost.hireMonthlyCost, currency) },
    { header: 'Net hours back', numeric: true, cell: ({ index }) => formatHours(cost.netReclaimedHours[index]!), cellClassName: ({ index }) => (cost.netReclaimedHours[index]! < 0 ? 'negative' : undefined) },
    { header: 'Their value', numeric: true, cell: ({ index }) => formatMoney(cost.reclaimedValue[index]!, currency) },
  ];
  return (
    <section aria-labelledby="cost-title" className="stack">
      <h3 id="cost-title">MSP cost against a hire</h3>
      <p className="muted">
        Your loaded hourly cost is {formatMoney(cost.loadedHourlyCost, currency, 2)}; a hire would cost {formatMoney(cost.hireAnnualCost, currency)} a year with overhead.
        A week’s hours count in the months its in-force working days fall in.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="MSP cost against a hire, as a table">
        <DataTable
          labelledBy="cost-title"
          columns={columns}
          rows={rows}
          rowKey={({ month }) => month}
          empty={<p className="muted">No contract or delegation in this range yet.</p>}
          foot={[...cost.years].reverse().map((year) => {
            const label = yearLabel(year, formatMonth);
            return (
              <tr key={year.year} className="total-row">
                <th scope="row">
                  {year.year}
                  {label && <div className="figure-note">{label}</div>}
                </th>
                <td className="number" />
                <td className="number" />
                <td className="number" />
                <td className="number">{formatMoney(year.mspCost, currency)}</td>
                <td className="number">{formatMoney(year.hireCost, currency)}</td>
                <td className="number">{formatHours(year.netReclaimedHours)}</td>
                <td className="number">{formatMoney(year.reclaimedValue, currency)}</td>
              </tr>
            );
          })}
        />
      </div>
    </section>
  );
}
