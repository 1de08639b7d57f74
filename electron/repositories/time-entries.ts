import { AppError } from '../../shared/api/errors';
import type { LocalDay } from '../../shared/domain/day';
import type { CategoryDays } from '../../shared/domain/hours-reclaimed';
import type { TimeEntry } from '../../shared/domain/time-entry';
import { addDays, dayOfWeek, startOfWeek } from '../../shared/domain/day';
import { localDayFinder } from '../../shared/domain/zoned-time';
import type { Owner } from '../../shared/domain/types';
import { preparedFor, type SqliteDatabase } from '../db/connection';
import { FOLD_SOURCE_KEYS } from '../db/migrations/012-entry-source-keys';
import type { EntryCalendar } from '../services/entry-calendar';
import { weeklyRollupWeekStart } from './weekly-rollup';

/** A row of time_entries as the repositories select it (timesheet.ts reads the same columns). */
export interface TimeEntryRow {
  id: number;
  worker: Owner;
  technician_id: number | null;
  category_id: number;
  task_id: number | null;
  start_at: number;
  end_at: number | null;
  start_day: string;
  note: string;
  unplanned: 0 | 1;
}

const COLUMNS = 'id, worker, technician_id, category_id, task_id, start_at, end_at, start_day, note, unplanned';

export function toTimeEntry(row: TimeEntryRow): TimeEntry {
  return {
    id: row.id,
    worker: row.worker,
    technicianId: row.technician_id,
    categoryId: row.category_id,
    taskId: row.task_id,
    startAt: row.start_at,
    endAt: row.end_at,
    startDay: row.start_day,
    note: row.note,
    unplanned: row.unplanned === 1,
  };
}

export interface NewTimeEntry {
  worker: Owner;
  technicianId: number | null;
  categoryId: number;
  taskId: number | null;
  startAt: number;
  endAt: number | null;
  note: string;
  unplanned?: boolean;
  source?: string;
}

interface OverlapParams {
  worker: Owner;
  technician_id: number | null;
  start_at: number;
  end_at: number;
  exclude_id: number;
}

const statements = preparedFor((db) => ({
  byId: db.prepare<[number], TimeEntryRow>(`SELECT ${COLUMNS} FROM time_entries WHERE id = ?`),
  insert: db.prepare<[Record<string, unknown>]>(
    `INSERT INTO time_entries (worker, technician_id, category_id, task_id, start_at, end_at, start_day, note, unplanned,
       after_hours_ms, hour_spread, source, created_at, updated_at)
     VALUES (:worker, :technician_id, :category_id, :task_id, :start_at, :end_at, :start_day, :note, :unplanned,
       :after_hours_ms, :hour_spread, :source, :now, :now)`,

  ),
  remove: db.prepare<[number]>('DELETE FROM time_entries WHERE id = ?'),
  // Her entries may not overlap each other, nor one technician's; the MSP as a team may work in parallel.
  // Finished entries last at most a day, so only those starting in the day before can reach in:
  // the start_at range keeps this an index range scan however long her history is. The running
  // timer is one seek in the partial index time_entries_one_running_timer: the unary + keeps the
  // planner from walking all her history through time_entries_by_start's start_at range instead.
  overlapMine: db.prepare<[OverlapParams], TimeEntryRow>(
    `SELECT ${COLUMNS} FROM time_entries
     WHERE worker = 'me' AND id != :exclude_id AND start_at > :start_at - 86400000 AND start_at < :end_at
       AND coalesce(end_at, 9e15) > :start_at
     UNION ALL
     SELECT ${COLUMNS} FROM time_entries
     WHERE worker = 'me' AND end_at IS NULL AND id != :exclude_id AND +start_at < :end_at
     LIMIT 1`,
  ),
  overlapTechnician: db.prepare<[OverlapParams], TimeEntryRow>(
    `SELECT ${COLUMNS} FROM time_entries
     WHERE technician_id = :technician_id AND id != :exclude_id
       AND start_at > :start_at - 86400000 AND start_at < :end_at AND coalesce(end_at, 9e15) > :start_at
     LIMIT 1`,
  ),
  // Two shapes rather than "(:worker IS NULL OR worker = :worker)", which would defeat the index.
  between: db.prepare<[{ from: string; to: string; limit: number }], TimeEntryRow>(
    `SELECT ${COLUMNS} FROM time_entries WHERE start_day BETWEEN :from AND :to ORDER BY start_at DESC LIMIT :limit`,
  ),
  betweenFor: db.prepare<[{ from: string; to: string; worker: string; limit: number }], TimeEntryRow>(
    `SELECT ${COLUMNS} FROM time_entries WHERE worker = :worker AND start_day BETWEEN :from AND :to
     ORDER BY start_at DESC LIMIT :limit`,
  ),
  firstDay: db.prepare<[Owner], { day: string | null }>("SELECT min(start_day) AS day FROM time_entries WHERE worker = ?"),
  // One category's days: a seek in the primary key (worker, category_id, day).
  // Days as whole days since 1970 (numbers, not strings to allocate and hash).
  // Two JSON arrays in one row, not a row per day: for the ten-year bench's 10,542 days the reports
  // read, better-sqlite3 building an array per row took about 1.3 of the 2.0 ms of the read.
  dailyOfCategory: db.prepare<[{ worker: Owner; category_id: number; from: string; to: string }], { days: string; ms: string }>(
    `SELECT json_group_array(unixepoch(day) / 86400) AS days, json_group_array(ms) AS ms FROM daily_rollup
     WHERE worker = :worker AND category_id = :category_id AND day BETWEEN :from AND :to AND ms > 0`,
  ),
  total: db.prepare<[{ worker: Owner; from: string; to: string }], { ms: number | null }>(
    'SELECT sum(ms) AS ms FROM daily_rollup WHERE worker = :worker AND day BETWEEN :from AND :to',
  ),
  byMonth: db.prepare<[{ worker: Owner; from: string; to: string }], { month: string; ms: number }>(
    `SELECT substr(day, 1, 7) AS month, sum(ms) AS ms FROM daily_rollup
     WHERE worker = :worker AND day BETWEEN :from AND :to GROUP BY month`,
  ),
  // Whole months: a day without entries has no time, so the monthly rollup's sums are the days'.
  byWholeMonth: db.prepare<[{ worker: Owner; from: string; to: string }], { month: string; ms: number }>(
    `SELECT month, sum(ms) AS ms FROM monthly_rollup WHERE month BETWEEN :from AND :to AND worker = :worker GROUP BY month`,
  ),
  byCategory: db.prepare<[{ worker: Owner; from: string; to: string }], { category_id: number; ms: number }>(
    `SELECT category_id, sum(ms) AS ms FROM daily_rollup WHERE worker = :worker AND day BETWEEN :from AND :to
     GROUP BY category_id HAVING sum(ms) > 0`,
  ),
  factsAfter: db.prepare<[{ after_id: number; limit: number }], FactsRow>(
    `SELECT id, worker, start_at, end_at, start_day, after_hours_ms, hour_spread FROM time_entries WHERE id > :after_id ORDER BY id LIMIT :limit`,
  ),
  factsBetween: db.prepare<[{ from: string; to: string }], FactsRow>(
    `SELECT id, worker, start_at, end_at, start_day, after_hours_ms, hour_spread FROM time_entries
     WHERE worker = 'me' AND start_day BETWEEN :from AND :to AND end_at IS NOT NULL`,
  ),
  setFacts: db.prepare<[{ id: number; start_day: string; after_hours_ms: number; hour_spread: string }]>(
    'UPDATE time_entries SET start_day = :start_day, after_hours_ms = :after_hours_ms, hour_spread = :hour_spread WHERE id = :id',
  ),
  count: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM time_entries'),
  span: db.prepare<[], { first: number | null; last: number | null }>(
    'SELECT min(start_at) AS first, max(max(start_at, coalesce(end_at, start_at))) AS last FROM time_entries',
  ),
}));

export function getTimeEntry(db: SqliteDatabase, id: number): TimeEntry {
  const row = statements(db).byId.get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no time entry #${id}; it may have been deleted.`);
  return toTimeEntry(row);
}

export function findOverlappingEntry(
  db: SqliteDatabase,
  entry: Pick<NewTimeEntry, 'worker' | 'technicianId' | 'startAt' | 'endAt'>,
  excludeId = 0,
): TimeEntry | undefined {
  const params = {
    worker: entry.worker,
    technician_id: entry.technicianId,
    start_at: entry.startAt,
    end_at: entry.endAt ?? 9e15,
    exclude_id: excludeId,
  };
  const { overlapMine, overlapTechnician } = statements(db);
  const row =
    entry.worker === 'me' ? overlapMine.get(params) : entry.technicianId !== null ? overlapTechnician.get(params) : undefined;
  return row ? toTimeEntry(row) : undefined;
}

export function insertTimeEntry(db: SqliteDatabase, entry: NewTimeEntry, calendar: EntryCalendar, now: number): TimeEntry {
  const { lastInsertRowid } = statements(db).insert.run({
    worker: entry.worker,
    technician_id: entry.technicianId,
    category_id: entry.categoryId,
    task_id: entry.taskId,
    start_at: entry.startAt,
    end_at: entry.endAt,
    start_day: calendar.dayOf(entry.startAt),
    note: entry.note,
    unplanned: entry.unplanned ? 1 : 0,
    after_hours_ms: calendar.afterHoursMs(entry),
    hour_spread: calendar.hourSpread(entry),
    source: entry.source ?? 'app',
    now,
  });
  return getTimeEntry(db, Number(lastInsertRowid));
}

export function deleteTimeEntry(db: SqliteDatabase, id: number): TimeEntry {
  const entry = getTimeEntry(db, id);
  statements(db).remove.run(id);
  return entry;
}

export function listTimeEntries(
  db: SqliteDatabase,
  filter: { from: LocalDay; to: LocalDay; worker: Owner | null; limit: number },
): TimeEntry[] {
  const { between, betweenFor } = statements(db);
  const rows = filter.worker === null ? between.all(filter) : betweenFor.all({ ...filter, worker: filter.worker });
  return rows.map(toTimeEntry);
}

/** The local day of the worker's first entry, or null when there is none. */
export function firstEntryDay(db: SqliteDatabase, worker: Owner): LocalDay | null {
  return statements(db).firstDay.get(worker)?.day ?? null;
}

/** Whole days since 1970-01-01 of a day, memoised: the figures look up the same few thousand days. */
const dayNumbers = new Map<LocalDay, number>();
function dayNumber(day: LocalDay): number {
  let number = dayNumbers.get(day);
  if (number === undefined) {
    number = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
    if (dayNumbers.size < 100_000) dayNumbers.set(day, number);
  }
  return number;
}

/**
 * Minutes per day of each category over its own span (`daysRead` in shared/domain/hours-reclaimed.ts),
 * from the rollup, as a lookup for the domain functions; a day outside every span reads 0. Each
 * category's span is one dense array by day number: ten years of days load without a map.
 */
export function dailyMinutesOf(db: SqliteDatabase, worker: Owner, spans: readonly CategoryDays[]): (categoryId: number, day: LocalDay) => number {
  const byCategory = new Map<number, { first: number; minutes: Float64Array }>();
  const statement = statements(db).dailyOfCategory;
  for (const span of spans) {
    const first = dayNumber(span.from);
    const minutes = new Float64Array(dayNumber(span.to) - first + 1);
    const read = statement.get({ worker, category_id: span.categoryId, from: span.from, to: span.to })!;
    const days = JSON.parse(read.days) as number[];
    const ms = JSON.parse(read.ms) as number[];
    for (let index = 0; index < days.length; index += 1) minutes[days[index]! - first] = ms[index]! / 60_000;
    byCategory.set(span.categoryId, { first, minutes });
  }
  return (categoryId, day) => {
    const span = byCategory.get(categoryId);
    if (!span) return 0;
    return span.minutes[dayNumber(day) - span.first] ?? 0;
  };
}

export function totalMinutes(db: SqliteDatabase, worker: Owner, from: LocalDay, to: LocalDay): number {
  return (statements(db).total.get({ worker, from, to })?.ms ?? 0) / 60_000;
}

/** Minutes per calendar month (`YYYY-MM`) in [from, to], in one grouped read. */
export function minutesByMonth(db: SqliteDatabase, worker: Owner, from: LocalDay, to: LocalDay): Map<string, number> {
  const wholeMonths = from.endsWith('-01') && addDays(to, 1).endsWith('-01');
  const rows = wholeMonths
    ? statements(db).byWholeMonth.all({ worker, from: from.slice(0, 7), to: to.slice(0, 7) })
    : statements(db).byMonth.all({ worker, from, to });
  return new Map(rows.map((row) => [row.month, row.ms / 60_000]));
}

export function minutesByCategory(db: SqliteDatabase, worker: Owner, from: LocalDay, to: LocalDay): { categoryId: number; minutes: number }[] {
  return statements(db)
    .byCategory.all({ worker, from, to })
    .map((row) => ({ categoryId: row.category_id, minutes: row.ms / 60_000 }));
}

interface FactsRow {
  id: number;
  worker: Owner;
  start_at: number;
  end_at: number | null;
  start_day: string;
  after_hours_ms: number;
  hour_spread: string;
}

/** Writes an entry's day, after-hours and hour spread when they differ from what is stored; true when they did. */
function refreshFacts(db: SqliteDatabase, row: FactsRow, calendar: EntryCalendar): boolean {
  const entry = { worker: row.worker, startAt: row.start_at, endAt: row.end_at };
  const day = calendar.dayOf(row.start_at);
  const afterHours = calendar.afterHoursMs(entry);
  const spread = calendar.hourSpread(entry);
  if (day === row.start_day && afterHours === row.after_hours_ms && spread === row.hour_spread) return false;
  statements(db).setFacts.run({ id: row.id, start_day: day, after_hours_ms: afterHours, hour_spread: spread });
  return true;
}

/**
 * Recomputes the stored local day and after-hours of the next `limit` entries after `afterId`, for a
 * new zone, working days or window (the caller holds the transaction). Entries move to the local
 * day they start on in the new zone, and every rollup follows through the triggers.
 */
export function refreshEntryFactsBatch(
  db: SqliteDatabase,
  calendar: EntryCalendar,
  afterId: number,
  limit: number,
): { changed: number; lastId: number; done: boolean } {
  const rows = statements(db).factsAfter.all({ after_id: afterId, limit });
  let changed = 0;
  for (const row of rows) if (refreshFacts(db, row, calendar)) changed += 1;
  return { changed, lastId: rows.at(-1)?.id ?? afterId, done: rows.length < limit };
}

/** After time off changes on [from, to]: her entries that start then, or the day before, get their after-hours again. */
export function refreshAfterHoursBetween(db: SqliteDatabase, calendar: EntryCalendar, from: LocalDay, to: LocalDay): number {
  let changed = 0;
  for (const row of statements(db).factsBetween.all({ from: addDays(from, -1), to })) if (refreshFacts(db, row, calendar)) changed += 1;
  return changed;
}

/** The instants every entry lies within (a running timer counts up to its start). */
export function entrySpan(db: SqliteDatabase): { from: number; to: number } {
  const span = statements(db).span.get();
  return { from: span?.first ?? 0, to: span?.last ?? 0 };
}

export function countTimeEntries(db: SqliteDatabase): number {
  return statements(db).count.get()?.count ?? 0;
}

const timerStatements = preparedFor((db) => ({
  running: db.prepare<[], TimeEntryRow>(`SELECT ${COLUMNS} FROM time_entries WHERE worker = 'me' AND end_at IS NULL`),
  stop: db.prepare<[{ id: number; end_at: number; after_hours_ms: number; hour_spread: string; now: number }]>(
    `UPDATE time_entries SET end_at = :end_at, after_hours_ms = :after_hours_ms, hour_spread = :hour_spread, updated_at = :now
     WHERE id = :id AND end_at IS NULL`,
  ),
  update: db.prepare<[Record<string, unknown>]>(
    `UPDATE time_entries SET worker = :worker, technician_id = :technician_id, category_id = :category_id, task_id = :task_id, start_at = :start_at, end_at = :end_at,
       start_day = :start_day, note = :note, unplanned = :unplanned, after_hours_ms = :after_hours_ms,
       hour_spread = :hour_spread, updated_at = :now
     WHERE id = :id`,
  ),
}));

/** Her running timer: the one entry of hers without an end (the schema allows at most one). */
export function runningTimer(db: SqliteDatabase): TimeEntry | null {
  const row = timerStatements(db).running.get();
  return row ? toTimeEntry(row) : null;
}

export function stopTimer(db: SqliteDatabase, id: number, endAt: number, calendar: EntryCalendar, now: number): TimeEntry {
  const running = getTimeEntry(db, id);
  const stopped = { worker: running.worker, startAt: running.startAt, endAt };
  timerStatements(db).stop.run({ id, end_at: endAt, after_hours_ms: calendar.afterHoursMs(stopped), hour_spread: calendar.hourSpread(stopped), now });
  return getTimeEntry(db, id);
}

export function updateTimeEntry(db: SqliteDatabase, entry: TimeEntry, calendar: EntryCalendar, now: number): TimeEntry {
  timerStatements(db).update.run({
    id: entry.id,
    worker: entry.worker,
    technician_id: entry.technicianId,
    category_id: entry.categoryId,
    task_id: entry.taskId,
    start_at: entry.startAt,
    end_at: entry.endAt,
    start_day: calendar.dayOf(entry.startAt),
    note: entry.note,
    unplanned: entry.unplanned ? 1 : 0,
    after_hours_ms: calendar.afterHoursMs(entry),
    hour_spread: calendar.hourSpread(entry),
    now,
  });
  return getTimeEntry(db, entry.id);
}

const zoneStatements = preparedFor((db) => ({
  span: db.prepare<[], { first: number | null; last: number | null; count: number }>(
    'SELECT min(start_at) AS first, max(start_at) AS last, count(*) AS count FROM time_entries',
  ),
  days: db.prepare<[], [number, string]>('SELECT start_at, start_day FROM time_entries'),
}));

/** How many entries would move to another local day if her zone became `timeZone`, and how many there are. */
export function entriesMovingToZone(db: SqliteDatabase, timeZone: string): { entries: number; entriesMoving: number } {
  const { span, days } = zoneStatements(db);
  const { first, last, count } = span.get() ?? { first: null, last: null, count: 0 };
  if (first === null || last === null) return { entries: 0, entriesMoving: 0 };
  const dayOf = localDayFinder(timeZone, first, last);
  let moving = 0;
  for (const [startAt, startDay] of days.raw(true).iterate()) {
    if (dayOf(startAt) !== startDay) moving += 1;
  }
  return { entries: count, entriesMoving: moving };
}

/** One imported entry, with the fingerprint of its file row. */
export interface ImportedEntryRow {
  worker: Owner;
  technicianId: number | null;
  categoryId: number;
  taskId: number | null;
  startAt: number;
  endAt: number;
  note: string;
  unplanned: boolean;
  source: string;
  sourceKey: string;
}

/**
 * One imported entry's bound values, in the order of importedRow: the worker as 0 (hers) or 1 (the
 * MSP's) and a missing technician or task as 0, so that no value is a null.
 */
type ImportedEntryValues = [number, number, number, number, number, number, string, string, number, number, string, string];

/**
 * Rows per INSERT when importing. Each statement pays its own set-up (a statement journal, since
 * the insert triggers make every INSERT a possible multi-row write). For 100,000 rows on the
 * ten-year data (microbenchmark): one row per statement 1,267 ms and 100 rows 641 ms with the old
 * source-key index; with today's indexes 100 rows 388–431 ms, 500 rows 344–346 ms, 2,000 rows
 * 341–351 ms. 500 × 12 parameters stays far below SQLite's 32,766.
 */
export const IMPORT_BATCH_ROWS = 500;

const IMPORTED_COLUMNS = `worker, technician_id, category_id, task_id, start_at, end_at, start_day, note, unplanned,
  after_hours_ms, hour_spread, source, source_key, created_at, updated_at`;

/**
 * An imported entry's row for IMPORTED_COLUMNS: 12 bound values, with its import's source and time
 * written into the statement. Each value better-sqlite3 binds costs a few N-API type checks (a null
 * five, a string three and a UTF-8 copy), so 100,000 inserts bound as 15 values each (the worker a
 * string, ids null, the source and time bound again in every row) ran 4.09 billion instructions,
 * and 3.60 billion as these 12 (callgrind, the ten-year data).
 */
const importedRow = (source: string, now: number) => {
  if (!Number.isSafeInteger(now)) throw new Error(`An import's time is a whole number of milliseconds, not ${now}.`);
  return `iif(?, 'msp', 'me'), nullif(?, 0), ?, nullif(?, 0), ?, ?, ?, ?, ?, ?, ?, '${source.replaceAll("'", "''")}', ?, ${now}, ${now}`;
};

/** Inside an import's bulk write (writeEntriesInBulk): its keys are new, checked under its write lock, and folded in at the end. */
const insertImportedBatchSql = (rows: number, source: string, now: number) =>
  `INSERT INTO time_entries (${IMPORTED_COLUMNS})
   VALUES ${Array.from({ length: rows }, () => `(${importedRow(source, now)})`).join(', ')}`;

/** The statements that write one import's entries: its source and time are in their text. */
const prepareInserts = (db: SqliteDatabase, source: string, now: number) => ({
  source,
  now,
  batch: db.prepare<ImportedEntryValues[number][]>(insertImportedBatchSql(IMPORT_BATCH_ROWS, source, now)),
  rest: db.prepare<ImportedEntryValues>(insertImportedBatchSql(1, source, now)),
  // One entry, unless its key is already there (the same file row imported before).
  one: db.prepare<[...ImportedEntryValues, string]>(
    `INSERT INTO time_entries (${IMPORTED_COLUMNS})
     SELECT ${importedRow(source, now)}
     WHERE NOT EXISTS (SELECT 1 FROM time_entry_source_keys WHERE source_key = ?)`,
  ),
});

/** The last import's statements on each connection (an import prepares its own once: 500 rows' worth of SQL). */
const importInserts = new WeakMap<SqliteDatabase, ReturnType<typeof prepareInserts>>();

function insertsFor(db: SqliteDatabase, source: string, now: number): ReturnType<typeof prepareInserts> {
  const known = importInserts.get(db);
  if (known?.source === source && known.now === now) return known;
  const inserts = prepareInserts(db, source, now);
  importInserts.set(db, inserts);
  return inserts;
}

/** Heatmap cells per upsert when a bulk write folds its hours in (5 parameters each). */
const HOUR_CELL_BATCH = 500;
/** Day rows per upsert when a bulk write folds its days in (7 parameters each). */
const DAY_ROW_BATCH = 500;
/**
 * An upsert of `rows` rows summed beforehand into the rollup `table`: each row its three `key`
 * columns, then its `count` (entries, or days), time, after-hours and unplanned time, added to the
 * row already there. What time_entries_rollup_insert adds to a day, and daily_rollup's triggers to a
 * week and a month, one row at a time.
 */
const addSumsSql = (table: string, key: string, count: 'entries' | 'days') => (rows: number) =>
  `INSERT INTO ${table} (${key}, ${count}, ms, after_hours_ms, unplanned_ms)
   VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
   ON CONFLICT (${key}) DO UPDATE SET
     ${count} = ${count} + excluded.${count}, ms = ms + excluded.ms,
     after_hours_ms = after_hours_ms + excluded.after_hours_ms, unplanned_ms = unplanned_ms + excluded.unplanned_ms`;
const addDayRowsSql = addSumsSql('daily_rollup', 'worker, category_id, day', 'entries');
const addWeekRowsSql = addSumsSql('weekly_rollup', 'week, worker, category_id', 'entries');
const addMonthRowsSql = addSumsSql('monthly_rollup', 'month, worker, category_id', 'days');
const addHourCellsSql = (rows: number) =>
  `INSERT INTO hour_month_rollup (month, category_id, weekday, hour, ms)
   VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ')}
   ON CONFLICT (month, category_id, weekday, hour) DO UPDATE SET ms = ms + excluded.ms`;

const importStatements = preparedFor((db) => ({
  beginBulk: db.prepare<[]>('INSERT INTO bulk_entry_writes (first_id) SELECT coalesce(max(id), 0) + 1 FROM time_entries'),
  bulkStart: db.prepare<[], number>('SELECT first_id FROM bulk_entry_writes').pluck(),
  addDayRows: db.prepare<(string | number)[]>(addDayRowsSql(DAY_ROW_BATCH)),
  addDayRow: db.prepare<(string | number)[]>(addDayRowsSql(1)),
  countedDays: db
    .prepare<[{ worker: Owner; category_id: number; from: LocalDay; to: LocalDay }], LocalDay>(
      'SELECT day FROM daily_rollup WHERE worker = :worker AND category_id = :category_id AND day BETWEEN :from AND :to AND entries > 0',
    )
    .pluck(),
  addWeekRows: db.prepare<(string | number)[]>(addWeekRowsSql(DAY_ROW_BATCH)),
  addWeekRow: db.prepare<(string | number)[]>(addWeekRowsSql(1)),
  addMonthRows: db.prepare<(string | number)[]>(addMonthRowsSql(DAY_ROW_BATCH)),
  addMonthRow: db.prepare<(string | number)[]>(addMonthRowsSql(1)),
  taskUnplanned: db.prepare<[number], number>('SELECT unplanned FROM tasks WHERE id = ?').pluck(),
  bulkWritten: db.prepare<[{ first_id: number }], number>('SELECT coalesce(max(id) - :first_id + 1, 0) FROM time_entries WHERE id >= :first_id').pluck(),
  addHourCells: db.prepare<(string | number)[]>(addHourCellsSql(HOUR_CELL_BATCH)),
  addHourCell: db.prepare<(string | number)[]>(addHourCellsSql(1)),
  triggers: db.prepare<[string], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?)) ORDER BY name",
  ),
  foldKeys: db.prepare<[{ first_id: number }]>(FOLD_SOURCE_KEYS),
  endBulk: db.prepare<[]>('DELETE FROM bulk_entry_writes'),
  knownKeys: db
    .prepare<[string], string>('SELECT j.value FROM json_each(?) AS j JOIN time_entry_source_keys AS k ON k.source_key = j.value')
    .pluck(),
  // Her entries that reach into [from, to): finished ones last at most a day, so only those starting in the day before can.
  mineBetween: db
    .prepare<[{ from: number; to: number }], [number, number]>(
      `SELECT start_at, coalesce(end_at, 9e15) FROM time_entries WHERE worker = 'me' AND start_at > :from - 86400000 AND start_at < :to
       UNION ALL
       SELECT start_at, 9e15 FROM time_entries WHERE worker = 'me' AND end_at IS NULL AND +start_at <= :from - 86400000`,
    )
    .raw(true),
  technicianBetween: db
    .prepare<[{ technician_id: number; from: number; to: number }], [number, number]>(
      `SELECT start_at, coalesce(end_at, 9e15) FROM time_entries
       WHERE technician_id = :technician_id AND start_at > :from - 86400000 AND start_at < :to`,
    )
    .raw(true),
}));

/**
 * Inserts an imported entry with its stored facts from `calendar`, unless an entry with its source
 * key is already there (the same file row imported before): true when it was added. The caller
 * holds the transaction and has checked overlaps; the rollups follow through the triggers.
 */
export function insertImportedTimeEntry(db: SqliteDatabase, entry: ImportedEntryRow, calendar: EntryCalendar, now: number): boolean {
  const pieces = calendar.hourPieces(entry);
  const day = calendar.dayOf(entry.startAt);
  const afterHoursMs = calendar.afterHoursMs(entry);
  const added = insertsFor(db, entry.source, now).one.run(...importedValues(entry, day, afterHoursMs, pieces), entry.sourceKey).changes === 1;
  if (added) bulkWrites.get(db)?.add(entry, day, afterHoursMs, pieces);
  return added;
}

/**
 * Writes many imported entries inside writeEntriesInBulk, IMPORT_BATCH_ROWS to a statement, in their order
 * (so their ids follow it), and returns how many. Their source keys must be new — the caller
 * checked them under its write lock (knownEntrySourceKeys); a key already there fails the fold at
 * the end, and with it the whole transaction. They come from one source (one file's format).
 * `between(done)` runs every `every` entries, before the next batch (progress and cancel checks).
 * `toEntry` makes each row its entry as it is written: an import's 100,000 planned rows become
 * entries one batch at a time, not 100,000 objects alive through the whole write (which the GC's
 * helper threads copied and marked: 134–142 ms of their CPU per import against 154–175 before).
 */
export function insertImportedTimeEntries<Row = ImportedEntryRow>(
  db: SqliteDatabase,
  rows: readonly Row[],
  calendar: EntryCalendar,
  now: number,
  between: { every: number; run: (done: number) => void } = { every: Infinity, run: () => {} },
  toEntry: (row: Row) => ImportedEntryRow = (row) => row as ImportedEntryRow,
): number {
  const count = rows.length;
  if (count === 0) return 0;
  const entryAt = (index: number) => toEntry(rows[index]!);
  const source = entryAt(0).source;
  const inserts = insertsFor(db, source, now);
  const session = bulkWrites.get(db);
  const values: ImportedEntryValues[number][] = [];
  const facts = (entry: ImportedEntryRow) => {
    if (entry.source !== source) throw new Error(`One call imports entries from one source: ${source}, then ${entry.source}.`);
    return [calendar.hourPieces(entry), calendar.dayOf(entry.startAt), calendar.afterHoursMs(entry)] as const;
  };
  let next = 0;
  for (; next + IMPORT_BATCH_ROWS <= count; next += IMPORT_BATCH_ROWS) {
    if (next % between.every < IMPORT_BATCH_ROWS) between.run(next);
    values.length = 0;
    for (let index = next; index < next + IMPORT_BATCH_ROWS; index += 1) {
      const entry = entryAt(index);
      const [pieces, day, afterHoursMs] = facts(entry);
      pushImportedValues(values, entry, day, afterHoursMs, pieces);
      session?.add(entry, day, afterHoursMs, pieces);
    }
    inserts.batch.run(...values);
  }
  for (; next < count; next += 1) {
    if (next % between.every === 0) between.run(next);
    const entry = entryAt(next);
    const [pieces, day, afterHoursMs] = facts(entry);
    inserts.rest.run(...importedValues(entry, day, afterHoursMs, pieces));
    session?.add(entry, day, afterHoursMs, pieces);
  }
  return count;
}

function importedValues(entry: ImportedEntryRow, day: LocalDay, afterHoursMs: number, pieces: ReturnType<EntryCalendar['hourPieces']>): ImportedEntryValues {
  const values: ImportedEntryValues[number][] = [];
  pushImportedValues(values, entry, day, afterHoursMs, pieces);
  return values as ImportedEntryValues;
}

/** An entry's 12 values (ImportedEntryValues) onto a batch's parameters (no array of its own to collect). */
function pushImportedValues(values: ImportedEntryValues[number][], entry: ImportedEntryRow, day: LocalDay, afterHoursMs: number, pieces: ReturnType<EntryCalendar['hourPieces']>): void {
  values.push(
    entry.worker === 'me' ? 0 : 1,
    entry.technicianId ?? 0,
    entry.categoryId,
    entry.taskId ?? 0,
    entry.startAt,
    entry.endAt,
    day,
    entry.note,
    entry.unplanned ? 1 : 0,
    afterHoursMs,
    JSON.stringify(pieces),
    entry.sourceKey,
  );
}

/**
 * Per-row triggers an import's bulk write takes out of its own transaction, because it does their
 * work once at the end. Standing aside by their WHEN clause was not enough: SQLite still enters each
 * trigger's program for every row (about 40 ms of 100,000 inserts).
 */
const ENTRY_INSERT_TRIGGERS = ['time_entries_rollup_insert', 'time_entries_hours_insert', 'time_entries_source_key_insert'];

/**
 * daily_rollup's triggers an upsert of its rows fires, which carry each row into weekly_rollup
 * (migration 013) and monthly_rollup (migration 006). A bulk write upserts its day rows with them
 * taken out and adds the weeks and months itself, summed from the same rows: for the bench's
 * 42,091 day rows, 6,015 weeks and 1,385 months instead of two upserts per day row (the
 * transaction's median over 25 imports 1,370 → 1,236 ms).
 */
const DAY_ROW_TRIGGERS = ['daily_rollup_monthly_insert', 'daily_rollup_monthly_update', 'daily_rollup_weekly_insert', 'daily_rollup_weekly_rekey', 'daily_rollup_weekly_update'];

/**
 * Runs `work` with these triggers dropped, then creates them again from their own stored SQL. Only
 * inside a transaction (writeEntriesInBulk checks): if anything throws, its rollback restores them
 * with the rest, and no other connection ever sees the schema without them.
 */
function withoutTriggers<Result>(db: SqliteDatabase, names: readonly string[], work: () => Result): Result {
  const triggers = importStatements(db).triggers.all(JSON.stringify(names));
  if (triggers.length !== names.length) throw new Error(`Expected the triggers ${names.join(', ')}; found ${triggers.map((trigger) => trigger.name).join(', ')}.`);
  for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
  const result = work();
  for (const trigger of triggers) db.exec(trigger.sql);
  return result;
}

/** A day row as a bulk write sums it, in the order addSumsSql takes. */
type DayRow = [worker: Owner, categoryId: number, day: LocalDay, entries: number, ms: number, afterHoursMs: number, unplannedMs: number];

/** A week's or a month's row as a bulk write adds it, in the order addSumsSql takes (`count`: entries, or days). */
type PeriodRow = [period: string, worker: Owner, categoryId: number, count: number, ms: number, afterHoursMs: number, unplannedMs: number];

/**
 * What the entries a bulk write inserts add to the rollups, summed as they are written from the
 * values computed for their row anyway: per day row (worker, category, day) their time, count,
 * after-hours and unplanned time — unplanned when the entry or its task is, as the insert trigger
 * has it — and her time per heatmap cell (month, category, weekday, hour) from their hour pieces.
 * The fold then upserts each day row and cell once (for the bench's 100,000 Toggl rows 42,091 day
 * rows and 109,355 cells), instead of reading the entries back, grouping them in SQL and reading
 * 180,711 pieces back out of JSON.
 *
 * The sums live in typed arrays, not in an array per row and cell: those 151,446 small arrays
 * outlived every young-generation collection of the write, so each was copied, promoted and then
 * marked by a full collection before the commit (the data worker's heap grew by 24 MB during the
 * inserts with them, 5 MB without).
 */
class BulkSums {
  /** Entries written through insertImportedTimeEntry/insertImportedTimeEntries, hers or not. */
  entries = 0;
  /** Per worker and category (categoryId * 2, + 1 for the MSP's), each day's index into `daySums`. */
  private readonly dayGroups = new Map<number, Map<LocalDay, number>>();
  /** Per day row, 4 sums: entries, time, after-hours, unplanned time. */
  private daySums = new Float64Array(4 * 1024);
  private dayCount = 0;
  /** Per month, per category, her time in each of the week's 168 hours (weekday × 24 + hour). */
  private readonly months = new Map<string, Map<number, Float64Array>>();
  /** Per day: its month's cells by category and its weekday. */
  private readonly days = new Map<LocalDay, [categories: Map<number, Float64Array>, weekday: number]>();
  /** Whether each task the entries link to is unplanned, looked up once per task. */
  private readonly unplannedTasks = new Map<number, boolean>();

  constructor(private readonly taskIsUnplanned: (taskId: number) => boolean) {}

  add(entry: ImportedEntryRow, day: LocalDay, afterHoursMs: number, pieces: ReturnType<EntryCalendar['hourPieces']>): void {
    this.entries += 1;
    const ms = entry.endAt - entry.startAt;
    const groupKey = entry.categoryId * 2 + (entry.worker === 'me' ? 0 : 1);
    let group = this.dayGroups.get(groupKey);
    if (!group) this.dayGroups.set(groupKey, (group = new Map<LocalDay, number>()));
    let row = group.get(day);
    if (row === undefined) {
      row = this.dayCount++;
      if (row * 4 === this.daySums.length) {
        const grown = new Float64Array(this.daySums.length * 2);
        grown.set(this.daySums);
        this.daySums = grown;
      }
      group.set(day, row);
    }
    const sums = this.daySums;
    const at = row * 4;
    sums[at] = sums[at]! + 1;
    sums[at + 1] = sums[at + 1]! + ms;
    sums[at + 2] = sums[at + 2]! + afterHoursMs;
    if (entry.unplanned || (entry.taskId !== null && this.unplannedTask(entry.taskId))) sums[at + 3] = sums[at + 3]! + ms;

    for (const [pieceDay, hour, pieceMs] of pieces) {
      let known = this.days.get(pieceDay);
      if (!known) {
        const month = pieceDay.slice(0, 7);
        let categories = this.months.get(month);
        if (!categories) this.months.set(month, (categories = new Map<number, Float64Array>()));
        known = [categories, dayOfWeek(pieceDay)];
        this.days.set(pieceDay, known);
      }
      const [categories, weekday] = known;
      let cells = categories.get(entry.categoryId);
      if (!cells) categories.set(entry.categoryId, (cells = new Float64Array(7 * 24)));
      const slot = weekday * 24 + hour;
      cells[slot] = cells[slot]! + pieceMs;
    }
  }

  private unplannedTask(taskId: number): boolean {
    let unplanned = this.unplannedTasks.get(taskId);
    if (unplanned === undefined) this.unplannedTasks.set(taskId, (unplanned = this.taskIsUnplanned(taskId)));
    return unplanned;
  }

  /** Every day row, in daily_rollup's key order (worker, category, day). */
  allDays(): DayRow[] {
    const all: DayRow[] = [];
    const sums = this.daySums;
    const groups = [...this.dayGroups.keys()].sort((a, b) => (a % 2) - (b % 2) || a - b);
    for (const groupKey of groups) {
      const worker: Owner = groupKey % 2 === 0 ? 'me' : 'msp';
      const categoryId = Math.floor(groupKey / 2);
      const group = this.dayGroups.get(groupKey)!;
      for (const day of [...group.keys()].sort()) {
        const row = group.get(day)! * 4;
        all.push([worker, categoryId, day, sums[row]!, sums[row + 1]!, sums[row + 2]!, sums[row + 3]!]);
      }
    }
    return all;
  }

  /**
   * Every cell with time in it as hour_month_rollup's values (month, category, weekday, hour, ms),
   * one after another in its key order. An hour piece always has time (localHourPieces), so a cell
   * at 0 was never touched.
   */
  cellValues(): (string | number)[] {
    const values: (string | number)[] = [];
    for (const month of [...this.months.keys()].sort()) {
      const categories = this.months.get(month)!;
      for (const categoryId of [...categories.keys()].sort((a, b) => a - b)) {
        const cells = categories.get(categoryId)!;
        for (let slot = 0; slot < cells.length; slot += 1) {
          if (cells[slot] !== 0) values.push(month, categoryId, Math.floor(slot / 24), slot % 24, cells[slot]!);
        }
      }
    }
    return values;
  }
}

const bulkWrites = new WeakMap<SqliteDatabase, BulkSums>();

/**
 * Writes many entries with the rollups (migration 009), the heatmap's cells (migration 014) and
 * their source keys (migration 012) folded in once at the end instead of by triggers per entry.
 * `write` inserts them with insertImportedTimeEntries or insertImportedTimeEntry, which hand this
 * what each entry adds; the caller holds the transaction, which must not write entries any other
 * way meanwhile (an entry that did is refused here), and rolls it back if this throws.
 */
export function writeEntriesInBulk<Result>(db: SqliteDatabase, write: () => Result): Result {
  if (!db.inTransaction) throw new Error('An import writes entries in bulk only inside its transaction.');
  if (bulkWrites.has(db)) throw new Error('Entries are already being written in bulk on this connection.');
  const statements = importStatements(db);
  statements.beginBulk.run();
  const firstId = statements.bulkStart.get()!;
  const sums = new BulkSums((taskId) => statements.taskUnplanned.get(taskId) === 1);
  bulkWrites.set(db, sums);
  let result: Result;
  try {
    result = withoutTriggers(db, ENTRY_INSERT_TRIGGERS, write);
  } finally {
    bulkWrites.delete(db);
  }
  // The new ids follow each other from firstId: every one must have come through the two functions.
  const written = statements.bulkWritten.get({ first_id: firstId })!;
  if (written !== sums.entries) {
    throw new Error(`${written} entries were written in bulk, ${sums.entries} of them by the import's own inserts; nothing was imported.`);
  }
  const days = sums.allDays();
  withoutTriggers(db, DAY_ROW_TRIGGERS, () => {
    const counted = countedDayRows(statements, days);
    upsertFlat(days.flat(), 7, DAY_ROW_BATCH, statements.addDayRows, statements.addDayRow);
    const { weeks, months } = weeksAndMonths(days, weeklyRollupWeekStart(db) ?? 1, counted);
    upsertFlat(weeks.flat(), 7, DAY_ROW_BATCH, statements.addWeekRows, statements.addWeekRow);
    upsertFlat(months.flat(), 7, DAY_ROW_BATCH, statements.addMonthRows, statements.addMonthRow);
  });
  upsertFlat(sums.cellValues(), 5, HOUR_CELL_BATCH, statements.addHourCells, statements.addHourCell);
  statements.foldKeys.run({ first_id: firstId });
  statements.endBulk.run();
  return result;
}

/**
 * The day rows among `days` that are already in daily_rollup with entries: their month has counted
 * them. One range per worker and category (days come in key order), as keys `worker|category|day`.
 */
function countedDayRows(statements: ReturnType<typeof importStatements>, days: readonly DayRow[]): Set<string> {
  const counted = new Set<string>();
  for (let first = 0; first < days.length; ) {
    const [worker, categoryId, from] = days[first]!;
    let last = first;
    while (last + 1 < days.length && days[last + 1]![0] === worker && days[last + 1]![1] === categoryId) last += 1;
    for (const day of statements.countedDays.all({ worker, category_id: categoryId, from, to: days[last]![2] })) counted.add(`${worker}|${categoryId}|${day}`);
    first = last + 1;
  }
  return counted;
}

/**
 * What the day rows add to weekly_rollup and monthly_rollup, as daily_rollup's triggers would add
 * them row by row: to each week (by the week start the weekly rollup is built for) and month their
 * entries, time, after-hours and unplanned time, and to each month one day for every day row it had
 * not counted yet (`counted`: rows already there with entries). The days come in key order (worker,
 * category, day), so each worker's and category's weeks and months follow each other.
 */
function weeksAndMonths(days: readonly DayRow[], weekStartsOn: number, counted: ReadonlySet<string>): { weeks: PeriodRow[]; months: PeriodRow[] } {
  const weeks: PeriodRow[] = [];
  const months: PeriodRow[] = [];
  const weekOf = new Map<LocalDay, LocalDay>();
  let week: PeriodRow | null = null;
  let month: PeriodRow | null = null;
  for (const [worker, categoryId, day, entries, ms, afterHoursMs, unplannedMs] of days) {
    let weekStart = weekOf.get(day);
    if (weekStart === undefined) weekOf.set(day, (weekStart = startOfWeek(day, weekStartsOn)));
    if (week && week[0] === weekStart && week[1] === worker && week[2] === categoryId) {
      week[3] += entries;
      week[4] += ms;
      week[5] += afterHoursMs;
      week[6] += unplannedMs;
    } else weeks.push((week = [weekStart, worker, categoryId, entries, ms, afterHoursMs, unplannedMs]));
    const newDay = counted.size > 0 && counted.has(`${worker}|${categoryId}|${day}`) ? 0 : 1;
    if (month && day.startsWith(month[0]) && month[1] === worker && month[2] === categoryId) {
      month[3] += newDay;
      month[4] += ms;
      month[5] += afterHoursMs;
      month[6] += unplannedMs;
    } else months.push((month = [day.slice(0, 7), worker, categoryId, newDay, ms, afterHoursMs, unplannedMs]));
  }
  return { weeks, months };
}

type Upsert = { run(...values: (string | number)[]): unknown };

/** Rows laid out one after another in `values`, `width` values each, through a statement of `batch` rows, the rest one by one. */
function upsertFlat(values: readonly (string | number)[], width: number, batch: number, many: Upsert, one: Upsert): void {
  const step = width * batch;
  let next = 0;
  for (; next + step <= values.length; next += step) many.run(...values.slice(next, next + step));
  for (; next < values.length; next += width) one.run(...values.slice(next, next + width));
}

/** Which of these source keys are already in Offload (imported before). */
export function knownEntrySourceKeys(db: SqliteDatabase, keys: readonly string[]): Set<string> {
  const known = new Set<string>();
  for (let start = 0; start < keys.length; start += 5000) {
    for (const key of importStatements(db).knownKeys.all(JSON.stringify(keys.slice(start, start + 5000)))) known.add(key);
  }
  return known;
}

/** Her logged intervals (a running timer reaching forever) that reach into [from, to). */
export function herIntervalsBetween(db: SqliteDatabase, from: number, to: number): { startAt: number; endAt: number }[] {
  return importStatements(db)
    .mineBetween.all({ from, to })
    .map(([startAt, endAt]) => ({ startAt, endAt: endAt >= 9e15 ? Infinity : endAt }));
}

/** One technician's logged intervals that reach into [from, to). */
export function technicianIntervalsBetween(db: SqliteDatabase, technicianId: number, from: number, to: number): { startAt: number; endAt: number }[] {
  return importStatements(db)
    .technicianBetween.all({ technician_id: technicianId, from, to })
    .map(([startAt, endAt]) => ({ startAt, endAt: endAt >= 9e15 ? Infinity : endAt }));
}
