import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { Column } from '../../../ui/data-table';
import { formatHours } from '../../../ui/format-figures';
import { useTime } from '../../../ui/time';
import { cumulative, dayPosition } from '../chart-data';
import { ChartCard, Swatch, type LegendItem } from './chart-card';
import { fromZero, hoursAxis, type ChartModel } from './chart-model';
import type { ChartTheme } from './chart-theme';
import { barsPath, TooltipRows, UPlotChart } from './uplot-chart';
import { bar, ChartTable, line, type BarRow } from './workload-charts';

interface Mark {
  position: number;
  index: number;
  kind: 'start' | 'end';
  text: string;
}

/** 3. Hours reclaimed per bar, gross and net of oversight, their running totals, and where delegations start and end. */
export function ReclaimedChart({ model }: { model: ChartModel; categoryName?: (id: number) => string }) {
  const { view } = model;
  const { formatDay } = useTime();
  const gross = view.series.grossReclaimedHours;
  const net = view.series.netReclaimedHours;
  const totals = useMemo(() => ({ gross: cumulative(gross), net: cumulative(net) }), [gross, net]);
  const names = useMemo(() => new Map(model.categories.map((category) => [category.id, category.name])), [model.categories]);
  const marks = useMemo<Mark[]>(
    () =>
      view.delegationMarks.flatMap((mark) => {
        const at = dayPosition(mark.day, view.starts, view.bucket);
        if (at === null) return [];
        const slot = view.bucket === 'week' ? 1 / 7 : 1 / 30;
        const name = names.get(mark.categoryId) ?? 'A category';
        return [
          {
            position: mark.kind === 'start' ? at : at + slot,
            index: Math.round(at + 0.5 - 1e-9),
            kind: mark.kind,
            text: mark.kind === 'start' ? `${name} delegated ${formatDay(mark.day)}` : `${name} back after ${formatDay(mark.day)}`,
          },
        ];
      }),
    [view.delegationMarks, view.starts, view.bucket, names, formatDay],
  );
  const title = `Hours reclaimed per ${model.unit}, and in all`;

  const build = useCallback(
    (theme: ChartTheme) => ({
      labels: model.axisLabels,
      series: [
        bar(theme.gross, barsPath(0.72), 'Gross'),
        bar(theme.net, barsPath(0.36), 'Net'),
        line(theme.gross, 'Gross in all', { scale: 'total', dash: [6, 3], points: { show: false } }),
        line(theme.net, 'Net in all', { scale: 'total', points: { show: false } }),
      ] satisfies uPlot.Series[],
      data: [gross, net, totals.gross, totals.net],
      scales: { y: fromZero, total: fromZero },
      axes: [hoursAxis(), { ...hoursAxis('total'), side: 1, grid: { show: false } }],
      draw: (chart: uPlot) => {
        const ratio = window.devicePixelRatio || 1;
        const context = chart.ctx;
        context.save();
        marks.forEach((mark, order) => {
          const x = Math.round(chart.valToPos(mark.position, 'x', true));
          context.strokeStyle = theme.mark;
          context.lineWidth = 1.5 * ratio;
          context.setLineDash(mark.kind === 'start' ? [5 * ratio, 3 * ratio] : [1.5 * ratio, 3 * ratio]);
          context.beginPath();
          context.moveTo(x, chart.bbox.top);
          context.lineTo(x, chart.bbox.top + chart.bbox.height);
          context.stroke();
          context.setLineDash([]);
          context.fillStyle = theme.text;
          context.font = `${11 * ratio}px ${theme.font.replace(/^\d+px /, '')}`;
          const text = mark.kind === 'start' ? `▸ ${mark.text.split(' delegated')[0]}` : `◂ ${mark.text.split(' back')[0]}`;
          const width = context.measureText(text).width;
          const right = x + 4 * ratio + width > chart.bbox.left + chart.bbox.width;
          context.fillText(text, right ? x - 4 * ratio - width : x + 4 * ratio, chart.bbox.top + (12 + 13 * (order % 3)) * ratio);
        });
        context.restore();
      },
    }),
    [model.axisLabels, gross, net, totals, marks],
  );

  const marksIn = (index: number) => marks.filter((mark) => mark.index === index);
  const tooltip = (index: number) => (
    <TooltipRows
      title={model.barNames[index]!}
      rows={[
        { key: 'gross', label: 'Gross', value: formatHours(gross[index]!), swatch: <Swatch colour="var(--chart-gross)" /> },
        { key: 'net', label: 'Net of oversight', value: formatHours(net[index]!), swatch: <Swatch colour="var(--chart-net)" /> },
        { key: 'total-gross', label: 'Gross in all', value: formatHours(totals.gross[index]!), swatch: <Swatch colour="var(--chart-gross)" kind="dashed" /> },
        { key: 'total-net', label: 'Net in all', value: formatHours(totals.net[index]!), swatch: <Swatch colour="var(--chart-net)" kind="line" /> },
        ...marksIn(index).map((mark, order) => ({ key: `mark-${order}`, label: mark.text, value: '', swatch: <Swatch colour="var(--chart-mark)" kind={mark.kind === 'start' ? 'dashed' : 'line'} /> })),
      ]}
    />
  );
  const legend: LegendItem[] = [
    { key: 'gross', label: 'Gross', colour: 'var(--chart-gross)' },
    { key: 'net', label: 'Net of oversight', colour: 'var(--chart-net)' },
    { key: 'total-gross', label: 'Gross in all (right axis)', colour: 'var(--chart-gross)', kind: 'dashed' },
    { key: 'total-net', label: 'Net in all (right axis)', colour: 'var(--chart-net)', kind: 'line' },
    ...(marks.length > 0 ? [{ key: 'marks', label: 'A delegation starts (▸) or ends (◂)', colour: 'var(--chart-mark)', kind: 'dashed' as const }] : []),
  ];
  const columns: Column<BarRow>[] = [
    { header: 'Gross', numeric: true, cell: ({ index }) => formatHours(gross[index]!) },
    { header: 'Net', numeric: true, cell: ({ index }) => formatHours(net[index]!), cellClassName: ({ index }) => (net[index]! < 0 ? 'negative' : undefined) },
    { header: 'Gross in all', numeric: true, cell: ({ index }) => formatHours(totals.gross[index]!) },
    { header: 'Net in all', numeric: true, cell: ({ index }) => formatHours(totals.net[index]!) },
    { header: 'Delegations', cell: ({ index }) => marksIn(index).map((mark) => mark.text).join('; ') },
  ];
  const nothing = gross.every((hours) => hours === 0) && net.every((hours) => hours === 0) && marks.length === 0;
  return (
    <ChartCard
      title={title}
      description="Against each delegation’s baseline; net takes off the oversight share of the MSP’s hours in delegated categories. Totals run from the start of the range."
      legend={legend}
      empty={nothing ? <p className="muted">No delegation was in force in this range{model.filtered ? ' for these categories' : ''}, so nothing was reclaimed.</p> : undefined}
      table={<ChartTable model={model} caption={title} columns={columns} />}
    >
      <UPlotChart label={title} build={build} tooltip={tooltip} />
    </ChartCard>
  );
}
