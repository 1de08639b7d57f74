import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations';

/** The database handle every repository takes first. Only this folder imports better-sqlite3. */
export type SqliteDatabase = Database.Database;
export type Statement = Database.Statement;

export interface OpenDatabaseOptions {
  /** Epoch milliseconds; injected so migrations that stamp rows are deterministic in tests. */
  now?: () => number;
}

/**
 * Opens (creating if needed) the Offload database at `file`, refuses one written by a newer
 * version without writing to it, sets the connection pragmas and applies pending migrations.
 * Safe to call from any thread: long jobs open their own connection to the same WAL file.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) assertReadableVersion(file);

  const db = new Database(file);
  try {
    // better-sqlite3 compiles in WAL_SYNCHRONOUS=1, so every pragma we rely on is set on every open.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -32000');
    migrate(db, options.now ?? Date.now);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A second connection to a database the app already opened (and migrated), for a worker thread:
 * imports write through it while the main thread keeps serving reads from the WAL. It never
 * migrates; a database whose schema is not the one this code knows is refused.
 */
export function openWorkerConnection(file: string, options: { readonly: boolean }): SqliteDatabase {
  const db = new Database(file, { readonly: options.readonly, fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
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

/** Reads `user_version` through a read-only handle so a refused file is left byte-for-byte as it was. */
function assertReadableVersion(file: string): void {
  let version: number;
  let probe: SqliteDatabase | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    version = probe.pragma('user_version', { simple: true }) as number;
    probe.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    throw new AppError(
      'DB_UNREADABLE',
      `The database file ${file} could not be read as an Offload database (${describe(error)}). It was left untouched; restore a backup or move the file away to start fresh.`,
    );
  } finally {
    probe?.close();
  }
  if (version > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'DB_TOO_NEW',
      `This database was written by a newer version of Offload (schema ${version}; this version understands up to ${LATEST_SCHEMA_VERSION}). It was left untouched: update Offload to open it.`,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
