/**
 * The writer of the crash test and of the backup-during-writes test: a separate process that commits
 * through the app's own database module (openDatabase, the task and time-entry repositories), one
 * task and its time entry per transaction, and reports each commit on stdout before it goes on.
 * It never stops by itself: the parent kills it (SIGKILL) at a moment of its choosing.
 *
 *   node crash-child.cjs <database file> <first sequence number> [pause in ms between commits]
 */
import fs from 'node:fs';
import { openDatabase } from '../../electron/db/connection';
import { createTask } from '../../electron/repositories/tasks';
import { insertTimeEntry } from '../../electron/repositories/time-entries';
import { entryCalendar } from '../../electron/services/entry-calendar';
import { newTask, newTimeEntry } from '../../shared/api/schemas';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';

const [file, first, pause = '0'] = process.argv.slice(2);
const pauseMs = Number(pause);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
if (!file || first === undefined) throw new Error('usage: crash-child <database file> <first sequence number>');

const BASE = Date.parse('2020-01-06T09:00:00Z');
const db = openDatabase(file, { now: () => BASE });
const calendar = entryCalendar(db, DEFAULT_SETTINGS, 'UTC');
fs.writeSync(1, 'open\n');

for (let sequence = Number(first); ; sequence += 1) {
  const startAt = BASE + sequence * 3_600_000;
  const committed = db.transaction(() => {
    const task = createTask(db, newTask.parse({ title: `Crash test ${sequence}`, notes: `Committed as number ${sequence}. `.repeat(20), categoryId: (sequence % 9) + 1 }), BASE);
    const entry = insertTimeEntry(
      db,
      newTimeEntry.parse({ worker: 'me', categoryId: (sequence % 9) + 1, taskId: task.id, startAt, endAt: startAt + 30 * 60_000 }),
      calendar,
      BASE,
    );
    return { task: task.id, entry: entry.id };
  })();
  // Reported only after the commit returned: every number the parent reads is durable.
  fs.writeSync(1, `committed ${sequence} ${committed.task} ${committed.entry}\n`);
  // A pause lets another connection take the write lock between commits, as the app's own writes do.
  if (pauseMs > 0) Atomics.wait(sleeper, 0, 0, pauseMs);
}
