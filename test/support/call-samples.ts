import type { CallInput, CallName } from '../../shared/api/contract';
import type { ApiErrorCode } from '../../shared/api/errors';
import type { TestBackend } from './temp-backend';
import { taskListCursor } from '../../electron/repositories/tasks';

/** The ids a seeded database holds, each for one sample to use (so no two samples fight over a row). */
export interface Seed {
  category: number;
  spareCategory: number;
  delegatedCategory: number;
  otherCategory: number;
  technician: number;
  spareTechnician: number;
  tasks: [number, number, number, number, number, number, number, number];
  entries: [number, number, number];
  delegation: number;
  spareDelegation: number;
  contract: number;
  timeOff: number;
  spareTimeOff: number;
  series: number;
  endingSeries: number;
  spareSeries: number;
  /** A verified backup of the seeded database, for preview and restore. */
  backup: string;
  /** Uploads: one begun and waiting for its piece, one complete (a task CSV) and one to discard. */
  uploads: { waiting: string; complete: string; spare: string };
  /** The piece the waiting upload expects, as base64. */
  waitingPiece: string;
  /** A finished export job, for export:read. */
  exportJob: string;
}

/** Fake ids, for tests that only parse the samples against the schemas. */
export const FAKE_SEED: Seed = {
  category: 1,
  spareCategory: 2,
  delegatedCategory: 3,
  otherCategory: 4,
  technician: 1,
  spareTechnician: 2,
  tasks: [1, 2, 3, 4, 5, 6, 7, 8],
  entries: [1, 2, 3],
  delegation: 1,
  spareDelegation: 2,
  contract: 1,
  timeOff: 1,
  spareTimeOff: 2,
  series: 1,
  endingSeries: 2,
  spareSeries: 3,
  backup: 'offload-fake',
  uploads: { waiting: '0'.repeat(32), complete: '1'.repeat(32), spare: '2'.repeat(32) },
  waitingPiece: 'dGl0bGUK',
  exportJob: 'job-1',
};

/** The task CSV the samples import (docs/import-formats.md, generic task CSV). */
const TASK_CSV = 'title,category,estimate\nCheck the UPS self-test,Server administration,15m\n';

const at = (iso: string) => Date.parse(iso);

/**
 * Fills a fresh test backend (its clock at Monday 2026-11-16 14:00 UTC) with one of everything the
 * samples need, in UTC. Categories are the first-run defaults: 1 Tech support … 9 Other.
 */
export async function seedForSamples(app: TestBackend): Promise<Seed> {
  await app.call('settings:update', { timeZone: 'UTC' });
  const technician = await app.call('technicians:create', { name: 'Sam Ortiz', role: 'Desktop', email: 'sam@msp.example' });
  const spareTechnician = await app.call('technicians:create', { name: 'Ana Lee' });
  const task = async (title: string, fields: Partial<CallInput<'tasks:create'>> = {}) =>
    (await app.call('tasks:create', { title, categoryId: 1, estimateMinutes: 30, ...fields })).id;
  const tasks: Seed['tasks'] = [
    await task('Reset VPN for sales', { dueDay: '2026-11-16', notes: 'Token expired' }),
    await task('Patch the print server', { plannedDay: '2026-11-17' }),
    await task('Renew the firewall licence', { categoryId: 6 }),
    await task('Reimage the sales laptops', { categoryId: 3 }),
    await task('Replace the UPS battery', { categoryId: 2 }),
    await task('Audit the backups', { categoryId: 5 }),
    await task('Order spare SFPs', { categoryId: 4 }),
    await task('Review the MSP report', { categoryId: 8 }),
  ];
  const entry = async (start: string, end: string, categoryId = 1) =>
    (await app.call('timeEntries:create', { worker: 'me', categoryId, startAt: at(start), endAt: at(end) })).id;
  const entries: Seed['entries'] = [
    await entry('2026-11-09T09:00:00Z', '2026-11-09T10:00:00Z'),
    await entry('2026-11-10T09:00:00Z', '2026-11-10T11:00:00Z', 4),
    await entry('2026-11-11T09:00:00Z', '2026-11-11T12:00:00Z', 2),
  ];
  const delegation = (await app.call('delegations:create', { categoryId: 3, startDay: '2026-11-02', estimatedWeeklyMinutes: 300 })).delegation.id;
  const spareDelegation = (await app.call('delegations:create', { categoryId: 2, startDay: '2026-10-01', endDay: '2026-10-31' })).delegation.id;
  const contract = (await app.call('msp:saveContract', { startDay: '2026-01-01', monthlyFee: 2500, includedHours: 40, overageRate: 95 })).id;
  const timeOff = (await app.call('timeOff:create', { startDay: '2026-12-21', endDay: '2026-12-24', note: 'Holidays' })).id;
  const spareTimeOff = (await app.call('timeOff:create', { startDay: '2027-02-01', endDay: '2027-02-02' })).id;
  const series = async (title: string) =>
    (
      await app.call('recurring:create', {
        title,
        categoryId: 5,
        rule: { kind: 'weekly', interval: 1, start: '2026-11-16', weekdays: ['MO'] },
      })
    ).series.id;
  return {
    category: 1,
    spareCategory: 9,
    delegatedCategory: 3,
    otherCategory: 7,
    technician: technician.id,
    spareTechnician: spareTechnician.id,
    tasks,
    entries,
    delegation,
    spareDelegation,
    contract,
    timeOff,
    spareTimeOff,
    series: await series('Check the backups'),
    endingSeries: await series('Patch Tuesday review'),
    spareSeries: await series('Rotate the guest Wi-Fi key'),
    backup: await backupOf(app),
    ...(await uploadsFor(app)),
    exportJob: await finishedExport(app),
  };
}

async function uploadsFor(app: TestBackend): Promise<Pick<Seed, 'uploads' | 'waitingPiece'>> {
  const bytes = Buffer.from(TASK_CSV, 'utf8');
  const begin = async () => (await app.call('import:begin', { fileName: 'tasks.csv', size: bytes.length })).uploadId;
  const waiting = await begin();
  const complete = await begin();
  await app.call('import:chunk', { uploadId: complete, index: 0, data: bytes.toString('base64') });
  return { uploads: { waiting, complete, spare: await begin() }, waitingPiece: bytes.toString('base64') };
}

/** Runs the tasks CSV export to its end, so export:read has a file to read. */
async function finishedExport(app: TestBackend): Promise<string> {
  const { job } = await app.call('export:start', { what: 'tasks-csv' });
  await app.backend.jobs.idle();
  return job;
}

/** Takes a backup of the seeded database and waits until it is written and checked. */
async function backupOf(app: TestBackend): Promise<string> {
  await app.call('backups:create');
  await app.backend.jobs.idle();
  const newest = (await app.call('backups:overview')).newestGood;
  if (!newest) throw new Error('the seed backup failed');
  // Two hours on, so the backup the backups:create sample takes is in another hour and retention
  // (one per hour today) keeps this one for the preview and restore samples.
  app.setNow(newest.takenAt + 2 * 60 * 60_000);
  return newest.id;
}

/**
 * Calls whose valid sample is refused on purpose on a healthy database in a test backend, with the
 * code it must be refused with; the test that covers each succeeding is named beside it.
 */
export const REFUSED_HERE: Partial<Record<CallName, ApiErrorCode>> = {
  /** Only while offload.db is empty or damaged (test/integration/integrity.test.ts). */
  'backups:startFresh': 'CONFLICT',
  /** Only where the desktop shell gives a folder picker (test/integration/backups.test.ts). */
  'backups:pickSecondFolder': 'VALIDATION',
  /** Only while that entry's timer runs, which no sample leaves running (test/integration/idle-resolution.test.ts). */
  'timer:resolveIdle': 'CONFLICT',
  /** Only into an empty database (test/integration/data-export.test.ts restores a full export). */
  'import:json': 'CONFLICT',
};

export type Samples = { [Name in CallName]: CallInput<Name>[] };

/**
 * At least one valid input for every call of the contract (the type makes a missing call a compile
 * error), covering every nested object its schema has. Run once each, in the contract's order, on
 * a seeded database, every sample succeeds.
 */
export function callSamples(seed: Seed): Samples {
  const [t1, t2, t3, t4, t5, t6, t7, t8] = seed.tasks;
  const [e1, e2, e3] = seed.entries;
  return {
    'app:status': [undefined, {}],
    'settings:get': [{}],
    'settings:update': [{ hoursPerDay: 7.5, workingDays: [1, 2, 3, 4, 5], workdayStart: '08:30', theme: 'dark', timeZone: 'UTC' }],
    'categories:list': [undefined, { includeArchived: true }],
    'categories:create': [{ name: 'Phones', color: '#AABBCC', kind: 'operational' }],
    'categories:update': [{ id: seed.category, name: 'Help desk', color: '#123456', kind: 'operational' }],
    'categories:archive': [{ id: seed.spareCategory }],
    'categories:restore': [{ id: seed.spareCategory }],
    'tasks:list': [
      {},
      { status: 'all', categoryId: seed.category, owner: 'me', unplanned: false, dueBy: '2026-11-30', search: 'vpn', sort: 'title', after: null, limit: 50 },
      // The page after a given task, in each order (a cursor is what the page before returned as `next`).
      { status: 'all', sort: 'urgency', after: taskListCursor('urgency', '02026-11-203', t1), limit: 2 },
      { status: 'done', sort: 'newest', after: taskListCursor('newest', 1_795_000_000_000, t1), limit: 2 },
      { status: 'active', sort: 'title', categoryId: seed.category, after: taskListCursor('title', 'm', t1), limit: 2 },
      { search: 'vpn', after: taskListCursor('relevance-open', -1.5, t1), limit: 2 },
      { status: 'all', search: 'vpn', after: taskListCursor('relevance', -1.5, t1), limit: 2 },
      { status: 'done', search: 'vpn', after: taskListCursor('relevance', -1.5, t1), limit: 2 },
    ],
    'tasks:get': [{ id: t1 }],
    'tasks:create': [
      {
        title: 'Swap the core switch',
        notes: 'After hours',
        categoryId: seed.otherCategory,
        estimateMinutes: 90,
        dueDay: '2026-11-20',
        plannedDay: '2026-11-19',
        priority: 2,
        unplanned: false,
        owner: 'msp',
        technicianId: seed.technician,
      },
    ],
    'tasks:update': [{ id: t1, title: 'Reset VPN for the sales team', notes: 'Done remotely', priority: 1, status: 'in_progress' }],
    'tasks:setStatus': [{ id: t2, status: 'done' }],
    'tasks:delete': [{ id: t3 }],
    'tasks:restore': [{ id: t3 }],
    'tasks:bulk': [
      { ids: [t4], action: { kind: 'complete' } },
      { ids: [t4], action: { kind: 'reopen' } },
      { ids: [t4, t5], action: { kind: 'plan', plannedDay: '2026-11-18' } },
      { ids: [t5], action: { kind: 'assign', owner: 'me' } },
      { ids: [t5], action: { kind: 'categorise', categoryId: seed.otherCategory } },
    ],
    'tasks:assign': [{ id: t6, owner: 'msp', technicianId: seed.technician, keep: false }],
    'timeEntries:create': [
      {
        worker: 'msp',
        technicianId: seed.technician,
        categoryId: seed.delegatedCategory,
        taskId: t4,
        startAt: at('2026-11-12T13:00:00Z'),
        endAt: at('2026-11-12T14:30:00Z'),
        note: 'Reimaged two laptops',
        unplanned: true,
      },
    ],
    'timeEntries:list': [{ from: '2026-11-09', to: '2026-11-16', worker: 'me', limit: 50 }],
    'timeEntries:delete': [{ id: e1 }],
    'timeEntries:update': [{ id: e2, categoryId: seed.otherCategory, taskId: t7, startAt: at('2026-11-10T09:30:00Z'), endAt: at('2026-11-10T11:00:00Z'), note: 'SFPs', unplanned: false }],
    'timeEntries:split': [{ id: e3, at: at('2026-11-11T10:30:00Z') }],
    'timesheet:week': [{ day: '2026-11-12', worker: null }, { day: '2026-11-12', worker: 'me' }, { day: '2026-11-12', worker: 'msp' }],
    'timesheet:day': [{ day: '2026-11-10', worker: null }, { day: '2026-11-10', worker: 'msp' }],
    'timeEntries:get': [{ id: e2 }],
    'timeEntries:move': [{ ids: [e2], day: '2026-11-06' }],
    'timer:current': [undefined],
    'timer:start': [{ taskId: t1, categoryId: null, note: 'On the phone' }],
    'timer:stop': [{}],
    'today:summary': [{}],
    'msp:get': [{}],
    'msp:saveProvider': [{ name: 'Northwind IT', email: 'help@northwind.example', phone: '+1 555 0100', notes: 'Portal: northwind.example' }],
    'msp:saveContract': [{ id: null, startDay: '2027-01-01', monthlyFee: 2750, includedHours: 45, overageRate: 99.5 }],
    'msp:deleteContract': [{ id: seed.contract }],
    'msp:burnDown': [{}],
    'msp:queue': [{}, { technicianId: seed.technician, unassigned: false }],
    'technicians:create': [{ name: 'Kim Park', role: 'Servers', email: '' }],
    'technicians:update': [{ id: seed.technician, name: 'Sam Ortiz', role: 'Desktop lead', email: 'sam.ortiz@msp.example' }],
    'technicians:remove': [{ id: seed.spareTechnician, reassignTo: null }],
    'technicians:restore': [{ id: seed.spareTechnician }],
    'responseTargets:set': [{ categoryId: seed.delegatedCategory, targetMinutes: 240 }],
    'delegations:list': [{}],
    'delegations:preview': [{ categoryId: seed.otherCategory, startDay: '2026-11-23', endDay: null }],
    'delegations:create': [
      { categoryId: seed.otherCategory, startDay: '2026-11-23', endDay: '2026-12-31', estimatedWeeklyMinutes: 120, note: 'Trial', keepTaskIds: [t8] },
    ],
    'delegations:createMany': [{ categoryIds: [seed.category, seed.spareCategory], startDay: '2027-02-01', endDay: '2027-02-28' }],
    'delegations:update': [{ id: seed.delegation, startDay: '2026-11-02', endDay: null, estimatedWeeklyMinutes: 360, note: 'Desktops' }],
    'delegations:end': [{ id: seed.delegation, endDay: '2027-03-31' }],
    'delegations:delete': [{ id: seed.spareDelegation }],
    'delegations:restore': [{ id: seed.spareDelegation }],
    'reclaimed:report': [undefined, { weeks: 8 }, { from: '2026-09-01', to: '2026-11-16' }],
    'reclaimed:averages': [{}],
    'recurring:list': [{}],
    'recurring:create': [
      {
        title: 'Check the UPS logs',
        notes: '',
        categoryId: seed.category,
        owner: null,
        estimateMinutes: 15,
        priority: 0,
        skipIfOpen: true,
        rule: { kind: 'daily', interval: 2, start: '2026-11-16', until: '2026-12-31' },
      },
      { title: 'Renew the certificates', rule: { kind: 'monthlyDay', interval: 1, start: '2026-11-16', monthDay: 28 } },
      { title: 'Review the licences', owner: 'me', rule: { kind: 'monthlyNth', interval: 3, start: '2026-11-16', nth: -1, weekday: 'FR' } },
      { title: 'Rotate the backup tapes', rule: { kind: 'weekly', interval: 1, start: '2026-11-16', until: null, weekdays: ['MO', 'TH'] } },
    ],
    'recurring:update': [
      {
        id: seed.series,
        scope: 'series',
        title: 'Check the nightly backups',
        notes: 'Both sites',
        categoryId: seed.category,
        owner: 'msp',
        estimateMinutes: 20,
        priority: 1,
        skipIfOpen: false,
        rule: { kind: 'weekly', interval: 1, start: '2026-11-16', until: null, weekdays: ['MO', 'WE'] },
      },
    ],
    'recurring:end': [{ id: seed.endingSeries, fromDay: '2026-12-31' }],
    'recurring:delete': [{ id: seed.spareSeries }],
    'recurring:restore': [{ id: seed.spareSeries }],
    'workload:weeks': [{ from: '2026-10-01', to: '2026-11-16' }],
    'weekPlan:get': [{ weekStart: '2026-11-18' }],
    'weekPlan:review': [{ weekStart: '2026-11-09' }],
    'weekPlan:suggest': [{ weekStart: '2026-11-16' }],
    'weekPlan:apply': [{ placements: [{ taskId: t7, day: '2026-11-19' }] }],
    'weekPlan:move': [
      { taskId: t7, to: { kind: 'day', day: '2026-11-20' } },
      { taskId: t7, to: { kind: 'msp' } },
      { taskId: t7, to: { kind: 'backlog' } },
    ],
    'weekPlan:ics': [{ weekStart: '2026-11-16' }],
    'timeOff:list': [undefined, {}, { from: '2026-12-22' }],
    'timeOff:create': [{ startDay: '2027-03-01', endDay: '2027-03-05', note: 'Spring break' }],
    'timeOff:update': [{ id: seed.timeOff, startDay: '2026-12-21', endDay: '2026-12-23', note: 'Holidays, shorter' }],
    'timeOff:delete': [{ id: seed.spareTimeOff }],
    'timeOff:restore': [{ id: seed.spareTimeOff }],
    'timeOff:coverage': [{ startDay: '2026-12-21', endDay: '2026-12-23' }],
    'timeOff:handOver': [{ startDay: '2026-12-21', endDay: '2026-12-23' }],
    'settings:zonePreview': [{ timeZone: 'America/Chicago' }],
    'insights:charts': [{ from: '2026-10-01', to: '2026-11-16', categoryIds: [seed.category, seed.otherCategory] }, { from: '2026-11-01', to: '2026-11-16' }],
    'insights:report': [{ fromMonth: '2026-10', toMonth: '2026-11' }],
    'report:pdf': [{ fromMonth: '2026-10', toMonth: '2026-11', paper: 'letter' }],
    'backups:overview': [undefined, {}],
    'backups:create': [{}],
    'backups:setSecondFolder': [{ path: null }],
    'backups:pickSecondFolder': [{}],
    'backups:preview': [{ id: seed.backup }],
    'backups:startFresh': [{}],
    'backups:restore': [{ id: seed.backup }],
    'timer:recent': [undefined, { limit: 5 }],
    'timer:resolveIdle': [{ entryId: e1, idleFrom: at('2026-11-16T13:00:00Z'), returnedAt: at('2026-11-16T13:30:00Z'), choice: 'keep' }],
    'desktop:status': [undefined, {}],
    'import:begin': [{ fileName: 'toggl-2026.csv', size: 4096 }],
    'import:chunk': [{ uploadId: seed.uploads.waiting, index: 0, data: seed.waitingPiece }],
    'import:discard': [{ uploadId: seed.uploads.spare }],
    'import:preview': [
      { uploadId: seed.uploads.complete, kind: 'tasks' },
      {
        uploadId: seed.uploads.complete,
        kind: 'tasks',
        format: 'generic-tasks',
        dayMonthOrder: 'DMY',
        timeZone: 'UTC',
        mapping: { categories: { 'Server administration': 2 }, workers: { 'Sam Ortiz': { worker: 'msp', technicianId: seed.technician } } },
      },
    ],
    'import:apply': [{ uploadId: seed.uploads.complete, kind: 'tasks', format: 'generic-tasks', mapping: { categories: { 'Server administration': 2 }, workers: {} } }],
    'import:json': [{ uploadId: seed.uploads.complete }],
    'export:start': [{ what: 'tasks-csv' }, { what: 'time-entries-csv' }, { what: 'json' }],
    'export:read': [{ job: seed.exportJob, index: 0 }],
    'jobs:cancel': [{ job: 'import-999' }],
  };
}
