import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { SqliteDatabase } from './connection';

/** What verifying a backup file found: `integrity_check`, its schema version and its rows per table. */
export interface BackupCheck {
  ok: boolean;
  /** `integrity_check`'s complaints, or why the file could not be read; empty when ok. */
  problems: string[];
  schemaVersion: number;
  rows: Record<string, number>;
}

type DatabaseClass = typeof Database;

/*
 * The three functions below run in a worker thread from their source text (see WORKER_SOURCE) as
 * well as on the calling thread, so the backup that is verified off the main thread and the one
 * verified before a migration go through the same code. They therefore refer to nothing outside
 * their own parameters.
 */

/** Rows per table, leaving out SQLite's own tables and the shadow tables of virtual (FTS) tables. */
function inspectTables(db: SqliteDatabase): { schemaVersion: number; rows: Record<string, number> } {
  const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];
  const virtual = tables.filter((table) => /^CREATE VIRTUAL TABLE/i.test(table.sql ?? '')).map((table) => table.name);
  const rows: Record<string, number> = {};
  for (const { name } of tables) {
    if (virtual.some((owner) => name === owner || name.startsWith(`${owner}_`))) continue;
    rows[name] = db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number;
  }
  return { schemaVersion: db.pragma('user_version', { simple: true }) as number, rows };
}

/** Opens a backup read-only (it is in rollback-journal mode, so nothing is created beside it) and checks it. */
function checkBackupFile(DatabaseConstructor: DatabaseClass, file: string, inspect: typeof inspectTables): BackupCheck {
  let db: SqliteDatabase | undefined;
  try {
    db = new DatabaseConstructor(file, { readonly: true, fileMustExist: true });
    const problems = (db.prepare('PRAGMA integrity_check(10)').pluck().all() as string[]).filter((line) => line !== 'ok');
    const { schemaVersion, rows } = inspect(db);
    return { ok: problems.length === 0, problems, schemaVersion, rows };
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)], schemaVersion: 0, rows: {} };
  } finally {
    db?.close();
  }
}

/**
 * `VACUUM INTO` from a read-only connection: one read transaction, so the copy is a consistent
 * snapshot that includes what is still in the `-wal`, while writers carry on. Then the copy is
 * flushed to the disk before anyone relies on it.
 */
function copyInto(DatabaseConstructor: DatabaseClass, fileSystem: typeof fs, source: string, target: string): void {
  const db = new DatabaseConstructor(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  const fd = fileSystem.openSync(target, 'r+');
  try {
    fileSystem.fsyncSync(fd);
  } finally {
    fileSystem.closeSync(fd);
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const inspectTables = ${inspectTables.toString()};
const checkBackupFile = ${checkBackupFile.toString()};
const copyInto = ${copyInto.toString()};
try {
  if (workerData.source) copyInto(Database, fs, workerData.source, workerData.target);
  parentPort.postMessage({ check: checkBackupFile(Database, workerData.target, inspectTables) });
} catch (error) {
  parentPort.postMessage({ error: { message: error.message, code: error.code ?? null } });
}
`;

/**
 * Where better-sqlite3 lives, for the worker to load it: resolved from this module (`__filename` in
 * the Electron main bundle and under Vitest, `import.meta.url` in the browser-mode ES module). A
 * native addon cannot load from inside app.asar, and electron-builder unpacks the package beside it.
 */
function driverPath(): string {
  const here = typeof __filename === 'string' ? __filename : import.meta.url;
  return createRequire(here)
    .resolve('better-sqlite3')
    .replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/** An error from the worker, with SQLite's code kept so it can be told apart (a full disk, a read-only folder). */
export class BackupWorkerError extends Error {
  readonly code: string | null;
  constructor(message: string, code: string | null) {
    super(message);
    this.name = 'BackupWorkerError';
    this.code = code;
  }
}

export class BackupCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'BackupCancelled';
  }
}

export interface WorkerOptions {
  signal?: AbortSignal;
  /** Bytes written to the target so far, about every 100 ms while the copy runs. */
  onBytes?: (bytes: number) => void;
}

function runWorker(data: { source: string | null; target: string }, options: WorkerOptions): Promise<BackupCheck> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new BackupCancelled());
      return;
    }
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...data, driver: driverPath() } });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      options.signal?.removeEventListener('abort', abort);
      outcome();
    };
    const poll = setInterval(() => {
      try {
        options.onBytes?.(fs.statSync(data.target).size);
      } catch {
        // Not created yet.
      }
    }, 100);
    const abort = () => {
      void worker.terminate();
      finish(() => reject(new BackupCancelled()));
    };
    options.signal?.addEventListener('abort', abort);
    worker.once('message', (message: { check?: BackupCheck; error?: { message: string; code: string | null } }) => {
      finish(() => (message.check ? resolve(message.check) : reject(new BackupWorkerError(message.error?.message ?? 'The backup failed', message.error?.code ?? null))));
    });
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new BackupWorkerError(`The backup worker stopped (exit code ${code})`, null))));
  });
}

/**
 * Backs the live database at `source` up into `target` and verifies the copy, in a worker thread:
 * the Electron main thread only watches the copy grow. `target` must not exist or be empty.
 */
export function backUpInWorker(source: string, target: string, options: WorkerOptions = {}): Promise<BackupCheck> {
  return runWorker({ source, target }, options);
}

/** Verifies an existing backup file in a worker thread (before restoring it, or one found without a manifest entry). */
export function checkInWorker(file: string, options: WorkerOptions = {}): Promise<BackupCheck> {
  return runWorker({ source: null, target: file }, options);
}

/**
 * The same backup and check on the calling thread, through the open connection: for the backup
 * taken before a migration, while the open path is still synchronous and nothing else runs.
 */
export function backUpNow(db: SqliteDatabase, target: string): BackupCheck {
  db.prepare('VACUUM INTO ?').run(target);
  const fd = fs.openSync(target, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return checkBackupFile(Database, target, inspectTables);
}

/** Rows per table of an open database (the "now" column of a restore preview). */
export function countRows(db: SqliteDatabase): Record<string, number> {
  return inspectTables(db).rows;
}

/** About how large a compact copy will be, for the progress bar: the pages in use. */
export function expectedBackupBytes(db: SqliteDatabase): number {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return pageSize * Math.max(1, pages - free);
}

/** Flushes a directory entry (a rename) to the disk where the platform allows it. */
export function syncDirectory(directory: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(directory, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
