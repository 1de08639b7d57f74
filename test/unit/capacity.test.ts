import { describe, expect, it } from 'vitest';
import {
  capacityHours,
  isDayOff,
  isWorkingDay,
  weekCapacityHours,
  weekDays,
  workingWindow,
  type CapacitySettings,
} from '../../shared/domain/capacity';

/*
 * PRODUCT.md "Capacity": working days and a daily working window (default Mon–Fri, 08:00–17:00),
 * hours per working day (default 8), time off has capacity 0, weekly capacity = the sum over the
 * week's days. Weekdays: 2026-11-16 is a Monday; 2026-03-08 and 2026-11-01 are the US
 * spring-forward and fall-back Sundays. Chicago is UTC−6 in winter (CST) and UTC−5 in summer (CDT).
 */

const DEFAULTS: CapacitySettings = {
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  workdayStart: '08:00',
  workdayEnd: '17:00',
  hoursPerDay: 8,
};
const CHICAGO = 'America/Chicago';

describe('capacity', () => {
  it('a working day is one of the configured weekdays, whatever time off says', () => {
    expect(isWorkingDay(DEFAULTS, '2026-11-20')).toBe(true);
    expect(isWorkingDay(DEFAULTS, '2026-11-21')).toBe(false);
    expect(isWorkingDay(DEFAULTS, '2026-11-22')).toBe(false);
    expect(isWorkingDay({ workingDays: [0, 6] }, '2026-11-22')).toBe(true);
  });

  it('time-off ranges include both their first and last day', () => {
    const timeOff = [{ startDay: '2026-11-23', endDay: '2026-11-25' }];
    expect(isDayOff(timeOff, '2026-11-22')).toBe(false);
    expect(isDayOff(timeOff, '2026-11-23')).toBe(true);
    expect(isDayOff(timeOff, '2026-11-25')).toBe(true);
    expect(isDayOff(timeOff, '2026-11-26')).toBe(false);
    expect(isDayOff([], '2026-11-23')).toBe(false);
  });

  it('a working day has hours per day of capacity; a non-working day and a day off have 0', () => {
    const timeOff = [{ startDay: '2026-11-18', endDay: '2026-11-18' }];
    expect(capacityHours(DEFAULTS, '2026-11-16', timeOff)).toBe(8);
    expect(capacityHours({ ...DEFAULTS, hoursPerDay: 6 }, '2026-11-16', timeOff)).toBe(6);
    expect(capacityHours(DEFAULTS, '2026-11-18', timeOff)).toBe(0);
    expect(capacityHours(DEFAULTS, '2026-11-21', timeOff)).toBe(0);
  });

  it('a week is the seven days from its first day, across a month end', () => {
    expect(weekDays('2026-11-30')).toEqual([
      '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06',
    ]);
  });

  it('weekly capacity is the sum over the week: 5 × 8 h = 40 h, less 8 h per day off', () => {
    expect(weekCapacityHours(DEFAULTS, '2026-11-16', [])).toBe(40);
    expect(weekCapacityHours(DEFAULTS, '2026-11-16', [{ startDay: '2026-11-18', endDay: '2026-11-18' }])).toBe(32);
    // Fri 11-20 to Mon 11-23 off: only Friday is in the week of 11-16, and the weekend has no capacity anyway.
    expect(weekCapacityHours(DEFAULTS, '2026-11-16', [{ startDay: '2026-11-20', endDay: '2026-11-23' }])).toBe(32);
  });

  it('a Sunday-start week sums its own seven days: Thanksgiving Thu–Fri off leaves Mon–Wed, 24 h', () => {
    const sundayWeeks = { ...DEFAULTS, weekStartsOn: 0 };
    expect(weekCapacityHours(sundayWeeks, '2026-11-22', [{ startDay: '2026-11-26', endDay: '2026-11-27' }])).toBe(24);
  });

  it('the working window is the day’s 08:00–17:00 in her zone, in winter and in summer time', () => {
    expect(workingWindow(DEFAULTS, '2026-11-16', CHICAGO)).toEqual({
      start: Date.UTC(2026, 10, 16, 14, 0),
      end: Date.UTC(2026, 10, 16, 23, 0),
    });
    expect(workingWindow(DEFAULTS, '2026-07-15', CHICAGO)).toEqual({
      start: Date.UTC(2026, 6, 15, 13, 0),
      end: Date.UTC(2026, 6, 15, 22, 0),
    });
    expect(workingWindow(DEFAULTS, '2026-11-16', 'Europe/Berlin')).toEqual({
      start: Date.UTC(2026, 10, 16, 7, 0),
      end: Date.UTC(2026, 10, 16, 16, 0),
    });
  });

  it('a window across the spring-forward jump lasts an hour less: 01:00–05:00 on 2026-03-08 is 3 h', () => {
    const window = workingWindow({ workdayStart: '01:00', workdayEnd: '05:00' }, '2026-03-08', CHICAGO);
    expect(window).toEqual({ start: Date.UTC(2026, 2, 8, 7, 0), end: Date.UTC(2026, 2, 8, 10, 0) });
    expect((window.end - window.start) / 60_000).toBe(180);
  });

  it('a window edge inside the spring-forward gap moves forward: 02:30 on 2026-03-08 is 03:30 CDT', () => {
    const window = workingWindow({ workdayStart: '02:30', workdayEnd: '17:00' }, '2026-03-08', CHICAGO);
    expect(window.start).toBe(Date.UTC(2026, 2, 8, 8, 30));
  });

  it('a window across the fall-back hour lasts an hour more: 00:30–03:00 on 2026-11-01 is 3 h 30 min', () => {
    const window = workingWindow({ workdayStart: '00:30', workdayEnd: '03:00' }, '2026-11-01', CHICAGO);
    expect(window).toEqual({ start: Date.UTC(2026, 10, 1, 5, 30), end: Date.UTC(2026, 10, 1, 9, 0) });
    expect((window.end - window.start) / 60_000).toBe(210);
  });
});
