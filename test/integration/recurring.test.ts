import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api/contract';
import { materialiseRecurring } from '../../electron/handlers/recurring-handlers';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

const SERVER = 2;
const DESKTOP = 3;

let app: TestBackend;

// The clock starts on Monday 2026-11-16, 08:00 in Chicago.
beforeEach(async () => {
  app = openTestBackend();
  await app.call('settings:update', { timeZone: 'America/Chicago' });
});
afterEach(() => app.close());

interface OccurrenceRow {
  id: number;
  day: string;
  title: string;
  owner: 'me' | 'msp';
  keep: 0 | 1;
  status: string;
  deleted: 0 | 1;
  planned: string | null;
  due: string | null;
}

function db() {
  const handle = app.backend.db;
  if (!handle) throw new Error('The test database is closed');
  return handle;
}

/** Every task of a series, deleted ones included, as the database holds them. */
function occurrences(seriesId: number): OccurrenceRow[] {
  return db()
    .prepare(
      `SELECT id, occurrence_day AS day, title, owner, keep_owner AS keep, status, deleted_at IS NOT NULL AS deleted,
         planned_day AS planned, due_day AS due
       FROM tasks WHERE series_id = ? ORDER BY occurrence_day`,
    )
    .all(seriesId) as OccurrenceRow[];
}

const liveDays = (seriesId: number) => occurrences(seriesId).filter((row) => !row.deleted).map((row) => row.day);
const rowOn = (seriesId: number, day: string) => occurrences(seriesId).find((row) => row.day === day)!;

/** Moves the clock to 08:00 in Chicago on `day` and runs what opening the app runs. */
function openOn(day: string) {
  const now = Date.parse(`${day}T14:00:00Z`);
  app.setNow(now);
  return materialiseRecurring(db(), day, now);
}

type NewSeries = CallInput<'recurring:create'>;

/** Every field given, so it serves as a create and (with id and scope) as an update. */
const backupCheck = {
  title: 'Check backups',
  notes: '',
  categoryId: SERVER,
  owner: null,
  estimateMinutes: 30,
  priority: 1,
  skipIfOpen: false,
  rule: { kind: 'weekly', weekdays: ['MO', 'TH'], interval: 2, start: '2026-11-16', until: null },
} satisfies NewSeries;

describe('recurring work in the task list', () => {
  const titles = async () => (await app.call('tasks:list', {})).tasks.map((task) => `${task.title} ${task.dueDay}`);

  it('lists each series as its next open occurrence, not 60 days of copies; completing it brings up the one after', async () => {
    await app.call('recurring:create', { ...backupCheck, rule: { ...backupCheck.rule, start: '2026-11-17' } });
    expect(await titles()).toStrictEqual(['Check backups 2026-11-19']);
    expect((await app.call('tasks:list', {})).total).toBe(1);
    const [next] = (await app.call('tasks:list', {})).tasks;
    await app.call('tasks:setStatus', { id: next!.id, status: 'done' });
    expect(await titles()).toStrictEqual(['Check backups 2026-11-30']);
    expect((await app.call('tasks:list', { status: 'done' })).tasks.map((task) => task.dueDay)).toStrictEqual(['2026-11-19']);
  });

  it('keeps every missed and today’s occurrence in view, and no future one while those are open', async () => {
    await app.call('recurring:create', { ...backupCheck, rule: { kind: 'daily', interval: 1, start: '2026-11-16', until: null } });
    openOn('2026-11-18');
    expect(await titles()).toStrictEqual(['Check backups 2026-11-16', 'Check backups 2026-11-17', 'Check backups 2026-11-18']);
  });
});

describe('creating a recurring series', () => {
  it('materialises its occurrences as tasks through today + 60 days, planned and due on their day', async () => {
    const { series, created } = await app.call('recurring:create', backupCheck);
    expect(series).toMatchObject({
      title: 'Check backups',
      description: 'Every 2 weeks on Mon, Thu',
      nextOccurrence: '2026-11-16',
      openOccurrences: 10,
      owner: null,
      skipIfOpen: false,
      endDay: null,
      rrule: 'DTSTART:20261116T000000Z\nRRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO,TH',
    });
    expect(created).toBe(10);
    expect(liveDays(series.id)).toEqual([
      '2026-11-16', '2026-11-19', '2026-11-30', '2026-12-03', '2026-12-14', '2026-12-17', '2026-12-28', '2026-12-31', '2027-01-11', '2027-01-14',
    ]);
    for (const row of occurrences(series.id)) expect(row).toMatchObject({ title: 'Check backups', planned: row.day, due: row.day, status: 'open' });

    const page = await app.call('tasks:list', { dueBy: '2026-11-19' });
    expect(page.tasks.map((task) => [task.title, task.dueDay, task.estimateMinutes, task.priority, task.categoryId])).toEqual([
      ['Check backups', '2026-11-16', 30, 1, SERVER],
    ]);
    expect(await app.call('recurring:list')).toEqual([series]);
  });

  it('makes nothing up before the day it is saved: a start in the past only sets the rhythm', async () => {
    const { series } = await app.call('recurring:create', { ...backupCheck, rule: { ...backupCheck.rule, start: '2026-11-02' } });
    expect(liveDays(series.id)[0]).toBe('2026-11-16');
  });

  it('running materialise again is idempotent; as days pass, the horizon moves on', async () => {
    const { series } = await app.call('recurring:create', backupCheck);
    const count = occurrences(series.id).length;
    expect(openOn('2026-11-16')).toEqual({ created: 0, skipped: 0 });
    expect(openOn('2026-11-16')).toEqual({ created: 0, skipped: 0 });
    expect(occurrences(series.id)).toHaveLength(count);

    expect(openOn('2026-11-26')).toEqual({ created: 1, skipped: 0 });
    expect(liveDays(series.id).at(-1)).toBe('2027-01-25');
    expect(openOn('2026-11-26')).toEqual({ created: 0, skipped: 0 });
    expect(occurrences(series.id)).toHaveLength(count + 1);
  });

  it('an occurrence she deleted is not made again', async () => {
    const { series } = await app.call('recurring:create', backupCheck);
    await app.call('tasks:delete', { id: rowOn(series.id, '2026-11-19').id });
    openOn('2026-11-17');
    expect(liveDays(series.id)).not.toContain('2026-11-19');
  });
});

describe('"skip if the previous one is still open"', () => {
  const weeklyPatch: NewSeries = {
    title: 'Patch servers',
    categoryId: SERVER,
    skipIfOpen: true,
    rule: { kind: 'weekly', weekdays: ['MO'], interval: 1, start: '2026-11-16' },
  };

  it('skips an occurrence whose day arrives while the previous one is not done, and never makes it again', async () => {
    const { series } = await app.call('recurring:create', weeklyPatch);
    expect(liveDays(series.id).slice(0, 3)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);

    expect(openOn('2026-11-23')).toEqual({ created: 1, skipped: 1 });
    expect(rowOn(series.id, '2026-11-23').deleted).toBe(1);
    expect(openOn('2026-11-23').skipped).toBe(0);

    await app.call('tasks:setStatus', { id: rowOn(series.id, '2026-11-16').id, status: 'done' });
    expect(openOn('2026-11-30').skipped).toBe(0);
    expect(rowOn(series.id, '2026-11-30').deleted).toBe(0);

    await app.call('tasks:setStatus', { id: rowOn(series.id, '2026-11-30').id, status: 'in_progress' });
    expect(openOn('2026-12-07').skipped).toBe(1);
    expect(rowOn(series.id, '2026-12-07').deleted).toBe(1);
    expect(rowOn(series.id, '2026-11-23').deleted).toBe(1);
  });

  it('without the option every occurrence stays', async () => {
    const { series } = await app.call('recurring:create', { ...weeklyPatch, skipIfOpen: false });
    expect(openOn('2026-11-30').skipped).toBe(0);
    expect(liveDays(series.id).slice(0, 3)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
  });

  it('an arrived occurrence she already started is kept', async () => {
    const { series } = await app.call('recurring:create', weeklyPatch);
    const next = rowOn(series.id, '2026-11-23');
    await app.call('timeEntries:create', {
      worker: 'me', categoryId: SERVER, taskId: next.id, startAt: Date.parse('2026-11-16T12:00:00Z'), endAt: Date.parse('2026-11-16T12:30:00Z'),
    });
    expect(openOn('2026-11-23').skipped).toBe(0);
  });
});

describe('editing a series', () => {
  it('rewrites its future untouched occurrences and leaves past, done, started and individually edited ones alone', async () => {
    const { series } = await app.call('recurring:create', backupCheck);
    const edited = rowOn(series.id, '2026-12-03');
    await app.call('tasks:update', { id: edited.id, notes: 'Use the new NAS' });
    await app.call('tasks:setStatus', { id: rowOn(series.id, '2026-11-30').id, status: 'done' });
    const started = rowOn(series.id, '2026-12-14');
    await app.call('timeEntries:create', {
      worker: 'me', categoryId: SERVER, taskId: started.id, startAt: Date.parse('2026-11-16T12:00:00Z'), endAt: Date.parse('2026-11-16T12:20:00Z'),
    });
    openOn('2026-11-18');

    const result = await app.call('recurring:update', {
      id: series.id,
      scope: 'series',
      ...backupCheck,
      title: 'Verify backups',
      estimateMinutes: 45,
      priority: 2,
    });
    expect(result).toMatchObject({ created: 0, removed: 0, updated: 6 });

    const titles = Object.fromEntries(occurrences(series.id).map((row) => [row.day, row.title]));
    expect(titles).toEqual({
      '2026-11-16': 'Check backups', // past
      '2026-11-19': 'Verify backups',
      '2026-11-30': 'Check backups', // done
      '2026-12-03': 'Check backups', // edited on its own
      '2026-12-14': 'Check backups', // started
      '2026-12-17': 'Verify backups',
      '2026-12-28': 'Verify backups',
      '2026-12-31': 'Verify backups',
      '2027-01-11': 'Verify backups',
      '2027-01-14': 'Verify backups',
    });
    const rewritten = await app.call('tasks:get', { id: rowOn(series.id, '2026-12-17').id });
    expect(rewritten).toMatchObject({ estimateMinutes: 45, priority: 2, notes: '' });
    expect((await app.call('tasks:get', { id: edited.id })).notes).toBe('Use the new NAS');
  });

  it('a new rule moves the untouched occurrences to its days; her edited one stays on its day', async () => {
    const { series } = await app.call('recurring:create', { ...backupCheck, rule: { kind: 'weekly', weekdays: ['TH'], interval: 1, start: '2026-11-16' } });
    const edited = rowOn(series.id, '2026-11-26');
    await app.call('tasks:update', { id: edited.id, title: 'Check backups (after the holiday)' });

    const result = await app.call('recurring:update', {
      id: series.id,
      scope: 'series',
      title: 'Check backups',
      notes: '',
      categoryId: SERVER,
      owner: null,
      estimateMinutes: 30,
      priority: 1,
      skipIfOpen: false,
      rule: { kind: 'weekly', weekdays: ['FR'], interval: 1, start: '2026-11-16', until: null },
    });
    expect(result.series.description).toBe('Every week on Fri');
    expect(result.removed).toBe(8);
    expect(result.created).toBe(9);
    const days = liveDays(series.id);
    expect(days.slice(0, 4)).toEqual(['2026-11-20', '2026-11-26', '2026-11-27', '2026-12-04']);
    expect(days.filter((day) => day !== '2026-11-26').every((day) => new Date(`${day}T00:00:00Z`).getUTCDay() === 5)).toBe(true);
  });

  it('an unknown series is NOT_FOUND', async () => {
    const error = await app.failure('recurring:update', { id: 99, scope: 'series', ...backupCheck });
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('ending and deleting a series', () => {
  it('ending soft-deletes the open occurrences after the last day, keeps done ones, and undo brings them back', async () => {
    const { series } = await app.call('recurring:create', backupCheck);
    const doneEarly = rowOn(series.id, '2026-12-14');
    await app.call('tasks:setStatus', { id: doneEarly.id, status: 'done' });

    const ended = await app.call('recurring:end', { id: series.id, fromDay: '2026-11-30' });
    expect(ended.removed).toBe(6);
    expect(ended.series).toMatchObject({ endDay: '2026-11-30', nextOccurrence: '2026-11-16' });
    expect(liveDays(series.id)).toEqual(['2026-11-16', '2026-11-19', '2026-11-30', '2026-12-14']);
    expect(rowOn(series.id, '2026-12-03').deleted).toBe(1);

    expect(openOn('2026-12-20')).toEqual({ created: 0, skipped: 0 });
    expect(liveDays(series.id)).toEqual(['2026-11-16', '2026-11-19', '2026-11-30', '2026-12-14']);
    expect((await app.call('recurring:list'))[0]).toMatchObject({ id: series.id, nextOccurrence: null });

    app.setNow(Date.parse('2026-11-16T14:05:00Z'));
    const restored = await app.call('recurring:restore', { id: series.id });
    expect(restored.restored).toBe(6);
    expect(restored.series.endDay).toBeNull();
    expect(liveDays(series.id)).toHaveLength(10);
  });

  it('deleting removes the open occurrences from today on and hides the series; undo restores both', async () => {
    const { series } = await app.call('recurring:create', backupCheck);
    openOn('2026-11-19');
    await app.call('tasks:setStatus', { id: rowOn(series.id, '2026-11-19').id, status: 'in_progress' });

    const deleted = await app.call('recurring:delete', { id: series.id });
    expect(deleted.removed).toBe(8);
    expect(await app.call('recurring:list')).toEqual([]);
    expect(liveDays(series.id)).toEqual(['2026-11-16', '2026-11-19']);
    expect(openOn('2026-11-20')).toEqual({ created: 0, skipped: 0 });

    await app.call('recurring:restore', { id: series.id });
    expect((await app.call('recurring:list')).map((entry) => entry.id)).toEqual([series.id]);
    expect(liveDays(series.id)).toHaveLength(10);
  });
});

describe('who owns the occurrences', () => {
  it('an occurrence in a category delegated on its day goes to the MSP', async () => {
    await app.call('delegations:create', { categoryId: SERVER, startDay: '2026-12-01', endDay: '2026-12-31' });
    const { series } = await app.call('recurring:create', backupCheck);
    const owners = Object.fromEntries(occurrences(series.id).map((row) => [row.day, row.owner]));
    expect(owners).toMatchObject({
      '2026-11-30': 'me',
      '2026-12-03': 'msp',
      '2026-12-31': 'msp',
      '2027-01-11': 'me',
    });
    const queue = await app.call('msp:queue', {});
    expect(queue.tasks.map((task) => task.dueDay)).toEqual(['2026-12-03', '2026-12-14', '2026-12-17', '2026-12-28', '2026-12-31']);
  });

  it('a series she keeps stays hers, marked as kept; a series given to the MSP goes there even undelegated', async () => {
    await app.call('delegations:create', { categoryId: SERVER, startDay: '2026-11-01' });
    const kept = await app.call('recurring:create', { ...backupCheck, owner: 'me' });
    expect(kept.series.owner).toBe('me');
    expect(occurrences(kept.series.id).every((row) => row.owner === 'me' && row.keep === 1)).toBe(true);

    const handed = await app.call('recurring:create', { ...backupCheck, categoryId: DESKTOP, owner: 'msp' });
    expect(occurrences(handed.series.id).every((row) => row.owner === 'msp' && row.keep === 0)).toBe(true);
  });
});

describe('bad input is refused at its field and nothing is saved', () => {
  async function expectNothingSaved() {
    expect(await app.call('recurring:list')).toEqual([]);
    expect((await app.call('tasks:list', { status: 'all' })).total).toBe(0);
    expect(db().prepare('SELECT count(*) AS n FROM recurring_series').get()).toEqual({ n: 0 });
  }

  it('a rule that yields nothing: monthly on day 31 every 12 months from February', async () => {
    const error = await app.failure('recurring:create', {
      ...backupCheck,
      rule: { kind: 'monthlyDay', monthDay: 31, interval: 12, start: '2027-02-01' },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ field: 'rule.monthDay', message: expect.stringContaining('Day 31 never comes') }]);
    await expectNothingSaved();
  });

  it('an end day before the start day', async () => {
    const error = await app.failure('recurring:create', { ...backupCheck, rule: { ...backupCheck.rule, until: '2026-11-01' } });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ field: 'rule.until', message: 'The series cannot end before it starts (2026-11-16)' }]);
    await expectNothingSaved();
  });

  it('a week with no days, an unknown weekday, a 5th week', async () => {
    const noDays = await app.failure('recurring:create', { ...backupCheck, rule: { ...backupCheck.rule, weekdays: [] } });
    expect(noDays.issues?.[0]).toEqual({ field: 'rule.weekdays', message: 'Choose at least one day of the week' });
    const badDay = await app.failure('recurring:create', { ...backupCheck, rule: { ...backupCheck.rule, weekdays: ['XX'] } });
    expect(badDay.issues?.[0]?.field).toBe('rule.weekdays.0');
    const fifth = await app.failure('recurring:create', {
      ...backupCheck,
      rule: { kind: 'monthlyNth', nth: 5, weekday: 'WE', interval: 1, start: '2026-11-16' },
    });
    expect(fifth.issues?.[0]).toEqual({ field: 'rule.nth', message: 'Choose the 1st to 4th, or the last' });
    await expectNothingSaved();
  });

  it('an archived category', async () => {
    await app.call('categories:archive', { id: SERVER });
    const error = await app.failure('recurring:create', backupCheck);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.[0]?.field).toBe('categoryId');
    await expectNothingSaved();
  });

  it('an edit whose rule yields nothing changes neither the series nor its occurrences', async () => {
    const { series } = await app.call('recurring:create', backupCheck);
    const before = occurrences(series.id);
    const error = await app.failure('recurring:update', {
      id: series.id,
      scope: 'series',
      ...backupCheck,
      title: 'Renamed',
      rule: { kind: 'daily', interval: 1, start: '2026-11-20', until: '2026-11-19' },
    });
    expect(error.issues?.[0]?.field).toBe('rule.until');
    expect(occurrences(series.id)).toEqual(before);
    expect((await app.call('recurring:list'))[0]?.title).toBe('Check backups');
  });
});
