import { useCallback, useMemo, type ReactNode } from 'react';
import type { InsightsCost } from '../../../../shared/api/views';
import { formatHours, formatMoney } from '../../../ui/format-figures';
import { axisLabel, barName, formatMoneyAxis, stackTops } from '../chart-data';
import { ChartCard, Swatch } from './chart-card';
import { fromZero, hidden, hoursAxis } from './chart-model';
import type { ChartTheme } from './chart-theme';
import { barsPath, TooltipRows, UPlotChart } from './uplot-chart';
import { bar, line } from './workload-charts';

/**
 * 6. The MSP contract month by month: hours used against the hours included (overage in the
 * overtime colour), and what the MSP cost against a hire. Every MSP hour counts, whatever the
 * category filter: the contract does not split by category. The cost table after it holds the numbers.
 */
export function ContractChart({ cost, currency, table }: { cost: InsightsCost; currency: string; table: ReactNode }) {
  const labels = useMemo(() => cost.months.map((month, index) => axisLabel(`${month}-01`, 'month', index === 0 ? null : `${cost.months[index - 1]!}-01`)), [cost.months]);
  const names = cost.months.map((month) => barName(`${month}-01`, 'month'));

  const hoursChart = useCallback(
    (theme: ChartTheme) => {
      const within = cost.usedHours.map((hours, index) => hours - cost.overageHours[index]!);
      const [withinTop, overTop] = stackTops([within, cost.overageHours]);
      return {
        labels,
        series: [bar(theme.overtime, barsPath(), 'Overage'), bar(theme.msp, barsPath(), 'Used within the contract'), line(theme.included, 'Included', { dash: [6, 4], points: hidden })],
        data: [overTop!, withinTop!, cost.includedHours],
        scales: { y: fromZero },
        axes: [hoursAxis()],
      };
    },
    [cost, labels],
  );
  const moneyChart = useCallback(
    (theme: ChartTheme) => ({
      labels,
      series: [bar(theme.msp, barsPath(), 'MSP cost'), line(theme.hire, 'A hire', { dash: [6, 4], points: hidden })],
      data: [cost.mspCost, cost.months.map(() => cost.hireMonthlyCost)],
      scales: { y: fromZero },
      axes: [{ scale: 'y', size: 60, values: (_chart: unknown, splits: number[]) => splits.map((amount) => formatMoneyAxis(amount, currency)) }],
    }),
    [cost, labels, currency],
  );

  const hoursTooltip = (index: number) => (
    <TooltipRows
      title={names[index]!}
      rows={[
        { key: 'used', label: 'Used', value: formatHours(cost.usedHours[index]!), swatch: <Swatch colour="var(--chart-msp)" /> },
        { key: 'included', label: 'Included', value: cost.includedHours[index] === null ? 'no contract' : formatHours(cost.includedHours[index]!), swatch: <Swatch colour="var(--chart-included)" kind="dashed" /> },
        { key: 'overage', label: 'Overage', value: formatHours(cost.overageHours[index]!), swatch: <Swatch colour="var(--chart-overtime)" /> },
      ]}
    />
  );
  const moneyTooltip = (index: number) => (
    <TooltipRows
      title={names[index]!}
      rows={[
        { key: 'msp', label: 'MSP cost', value: cost.mspCost[index] === null ? 'no contract' : formatMoney(cost.mspCost[index]!, currency), swatch: <Swatch colour="var(--chart-msp)" /> },
        { key: 'hire', label: 'A hire', value: formatMoney(cost.hireMonthlyCost, currency), swatch: <Swatch colour="var(--chart-hire)" kind="dashed" /> },
        { key: 'back', label: 'Net hours back', value: `${formatHours(cost.netReclaimedHours[index]!)} (${formatMoney(cost.reclaimedValue[index]!, currency)})`, swatch: <span className="swatch swatch-none" /> },
      ]}
    />
  );

  return (
    <ChartCard
      title="The MSP contract: hours included and used, and the cost against a hire"
      description="Every MSP hour counts here, whatever the category filter: the contract does not split by category."
      empty={cost.months.length === 0 ? <p className="muted">Add the MSP’s contract (MSP → Contract) to see its hours and cost against a hire here.</p> : undefined}
      className="contract-card"
    >
      <div className="chart-pair">
        <div>
          <h4 className="chart-subtitle">Hours per month</h4>
          <ul className="chart-legend" aria-label="Legend">
            <li><Swatch colour="var(--chart-msp)" />Used within the contract</li>
            <li><Swatch colour="var(--chart-overtime)" />Overage</li>
            <li><Swatch colour="var(--chart-included)" kind="dashed" />Included</li>
          </ul>
          <UPlotChart label="MSP hours per month, used against included" build={hoursChart} tooltip={hoursTooltip} height={220} />
        </div>
        <div>
          <h4 className="chart-subtitle">Cost per month</h4>
          <ul className="chart-legend" aria-label="Legend">
            <li><Swatch colour="var(--chart-msp)" />The MSP</li>
            <li><Swatch colour="var(--chart-hire)" kind="dashed" />A hire, with overhead</li>
          </ul>
          <UPlotChart label="MSP cost per month against the cost of a hire" build={moneyChart} tooltip={moneyTooltip} height={220} />
        </div>
      </div>
      {table}
    </ChartCard>
  );
}
