import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../support/temp-backend';
import { jobOutcome, uploadFixture } from '../support/uploads';

const DAY = 86_400_000;

describe('recurring occurrences stay current', () => {
  it('while the app stays open past midnight, the next call materialises the new day’s occurrences', async () => {
    const start = Date.parse('2026-11-16T15:00:00Z');
    const app = openTestBackend(undefined, start);
    await app.call('settings:update', { timeZone: 'UTC' });
    await app.call('recurring:create', { title: 'Check the backup report', categoryId: 5, rule: { kind: 'daily', interval: 1, start: '2026-11-16' } });
    const before = await app.call('tasks:list', { status: 'all', limit: 100 });

    app.setNow(start + 3 * DAY);
    const after = await app.call('tasks:list', { status: 'all', limit: 100 });
    expect(after.total).toBe(before.total + 3);
    app.close();
  });

  it('opening the app materialises occurrences up to its horizon', async () => {
    const start = Date.parse('2026-11-16T15:00:00Z');
    const first = openTestBackend(undefined, start);
    await first.call('settings:update', { timeZone: 'UTC' });
    await first.call('recurring:create', { title: 'Patch Tuesday', categoryId: 2, rule: { kind: 'weekly', interval: 1, weekdays: ['TU'], start: '2026-11-17' } });
    // Counted in the table: the task list shows a series by its next occurrence only.
    const occurrences = (app: typeof first) => (app.backend.db!.prepare('SELECT count(*) AS n FROM tasks WHERE series_id IS NOT NULL').get() as { n: number }).n;
    const count = occurrences(first);
    first.setNow(start + 28 * DAY);
    const reopened = first.reopen();
    expect(occurrences(reopened)).toBe(count + 4);
    reopened.close();
  });

  it('a new day that begins while an import holds the database: reads go on without waiting, and the first call after the import materialises the day', async () => {
    const start = Date.parse('2026-11-16T15:00:00Z');
    const app = openTestBackend(undefined, start);
    await app.call('settings:update', { timeZone: 'UTC' });
    await app.call('recurring:create', { title: 'Check the backup report', categoryId: 5, rule: { kind: 'daily', interval: 1, start: '2026-11-16' } });
    // Counted in the table: the task list shows a series by its next occurrence only.
    const count = (where: string) => app.backend.db!.prepare<[], number>(`SELECT count(*) FROM tasks WHERE ${where}`).pluck().get()!;
    const occurrences = count('series_id IS NOT NULL');
    const uploadId = await uploadFixture(app, 'generic-tasks.csv');
    const { job } = await app.call('import:apply', { uploadId, kind: 'tasks' });
    const finished = jobOutcome(app, job);

    app.setNow(start + 3 * DAY);
    // Had this read written the day's occurrences, it would have met the import's write lock
    // (SQLite's busy handler, blocking the backend until the import commits).
    expect((await app.call('tasks:list', { status: 'all', limit: 100 })).tasks.length).toBeGreaterThan(0);
    expect(count('series_id IS NOT NULL')).toBe(occurrences);
    expect((await finished).outcome).toBe('done');
    expect(count('series_id IS NULL')).toBe(5);
    await app.call('tasks:list', { status: 'all', limit: 100 });
    expect(count('series_id IS NOT NULL')).toBe(occurrences + 3);
    app.close();
  });
});
