import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { insertDelegation } from '../../electron/repositories/delegations';
import { insertImportedTimeEntry } from '../../electron/repositories/time-entries';
import { entryCalendar } from '../../electron/services/entry-calendar';
import { reclaimedFigures } from '../../electron/services/reclaimed-service';
import { addDays, type LocalDay } from '../../shared/domain/day';
import type { Delegation } from '../../shared/domain/delegation';
import { hoursReclaimed, type DailyMinutes } from '../../shared/domain/hours-reclaimed';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { tempDir } from '../support/temp-backend';

const ZONE = 'America/Chicago';
const MINUTE = 60_000;
const FIRST_DAY = '2025-01-01';
const TODAY: LocalDay = '2026-06-17';

/** Minutes per category and day straight from the entries (a GROUP BY, no rollup), as the domain function reads them. */
function fromEntries(db: SqliteDatabase, worker: 'me' | 'msp'): DailyMinutes {
  const rows = db
    .prepare<[string], { category_id: number; start_day: string; ms: number }>(
      'SELECT category_id, start_day, sum(end_at - start_at) AS ms FROM time_entries WHERE worker = ? AND end_at IS NOT NULL GROUP BY category_id, start_day',
    )
    .all(worker);
  const minutes = new Map(rows.map((row) => [`${row.category_id}|${row.start_day}`, row.ms / MINUTE]));
  return (categoryId, day) => minutes.get(`${categoryId}|${day}`) ?? 0;
}

describe('hours reclaimed read from the rollup', () => {
  it('are exactly the figures computed from every entry’s own minutes, for any entries, delegations and week settings', () => {
    type Entry = { mine: boolean; category: number; day: number; hour: number; minutes: number };
    const entry: fc.Arbitrary<Entry> = fc.record({
      mine: fc.boolean(),
      category: fc.constantFrom(2, 3, 4),
      // Days from 2025-01-01 to past today, so some entries are after today and count nowhere.
      day: fc.integer({ min: 0, max: 560 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minutes: fc.integer({ min: 1, max: 10 * 60 }),
    });
    // Per category at most two delegations, one after the other: [start, length in days or open].
    const delegation = fc.record({ start: fc.integer({ min: 20, max: 520 }), days: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }), estimate: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }) });
    const settings = fc.record({
      weekStartsOn: fc.integer({ min: 0, max: 6 }),
      workingDays: fc.subarray([0, 1, 2, 3, 4, 5, 6]),
      baselineWeeks: fc.integer({ min: 1, max: 10 }),
    });
    let withHours = 0;
    fc.assert(
      fc.property(fc.array(entry, { minLength: 50, maxLength: 250 }), fc.array(fc.tuple(fc.constantFrom(2, 3, 4), delegation), { minLength: 1, maxLength: 3 }), settings, (entries, delegations, chosen) => {
        const db = openDatabase(path.join(tempDir(), 'offload.db'));
        try {
          const config: Settings = { ...DEFAULT_SETTINGS, ...chosen, timeZone: ZONE };
          const calendar = entryCalendar(db, config, ZONE);
          db.transaction(() => {
            entries.forEach((row, index) => {
              const startAt = Date.parse(`${addDays(FIRST_DAY, row.day)}T00:00:00Z`) + row.hour * 60 * MINUTE;
              insertImportedTimeEntry(
                db,
                { worker: row.mine ? 'me' : 'msp', technicianId: null, categoryId: row.category, taskId: null, startAt, endAt: startAt + row.minutes * MINUTE, note: '', unplanned: false, source: 'toggl', sourceKey: `p-${index}` },
                calendar,
                1,
              );
            });
          })();
          const made: Delegation[] = [];
          for (const [categoryId, { start, days, estimate }] of delegations) {
            const startDay = addDays(FIRST_DAY, start);
            const endDay = days === null ? null : addDays(startDay, days);
            // Delegations of one category never overlap: a later one that would is left out.
            if (made.some((other) => other.categoryId === categoryId && (other.endDay === null || other.endDay >= startDay) && (endDay === null || endDay >= other.startDay))) continue;
            made.push(insertDelegation(db, { categoryId, startDay, endDay, estimatedWeeklyMinutes: estimate, note: '' }, 1));
          }
          const firstEntry = db.prepare<[], { day: string | null }>("SELECT min(start_day) AS day FROM time_entries WHERE worker = 'me'").get()!.day;
          const expected = hoursReclaimed({ delegations: made, settings: config, today: TODAY, firstEntryDay: firstEntry, herMinutes: fromEntries(db, 'me'), mspMinutes: fromEntries(db, 'msp') });
          expect(reclaimedFigures(db, config, TODAY, made)).toStrictEqual(expected);
          if (expected.totals.grossHours > 0 && expected.totals.mspDeliveredHours > 0) withHours += 1;
        } finally {
          db.close();
        }
      }),
      // Each case writes a new database: a failure is reported as found, not shrunk for minutes.
      { numRuns: 40, seed: 13, endOnFailure: true },
    );
    // Most cases reclaim hours and deliver MSP hours, so the comparison is of figures, not of zeros.
    expect(withHours).toBeGreaterThanOrEqual(20);
  });
});
