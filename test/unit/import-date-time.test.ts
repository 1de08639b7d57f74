import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideDayMonthOrder,
  isKnownTimeZone,
  parseClock,
  parseDate,
  WallClock,
  type DayMonthOrder,
} from '../../shared/import/date-time';
import { Fnv1a64, fnv1a64 } from '../../shared/import/fingerprint';

const utc = (iso: string) => Date.parse(iso);

function instant(day: string, clock: string, zone: string): number {
  const value = new WallClock(zone).instantOf(day, clock);
  if (value === null) throw new Error(`${day} ${clock} did not parse`);
  return value;
}

describe('dates as exporters write them', () => {
  it.each([
    ['2024-10-15', null, '2024-10-15'],
    ['2024/10/15', null, '2024-10-15'],
    ['2024.10.15', null, '2024-10-15'],
    ['10/15/2024', 'MDY', '2024-10-15'],
    ['15/10/2024', 'DMY', '2024-10-15'],
    ['15.10.2024', 'DMY', '2024-10-15'],
    ['15-10-2024', 'DMY', '2024-10-15'],
    ['1/5/2024', 'MDY', '2024-01-05'],
    ['1/5/2024', 'DMY', '2024-05-01'],
    ['10/15/24', 'MDY', '2024-10-15'],
    [' 2024-02-29 ', null, '2024-02-29'],
  ] as const)('%j in %s order is %s', (text, order, day) => {
    expect(parseDate(text, order)).toBe(day);
  });

  it.each([
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['31/04/2024', 'DMY'],
    ['10/15/2024', 'DMY'],
    ['15/10/2024', null],
    ['10/15-2024', 'MDY'],
    ['1969-12-31', null],
    ['Oct 15, 2024', 'MDY'],
    ['', 'MDY'],
  ] as const)('%j in %s order is not a date', (text, order) => {
    expect(parseDate(text, order)).toBeNull();
  });

  it('reads dates in any order back to the day they were written from', () => {
    const days = fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(days, fc.constantFrom<DayMonthOrder>('DMY', 'MDY'), fc.constantFrom('/', '.', '-'), (date, order, separator) => {
        const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const iso = date.toISOString().slice(0, 10);
        const text = order === 'DMY' ? [day, month, year].join(separator) : [month, day, year].join(separator);
        expect(parseDate(text, order)).toBe(iso);
        expect(parseDate(iso, order)).toBe(iso);
      }),
    );
  });
});

describe('day/month order decided from every date of a file', () => {
  it('a first field over 12 can only be a day', () => {
    expect(decideDayMonthOrder(['03/10/2024', '14/10/2024'])).toEqual({ order: 'DMY', example: '14/10/2024' });
  });

  it('a second field over 12 means the month comes first', () => {
    expect(decideDayMonthOrder(['10/03/2024', '10/15/2024'])).toEqual({ order: 'MDY', example: '10/15/2024' });
  });

  it('dates that could be either are ambiguous, and the caller asks', () => {
    expect(decideDayMonthOrder(['03/04/2024', '05/06/2024', '03/04/2024'])).toEqual({ order: 'ambiguous', examples: ['03/04/2024', '05/06/2024'] });
  });

  it('dates that prove both orders are inconsistent', () => {
    expect(decideDayMonthOrder(['13/01/2024', '01/13/2024'])).toEqual({ order: 'inconsistent', dayFirst: '13/01/2024', monthFirst: '01/13/2024' });
  });

  it('year-first dates (or none) leave nothing to decide', () => {
    expect(decideDayMonthOrder(['2024-10-03', '2024-01-02'])).toEqual({ order: 'YMD' });
    expect(decideDayMonthOrder([])).toEqual({ order: 'YMD' });
  });

  it('the decision looks at every date, not a sample at the top of the file', () => {
    const dates = [...Array.from({ length: 5000 }, () => '01/02/2024'), '01/31/2024'];
    expect(decideDayMonthOrder(dates).order).toBe('MDY');
  });
});

describe('clock times', () => {
  it.each([
    ['14:05', 14 * 3600 + 5 * 60],
    ['14:05:09', 14 * 3600 + 5 * 60 + 9],
    ['2:05 PM', 14 * 3600 + 5 * 60],
    ['2:05:09 pm', 14 * 3600 + 5 * 60 + 9],
    ['02:05PM', 14 * 3600 + 5 * 60],
    ['2:05 p.m.', 14 * 3600 + 5 * 60],
    ['12:00 AM', 0],
    ['12:30 AM', 30 * 60],
    ['12:30 PM', 12 * 3600 + 30 * 60],
    ['11:00:00 AM', 11 * 3600],
    ['0:00', 0],
    ['24:00', 86_400],
    ['24:00:00', 86_400],
  ])('%j is %i seconds after midnight', (text, seconds) => {
    expect(parseClock(text)).toBe(seconds);
  });

  it.each(['', '25:10', '14:60', '14:05:60', '0:30 AM', '13:00 PM', '24:01', '14h05', '2 PM', 'noon'])('%j is not a time of day', (text) => {
    expect(parseClock(text)).toBeNull();
  });

  it('12-hour and 24-hour spellings of the same time agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (hours, minutes, seconds) => {
        const pad = (value: number) => String(value).padStart(2, '0');
        const twelve = `${hours % 12 === 0 ? 12 : hours % 12}:${pad(minutes)}:${pad(seconds)} ${hours < 12 ? 'AM' : 'PM'}`;
        expect(parseClock(twelve)).toBe(parseClock(`${pad(hours)}:${pad(minutes)}:${pad(seconds)}`));
      }),
    );
  });
});

describe('wall-clock times in the zone she confirms', () => {
  it('an ordinary time is its zone offset away from UTC', () => {
    expect(instant('2024-10-15', '11:00:00', 'America/Chicago')).toBe(utc('2024-10-15T16:00:00Z'));
    expect(instant('2024-01-15', '11:00', 'Europe/Berlin')).toBe(utc('2024-01-15T10:00:00Z'));
    expect(instant('2024-10-15', '11:00', 'Asia/Kathmandu')).toBe(utc('2024-10-15T05:15:00Z'));
  });

  it('a zone less than an hour behind UTC is behind it, to the second (Monrovia until 1972: −0:44:30)', () => {
    expect(instant('1971-06-01', '09:00', 'Africa/Monrovia')).toBe(utc('1971-06-01T09:44:30Z'));
    expect(instant('1972-06-01', '09:00', 'Africa/Monrovia')).toBe(utc('1972-06-01T09:00:00Z'));
  });

  it('a time skipped when clocks spring forward resolves forward by the jump (02:30 is 03:30)', () => {
    expect(instant('2024-03-10', '02:30', 'America/New_York')).toBe(utc('2024-03-10T07:30:00Z'));
    expect(instant('2024-03-31', '02:30', 'Europe/Berlin')).toBe(utc('2024-03-31T01:30:00Z'));
    // Lord Howe Island jumps by 30 minutes: 02:15 does not exist and becomes 02:45.
    expect(instant('2024-10-06', '02:15', 'Australia/Lord_Howe')).toBe(utc('2024-10-05T15:45:00Z'));
    expect(instant('2024-10-06', '02:45', 'Australia/Lord_Howe')).toBe(utc('2024-10-05T15:45:00Z'));
  });

  it('a time that happens twice when clocks fall back is its first occurrence, east and west of UTC', () => {
    expect(instant('2024-11-03', '01:30', 'America/New_York')).toBe(utc('2024-11-03T05:30:00Z'));
    expect(instant('2024-10-27', '02:30', 'Europe/Berlin')).toBe(utc('2024-10-27T00:30:00Z'));
    expect(instant('2024-04-07', '01:45', 'Australia/Lord_Howe')).toBe(utc('2024-04-06T14:45:00Z'));
  });

  it('times just around a change land on the right side of it', () => {
    expect(instant('2024-11-03', '00:59:59', 'America/New_York')).toBe(utc('2024-11-03T04:59:59Z'));
    expect(instant('2024-11-03', '02:00', 'America/New_York')).toBe(utc('2024-11-03T07:00:00Z'));
    expect(instant('2024-03-10', '01:59:59', 'America/New_York')).toBe(utc('2024-03-10T06:59:59Z'));
    expect(instant('2024-03-10', '03:00', 'America/New_York')).toBe(utc('2024-03-10T07:00:00Z'));
  });

  it('every instant read back from its own wall-clock time is itself, or the first of two', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];
    const formats = new Map(
      zones.map((zone) => [
        zone,
        new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
      ]),
    );
    const wallClockOf = (ms: number, zone: string) => {
      const parts = Object.fromEntries(formats.get(zone)!.formatToParts(ms).map((part) => [part.type, part.value]));
      return { day: `${parts.year}-${parts.month}-${parts.day}`, clock: `${parts.hour}:${parts.minute}:${parts.second}` };
    };
    const anyTime = fc.integer({ min: Date.UTC(1971, 0, 1) / 1000, max: Date.UTC(2060, 0, 1) / 1000 });
    // Within three hours of a change, where the wall clock skips or repeats.
    const changes = ['2024-03-10T07:00:00Z', '2024-11-03T06:00:00Z', '2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z', '2024-10-05T15:30:00Z', '2024-04-06T15:00:00Z'];
    const nearChange = fc
      .tuple(fc.constantFrom(...changes.map((iso) => utc(iso) / 1000)), fc.integer({ min: -3 * 3600, max: 3 * 3600 }))
      .map(([change, offset]) => change + offset);
    fc.assert(
      fc.property(fc.oneof(anyTime, nearChange), fc.constantFrom(...zones), (second, zone) => {
        const ms = second * 1000;
        const { day, clock } = wallClockOf(ms, zone);
        const back = instant(day, clock, zone);
        expect(back).toBeLessThanOrEqual(ms);
        expect(wallClockOf(back, zone)).toEqual({ day, clock });
        if (back !== ms) expect(ms - back).toBeLessThanOrEqual(3_600_000);
      }),
      { numRuns: 500 },
    );
  });

  it('knows real zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/London')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});

describe('row fingerprints', () => {
  it('are FNV-1a 64 over UTF-8, matching the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    expect(fnv1a64('é')).toBe('0ac21707b7181e01');
    expect(fnv1a64('😀')).toBe('feff073875020288');
  });

  it('hash a number field exactly as its decimal text, and keep fields apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (value) => {
        expect(new Fnv1a64().field(value).hex()).toBe(new Fnv1a64().field(String(value)).hex());
      }),
    );
    expect(new Fnv1a64().field('ab').field('c').hex()).not.toBe(new Fnv1a64().field('a').field('bc').hex());
    const reused = new Fnv1a64().field('x');
    expect(reused.reset().field('y').hex()).toBe(new Fnv1a64().field('y').hex());
  });
});
