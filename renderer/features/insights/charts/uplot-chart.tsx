import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { labelStep } from '../chart-data';
import { readChartTheme, useThemeName, type ChartTheme } from './chart-theme';

/** What one chart draws: a bar per x (0 … bars − 1), its series and y axes, and how to name each bar on the axis. */
export interface ChartSpec {
  labels: readonly string[];
  series: uPlot.Series[];
  /** One column per series, aligned with `labels`. */
  data: (number | null)[][];
  /** The y scales (the x scale is the bars'). */
  scales?: uPlot.Scales;
  /** The y axes: colours, grid and font are filled in from the theme. */
  axes: uPlot.Axis[];
  /** Drawn over the series (delegation marks). */
  draw?: (chart: uPlot) => void;
}

interface UPlotChartProps {
  /** The chart's accessible name; the table view holds its numbers. */
  label: string;
  /** Builds the chart for the theme on screen; a new function (new data) draws it afresh. */
  build: (theme: ChartTheme) => ChartSpec;
  /** What the tooltip says about bar `index`. */
  tooltip: (index: number) => ReactNode;
  height?: number;
}

/** Bars, grouped bars and lines share this: bars sit on whole x values, half a slot of room either side. */
export const barsPath = (size = 0.72) => uPlot.paths.bars!({ size: [size, 56, 1], align: 0 });

/** A bar `width` slots wide starting `offset` from its x: two stacks side by side (hers, the MSP's). */
export const groupedBarsPath = (offset: number, width: number) =>
  uPlot.paths.bars!({
    disp: {
      x0: { unit: 1 as uPlot.Series.BarsPathBuilderFacetUnit, values: (chart) => (chart.data[0] as number[]).map((x) => x + offset) },
      size: { unit: 1 as uPlot.Series.BarsPathBuilderFacetUnit, values: (chart) => (chart.data[0] as number[]).map(() => width) },
    },
  });

/**
 * A uPlot canvas chart that fills its container's width: built with the theme's colours and built
 * again when the theme changes, resized with its container, with a tooltip on hover and on the
 * arrow keys (focus the chart, then ← → Home End). The canvas itself is hidden from assistive
 * technology: the chart's name says what it shows and its table view gives the numbers.
 */
export function UPlotChart({ label, build, tooltip, height = 260 }: UPlotChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const [hover, setHover] = useState<{ index: number; left: number; top: number; flip: boolean } | null>(null);
  const [announced, setAnnounced] = useState<number | null>(null);
  const themeName = useThemeName();
  const hintId = useId();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const theme = readChartTheme();
    const spec = build(theme);
    const bars = spec.labels.length;
    const axisDefaults = { stroke: theme.muted, font: theme.font, ticks: { stroke: theme.grid, width: 1, size: 4 }, grid: { stroke: theme.grid, width: 1 } };
    const options: uPlot.Options = {
      width: element.clientWidth || 640,
      height,
      legend: { show: false },
      cursor: { y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: false, range: [-0.5, Math.max(bars, 1) - 0.5] }, ...spec.scales },
      axes: [
        {
          ...axisDefaults,
          grid: { show: false },
          size: 34,
          splits: (self) => {
            const step = labelStep(bars, self.bbox.width / (window.devicePixelRatio || 1), 72);
            return spec.labels.map((_, index) => index).filter((index) => (bars - 1 - index) % step === 0);
          },
          values: (_self, splits) => splits.map((index) => spec.labels[index] ?? ''),
        },
        ...spec.axes.map((axis) => ({ ...axisDefaults, ...axis, grid: axis.grid ?? axisDefaults.grid })),
      ],
      series: [{}, ...spec.series],
      hooks: {
        setCursor: [
          (self) => {
            const index = self.cursor.idx;
            if (index === null || index === undefined || self.cursor.left === undefined || self.cursor.left < 0) return setHover(null);
            const ratio = window.devicePixelRatio || 1;
            const left = self.bbox.left / ratio + self.valToPos(index, 'x');
            // Past the middle, the tooltip opens to the left of the cursor so it never leaves the chart.
            setHover({ index, left, top: self.bbox.top / ratio, flip: left > self.width / 2 });
          },
        ],
        draw: spec.draw ? [spec.draw] : [],
      },
    };
    const data = [spec.labels.map((_, index) => index), ...spec.data] as uPlot.AlignedData;
    const instance = new uPlot(options, data, element);
    chart.current = instance;
    const resize = new ResizeObserver(() => {
      if (element.clientWidth > 0) instance.setSize({ width: element.clientWidth, height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.destroy();
      chart.current = null;
      setHover(null);
    };
  }, [build, height, themeName]);

  const moveTo = (index: number) => {
    const instance = chart.current;
    if (!instance) return;
    const bars = (instance.data[0] as number[]).length;
    if (bars === 0) return;
    const clamped = Math.min(bars - 1, Math.max(0, index));
    instance.setCursor({ left: instance.valToPos(clamped, 'x'), top: 8 });
    setAnnounced(clamped);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const bars = chart.current ? (chart.current.data[0] as number[]).length : 0;
    const current = hover?.index ?? (event.key === 'ArrowLeft' ? bars : -1);
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: bars - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  };

  const onBlur = () => {
    chart.current?.setCursor({ left: -10, top: -10 });
    setAnnounced(null);
  };

  return (
    <div className="chart-frame">
      <div
        ref={container}
        className="chart-canvas"
        role="group"
        aria-roledescription="chart"
        aria-label={label}
        aria-describedby={hintId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <span id={hintId} className="visually-hidden">
        Use the left and right arrow keys to read the chart bar by bar; the table view lists every figure.
      </span>
      {hover !== null && (
        <div className={`chart-tooltip${hover.flip ? ' chart-tooltip-left' : ''}`} style={{ left: hover.left, top: hover.top }} aria-hidden="true">
          {tooltip(hover.index)}
        </div>
      )}
      <div className="visually-hidden" aria-live="polite">
        {announced !== null && tooltip(announced)}
      </div>
    </div>
  );
}

/** A tooltip's lines: a swatch, what it is, and the figure. */
export function TooltipRows({ title, rows }: { title: string; rows: { key: string; label: string; value: string; swatch?: ReactNode }[] }) {
  return (
    <>
      <div className="chart-tooltip-title">{title}</div>
      <table className="chart-tooltip-rows">
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.swatch}
                {row.label}
              </th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
