import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportReady } from '../../shared/api/data-views';
import { openTestBackend, type TestBackend } from '../support/temp-backend';
import { jobOutcome, upload, uploadFixture } from '../support/uploads';

const MINUTE = 60_000;
const NEW_YORK = 'America/New_York';

const ready = (preview: ImportPreview): ImportReady => {
  if (preview.status !== 'ready') throw new Error(`expected a ready preview, got ${JSON.stringify(preview)}`);
  return preview;
};

let app: TestBackend;
let sam: number;

beforeEach(async () => {
  app = openTestBackend();
  await app.call('settings:update', { timeZone: NEW_YORK });
  sam = (await app.call('technicians:create', { name: 'Sam Patel', role: 'Desktop', email: 'sam@bluefin-msp.example' })).id;
});
afterEach(() => app.close());

/** Imports through the job and waits for it; returns the job's outcome. */
async function apply(input: Parameters<TestBackend['call']>[1] & object) {
  const { job } = await app.call('import:apply', input as never);
  return jobOutcome(app, job);
}

const entries = () =>
  app.backend.db!.prepare('SELECT worker, technician_id, category_id, task_id, start_at, end_at, start_day, note, source, after_hours_ms FROM time_entries ORDER BY start_at').all() as {
    worker: string;
    technician_id: number | null;
    category_id: number;
    task_id: number | null;
    start_at: number;
    end_at: number;
    start_day: string;
    note: string;
    source: string;
    after_hours_ms: number;
  }[];
const count = (table: string) => (app.backend.db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Toggl, US settings: 12-hour times with seconds, a byte-order mark, CRLF, an empty line, quotes, emoji. */
const togglMapping = {
  categories: { 'project:desktop support': 3, 'project:server admin': 2, 'tag:after-hours': 9 },
  workers: { 'email:gail@northwind.example': { worker: 'me' as const, technicianId: null } },
};

describe('importing a Toggl Track detailed export', () => {
  it('previews what it would create, the row errors and what still needs a mapping, and changes nothing', async () => {
    const uploadId = await uploadFixture(app, 'toggl-detailed-us-12h.csv');
    const first = ready(await app.call('import:preview', { uploadId, kind: 'time-entries', timeZone: NEW_YORK }));
    expect(first.format).toBe('toggl');
    expect(first.dateOrder).toStrictEqual({ order: 'MDY', from: 'file' });
    // Gail is one of two users, so nobody guesses she is "me"; Sam is found by his email.
    expect(first.users.map((user) => [user.name, user.choice, user.from, user.needed])).toStrictEqual([
      ['Gail Moreno', null, null, true],
      ['Sam Patel', { worker: 'msp', technicianId: sam }, 'suggested', false],
    ]);
    expect(first.categories.filter((name) => name.needed).map((name) => name.key)).toStrictEqual(['project:desktop support', 'tag:after-hours', 'project:server admin']);
    expect(first.categories.find((name) => name.key === 'project:network')).toMatchObject({ choice: 4, from: 'suggested' });
    expect(first.counts).toStrictEqual({ rows: 8, create: 0, duplicates: 0, errors: 1, skipped: 1, waiting: 6 });

    const mapped = ready(await app.call('import:preview', { uploadId, kind: 'time-entries', timeZone: NEW_YORK, mapping: togglMapping }));
    // Rows 2, 3, 4, 6 and 8 are imported; row 7 (00:00–00:20) starts inside row 6 (23:30–01:10), both hers.
    expect(mapped.counts).toStrictEqual({ rows: 8, create: 5, duplicates: 0, errors: 2, skipped: 1, waiting: 0 });
    expect(mapped.errors).toStrictEqual([
      { row: 7, column: null, reason: 'overlaps row 6 of this file (14 Oct 2024 23:30–01:10): your entries may not overlap' },
      { row: 9, column: 'End time', reason: 'no end time: a running timer cannot be imported' },
    ]);
    expect(mapped.skipped).toStrictEqual([{ row: 10, column: 'End time', reason: 'zero-length entry (it ends the moment it starts): nothing to import' }]);
    // 1:14:28 + 0:26:07 + 0:45:30 + 1:40:00 of hers, 1:30 of Sam's.
    expect(mapped.entries).toMatchObject({ entries: 5, minutesBy: { msp: 90 }, tasks: 1, taskTitles: ['Printer queue'] });
    expect(mapped.entries?.minutesBy.me).toBeCloseTo(74 + 28 / 60 + 26 + 7 / 60 + 45.5 + 100, 9);
    expect(mapped.entries?.byCategory.map((row) => [row.categoryId, row.entries, Math.round(row.minutes * 60)])).toStrictEqual([
      [3, 2, (90 + 26) * 60 + 7],
      [9, 1, 100 * 60],
      [4, 1, 74 * 60 + 28],
      [8, 1, 45 * 60 + 30],
    ]);
    expect(count('time_entries')).toBe(0);
  });

  it('imports in one job: the instants in the zone she confirmed, her local days, after-hours, a task from the Task column', async () => {
    const uploadId = await uploadFixture(app, 'toggl-detailed-us-12h.csv');
    const outcome = await apply({ uploadId, kind: 'time-entries', timeZone: NEW_YORK, mapping: togglMapping });
    expect(outcome).toStrictEqual({ outcome: 'done', message: 'Imported 5 time entries and 1 task from their task names; 2 rows with errors left out; 1 row skipped.' });
    const [network, printer, meeting, patching, laptop] = entries();
    // 07:58:12–09:12:40 EDT is 11:58:12–13:12:40 UTC; the 1 min 48 s before 08:00 is after hours.
    expect(network).toMatchObject({ worker: 'me', category_id: 4, start_at: Date.parse('2024-10-14T11:58:12Z'), end_at: Date.parse('2024-10-14T13:12:40Z'), start_day: '2024-10-14', note: 'Core switch firmware, stack 2', source: 'toggl', after_hours_ms: 108_000 });
    expect(printer).toMatchObject({ category_id: 3, note: 'Reception printer says "offline" again' });
    expect(meeting).toMatchObject({ category_id: 8, note: 'Café with finance — budget 2025 ☕️' });
    // 23:30–01:10 across midnight: filed under the day it starts, all after hours.
    expect(patching).toMatchObject({ category_id: 9, start_day: '2024-10-14', end_at: Date.parse('2024-10-15T05:10:00Z'), after_hours_ms: 100 * MINUTE, note: 'Patching night 🌙 (WSUS)' });
    expect(laptop).toMatchObject({ worker: 'msp', technician_id: sam, category_id: 3, after_hours_ms: 0 });
    expect(network!.task_id).toBeNull();
    // Each entry is written, and last changed, at the moment of the import.
    expect(app.backend.db!.prepare('SELECT DISTINCT created_at, updated_at FROM time_entries').all()).toStrictEqual([{ created_at: app.now(), updated_at: app.now() }]);
    const task = app.backend.db!.prepare('SELECT id, title, category_id, status, completed_at FROM tasks').get() as { id: number };
    expect(task).toStrictEqual({ id: printer!.task_id, title: 'Printer queue', category_id: 3, status: 'done', completed_at: Date.parse('2024-10-14T13:41:07Z') });
    // The rollup follows the imported entries.
    expect(app.backend.db!.prepare("SELECT sum(ms) AS ms FROM daily_rollup WHERE worker = 'me'").get()).toStrictEqual({ ms: (74 * 60 + 28 + 26 * 60 + 7 + 45 * 60 + 30 + 100 * 60) * 1000 });
  });

  it('adds nothing when the same file is imported again, and remembers the mapping for next time', async () => {
    const uploadId = await uploadFixture(app, 'toggl-detailed-us-12h.csv');
    await apply({ uploadId, kind: 'time-entries', timeZone: NEW_YORK, mapping: togglMapping });
    const again = await uploadFixture(app, 'toggl-detailed-us-12h.csv');
    // No mapping sent: what she chose last time is offered, and the rows are already there.
    const preview = ready(await app.call('import:preview', { uploadId: again, kind: 'time-entries', timeZone: NEW_YORK }));
    expect(preview.counts).toStrictEqual({ rows: 8, create: 0, duplicates: 5, errors: 2, skipped: 1, waiting: 0 });
    expect(preview.users[0]).toMatchObject({ name: 'Gail Moreno', choice: { worker: 'me', technicianId: null }, from: 'remembered' });
    // Row 7 now overlaps the entry row 6 became.
    expect(preview.errors[0]).toStrictEqual({ row: 7, column: null, reason: 'overlaps your entry of 14 Oct 2024 23:30–01:10 already in Offload' });
    expect(await apply({ uploadId: again, kind: 'time-entries', timeZone: NEW_YORK })).toStrictEqual({
      outcome: 'done',
      message: 'Imported 0 time entries; 5 rows were already imported; 2 rows with errors left out; 1 row skipped.',
    });
    expect(count('time_entries')).toBe(5);
    expect(count('tasks')).toBe(1);
  });

  it('refuses rows that overlap her entries already logged, naming the entry', async () => {
    const startAt = Date.parse('2024-10-14T16:30:00Z'); // 12:30–13:00 EDT, inside the 12:00–12:45:30 meeting
    await app.call('timeEntries:create', { worker: 'me', categoryId: 1, startAt, endAt: startAt + 30 * MINUTE });
    const uploadId = await uploadFixture(app, 'toggl-detailed-us-12h.csv');
    const preview = ready(await app.call('import:preview', { uploadId, kind: 'time-entries', timeZone: NEW_YORK, mapping: togglMapping }));
    expect(preview.errors.find((issue) => issue.row === 4)).toStrictEqual({ row: 4, column: null, reason: 'overlaps your entry of 14 Oct 2024 12:30–13:00 already in Offload' });
    expect(preview.counts.create).toBe(4);
  });

  it('reads 24-hour times without seconds and day-first dates, and reports each bad row with its column', async () => {
    const uploadId = await uploadFixture(app, 'toggl-detailed-uk-24h.csv');
    const preview = ready(
      await app.call('import:preview', { uploadId, kind: 'time-entries', timeZone: 'Europe/London', mapping: { categories: { 'project:server admin': 2 }, workers: {} } }),
    );
    expect(preview.dateOrder).toStrictEqual({ order: 'DMY', from: 'file' });
    // One person in the file: she is taken to be "me" until she says otherwise.
    expect(preview.users).toMatchObject([{ name: 'Gail Moreno', choice: { worker: 'me', technicianId: null }, from: 'suggested' }]);
    expect(preview.counts).toStrictEqual({ rows: 7, create: 4, duplicates: 0, errors: 3, skipped: 0, waiting: 0 });
    expect(preview.errors).toStrictEqual([
      { row: 6, column: 'End date', reason: 'longer than 24 hours (25 h 0 min): Offload refuses entries over 24 hours; split it' },
      { row: 7, column: 'End date', reason: 'ends before it starts (24/10/2024 17:00 → 24/10/2024 16:00)' },
      { row: 8, column: 'Start time', reason: '"25:10" is not a time of day (write it like 14:05, 14:05:09 or 2:05 PM)' },
      { row: 8, column: 'End time', reason: '"26:00" is not a time of day (write it like 14:05, 14:05:09 or 2:05 PM)' },
    ]);
    const uploadAgain = await uploadFixture(app, 'toggl-detailed-uk-24h.csv');
    await apply({ uploadId: uploadAgain, kind: 'time-entries', timeZone: 'Europe/London', mapping: { categories: { 'project:server admin': 2 }, workers: {} } });
    const notes = entries().map((entry) => [entry.note, entry.start_at]);
    expect(notes).toStrictEqual([
      ['Restore test of the finance share', Date.parse('2024-10-03T07:00:00Z')],
      ['Outlook profile rebuild,\nthen OST cleanup', Date.parse('2024-10-14T09:05:00Z')],
      ['Exchange CU upgrade', Date.parse('2024-10-21T21:00:00Z')],
      ['Zero-trust reading ✍️ «notes»', Date.parse('2024-10-25T12:00:00Z')],
    ]);
  });
});

describe('importing a Clockify detailed export', () => {
  it('imports a file with optional columns missing, 12-hour times, a row without a project, and MSP work by the team', async () => {
    const uploadId = await uploadFixture(app, 'clockify-detailed-us.csv');
    const mapping = {
      categories: { 'project:server admin': 2, 'project:desktop support': 3, 'project:': 1 },
      workers: { 'email:gail@northwind.example': { worker: 'me' as const, technicianId: null }, 'email:zoe@bluefin-msp.example': { worker: 'msp' as const, technicianId: null } },
    };
    const preview = ready(await app.call('import:preview', { uploadId, kind: 'time-entries', timeZone: NEW_YORK, mapping }));
    expect(preview.format).toBe('clockify');
    expect(preview.counts).toStrictEqual({ rows: 5, create: 4, duplicates: 0, errors: 1, skipped: 0, waiting: 0 });
    expect(preview.errors).toStrictEqual([{ row: 6, column: 'End Time', reason: 'no end time: a running timer cannot be imported' }]);
    expect(await apply({ uploadId, kind: 'time-entries', timeZone: NEW_YORK, mapping })).toMatchObject({ outcome: 'done' });
    expect(entries().map((entry) => [entry.worker, entry.category_id, entry.note])).toStrictEqual([
      ['me', 2, 'Hyper-V host patching, HV01 + HV02'],
      ['msp', 3, 'Reset "Finance" shared mailbox permissions'],
      ['me', 1, 'Standby call 📞'],
      ['me', 4, 'Firewall rule review'],
    ]);
  });

  it('asks for the day/month order when every date could be either, then reads them as she says', async () => {
    const uploadId = await uploadFixture(app, 'clockify-ambiguous-dates.csv');
    const asked = await app.call('import:preview', { uploadId, kind: 'time-entries', timeZone: NEW_YORK });
    expect(asked).toMatchObject({ status: 'needs-day-month-order', reason: 'ambiguous', examples: ['03/04/2024', '05/06/2024', '11/12/2024'] });
    const answered = ready(await app.call('import:preview', { uploadId, kind: 'time-entries', timeZone: NEW_YORK, dayMonthOrder: 'DMY' }));
    expect(answered.dateOrder).toStrictEqual({ order: 'DMY', from: 'choice' });
    expect(answered.entries?.firstStartAt).toBe(Date.parse('2024-04-03T13:00:00Z'));
    expect(await apply({ uploadId, kind: 'time-entries', timeZone: NEW_YORK })).toStrictEqual({
      outcome: 'failed',
      message: 'Every date in this file could be day/month or month/day (for example 03/04/2024). Say which comes first.',
    });
  });
});

describe('import jobs', () => {
  it('a cancelled import leaves nothing behind', async () => {
    const uploadId = await uploadFixture(app, 'toggl-detailed-us-12h.csv');
    const { job } = await app.call('import:apply', { uploadId, kind: 'time-entries', timeZone: NEW_YORK, mapping: togglMapping });
    const finished = jobOutcome(app, job);
    expect(await app.call('jobs:cancel', { job })).toStrictEqual({ cancelled: true });
    expect(await finished).toStrictEqual({ outcome: 'cancelled', message: 'Cancelled; nothing was changed.' });
    expect([count('time_entries'), count('tasks'), count('daily_rollup'), count('import_mappings')]).toStrictEqual([0, 0, 0, 0]);
    expect(await app.call('jobs:cancel', { job })).toStrictEqual({ cancelled: false });
  });

  it('refuses to import while rows still wait for a mapping, naming what to map', async () => {
    const uploadId = await uploadFixture(app, 'toggl-detailed-us-12h.csv');
    const outcome = await apply({ uploadId, kind: 'time-entries', timeZone: NEW_YORK });
    expect(outcome.outcome).toBe('failed');
    expect(outcome.message).toBe('6 rows wait for a mapping: choose what “Desktop support”, “after-hours”, “Server admin”, “Gail Moreno” are first. Nothing was imported.');
    expect(count('time_entries')).toBe(0);
  });

  it('a write made while an import holds the database waits for it instead of failing', async () => {
    const uploadId = await uploadFixture(app, 'toggl-detailed-us-12h.csv');
    const { job } = await app.call('import:apply', { uploadId, kind: 'time-entries', timeZone: NEW_YORK, mapping: togglMapping });
    const finished = jobOutcome(app, job);
    const startAt = Date.parse('2026-11-16T13:00:00Z');
    const logged = await app.call('timeEntries:create', { worker: 'me', categoryId: 1, startAt, endAt: startAt + 20 * MINUTE });
    expect((await finished).outcome).toBe('done');
    expect(logged.startDay).toBe('2026-11-16');
    expect(count('time_entries')).toBe(6);
  });
});

describe('importing tasks', () => {
  it('creates the tasks with their owners, lists the bad rows, and adds nothing the second time', async () => {
    const uploadId = await uploadFixture(app, 'generic-tasks.csv');
    const preview = ready(await app.call('import:preview', { uploadId, kind: 'tasks', mapping: { categories: { 'category:other': 'skip' }, workers: {} } }));
    expect(preview.counts).toStrictEqual({ rows: 10, create: 5, duplicates: 0, errors: 5, skipped: 0, waiting: 0 });
    expect(preview.users).toMatchObject([{ name: 'Sam Patel', kind: 'owner', choice: { worker: 'msp', technicianId: sam }, from: 'suggested' }]);
    expect(preview.tasks).toStrictEqual({
      tasks: 5,
      byCategory: [
        { categoryId: 6, tasks: 1 },
        { categoryId: 2, tasks: 1 },
        { categoryId: 3, tasks: 1 },
        { categoryId: 4, tasks: 1 },
        { categoryId: null, tasks: 1 },
      ],
      byStatus: { open: 2, in_progress: 1, waiting: 1, done: 1 },
      toMsp: 2,
    });
    expect(preview.errors.map((issue) => [issue.row, issue.column])).toStrictEqual([
      [7, 'title'],
      [8, 'estimate'],
      [9, 'due'],
      [10, 'priority'],
      [11, 'status'],
    ]);
    expect(await apply({ uploadId, kind: 'tasks' })).toStrictEqual({ outcome: 'done', message: 'Imported 5 tasks; 5 rows with errors left out.' });
    const tasks = app.backend.db!.prepare('SELECT title, owner, technician_id, status, unplanned, estimate_minutes FROM tasks ORDER BY id').all();
    expect(tasks).toStrictEqual([
      { title: 'Renew the firewall licence', owner: 'me', technician_id: null, status: 'open', unplanned: 0, estimate_minutes: 30 },
      { title: 'Replace UPS batteries in the server room', owner: 'msp', technician_id: null, status: 'open', unplanned: 0, estimate_minutes: 120 },
      { title: 'Set up a laptop for the new hire', owner: 'msp', technician_id: sam, status: 'in_progress', unplanned: 0, estimate_minutes: 90 },
      { title: 'Investigate Wi-Fi drops in the warehouse 📶', owner: 'me', technician_id: null, status: 'waiting', unplanned: 1, estimate_minutes: 90 },
      { title: 'Document the backup rota', owner: 'me', technician_id: null, status: 'done', unplanned: 0, estimate_minutes: 45 },
    ]);
    const again = await uploadFixture(app, 'generic-tasks.csv');
    expect(ready(await app.call('import:preview', { uploadId: again, kind: 'tasks' })).counts).toMatchObject({ create: 0, duplicates: 5 });
    expect(await apply({ uploadId: again, kind: 'tasks' })).toMatchObject({ outcome: 'done' });
    expect(count('tasks')).toBe(5);
  });

  it('follows the delegations for tasks whose owner the file leaves open', async () => {
    await app.call('delegations:create', { categoryId: 4, startDay: '2024-10-01', endDay: null });
    const uploadId = await upload(app, 'tasks.csv', 'title,category,planned\nCheck the Wi-Fi,Network,2024-10-21\n');
    await apply({ uploadId, kind: 'tasks' });
    expect(app.backend.db!.prepare('SELECT owner FROM tasks').get()).toStrictEqual({ owner: 'msp' });
  });
});

describe('uploads', () => {
  it('checks every piece: its number, its length, and that the file is complete before it is read', async () => {
    const content = Buffer.from('date,start,end,category\n2024-10-14,08:00,09:00,Network\n');
    const { uploadId, chunks } = await app.call('import:begin', { fileName: 'small.csv', size: content.length });
    expect(chunks).toBe(1);
    expect((await app.failure('import:preview', { uploadId, kind: 'time-entries' })).message).toBe('small.csv has not finished uploading (0 of 1 pieces); choose the file again.');
    expect((await app.failure('import:chunk', { uploadId, index: 1, data: content.toString('base64') })).message).toBe('This file has 1 piece; there is no piece 1.');
    expect((await app.failure('import:chunk', { uploadId, index: 0, data: content.subarray(1).toString('base64') })).message).toMatch(/should hold 55 bytes but holds 54/);
    expect(await app.call('import:chunk', { uploadId, index: 0, data: content.toString('base64') })).toStrictEqual({ received: 1, chunks: 1, complete: true });
    expect(ready(await app.call('import:preview', { uploadId, kind: 'time-entries' })).counts.create).toBe(1);
    // A complete file never changes under its preview (an apply may reuse the preview's rows).
    expect((await app.failure('import:chunk', { uploadId, index: 0, data: content.toString('base64') })).message).toBe('small.csv is already uploaded in full and cannot change; choose the file again to send another.');
    expect(await app.call('import:discard', { uploadId })).toStrictEqual({ discarded: true });
    expect((await app.failure('import:preview', { uploadId, kind: 'time-entries' })).code).toBe('NOT_FOUND');
  });

  it('refuses an empty or oversized file and an upload id it never gave out', async () => {
    expect((await app.failure('import:begin', { fileName: 'big.csv', size: 300 * 1024 * 1024 })).message).toBe('Offload imports files of up to 256 MB; split the file');
    expect((await app.failure('import:begin', { fileName: 'empty.csv', size: 0 })).message).toBe('The file is empty');
    expect((await app.failure('import:chunk', { uploadId: '0'.repeat(32), index: 0, data: '' })).code).toBe('NOT_FOUND');
    expect((await app.failure('import:chunk', { uploadId: '../etc/passwd', index: 0, data: '' })).code).toBe('VALIDATION');
  });

  it('reads a file sent in several pieces, with a character split across two of them', async () => {
    const row = '2024-10-14,08:00,09:00,Network,,Café ☕ — the long note that fills the file\n';
    let text = 'date,start,end,category,task,note\n';
    // Two pieces of 2 MB and a bit, the rows each on a different day so none overlap.
    for (let day = 0; text.length < 2.2 * 1024 * 1024; day += 1) text += row.replace('2024-10-14', new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10));
    const uploadId = await upload(app, 'long.csv', text);
    const preview = ready(await app.call('import:preview', { uploadId, kind: 'time-entries', mapping: { categories: { 'category:network': 4 }, workers: {} } }));
    expect(preview.counts.errors).toBe(0);
    expect(preview.counts.create).toBe(text.split('\n').length - 2);
  });
});
