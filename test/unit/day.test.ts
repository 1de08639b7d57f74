import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysBetween, isLocalDay, startOfWeek } from '../../shared/domain/day';

describe('local days', () => {
  it.each([
    ['2026-11-22', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-5', false],
    ['22/11/2026', false],
    ['', false],
  ])('isLocalDay(%j) is %s', (text, expected) => {
    expect(isLocalDay(text)).toBe(expected);
  });

  it('adding days crosses month, year and DST boundaries as plain calendar arithmetic', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-25', -1)).toBe('2026-10-24');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('days between is whole calendar days whatever the clocks do', () => {
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-11-22', '2026-11-15')).toBe(-7);
  });

  it('a week starts on the configured day', () => {
    expect(dayOfWeek('2026-11-22')).toBe(0);
    expect(startOfWeek('2026-11-22', 1)).toBe('2026-11-16');
    expect(startOfWeek('2026-11-16', 1)).toBe('2026-11-16');
    expect(startOfWeek('2026-11-22', 0)).toBe('2026-11-22');
    expect(startOfWeek('2026-11-21', 6)).toBe('2026-11-21');
    expect(startOfWeek('2026-11-20', 6)).toBe('2026-11-14');
  });
});
