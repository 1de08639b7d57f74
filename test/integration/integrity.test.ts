import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { callNames, contract, type CallName } from '../../shared/api/contract';
import { RECOVERY_CALLS } from '../../shared/api/contract-backups';
import { CLEAN_CLOSE_FILE, RUN_MARKER_FILE } from '../../electron/backend/run-marker';
import { createTask } from '../../electron/repositories/tasks';
import { canMount, corrupt, fillDisk, mountTmpfs, readOnlyView, seededBytes, snapshot, type Corruption } from '../support/data-files';
import { openTestBackend, tempDir, type TestBackend } from '../support/temp-backend';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const WRITE_CALLS = callNames.filter((name) => contract[name].writes.length > 0 && !RECOVERY_CALLS.has(name));

/** A data folder with some of her work in it, closed cleanly (no -wal), and a verified backup of it. */
async function folderWithData(dataDir = tempDir()): Promise<{ dataDir: string; titles: string[] }> {
  const app = openTestBackend(dataDir);
  const titles = Array.from({ length: 300 }, (_, index) => `Patch server ${index}`);
  const db = app.backend.db!;
  // Through the task repository in one transaction: the same rows as 300 calls, in a fraction of the time.
  db.transaction(() => {
    for (const [index, title] of titles.entries()) {
      createTask(db, { title, notes: 'Firmware notes. '.repeat(30), categoryId: (index % 9) + 1, estimateMinutes: null, dueDay: null, plannedDay: null, priority: 0, unplanned: false }, 1);
    }
  })();
  await app.backend.backups.backUp('manual');
  app.close();
  return { dataDir, titles };
}

/** The list, with inputs that would succeed on a healthy database. */
const VALID_WRITES: [CallName, unknown][] = [
  ['tasks:create', { title: 'Written to a damaged file?' }],
  ['categories:create', { name: 'Phones', color: '#112233' }],
  ['timeEntries:create', { worker: 'me', categoryId: 1, startAt: Date.parse('2026-11-16T14:00:00Z'), endAt: Date.parse('2026-11-16T15:00:00Z') }],
  ['settings:update', { theme: 'dark' }],
  ['msp:saveProvider', { name: 'Acme IT', email: '', phone: '', notes: '' }],
];

async function expectEveryWriteRefused(app: TestBackend, code = 'DB_UNAVAILABLE'): Promise<void> {
  for (const [name, input] of VALID_WRITES) {
    const envelope = await app.backend.dispatch(name, input);
    expect(envelope.ok, `${name} was accepted`).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe(code);
  }
  for (const name of WRITE_CALLS) {
    const envelope = await app.backend.dispatch(name, {});
    expect(envelope.ok, `${name} was accepted`).toBe(false);
    if (!envelope.ok) expect(envelope.error.code, name).toBe(code);
  }
}

describe('a damaged database', { timeout: 30_000 }, () => {
  const corruptions: Corruption[] = ['a middle page overwritten', 'a page of the search index overwritten', 'the header overwritten', 'truncated to half', 'a text file'];

  for (const how of corruptions) {
    it(`with ${how}: reported as unreadable, nothing written or deleted, the newest good backup offered`, async () => {
      const { dataDir } = await folderWithData();
      corrupt(path.join(dataDir, 'offload.db'), how);
      const before = snapshot(dataDir);

      const app = openTestBackend(dataDir);
      const status = await app.call('app:status');
      expect(status.fatal?.code).toBe('DB_UNREADABLE');
      expect(status.fatal?.message).toMatch(/damaged or is not an Offload database/);
      await expectEveryWriteRefused(app);
      const overview = await app.call('backups:overview');
      expect(overview.newestGood?.rows).toBeGreaterThanOrEqual(309);
      app.close();

      expect(snapshot(dataDir)).toEqual(before);
    });
  }

  it('restoring the newest backup moves the damaged files aside together, under one timestamp, and brings the data back', async () => {
    const { dataDir, titles } = await folderWithData();
    const file = path.join(dataDir, 'offload.db');
    corrupt(file, 'a middle page overwritten');
    // A -wal and -shm left beside it, as after a crash: they belong to the damaged file and go with it.
    // (The -shm is SQLite's index of the -wal, rebuilt from it; the read-only check may rewrite it.)
    fs.writeFileSync(`${file}-wal`, 'wal bytes');
    fs.writeFileSync(`${file}-shm`, 'shm bytes');
    const damaged = snapshot(dataDir);

    const app = openTestBackend(dataDir);
    const { newestGood } = await app.call('backups:overview');
    const preview = await app.call('backups:preview', { id: newestGood!.id });
    expect(preview.rows.find((row) => row.table === 'tasks')).toEqual({ table: 'tasks', label: 'Tasks', now: null, inBackup: 300 });

    const result = await app.call('backups:restore', { id: newestGood!.id });
    expect(result.safetyCopy).toBeNull();
    expect(result.movedAside.map((moved) => path.basename(moved))).toEqual([
      'offload.damaged-2026-11-16T14-00-00-000Z.db',
      'offload.damaged-2026-11-16T14-00-00-000Z.db-wal',
      'offload.damaged-2026-11-16T14-00-00-000Z.db-shm',
    ]);
    const after = snapshot(dataDir);
    expect(after['offload.damaged-2026-11-16T14-00-00-000Z.db']).toBe(damaged['offload.db']);
    expect(after['offload.damaged-2026-11-16T14-00-00-000Z.db-wal']).toBe(damaged['offload.db-wal']);
    expect(after['offload.damaged-2026-11-16T14-00-00-000Z.db-shm']).toBeDefined();
    expect(Object.keys(after).filter((name) => name.startsWith('offload.db'))).toEqual(['offload.db', 'offload.db-shm', 'offload.db-wal']);

    expect((await app.call('app:status')).fatal).toBeNull();
    const tasks = await app.call('tasks:list', { status: 'all', limit: 100 });
    expect(tasks.total).toBe(titles.length);
    await app.call('tasks:create', { title: 'Working again' });
    app.close();
  });

  it('found while working: the backend stops writing to it at once and reports it', async () => {
    const { dataDir } = await folderWithData();
    const app = openTestBackend(dataDir);
    // The file is damaged under the open connection (a sync tool, a failing disk): every page but the
    // first, so the next read of a page the connection has not cached meets the damage.
    const file = path.join(dataDir, 'offload.db');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, seededBytes(fs.statSync(file).size - 4096), 0, fs.statSync(file).size - 4096, 4096);
    fs.closeSync(fd);
    const failure = await app.failure('tasks:list', { status: 'all', search: 'firmware', limit: 100 });
    expect(failure.code).toBe('DB_UNREADABLE');
    expect(failure.message).toMatch(/found damage in its database while working.*stopped writing to it/);
    expect((await app.call('app:status')).fatal?.code).toBe('DB_UNREADABLE');
    expect(app.backend.db).toBeNull();
    await expectEveryWriteRefused(app);
    app.close();
  });
});

describe('a database that is not damaged but cannot be used', { timeout: 30_000 }, () => {
  it('from a newer Offload, is never replaced by a backup, even when asked to', async () => {
    const { dataDir } = await folderWithData();
    const file = path.join(dataDir, 'offload.db');
    const future = new Database(file);
    future.pragma('user_version = 999');
    future.close();
    const before = snapshot(dataDir);
    const app = openTestBackend(dataDir);
    expect((await app.call('app:status')).fatal?.code).toBe('DB_TOO_NEW');
    const { newestGood } = await app.call('backups:overview');
    const failure = await app.failure('backups:restore', { id: newestGood!.id });
    expect(failure.code).toBe('CONFLICT');
    expect((await app.failure('backups:startFresh', {})).code).toBe('CONFLICT');
    app.close();
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('an empty or missing database file', { timeout: 30_000 }, () => {
  it('where backups exist, is not set up as a new database: the newest good backup is offered', async () => {
    const { dataDir, titles } = await folderWithData();
    fs.truncateSync(path.join(dataDir, 'offload.db'), 0);
    const before = snapshot(dataDir);

    const app = openTestBackend(dataDir);
    const status = await app.call('app:status');
    expect(status.fatal?.code).toBe('DB_EMPTY');
    expect(status.fatal?.message).toMatch(/is empty \(0 bytes\).*Restore the newest one/);
    await expectEveryWriteRefused(app);
    expect(snapshot(dataDir)).toEqual(before);

    const { newestGood } = await app.call('backups:overview');
    const result = await app.call('backups:restore', { id: newestGood!.id });
    expect(result.movedAside.map((moved) => path.basename(moved))).toEqual(['offload.empty-2026-11-16T14-00-00-000Z.db']);
    expect((await app.call('tasks:list', { status: 'all', limit: 1 })).total).toBe(titles.length);
    app.close();
  });

  it('where backups exist, can still be started afresh: the empty file is kept aside', async () => {
    const { dataDir } = await folderWithData();
    fs.rmSync(path.join(dataDir, 'offload.db'));
    const app = openTestBackend(dataDir);
    expect((await app.call('app:status')).fatal?.message).toMatch(/is missing, but there are backups/);
    expect(await app.call('backups:startFresh')).toEqual({ movedAside: [] });
    expect((await app.call('app:status')).fatal).toBeNull();
    expect((await app.call('tasks:list', { status: 'all' })).total).toBe(0);
    app.close();
  });

  it('with no backups, a zero-byte file is set up as a new database as before', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'offload.db'), '');
    const app = openTestBackend(dataDir);
    expect((await app.call('app:status')).fatal).toBeNull();
    expect((await app.call('categories:list')).length).toBe(9);
    app.close();
  });

  it('start afresh is refused while the database is fine', async () => {
    const app = openTestBackend();
    expect((await app.failure('backups:startFresh', {})).code).toBe('CONFLICT');
    app.close();
  });
});

describe('a healthy database in a read-only folder', { timeout: 30_000 }, () => {
  it.skipIf(!canMount && process.getuid?.() === 0)('is reported as read-only with how to fix the permissions, never as something to discard', async () => {
    const { dataDir } = await folderWithData();
    let folder = dataDir;
    if (process.getuid?.() === 0) {
      // Root ignores file modes: a read-only mount is what stops it, as it stops her on a read-only disk.
      const view = readOnlyView(dataDir);
      cleanups.push(view.release);
      folder = view.path;
    } else {
      fs.chmodSync(dataDir, 0o555);
      cleanups.push(() => fs.chmodSync(dataDir, 0o700));
    }
    const before = snapshot(folder);

    const app = openTestBackend(folder);
    const status = await app.call('app:status');
    expect(status.fatal?.code).toBe('READ_ONLY');
    expect(status.fatal?.message).toContain('is read-only');
    expect(status.fatal?.message).toContain('Your data is intact');
    expect(status.fatal?.message).toMatch(/chmod u\+rwX/);
    expect(status.fatal?.message).not.toMatch(/move the file away|start fresh|discard|delete/i);
    await expectEveryWriteRefused(app);
    app.close();
    expect(snapshot(folder)).toEqual(before);
  });
});

describe('the data folder', () => {
  it('is private: the folder 0700, the database, its WAL and SHM, the settings and the backups 0600', async () => {
    if (process.platform === 'win32') return;
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755);
    const app = openTestBackend(dataDir);
    await app.call('settings:update', { theme: 'dark' });
    await app.call('tasks:create', { title: 'Private' });
    await app.backend.backups.backUp('manual');
    const mode = (file: string) => (fs.statSync(path.join(dataDir, file)).mode & 0o777).toString(8);
    expect(mode('.')).toBe('700');
    for (const file of ['offload.db', 'offload.db-wal', 'offload.db-shm', 'config.json', RUN_MARKER_FILE]) expect(mode(file), file).toBe('600');
    expect(mode('backups')).toBe('700');
    for (const file of fs.readdirSync(path.join(dataDir, 'backups'))) expect(mode(`backups/${file}`), file).toBe('600');
    app.close();
  });

  it('tightens the modes of a folder and files made before', () => {
    if (process.platform === 'win32') return;
    const dataDir = tempDir();
    openTestBackend(dataDir).close();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, 'offload.db'), 0o644);
    const app = openTestBackend(dataDir);
    expect((fs.statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    expect((fs.statSync(path.join(dataDir, 'offload.db')).mode & 0o777).toString(8)).toBe('600');
    app.close();
  });
});

describe('a full disk', { timeout: 30_000 }, () => {
  it('while saving: a clear message, and the last committed state intact (PRAGMA max_page_count)', async () => {
    const app = openTestBackend();
    await app.call('tasks:create', { title: 'Saved before' });
    const db = app.backend.db!;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const failure = await app.failure('tasks:create', { title: 'Too big for the disk', notes: 'x'.repeat(9000) });
    expect(failure.code).toBe('DISK_FULL');
    expect(failure.message).toBe(
      'The disk holding Offload’s data is full, so this change was not saved. Everything saved before it is intact. Free some space and try again.',
    );
    db.pragma('max_page_count = 1073741823');
    expect((await app.call('tasks:list', { status: 'all' })).tasks.map((task) => task.title)).toEqual(['Saved before']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    app.close();
  });

  it.skipIf(!canMount)('on a real full file system: the save fails with DISK_FULL, then works once there is space', async () => {
    const dataDir = tempDir();
    cleanups.push(mountTmpfs(dataDir, '4m'));
    const app = openTestBackend(dataDir);
    await app.call('tasks:create', { title: 'Saved before' });
    const free = fillDisk(dataDir);
    const failure = await app.failure('tasks:create', { title: 'No room', notes: 'x'.repeat(20_000) });
    expect(['DISK_FULL', 'IO_ERROR']).toContain(failure.code);
    expect(failure.message).toContain('was not saved. Everything saved before it is intact.');
    free();
    await app.call('tasks:create', { title: 'Saved after' });
    app.close();
    const again = openTestBackend(dataDir);
    expect((await again.call('tasks:list', { status: 'all' })).tasks.map((task) => task.title).sort()).toEqual(['Saved after', 'Saved before']);
    again.close();
  });

  it.skipIf(!canMount)('at shutdown: closing does not throw, the -wal with every committed row is kept, and she is told next time', async () => {
    const dataDir = tempDir();
    cleanups.push(mountTmpfs(dataDir, '4m'));
    const app = openTestBackend(dataDir);
    // Each an open task, so in three full-text indexes (migration 017): notes of 1,000 characters let the 30 commits fit in the 4 MB.
    for (let index = 0; index < 30; index += 1) await app.call('tasks:create', { title: `Committed ${index}`, notes: 'n'.repeat(1000) });
    const free = fillDisk(dataDir);
    expect(() => app.close()).not.toThrow();
    expect(fs.statSync(path.join(dataDir, 'offload.db-wal')).size).toBeGreaterThan(0);
    free();

    const again = openTestBackend(dataDir);
    const status = await again.call('app:status');
    const notice = status.notices.find((candidate) => candidate.id === 'last-close-failed');
    expect(notice?.message).toMatch(/could not fold its latest changes into offload\.db \(database or disk is full\)\. Nothing was lost/);
    expect((await again.call('tasks:list', { status: 'all', limit: 100 })).total).toBe(30);
    expect(again.backend.db!.pragma('integrity_check', { simple: true })).toBe('ok');
    again.close();
    expect(openTestBackend(dataDir).backend.db).not.toBeNull();
  });
});

describe('a session that did not end normally', () => {
  it('is told once at the next start; a clean close leaves nothing to tell', async () => {
    const dataDir = tempDir();
    const first = openTestBackend(dataDir);
    await first.call('tasks:create', { title: 'Kept' });
    first.close();
    const clean = openTestBackend(dataDir);
    expect((await clean.call('app:status')).notices).toEqual([]);
    clean.close();
    // What a killed process leaves: its marker, with a process id that no longer runs.
    fs.writeFileSync(path.join(dataDir, RUN_MARKER_FILE), JSON.stringify({ pid: 2 ** 22 + 12_345, openedAt: Date.parse('2026-11-16T13:00:00Z') }));
    const after = openTestBackend(dataDir);
    const notices = (await after.call('app:status')).notices;
    expect(notices.map((notice) => notice.id)).toEqual(['last-session-unfinished']);
    expect(notices[0]?.message).toContain('Everything it had saved was recovered');
    after.close();
  });
});

describe('the quick_check at start, skipped only for a file closed cleanly and untouched since', { timeout: 30_000 }, () => {
  it('is recorded at a clean close and forgotten once the file is open again', async () => {
    const dataDir = tempDir();
    const first = openTestBackend(dataDir);
    await first.call('tasks:create', { title: 'Kept' });
    expect(fs.existsSync(path.join(dataDir, CLEAN_CLOSE_FILE))).toBe(false);
    first.close();
    expect(fs.existsSync(path.join(dataDir, CLEAN_CLOSE_FILE))).toBe(true);
    const second = openTestBackend(dataDir);
    expect((await second.call('app:status')).fatal).toBeNull();
    expect(fs.existsSync(path.join(dataDir, CLEAN_CLOSE_FILE))).toBe(false);
    second.close();
  });

  it('still finds damage written after the clean close, even with the modification time set back', async () => {
    const { dataDir } = await folderWithData();
    const file = path.join(dataDir, 'offload.db');
    const { atime, mtime } = fs.statSync(file);
    corrupt(file, 'a page of the search index overwritten');
    fs.utimesSync(file, atime, mtime);
    const before = snapshot(dataDir);
    const app = openTestBackend(dataDir);
    expect((await app.call('app:status')).fatal?.code).toBe('DB_UNREADABLE');
    await expectEveryWriteRefused(app);
    app.close();
    expect(snapshot(dataDir)).toEqual(before);
  });
});
