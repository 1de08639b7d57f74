import { preparedFor, type SqliteDatabase } from '../db/connection';

/** Small facts about derived data: what it was last computed for (e.g. the after-hours basis). */
const statements = preparedFor((db) => ({
  get: db.prepare<[string], { value: string }>('SELECT value FROM derived_state WHERE key = ?'),
  set: db.prepare<[string, string]>(
    'INSERT INTO derived_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ),
}));

export function getDerivedState(db: SqliteDatabase, key: string): string | null {
  return statements(db).get.get(key)?.value ?? null;
}

export function setDerivedState(db: SqliteDatabase, key: string, value: string): void {
  statements(db).set.run(key, value);
}
