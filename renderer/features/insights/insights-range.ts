import { addDays, startOfWeek, type LocalDay } from '../../../shared/domain/day';

/** The ranges Insights offers; `custom` is any from–to she types. */
export type RangePreset = 'weeks' | 'quarter' | 'year' | 'all' | 'custom';

export const RANGE_PRESETS: readonly { preset: Exclude<RangePreset, 'custom'>; label: string }[] = [
  { preset: 'weeks', label: 'Last 12 weeks' },
  { preset: 'quarter', label: 'This quarter' },
  { preset: 'year', label: 'This year' },
  { preset: 'all', label: 'All time' },
];

/** What `insights:charts` is asked for: `from: null` is all time (from her first day with data). */
export interface InsightsRange {
  from: LocalDay | null;
  to: LocalDay;
}

/**
 * A preset's days, up to today: the 12 weeks that end with this one (by her week start), the
 * calendar quarter and year so far, or all of it. Quarter and year are calendar periods, so a
 * month-end review compares like with like; the 12 weeks roll.
 */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: LocalDay, weekStartsOn: number): InsightsRange {
  switch (preset) {
    case 'weeks':
      return { from: addDays(startOfWeek(today, weekStartsOn), -7 * 11), to: today };
    case 'quarter': {
      const month = Number(today.slice(5, 7));
      const first = month - ((month - 1) % 3);
      return { from: `${today.slice(0, 4)}-${String(first).padStart(2, '0')}-01`, to: today };
    }
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'all':
      return { from: null, to: today };
  }
}
