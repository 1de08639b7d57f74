import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../shared/domain/zoned-time';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

const ZONE = 'America/Chicago';
/** Monday 16 November 2026, 10:00 in Chicago (CST, UTC−6). */
const NOW = Date.parse('2026-11-16T16:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (day: string, clock: string) => instantAt(day, clock, ZONE);
const NETWORK = 4;
const SERVERS = 2;

let app: TestBackend;
beforeEach(async () => {
  app = openTestBackend(undefined, NOW);
  await app.call('settings:update', { timeZone: ZONE });
});
afterEach(() => app.close());

const mine = (day: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
  app.call('timeEntries:create', { worker: 'me', categoryId: NETWORK, startAt: at(day, from), endAt: at(day, to), ...extra });

describe('time is logged after it is worked', () => {
  it('refuses her entry that starts in the future, at the start field, naming the moment', async () => {
    const error = await app.failure('timeEntries:create', {
      worker: 'me', categoryId: NETWORK, startAt: at('2026-12-01', '15:00'), endAt: at('2026-12-01', '16:00'),
    });
    const message = 'This entry starts in the future (Tue, Dec 1 at 3:00 PM): log time you have worked, and plan what is ahead in the Week plan';
    expect(error).toMatchObject({ code: 'VALIDATION', message, issues: [{ field: 'startAt', message }] });
    expect(await app.call('timeEntries:list', { from: '2026-11-01', to: '2026-12-31' })).toStrictEqual([]);
  });

  it('refuses the MSP’s entry that starts in the future too, with the year when it is not this year', async () => {
    const error = await app.failure('timeEntries:create', {
      worker: 'msp', categoryId: SERVERS, startAt: at('2027-01-04', '09:00'), endAt: at('2027-01-04', '10:00'),
    });
    expect(error.issues).toStrictEqual([
      { field: 'startAt', message: 'This entry starts in the future (Mon, Jan 4, 2027 at 9:00 AM): log time you have worked, and plan what is ahead in the Week plan' },
    ]);
  });

  it('accepts an entry that starts now, and refuses an edit or a split that would start after now', async () => {
    const entry = await app.call('timeEntries:create', { worker: 'me', categoryId: NETWORK, startAt: NOW - HOUR, endAt: NOW + 30 * MINUTE });
    expect(entry.startDay).toBe('2026-11-16');
    const edit = await app.failure('timeEntries:update', { id: entry.id, startAt: NOW + 5 * MINUTE });
    expect(edit.issues?.[0]).toMatchObject({ field: 'startAt', message: expect.stringMatching(/^This entry starts in the future \(Mon, Nov 16 at 10:05 AM\)/) });
    const split = await app.failure('timeEntries:split', { id: entry.id, at: NOW + 15 * MINUTE });
    expect(split.issues?.[0]?.field).toBe('at');
    expect(await app.call('timeEntries:get', { id: entry.id })).toMatchObject({ startAt: NOW - HOUR, endAt: NOW + 30 * MINUTE });
  });
});

describe('work past midnight', () => {
  it('23:00–01:00 on a working day with an 08:00–17:00 window is 2 h, all after-hours, on the day it starts', async () => {
    // Thursday 12 November 2026; the defaults are Mon–Fri, 08:00–17:00.
    const entry = await app.call('timeEntries:create', {
      worker: 'me', categoryId: NETWORK, startAt: at('2026-11-12', '23:00'), endAt: at('2026-11-13', '01:00'), note: 'Core switch firmware',
    });
    expect(entry.startDay).toBe('2026-11-12');
    expect(entry.endAt! - entry.startAt).toBe(2 * HOUR);

    const week = await app.call('timesheet:week', { day: '2026-11-12', worker: 'me' });
    const thursday = week.dayTotals.find((total) => total.day === '2026-11-12');
    const friday = week.dayTotals.find((total) => total.day === '2026-11-13');
    expect(thursday).toStrictEqual({ day: '2026-11-12', minutes: 120, herMinutes: 120, mspMinutes: 0, afterHoursMinutes: 120 });
    expect(friday).toStrictEqual({ day: '2026-11-13', minutes: 0, herMinutes: 0, mspMinutes: 0, afterHoursMinutes: 0 });
    expect(week.rows.map((row) => row.minutesByDay)).toStrictEqual([[0, 0, 0, 120, 0, 0, 0]]);

    const [workload] = await app.call('workload:weeks', { from: '2026-11-09', to: '2026-11-15' });
    expect(workload).toMatchObject({ weekStart: '2026-11-09', herHours: 2, afterHoursHours: 2 });
  });

  it('shows the night’s entry on the next day’s axis from midnight, still belonging to the day it started', async () => {
    const entry = await mine('2026-11-12', '23:00', '23:30');
    await app.call('timeEntries:update', { id: entry.id, endAt: at('2026-11-13', '01:00') });
    await mine('2026-11-13', '08:00', '09:00');
    const friday = await app.call('timesheet:day', { day: '2026-11-13', worker: null });
    expect(friday.entries.map((shown) => [shown.startDay, shown.startAt, shown.endAt])).toStrictEqual([
      ['2026-11-12', at('2026-11-12', '23:00'), at('2026-11-13', '01:00')],
      ['2026-11-13', at('2026-11-13', '08:00'), at('2026-11-13', '09:00')],
    ]);
    expect(friday.totals.herMinutes).toBe(60);
    expect([friday.startsAt, friday.endsAt]).toStrictEqual([at('2026-11-13', '00:00'), at('2026-11-14', '00:00')]);
    expect(friday.workingWindow).toStrictEqual({ startAt: at('2026-11-13', '08:00'), endAt: at('2026-11-13', '17:00') });
  });
});

describe('moving entries to another day', () => {
  it('keeps the wall-clock times in her zone across a DST change', async () => {
    // Friday 30 October is CDT (UTC−5); Monday 2 November is CST (UTC−6).
    const entry = await mine('2026-10-30', '09:00', '10:30');
    expect(entry.startAt).toBe(Date.parse('2026-10-30T14:00:00Z'));
    const [moved] = await app.call('timeEntries:move', { ids: [entry.id], day: '2026-11-02' });
    expect(moved).toMatchObject({ startDay: '2026-11-02', startAt: Date.parse('2026-11-02T15:00:00Z'), endAt: Date.parse('2026-11-02T16:30:00Z') });
    const [back] = await app.call('timeEntries:move', { ids: [entry.id], day: '2026-10-30' });
    expect(back).toMatchObject({ startAt: entry.startAt, endAt: entry.endAt });
  });

  it('onto the night the clocks fall back, 00:30–03:00 keeps its wall times and lasts an hour longer', async () => {
    const entry = await app.call('timeEntries:create', {
      worker: 'me', categoryId: SERVERS, startAt: at('2026-10-25', '00:30'), endAt: at('2026-10-25', '03:00'),
    });
    expect(entry.endAt! - entry.startAt).toBe(2.5 * HOUR);
    const [moved] = await app.call('timeEntries:move', { ids: [entry.id], day: '2026-11-01' });
    // 00:30 CDT is 05:30 UTC; 03:00 CST is 09:00 UTC.
    expect([moved!.startAt, moved!.endAt]).toStrictEqual([Date.parse('2026-11-01T05:30:00Z'), Date.parse('2026-11-01T09:00:00Z')]);
    const week = await app.call('timesheet:week', { day: '2026-11-01', worker: 'me' });
    expect(week.totals.herMinutes).toBe(210);
  });

  it('an entry past midnight still ends the next day; the day before’s rollup gives the time back', async () => {
    const entry = await app.call('timeEntries:create', {
      worker: 'me', categoryId: NETWORK, startAt: at('2026-11-10', '23:00'), endAt: at('2026-11-11', '01:00'),
    });
    const [moved] = await app.call('timeEntries:move', { ids: [entry.id], day: '2026-11-12' });
    expect([moved!.startAt, moved!.endAt]).toStrictEqual([at('2026-11-12', '23:00'), at('2026-11-13', '01:00')]);
    const week = await app.call('timesheet:week', { day: '2026-11-12', worker: 'me' });
    expect(week.dayTotals.map((total) => total.herMinutes)).toStrictEqual([0, 0, 0, 120, 0, 0, 0]);
  });

  it('moves several entries in one transaction: one that would overlap or start in the future moves none', async () => {
    const first = await mine('2026-11-09', '09:00', '10:00');
    const second = await mine('2026-11-09', '10:00', '11:00');
    await mine('2026-11-10', '10:30', '12:00');
    const clash = await app.failure('timeEntries:move', { ids: [first.id, second.id], day: '2026-11-10' });
    expect(clash).toMatchObject({ code: 'CONFLICT', message: 'You already logged time from Tue, Nov 10 at 10:30 AM to Tue, Nov 10 at 12:00 PM, which overlaps this entry.' });
    const future = await app.failure('timeEntries:move', { ids: [first.id], day: '2026-11-17' });
    expect(future.issues?.[0]).toMatchObject({ field: 'day', message: expect.stringContaining('(Tue, Nov 17 at 9:00 AM)') });
    const monday = await app.call('timesheet:week', { day: '2026-11-09', worker: 'me' });
    expect(monday.dayTotals.map((total) => total.herMinutes)).toStrictEqual([120, 90, 0, 0, 0, 0, 0]);
  });

  it('refuses to move the running timer', async () => {
    const { started } = await app.call('timer:start', { categoryId: NETWORK });
    const error = await app.failure('timeEntries:move', { ids: [started.id], day: '2026-11-13' });
    expect(error.issues?.[0]).toMatchObject({ field: 'day', message: 'The timer is running' });
  });
});

describe('splitting an entry', () => {
  it('splits at a chosen time into two entries that keep the task, note and category, and add up to the whole', async () => {
    const task = await app.call('tasks:create', { title: 'Patch the file servers', categoryId: SERVERS });
    const entry = await app.call('timeEntries:create', {
      worker: 'me', categoryId: SERVERS, taskId: task.id, startAt: at('2026-11-11', '09:00'), endAt: at('2026-11-11', '11:30'), note: 'Patch Tuesday',
    });
    const [first, second] = await app.call('timeEntries:split', { id: entry.id, at: at('2026-11-11', '10:15') });
    expect([first.startAt, first.endAt, second.startAt, second.endAt]).toStrictEqual([
      at('2026-11-11', '09:00'), at('2026-11-11', '10:15'), at('2026-11-11', '10:15'), at('2026-11-11', '11:30'),
    ]);
    expect(second).toMatchObject({ taskId: task.id, categoryId: SERVERS, note: 'Patch Tuesday', startDay: '2026-11-11' });
    const week = await app.call('timesheet:week', { day: '2026-11-11', worker: 'me' });
    expect(week.rows).toHaveLength(1);
    expect(week.rows[0]).toMatchObject({ taskId: task.id, minutes: 150, entriesByDay: [0, 0, 2, 0, 0, 0, 0] });
    expect(week.entries.map((shown) => shown.id)).toStrictEqual([first.id, second.id]);
  });
});

describe('editing the MSP’s entries', () => {
  it('corrects the technician, category and times of an MSP entry; a technician is only on MSP work', async () => {
    const sam = await app.call('technicians:create', { name: 'Sam Ortiz' });
    const lee = await app.call('technicians:create', { name: 'Lee Chen' });
    const entry = await app.call('timeEntries:create', {
      worker: 'msp', technicianId: sam.id, categoryId: SERVERS, startAt: at('2026-11-10', '13:00'), endAt: at('2026-11-10', '14:00'),
    });
    const edited = await app.call('timeEntries:update', {
      id: entry.id, technicianId: lee.id, categoryId: NETWORK, endAt: at('2026-11-10', '15:30'), note: 'Firewall rules',
    });
    expect(edited).toMatchObject({ worker: 'msp', technicianId: lee.id, categoryId: NETWORK, endAt: at('2026-11-10', '15:30'), note: 'Firewall rules' });
    const week = await app.call('timesheet:week', { day: '2026-11-10', worker: 'msp' });
    expect(week.rows.map((row) => [row.technicianId, row.categoryId, row.minutes])).toStrictEqual([[lee.id, NETWORK, 150]]);
    expect(week.technicians).toStrictEqual([{ id: lee.id, name: 'Lee Chen' }]);
    expect(week.totals).toStrictEqual({ minutes: 150, herMinutes: 0, mspMinutes: 150, afterHoursMinutes: 0 });

    const hers = await app.failure('timeEntries:update', { id: entry.id, worker: 'me', technicianId: lee.id });
    expect(hers.issues).toStrictEqual([{ field: 'technicianId', message: 'Only MSP work has a technician' }]);
    const lees = await app.call('timeEntries:create', {
      worker: 'msp', technicianId: lee.id, categoryId: SERVERS, startAt: at('2026-11-10', '16:00'), endAt: at('2026-11-10', '17:00'),
    });
    expect((await app.failure('timeEntries:update', { id: lees.id, startAt: at('2026-11-10', '15:00') })).code).toBe('CONFLICT');
    const reassigned = await app.call('timeEntries:update', { id: entry.id, worker: 'me' });
    expect(reassigned).toMatchObject({ worker: 'me', technicianId: null });
  });
});

describe('linking entries to tasks', () => {
  it('links an entry to a task and unlinks it; the row shows the task, a deleted task keeps its title, marked', async () => {
    const task = await app.call('tasks:create', { title: 'Replace the core switch fan', categoryId: NETWORK });
    const entry = await mine('2026-11-13', '14:00', '15:00');
    await app.call('timeEntries:update', { id: entry.id, taskId: task.id });
    let week = await app.call('timesheet:week', { day: '2026-11-13', worker: null });
    expect(week.rows.map((row) => row.taskId)).toStrictEqual([task.id]);
    expect(week.tasks).toStrictEqual([{ id: task.id, title: 'Replace the core switch fan', deleted: false }]);
    expect((await app.call('tasks:get', { id: task.id })).loggedMinutes).toBe(60);

    await app.call('tasks:delete', { id: task.id });
    week = await app.call('timesheet:week', { day: '2026-11-13', worker: null });
    expect(week.tasks).toStrictEqual([{ id: task.id, title: 'Replace the core switch fan', deleted: true }]);

    await app.call('timeEntries:update', { id: entry.id, taskId: null });
    week = await app.call('timesheet:week', { day: '2026-11-13', worker: null });
    expect(week.rows.map((row) => row.taskId)).toStrictEqual([null]);
    expect(week.tasks).toStrictEqual([]);
  });
});

describe('the week’s data in one call', () => {
  it('returns every entry of her week (more than the list’s 200), rows per person, category and task, and totals', async () => {
    const sam = await app.call('technicians:create', { name: 'Sam Ortiz' });
    // Monday 9 to Sunday 15 November: 30 entries of 10 minutes a day from 08:00, 210 in all.
    for (let day = 9; day <= 15; day += 1) {
      for (let slot = 0; slot < 30; slot += 1) {
        const startAt = at(`2026-11-${day}`, '08:00') + slot * 12 * MINUTE;
        await app.call('timeEntries:create', { worker: 'me', categoryId: slot % 2 === 0 ? NETWORK : SERVERS, startAt, endAt: startAt + 10 * MINUTE });
      }
    }
    await app.call('timeEntries:create', { worker: 'msp', technicianId: sam.id, categoryId: SERVERS, startAt: at('2026-11-10', '09:00'), endAt: at('2026-11-10', '12:00') });
    await app.call('timeEntries:create', { worker: 'msp', categoryId: SERVERS, startAt: at('2026-11-10', '10:00'), endAt: at('2026-11-10', '11:00') });
    // Outside the week: Sunday 8 and Monday 16 November.
    await mine('2026-11-08', '09:00', '10:00');
    await mine('2026-11-16', '07:00', '08:00');

    const week = await app.call('timesheet:week', { day: '2026-11-12', worker: null });
    expect(week.weekStart).toBe('2026-11-09');
    expect(week.days).toStrictEqual(['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15']);
    expect(week.entries).toHaveLength(212);
    expect(week.entryCount).toBe(212);
    expect(week.entries[0]!.startAt).toBe(at('2026-11-09', '08:00'));
    // Hers: 15 × 10 min per category per day. The MSP: Sam 3 h and the team 1 h on Tuesday.
    expect(week.rows.map((row) => [row.worker, row.technicianId, row.categoryId, row.minutes])).toStrictEqual([
      ['me', null, SERVERS, 7 * 150],
      ['me', null, NETWORK, 7 * 150],
      ['msp', null, SERVERS, 60],
      ['msp', sam.id, SERVERS, 180],
    ]);
    expect(week.dayTotals.map((total) => total.minutes)).toStrictEqual([300, 540, 300, 300, 300, 300, 300]);
    // Saturday and Sunday are not working days: all of their 5 h each are after-hours.
    expect(week.dayTotals.map((total) => total.afterHoursMinutes)).toStrictEqual([0, 0, 0, 0, 0, 300, 300]);
    expect(week.totals).toStrictEqual({ minutes: 2340, herMinutes: 2100, mspMinutes: 240, afterHoursMinutes: 600 });

    const msp = await app.call('timesheet:week', { day: '2026-11-12', worker: 'msp' });
    expect([msp.entryCount, msp.totals.minutes, msp.rows.length]).toStrictEqual([2, 240, 2]);
  });

  it('each listed entry names its row, whose worker, technician, category and task are the entry’s, and repeats none of them', async () => {
    const sam = await app.call('technicians:create', { name: 'Sam Ortiz' });
    const task = await app.call('tasks:create', { title: 'Core switch fan', categoryId: NETWORK });
    // 76 characters: the week sends the first 60 and says the note was cut.
    const note = 'Replaced the fan tray on the core switch, then re-seated both power supplies';
    const fan = await mine('2026-11-10', '09:00', '10:00', { taskId: task.id, note });
    const jam = await mine('2026-11-10', '10:00', '10:30', { unplanned: true, note: 'Printer jam' });
    const sams = await app.call('timeEntries:create', { worker: 'msp', technicianId: sam.id, categoryId: SERVERS, startAt: at('2026-11-11', '13:00'), endAt: at('2026-11-11', '15:00') });
    const team = await app.call('timeEntries:create', { worker: 'msp', categoryId: SERVERS, startAt: at('2026-11-11', '13:00'), endAt: at('2026-11-11', '14:00') });

    const week = await app.call('timesheet:week', { day: '2026-11-12', worker: null });
    // Hers before the MSP's; no task before a task; the team before a named technician.
    expect(week.rows.map((row) => row.key)).toStrictEqual([`me:-:${NETWORK}:-`, `me:-:${NETWORK}:${task.id}`, `msp:-:${SERVERS}:-`, `msp:${sam.id}:${SERVERS}:-`]);
    // Only what the row does not say: no worker, technician, category, task or day; the flags only when set.
    expect(week.entries).toStrictEqual([
      { id: fan.id, row: 1, startAt: at('2026-11-10', '09:00'), endAt: at('2026-11-10', '10:00'), note: 'Replaced the fan tray on the core switch, then re-seated bot', noteTruncated: true },
      { id: jam.id, row: 0, startAt: at('2026-11-10', '10:00'), endAt: at('2026-11-10', '10:30'), note: 'Printer jam', unplanned: true },
      { id: sams.id, row: 3, startAt: at('2026-11-11', '13:00'), endAt: at('2026-11-11', '15:00'), note: '' },
      { id: team.id, row: 2, startAt: at('2026-11-11', '13:00'), endAt: at('2026-11-11', '14:00'), note: '' },
    ]);
    // The row is the entry's, and it counts the entry on the day the entry starts on.
    for (const shown of week.entries) {
      const whole = await app.call('timeEntries:get', { id: shown.id });
      const row = week.rows[shown.row]!;
      expect([row.worker, row.technicianId, row.categoryId, row.taskId]).toStrictEqual([whole.worker, whole.technicianId, whole.categoryId, whole.taskId]);
      expect(row.entriesByDay[week.days.indexOf(whole.startDay)]).toBeGreaterThan(0);
    }

    // Filtered, the indexes are into the rows sent.
    const msp = await app.call('timesheet:week', { day: '2026-11-12', worker: 'msp' });
    expect(msp.rows.map((row) => row.technicianId)).toStrictEqual([null, sam.id]);
    expect(msp.entries.map((shown) => [shown.id, shown.row])).toStrictEqual([[sams.id, 1], [team.id, 0]]);
  });

  it('follows her week start, and cuts a long list while the totals still count every entry', async () => {
    await app.call('settings:update', { weekStartsOn: 0 });
    // 260 MSP team entries of 5 minutes on Sunday 15 November (the team may work in parallel).
    for (let index = 0; index < 260; index += 1) {
      const startAt = at('2026-11-15', '06:00') + index * 2 * MINUTE;
      await app.call('timeEntries:create', { worker: 'msp', categoryId: SERVERS, startAt, endAt: startAt + 5 * MINUTE });
    }
    const week = await app.call('timesheet:week', { day: '2026-11-16', worker: 'msp' });
    expect(week.weekStart).toBe('2026-11-15');
    expect(week.entries).toHaveLength(250);
    expect(week.entryCount).toBe(260);
    expect(week.totals.mspMinutes).toBe(1300);
    expect(week.rows[0]!.entriesByDay).toStrictEqual([260, 0, 0, 0, 0, 0, 0]);
    expect(new Set(week.entries.map((shown) => shown.row))).toStrictEqual(new Set([0]));
  });

  it('shows the running timer in its row and on the axis, counted in no total until it stops', async () => {
    const task = await app.call('tasks:create', { title: 'Rack the new switch', categoryId: NETWORK });
    await app.call('timer:start', { taskId: task.id });
    app.setNow(NOW + 25 * MINUTE);
    const week = await app.call('timesheet:week', { day: '2026-11-16', worker: 'me' });
    expect(week.rows).toMatchObject([{ taskId: task.id, running: true, minutes: 0, entriesByDay: [1, 0, 0, 0, 0, 0, 0] }]);
    expect(week.totals.minutes).toBe(0);
    const today = await app.call('timesheet:day', { day: '2026-11-16', worker: 'me' });
    expect(today.entries.map((entry) => entry.endAt)).toStrictEqual([null]);
  });
});
