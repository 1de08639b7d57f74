import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { startReminders, type RemindersController } from '../../electron/shell/reminders';
import type { Reminder } from '../../shared/domain/reminders';
import { manualScheduler } from '../support/fake-electron';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

/** Her zone is America/Chicago: Monday 2026-11-16 10:00 there is 16:00 UTC; her window is 08:00–17:00. */
const MONDAY_10 = Date.parse('2026-11-16T16:00:00Z');
const MINUTE = 60_000;
let app: TestBackend;
let reminders: RemindersController;
let shown: Reminder[];
let calls: string[];

function start() {
  shown = [];
  calls = [];
  const backend: Pick<Backend, 'dispatch' | 'subscribe'> = {
    dispatch: (name, input, caller) => {
      calls.push(String(name));
      return app.backend.dispatch(name, input, caller);
    },
    subscribe: (listener) => app.backend.subscribe(listener),
  };
  reminders = startReminders({ backend, now: () => app.now(), scheduler: manualScheduler(), store: app.settings, show: (reminder) => shown.push(reminder) });
}

/** Monday 10:00: a task due today, an MSP ticket 3 h old against a 2 h target, the contract at 85 %, Wednesday overbooked, nothing logged since 08:00. */
async function busyMonday() {
  app.setNow(Date.parse('2026-11-11T15:00:00Z'));
  await app.call('msp:saveContract', { startDay: '2026-11-01', monthlyFee: 4000, includedHours: 20, overageRate: 95 });
  // 17 of the 20 included hours: 85 %.
  await app.call('timeEntries:create', { worker: 'msp', categoryId: 3, startAt: Date.parse('2026-11-03T14:00:00Z'), endAt: Date.parse('2026-11-03T23:00:00Z') });
  await app.call('timeEntries:create', { worker: 'msp', categoryId: 3, startAt: Date.parse('2026-11-10T14:00:00Z'), endAt: Date.parse('2026-11-10T22:00:00Z') });
  app.setNow(MONDAY_10 - 3 * 60 * MINUTE);
  await app.call('responseTargets:set', { categoryId: 1, targetMinutes: 120 });
  await app.call('tasks:create', { title: 'Printer on 2nd floor jams', categoryId: 1, owner: 'msp' });
  app.setNow(MONDAY_10);
  await app.call('tasks:create', { title: 'Renew the firewall licence', categoryId: 6, dueDay: '2026-11-16' });
  await app.call('tasks:create', { title: 'Migrate the file server', categoryId: 2, plannedDay: '2026-11-18', estimateMinutes: 600 });
}

beforeEach(async () => {
  app = openTestBackend(undefined, MONDAY_10);
  await app.call('settings:update', { timeZone: 'America/Chicago', interruptReserve: false });
  start();
});
afterEach(() => {
  reminders.stop();
  app.close();
});

describe('reminders from her real data', () => {
  it('sends the three most pressing at once, and the rest an hour later, each once', async () => {
    await busyMonday();
    await reminders.check();
    expect(shown.map((reminder) => reminder.title)).toStrictEqual([
      'An MSP task is past its response target',
      'Due today: Renew the firewall licence',
      'Wed is booked past your capacity',
    ]);
    expect(shown[2]?.body).toBe('Wed 2h over. Move some work or hand it to the MSP.');

    app.setNow(MONDAY_10 + 30 * MINUTE);
    expect(await reminders.check()).toStrictEqual([]);

    app.setNow(MONDAY_10 + 60 * MINUTE);
    const later = await reminders.check();
    expect(later.map((reminder) => reminder.title)).toStrictEqual(['The MSP contract is at 85 % of its included hours', 'Nothing tracked for a while']);
    expect(later[1]?.body).toBe('No time logged for 3h. Start the timer, or log what you did.');

    app.setNow(MONDAY_10 + 5 * 60 * MINUTE);
    expect(await reminders.check()).toStrictEqual([]);
  });

  it('remembers what it sent across a restart', async () => {
    await busyMonday();
    await reminders.check();
    reminders.stop();
    app = app.reopen();
    start();
    app.setNow(MONDAY_10 + 61 * MINUTE);
    expect((await reminders.check()).map((reminder) => reminder.kind)).toStrictEqual(['contractUsage', 'untracked']);
  });

  it('says nothing while the timer runs and nothing else is due', async () => {
    await app.call('timer:start', { categoryId: 4 });
    app.setNow(MONDAY_10 + 3 * 60 * MINUTE);
    expect(await reminders.check()).toStrictEqual([]);
  });

  it('counts untracked time from the end of her last entry today', async () => {
    await app.call('timeEntries:create', { worker: 'me', categoryId: 4, startAt: MONDAY_10 - 30 * MINUTE, endAt: MONDAY_10 });
    app.setNow(MONDAY_10 + 59 * MINUTE);
    expect(await reminders.check()).toStrictEqual([]);
    app.setNow(MONDAY_10 + 60 * MINUTE);
    expect((await reminders.check()).map((reminder) => reminder.kind)).toStrictEqual(['untracked']);
  });

  it('is quiet in the evening, and reads nothing beyond her settings then', async () => {
    await busyMonday();
    app.setNow(Date.parse('2026-11-17T01:00:00Z')); // Monday 19:00 in Chicago
    calls.length = 0;
    expect(await reminders.check()).toStrictEqual([]);
    expect(calls).toStrictEqual(['settings:get', 'app:status', 'timeOff:list']);
  });

  it('lets reminders through in the evening when she asks, except the untracked one', async () => {
    await busyMonday();
    await app.call('settings:update', { quietOutsideWorkingHours: false });
    app.setNow(Date.parse('2026-11-17T01:00:00Z'));
    expect((await reminders.check()).map((reminder) => reminder.kind)).toStrictEqual(['mspOverdue', 'dueSoon', 'weekOverloaded']);
  });

  it('is quiet on her time off', async () => {
    await busyMonday();
    await app.call('timeOff:create', { startDay: '2026-11-16', endDay: '2026-11-16', note: 'Dentist' });
    expect(await reminders.check()).toStrictEqual([]);
  });

  it('sends only the kinds she left on', async () => {
    await busyMonday();
    await app.call('settings:update', { notifyMspOverdue: false, notifyDueSoon: false, notifyWeekOverloaded: false, notifyUntracked: false });
    expect((await reminders.check()).map((reminder) => reminder.kind)).toStrictEqual(['contractUsage']);
  });

  it('tries again at the next look when the database cannot be read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    app.close();
    expect(await reminders.check()).toStrictEqual([]);
    app = openTestBackend(undefined, MONDAY_10);
  });
});
