import { describe, expect, it } from 'vitest';
import { categoryTotals } from '../../shared/domain/timesheet-totals';

const row = (worker: 'me' | 'msp', categoryId: number, minutesByDay: number[]) => ({ worker, categoryId, minutesByDay, minutes: minutesByDay.reduce((a, b) => a + b, 0) });

describe('the timesheet week by category', () => {
  it('adds a category’s rows day by day, keeps her minutes and the MSP’s apart, most hours first', () => {
    const totals = categoryTotals([
      row('me', 4, [60, 0, 30, 0, 0, 0, 0]),
      row('me', 4, [0, 45, 0, 0, 0, 0, 0]),
      row('msp', 4, [0, 0, 0, 180, 0, 0, 0]),
      row('me', 2, [90, 90, 90, 90, 90, 0, 0]),
    ]);
    expect(totals).toStrictEqual([
      { categoryId: 2, minutesByDay: [90, 90, 90, 90, 90, 0, 0], herMinutes: 450, mspMinutes: 0, minutes: 450 },
      { categoryId: 4, minutesByDay: [60, 45, 30, 180, 0, 0, 0], herMinutes: 135, mspMinutes: 180, minutes: 315 },
    ]);
  });

  it('leaves out a category with only a running timer (no finished minutes), and orders ties by id', () => {
    expect(categoryTotals([row('me', 7, [0, 0, 0, 0, 0, 0, 0]), row('me', 5, [30, 0, 0, 0, 0, 0, 0]), row('msp', 3, [0, 30, 0, 0, 0, 0, 0])]).map((total) => total.categoryId)).toStrictEqual([3, 5]);
  });

  it('is empty for an empty week', () => {
    expect(categoryTotals([])).toStrictEqual([]);
  });
});
