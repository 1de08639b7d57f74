import { AppError } from '../../../shared/api/errors';
import { JobCancelled } from '../../backend/jobs';
import { openWorkerConnection, type SqliteDatabase } from '../../db/connection';
import { savingErrorOf } from '../../db/storage-errors';
import { exportData } from './data-export';
import { restoreJson } from './data-restore';
import { applyImport, keptReads, previewImport, type ImportControl, type ImportInput } from './import-engine';
import type { SharedFile, WorkerContext, WorkerReplyBody, WorkerRequest } from './worker-protocol';

/** The rows this thread's last import preview parsed, for the apply that follows it on the same thread. */
const kept = keptReads();

/** A task's answer, and what the thread does after sending it (housekeeping nobody waits for). */
export interface TaskOutcome {
  value: unknown;
  after: () => void;
}

/** The tasks that write the database: a full or failing disk under one of them is a save that did not happen. */
const WRITING_TASKS: ReadonlySet<WorkerRequest['task']> = new Set(['import-apply', 'restore']);

/**
 * What a task that threw answers: cancelled, its own error, the storage error a writing task's
 * failed save is (disk full, read-only, I/O; its transaction rolled back), or INTERNAL.
 */
export function taskFailure(task: WorkerRequest['task'], error: unknown): Extract<WorkerReplyBody, { type: 'cancelled' | 'failed' }> {
  if (error instanceof JobCancelled) return { type: 'cancelled' };
  const known = error instanceof AppError ? error : WRITING_TASKS.has(task) ? savingErrorOf(error) : null;
  if (known) return { type: 'failed', error: known.toShape() };
  return { type: 'failed', error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
}

/**
 * What the data worker does with one request, on its own connection to the database file. Runs
 * synchronously (better-sqlite3 is synchronous), which is the point: it blocks this thread, never
 * the main one. Progress goes out as messages while it runs.
 */
export function runWorkerTask(request: WorkerRequest, reply: (message: WorkerReplyBody) => void): TaskOutcome {
  const flag = new Int32Array(request.cancel);
  const control: ImportControl = {
    progress: (done, total) => reply({ type: 'progress', done, total }),
    cancelled: () => Atomics.load(flag, 0) === 1,
  };
  switch (request.task) {
    case 'import-preview':
      return withConnection(request.context, true, (db) => previewImport(db, importInput(request.context, request.request, request.file), control));
    case 'import-apply':
      return withConnection(request.context, false, (db) => applyImport(db, importInput(request.context, request.request, request.file), control));
    case 'export':
      return withConnection(request.context, true, (db) => exportData(db, request.what, request.context, control));
    case 'restore':
      return withConnection(request.context, false, (db) => restoreJson(db, decodeText(request.file.bytes), control));
  }
}

/**
 * Runs `run` on a connection of its own. A writing task commits without folding the WAL into the
 * database file (its commit is durable in the WAL, synchronous = FULL): the fold of tens of
 * megabytes an import wrote — 35-48 ms for 100,000 entries — happens after its answer is sent,
 * instead of inside its commit.
 */
function withConnection(context: WorkerContext, readonly: boolean, run: (db: SqliteDatabase) => unknown): TaskOutcome {
  const db = openWorkerConnection(context.databaseFile, { readonly });
  let value: unknown;
  try {
    if (!readonly) db.pragma('wal_autocheckpoint = 0');
    value = run(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    value,
    after() {
      try {
        if (!readonly) db.pragma('wal_checkpoint(PASSIVE)');
      } finally {
        db.close();
      }
    },
  };
}

function importInput(context: WorkerContext, request: ImportInput['request'], file: SharedFile): ImportInput {
  let text: string | null = null;
  return {
    request,
    fileName: file.fileName,
    fileBytes: file.bytes.byteLength,
    // Decoded when the file is read: an apply that uses its preview's rows never decodes it.
    get text() {
      return (text ??= decodeText(file.bytes));
    },
    settings: context.settings,
    herZone: context.herZone,
    now: context.now,
    today: context.today,
    kept,
  };
}

/** The file as UTF-8 text (a byte-order mark stays for the CSV reader to remove; invalid bytes become U+FFFD). */
export function decodeText(bytes: SharedArrayBuffer): string {
  // TextDecoder does not read shared memory directly; one copy into this thread's memory.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(bytes).slice());
}
