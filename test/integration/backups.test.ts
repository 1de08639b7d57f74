import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourcedEvent } from '../../shared/api/events';
import { AGGREGATES } from '../../shared/api/events';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { BACKUP_EVERY_MS } from '../../electron/services/backup-service';
import { bundleCrashChild, startWriter } from '../support/crash-harness';
import { canMount, readOnlyView, sha256 } from '../support/data-files';
import { openTestBackend, tempDir, type TestBackend } from '../support/temp-backend';

const HOUR = 3_600_000;
const MONDAY_2PM_UTC = Date.parse('2026-11-16T14:00:00Z');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const backupsFolder = (app: TestBackend) => path.join(app.dataDir, 'backups');
const backupFiles = (app: TestBackend) => fs.readdirSync(backupsFolder(app)).filter((name) => name.endsWith('.db')).sort();

function events(app: TestBackend): SourcedEvent[] {
  const seen: SourcedEvent[] = [];
  app.backend.subscribe((event) => seen.push(event));
  return seen;
}

async function entry(app: TestBackend, taskId: number | null, hour: number) {
  const startAt = Date.parse(`2026-11-16T${String(hour).padStart(2, '0')}:00:00Z`);
  return app.call('timeEntries:create', { worker: 'me', categoryId: 1, taskId, startAt, endAt: startAt + HOUR });
}

describe('back up now', { timeout: 30_000 }, () => {
  it('runs as a job with progress, verifies the copy and lists it with its date, size and rows', async () => {
    const app = openTestBackend();
    const seen = events(app);
    const first = await app.call('tasks:create', { title: 'Reset VPN for sales' });
    await app.call('tasks:create', { title: 'Patch the file server' });
    await entry(app, first.id, 9);

    const { job } = await app.call('backups:create');
    expect(await app.call('backups:create')).toEqual({ job });
    await app.backend.jobs.idle();

    const progress = seen.filter((event) => event.type === 'progress' && event.job === job);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const finished = seen.find((event) => event.type === 'jobFinished' && event.job === job);
    // Her rows: the 9 default categories, 2 tasks, 1 time entry.
    expect(finished).toMatchObject({ outcome: 'done', kind: 'backup', message: expect.stringMatching(/^Backed up and verified 12 rows \(\d+ KB\)\.$/) });
    expect(seen.some((event) => event.type === 'changed' && event.aggregates.includes('backups'))).toBe(true);

    const overview = await app.call('backups:overview');
    expect(overview.backups).toHaveLength(1);
    const [backup] = overview.backups;
    expect(backup).toMatchObject({ id: 'offload-2026-11-16T14-00-00-000Z-manual', takenAt: MONDAY_2PM_UTC, reason: 'manual', rows: 12, status: 'good', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(backup?.keptAs).toEqual(['last-good', 'hourly', 'daily', 'weekly', 'monthly']);
    expect(overview.lastGood?.id).toBe(backup?.id);
    expect(overview.lastRun).toMatchObject({ ok: true });
    expect(backupFiles(app)).toEqual(['offload-2026-11-16T14-00-00-000Z-manual.db']);
    expect(backup?.bytes).toBe(fs.statSync(path.join(backupsFolder(app), backupFiles(app)[0]!)).size);

    const copy = new Database(path.join(backupsFolder(app), backupFiles(app)[0]!), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT title FROM tasks ORDER BY id').pluck().all()).toEqual(['Reset VPN for sales', 'Patch the file server']);
    copy.close();
    app.close();
  });

  it('includes what is still only in the -wal: the backup is never the main file alone', async () => {
    const dataDir = tempDir();
    // Closed once, so the schema is in the main file; then nothing is folded back until the backup.
    openTestBackend(dataDir).close();
    const app = openTestBackend(dataDir);
    app.backend.db!.pragma('wal_autocheckpoint = 0');
    await app.call('tasks:create', { title: 'Only in the WAL so far' });
    // The main file by itself does not have the task yet.
    const mainOnly = path.join(tempDir(), 'main-only.db');
    fs.copyFileSync(path.join(app.dataDir, 'offload.db'), mainOnly);
    const stale = new Database(mainOnly, { readonly: true });
    expect(stale.prepare("SELECT count(*) FROM tasks WHERE title = 'Only in the WAL so far'").pluck().get()).toBe(0);
    stale.close();

    const backup = await app.backend.backups.backUp('manual');
    const copy = new Database(path.join(backupsFolder(app), `${backup.id}.db`), { readonly: true });
    expect(copy.prepare("SELECT count(*) FROM tasks WHERE title = 'Only in the WAL so far'").pluck().get()).toBe(1);
    copy.close();
    app.close();
  });

  it('a backup that cannot be written says why, keeps the others, and the data is unaffected', async () => {
    if (!canMount && process.getuid?.() === 0) return;
    const app = openTestBackend();
    await app.backend.backups.backUp('manual');
    app.setNow(MONDAY_2PM_UTC + HOUR);
    const folder = backupsFolder(app);
    if (process.getuid?.() === 0) {
      const view = readOnlyView(folder);
      cleanups.push(view.release);
      // The backups folder becomes read-only underneath the app.
      fs.renameSync(folder, `${folder}-writable`);
      fs.symlinkSync(view.path, folder);
      cleanups.push(() => {
        fs.rmSync(folder);
        fs.renameSync(`${folder}-writable`, folder);
      });
    } else {
      fs.chmodSync(folder, 0o500);
      cleanups.push(() => fs.chmodSync(folder, 0o700));
    }
    await expect(app.backend.backups.backUp('manual')).rejects.toThrow(/^The backup failed: .* cannot be written to .*\. Your data is unaffected\.$/);
    const overview = await app.call('backups:overview');
    expect(overview.lastRun).toMatchObject({ ok: false });
    expect(overview.backups).toHaveLength(1);
    await app.call('tasks:create', { title: 'Still saving' });
    app.close();
  });
});

describe('a backup taken while another process writes', { timeout: 30_000 }, () => {
  let childFile = '';
  beforeAll(async () => {
    childFile = await bundleCrashChild();
  }, 30_000);

  it('is a consistent snapshot: integrity_check ok, every task with its entry, the rollup agreeing', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'offload.db');
    const app = openTestBackend(dataDir);
    expect((await app.call('app:status')).fatal).toBeNull();
    // Another process commits a task and its time entry, in one transaction, every 2 ms.
    const writer = startWriter(childFile, file, 0, 2);
    await writer.waitFor(50);
    const committedBefore = writer.commits.length;
    const backup = await app.backend.backups.backUp('manual');
    const committedAfter = writer.commits.length;
    expect(committedAfter, 'the writer went on committing during the backup').toBeGreaterThan(committedBefore);
    writer.child.kill('SIGKILL');
    await writer.exited;
    app.close();

    const copy = new Database(path.join(dataDir, 'backups', `${backup.id}.db`), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const tasks = copy.prepare("SELECT count(*) FROM tasks WHERE title LIKE 'Crash test %'").pluck().get() as number;
    // Every task the writer committed came with its time entry in the same transaction.
    expect(copy.prepare("SELECT count(*) FROM time_entries e JOIN tasks t ON t.id = e.task_id WHERE t.title LIKE 'Crash test %'").pluck().get()).toBe(tasks);
    expect(tasks).toBeGreaterThanOrEqual(50);
    expect(tasks).toBeLessThanOrEqual(committedAfter + 1);
    // The sequence numbers have no holes: a snapshot, not pages from different moments.
    expect(copy.prepare("SELECT max(CAST(substr(title, 12) AS INTEGER)) + 1 FROM tasks WHERE title LIKE 'Crash test %'").pluck().get()).toBe(tasks);
    // The rollup the triggers keep agrees with the entries it sums.
    expect(copy.prepare('SELECT coalesce(sum(ms), 0) FROM daily_rollup').pluck().get()).toBe(
      copy.prepare('SELECT coalesce(sum(end_at - start_at), 0) FROM time_entries WHERE end_at IS NOT NULL').pluck().get(),
    );
    copy.close();
  }, 30_000);
});

describe('the backup before a migration', { timeout: 30_000 }, () => {
  it('copies the old schema, verified, before the first migration runs', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'offload.db');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, 5)) migration.up(old, 1_000);
    old.pragma('user_version = 5');
    old.prepare("INSERT INTO tasks (title, created_at, updated_at) VALUES ('From schema 5', 1, 1)").run();
    old.close();

    const app = openTestBackend(dataDir);
    expect((await app.call('app:status')).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const overview = await app.call('backups:overview');
    expect(overview.backups.map((backup) => [backup.reason, backup.schemaVersion, backup.status])).toEqual([['before-migration', 5, 'good']]);
    const copy = new Database(path.join(backupsFolder(app), `${overview.backups[0]!.id}.db`), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(5);
    expect(copy.prepare('SELECT title FROM tasks').pluck().all()).toEqual(['From schema 5']);
    copy.close();
    app.close();
  });

  it('a new database has nothing to back up and makes no copy', async () => {
    const app = openTestBackend();
    expect((await app.call('backups:overview')).backups).toEqual([]);
    app.close();
  });
});

describe('retention on the real files', { timeout: 30_000 }, () => {
  it('removes only what the rule no longer keeps, and only after a new backup was verified', async () => {
    const app = openTestBackend();
    const taken: string[] = [];
    // Monday 16 Nov, Chicago: 08:00, 08:30, 09:00, 13:00 (14:00Z is 08:00 there).
    for (const offset of [0, 0.5, 1, 5]) {
      app.setNow(MONDAY_2PM_UTC + offset * HOUR);
      taken.push((await app.backend.backups.backUp('manual')).id);
    }
    // 08:00 was the older of the two 08:xx backups: removed when 09:00's was verified.
    expect(backupFiles(app)).toEqual([taken[1], taken[2], taken[3]].map((id) => `${id}.db`).sort());
    app.close();
  });

  it('a much smaller backup never rotates the good ones out, and the overview says why', async () => {
    const app = openTestBackend();
    for (let index = 0; index < 40; index += 1) await app.call('tasks:create', { title: `Task ${index}` });
    const good = await app.backend.backups.backUp('manual');
    // Most of her data disappears (a bad sync, a mistake): 49 rows become 9.
    app.backend.db!.exec('DELETE FROM tasks');
    app.setNow(MONDAY_2PM_UTC + 0.25 * HOUR);
    const small = await app.backend.backups.backUp('manual');
    expect(small.status).toBe('suspect');
    const overview = await app.call('backups:overview');
    expect(overview.lastGood?.id).toBe(good.id);
    expect(backupFiles(app)).toEqual([`${good.id}.db`, `${small.id}.db`].sort());
    expect(overview.smallerThanUsual).toMatch(/holds 9 rows, less than half of the 49 in your last good backup .* none of the older good backups is removed/);
    expect(overview.lastRun?.message).toMatch(/less than half of the 49 .* so no older backup was removed/);
    app.close();
  });
});

describe('restore', { timeout: 30_000 }, () => {
  it('previews the rows per table, backs up the current state first, swaps the file and tells every window', async () => {
    const app = openTestBackend();
    const kept = await app.call('tasks:create', { title: 'In the backup' });
    await entry(app, kept.id, 9);
    const backup = await app.backend.backups.backUp('manual');
    app.setNow(MONDAY_2PM_UTC + 2 * HOUR);
    await app.call('tasks:create', { title: 'After the backup' });
    await app.call('tasks:create', { title: 'Also after' });
    await app.call('categories:create', { name: 'Phones', color: '#112233' });

    const preview = await app.call('backups:preview', { id: backup.id });
    expect(preview.rows.slice(0, 3)).toEqual([
      { table: 'tasks', label: 'Tasks', now: 3, inBackup: 1 },
      { table: 'time_entries', label: 'Time entries', now: 1, inBackup: 1 },
      { table: 'categories', label: 'Categories', now: 10, inBackup: 9 },
    ]);
    expect(preview.rows.map((row) => row.table)).not.toContain('daily_rollup');

    const seen = events(app);
    const envelope = await app.backend.dispatch('backups:restore', { id: backup.id }, { source: 'window-1' });
    expect(envelope.ok).toBe(true);
    const result = envelope.ok ? (envelope.value as { safetyCopy: { id: string; reason: string; rows: number } }) : null;
    expect(result?.safetyCopy).toMatchObject({ reason: 'before-restore', rows: 14 });
    expect(seen.some((event) => event.type === 'changed' && AGGREGATES.every((aggregate) => event.aggregates.includes(aggregate)))).toBe(true);
    expect(seen.find((event) => event.type === 'jobFinished' && event.kind === 'restore')).toMatchObject({ outcome: 'done' });

    expect((await app.call('tasks:list', { status: 'all' })).tasks.map((task) => task.title)).toEqual(['In the backup']);
    expect((await app.call('categories:list')).map((category) => category.name)).not.toContain('Phones');

    // Undo: restore the copy taken just before.
    await app.call('backups:restore', { id: result!.safetyCopy.id });
    expect((await app.call('tasks:list', { status: 'all' })).tasks.map((task) => task.title).sort()).toEqual(['After the backup', 'Also after', 'In the backup']);
    expect((await app.call('categories:list')).map((category) => category.name)).toContain('Phones');
    app.close();
  });

  it('calls made during a restore wait for it and then see the restored data', async () => {
    const app = openTestBackend();
    await app.call('tasks:create', { title: 'Backed up' });
    const backup = await app.backend.backups.backUp('manual');
    await app.call('tasks:create', { title: 'Not in the backup' });
    const restoring = app.call('backups:restore', { id: backup.id });
    const listed = app.call('tasks:list', { status: 'all' });
    await restoring;
    expect((await listed).tasks.map((task) => task.title)).toEqual(['Backed up']);
    app.close();
  });

  it('refuses a backup that was damaged since it was verified, and changes nothing', async () => {
    const app = openTestBackend();
    await app.call('tasks:create', { title: 'Here now' });
    const backup = await app.backend.backups.backUp('manual');
    const file = path.join(backupsFolder(app), `${backup.id}.db`);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('bit rot'), 0, 7, 2 * 4096 + 100);
    fs.closeSync(fd);
    const before = sha256(path.join(app.dataDir, 'offload.db'));
    const failure = await app.failure('backups:restore', { id: backup.id });
    expect(failure.code).toBe('CONFLICT');
    expect(failure.message).toMatch(/was not restored and nothing was changed/);
    expect(sha256(path.join(app.dataDir, 'offload.db'))).toBe(before);
    expect((await app.call('tasks:list', { status: 'all' })).total).toBe(1);
    app.close();
  });

  it('names a backup only by its id from the list, never by a path', async () => {
    const app = openTestBackend();
    expect((await app.failure('backups:restore', { id: '../offload' })).code).toBe('VALIDATION');
    expect((await app.failure('backups:restore', { id: 'offload-2026-01-01T00-00-00-000Z-manual' })).code).toBe('NOT_FOUND');
    app.close();
  });
});

describe('the second backup folder', { timeout: 30_000 }, () => {
  it('accepts only an absolute, existing, writable folder outside the data folder', async () => {
    const app = openTestBackend();
    const field = async (input: string) => {
      const failure = await app.failure('backups:setSecondFolder', { path: input });
      expect(failure.code).toBe('VALIDATION');
      expect(failure.issues?.[0]?.field).toBe('path');
      return failure.message;
    };
    expect(await field('nas/offload')).toMatch(/^Use the folder’s full path/);
    expect(await field('/no/such/folder/anywhere')).toBe('There is no folder at /no/such/folder/anywhere');
    const aFile = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(aFile, 'not a folder');
    expect(await field(aFile)).toBe(`${aFile} is a file, not a folder`);
    fs.mkdirSync(path.join(app.dataDir, 'inside'));
    expect(await field(path.join(app.dataDir, 'inside'))).toMatch(/^Choose a folder outside Offload’s data folder/);
    // A symbolic link that leads back into the data folder is inside it too.
    const link = path.join(tempDir(), 'looks-elsewhere');
    fs.symlinkSync(app.dataDir, link);
    expect(await field(link)).toMatch(/^Choose a folder outside/);
    if (canMount) {
      const view = readOnlyView(tempDir());
      cleanups.push(view.release);
      expect(await field(view.path)).toMatch(/^Offload cannot write to .* \(EROFS\)/);
    }
    app.close();
  });

  it('gets a verified copy of the newest backup at once and of every backup after, pruned by the same rule', async () => {
    const app = openTestBackend();
    await app.call('tasks:create', { title: 'Copied twice' });
    const first = await app.backend.backups.backUp('manual');
    const nas = tempDir('offload-nas-');
    expect(await app.call('backups:setSecondFolder', { path: nas })).toEqual({ path: fs.realpathSync(nas), lastCopy: null });
    await app.backend.jobs.idle();
    expect(sha256(path.join(nas, `${first.id}.db`))).toBe(sha256(path.join(backupsFolder(app), `${first.id}.db`)));

    app.setNow(MONDAY_2PM_UTC + 0.5 * HOUR);
    const second = await app.backend.backups.backUp('manual');
    // Same hour today: the first is no longer kept, here or there.
    expect(fs.readdirSync(nas).filter((name) => name.endsWith('.db'))).toEqual([`${second.id}.db`]);
    const overview = await app.call('backups:overview');
    expect(overview.secondFolder?.lastCopy).toMatchObject({ ok: true });
    expect(overview.backups[0]?.inSecondFolder).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(nas, 'offload-backups.json'), 'utf8'))).toMatchObject({ backups: [{ id: second.id }] });
    app.close();
  });

  it('when it is gone, the backup still succeeds and the overview says the copy failed', async () => {
    const app = openTestBackend();
    const nas = tempDir('offload-nas-');
    await app.call('backups:setSecondFolder', { path: nas });
    fs.rmSync(nas, { recursive: true });
    const backup = await app.backend.backups.backUp('manual');
    expect(backup.status).toBe('good');
    const { secondFolder } = await app.call('backups:overview');
    expect(secondFolder?.lastCopy?.ok).toBe(false);
    expect(secondFolder?.lastCopy?.message).toMatch(/The copy to .* failed \(.*\)\. The backups in .* are fine; the next backup tries again\./);
    app.close();
  });

  it('is picked in the desktop app through the shell, and checked like a typed path', async () => {
    const nas = tempDir('offload-nas-');
    const app = openTestBackend(tempDir(), MONDAY_2PM_UTC, { pickFolder: () => Promise.resolve(nas) });
    expect((await app.call('backups:overview')).canPickFolder).toBe(true);
    expect(await app.call('backups:pickSecondFolder')).toEqual({ path: fs.realpathSync(nas), lastCopy: null });
    app.close();
    const browser = openTestBackend();
    expect((await browser.call('backups:overview')).canPickFolder).toBe(false);
    expect((await browser.failure('backups:pickSecondFolder', {})).code).toBe('VALIDATION');
    browser.close();
  });
});

describe('automatic backups', { timeout: 30_000 }, () => {
  it('on start, then every 4 hours of use, by the app clock', async () => {
    const app = openTestBackend(tempDir(), MONDAY_2PM_UTC, { automaticBackups: true });
    expect((await app.call('backups:overview')).nextAutomaticAt).toBe(MONDAY_2PM_UTC + 10_000);
    const onStart = app.backend.backups.runDue();
    expect(onStart).not.toBeNull();
    await app.backend.jobs.idle();
    app.setNow(MONDAY_2PM_UTC + BACKUP_EVERY_MS - 60_000);
    expect(app.backend.backups.runDue()).toBeNull();
    app.setNow(MONDAY_2PM_UTC + BACKUP_EVERY_MS);
    expect(app.backend.backups.runDue()).not.toBeNull();
    await app.backend.jobs.idle();
    expect((await app.call('backups:overview')).backups.map((backup) => backup.reason)).toEqual(['scheduled', 'start']);
    app.close();
  });

  it('a start soon after the last backup takes no new one', async () => {
    const dataDir = tempDir();
    const first = openTestBackend(dataDir, MONDAY_2PM_UTC, { automaticBackups: true });
    first.backend.backups.runDue();
    await first.backend.jobs.idle();
    first.close();
    const again = openTestBackend(dataDir, MONDAY_2PM_UTC + 5 * 60_000, { automaticBackups: true });
    expect(again.backend.backups.runDue()).toBeNull();
    expect((await again.call('backups:overview')).backups).toHaveLength(1);
    again.close();
  });
});

describe('the backup list', { timeout: 30_000 }, () => {
  it('when unreadable, is kept aside and rebuilt from the files, which are checked again before use', async () => {
    const app = openTestBackend();
    await app.call('tasks:create', { title: 'Listed' });
    const backup = await app.backend.backups.backUp('manual');
    app.close();
    fs.writeFileSync(path.join(app.dataDir, 'backups', 'manifest.json'), '{ not json');
    // And a backup that was cut off mid-copy when the app was killed.
    fs.writeFileSync(path.join(app.dataDir, 'backups', 'offload-2026-11-16T14-30-00-000Z-scheduled.db.partial'), 'half a copy');

    const again = openTestBackend(app.dataDir, MONDAY_2PM_UTC + HOUR);
    const status = await again.call('app:status');
    expect(status.notices.map((notice) => notice.id)).toContain('backup-list');
    const overview = await again.call('backups:overview');
    expect(overview.backups.map((listed) => [listed.id, listed.status])).toEqual([[backup.id, 'unverified']]);
    // Checked when it is previewed (and at the next backup).
    const preview = await again.call('backups:preview', { id: backup.id });
    expect(preview.backup.status).toBe('good');
    expect(preview.rows.find((row) => row.table === 'tasks')?.inBackup).toBe(1);
    const names = fs.readdirSync(path.join(app.dataDir, 'backups'));
    expect(names.some((name) => name.startsWith('manifest.unreadable-'))).toBe(true);
    expect(names.filter((name) => name.endsWith('.partial'))).toEqual([]);
    again.close();
  });
});
