import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { bulkEntryCalendar, entryCalendar } from '../../electron/services/entry-calendar';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { tempDir } from '../support/temp-backend';

const MINUTE = 60_000;

describe('the bulk entry calendar (imports)', () => {
  it('gives every entry the same day, after-hours and hour spread as the per-entry calendar, across DST changes and time off', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    db.prepare("INSERT INTO time_off (start_day, end_day, created_at) VALUES ('2026-03-09', '2026-03-10', 1)").run();
    const settings = { ...DEFAULT_SETTINGS, workingDays: [1, 2, 3, 4, 6], workdayStart: '07:30', workdayEnd: '16:45' };
    const from = Date.parse('2026-03-01T00:00:00Z');
    const to = Date.parse('2026-11-10T00:00:00Z');
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia']) {
      const exact = entryCalendar(db, settings, zone);
      const bulk = bulkEntryCalendar(db, settings, zone, { from, to: to + 24 * 60 * MINUTE });
      // Entries of 5 minutes to 24 hours, starting every 6 h 37 min (so at every hour of the day in turn), through both changes of the year.
      for (let startAt = from, index = 0; startAt < to; startAt += 397 * MINUTE, index += 1) {
        const entry = { worker: 'me' as const, startAt, endAt: startAt + (5 + ((index * 337) % 1435)) * MINUTE };
        expect(bulk.dayOf(startAt)).toBe(exact.dayOf(startAt));
        expect(bulk.afterHoursMs(entry)).toBe(exact.afterHoursMs(entry));
        expect(bulk.hourSpread(entry)).toBe(exact.hourSpread(entry));
      }
      expect(bulk.hourSpread({ worker: 'msp', startAt: from, endAt: from + MINUTE })).toBe('[]');
    }
    db.close();
  });
});
