import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '../../electron/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { openTestBackend, tempDir, type TestBackend } from '../support/temp-backend';
import { jobOutcome, upload, uploadFixture } from '../support/uploads';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const NOW = Date.parse('2026-11-16T14:00:00Z');

const open: TestBackend[] = [];
const backend = (dataDir = tempDir()) => {
  const app = openTestBackend(dataDir, NOW);
  open.push(app);
  return app;
};
afterEach(() => {
  for (const app of open.splice(0)) app.close();
});

/** Runs an export job and reads the prepared file back by pieces, as the renderer does. */
async function exported(app: TestBackend, what: 'json' | 'tasks-csv' | 'time-entries-csv'): Promise<{ fileName: string; text: string; mimeType: string }> {
  const { job } = await app.call('export:start', { what });
  const outcome = await jobOutcome(app, job);
  expect(outcome.outcome, outcome.message).toBe('done');
  let text = '';
  let chunks = 1;
  let fileName = '';
  let mimeType = '';
  for (let index = 0; index < chunks; index += 1) {
    const piece = await app.call('export:read', { job, index });
    ({ chunks, fileName, mimeType } = piece);
    text += piece.text;
  }
  return { fileName, text, mimeType };
}

/** Uploads and restores a JSON export: how its job ended, or `refused` with the message when the call itself refused. */
async function restore(app: TestBackend, text: string, fileName = 'offload-export.json') {
  const uploadId = await upload(app, fileName, text);
  const started = await app.backend.dispatch('import:json', { uploadId });
  if (!started.ok) return { outcome: 'refused', message: started.error.message };
  return jobOutcome(app, (started.value as { job: string }).job);
}

/** Years of her work in miniature, through the app's own calls: every table gets rows. */
async function seed(app: TestBackend): Promise<void> {
  app.setNow(NOW - 2 * HOUR);
  await app.call('settings:update', { timeZone: 'America/Chicago', workingDays: [1, 2, 3, 4], workdayStart: '07:30', oversightShare: 0.15, currency: 'EUR' });
  const phones = await app.call('categories:create', { name: 'Phones 📞', color: '#aa3377', kind: 'operational' });
  await app.call('categories:update', { id: 9, name: 'Everything else' });
  await app.call('categories:archive', { id: phones.id });
  await app.call('msp:saveProvider', { name: 'Bluefin IT', email: 'help@bluefin.example', phone: '+1 555 0100', notes: 'Contract "Gold", renews in March' });
  await app.call('msp:saveContract', { startDay: '2026-01-01', monthlyFee: 4200, includedHours: 40, overageRate: 95 });
  const sam = await app.call('technicians:create', { name: 'Sam Patel', role: 'Desktop', email: 'sam@bluefin-msp.example' });
  const priya = await app.call('technicians:create', { name: 'Priya Nair', role: 'Servers', email: '' });
  await app.call('technicians:remove', { id: priya.id });
  await app.call('responseTargets:set', { categoryId: 3, targetMinutes: 240 });
  await app.call('delegations:create', { categoryId: 3, startDay: '2026-09-01', endDay: null, estimatedWeeklyMinutes: 600, note: 'Desktops to Bluefin' });
  const ended = await app.call('delegations:create', { categoryId: 2, startDay: '2026-06-01', endDay: null });
  await app.call('delegations:end', { id: ended.delegation.id, endDay: '2026-08-31' });
  const gone = await app.call('delegations:create', { categoryId: 5, startDay: '2026-12-01', endDay: '2026-12-24' });
  await app.call('delegations:delete', { id: gone.delegation.id });
  await app.call('timeOff:create', { startDay: '2026-12-21', endDay: '2027-01-01', note: 'Holidays' });
  const dropped = await app.call('timeOff:create', { startDay: '2026-10-09', endDay: '2026-10-09', note: '' });
  await app.call('timeOff:delete', { id: dropped.id });
  await app.call('recurring:create', { title: 'Check the backup report', categoryId: 5, rule: { kind: 'weekly', interval: 1, weekdays: ['MO'], start: '2026-11-02' } });

  const firmware = await app.call('tasks:create', { title: 'Switch firmware', notes: 'Stack 2, then 1.\nRollback image on the share.', categoryId: 4, estimateMinutes: 90, dueDay: '2026-11-20', priority: 2 });
  const laptop = await app.call('tasks:create', { title: 'Laptop for the new hire', categoryId: 3, plannedDay: '2026-11-18', estimateMinutes: 60 });
  await app.call('tasks:assign', { id: laptop.id, owner: 'msp', technicianId: sam.id, keep: false });
  const cabling = await app.call('tasks:create', { title: 'Cable the new office', categoryId: 4 });
  // Handed over an hour after it was made: msp_since differs from created_at (a trigger sets it on insert).
  app.setNow(NOW - HOUR);
  await app.call('tasks:assign', { id: cabling.id, owner: 'msp', technicianId: null, keep: false });
  const kept = await app.call('tasks:create', { title: 'Printer in reception (hers)', categoryId: 3, owner: 'me' });
  await app.call('tasks:setStatus', { id: kept.id, status: 'in_progress' });
  const outage = await app.call('tasks:create', { title: 'VPN down for sales', categoryId: 1, unplanned: true, dueDay: '2026-11-16' });
  await app.call('tasks:setStatus', { id: outage.id, status: 'done' });
  await app.call('tasks:update', { id: firmware.id, plannedDay: '2026-11-17' });
  await app.call('tasks:update', { id: firmware.id, plannedDay: '2026-11-19' });
  const deleted = await app.call('tasks:create', { title: 'Old idea' });
  await app.call('tasks:delete', { id: deleted.id });

  // Her entries across the fall-back night, the MSP's and a technician's, one deleted, a running timer
  // (logged once the time has passed: entries may not start in the future).
  app.setNow(NOW);
  const entry = (worker: 'me' | 'msp', categoryId: number, start: string, minutes: number, extra: Record<string, unknown> = {}) =>
    app.call('timeEntries:create', { worker, categoryId, startAt: Date.parse(start), endAt: Date.parse(start) + minutes * MINUTE, ...extra });
  await entry('me', 4, '2026-11-01T05:30:00Z', 180, { note: '01:00–03:00 CDT→CST, three real hours', taskId: firmware.id });
  await entry('me', 1, '2026-11-16T13:05:00Z', 25, { note: 'VPN tokens', taskId: outage.id, unplanned: true });
  await entry('msp', 3, '2026-11-10T15:00:00Z', 90, { technicianId: sam.id, taskId: laptop.id });
  await entry('msp', 2, '2026-07-01T15:00:00Z', 45, { note: 'Team work' });
  const wrong = await entry('me', 7, '2026-11-12T18:00:00Z', 30);
  await app.call('timeEntries:delete', { id: wrong.id });
  await app.call('timer:start', { categoryId: 8, note: 'Steering meeting' });

  // An import leaves source keys and remembered mappings.
  const uploadId = await uploadFixture(app, 'generic-time.csv');
  const mapping = { categories: { 'category:desktop support': 3, 'category:server administration': 2 }, workers: {} };
  const { job } = await app.call('import:apply', { uploadId, kind: 'time-entries', timeZone: 'America/Chicago', mapping });
  expect((await jobOutcome(app, job)).outcome).toBe('done');
  app.setNow(NOW);
}

/** Every row of every table, by primary key; derived tables as the figures read them. */
function snapshot(db: SqliteDatabase): Record<string, unknown[]> {
  const tables = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const result: Record<string, unknown[]> = {};
  for (const { name, sql } of tables) {
    // The full-text indexes' pages depend on the order rows were indexed in; the searches below compare them.
    if (/^tasks_((recent|open)_)?fts/.test(name)) continue;
    const where = name === 'daily_rollup' ? 'WHERE entries != 0 OR ms != 0' : '';
    const columns = db.prepare(`SELECT count(*) AS n FROM pragma_table_info('${name}')`).pluck().get() as number;
    // derived_state's rows are keyed by name: the order they were first written in is bookkeeping.
    const order = name === 'derived_state' ? 'key' : /WITHOUT ROWID/i.test(sql) ? Array.from({ length: Math.min(3, columns) }, (_, index) => index + 1).join(', ') : 'rowid';
    result[name] = db.prepare(`SELECT * FROM "${name}" ${where} ORDER BY ${order}`).all();
  }
  return result;
}

describe('the complete JSON export', () => {
  it('restores into an empty database with every table equal row by row, and rollups and search rebuilt equal', async () => {
    const source = backend();
    await seed(source);
    const { fileName, text, mimeType } = await exported(source, 'json');
    expect(fileName).toBe('offload-export-2026-11-16.json');
    expect(mimeType).toBe('application/json');
    const document = JSON.parse(text) as { format: string; version: number; schemaVersion: number; timeZone: string; exportedAt: string; settings: Record<string, unknown>; tables: Record<string, { columns: string[]; rows: unknown[][] }> };
    expect(document).toMatchObject({ format: 'offload-export', version: 1, schemaVersion: LATEST_SCHEMA_VERSION, timeZone: 'America/Chicago', exportedAt: '2026-11-16T14:00:00.000Z' });
    expect(document.settings).toMatchObject({ timeZone: 'America/Chicago', currency: 'EUR', workingDays: [1, 2, 3, 4] });
    // Instants are UTC ISO strings; rollups and the search index are not exported.
    const entries = document.tables.time_entries!;
    expect(entries.rows[0]![entries.columns.indexOf('start_at')]).toBe('2026-11-01T05:30:00.000Z');
    expect(Object.keys(document.tables)).not.toContain('daily_rollup');
    expect(Object.keys(document.tables).filter((name) => name.includes('_fts'))).toStrictEqual([]);

    const target = backend();
    expect(await restore(target, text)).toStrictEqual({ outcome: 'done', message: expect.stringMatching(/^Restored \d+ rows from 1[0-9] tables\.$/) });

    const before = snapshot(source.backend.db!);
    const after = snapshot(target.backend.db!);
    expect(Object.keys(after)).toStrictEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toStrictEqual(before[table]);
    expect(before.tasks!.length).toBeGreaterThan(5);
    expect(before.daily_rollup!.length).toBeGreaterThan(3);
    expect(before.import_mappings!.length).toBe(5);
    const cabling = (before.tasks as { title: string; created_at: number; msp_since: number }[]).find((task) => task.title === 'Cable the new office')!;
    expect(cabling.msp_since - cabling.created_at).toBe(HOUR);
    expect(await target.call('settings:get')).toStrictEqual(await source.call('settings:get'));
    // The search index was rebuilt from the restored tasks.
    for (const status of ['all', 'active'] as const) {
      const search = (app: TestBackend) => app.call('tasks:list', { search: 'rollback stack', status }).then((page) => page.tasks.map((task) => task.id));
      expect(await search(target), status).toStrictEqual(await search(source));
      expect((await search(source)).length, status).toBeGreaterThan(0);
    }
    for (const index of ['tasks_recent_fts', 'tasks_open_fts']) {
      expect(target.backend.db!.prepare(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`).run().changes, index).toBeGreaterThanOrEqual(0);
    }
    // And the figures read the same.
    expect(await target.call('reclaimed:report', { weeks: 12 })).toStrictEqual(await source.call('reclaimed:report', { weeks: 12 }));
    expect(await target.call('today:summary')).toStrictEqual(await source.call('today:summary'));
  });

  it('refuses a database that is not empty, and changes nothing', async () => {
    const source = backend();
    await source.call('tasks:create', { title: 'Patch the file server' });
    const { text } = await exported(source, 'json');
    const target = backend();
    await target.call('tasks:create', { title: 'Mine already' });
    const outcome = await restore(target, text);
    // Refused by the call itself, before a job starts.
    expect(outcome.outcome).toBe('refused');
    expect(outcome.message).toMatch(/^This database is not empty \(it holds 1 tasks\)\. A JSON export restores only into an empty database/);
    expect((await target.call('tasks:list', { status: 'all' })).tasks.map((task) => task.title)).toStrictEqual(['Mine already']);

    const renamed = backend();
    await renamed.call('categories:update', { id: 1, name: 'Helpdesk' });
    expect((await restore(renamed, text)).message).toMatch(/it holds categories you changed/);
  });

  it('refuses an export from a newer Offload, a file that is not an export, and broken rows, with what is wrong', async () => {
    const source = backend();
    await source.call('tasks:create', { title: 'Patch the file server', categoryId: 2 });
    const { text } = await exported(source, 'json');
    const document = JSON.parse(text) as Record<string, unknown> & { tables: Record<string, { columns: string[]; rows: unknown[][] }> };
    const target = backend();
    const message = async (changed: unknown) => (await restore(target, typeof changed === 'string' ? changed : JSON.stringify(changed))).message;

    expect(await message({ ...document, version: 2 })).toBe('This export (made by Offload 0.0.0-test) is a newer kind (export version 2; this Offload reads up to 1). Update Offload, then import it. Nothing was changed.');
    expect(await message({ ...document, schemaVersion: LATEST_SCHEMA_VERSION + 1 })).toBe(
      `This export (made by Offload 0.0.0-test) holds data of a newer Offload (schema ${LATEST_SCHEMA_VERSION + 1}; this one understands up to ${LATEST_SCHEMA_VERSION}). Update Offload, then import it. Nothing was changed.`,
    );
    expect(await message('title,category\nPatch,Network\n')).toMatch(/^This is not a JSON file Offload can read/);
    expect(await message({ hello: 'world' })).toMatch(/^This JSON file is not an Offload export/);
    const tasks = document.tables.tasks!;
    const badInstant = structuredClone(document);
    badInstant.tables.tasks!.rows[0]![tasks.columns.indexOf('created_at')] = 'yesterday';
    expect(await message(badInstant)).toBe('Row 1 of “tasks” in the export has "yesterday" as created_at, which is not an instant written like 2026-11-16T15:00:00.000Z. Nothing was imported.');
    const orphan = structuredClone(document);
    orphan.tables.categories!.rows = orphan.tables.categories!.rows.filter((row) => row[0] !== 2);
    expect(await message(orphan)).toMatch(/^The export is not complete: 1 row refers to rows that are not in it \(the first: a row of “tasks” refers to a missing row of “categories”\)/);
    const unknown = structuredClone(document);
    unknown.tables.gadgets = { columns: ['id'], rows: [] };
    expect(await message(unknown)).toBe('The export has a table “gadgets” this Offload does not know. Nothing was imported.');
    // None of it changed the empty database.
    expect((await target.call('tasks:list', { status: 'all' })).total).toBe(0);
    expect((await target.call('categories:list')).length).toBe(9);
  });
});

describe('CSV exports', () => {
  it('writes tasks with the task import’s columns first, and reads back through the task import', async () => {
    const source = backend();
    await source.call('settings:update', { timeZone: 'America/Chicago' });
    const sam = await source.call('technicians:create', { name: 'Sam Patel', role: '', email: '' });
    const task = await source.call('tasks:create', { title: '=HYPERLINK("x") "quoted", with comma', notes: 'Line one\nline two', categoryId: 4, estimateMinutes: 90, dueDay: '2026-11-20', priority: 3 });
    const handed = await source.call('tasks:create', { title: 'Reimage PC', categoryId: 3 });
    await source.call('tasks:assign', { id: handed.id, owner: 'msp', technicianId: sam.id, keep: false });
    const { text, fileName } = await exported(source, 'tasks-csv');
    expect(fileName).toBe('offload-tasks-2026-11-16.csv');
    expect(text.split('\r\n')).toStrictEqual([
      '\uFEFFtitle,category,estimate,due,planned,priority,status,owner,notes,unplanned,id,kept by me,technician,created (UTC),completed (UTC),logged minutes',
      `"'=HYPERLINK(""x"") ""quoted"", with comma",Network,90,2026-11-20,,3,open,me,"Line one\nline two",no,${task.id},no,,2026-11-16T14:00:00.000Z,,0`,
      `Reimage PC,Desktop maintenance,,,,0,open,Sam Patel,,no,${handed.id},no,Sam Patel,2026-11-16T14:00:00.000Z,,0`,
      '',
    ]);
    const target = backend();
    await target.call('technicians:create', { name: 'Sam Patel', role: '', email: '' });
    const uploadId = await upload(target, fileName, text);
    const { job } = await target.call('import:apply', { uploadId, kind: 'tasks' });
    expect((await jobOutcome(target, job)).message).toBe('Imported 2 tasks.');
    const titles = (await target.call('tasks:list', { status: 'all', sort: 'title' })).tasks.map((row) => [row.title, row.owner, row.technicianId]);
    expect(titles).toStrictEqual([
      ["'=HYPERLINK(\"x\") \"quoted\", with comma", 'me', null],
      ['Reimage PC', 'msp', 1],
    ]);
  });

  it('writes time entries with days and times in her zone, an entry past midnight and a running timer', async () => {
    const source = backend();
    await source.call('settings:update', { timeZone: 'Europe/Berlin' });
    const start = Date.parse('2026-11-15T22:30:00Z'); // 23:30 in Berlin
    await source.call('timeEntries:create', { worker: 'me', categoryId: 2, startAt: start, endAt: start + 2 * HOUR, note: 'Patch night' });
    await source.call('timer:start', { categoryId: 1, note: '' });
    const { text } = await exported(source, 'time-entries-csv');
    expect(text.split('\r\n')).toStrictEqual([
      '\uFEFFdate,start,end,category,task,note,worker,technician,unplanned,end date,minutes,after-hours minutes,start (UTC),end (UTC),id,source',
      '2026-11-15,23:30:00,01:30:00,Server administration,,Patch night,me,,no,2026-11-16,120,120,2026-11-15T22:30:00.000Z,2026-11-16T00:30:00.000Z,1,app',
      '2026-11-16,15:00:00,,Tech support,,,me,,no,,,0,2026-11-16T14:00:00.000Z,,2,app',
      '',
    ]);
  });
});
