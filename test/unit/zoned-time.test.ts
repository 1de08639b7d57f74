import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localHourPieces } from '../../shared/domain/workload';
import { clockOf, instantAt, localDayFinder, localDayOf, offsetChanges, wallClockOffsetAt, zoneArithmetic, zoneOffsetAt } from '../../shared/domain/zoned-time';

const CHICAGO = 'America/Chicago';

describe('her wall clock in her zone', () => {
  it('turns a local time into the instant it names, whatever zone the machine is in', () => {
    expect(instantAt('2026-11-16', '09:30', CHICAGO)).toBe(Date.parse('2026-11-16T15:30:00Z'));
    expect(instantAt('2026-07-01', '09:30', CHICAGO)).toBe(Date.parse('2026-07-01T14:30:00Z'));
    expect(instantAt('2026-11-16', '09:30:15', 'Asia/Kolkata')).toBe(Date.parse('2026-11-16T04:00:15Z'));
    expect(instantAt('2026-11-16', '00:00', 'Pacific/Kiritimati')).toBe(Date.parse('2026-11-15T10:00:00Z'));
  });

  it('carries a time skipped by the spring-forward jump forward, as clocks do', () => {
    expect(instantAt('2026-03-08', '02:30', CHICAGO)).toBe(Date.parse('2026-03-08T08:30:00Z'));
    expect(clockOf(instantAt('2026-03-08', '02:30', CHICAGO), CHICAGO)).toBe('03:30');
  });

  it('reads a time that happens twice on the fall-back night as its first occurrence', () => {
    expect(instantAt('2026-11-01', '01:30', CHICAGO)).toBe(Date.parse('2026-11-01T06:30:00Z'));
    expect(instantAt('2026-11-01', '03:00', CHICAGO) - instantAt('2026-11-01', '01:00', CHICAGO)).toBe(3 * 3_600_000);
  });

  it('gives the local day of an instant in the zone, not on the machine', () => {
    const instant = Date.parse('2026-11-17T03:30:00Z');
    expect(localDayOf(instant, CHICAGO)).toBe('2026-11-16');
    expect(localDayOf(instant, 'Asia/Tokyo')).toBe('2026-11-17');
    expect(localDayOf(Date.parse('2027-01-01T10:45:00Z'), 'Pacific/Pago_Pago')).toBe('2026-12-31');
  });

  it('round-trips every quarter hour of a year in several zones', () => {
    for (const zone of [CHICAGO, 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      for (let instant = Date.parse('2026-01-01T00:00:00Z'); instant < Date.parse('2027-01-01T00:00:00Z'); instant += 15 * 60_000 * 97) {
        const day = localDayOf(instant, zone);
        const clock = clockOf(instant, zone);
        const back = instantAt(day, clock, zone);
        // Back to the same minute, or to its first occurrence when the wall time repeats.
        expect(back === instant || (back < instant && clockOf(back, zone) === clock)).toBe(true);
      }
    }
  });
});

describe('a zone\'s offset', () => {
  // Local mean times to the second (Monrovia −0:44:30 until 1972, Chicago −5:50:36 until 1883),
  // quarter hours (Chatham, Kathmandu), half-hour summer time (Lord Howe), negative summer time
  // (Dublin), a day skipped (Apia, 2011), +14 h (Kiritimati), and fixed zones.
  const zones = ['America/Chicago', 'Africa/Monrovia', 'Pacific/Chatham', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/Dublin', 'Pacific/Apia', 'Pacific/Kiritimati', 'America/St_Johns', 'UTC', 'Etc/GMT+5'];

  it('read from its name in Intl is the wall clock\'s difference from UTC, to the second, from 1850 to 2100', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }), (zone, instant) => {
        expect(zoneOffsetAt(instant, zone)).toBe(wallClockOffsetAt(instant, zone));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('is to the second where a zone\'s offset is, and zero in UTC', () => {
    expect(zoneOffsetAt(Date.UTC(1960, 5, 1), 'Africa/Monrovia')).toBe(-(44 * 60_000 + 30_000));
    expect(zoneOffsetAt(Date.UTC(1880, 0, 1, 12), 'America/Chicago')).toBe(-(5 * 3_600_000 + 50 * 60_000 + 36_000));
    expect(zoneOffsetAt(Date.UTC(2026, 0, 1), 'Pacific/Chatham')).toBe(13 * 3_600_000 + 45 * 60_000);
    expect(zoneOffsetAt(Date.UTC(2026, 0, 1), 'UTC')).toBe(0);
    expect(zoneOffsetAt(Date.UTC(2026, 0, 1), 'Etc/GMT+5')).toBe(-5 * 3_600_000);
  });
});

describe('many instants in one zone', () => {
  it('finds every offset change of a year to the minute', () => {
    const changes = offsetChanges(CHICAGO, Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z'));
    expect(changes).toStrictEqual([
      { at: Date.parse('2026-03-08T08:00:00Z'), before: -6 * 3_600_000, after: -5 * 3_600_000 },
      { at: Date.parse('2026-11-01T07:00:00Z'), before: -5 * 3_600_000, after: -6 * 3_600_000 },
    ]);
  });

  it('gives the same local day by arithmetic as the formatter does, around the changes', () => {
    for (const zone of [CHICAGO, 'Australia/Lord_Howe', 'Pacific/Apia', 'Asia/Kolkata']) {
      const from = Date.parse('2025-12-01T00:00:00Z');
      const to = Date.parse('2027-02-01T00:00:00Z');
      const dayOf = localDayFinder(zone, from, to);
      for (let instant = from; instant < to; instant += 7 * 60_000 * 59) expect(dayOf(instant)).toBe(localDayOf(instant, zone));
    }
  });
});

describe('zone arithmetic over a span', () => {
  it('gives the same offsets and wall-clock instants as Intl, in the gaps and repeats of DST nights too', () => {
    for (const zone of [CHICAGO, 'Australia/Lord_Howe', 'Europe/London', 'Asia/Kolkata']) {
      const from = Date.parse('2026-01-01T00:00:00Z');
      const to = Date.parse('2027-01-01T00:00:00Z');
      const fast = zoneArithmetic(zone, from, to);
      for (let instant = from; instant < to; instant += 13 * 60_000 * 61) expect(fast.offsetOf(instant)).toBe(zoneOffsetAt(instant, zone));
      for (const day of ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01', '2026-07-01']) {
        for (const clock of ['00:00', '01:30', '02:00', '02:15', '02:30', '03:00', '08:00', '17:45', '23:59']) {
          expect(fast.instantOf(day, clock), `${zone} ${day} ${clock}`).toBe(instantAt(day, clock, zone));
        }
      }
    }
  });
});

describe('an entry split at her local hours', () => {
  const pieces = (day: string, from: string, toDay: string, to: string, zone = CHICAGO) =>
    localHourPieces({ startAt: instantAt(day, from, zone), endAt: instantAt(toDay, to, zone) }, zone).map(([d, h, ms]) => [d, h, ms / 60_000]);

  it('files each piece under the local day and hour it falls in, across midnight', () => {
    expect(pieces('2026-11-16', '22:40', '2026-11-17', '00:20')).toStrictEqual([
      ['2026-11-16', 22, 20],
      ['2026-11-16', 23, 60],
      ['2026-11-17', 0, 20],
    ]);
  });

  it('skips the hour the spring-forward night skips, and doubles the hour the fall-back night repeats', () => {
    expect(pieces('2026-03-08', '01:30', '2026-03-08', '03:30')).toStrictEqual([
      ['2026-03-08', 1, 30],
      ['2026-03-08', 3, 30],
    ]);
    expect(pieces('2026-11-01', '00:30', '2026-11-01', '02:30')).toStrictEqual([
      ['2026-11-01', 0, 30],
      ['2026-11-01', 1, 120],
      ['2026-11-01', 2, 30],
    ]);
  });

  it('follows a zone whose hours start at half past the UTC hour', () => {
    expect(pieces('2026-11-16', '09:15', '2026-11-16', '10:45', 'Asia/Kolkata')).toStrictEqual([
      ['2026-11-16', 9, 45],
      ['2026-11-16', 10, 45],
    ]);
  });
});
