import { openWorkerConnection, type SqliteDatabase } from '../../db/connection';
import { exportData } from './data-export';
import { restoreJson } from './data-restore';
import { applyImport, keptReads, previewImport, type ImportControl, type ImportInput } from './import-engine';
import type { SharedFile, WorkerContext, WorkerReplyBody, WorkerRequest } from './worker-protocol';

/** The rows this thread's last import preview parsed, for the apply that follows it on the same thread. */
const kept = keptReads();

/**
 * What the data worker does with one request, on its own connection to the database file. Runs
 * synchronously (better-sqlite3 is synchronous), which is the point: it blocks this thread, never
 * the main one. Progress goes out as messages while it runs.
 */
export function runWorkerTask(request: WorkerRequest, reply: (message: WorkerReplyBody) => void): unknown {
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

function withConnection<T>(context: WorkerContext, readonly: boolean, run: (db: SqliteDatabase) => T): T {
  const db = openWorkerConnection(context.databaseFile, { readonly });
  try {
    return run(db);
  } finally {
    db.close();
  }
}

function importInput(context: WorkerContext, request: ImportInput['request'], file: SharedFile): ImportInput {
  return {
    request,
    fileName: file.fileName,
    text: decodeText(file.bytes),
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
