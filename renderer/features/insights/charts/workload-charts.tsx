import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import { DataTable, type Column } from '../../../ui/data-table';
import { formatHours } from '../../../ui/format-figures';
import { formatShare, share, stackTops } from '../chart-data';
import { ChartCard, Swatch, type LegendItem } from './chart-card';
import { fromZero, hidden, hoursAxis, shareAxis, wholeShare, type ChartModel } from './chart-model';
import { stripes, type ChartTheme } from './chart-theme';
import { barsPath, groupedBarsPath, TooltipRows, UPlotChart } from './uplot-chart';

const bar = (fill: uPlot.Series['fill'], paths: uPlot.Series['paths'], label: string): uPlot.Series => ({
  label,
  fill,
  stroke: 'transparent',
  width: 0,
  paths,
  points: hidden,
});

const line = (stroke: string, label: string, options: Partial<uPlot.Series> = {}): uPlot.Series => ({
  label,
  stroke,
  width: 2,
  points: { show: true, size: 5, fill: stroke, stroke },
  ...options,
});

/** Rows of a chart's table: one per bar. */
const barRows = (model: ChartModel) => model.view.starts.map((start, index) => ({ start, index }));
type BarRow = ReturnType<typeof barRows>[number];
const barColumn = (model: ChartModel): Column<BarRow> => ({ header: model.unit === 'week' ? 'Week of' : 'Month', cell: ({ index }) => model.barNames[index]!.replace(/^Week of /, '') });

function ChartTable({ model, caption, columns }: { model: ChartModel; caption: string; columns: Column<BarRow>[] }) {
  return (
    // Scrolls sideways on a narrow window; focusable so the keyboard can scroll it too.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${caption}, as a table`}>
      <DataTable caption={caption} columns={[barColumn(model), ...columns]} rows={barRows(model)} rowKey={({ start }) => start} />
    </div>
  );
}

/** 1. Her and the MSP's hours per bar, stacked by category: hers solid on the left, the MSP's striped on the right. */
export function HoursByCategoryChart({ model }: { model: ChartModel }) {
  const { categories } = model;
  const withMsp = categories.some((category) => category.mspHours.some((hours) => hours > 0));
  const title = `Hours per ${model.unit} by category, yours and the MSP’s`;

  const build = useCallback(
    (theme: ChartTheme) => {
      const herTops = stackTops(categories.map((category) => category.herHours));
      const mspTops = stackTops(categories.map((category) => category.mspHours));
      const series: uPlot.Series[] = [];
      const data: number[][] = [];
      const herPath = withMsp ? groupedBarsPath(-0.4, 0.38) : barsPath();
      // Tallest first: each layer is drawn from zero and the next one down paints over its lower part.
      for (let k = categories.length - 1; k >= 0; k -= 1) {
        series.push(bar(categories[k]!.colour, herPath, `${categories[k]!.name}, you`));
        data.push(herTops[k]!);
      }
      if (withMsp) {
        for (let k = categories.length - 1; k >= 0; k -= 1) {
          const colour = categories[k]!.colour;
          series.push(bar(() => stripes(colour, theme.surface), groupedBarsPath(0.02, 0.38), `${categories[k]!.name}, MSP`));
          data.push(mspTops[k]!);
        }
      }
      return { labels: model.axisLabels, series, data, scales: { y: fromZero }, axes: [hoursAxis()] };
    },
    [categories, withMsp, model.axisLabels],
  );

  const tooltip = (index: number) => {
    const rows = categories
      .filter((category) => category.herHours[index]! > 0 || category.mspHours[index]! > 0)
      .map((category) => ({
        key: String(category.id),
        label: category.name,
        value: withMsp ? `${formatHours(category.herHours[index]!)} · MSP ${formatHours(category.mspHours[index]!)}` : formatHours(category.herHours[index]!),
        swatch: <Swatch colour={category.colour} />,
      }));
    rows.push({
      key: 'total',
      label: 'In all',
      value: withMsp ? `${formatHours(model.view.series.herHours[index]!)} · MSP ${formatHours(model.view.series.mspHours[index]!)}` : formatHours(model.view.series.herHours[index]!),
      swatch: <span className="swatch swatch-none" />,
    });
    return <TooltipRows title={model.barNames[index]!} rows={rows} />;
  };

  const legend: LegendItem[] = [
    ...categories.map((category) => ({ key: `her-${category.id}`, label: category.name, colour: category.colour })),
    ...(withMsp ? [{ key: 'msp', label: 'The MSP’s hours (striped, right of yours)', colour: 'var(--muted)', kind: 'stripes' as const }] : []),
  ];
  const columns: Column<BarRow>[] = [
    { header: 'You', numeric: true, cell: ({ index }) => formatHours(model.view.series.herHours[index]!) },
    { header: 'MSP', numeric: true, cell: ({ index }) => formatHours(model.view.series.mspHours[index]!) },
    ...categories.flatMap((category) => [
      { header: `${category.name}: you`, numeric: true, cell: ({ index }: BarRow) => formatHours(category.herHours[index]!) },
      ...(category.mspHours.some((hours) => hours > 0)
        ? [{ header: `${category.name}: MSP`, numeric: true, cell: ({ index }: BarRow) => formatHours(category.mspHours[index]!) }]
        : []),
    ]),
  ];
  return (
    <ChartCard
      title={title}
      description={model.filtered ? 'The categories you chose.' : 'Every category you and the MSP logged time in.'}
      legend={legend}
      empty={categories.length === 0 ? <p className="muted">No time is logged in this range{model.filtered ? ' in these categories' : ''}.</p> : undefined}
      table={<ChartTable model={model} caption={title} columns={columns} />}
    >
      <UPlotChart label={title} build={build} tooltip={tooltip} />
    </ChartCard>
  );
}

/** 2. Her total against capacity: the part over capacity in the overtime colour, after-hours as its own line. */
export function CapacityChart({ model }: { model: ChartModel }) {
  const { series } = model.view;
  const title = `Your ${model.unit}ly hours against capacity`;
  const build = useCallback(
    (theme: ChartTheme) => {
      const within = series.herTotalHours.map((hours, index) => hours - series.overtimeHours[index]!);
      const [withinTop, overTop] = stackTops([within, series.overtimeHours]);
      const chartSeries: uPlot.Series[] = [
        bar(theme.overtime, barsPath(), 'Overtime'),
        bar(theme.her, barsPath(), 'Within capacity'),
        line(theme.capacity, 'Capacity', { dash: [6, 4], points: hidden }),
        line(theme.afterHours, 'After-hours'),
      ];
      const data = [overTop!, withinTop!, series.capacityHours, series.afterHoursHours];
      if (model.filtered) {
        chartSeries.push(line(theme.text, 'In the chosen categories', { dash: [2, 3] }));
        data.push(series.herHours);
      }
      return { labels: model.axisLabels, series: chartSeries, data, scales: { y: fromZero }, axes: [hoursAxis()] };
    },
    [series, model.axisLabels, model.filtered],
  );
  const tooltip = (index: number) => (
    <TooltipRows
      title={model.barNames[index]!}
      rows={[
        { key: 'hours', label: 'Your hours', value: formatHours(series.herTotalHours[index]!), swatch: <Swatch colour="var(--chart-her)" /> },
        { key: 'capacity', label: 'Capacity', value: formatHours(series.capacityHours[index]!), swatch: <Swatch colour="var(--chart-capacity)" kind="dashed" /> },
        { key: 'overtime', label: 'Overtime', value: formatHours(series.overtimeHours[index]!), swatch: <Swatch colour="var(--chart-overtime)" /> },
        { key: 'after', label: 'After-hours', value: formatHours(series.afterHoursHours[index]!), swatch: <Swatch colour="var(--chart-after-hours)" kind="line" /> },
        ...(model.filtered ? [{ key: 'chosen', label: 'Chosen categories', value: formatHours(series.herHours[index]!), swatch: <Swatch colour="var(--text)" kind="dashed" /> }] : []),
      ]}
    />
  );
  const legend: LegendItem[] = [
    { key: 'within', label: 'Your hours within capacity', colour: 'var(--chart-her)' },
    { key: 'overtime', label: 'Overtime', colour: 'var(--chart-overtime)' },
    { key: 'capacity', label: 'Capacity', colour: 'var(--chart-capacity)', kind: 'dashed' },
    { key: 'after', label: model.filtered ? 'After-hours (chosen categories)' : 'After-hours', colour: 'var(--chart-after-hours)', kind: 'line' },
    ...(model.filtered ? [{ key: 'chosen', label: 'Your hours in the chosen categories', colour: 'var(--text)', kind: 'dashed' as const }] : []),
  ];
  const columns: Column<BarRow>[] = [
    { header: 'Your hours', numeric: true, cell: ({ index }) => formatHours(series.herTotalHours[index]!) },
    { header: 'Capacity', numeric: true, cell: ({ index }) => formatHours(series.capacityHours[index]!) },
    { header: 'Overtime', numeric: true, cell: ({ index }) => formatHours(series.overtimeHours[index]!), cellClassName: ({ index }) => (series.overtimeHours[index]! > 0 ? 'negative' : undefined) },
    { header: 'After-hours', numeric: true, cell: ({ index }) => formatHours(series.afterHoursHours[index]!) },
    ...(model.filtered ? [{ header: 'Chosen categories', numeric: true, cell: ({ index }: BarRow) => formatHours(series.herHours[index]!) }] : []),
  ];
  return (
    <ChartCard
      title={title}
      description={`Capacity and overtime count all your hours${model.unit === 'month' ? '; a month’s overtime is that of the weeks starting in it' : ''}. After-hours: outside your working window, on days off and non-working days.`}
      legend={legend}
      table={<ChartTable model={model} caption={title} columns={columns} />}
    >
      <UPlotChart label={title} build={build} tooltip={tooltip} />
    </ChartCard>
  );
}

interface ShareChartProps {
  model: ChartModel;
  title: string;
  description: string;
  /** The part whose share is drawn at the bottom (unplanned, strategic), and its name. */
  part: number[];
  partLabel: string;
  partColour: 'unplanned' | 'strategic';
  restLabel: string;
  restColour: 'planned' | 'operational';
}

/** 4 and 5: a share of her hours per bar, the part at the bottom and the rest above it; a bar she logged nothing in is left empty. */
export function ShareChart({ model, title, description, part, partLabel, partColour, restLabel, restColour }: ShareChartProps) {
  const hours = model.view.series.herHours;
  const shares = useMemo(() => hours.map((total, index) => share(part[index]!, total)), [hours, part]);
  const build = useCallback(
    (theme: ChartTheme) => ({
      labels: model.axisLabels,
      series: [bar(theme[restColour], barsPath(), restLabel), bar(theme[partColour], barsPath(), partLabel)],
      data: [shares.map((value) => (value === null ? null : 1)), shares],
      scales: { y: wholeShare },
      axes: [shareAxis],
    }),
    [model.axisLabels, shares, partColour, partLabel, restColour, restLabel],
  );
  const cssVariable = (name: string) => `var(--chart-${name})`;
  const tooltip = (index: number) => (
    <TooltipRows
      title={model.barNames[index]!}
      rows={[
        { key: 'part', label: partLabel, value: `${formatShare(shares[index]!)} · ${formatHours(part[index]!)}`, swatch: <Swatch colour={cssVariable(partColour)} /> },
        {
          key: 'rest',
          label: restLabel,
          value: shares[index] === null ? '—' : `${formatShare(1 - shares[index]!)} · ${formatHours(hours[index]! - part[index]!)}`,
          swatch: <Swatch colour={cssVariable(restColour)} />,
        },
      ]}
    />
  );
  const columns: Column<BarRow>[] = [
    { header: 'Your hours', numeric: true, cell: ({ index }) => formatHours(hours[index]!) },
    { header: partLabel, numeric: true, cell: ({ index }) => formatHours(part[index]!) },
    { header: `${partLabel} share`, numeric: true, cell: ({ index }) => formatShare(shares[index]!) },
    { header: `${restLabel} share`, numeric: true, cell: ({ index }) => formatShare(shares[index] === null ? null : 1 - shares[index]!) },
  ];
  return (
    <ChartCard
      title={title}
      description={description}
      legend={[
        { key: 'part', label: partLabel, colour: cssVariable(partColour) },
        { key: 'rest', label: restLabel, colour: cssVariable(restColour) },
      ]}
      table={<ChartTable model={model} caption={title} columns={columns} />}
    >
      <UPlotChart label={title} build={build} tooltip={tooltip} height={200} />
    </ChartCard>
  );
}

export { ChartTable, bar, line, barColumn, barRows, type BarRow };
