import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourcedEvent } from '../../shared/api/events';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { instantAt } from '../../shared/domain/zoned-time';
import { createEventHub } from '../../electron/backend/events';
import { createJobs } from '../../electron/backend/jobs';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { insertTimeEntry } from '../../electron/repositories/time-entries';
import { entryCalendar } from '../../electron/services/entry-calendar';
import { keepEntryFactsCurrent } from '../../electron/services/entry-facts-service';
import { tempDir } from '../support/temp-backend';

let db: SqliteDatabase | null = null;
afterEach(() => db?.close());

function setUp(count: number) {
  db = openDatabase(path.join(tempDir('offload-facts-'), 'offload.db'));
  let settings: Settings = { ...DEFAULT_SETTINGS, timeZone: 'America/Chicago' };
  const zone = () => settings.timeZone!;
  const events: SourcedEvent[] = [];
  const hub = createEventHub();
  hub.subscribe((event) => events.push(event));
  const jobs = createJobs(hub);
  const calendar = entryCalendar(db, settings, zone());
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      // 22:30–23:30 in Chicago: after-hours, and in Berlin already the next day.
      const startAt = instantAt('2026-11-02', '22:30', 'America/Chicago') + index * 86_400_000;
      insertTimeEntry(db!, { worker: 'me', technicianId: null, categoryId: 4, taskId: null, startAt, endAt: startAt + 3_600_000, note: '' }, calendar, 1);
    }
  })();
  const refresh = (limit?: number) => keepEntryFactsCurrent(db!, () => settings, zone, jobs, () => hub.changed(['timeEntries'], null), limit);
  return {
    events,
    jobs,
    refresh,
    change: (patch: Partial<Settings>) => (settings = { ...settings, ...patch }),
    days: () => db!.prepare<[], { start_day: string; after_hours_ms: number }>('SELECT start_day, after_hours_ms FROM time_entries ORDER BY id').all(),
    rollup: () => db!.prepare<[], { ms: number; after_hours_ms: number }>("SELECT sum(ms) AS ms, sum(after_hours_ms) AS after_hours_ms FROM daily_rollup WHERE worker = 'me'").get(),
  };
}

describe('stored entry facts follow her zone and working hours', () => {
  it('are recomputed at once, in one transaction, for a short history', () => {
    const facts = setUp(3);
    expect(facts.refresh()).toStrictEqual({ changed: 0, job: null });
    facts.change({ timeZone: 'Europe/Berlin' });
    expect(facts.refresh()).toStrictEqual({ changed: 3, job: null });
    expect(facts.days().map((row) => row.start_day)).toStrictEqual(['2026-11-03', '2026-11-04', '2026-11-05']);
    // 05:30–06:30 in Berlin: still before the window.
    expect(facts.rollup()).toStrictEqual({ ms: 3 * 3_600_000, after_hours_ms: 3 * 3_600_000 });
    expect(facts.events).toStrictEqual([{ type: 'changed', aggregates: ['timeEntries'], source: null }]);
  });

  it('are recomputed by a job with progress for a long history, and the rollup follows', async () => {
    const facts = setUp(12);
    facts.refresh();
    facts.change({ workdayStart: '06:00', workdayEnd: '23:59' });
    const outcome = facts.refresh(5);
    expect(outcome.job).toMatch(/^recompute-/);
    await facts.jobs.idle();
    // 22:30–23:30 now falls inside the window on working days; Nov 7 and 8 are a weekend, all after-hours.
    expect(facts.days().filter((row) => row.after_hours_ms > 0).map((row) => row.start_day)).toStrictEqual(['2026-11-07', '2026-11-08']);
    expect(facts.rollup()).toStrictEqual({ ms: 12 * 3_600_000, after_hours_ms: 2 * 3_600_000 });
    const finished = facts.events.filter((event) => event.type === 'jobFinished');
    expect(finished).toStrictEqual([expect.objectContaining({ outcome: 'done', message: 'Re-filed 10 time entries.' })]);
    console.log(JSON.stringify(facts.events));
    expect(facts.events.some((event) => event.type === 'progress' && event.done === 12 && event.total === 12)).toBe(true);
    expect(facts.refresh(5)).toStrictEqual({ changed: 0, job: null });
  });
});
