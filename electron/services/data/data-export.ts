import type { ExportKind } from '../../../shared/api/data-views';
import { csvCell, EXPORT_FORMAT, EXPORT_VERSION, TextPieces, type ExportDocument } from '../../../shared/export/export-format';
import { zoneArithmetic } from '../../../shared/domain/zoned-time';
import { JobCancelled } from '../../backend/jobs';
import type { SqliteDatabase } from '../../db/connection';
import { entrySpan } from '../../repositories/time-entries';
import { dataTables, isInstantColumn, rowCount, tableRows } from '../../repositories/whole-database';
import type { ImportControl } from './import-engine';
import type { PreparedFile } from './data-service';
import type { WorkerContext } from './worker-protocol';

const STEP = 5000;
const TASK_STATUS: Record<string, string> = { open: 'open', in_progress: 'in progress', waiting: 'waiting', done: 'done' };

/** Prepares an export as pieces of text for the renderer to read back and save as one file. */
export function exportData(db: SqliteDatabase, what: ExportKind, context: WorkerContext, control: ImportControl): PreparedFile {
  switch (what) {
    case 'json':
      return exportJson(db, context, control);
    case 'tasks-csv':
      return exportTasksCsv(db, context, control);
    case 'time-entries-csv':
      return exportEntriesCsv(db, context, control);
  }
}

const count = (value: number, one: string, many: string) => `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`;
const size = (characters: number) => (characters > 1_000_000 ? `${(characters / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(characters / 1000))} KB`);

/** Every table of her data, instants as ISO 8601 UTC; see docs/data-export.md. */
export function exportJson(db: SqliteDatabase, context: WorkerContext, control: ImportControl): PreparedFile {
  const tables = dataTables(db);
  const total = tables.reduce((sum, table) => sum + rowCount(db, table.name), 0);
  const header: Omit<ExportDocument, 'tables'> = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: context.schemaVersion,
    app: { name: 'Offload', version: context.appVersion },
    exportedAt: new Date(context.now).toISOString(),
    timeZone: context.herZone,
    settings: context.settings,
  };
  const pieces = new TextPieces();
  const opening = JSON.stringify(header, null, 1);
  pieces.push(`${opening.slice(0, -2)},\n "tables": {`);
  let done = 0;
  tables.forEach((table, tableIndex) => {
    const instants = table.columns.map(isInstantColumn);
    pieces.push(`${tableIndex === 0 ? '' : ','}\n  ${JSON.stringify(table.name)}: {\n   "columns": ${JSON.stringify(table.columns)},\n   "rows": [`);
    let first = true;
    for (const row of tableRows(db, table)) {
      for (let index = 0; index < row.length; index += 1) {
        const value = row[index];
        if (instants[index] && typeof value === 'number') row[index] = new Date(value).toISOString();
      }
      pieces.push(`${first ? '\n    ' : ',\n    '}${JSON.stringify(row)}`);
      first = false;
      done += 1;
      if (done % STEP === 0) {
        guard(control);
        control.progress(done, total);
      }
    }
    pieces.push(`${first ? '' : '\n   '}]\n  }`);
  });
  pieces.push('\n }\n}\n');
  control.progress(total, total);
  const parts = pieces.finish();
  return {
    fileName: `offload-export-${context.today}.json`,
    mimeType: 'application/json',
    parts,
    summary: `Exported ${count(total, 'row', 'rows')} from ${tables.length} tables (${size(pieces.characters)}).`,
  };
}

function guard(control: ImportControl): void {
  if (control.cancelled()) throw new JobCancelled();
}

/** Her wall clock in `timeZone` for many instants: `YYYY-MM-DD` and `HH:MM:SS`. */
function wallClock(db: SqliteDatabase, timeZone: string): (instant: number) => [string, string] {
  const span = entrySpan(db);
  const zone = zoneArithmetic(timeZone, span.from, span.to);
  return (instant) => {
    const iso = new Date(instant + zone.offsetOf(instant)).toISOString();
    return [iso.slice(0, 10), iso.slice(11, 19)];
  };
}

/**
 * Tasks (not deleted), one a row. The first ten columns are the Offload task CSV's, so the file reads
 * back with the task import; the rest say what the app knows besides.
 */
export function exportTasksCsv(db: SqliteDatabase, context: WorkerContext, control: ImportControl): PreparedFile {
  const total = (db.prepare('SELECT count(*) AS count FROM tasks WHERE deleted_at IS NULL').get() as { count: number }).count;
  const rows = db
    .prepare(
      `SELECT t.title, c.name, t.estimate_minutes, t.due_day, t.planned_day, t.priority, t.status, t.owner, m.name, t.notes, t.unplanned,
         t.id, t.keep_owner, t.created_at, t.completed_at,
         (SELECT coalesce(sum(e.end_at - e.start_at), 0) FROM time_entries AS e WHERE e.task_id = t.id AND e.end_at IS NOT NULL)
       FROM tasks AS t LEFT JOIN categories AS c ON c.id = t.category_id LEFT JOIN technicians AS m ON m.id = t.technician_id
       WHERE t.deleted_at IS NULL ORDER BY t.id`,
    )
    .raw(true)
    .iterate() as IterableIterator<[string, string | null, number | null, string | null, string | null, number, string, string, string | null, string, number, number, number, number, number | null, number]>;
  const pieces = new TextPieces();
  pieces.push('\uFEFFtitle,category,estimate,due,planned,priority,status,owner,notes,unplanned,id,kept by me,technician,created (UTC),completed (UTC),logged minutes\r\n');
  let done = 0;
  for (const [title, category, estimate, due, planned, priority, status, owner, technician, notes, unplanned, id, kept, createdAt, completedAt, loggedMs] of rows) {
    // The owner column is what the task import reads: me, msp, or the technician's name (the MSP's).
    const ownerCell = owner === 'msp' && technician ? technician : owner;
    const cells = [
      csvCell(title),
      csvCell(category ?? ''),
      estimate === null ? '' : String(estimate),
      due ?? '',
      planned ?? '',
      String(priority),
      TASK_STATUS[status] ?? status,
      csvCell(ownerCell),
      csvCell(notes),
      unplanned ? 'yes' : 'no',
      String(id),
      kept ? 'yes' : 'no',
      csvCell(technician ?? ''),
      new Date(createdAt).toISOString(),
      completedAt === null ? '' : new Date(completedAt).toISOString(),
      String(Math.round(loggedMs / 60_000)),
    ];
    pieces.push(`${cells.join(',')}\r\n`);
    done += 1;
    if (done % STEP === 0) {
      guard(control);
      control.progress(done, total);
    }
  }
  control.progress(total, total);
  return {
    fileName: `offload-tasks-${context.today}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    parts: pieces.finish(),
    summary: `Exported ${count(total, 'task', 'tasks')} (${size(pieces.characters)}).`,
  };
}

/**
 * Time entries, oldest first, with their days and clock times in her zone. The first nine columns
 * are the Offload time-entry CSV's (an end before the start is the next day), so the file reads back
 * with the time-entry import; the rest are the end day, durations and the instants in UTC.
 */
export function exportEntriesCsv(db: SqliteDatabase, context: WorkerContext, control: ImportControl): PreparedFile {
  const total = (db.prepare('SELECT count(*) AS count FROM time_entries').get() as { count: number }).count;
  const clock = wallClock(db, context.herZone);
  const rows = db
    .prepare(
      `SELECT e.start_at, e.end_at, c.name, t.title, e.note, e.worker, m.name, e.unplanned, e.after_hours_ms, e.id, e.source
       FROM time_entries AS e JOIN categories AS c ON c.id = e.category_id
         LEFT JOIN tasks AS t ON t.id = e.task_id LEFT JOIN technicians AS m ON m.id = e.technician_id
       ORDER BY e.start_at, e.id`,
    )
    .raw(true)
    .iterate() as IterableIterator<[number, number | null, string, string | null, string, string, string | null, number, number, number, string]>;
  const pieces = new TextPieces();
  pieces.push(
    `\uFEFFdate,start,end,category,task,note,worker,technician,unplanned,end date,minutes,after-hours minutes,start (UTC),end (UTC),id,source\r\n`,
  );
  let done = 0;
  for (const [startAt, endAt, category, task, note, worker, technician, unplanned, afterHoursMs, id, source] of rows) {
    const [startDay, startTime] = clock(startAt);
    const [endDay, endTime] = endAt === null ? ['', ''] : clock(endAt);
    const cells = [
      startDay,
      startTime,
      endTime,
      csvCell(category),
      csvCell(task ?? ''),
      csvCell(note),
      worker,
      csvCell(technician ?? ''),
      unplanned ? 'yes' : 'no',
      endDay,
      endAt === null ? '' : String(Math.round(((endAt - startAt) / 60_000) * 100) / 100),
      String(Math.round((afterHoursMs / 60_000) * 100) / 100),
      new Date(startAt).toISOString(),
      endAt === null ? '' : new Date(endAt).toISOString(),
      String(id),
      csvCell(source),
    ];
    pieces.push(`${cells.join(',')}\r\n`);
    done += 1;
    if (done % STEP === 0) {
      guard(control);
      control.progress(done, total);
    }
  }
  control.progress(total, total);
  return {
    fileName: `offload-time-entries-${context.today}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    parts: pieces.finish(),
    summary: `Exported ${count(total, 'time entry', 'time entries')} (${size(pieces.characters)}).`,
  };
}
