import { describe, expect, it } from 'vitest';
import { presetRange } from '../../renderer/features/insights/insights-range';
import { barEnd, cumulative, dayPosition, heatLevel, labelStep, share, splitAt, stackTops } from '../../renderer/features/insights/chart-data';

describe('the Insights ranges', () => {
  // Monday 16 November 2026, weeks starting Monday.
  it('are the 12 weeks ending with this one, the calendar quarter and year so far, or all time', () => {
    expect(presetRange('weeks', '2026-11-16', 1)).toStrictEqual({ from: '2026-08-31', to: '2026-11-16' });
    expect(presetRange('quarter', '2026-11-16', 1)).toStrictEqual({ from: '2026-10-01', to: '2026-11-16' });
    expect(presetRange('quarter', '2026-03-31', 1)).toStrictEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetRange('year', '2026-11-16', 1)).toStrictEqual({ from: '2026-01-01', to: '2026-11-16' });
    expect(presetRange('all', '2026-11-16', 1)).toStrictEqual({ from: null, to: '2026-11-16' });
  });

  it('count the 12 weeks by her week start', () => {
    // Sunday starts: the week of Sun Nov 15, and 11 before it.
    expect(presetRange('weeks', '2026-11-16', 0)).toStrictEqual({ from: '2026-08-30', to: '2026-11-16' });
  });
});

describe('the chart helpers', () => {
  it('give no share for a week with no hours, rather than 0 %', () => {
    expect(share(3, 12)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
  });

  it('sum running totals and the tops of stacked layers', () => {
    expect(cumulative([2, -1, 3])).toStrictEqual([2, 1, 4]);
    expect(stackTops([[1, 2], [3, 0], [0.5, 4]])).toStrictEqual([[1, 2], [4, 2], [4.5, 6]]);
  });

  it('split a bar at capacity or the included hours', () => {
    expect(splitAt(47.5, 40)).toStrictEqual({ within: 40, over: 7.5 });
    expect(splitAt(12, 40)).toStrictEqual({ within: 12, over: 0 });
    expect(splitAt(12, null)).toStrictEqual({ within: 12, over: 0 });
  });

  it('space axis labels at least the given pixels apart', () => {
    expect(labelStep(12, 960, 64)).toBe(1);
    expect(labelStep(104, 960, 64)).toBe(7);
    expect(labelStep(1, 960, 64)).toBe(1);
  });

  it('place a day inside its week or month, and nowhere outside the bars', () => {
    const weeks = ['2026-06-22', '2026-06-29', '2026-07-06'];
    expect(dayPosition('2026-06-29', weeks, 'week')).toBe(0.5);
    // Wednesday: two days into the week of Jun 29.
    expect(dayPosition('2026-07-01', weeks, 'week')).toBeCloseTo(0.5 + 2 / 7, 12);
    expect(dayPosition('2026-07-13', weeks, 'week')).toBeNull();
    expect(dayPosition('2026-06-21', weeks, 'week')).toBeNull();
    expect(dayPosition('2026-02-15', ['2026-01-01', '2026-02-01'], 'month')).toBeCloseTo(0.5 + 14 / 28, 12);
    expect(barEnd('2024-02-01', 'month')).toBe('2024-02-29');
    expect(barEnd('2026-12-01', 'month')).toBe('2026-12-31');
  });

  it('shade heatmap cells by their share of the fullest, and leave empty ones blank', () => {
    expect(heatLevel(0, 5)).toBe(0);
    expect(heatLevel(5, 5)).toBe(1);
    expect(heatLevel(2.5, 5)).toBeCloseTo(0.56, 12);
  });
});
