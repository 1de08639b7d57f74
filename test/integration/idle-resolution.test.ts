import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idleNote } from '../../electron/handlers/desktop-handlers';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-16T14:00:00Z');
let app: TestBackend;

/** A timer on “Patch the file server” (Server administration, #2) started at T0, as a note would be kept. */
async function timerFromT0() {
  const task = await app.call('tasks:create', { title: 'Patch the file server', categoryId: 2 });
  const { started } = await app.call('timer:start', { taskId: task.id, note: 'KB5031' });
  return { task, entry: started };
}

/** Every entry of hers on the day, oldest first, as [start, end] in minutes after T0 with task and note. */
async function entries() {
  const list = await app.call('timeEntries:list', { from: '2026-11-16', to: '2026-11-16' });
  return list
    .map((entry) => ({
      from: (entry.startAt - T0) / MINUTE,
      to: entry.endAt === null ? null : (entry.endAt - T0) / MINUTE,
      taskId: entry.taskId,
      categoryId: entry.categoryId,
      note: entry.note,
    }))
    .sort((a, b) => a.from - b.from);
}

beforeEach(async () => {
  app = openTestBackend(undefined, T0);
  await app.call('settings:update', { timeZone: 'UTC' });
});
afterEach(() => app.close());

describe('her answer about idle time while the timer ran (10:20 idle, back at 11:05, answered at 11:07)', () => {
  const idleFrom = T0 + 20 * MINUTE;
  const returnedAt = T0 + 65 * MINUTE;

  it('keep: nothing changes and the timer runs on from its start', async () => {
    const { task, entry } = await timerFromT0();
    app.setNow(T0 + 67 * MINUTE);
    const result = await app.call('timer:resolveIdle', { entryId: entry.id, idleFrom, returnedAt, choice: 'keep' });
    expect(result.running?.id).toBe(entry.id);
    expect(await entries()).toStrictEqual([{ from: 0, to: null, taskId: task.id, categoryId: 2, note: 'KB5031' }]);
  });

  it('discard: the entry ends when she went idle and the timer is stopped', async () => {
    const { task, entry } = await timerFromT0();
    app.setNow(T0 + 67 * MINUTE);
    const result = await app.call('timer:resolveIdle', { entryId: entry.id, idleFrom, returnedAt, choice: 'discard' });
    expect(result).toMatchObject({ choice: 'discard', idle: null, running: null, worked: { id: entry.id, endAt: idleFrom } });
    expect(await entries()).toStrictEqual([{ from: 0, to: 20, taskId: task.id, categoryId: 2, note: 'KB5031' }]);
    expect(await app.call('timer:current')).toBeNull();
    expect((await app.call('today:summary')).loggedHours).toBeCloseTo(20 / 60, 10);
  });

  it('split: the entry ends at idle, the time away is its own entry without the task, and the timer runs on from the return', async () => {
    const { task, entry } = await timerFromT0();
    app.setNow(T0 + 67 * MINUTE);
    const result = await app.call('timer:resolveIdle', { entryId: entry.id, idleFrom, returnedAt, choice: 'split' });
    expect(result.worked?.id).toBe(entry.id);
    expect(await entries()).toStrictEqual([
      { from: 0, to: 20, taskId: task.id, categoryId: 2, note: 'KB5031' },
      { from: 20, to: 65, taskId: null, categoryId: 2, note: idleNote('Patch the file server') },
      { from: 65, to: null, taskId: task.id, categoryId: 2, note: 'KB5031' },
    ]);
    expect((await app.call('timer:current'))?.id).toBe(result.running?.id);
    // 20 min worked + 45 min away are logged; the running part counts once it stops.
    expect((await app.call('today:summary')).loggedHours).toBeCloseTo(65 / 60, 10);
    expect((await app.call('tasks:get', { id: task.id })).loggedMinutes).toBe(20);
  });

  it('when the timer started while she was already away, discard removes the entry altogether', async () => {
    app.setNow(T0 + 30 * MINUTE);
    const { entry } = await timerFromT0();
    app.setNow(T0 + 67 * MINUTE);
    const result = await app.call('timer:resolveIdle', { entryId: entry.id, idleFrom, returnedAt, choice: 'discard' });
    expect(result.worked).toBeNull();
    expect(await entries()).toStrictEqual([]);
  });

  it('when the timer started while she was already away, split keeps only the away part from the timer’s start', async () => {
    app.setNow(T0 + 30 * MINUTE);
    const { task, entry } = await timerFromT0();
    app.setNow(T0 + 67 * MINUTE);
    await app.call('timer:resolveIdle', { entryId: entry.id, idleFrom, returnedAt, choice: 'split' });
    expect(await entries()).toStrictEqual([
      { from: 30, to: 65, taskId: null, categoryId: 2, note: idleNote('Patch the file server') },
      { from: 65, to: null, taskId: task.id, categoryId: 2, note: 'KB5031' },
    ]);
  });

  it('survives a restart: the entries are in the SQLite file', async () => {
    const { entry } = await timerFromT0();
    app.setNow(T0 + 67 * MINUTE);
    await app.call('timer:resolveIdle', { entryId: entry.id, idleFrom, returnedAt, choice: 'split' });
    app = app.reopen();
    expect((await entries()).map((row) => [row.from, row.to])).toStrictEqual([[0, 20], [20, 65], [65, null]]);
  });
});

describe('an answer that no longer fits is refused and changes nothing', () => {
  it('refuses when the timer was stopped meanwhile', async () => {
    const { entry } = await timerFromT0();
    app.setNow(T0 + 60 * MINUTE);
    await app.call('timer:stop');
    const error = await app.failure('timer:resolveIdle', { entryId: entry.id, idleFrom: T0 + 10 * MINUTE, returnedAt: T0 + 50 * MINUTE, choice: 'discard' });
    expect(error.code).toBe('CONFLICT');
    expect((await entries()).map((row) => [row.from, row.to])).toStrictEqual([[0, 60]]);
  });

  it('refuses a return in the future, a return before the idle start and a split over 24 hours', async () => {
    const { entry } = await timerFromT0();
    app.setNow(T0 + 30 * MINUTE);
    expect((await app.failure('timer:resolveIdle', { entryId: entry.id, idleFrom: T0, returnedAt: T0 + 40 * MINUTE, choice: 'split' })).issues?.[0]?.field).toBe('returnedAt');
    expect((await app.failure('timer:resolveIdle', { entryId: entry.id, idleFrom: T0 + 20 * MINUTE, returnedAt: T0 + 10 * MINUTE, choice: 'split' })).issues?.[0]?.field).toBe('returnedAt');
    app.setNow(T0 + 26 * 60 * MINUTE);
    expect((await app.failure('timer:resolveIdle', { entryId: entry.id, idleFrom: T0 + MINUTE, returnedAt: T0 + 25 * 60 * MINUTE + 2 * MINUTE, choice: 'split' })).issues?.[0]?.field).toBe('choice');
    expect((await entries()).map((row) => [row.from, row.to])).toStrictEqual([[0, null]]);
  });
});

describe('recent tasks for the tray', () => {
  it('lists her open tasks timed in the last 14 days, most recent first, without done or deleted ones', async () => {
    const backup = await app.call('tasks:create', { title: 'Backup check', categoryId: 5 });
    const vpn = await app.call('tasks:create', { title: 'Reset VPN', categoryId: 1 });
    const old = await app.call('tasks:create', { title: 'Old switch', categoryId: 4 });
    const done = await app.call('tasks:create', { title: 'Done thing', categoryId: 4 });
    await app.call('timeEntries:create', { worker: 'me', categoryId: 4, taskId: old.id, startAt: T0 - 15 * 86_400_000, endAt: T0 - 15 * 86_400_000 + MINUTE });
    await app.call('timeEntries:create', { worker: 'me', categoryId: 4, taskId: done.id, startAt: T0 - 3 * MINUTE, endAt: T0 - 2 * MINUTE });
    await app.call('tasks:setStatus', { id: done.id, status: 'done' });
    await app.call('timeEntries:create', { worker: 'me', categoryId: 5, taskId: backup.id, startAt: T0 - 90 * MINUTE, endAt: T0 - 80 * MINUTE });
    await app.call('timer:start', { taskId: vpn.id });
    expect((await app.call('timer:recent')).map((task) => task.title)).toStrictEqual(['Reset VPN', 'Backup check']);
  });
});
