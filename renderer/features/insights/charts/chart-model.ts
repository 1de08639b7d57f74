import type uPlot from 'uplot';
import type { InsightsView } from '../../../../shared/api/views';
import type { Category } from '../../../../shared/domain/types';
import { axisLabel, barName } from '../chart-data';

/** What every chart of one Insights view shares: its bars' names and its categories in her order. */
export interface ChartModel {
  view: InsightsView;
  axisLabels: string[];
  barNames: string[];
  /** The categories with hours in the range, in her category order. */
  categories: { id: number; name: string; colour: string; herHours: number[]; mspHours: number[] }[];
  /** True while she has chosen some categories. */
  filtered: boolean;
  /** "week" or "month": what one bar is. */
  unit: string;
}

export function chartModel(view: InsightsView, byId: ReadonlyMap<number, Category>): ChartModel {
  const order = (id: number) => byId.get(id)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
  return {
    view,
    axisLabels: view.starts.map((start, index) => axisLabel(start, view.bucket, index === 0 ? null : view.starts[index - 1]!)),
    barNames: view.starts.map((start) => barName(start, view.bucket)),
    categories: [...view.categories]
      .sort((a, b) => order(a.categoryId) - order(b.categoryId) || a.categoryId - b.categoryId)
      .map((entry) => ({
        id: entry.categoryId,
        name: byId.get(entry.categoryId)?.name ?? `Category ${entry.categoryId}`,
        colour: byId.get(entry.categoryId)?.color ?? '#64748b',
        herHours: entry.herHours,
        mspHours: entry.mspHours,
      })),
    filtered: view.categoryIds !== null,
    unit: view.bucket,
  };
}

/** A y scale from zero (or below, for negative values) to a little above the highest value. */
export const fromZero: uPlot.Scale = {
  range: (_chart, min, max) => [Math.min(0, min ?? 0), Math.max(max ?? 0, 1) * 1.06],
};

/** A y scale for shares: 0 – 100 %. */
export const wholeShare: uPlot.Scale = { range: [0, 1] };

export const hoursAxis = (scale = 'y'): uPlot.Axis => ({ scale, size: 52, values: (_chart, splits) => splits.map((value) => `${Math.round(value * 10) / 10} h`) });

export const shareAxis: uPlot.Axis = { scale: 'y', size: 52, values: (_chart, splits) => splits.map((value) => `${Math.round(value * 100)} %`) };

export const hidden = { show: false } as const;
