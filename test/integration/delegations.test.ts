import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

const DESKTOP = 3;
const SERVER = 2;
let app: TestBackend;

beforeEach(async () => {
  app = openTestBackend();
  await app.call('settings:update', { timeZone: 'America/Chicago' });
});
afterEach(() => app.close());

const at = (iso: string) => Date.parse(iso);

describe('delegating a category', () => {
  it('moves her open dated tasks in the period to the MSP, except those she keeps, in one transaction', async () => {
    const dated = await app.call('tasks:create', { title: 'Reimage laptop', categoryId: DESKTOP, dueDay: '2026-11-20' });
    const kept = await app.call('tasks:create', { title: 'CEO laptop', categoryId: DESKTOP, dueDay: '2026-11-21' });
    const undated = await app.call('tasks:create', { title: 'Printer drivers', categoryId: DESKTOP });
    const before = await app.call('tasks:create', { title: 'Old ticket', categoryId: DESKTOP, dueDay: '2026-11-01' });
    const done = await app.call('tasks:create', { title: 'Done already', categoryId: DESKTOP, dueDay: '2026-11-20' });
    await app.call('tasks:setStatus', { id: done.id, status: 'done' });

    const preview = await app.call('delegations:preview', { categoryId: DESKTOP, startDay: '2026-11-18' });
    expect(preview.conflict).toBeNull();
    expect(preview.tasks.map((task) => task.title)).toEqual(['Reimage laptop', 'CEO laptop', 'Printer drivers']);
    expect(preview.totalTasks).toBe(3);

    const result = await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-18', keepTaskIds: [kept.id] });
    expect(result.movedTasks).toBe(1);
    expect((await app.call('tasks:get', { id: dated.id })).owner).toBe('msp');
    expect(await app.call('tasks:get', { id: kept.id })).toMatchObject({ owner: 'me', keepOwner: true });
    expect((await app.call('tasks:get', { id: before.id })).owner).toBe('me');
    expect((await app.call('tasks:get', { id: done.id })).owner).toBe('me');
    // Today is Nov 16: an undated task follows the delegation in force today, and this one starts on the 18th.
    expect((await app.call('tasks:get', { id: undated.id })).owner).toBe('me');
  });

  it('an undated task moves to the MSP on the day a delegation starts and comes back the day after it ends', async () => {
    const undated = await app.call('tasks:create', { title: 'Printer drivers', categoryId: DESKTOP });
    await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-18', endDay: '2026-11-20' });
    const ownerAt = async (iso: string) => {
      app.setNow(at(iso));
      return (await app.call('tasks:get', { id: undated.id })).owner;
    };
    expect(await ownerAt('2026-11-18T05:59:00Z')).toBe('me'); // 23:59 on the 17th in Chicago
    expect(await ownerAt('2026-11-18T06:01:00Z')).toBe('msp'); // 00:01 on the 18th
    expect(await ownerAt('2026-11-20T23:00:00Z')).toBe('msp'); // 17:00 on the 20th, the last day
    expect(await ownerAt('2026-11-21T06:30:00Z')).toBe('me'); // the 21st
  });

  it('a task she kept or handed over herself stays so whatever the delegations say', async () => {
    const kept = await app.call('tasks:create', { title: 'Server I keep', categoryId: SERVER, owner: 'me' });
    const handed = await app.call('tasks:create', { title: 'Network job for the MSP', categoryId: 4, owner: 'msp' });
    expect(handed).toMatchObject({ owner: 'msp', handedOver: true });
    const { delegation } = await app.call('delegations:create', { categoryId: SERVER, startDay: '2026-11-01' });
    expect((await app.call('tasks:get', { id: kept.id })).owner).toBe('me');
    await app.call('delegations:create', { categoryId: 4, startDay: '2026-11-01' });
    await app.call('delegations:end', { id: delegation.id, endDay: '2026-11-10' });
    const network = (await app.call('delegations:list')).find((entry) => entry.categoryId === 4)!;
    await app.call('delegations:end', { id: network.id, endDay: '2026-11-10' });
    expect((await app.call('tasks:get', { id: handed.id })).owner).toBe('msp');
  });

  it('a temporary delegation takes only tasks dated inside its window', async () => {
    const inside = await app.call('tasks:create', { title: 'Patch during vacation', categoryId: SERVER, plannedDay: '2026-12-22' });
    const undated = await app.call('tasks:create', { title: 'Undated', categoryId: SERVER });
    await app.call('tasks:create', { title: 'After vacation', categoryId: SERVER, dueDay: '2027-01-05' });
    const result = await app.call('delegations:create', { categoryId: SERVER, startDay: '2026-12-21', endDay: '2027-01-01' });
    expect(result.movedTasks).toBe(1);
    expect((await app.call('tasks:get', { id: inside.id })).owner).toBe('msp');
    expect((await app.call('tasks:get', { id: undated.id })).owner).toBe('me');
  });

  it('quick add, in one call, can keep a task in a delegated category or give it to a technician', async () => {
    await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-01' });
    const sam = await app.call('technicians:create', { name: 'Sam' });
    const kept = await app.call('tasks:create', { title: 'VIP laptop', categoryId: DESKTOP, owner: 'me' });
    const forSam = await app.call('tasks:create', { title: 'Rack the switch', categoryId: 4, owner: 'msp', technicianId: sam.id });
    expect(kept).toMatchObject({ owner: 'me', keepOwner: true, handedOver: false });
    expect(forSam).toMatchObject({ owner: 'msp', handedOver: true, technicianId: sam.id });
  });

  it('the task editor saves fields and status in one call, all or nothing', async () => {
    const task = await app.call('tasks:create', { title: 'Renew licence', categoryId: 6 });
    const updated = await app.call('tasks:update', { id: task.id, title: 'Renew the firewall licence', status: 'done' });
    expect(updated).toMatchObject({ title: 'Renew the firewall licence', status: 'done' });
    const failure = await app.failure('tasks:update', { id: task.id, title: 'Never saved', categoryId: 999, status: 'open' });
    expect(failure.code).toBe('NOT_FOUND');
    expect(await app.call('tasks:get', { id: task.id })).toMatchObject({ title: 'Renew the firewall licence', status: 'done' });
  });

  it('a new task in a delegated category goes to the MSP queue', async () => {
    await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-01' });
    const task = await app.call('tasks:create', { title: 'New monitor', categoryId: DESKTOP });
    expect(task.owner).toBe('msp');
    const other = await app.call('tasks:create', { title: 'Router', categoryId: 4 });
    expect(other.owner).toBe('me');
    const queue = await app.call('msp:queue', {});
    expect(queue.tasks.map((entry) => entry.title)).toEqual(['New monitor']);
  });

  it('two delegations of one category may not overlap; the error names the existing one', async () => {
    await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-01', endDay: '2026-11-30' });
    const error = await app.failure('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-30' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('already delegated for Sun, Nov 1 – Mon, Nov 30, 2026;');
    expect((await app.call('delegations:list')).length).toBe(1);
    await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-12-01' });
    expect((await app.call('delegations:list')).length).toBe(2);
  });

  it('an end before the start is refused at the end field', async () => {
    const error = await app.failure('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-10', endDay: '2026-11-09' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.[0]).toEqual({ field: 'endDay', message: 'The end day cannot be before the start day' });
  });

  it('editing history cannot create an overlap', async () => {
    const first = await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-10-01', endDay: '2026-10-31' });
    await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-10' });
    const error = await app.failure('delegations:update', {
      id: first.delegation.id, startDay: '2026-10-01', endDay: '2026-11-15', estimatedWeeklyMinutes: null, note: '',
    });
    expect(error.code).toBe('CONFLICT');
    const edited = await app.call('delegations:update', {
      id: first.delegation.id, startDay: '2026-09-15', endDay: '2026-11-09', estimatedWeeklyMinutes: 300, note: 'cover',
    });
    expect(edited).toMatchObject({ startDay: '2026-09-15', endDay: '2026-11-09', estimatedWeeklyMinutes: 300 });
  });

  it('taking a category back returns the MSP’s open tasks dated after the end day to her', async () => {
    const { delegation } = await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-01' });
    const early = await app.call('tasks:create', { title: 'Before', categoryId: DESKTOP, dueDay: '2026-11-10' });
    const late = await app.call('tasks:create', { title: 'After', categoryId: DESKTOP, dueDay: '2026-12-10' });
    const result = await app.call('delegations:end', { id: delegation.id, endDay: '2026-11-30' });
    expect(result.returnedTasks).toBe(1);
    expect((await app.call('tasks:get', { id: early.id })).owner).toBe('msp');
    expect((await app.call('tasks:get', { id: late.id })).owner).toBe('me');
    expect(result.delegation.endDay).toBe('2026-11-30');
  });

  it('a deleted delegation disappears from every figure and undo restores it', async () => {
    const { delegation } = await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-02', estimatedWeeklyMinutes: 600 });
    const before = await app.call('reclaimed:report');
    expect(before.totals.grossHours).toBeGreaterThan(0);
    await app.call('delegations:delete', { id: delegation.id });
    const after = await app.call('reclaimed:report');
    expect(after.totals.grossHours).toBe(0);
    expect(after.baselines).toEqual([]);
    await app.call('delegations:restore', { id: delegation.id });
    expect((await app.call('reclaimed:report')).totals.grossHours).toBe(before.totals.grossHours);
  });
});

describe('delegating several categories from the what-if', () => {
  it('delegates each ticked category for the same period and moves their open tasks, in one call', async () => {
    await app.call('tasks:create', { title: 'Reimage laptop', categoryId: DESKTOP, dueDay: '2026-11-20' });
    await app.call('tasks:create', { title: 'Patch the file server', categoryId: SERVER, dueDay: '2026-11-24' });
    await app.call('tasks:create', { title: 'Before it starts', categoryId: SERVER, dueDay: '2026-11-17' });
    const { delegations, movedTasks } = await app.call('delegations:createMany', { categoryIds: [DESKTOP, SERVER], startDay: '2026-11-18' });
    expect(delegations.map((entry) => [entry.categoryId, entry.startDay, entry.endDay])).toStrictEqual([
      [DESKTOP, '2026-11-18', null],
      [SERVER, '2026-11-18', null],
    ]);
    expect(movedTasks).toBe(2);
  });

  it('is all or none: one category already delegated then refuses the call, names it, and saves nothing', async () => {
    await app.call('delegations:create', { categoryId: SERVER, startDay: '2026-11-01', endDay: '2026-11-30' });
    const failure = await app.failure('delegations:createMany', { categoryIds: [DESKTOP, SERVER], startDay: '2026-11-18' });
    expect(failure.code).toBe('CONFLICT');
    expect(failure.message).toMatch(/^Server administration: This category is already delegated for Sun, Nov 1 – Mon, Nov 30, 2026;/);
    expect(failure.issues).toStrictEqual([{ field: 'categoryIds', message: 'Server administration is already delegated then' }]);
    expect((await app.call('delegations:list')).map((entry) => entry.categoryId)).toStrictEqual([SERVER]);
  });

  it('refuses an empty list and a category listed twice, at the field', async () => {
    expect((await app.failure('delegations:createMany', { categoryIds: [], startDay: '2026-11-18' })).issues?.[0]).toMatchObject({ field: 'categoryIds', message: 'Tick at least one category' });
    expect((await app.failure('delegations:createMany', { categoryIds: [DESKTOP, DESKTOP], startDay: '2026-11-18' })).issues?.[0]).toMatchObject({
      field: 'categoryIds',
      message: 'A category is listed twice',
    });
  });
});

describe('time entries', () => {
  it('an entry belongs to the local day it starts on in her time zone', async () => {
    app.setNow(at('2026-11-17T08:00:00Z'));
    // 23:30 in Chicago on Nov 16 is 05:30 UTC on Nov 17.
    const entry = await app.call('timeEntries:create', {
      worker: 'me', categoryId: 1, startAt: at('2026-11-17T05:30:00Z'), endAt: at('2026-11-17T07:00:00Z'),
    });
    expect(entry.startDay).toBe('2026-11-16');
  });

  it('changing her time zone moves entries to their new local days and the figures follow', async () => {
    app.setNow(at('2026-11-17T08:00:00Z'));
    const entry = await app.call('timeEntries:create', {
      worker: 'me', categoryId: 1, startAt: at('2026-11-17T05:30:00Z'), endAt: at('2026-11-17T07:00:00Z'),
    });
    await app.call('settings:update', { timeZone: 'Europe/Berlin' });
    const [moved] = await app.call('timeEntries:list', { from: '2026-11-17', to: '2026-11-17' });
    expect(moved?.id).toBe(entry.id);
    expect(moved?.startDay).toBe('2026-11-17');
  });

  it('her entries may not overlap; the error says with what', async () => {
    app.setNow(at('2026-11-16T18:00:00Z'));
    await app.call('timeEntries:create', { worker: 'me', categoryId: 1, startAt: at('2026-11-16T15:00:00Z'), endAt: at('2026-11-16T16:00:00Z') });
    const error = await app.failure('timeEntries:create', {
      worker: 'me', categoryId: 2, startAt: at('2026-11-16T15:30:00Z'), endAt: at('2026-11-16T17:00:00Z'),
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('overlaps');
    // The MSP's work may run in parallel with hers.
    await app.call('timeEntries:create', { worker: 'msp', categoryId: 2, startAt: at('2026-11-16T15:30:00Z'), endAt: at('2026-11-16T17:00:00Z') });
  });

  it('an entry that ends before it starts, or lasts over a day, is refused at the end field', async () => {
    const backwards = await app.failure('timeEntries:create', { worker: 'me', categoryId: 1, startAt: 2_000_000, endAt: 1_000_000 });
    expect(backwards.issues?.[0]).toEqual({ field: 'endAt', message: 'The entry must end after it starts' });
    const long = await app.failure('timeEntries:create', { worker: 'me', categoryId: 1, startAt: 0, endAt: 90_000_000 });
    expect(long.issues?.[0]?.field).toBe('endAt');
  });
});

describe('the MSP team', () => {
  it('a technician who owns open tasks cannot be removed until she chooses who takes them; nothing is lost', async () => {
    const sam = await app.call('technicians:create', { name: 'Sam Ortiz', role: 'Desktop tech', email: 'sam@msp.example' });
    const ana = await app.call('technicians:create', { name: 'Ana Lee' });
    const task = await app.call('tasks:create', { title: 'Swap keyboard', categoryId: DESKTOP });
    await app.call('tasks:assign', { id: task.id, owner: 'msp', technicianId: sam.id });
    app.setNow(at('2026-11-16T17:00:00Z'));
    await app.call('timeEntries:create', { worker: 'msp', technicianId: sam.id, categoryId: DESKTOP, startAt: at('2026-11-16T15:00:00Z'), endAt: at('2026-11-16T16:00:00Z') });

    const refused = await app.failure('technicians:remove', { id: sam.id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('Sam Ortiz owns 1 open task');

    const removed = await app.call('technicians:remove', { id: sam.id, reassignTo: ana.id });
    expect(removed).toMatchObject({ reassigned: 1, technician: { archived: true } });
    expect((await app.call('tasks:get', { id: task.id })).technicianId).toBe(ana.id);
    const entries = await app.call('timeEntries:list', { from: '2026-11-16', to: '2026-11-16', worker: 'msp' });
    expect(entries[0]?.technicianId).toBe(sam.id);
  });

  it('a negative fee or rate is refused with the field named', async () => {
    const error = await app.failure('msp:saveContract', { startDay: '2026-01-01', monthlyFee: -1, includedHours: 40, overageRate: 95 });
    expect(error.issues?.[0]).toEqual({ field: 'monthlyFee', message: 'The monthly fee cannot be negative' });
    const rate = await app.failure('msp:saveContract', { startDay: '2026-01-01', monthlyFee: 4000, includedHours: 40, overageRate: -95 });
    expect(rate.issues?.[0]?.field).toBe('overageRate');
  });

  it('the burn-down warns at 80 % of the included hours and projects from the last 20 working days', async () => {
    await app.call('msp:saveContract', { startDay: '2026-01-01', monthlyFee: 4000, includedHours: 40, overageRate: 95 });
    // 3 h every day Nov 2–12 (11 days, 33 h, 9 of them working days). Today is Mon Nov 16.
    for (let day = 2; day <= 12; day += 1) {
      const start = at(`2026-11-${String(day).padStart(2, '0')}T15:00:00Z`);
      await app.call('timeEntries:create', { worker: 'msp', categoryId: DESKTOP, startAt: start, endAt: start + 3 * 3_600_000 });
    }
    const burn = await app.call('msp:burnDown');
    expect(burn).toMatchObject({ month: '2026-11', usedHours: 33, includedHours: 40, overageHours: 0, warning: true });
    // The last 20 working days before Nov 16, not before the first MSP day (Mon Nov 2): Nov 2–6 and 9–13,
    // 10 days. MSP hours on them: 3 h on each of Nov 2–6 and 9–12 = 27 h → 2.7 h a working day.
    // Remaining working days after today: Nov 17–20, 23–27, 30 = 10. Projected 33 + 10 × 2.7 = 60 h.
    expect(burn.projectionBasis).toStrictEqual({ kind: 'average', workingDays: 10, hoursPerWorkingDay: 2.7, remainingWorkingDays: 10 });
    expect(burn.projectedHours).toBeCloseTo(60, 10);
    // 4,000 + (60 − 40) × 95 = 5,900.
    expect(burn.projectedCostCents).toBeCloseTo(590_000, 6);
  });

  it('the burn-down projects nothing on the first day of MSP time, and says why', async () => {
    await app.call('msp:saveContract', { startDay: '2026-01-01', monthlyFee: 4000, includedHours: 40, overageRate: 95 });
    expect((await app.call('msp:burnDown')).projectionBasis).toStrictEqual({ kind: 'none', reason: 'No MSP time is logged yet, so there is no pace to project from.' });
    const start = at('2026-11-16T15:00:00Z');
    app.setNow(at('2026-11-16T22:00:00Z'));
    await app.call('timeEntries:create', { worker: 'msp', categoryId: DESKTOP, startAt: start, endAt: start + 6.5 * 3_600_000 });
    const burn = await app.call('msp:burnDown');
    expect(burn).toMatchObject({ usedHours: 6.5, projectedHours: null, projectedCostCents: null });
    expect(burn.projectionBasis).toMatchObject({ kind: 'none', reason: expect.stringContaining('first logged today') });
  });

  it('lists every month from the contract to today, says why a month with a contract but no delegation gives nothing back, and compares a year under way month for month', async () => {
    await app.call('settings:update', { hireAnnualSalary: 60_000, overheadPercent: 20 });
    await app.call('msp:saveContract', { startDay: '2026-09-01', monthlyFee: 3000, includedHours: 40, overageRate: 95 });
    await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-02', estimatedWeeklyMinutes: 600 });
    const report = await app.call('reclaimed:report');
    expect(report.cost.months.map((month) => [month.month, month.note !== null])).toStrictEqual([
      ['2026-11', false],
      ['2026-10', true],
      ['2026-09', true],
    ]);
    // Weeks of Nov 2 and Nov 9 (10 h each), and Mon Nov 16 so far (f = 1/5, 2 h): 22 h in November, none elsewhere.
    expect(report.cost.months[0]!.netReclaimedHours).toBeCloseTo(22, 10);
    expect(report.cost.years).toStrictEqual([
      expect.objectContaining({ year: '2026', firstMonth: '2026-09', lastMonth: '2026-11', monthCount: 3, partial: true, mspCost: 9000, hireCost: 18_000 }),
    ]);
  });
});
