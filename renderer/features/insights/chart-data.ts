import { addDays, daysBetween, type LocalDay } from '../../../shared/domain/day';

/**
 * Pure helpers between the Insights view (columns per bar) and what the charts and tables draw.
 * No DOM, no uPlot: tested in test/unit/insights-chart-data.test.ts.
 */

export type Bucket = 'week' | 'month';

/** part ÷ whole, or null when there is no whole (a week she logged nothing has no share). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Running totals: [1, 2, 3] → [1, 3, 6]. */
export function cumulative(values: readonly number[]): number[] {
  let total = 0;
  return values.map((value) => (total += value));
}

/**
 * The tops of stacked layers, bottom layer first: tops[k][i] is layers 0…k summed at bar i. Bars
 * are drawn tallest first, each from zero, so every layer shows as the band between two tops.
 */
export function stackTops(layers: readonly (readonly number[])[]): number[][] {
  const tops: number[][] = [];
  layers.forEach((layer, k) => tops.push(layer.map((value, i) => value + (k === 0 ? 0 : tops[k - 1]![i]!))));
  return tops;
}

/** Splits a bar at a limit: the part up to it and the part over it (capacity and overtime; included and overage). */
export function splitAt(value: number, limit: number | null): { within: number; over: number } {
  if (limit === null) return { within: value, over: 0 };
  return { within: Math.min(value, limit), over: Math.max(0, value - limit) };
}

/** How many bars apart the axis labels go, so no two come closer than `minSpacing` pixels. */
export function labelStep(bars: number, width: number, minSpacing: number): number {
  if (bars <= 1 || width <= 0) return 1;
  return Math.max(1, Math.ceil((bars * minSpacing) / width));
}

/** The last day a bar covers: a week's seventh day, or a month's last. */
export function barEnd(start: LocalDay, bucket: Bucket): LocalDay {
  if (bucket === 'week') return addDays(start, 6);
  const [year, month] = start.split('-').map(Number) as [number, number];
  return addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
}

/**
 * Where a day sits along the bars, in bar units (bar i spans i − 0.5 … i + 0.5): the left edge of
 * the day's slot within its bar, so a delegation's first day is drawn where that day begins. Null
 * for a day outside every bar.
 */
export function dayPosition(day: LocalDay, starts: readonly LocalDay[], bucket: Bucket): number | null {
  for (let index = starts.length - 1; index >= 0; index -= 1) {
    const start = starts[index]!;
    if (day < start) continue;
    const end = barEnd(start, bucket);
    if (day > end) return null;
    return index - 0.5 + daysBetween(start, day) / (daysBetween(start, end) + 1);
  }
  return null;
}

const calendar = (day: LocalDay) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
};
const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const shortDayWithYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat(undefined, { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const longMonth = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A bar's short name on an axis: "Nov 16" (with the year where it changes), "Nov 2026". */
export function axisLabel(start: LocalDay, bucket: Bucket, previous: LocalDay | null): string {
  if (bucket === 'month') return shortMonth.format(calendar(start));
  return previous === null || previous.slice(0, 4) !== start.slice(0, 4) ? shortDayWithYear.format(calendar(start)) : shortDay.format(calendar(start));
}

/** A bar's name in a tooltip or table: "Week of November 16, 2026", "November 2026". */
export function barName(start: LocalDay, bucket: Bucket): string {
  return bucket === 'month' ? longMonth.format(calendar(start)) : `Week of ${longDay.format(calendar(start))}`;
}

/** A share as she reads it: "42 %". */
export function formatShare(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`;
}

/** Money on an axis: "$3k", "€750". */
export function formatMoneyAxis(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

/** A cell's depth of colour in the heatmap: 0 for nothing, else 0.12–1 by its share of the fullest cell. */
export function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return 0.12 + 0.88 * (value / max);
}
