import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import Database from 'better-sqlite3';
import { JobCancelled } from '../../electron/backend/jobs';
import { DataWorker } from '../../electron/services/data/worker-client';
import { taskFailure } from '../../electron/services/data/worker-tasks';
import { AppError } from '../../shared/api/errors';
import type { WorkerContext } from '../../electron/services/data/worker-protocol';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { openTestBackend } from '../support/temp-backend';

const context = (databaseFile: string): WorkerContext => ({
  databaseFile,
  settings: DEFAULT_SETTINGS,
  herZone: 'America/Chicago',
  now: Date.parse('2026-11-16T14:00:00Z'),
  today: '2026-11-16',
  appVersion: '0.0.0-test',
  schemaVersion: LATEST_SCHEMA_VERSION,
});

describe('a data worker thread', () => {
  it('runs the tasks it is given one after another on the same thread, and reports each one’s own failure', async () => {
    const app = openTestBackend();
    try {
      const worker = new DataWorker(inject('dataWorkerFile'));
      const databaseFile = path.join(app.dataDir, 'offload.db');
      const [tasks, missing, entries] = await Promise.allSettled([
        worker.run<{ fileName: string }>({ task: 'export', context: context(databaseFile), what: 'tasks-csv' }),
        worker.run({ task: 'export', context: context(path.join(app.dataDir, 'nowhere.db')), what: 'tasks-csv' }),
        worker.run<{ fileName: string }>({ task: 'export', context: context(databaseFile), what: 'time-entries-csv' }),
      ]);
      expect(tasks.status === 'fulfilled' && tasks.value.fileName).toMatch(/^offload-tasks-.*\.csv$/);
      // A database gone while Offload runs is said as such, not as SQLite's "unable to open database file".
      expect(missing.status === 'rejected' && missing.reason).toMatchObject({
        code: 'DB_UNAVAILABLE',
        message: expect.stringContaining('nowhere.db is no longer there: it was moved or deleted while Offload was running') as unknown,
      });
      expect(entries.status === 'fulfilled' && entries.value.fileName).toMatch(/^offload-time-entries-.*\.csv$/);
      expect(worker.alive).toBe(true);
      worker.end();
      expect(worker.alive).toBe(false);
      await expect(worker.run({ task: 'export', context: context(databaseFile), what: 'tasks-csv' })).rejects.toThrow('The data worker was stopped before it finished.');
    } finally {
      app.close();
    }
  });

  it('a writing task that hits a full, read-only or failing disk says its change was not saved; a reading one, what failed', () => {
    const full = new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    const readOnly = new Database.SqliteError('attempt to write a readonly database', 'SQLITE_READONLY');
    const io = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE');
    expect(taskFailure('import-apply', full)).toMatchObject({ type: 'failed', error: { code: 'DISK_FULL', message: expect.stringContaining('this change was not saved') as unknown } });
    expect(taskFailure('restore', readOnly)).toMatchObject({ type: 'failed', error: { code: 'READ_ONLY' } });
    expect(taskFailure('import-apply', io)).toMatchObject({ type: 'failed', error: { code: 'IO_ERROR' } });
    // An export or a preview saves nothing, so it never says a save failed.
    expect(taskFailure('export', io)).toStrictEqual({ type: 'failed', error: { code: 'INTERNAL', message: 'disk I/O error' } });
    expect(taskFailure('import-preview', full)).toStrictEqual({ type: 'failed', error: { code: 'INTERNAL', message: 'database or disk is full' } });
    expect(taskFailure('export', new AppError('VALIDATION', 'Choose what to export'))).toStrictEqual({ type: 'failed', error: new AppError('VALIDATION', 'Choose what to export').toShape() });
    expect(taskFailure('import-apply', new JobCancelled())).toStrictEqual({ type: 'cancelled' });
  });

  it('says so when its file cannot start a thread', async () => {
    const worker = new DataWorker(path.join(import.meta.dirname, 'no-such-worker.mjs'));
    await expect(worker.run({ task: 'export', context: context('/nowhere/offload.db'), what: 'json' })).rejects.toThrow(/The data worker (could not start|failed|stopped)/);
  });
});
