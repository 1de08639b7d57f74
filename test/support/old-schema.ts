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
