import type Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { databaseAtVersion } from '../support/old-schema';
import { tempDir } from '../support/temp-backend';

/** A version-4 database: every migration before 005 applied, as the previous release left it. */
function version4(file: string): Database.Database {
  const db = databaseAtVersion(file, 4);
  return db;
}

describe('migration 005: tasks she handed to the MSP herself', () => {
  it('marks as handed over exactly the MSP tasks the old delegation rule would not have moved', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = version4(file);
    const delegate = old.prepare('INSERT INTO delegations (category_id, start_day, end_day, created_at, updated_at) VALUES (?, ?, ?, 1, 1)');
    delegate.run(2, '2026-11-01', null); // Server: open-ended
    delegate.run(3, '2026-06-01', '2026-06-30'); // Desktop: June only
    const insert = old.prepare(
      `INSERT INTO tasks (title, category_id, owner, keep_owner, planned_day, due_day, series_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1)`,
    );
    const series = old.prepare(
      "INSERT INTO recurring_series (title, category_id, owner, rrule, created_at, updated_at) VALUES ('Patch', 2, 'msp', 'FREQ=WEEKLY', 1, 1)",
    ).run().lastInsertRowid;
    insert.run('Server, due in the delegation', 2, 'msp', 0, null, '2026-11-20', null);
    insert.run('Server, undated, open-ended delegation', 2, 'msp', 0, null, null, null);
    insert.run('Desktop, planned in June', 3, 'msp', 0, '2026-06-10', null, null);
    insert.run('Desktop, undated after June', 3, 'msp', 0, null, null, null);
    insert.run('Network, never delegated', 4, 'msp', 0, '2026-11-20', null, null);
    insert.run('No category', null, 'msp', 0, null, null, null);
    insert.run('Occurrence of a series given to the MSP', 2, 'msp', 0, '2026-11-20', '2026-11-20', series);
    insert.run('Hers, kept', 2, 'me', 1, null, '2026-11-20', null);
    old.close();

    const db = openDatabase(file);
    const rows = db.prepare('SELECT title, owner, keep_owner, handed_over FROM tasks ORDER BY id').all();
    expect(rows).toStrictEqual([
      { title: 'Server, due in the delegation', owner: 'msp', keep_owner: 0, handed_over: 0 },
      { title: 'Server, undated, open-ended delegation', owner: 'msp', keep_owner: 0, handed_over: 0 },
      { title: 'Desktop, planned in June', owner: 'msp', keep_owner: 0, handed_over: 0 },
      { title: 'Desktop, undated after June', owner: 'msp', keep_owner: 0, handed_over: 1 },
      { title: 'Network, never delegated', owner: 'msp', keep_owner: 0, handed_over: 1 },
      { title: 'No category', owner: 'msp', keep_owner: 0, handed_over: 1 },
      { title: 'Occurrence of a series given to the MSP', owner: 'msp', keep_owner: 0, handed_over: 1 },
      { title: 'Hers, kept', owner: 'me', keep_owner: 1, handed_over: 0 },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });
});
