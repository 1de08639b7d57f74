import path from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import type { ImportedEntryRow } from '../../electron/repositories/time-entries';
import { tempDir } from './temp-backend';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * `count` entries of hers and the MSP's (every third), one every `everyHours` from `from`, each
 * 7 minutes longer than the one before from 20 minutes, in four categories, every fifth unplanned,
 * every seventh on the unplanned task `taskId`. `prefix` keeps the import keys of batches apart.
 */
export function entriesEvery(taskId: number, options: { from: string; count: number; everyHours: number; prefix: string }): ImportedEntryRow[] {
  const base = Date.parse(options.from);
  return Array.from({ length: options.count }, (_, index) => ({
    worker: index % 3 === 0 ? ('msp' as const) : ('me' as const),
    technicianId: null,
    categoryId: (index % 4) + 1,
    taskId: index % 7 === 0 ? taskId : null,
    startAt: base + index * options.everyHours * HOUR,
    endAt: base + index * options.everyHours * HOUR + (20 + index * 7) * MINUTE,
    note: '',
    unplanned: index % 5 === 0,
    source: 'toggl',
    sourceKey: `${options.prefix}-${index}`,
  }));
}

/** Sixty such entries, one every 29 hours from 28 September 2026: across three months' and many weeks' ends. */
export const entriesAcrossMonths = (taskId: number, prefix: string) =>
  entriesEvery(taskId, { from: '2026-09-28T14:00:00Z', count: 60, everyHours: 29, prefix });

/** A new database at the latest schema, with one unplanned task ("Server down"). */
export function databaseWithUnplannedTask(): { db: SqliteDatabase; taskId: number } {
  const db = openDatabase(path.join(tempDir(), 'offload.db'));
  const taskId = Number(db.prepare("INSERT INTO tasks (title, unplanned, created_at, updated_at) VALUES ('Server down', 1, 1, 1)").run().lastInsertRowid);
  return { db, taskId };
}

/** Her finished entries' pieces (hour_spread) by month, category, weekday and hour: what the heatmap's monthly cells must hold. */
export function hourCellsFromPieces(db: SqliteDatabase): unknown[] {
  return db
    .prepare(
      `SELECT substr(p.value ->> 0, 1, 7) AS month, e.category_id, CAST(strftime('%w', p.value ->> 0) AS INTEGER) AS weekday, p.value ->> 1 AS hour,
         sum(p.value ->> 2) AS ms
       FROM time_entries AS e, json_each(e.hour_spread) AS p WHERE e.worker = 'me' AND e.end_at IS NOT NULL
       GROUP BY 1, 2, 3, 4 HAVING sum(p.value ->> 2) != 0 ORDER BY 1, 2, 3, 4`,
    )
    .all();
}
