import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-16T14:00:00Z');
let app: TestBackend;
beforeEach(async () => {
  app = openTestBackend(undefined, T0);
  await app.call('settings:update', { timeZone: 'UTC' });
});
afterEach(() => app.close());

describe('the timer', () => {
  it('one timer at a time: starting another stops the first at the same instant', async () => {
    const a = await app.call('tasks:create', { title: 'Backup check', categoryId: 5 });
    const b = await app.call('tasks:create', { title: 'Switch firmware', categoryId: 4 });
    await app.call('timer:start', { taskId: a.id });
    app.setNow(T0 + 25 * MINUTE);
    const { started, stopped } = await app.call('timer:start', { taskId: b.id });
    expect(stopped).toMatchObject({ taskId: a.id, endAt: T0 + 25 * MINUTE });
    expect(started).toMatchObject({ taskId: b.id, startAt: T0 + 25 * MINUTE, endAt: null, categoryId: 4 });
    expect((await app.call('timer:current'))?.taskId).toBe(b.id);
  });

  it('a running timer counts in no figure until it stops, and survives a restart', async () => {
    const task = await app.call('tasks:create', { title: 'Rack the switch', categoryId: 4, estimateMinutes: 30 });
    await app.call('timer:start', { taskId: task.id });
    app.setNow(T0 + 40 * MINUTE);
    expect((await app.call('today:summary')).loggedHours).toBe(0);
    app = app.reopen();
    expect((await app.call('timer:current'))?.taskId).toBe(task.id);
    await app.call('timer:stop');
    expect((await app.call('today:summary')).loggedHours).toBeCloseTo(40 / 60, 10);
    expect((await app.call('tasks:get', { id: task.id })).loggedMinutes).toBe(40);
  });

  it('Today’s log names each entry’s task, a deleted one too, and no task where none was linked', async () => {
    const task = await app.call('tasks:create', { title: 'Rack the switch', categoryId: 4 });
    const gone = await app.call('tasks:create', { title: 'Old printer', categoryId: 1 });
    app.setNow(T0 + 3 * 60 * MINUTE);
    await app.call('timeEntries:create', { worker: 'me', categoryId: 4, taskId: task.id, startAt: T0, endAt: T0 + 30 * MINUTE });
    await app.call('timeEntries:create', { worker: 'me', categoryId: 1, taskId: gone.id, startAt: T0 + 30 * MINUTE, endAt: T0 + 60 * MINUTE });
    await app.call('timeEntries:create', { worker: 'me', categoryId: 8, startAt: T0 + 60 * MINUTE, endAt: T0 + 90 * MINUTE });
    await app.call('tasks:delete', { id: gone.id });
    const { entries } = await app.call('today:summary');
    expect(entries.map((entry) => [entry.startAt, entry.taskTitle]).sort((a, b) => Number(a[0]) - Number(b[0]))).toStrictEqual([
      [T0, 'Rack the switch'],
      [T0 + 30 * MINUTE, 'Old printer'],
      [T0 + 60 * MINUTE, null],
    ]);
  });

  it('the MSP log names the task of each MSP entry too', async () => {
    const task = await app.call('tasks:create', { title: 'Patch the file servers', categoryId: 2, owner: 'msp' });
    app.setNow(T0 + 3 * 60 * MINUTE);
    await app.call('timeEntries:create', { worker: 'msp', categoryId: 2, taskId: task.id, startAt: T0, endAt: T0 + 60 * MINUTE });
    await app.call('timeEntries:create', { worker: 'msp', categoryId: 2, startAt: T0 + 60 * MINUTE, endAt: T0 + 90 * MINUTE });
    const entries = await app.call('timeEntries:list', { from: '2026-11-16', to: '2026-11-16', worker: 'msp' });
    expect(entries.map((entry) => [entry.startAt, entry.taskTitle]).sort((a, b) => Number(a[0]) - Number(b[0]))).toStrictEqual([
      [T0, 'Patch the file servers'],
      [T0 + 60 * MINUTE, null],
    ]);
  });

  it('a task without a category cannot be timed: every hour belongs to one', async () => {
    const task = await app.call('tasks:create', { title: 'Mystery' });
    const error = await app.failure('timer:start', { taskId: task.id });
    expect(error.issues?.[0]?.field).toBe('categoryId');
    expect(await app.call('timer:current')).toBeNull();
  });

  it('the category she names when starting an uncategorised task is filed on the task too, and its owner follows', async () => {
    await app.call('delegations:create', { categoryId: 3, startDay: '2026-11-01' });
    const mine = await app.call('tasks:create', { title: 'Mystery' });
    const { started } = await app.call('timer:start', { taskId: mine.id, categoryId: 4 });
    expect(started).toMatchObject({ taskId: mine.id, categoryId: 4 });
    expect(await app.call('tasks:get', { id: mine.id })).toMatchObject({ categoryId: 4, owner: 'me' });

    const desktop = await app.call('tasks:create', { title: 'New laptop' });
    await app.call('timer:start', { taskId: desktop.id, categoryId: 3 });
    expect(await app.call('tasks:get', { id: desktop.id })).toMatchObject({ categoryId: 3, owner: 'msp' });
  });

  it('a category given for a task that has one is used for the entry only', async () => {
    const task = await app.call('tasks:create', { title: 'Patch', categoryId: 5 });
    const { started } = await app.call('timer:start', { taskId: task.id, categoryId: 4 });
    expect(started.categoryId).toBe(4);
    expect((await app.call('tasks:get', { id: task.id })).categoryId).toBe(5);
  });
});

describe('editing and splitting entries', () => {
  // Time is logged after it is worked: the clock stands after the entries below.
  beforeEach(() => app.setNow(T0 + 4 * 60 * MINUTE));

  it('an entry is split in two at a moment inside it; the halves add up to the whole', async () => {
    const entry = await app.call('timeEntries:create', { worker: 'me', categoryId: 1, startAt: T0, endAt: T0 + 90 * MINUTE, note: 'calls' });
    const [first, second] = await app.call('timeEntries:split', { id: entry.id, at: T0 + 30 * MINUTE });
    expect([first.startAt, first.endAt, second.startAt, second.endAt]).toEqual([T0, T0 + 30 * MINUTE, T0 + 30 * MINUTE, T0 + 90 * MINUTE]);
    expect(second.note).toBe('calls');
    expect((await app.call('today:summary')).loggedHours).toBe(1.5);
    expect((await app.failure('timeEntries:split', { id: first.id, at: T0 + 60 * MINUTE })).code).toBe('VALIDATION');
  });

  it('an edit that would end before the start or overlap another entry is refused and changes nothing', async () => {
    const first = await app.call('timeEntries:create', { worker: 'me', categoryId: 1, startAt: T0, endAt: T0 + 30 * MINUTE });
    const second = await app.call('timeEntries:create', { worker: 'me', categoryId: 1, startAt: T0 + 60 * MINUTE, endAt: T0 + 90 * MINUTE });
    expect((await app.failure('timeEntries:update', { id: second.id, endAt: T0 + 50 * MINUTE })).issues?.[0]?.field).toBe('endAt');
    expect((await app.failure('timeEntries:update', { id: second.id, startAt: T0 + 20 * MINUTE })).code).toBe('CONFLICT');
    const moved = await app.call('timeEntries:update', { id: first.id, categoryId: 2, endAt: T0 + 45 * MINUTE });
    expect(moved).toMatchObject({ categoryId: 2, endAt: T0 + 45 * MINUTE });
    const [unchanged] = await app.call('timeEntries:list', { from: '2026-11-16', to: '2026-11-16' });
    expect(unchanged).toMatchObject({ id: second.id, startAt: T0 + 60 * MINUTE });
  });
});

describe('durations are real elapsed time', () => {
  it('01:00–03:00 on the night Chicago’s clocks fall back lasts 3 hours and belongs to that day', async () => {
    await app.call('settings:update', { timeZone: 'America/Chicago' });
    const { instantAt } = await import('../../shared/domain/zoned-time');
    const startAt = instantAt('2026-11-01', '01:00', 'America/Chicago');
    const endAt = instantAt('2026-11-01', '03:00', 'America/Chicago');
    const entry = await app.call('timeEntries:create', { worker: 'me', categoryId: 4, startAt, endAt });
    expect(entry.startDay).toBe('2026-11-01');
    expect((entry.endAt! - entry.startAt) / 3_600_000).toBe(3);
    const [week] = (await app.call('timeEntries:list', { from: '2026-11-01', to: '2026-11-01' })).map((row) => (row.endAt! - row.startAt) / 3_600_000);
    expect(week).toBe(3);
  });

  it('an entry that crosses midnight belongs to the day it starts on', async () => {
    await app.call('settings:update', { timeZone: 'Europe/Berlin' });
    const { instantAt } = await import('../../shared/domain/zoned-time');
    const entry = await app.call('timeEntries:create', {
      worker: 'me', categoryId: 4, startAt: instantAt('2026-03-28', '23:30', 'Europe/Berlin'), endAt: instantAt('2026-03-29', '04:00', 'Europe/Berlin'),
    });
    expect(entry.startDay).toBe('2026-03-28');
    // The clocks spring forward at 02:00 that night: 23:30 → 04:00 is 3.5 real hours.
    expect((entry.endAt! - entry.startAt) / 3_600_000).toBe(3.5);
  });
});
