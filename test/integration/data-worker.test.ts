import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { DataWorker } from '../../electron/services/data/worker-client';
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
      expect(missing.status).toBe('rejected');
      expect(entries.status === 'fulfilled' && entries.value.fileName).toMatch(/^offload-time-entries-.*\.csv$/);
      expect(worker.alive).toBe(true);
      worker.end();
      expect(worker.alive).toBe(false);
      await expect(worker.run({ task: 'export', context: context(databaseFile), what: 'tasks-csv' })).rejects.toThrow('The data worker was stopped before it finished.');
    } finally {
      app.close();
    }
  });

  it('says so when its file cannot start a thread', async () => {
    const worker = new DataWorker(path.join(import.meta.dirname, 'no-such-worker.mjs'));
    await expect(worker.run({ task: 'export', context: context('/nowhere/offload.db'), what: 'json' })).rejects.toThrow(/The data worker (could not start|failed|stopped)/);
  });
});
