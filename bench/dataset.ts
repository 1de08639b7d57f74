/**
 * The benchmark's data: `scale` × ten years of one manager's history (scale 1: 50,000 tasks and
 * 500,000 time entries over 3,650 days; scale 10: 500,000 and 5,000,000 over 36,500 days), written
 * once into a real Offload database and cached under the system's temp folder, keyed by scale,
 * schema version and this generator's version, so reruns start in seconds.
 *
 * What grows with the scale is history: the number of open tasks (300), the delegations, the
 * recurring series and the entries per day (137) stay those of one manager. Entries are written
 * with every trigger in force, in one transaction, so every rollup is what the app itself keeps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend } from '../electron/backend/backend';
import { openDatabase, type SqliteDatabase } from '../electron/db/connection';
import { LATEST_SCHEMA_VERSION } from '../electron/db/migrations';
import { setDerivedState } from '../electron/repositories/derived-state';
import { entryCalendar, entryFactsBasis } from '../electron/services/entry-calendar';
import { openConfSettings } from '../electron/settings/conf-settings';
import { addDays } from '../shared/domain/day';
import { effectiveTimeZone } from '../shared/domain/zoned-time';

/** Bumped whenever the generated data changes shape, so an old cache is never reused. */
const GENERATOR_VERSION = 4;

export const TODAY = '2026-11-20';
/** 09:00 in Chicago on TODAY, a Friday. */
export const NOW = Date.parse(`${TODAY}T15:00:00Z`);
export const TIME_ZONE = 'America/Chicago';
export const OPEN_TASKS = 300;
/** Her running timer started half an hour before NOW. */
export const TIMER_STARTED_AT = NOW - 30 * 60_000;

export interface Dataset {
  scale: number;
  tasks: number;
  entries: number;
  days: number;
  firstDay: string;
  /** The cached folder (offload.db + config.json); copy it before writing. */
  cacheDir: string;
  /** How long generating took, or null when the cache was used. */
  generatedMs: number | null;
  fileBytes: number;
}

export function datasetShape(scale: number) {
  const days = 3650 * scale;
  return { tasks: 50_000 * scale, entries: 500_000 * scale, days, firstDay: addDays(TODAY, -days) };
}

export function cacheDirFor(scale: number): string {
  return path.join(os.tmpdir(), 'offload-bench-cache', `scale-${scale}-schema-${LATEST_SCHEMA_VERSION}-gen-${GENERATOR_VERSION}`);
}

/** The cached data set for the scale, generated first if there is none. */
export async function dataset(scale: number, log: (line: string) => void): Promise<Dataset> {
  const shape = datasetShape(scale);
  const cacheDir = cacheDirFor(scale);
  const file = path.join(cacheDir, 'offload.db');
  let generatedMs: number | null = null;
  if (!fs.existsSync(path.join(cacheDir, 'complete'))) {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.mkdirSync(cacheDir, { recursive: true });
    log(`generating ${shape.tasks.toLocaleString('en-US')} tasks and ${shape.entries.toLocaleString('en-US')} entries in ${cacheDir} …`);
    const started = performance.now();
    await generate(cacheDir, scale);
    generatedMs = performance.now() - started;
    fs.writeFileSync(path.join(cacheDir, 'complete'), new Date().toISOString());
  }
  return { scale, ...shape, cacheDir, generatedMs, fileBytes: fs.statSync(file).size };
}

/** A fresh copy of the cached folder to run against (the benchmark writes entries). */
export function copyDataset(data: Dataset): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-bench-run-'));
  for (const name of ['offload.db', 'config.json']) {
    fs.copyFileSync(path.join(data.cacheDir, name), path.join(dir, name), fs.constants.COPYFILE_FICLONE);
  }
  return dir;
}

const WORDS = ['reset', 'vpn', 'patch', 'server', 'printer', 'backup', 'licence', 'switch', 'laptop', 'firewall'];
const LONG_NOTES = 'Vendor ticket history and steps tried so far. '.repeat(400);
const ESTIMATES = [15, 30, 60, 120];

async function generate(dir: string, scale: number): Promise<void> {
  const { tasks, entries, days, firstDay } = datasetShape(scale);
  const settings = openConfSettings(dir);
  settings.update({ timeZone: TIME_ZONE });

  const db = openDatabase(path.join(dir, 'offload.db'), { now: () => NOW });
  // One writer, one big transaction: no journal to keep and a cache that holds the working set.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -2000000');
  try {
    db.transaction(() => seed(db, { tasks, entries, days, firstDay }))();
    db.transaction(() => {
      const calendar = entryCalendar(db, settings.get(), effectiveTimeZone(TIME_ZONE));
      seedEntries(db, calendar, { tasks, entries, days, firstDay });
      setDerivedState(db, 'entryFactsBasis', entryFactsBasis(settings.get(), effectiveTimeZone(TIME_ZONE)));
    })();
  } finally {
    db.pragma('journal_mode = WAL');
    db.close();
  }

  // Through the app itself: recurring work (materialised 60 days ahead), today's entries, the timer.
  const backend = openBackend({ dataDir: dir, mode: 'browser', version: 'bench', settings, now: () => NOW - 6 * 3_600_000, automaticBackups: false });
  const call = async (name: string, input?: unknown) => {
    const envelope = await backend.dispatch(name, input);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value;
  };
  const start = addDays(TODAY, -400);
  await call('recurring:create', { title: 'Patch the servers', categoryId: 2, estimateMinutes: 90, rule: { kind: 'weekly', interval: 1, weekdays: ['TU'], start, until: null } });
  await call('recurring:create', { title: 'Check the backups', categoryId: 5, estimateMinutes: 15, rule: { kind: 'daily', interval: 1, start, until: null } });
  await call('recurring:create', { title: 'Renew licences', categoryId: 6, estimateMinutes: 60, rule: { kind: 'monthlyDay', interval: 1, monthDay: 1, start, until: null } });
  backend.close();

  const clock = { now: Date.parse(`${TODAY}T12:00:00Z`) };
  const today = openBackend({ dataDir: dir, mode: 'browser', version: 'bench', settings, now: () => clock.now, automaticBackups: false });
  const todayCall = async (name: string, input?: unknown) => {
    const envelope = await today.dispatch(name, input);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  };
  for (let entry = 0; entry < 3; entry += 1) {
    const startAt = Date.parse(`${TODAY}T12:00:00Z`) + entry * 50 * 60_000;
    // Logged once it has been worked: an entry may not start in the future.
    clock.now = startAt + 40 * 60_000;
    await todayCall('timeEntries:create', { worker: 'me', categoryId: 4, startAt, endAt: startAt + 40 * 60_000, note: 'morning' });
  }
  clock.now = TIMER_STARTED_AT;
  await todayCall('timer:start', { categoryId: 4, note: 'running' });
  // The cached file carries its after-hours and hour spread already filed, so no run re-files them.
  await today.jobs.idle();
  today.close();
}

interface Shape {
  tasks: number;
  entries: number;
  days: number;
  firstDay: string;
}

function seed(db: SqliteDatabase, { tasks, days, firstDay }: Shape): void {
  const insertDelegation = db.prepare('INSERT INTO delegations (category_id, start_day, end_day, created_at, updated_at) VALUES (?, ?, ?, 1, 1)');
  insertDelegation.run(2, '2019-03-04', null);
  insertDelegation.run(3, '2020-06-10', '2023-01-31');
  insertDelegation.run(3, '2024-02-01', null);
  insertDelegation.run(1, '2025-12-22', '2026-01-04');
  db.prepare('INSERT INTO msp_contracts (start_day, monthly_fee_cents, included_minutes, overage_rate_cents, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1)').run('2019-01-01', 400_000, 2400, 9500);
  const insertTechnician = db.prepare("INSERT INTO technicians (name, role, created_at, updated_at) VALUES (?, 'Technician', 1, 1)");
  insertTechnician.run('Ana');
  insertTechnician.run('Ravi');
  // A week off each summer.
  const insertTimeOff = db.prepare("INSERT INTO time_off (start_day, end_day, label, created_at, updated_at) VALUES (?, ?, 'Summer', 1, 1)");
  for (let year = Number(firstDay.slice(0, 4)) + 1; year <= Number(TODAY.slice(0, 4)); year += 1) {
    insertTimeOff.run(`${year}-07-13`, `${year}-07-19`);
  }

  const insertTask = db.prepare(
    `INSERT INTO tasks (title, notes, category_id, estimate_minutes, due_day, planned_day, priority, status, unplanned,
       created_at, updated_at, completed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let index = 0; index < tasks; index += 1) {
    const day = addDays(firstDay, Math.floor((index / tasks) * days));
    const open = index >= tasks - OPEN_TASKS;
    const createdAt = Date.parse(`${day}T14:00:00Z`) + (index % 8) * 3_600_000;
    insertTask.run(
      `${WORDS[index % 10]} ${WORDS[(index * 7) % 10]} ${index}`,
      index % 50 === 0 ? `notes about the firmware. ${LONG_NOTES}` : index % 5 === 0 ? 'notes about the firmware' : '',
      (index % 9) + 1,
      index % 5 === 0 ? null : ESTIMATES[index % 4],
      day,
      open && index % 3 === 0 ? addDays(TODAY, index % 5) : null,
      index % 4,
      open ? 'open' : 'done',
      index % 7 === 3 ? 1 : 0,
      createdAt,
      createdAt,
      open ? null : createdAt + 2 * 86_400_000,
    );
  }
  // The owner each task had by the delegation rule on its reference day (done ones included).
  db.exec(`UPDATE tasks SET owner = 'msp' WHERE EXISTS (
    SELECT 1 FROM delegations AS d WHERE d.category_id = tasks.category_id
      AND d.start_day <= coalesce(planned_day, due_day) AND (d.end_day IS NULL OR coalesce(planned_day, due_day) <= d.end_day))`);
}

function seedEntries(db: SqliteDatabase, calendar: ReturnType<typeof entryCalendar>, { tasks, entries, days, firstDay }: Shape): void {
  const insert = db.prepare(
    `INSERT INTO time_entries (worker, technician_id, category_id, task_id, start_at, end_at, start_day, after_hours_ms, hour_spread,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const taskCategory = (taskIndex: number) => (taskIndex % 9) + 1;
  const firstStart = Date.parse(`${firstDay}T14:00:00Z`);
  const facts = new Map<number, [string, number, string]>();
  let factsDay = -1;
  for (let index = 0; index < entries; index += 1) {
    const dayIndex = Math.floor((index / entries) * days);
    if (dayIndex !== factsDay) {
      facts.clear();
      factsDay = dayIndex;
    }
    const startAt = firstStart + dayIndex * 86_400_000 + (index % 6) * 3_600_000;
    const endAt = startAt + 45 * 60_000;
    const worker = index % 4 === 0 ? 'msp' : 'me';
    const technician = worker === 'msp' && index % 8 === 0 ? 1 + ((index >> 3) % 2) : null;
    // Two entries in three are on a task (about ten per task), in the task's category.
    const taskIndex = Math.min(tasks - 1, Math.floor((index / entries) * tasks));
    const onTask = index % 3 !== 0;
    const key = startAt * 2 + (worker === 'me' ? 1 : 0);
    let fact = facts.get(key);
    if (!fact) {
      const entry = { worker, startAt, endAt } as const;
      fact = [calendar.dayOf(startAt), calendar.afterHoursMs(entry), calendar.hourSpread(entry)];
      facts.set(key, fact);
    }
    insert.run(
      worker,
      technician,
      onTask ? taskCategory(taskIndex) : (index % 9) + 1,
      onTask ? taskIndex + 1 : null,
      startAt,
      endAt,
      fact[0],
      fact[1],
      fact[2],
      startAt,
      startAt,
    );
  }
}
