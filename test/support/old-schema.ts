import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../electron/db/migrations';

/**
 * A database file as an older Offload left it: every migration up to `version` applied and its
 * `user_version` set, opened directly (no later migration runs until `openDatabase` opens it).
 */
export function databaseAtVersion(file: string, version: number): Database.Database {
  const db = new Database(file);
  for (const migration of MIGRATIONS.filter((entry) => entry.version <= version)) migration.up(db, 1);
  db.pragma(`user_version = ${version}`);
  return db;
}

/** The hour pieces (`hour_spread`) of an entry: [day, hour, ms] each. */
export type HourSpread = [day: string, hour: number, ms: number][];

/**
 * Writes a finished entry in category 2 straight into `time_entries` (its triggers run), as a
 * database of any schema since 007 takes it: no repository, no computed day or pieces.
 */
export function rawEntryWriter(db: Pick<Database.Database, 'prepare'>): (worker: 'me' | 'msp', startAt: number, endAt: number, day: string, spread?: HourSpread) => void {
  const insert = db.prepare(
    'INSERT INTO time_entries (worker, category_id, start_at, end_at, start_day, hour_spread, created_at, updated_at) VALUES (?, 2, ?, ?, ?, ?, 1, 1)',
  );
  return (worker, startAt, endAt, day, spread = []) => {
    insert.run(worker, startAt, endAt, day, JSON.stringify(spread));
  };
}
