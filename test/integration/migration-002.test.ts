import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { migration001Initial } from '../../electron/db/migrations/001-initial';
import { tempDir } from '../support/temp-backend';

const HOUR = 3_600_000;

function rollup(db: Database.Database) {
  return db.prepare('SELECT worker, category_id, day, ms, entries FROM daily_rollup WHERE entries > 0 ORDER BY worker, category_id, day').all();
}

describe('migration 002: the daily rollup', () => {
  it('backfills the rollup from the entries a version-1 database already holds', () => {
    const file = path.join(tempDir(), 'offload.db');
    const v1 = new Database(file);
    migration001Initial.up(v1, 1);
    v1.pragma('user_version = 1');
    const insert = v1.prepare(
      "INSERT INTO time_entries (worker, category_id, start_at, end_at, start_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 1)",
    );
    insert.run('me', 1, 0, 2 * HOUR, '2026-11-16');
    insert.run('me', 1, 3 * HOUR, 4 * HOUR, '2026-11-16');
    insert.run('msp', 2, 0, HOUR, '2026-11-17');
    insert.run('me', 3, 5 * HOUR, null, '2026-11-16');
    v1.close();

    const db = openDatabase(file);
    expect(rollup(db)).toEqual([
      { worker: 'me', category_id: 1, day: '2026-11-16', ms: 3 * HOUR, entries: 2 },
      { worker: 'msp', category_id: 2, day: '2026-11-17', ms: HOUR, entries: 1 },
    ]);
    db.close();
  });

  it('stays in step with inserts, edits, stopped timers and deletes, and ignores a running timer', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    const insert = db.prepare(
      "INSERT INTO time_entries (worker, category_id, start_at, end_at, start_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 1)",
    );
    const first = Number(insert.run('me', 1, 0, HOUR, '2026-11-16').lastInsertRowid);
    const running = Number(insert.run('me', 2, 2 * HOUR, null, '2026-11-16').lastInsertRowid);
    expect(rollup(db)).toEqual([{ worker: 'me', category_id: 1, day: '2026-11-16', ms: HOUR, entries: 1 }]);

    db.prepare('UPDATE time_entries SET end_at = ? WHERE id = ?').run(3 * HOUR, running);
    db.prepare('UPDATE time_entries SET category_id = 4, start_day = ? WHERE id = ?').run('2026-11-17', first);
    expect(rollup(db)).toEqual([
      { worker: 'me', category_id: 2, day: '2026-11-16', ms: HOUR, entries: 1 },
      { worker: 'me', category_id: 4, day: '2026-11-17', ms: HOUR, entries: 1 },
    ]);

    db.prepare('DELETE FROM time_entries WHERE id = ?').run(running);
    expect(rollup(db)).toEqual([{ worker: 'me', category_id: 4, day: '2026-11-17', ms: HOUR, entries: 1 }]);
    db.close();
  });
});
