import type { LoggedEntry } from '../../shared/api/views';
import type { TimeEntry } from '../../shared/domain/time-entry';
import { preparedFor, type SqliteDatabase } from '../db/connection';

const statements = preparedFor((db) => ({
  // The primary key, once per id: a day's log names a handful of tasks.
  titles: db.prepare<[string], { id: number; title: string }>('SELECT id, title FROM tasks WHERE id IN (SELECT value FROM json_each(?))'),
}));

/** The titles of the given tasks, deleted ones included (an entry keeps naming the task it was for). */
export function taskTitles(db: SqliteDatabase, ids: readonly number[]): Map<number, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map(statements(db).titles.all(JSON.stringify(unique)).map((row) => [row.id, row.title]));
}

/** Entries as a log lists them: each with its task's title (one lookup for all of them). */
export function withTaskTitles(db: SqliteDatabase, entries: readonly TimeEntry[]): LoggedEntry[] {
  const titles = taskTitles(db, entries.flatMap((entry) => (entry.taskId === null ? [] : [entry.taskId])));
  return entries.map((entry) => ({ ...entry, taskTitle: entry.taskId === null ? null : (titles.get(entry.taskId) ?? null) }));
}
