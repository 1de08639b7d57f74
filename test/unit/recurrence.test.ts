import { afterEach, describe, expect, it } from 'vitest';
import { RRule } from 'rrule';
import { addDays, dayOfWeek } from '../../shared/domain/day';
import {
  describeRule,
  firstOccurrence,
  nextOccurrence,
  occurrences,
  parseRule,
  ruleProblem,
  toRRule,
  type RecurrenceRule,
} from '../../shared/domain/recurrence';

const weekly = (weekdays: ('MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU')[], start: string, interval = 1): RecurrenceRule => ({
  kind: 'weekly',
  weekdays,
  interval,
  start,
  until: null,
});

const between = (rule: RecurrenceRule, from: string, to: string) => occurrences(toRRule(rule), from, to);

describe('recurrence rules on calendar days', () => {
  it('the 3rd Wednesday of each month', () => {
    const rule: RecurrenceRule = { kind: 'monthlyNth', nth: 3, weekday: 'WE', interval: 1, start: '2026-01-01', until: null };
    expect(between(rule, '2026-01-01', '2026-06-30')).toEqual([
      '2026-01-21', '2026-02-18', '2026-03-18', '2026-04-15', '2026-05-20', '2026-06-17',
    ]);
  });

  it('the last Friday of each month, whether the month has four or five Fridays', () => {
    const rule: RecurrenceRule = { kind: 'monthlyNth', nth: -1, weekday: 'FR', interval: 1, start: '2026-01-01', until: null };
    expect(between(rule, '2026-01-01', '2026-06-30')).toEqual([
      '2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29', '2026-06-26',
    ]);
  });

  it('monthly on day 31 skips the months without a 31st, as RFC 5545 requires', () => {
    const rule: RecurrenceRule = { kind: 'monthlyDay', monthDay: 31, interval: 1, start: '2026-01-01', until: null };
    expect(between(rule, '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31',
    ]);
  });

  it('monthly on the last day lands on every month end, 28 February and 29 February in a leap year included', () => {
    const rule: RecurrenceRule = { kind: 'monthlyDay', monthDay: -1, interval: 1, start: '2027-11-01', until: null };
    expect(between(rule, '2027-11-01', '2028-04-30')).toEqual([
      '2027-11-30', '2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30',
    ]);
    expect(between({ ...rule, start: '2026-02-01' }, '2026-02-01', '2026-02-28')).toEqual(['2026-02-28']);
  });

  it('every 2 weeks on Mon and Thu, counting weeks from the week of the start day', () => {
    expect(between(weekly(['MO', 'TH'], '2026-01-05', 2), '2026-01-01', '2026-02-08')).toEqual([
      '2026-01-05', '2026-01-08', '2026-01-19', '2026-01-22', '2026-02-02', '2026-02-05',
    ]);
    // Starting on a Wednesday: that week's Thursday still counts; its Monday is before the start.
    expect(between(weekly(['TH', 'MO'], '2026-01-07', 2), '2026-01-01', '2026-01-31')).toEqual(['2026-01-08', '2026-01-19', '2026-01-22']);
  });

  it('every weekday: Monday to Friday, never the weekend', () => {
    const days = between(weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '2026-11-13'), '2026-11-01', '2026-11-20');
    expect(days).toEqual(['2026-11-13', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
  });

  it('every 3 days, and nothing after the until day (inclusive)', () => {
    const rule: RecurrenceRule = { kind: 'daily', interval: 3, start: '2026-02-26', until: '2026-03-07' };
    expect(between(rule, '2026-01-01', '2026-12-31')).toEqual(['2026-02-26', '2026-03-01', '2026-03-04', '2026-03-07']);
  });

  it('nextOccurrence finds the first day on or after a day, and stops at an end day', () => {
    const text = toRRule(weekly(['WE'], '2026-01-07'));
    expect(nextOccurrence(text, '2026-11-16')).toBe('2026-11-18');
    expect(nextOccurrence(text, '2026-11-18')).toBe('2026-11-18');
    expect(nextOccurrence(text, '2026-11-16', '2026-11-17')).toBeNull();
  });
});

describe('occurrences are calendar days that daylight-saving changes cannot move', () => {
  const originalZone = process.env.TZ;
  afterEach(() => {
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });

  /** Minutes east of UTC on a day at noon, in the process's current zone. */
  const offsetOn = (day: string) => -new Date(`${day}T12:00:00Z`).getTimezoneOffset();

  it.each([
    // America/Chicago falls back on 2026-11-01 and springs forward on 2026-03-08.
    { zone: 'America/Chicago', before: '2026-10-31', after: '2026-11-02', weekday: 'SU' as const, from: '2026-10-11', days: ['2026-10-11', '2026-10-18', '2026-10-25', '2026-11-01', '2026-11-08', '2026-11-15'] },
    { zone: 'America/Chicago', before: '2026-03-07', after: '2026-03-09', weekday: 'MO' as const, from: '2026-02-23', days: ['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16'] },
    // Europe/Berlin falls back on 2026-10-25 and springs forward on 2026-03-29.
    { zone: 'Europe/Berlin', before: '2026-10-24', after: '2026-10-26', weekday: 'SU' as const, from: '2026-10-11', days: ['2026-10-11', '2026-10-18', '2026-10-25', '2026-11-01', '2026-11-08'] },
    { zone: 'Europe/Berlin', before: '2026-03-28', after: '2026-03-30', weekday: 'MO' as const, from: '2026-03-16', days: ['2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06'] },
  ])('weekly on $weekday across the change in $zone near $after', ({ zone, before, after, weekday, from, days }) => {
    process.env.TZ = zone;
    expect(offsetOn(before), `${zone} is in effect and changes its offset`).not.toBe(offsetOn(after));

    const rule = weekly([weekday], from);
    const found = between(rule, from, days.at(-1)!);
    expect(found).toEqual(days);
    const jsWeekday = { SU: 0, MO: 1 }[weekday];
    for (const day of found) expect(dayOfWeek(day)).toBe(jsWeekday);
    expect(found.slice(1).map((day, index) => addDays(found[index]!, 7) === day)).not.toContain(false);
  });

  it('the rule text and the days are the same whatever the machine zone', () => {
    const rule = weekly(['MO', 'TH'], '2026-03-02', 2);
    process.env.TZ = 'UTC';
    const inUtc = { text: toRRule(rule), days: between(rule, '2026-03-01', '2026-11-30') };
    for (const zone of ['America/Chicago', 'Europe/Berlin', 'Pacific/Auckland']) {
      process.env.TZ = zone;
      expect({ text: toRRule(rule), days: between(rule, '2026-03-01', '2026-11-30') }).toEqual(inUtc);
    }
  });

  it('daily occurrences run through both change nights without a gap or a doubled day', () => {
    for (const zone of ['America/Chicago', 'Europe/Berlin']) {
      process.env.TZ = zone;
      const rule: RecurrenceRule = { kind: 'daily', interval: 1, start: '2026-03-01', until: null };
      expect(between(rule, '2026-10-24', '2026-11-02')).toEqual([
        '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02',
      ]);
    }
  });
});

describe('a rule that yields nothing is refused at the field to change', () => {
  it('monthly on day 31 every 12 months from February never occurs: the month day is the problem', () => {
    const rule: RecurrenceRule = { kind: 'monthlyDay', monthDay: 31, interval: 12, start: '2026-02-10', until: null };
    expect(firstOccurrence(rule)).toBeNull();
    expect(ruleProblem(rule)).toEqual({
      field: 'monthDay',
      message: expect.stringContaining('Day 31 never comes in the months this rule visits (every 12 months from February 2026)'),
    });
    expect(ruleProblem({ ...rule, monthDay: 30 })?.field).toBe('monthDay');
  });

  it('day 29 every 12 months from February is fine: it occurs in leap years', () => {
    const rule: RecurrenceRule = { kind: 'monthlyDay', monthDay: 29, interval: 12, start: '2026-02-10', until: null };
    expect(firstOccurrence(rule)).toBe('2028-02-29');
    expect(ruleProblem(rule)).toBeNull();
  });

  it('an end day before the start day', () => {
    expect(ruleProblem({ kind: 'daily', interval: 1, start: '2026-11-16', until: '2026-11-15' })).toEqual({
      field: 'until',
      message: 'The series cannot end before it starts (2026-11-16)',
    });
  });

  it('an end day before the first occurrence names the first one', () => {
    const rule: RecurrenceRule = { kind: 'monthlyNth', nth: -1, weekday: 'FR', interval: 1, start: '2026-11-02', until: '2026-11-20' };
    expect(ruleProblem(rule)).toEqual({
      field: 'until',
      message: 'No occurrence falls between 2026-11-02 and 2026-11-20; the first would be 2026-11-27. Move the end day.',
    });
  });

  it('a week without days, an interval of zero or beyond the limit, a month day out of range', () => {
    expect(ruleProblem(weekly([], '2026-11-16'))?.field).toBe('weekdays');
    expect(ruleProblem({ kind: 'daily', interval: 0, start: '2026-11-16', until: null })?.field).toBe('interval');
    expect(ruleProblem(weekly(['MO'], '2026-11-16', 53))).toEqual({ field: 'interval', message: 'Repeat every 1 to 52 weeks, in whole numbers' });
    expect(ruleProblem({ kind: 'monthlyDay', monthDay: 32, interval: 1, start: '2026-11-16', until: null })?.field).toBe('monthDay');
  });

  it('a rule that yields at least one day has no problem', () => {
    expect(ruleProblem(weekly(['MO', 'TH'], '2026-11-16', 2))).toBeNull();
    expect(ruleProblem({ kind: 'daily', interval: 1, start: '2026-11-16', until: '2026-11-16' })).toBeNull();
  });
});

describe('rule text and descriptions', () => {
  it('writes RFC 5545 text with a floating DTSTART at 00:00 UTC', () => {
    expect(toRRule(weekly(['TH', 'MO'], '2026-01-05', 2))).toBe('DTSTART:20260105T000000Z\nRRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO,TH');
    expect(toRRule({ kind: 'monthlyNth', nth: 3, weekday: 'WE', interval: 1, start: '2026-01-01', until: '2026-12-31' })).toBe(
      'DTSTART:20260101T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=1;WKST=MO;UNTIL=20261231T000000Z;BYDAY=+3WE',
    );
  });

  it('reads every kind of rule back from its text unchanged', () => {
    const rules: RecurrenceRule[] = [
      { kind: 'daily', interval: 3, start: '2026-02-26', until: null },
      weekly(['MO', 'TH'], '2026-01-05', 2),
      { kind: 'monthlyDay', monthDay: 31, interval: 1, start: '2026-01-01', until: '2027-01-01' },
      { kind: 'monthlyDay', monthDay: -1, interval: 3, start: '2026-01-01', until: null },
      { kind: 'monthlyNth', nth: -1, weekday: 'FR', interval: 2, start: '2026-01-01', until: null },
    ];
    for (const rule of rules) expect(parseRule(toRRule(rule))).toEqual(rule);
  });

  it('refuses rule text with a time zone or a time of day', () => {
    expect(() => occurrences('DTSTART;TZID=Europe/Berlin:20260105T000000\nRRULE:FREQ=DAILY', '2026-01-01', '2026-01-31')).toThrow(/zone/);
    expect(() => occurrences('DTSTART:20260105T090000Z\nRRULE:FREQ=DAILY', '2026-01-01', '2026-01-31')).toThrow(/00:00/);
  });

  it('describes rules in her words', () => {
    expect(describeRule(weekly(['TH', 'MO'], '2026-01-05', 2))).toBe('Every 2 weeks on Mon, Thu');
    expect(describeRule(weekly(['MO'], '2026-01-05'))).toBe('Every week on Mon');
    expect(describeRule(weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '2026-01-05'))).toBe('Every weekday (Mon–Fri)');
    expect(describeRule({ kind: 'daily', interval: 1, start: '2026-01-05', until: null })).toBe('Every day');
    expect(describeRule({ kind: 'daily', interval: 3, start: '2026-01-05', until: '2026-03-01' })).toBe('Every 3 days, until 2026-03-01');
    expect(describeRule({ kind: 'monthlyNth', nth: 3, weekday: 'WE', interval: 1, start: '2026-01-01', until: null })).toBe('Monthly on the 3rd Wednesday');
    expect(describeRule({ kind: 'monthlyNth', nth: -1, weekday: 'FR', interval: 2, start: '2026-01-01', until: null })).toBe('Every 2 months on the last Friday');
    expect(describeRule({ kind: 'monthlyDay', monthDay: 15, interval: 12, start: '2026-01-01', until: null })).toBe('Every 12 months on day 15');
    expect(describeRule({ kind: 'monthlyDay', monthDay: 31, interval: 1, start: '2026-01-01', until: null })).toBe(
      'Monthly on day 31 (skipped in months without day 31)',
    );
    expect(describeRule({ kind: 'monthlyDay', monthDay: -1, interval: 1, start: '2026-01-01', until: null })).toBe('Monthly on the last day');
  });
});

describe('old series cost what new ones do', () => {
  const rules: RecurrenceRule[] = [
    { kind: 'daily', interval: 3, start: '2016-02-29', until: null },
    weekly(['SU', 'MO'], '2016-03-02', 2),
    weekly(['WE'], '2016-12-31', 3),
    { kind: 'monthlyDay', monthDay: 31, interval: 5, start: '2016-01-31', until: null },
    { kind: 'monthlyDay', monthDay: -1, interval: 1, start: '2016-05-17', until: '2027-01-01' },
    { kind: 'monthlyNth', nth: -1, weekday: 'FR', interval: 4, start: '2016-07-30', until: null },
    { kind: 'monthlyNth', nth: 1, weekday: 'MO', interval: 1, start: '2016-01-02', until: null },
  ];

  it.each(rules.map((rule) => ({ rule, text: describeRule(rule) })))('$text yields the same days as walking from its start', ({ rule }) => {
    const text = toRRule(rule);
    const full = RRule.fromString(text);
    for (const [from, to] of [['2026-11-16', '2027-01-15'], ['2016-03-01', '2016-06-01'], ['2021-02-27', '2021-04-03']] as const) {
      const expected = full
        .between(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`), true)
        .map((date) => date.toISOString().slice(0, 10));
      expect(occurrences(text, from, to)).toEqual(expected);
    }
  });

  it('finds the next day of a ten-year-old daily series (its speed is measured by npm run bench)', () => {
    const text = toRRule({ kind: 'daily', interval: 1, start: '2016-01-01', until: null });
    expect(nextOccurrence(text, '2026-11-16')).toBe('2026-11-16');
    const weekly = toRRule({ kind: 'weekly', interval: 2, start: '2016-01-04', until: null, weekdays: ['TH'] });
    // Nov 16, 2026 is 567 weeks after Jan 4, 2016: an odd week, so the next Thursday of the series is Nov 26.
    expect(nextOccurrence(weekly, '2026-11-16')).toBe('2026-11-26');
  });
});
