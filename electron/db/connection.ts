import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations';
import { damagedDatabase, describeError, errorCode, openingErrorOf, readOnlyAdvice } from './storage-errors';

/** The database handle every repository takes first. Only this folder imports better-sqlite3. */
export type SqliteDatabase = Database.Database;
export type Statement = Database.Statement;

export interface OpenDatabaseOptions {
  /** Epoch milliseconds; injected so migrations that stamp rows are deterministic in tests. */
  now?: () => number;
  /**
   * Runs `PRAGMA quick_check` through the read-only probe, before anything is written; a damaged
   * file is refused. On by default; a second connection to a file already checked can skip it.
   */
  quickCheck?: boolean;
  /**
   * Called with the open connection when migrations are pending, before the first one runs: the
   * pre-migration backup. Throwing stops the open with nothing migrated.
   */
  beforeMigrate?: (db: SqliteDatabase, fromVersion: number, toVersion: number) => void;
}

/**
 * Opens (creating if needed) the Offload database at `file`. An existing file is first read through
 * a read-only handle: one written by a newer version, one that is not a database, and one that
 * fails `quick_check` are refused without a byte written. Then the connection pragmas are set and
 * pending migrations applied. Failures underneath SQLite (a read-only folder, a full disk) become
 * specific errors. Safe to call from any thread: long jobs open their own connection.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) probeExisting(file, options.quickCheck ?? true);

  let db: SqliteDatabase;
  try {
    db = new Database(file);
  } catch (error) {
    throw openingErrorOf(error, file, path.dirname(file)) ?? error;
  }
  try {
    // better-sqlite3 compiles in WAL_SYNCHRONOUS=1, so every pragma we rely on is set on every open.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < LATEST_SCHEMA_VERSION) options.beforeMigrate?.(db, version, LATEST_SCHEMA_VERSION);
    migrate(db, options.now ?? Date.now);
    optimizeOnOpen(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw openingErrorOf(error, file, path.dirname(file)) ?? error;
  }
}

/**
 * The planner's statistics, as SQLite recommends for a long-lived connection: `optimize=0x10002`
 * when it opens (ANALYZE every table whose statistics are missing or stale, checking all tables),
 * plain `optimize` before it closes (`optimizeBeforeClose`). Without statistics the planner took
 * the running-timer check through an index over all her history. The analysis limit keeps the one
 * ANALYZE of a large unanalysed file short (10 years, never analysed: ~30 ms at 1,000 against
 * ~200 ms unlimited); on later opens it is a no-op (under 1 ms).
 */
function optimizeOnOpen(db: SqliteDatabase): void {
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize = 0x10002');
}

/** Plain `PRAGMA optimize` before a connection closes: re-analyses what this session's queries found stale. */
export function optimizeBeforeClose(db: SqliteDatabase): void {
  db.pragma('optimize');
}

/**
 * A second connection to a database the app already opened (and migrated), for a worker thread:
 * imports write through it while the main thread keeps serving reads from the WAL. It never
 * migrates; a database whose schema is not the one this code knows is refused.
 */
export function openWorkerConnection(file: string, options: { readonly: boolean }): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    db = new Database(file, { readonly: options.readonly, fileMustExist: true });
  } catch (error) {
    // The file went while Offload ran (moved, deleted, its disk unplugged), or its folder or disk failed.
    if (!fs.existsSync(file)) {
      throw new AppError(
        'DB_UNAVAILABLE',
        `Offload’s database ${file} is no longer there: it was moved or deleted while Offload was running, or its disk is gone. Nothing was read or changed. Put the file back, or restart Offload.`,
      );
    }
    throw openingErrorOf(error, file, path.dirname(file)) ?? error;
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32000');
    if (!options.readonly) db.pragma('synchronous = FULL');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== LATEST_SCHEMA_VERSION) {
      throw new AppError('CONFLICT', `The database is at schema ${version}, not ${LATEST_SCHEMA_VERSION}; restart Offload and try again.`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Reads `user_version` and runs `quick_check` through a read-only handle, so a refused file is left
 * byte-for-byte as it was. A read-only handle on a WAL-mode file creates the `-wal` and `-shm`
 * companions when they are missing; a refusal removes the ones it created, so the folder is left
 * exactly as it was found.
 */
function probeExisting(file: string, quickCheck: boolean): void {
  const companions = [`${file}-wal`, `${file}-shm`].filter((companion) => !fs.existsSync(companion));
  const refuse = (error: AppError): never => {
    for (const companion of companions) fs.rmSync(companion, { force: true });
    throw error;
  };
  let version = 0;
  let problems: string[] = [];
  let probe: SqliteDatabase | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    version = probe.pragma('user_version', { simple: true }) as number;
    probe.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (quickCheck && version <= LATEST_SCHEMA_VERSION) {
      problems = (probe.prepare('PRAGMA quick_check(5)').pluck().all() as string[]).filter((line) => line !== 'ok');
    }
  } catch (error) {
    probe?.close();
    probe = undefined;
    refuse(unreadable(error, file));
  } finally {
    probe?.close();
  }
  if (version > LATEST_SCHEMA_VERSION) {
    refuse(
      new AppError(
        'DB_TOO_NEW',
        `This database was written by a newer version of Offload (schema ${version}; this version understands up to ${LATEST_SCHEMA_VERSION}). It was left untouched: update Offload to open it.`,
      ),
    );
  }
  if (problems.length > 0) refuse(damagedDatabase(file, `quick_check: ${problems.slice(0, 3).join('; ')}`));
}

/** Why a file could not even be read: permissions are not damage, and neither is a full disk. */
function unreadable(error: unknown, file: string): AppError {
  const folder = path.dirname(file);
  if (errorCode(error) === 'SQLITE_CANTOPEN') {
    try {
      fs.accessSync(file, fs.constants.R_OK);
    } catch (access) {
      return new AppError(
        'READ_ONLY',
        `Offload is not allowed to read its database ${file} (${errorCode(access) ?? 'permission denied'}). Your data is intact and nothing was changed. ${readOnlyAdvice(folder)}`,
      );
    }
  }
  return openingErrorOf(error, file, folder) ?? damagedDatabase(file, describeError(error));
}

/**
 * Prepares a group of statements once per connection. Repositories declare their statements
 * beside their row converters and get them back, cached, on every call.
 */
export function preparedFor<Statements>(prepare: (db: SqliteDatabase) => Statements): (db: SqliteDatabase) => Statements {
  const cache = new WeakMap<SqliteDatabase, Statements>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      statements = prepare(db);
      cache.set(db, statements);
    }
    return statements;
  };
}

/** SQLite's constraint failures, recognised so a handler can turn them into a specific message. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
