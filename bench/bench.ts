/**
 * `npm run bench [-- --scale N] [--runs N] [--no-renderer] [--no-backend]`: a report, never a test.
 *
 * Ten years of one manager's data (scale 1: 50,000 tasks, 500,000 entries) or N times that
 * (`--scale 10`: a hundred years, 500,000 tasks and 5,000,000 entries) in a real SQLite file,
 * generated once and cached (see dataset.ts); then every screen's data call through the real
 * dispatcher, p50 and p95 over at least 30 runs beside its target, the naive versions measured
 * in the same run, the size of each screen's response, and the renderer in Chromium against
 * browser mode on the same data (renderer-figures.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../electron/backend/backend';
import { openDatabase } from '../electron/db/connection';
import { LATEST_SCHEMA_VERSION } from '../electron/db/migrations';
import { hourHeatmap } from '../electron/repositories/insights';
import { olderEras } from '../electron/repositories/search-index';
import { eraSearchCursor, purgeDeletedTasks } from '../electron/repositories/tasks';
import { openConfSettings } from '../electron/settings/conf-settings';
import type { CallArgs, CallName, CallResult } from '../shared/api/contract';
import { addDays, startOfWeek } from '../shared/domain/day';
import { nextOccurrence, toRRule } from '../shared/domain/recurrence';
import { copyDataset, dataset, NOW, TODAY } from './dataset';
import { naiveReclaimed, naiveWeeklyWorkload } from './naive';
import { hostedFigures } from './hosted-bench';
import { rendererFigures } from './renderer-figures';
import { amountLine, amountsLine, gapMeter, measure, measurePair, printSection, ratioLine, RUNS, timingLine, type Line } from './report';

const print = (line: string) => console.log(line);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: String(RUNS) }, 'no-renderer': { type: 'boolean', default: false }, 'no-backend': { type: 'boolean', default: false } },
    strict: true,
  });
  const scale = Number(values.scale);
  const runs = Number(values.runs);
  if (!Number.isInteger(scale) || scale < 1 || scale > 20) throw new Error(`--scale is a whole number from 1 to 20, not ${values.scale}`);
  if (!Number.isInteger(runs) || runs < RUNS) throw new Error(`--runs is at least ${RUNS}`);

  const data = await dataset(scale, print);
  const [load1, load5] = os.loadavg();
  print(
    `# offload bench · scale ${scale} (${data.days / 365} years: ${data.tasks.toLocaleString('en-US')} tasks, ${data.entries.toLocaleString('en-US')} entries) · ` +
      `schema ${LATEST_SCHEMA_VERSION} · ${os.cpus().length} cores · node ${process.versions.node} · sqlite ${sqliteVersion()} · load ${load1!.toFixed(1)}/${load5!.toFixed(1)}`,
  );
  print(
    data.generatedMs === null
      ? `# data: cached ${data.cacheDir} (${(data.fileBytes / 1e6).toFixed(0)} MB)`
      : `# data: generated in ${(data.generatedMs / 1000).toFixed(1)} s (${Math.round(data.entries / (data.generatedMs / 1000)).toLocaleString('en-US')} entries/s with every trigger and index), ${(data.fileBytes / 1e6).toFixed(0)} MB`,
  );
  print(`# times: wall-clock ms over ${runs} runs after 3 warm-up runs; p95 = nearest rank; today ${TODAY}, her zone America/Chicago, a running timer`);

  const dataDir = copyDataset(data);
  try {
    if (!values['no-backend']) {
      const lines = await backendFigures(dataDir, runs, scale);
      printSection('backend: each screen’s data call through the dispatcher', lines.timings, print);
      printSection('backend: against the naive versions, same run, interleaved', lines.ratios, print);
      printSection('backend: what each screen receives (largest response)', lines.sizes, print);
      printSection('backend: backups and imports in their workers, and what the main thread feels', lines.workers, print);
    }
    if (!values['no-renderer']) {
      const rendererDir = copyDataset(data);
      try {
        printSection('renderer: Chromium against browser mode on the same data', await rendererFigures(rendererDir, runs), print);
      } finally {
        fs.rmSync(rendererDir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function sqliteVersion(): string {
  const db = openDatabase(':memory:');
  try {
    return (db.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get()?.version) ?? '?';
  } finally {
    db.close();
  }
}

interface BackendLines {
  timings: Line[];
  ratios: Line[];
  sizes: Line[];
  workers: Line[];
}

/** The built data worker (npm run bench builds it beside the bench). */
const DATA_WORKER = path.join(import.meta.dirname, '../server/data-worker.mjs');

/** Pure CPU in SQLite (the VDBE and its sorter), reading no table: the machine reference. */
const REFERENCE_SQL = `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000)
  SELECT sum(x % 7) FROM (SELECT x FROM n ORDER BY (x * 7919) % 200003)`;

async function backendFigures(dataDir: string, runs: number, scale: number): Promise<BackendLines> {
  const file = path.join(dataDir, 'offload.db');
  const settings = openConfSettings(dataDir);
  const timings: Line[] = [];
  const ratios: Line[] = [];
  const sizes: Line[] = [];

  // Only after a crash or a file changed behind Offload's back: a clean close skips quick_check (run-marker.ts),
  // and the open after one is the next line's openBackend. quick_check reads every page of the file.
  timings.push(
    timingLine('open the database after an unclean close (openDatabase, quick_check)', await measure(() => openDatabase(file).close(), runs), null, `quick_check of ${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB`),
  );
  const opens = { wall: [] as number[], cpu: [] as number[] };
  for (let run = 0; run < runs + 3; run += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const opened = openBackend({ dataDir, mode: 'browser', version: 'bench', settings, now: () => NOW, automaticBackups: false });
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    opened.close();
    if (run >= 3) {
      opens.wall.push(wall);
      opens.cpu.push((used.user + used.system) / 1000);
    }
  }
  timings.push(timingLine('open backend (openBackend: migrate, purge, recurring, owners, facts)', opens, { on: 'p50', atMost: 30 }));

  // Backups are measured on their own below, not left to the backend's timer during the other figures.
  let now = NOW;
  const backend: Backend = openBackend({ dataDir, mode: 'browser', version: 'bench', settings, now: () => now, automaticBackups: false, dataWorkerFile: DATA_WORKER });
  // Opening files her entries' after-hours and hour spread for her zone in a job, and compacts the
  // newest tasks' search index in steps after tasks left it: measure after both.
  await backend.jobs.idle();
  await backend.settled();
  const db = backend.db!;
  const call = async <Name extends CallName>(name: Name, ...args: CallArgs<Name>): Promise<CallResult<Name>> => {
    const envelope = await backend.dispatch(name, args[0]);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as CallResult<Name>;
  };
  const time = async <Name extends CallName>(figure: string, atMost: number, name: Name, ...args: CallArgs<Name>) => {
    timings.push(timingLine(figure, await measure(() => call(name, ...args), runs), { on: 'p50', atMost }));
  };
  const size = async <Name extends CallName>(figure: string, name: Name, ...args: CallArgs<Name>) => {
    sizes.push(amountLine(figure, Buffer.byteLength(JSON.stringify(await call(name, ...args))) / 1024, 'KB', 64));
  };
  const config = settings.get();
  const yearAgo = addDays(TODAY, -364);
  const thisWeek = startOfWeek(TODAY, config.weekStartsOn);

  // The same fixed work in every run, on no data: how fast this machine is at this moment, so runs on
  // other machines (or the same one under other load) can be compared. Again after the figures.
  const reference = db.prepare<[], number>(REFERENCE_SQL).pluck();
  const referenceLine = (when: string) => async () =>
    timings.push(timingLine(`machine reference, ${when}: the same SQLite sort of 200,000 generated rows, no data`, await measure(() => reference.get(), runs), null, 'compares machines and runs, not the app'));
  await referenceLine('before the figures')();

  // Her entries go in the small hours of past days (the generated ones run 08:00–14:45 there), before her running timer.
  for (const worker of ['me', 'msp'] as const) {
    let slot = 0;
    const samples = await measure(() => {
      const startAt = Date.parse(`${addDays(TODAY, -2 - Math.floor(slot / 90))}T03:00:00Z`) + (slot % 90) * 120_000;
      slot += 1;
      return call('timeEntries:create', { worker, categoryId: 2, startAt, endAt: startAt + 60_000 });
    }, runs);
    timings.push(timingLine(`log a time entry for ${worker === 'me' ? 'her' : 'the MSP'} (timeEntries:create, timer running)`, samples, { on: 'p95', atMost: 2 }));
  }

  await time('Today (today:summary)', 20, 'today:summary');
  await time('Tasks, default view: active (tasks:list)', 20, 'tasks:list', { status: 'active', limit: 100 });
  const all = { status: 'all', sort: 'urgency', limit: 100 } as const;
  await time('Tasks, all by urgency, page 1 (tasks:list)', 20, 'tasks:list', all);
  let input: CallArgs<'tasks:list'>[0] = all;
  for (let page = 1; page < 50; page += 1) {
    const result = await call('tasks:list', input);
    if (result.next === null) break;
    input = { ...all, after: result.next };
  }
  await time('Tasks, all by urgency, page 50 (tasks:list)', 20, 'tasks:list', input);
  await time('Tasks, done, newest completed first, page 1 (tasks:list)', 20, 'tasks:list', { status: 'done', limit: 100 });
  await time('Tasks, all by title, page 1 (tasks:list)', 20, 'tasks:list', { status: 'all', sort: 'title', limit: 100 });
  await time('Tasks, all of one category by urgency (tasks:list)', 20, 'tasks:list', { status: 'all', categoryId: 4, limit: 100 });
  timings.push(
    timingLine('full-text search, a common word "firewall" (tasks:list)', await measure(() => call('tasks:list', { status: 'all', search: 'firewall', limit: 100 }), runs), { on: 'p95', atMost: 10 }),
  );
  const firewall = { status: 'all', search: 'firewall', limit: 100 } as const;
  const firewallNext = (await call('tasks:list', firewall)).next;
  if (firewallNext !== null) {
    timings.push(timingLine('full-text search "firewall", page 2 (tasks:list)', await measure(() => call('tasks:list', { ...firewall, after: firewallNext }), runs), { on: 'p95', atMost: 10 }));
  }
  // Past her newest 50,000 tasks a search steps back an era of 50,000 older ones at a time, when she
  // asks (a last page's `further`): the newest era (partly filled: the tasks that left the window
  // since the last whole era) and the next one (whole), and on the 100-year file the oldest too.
  const eras = olderEras(db);
  const stepBack = async (figure: string, search: { status: 'all'; search: string; limit: number }, era: number | undefined) => {
    if (era === undefined) return;
    const after = eraSearchCursor(era, 0);
    timings.push(timingLine(figure, await measure(() => call('tasks:list', { ...search, after }), runs), { on: 'p95', atMost: 10 }));
  };
  const wholeEra = eras.find((era) => era !== eras[0]);
  await stepBack('full-text search "firewall", a step further back: her newest older era (tasks:list)', firewall, eras[0]);
  await stepBack('full-text search "firewall", a step further back: a whole era, 50,000 older tasks (tasks:list)', firewall, wholeEra);
  // As the screens send them: the Tasks screen opens on active tasks, and the palette suggests
  // eight active ones per keystroke; both search her open tasks, however old (migration 017).
  timings.push(
    timingLine(
      'full-text search "firewall", Tasks screen default view: active (tasks:list)',
      await measure(() => call('tasks:list', { status: 'active', search: 'firewall', limit: 100 }), runs),
      { on: 'p95', atMost: 10 },
    ),
    timingLine(
      'command palette, "firewall" as she types (tasks:list, 8 active)',
      await measure(() => call('tasks:list', { status: 'active', search: 'firewall', limit: 8 }), runs),
      { on: 'p95', atMost: 10 },
    ),
  );
  // Two words with few matches together (none in the bench data): the Tasks screen searches her
  // newest 50,000 tasks, then an era of older ones each time she asks to search further back.
  const vpnFirm = { status: 'all', search: 'vpn firm', limit: 100 } as const;
  timings.push(
    timingLine('full-text search, two prefixes "vpn firm", Tasks screen (tasks:list)', await measure(() => call('tasks:list', vpnFirm), runs), {
      on: 'p95',
      atMost: 10,
    }),
  );
  await stepBack('full-text search, two prefixes "vpn firm", a step further back: her newest older era (tasks:list)', vpnFirm, eras[0]);
  await stepBack('full-text search, two prefixes "vpn firm", a step further back: a whole era, 50,000 older tasks (tasks:list)', vpnFirm, wholeEra);
  if (eras.length > 2) await stepBack('full-text search, two prefixes "vpn firm", a step further back: her oldest era (tasks:list)', vpnFirm, eras.at(-1));
  // After the lists and searches, which it would change: a task written, open, through all three
  // of its search indexes (every task's, the newest's with one task leaving it, the open ones').
  // Held to the target of her other everyday write, logging an entry.
  let added = 0;
  timings.push(
    timingLine(
      'add a task with notes (tasks:create)',
      await measure(() => call('tasks:create', { title: `Order toner for the front desk printer ${(added += 1)}`, notes: 'Ask for the invoice to go to accounts.', categoryId: 4 }), runs),
      { on: 'p95', atMost: 2 },
    ),
  );
  await time('recurring work on Tasks (recurring:list)', 20, 'recurring:list');
  await time('Week plan, this week (weekPlan:get)', 20, 'weekPlan:get', { weekStart: thisWeek });
  await time('Week plan, last week in review (weekPlan:review)', 20, 'weekPlan:review', { weekStart: addDays(thisWeek, -7) });
  await time('MSP queue (msp:queue)', 20, 'msp:queue', {});
  await time('MSP setup (msp:get)', 20, 'msp:get');
  await time('contract burn-down (msp:burnDown)', 20, 'msp:burnDown');
  await time('what-if averages (reclaimed:averages)', 20, 'reclaimed:averages');
  await time('delegations on the MSP screen (reclaimed:report, 1 week)', 30, 'reclaimed:report', { weeks: 1 });
  await time('Time off, the last year and ahead (timeOff:list)', 20, 'timeOff:list', { from: addDays(TODAY, -365) });
  await time('  all her time off (timeOff:list, on request)', 20, 'timeOff:list', {});
  await time('app status (app:status)', 20, 'app:status');

  const [report, rawReport] = await measurePair(() => call('reclaimed:report', { weeks: 12 }), () => naiveReclaimed(db, config, TODAY), runs);
  timings.push(timingLine('hours reclaimed on Insights, 12 weeks + all-time totals (reclaimed:report)', report, { on: 'p50', atMost: 30 }));
  ratios.push(ratioLine('reclaimed:report vs raw GROUP BY over entries', report, rawReport, 10, 'raw GROUP BY + the same rules'));
  await time('hours reclaimed, every week since the first delegation (reclaimed:report)', 30, 'reclaimed:report');

  const [weekly, naiveWeekly] = await measurePair(
    () => call('workload:weeks', { from: yearAgo, to: TODAY }),
    () => naiveWeeklyWorkload(db, config, yearAgo, TODAY),
    runs,
  );
  timings.push(timingLine('weekly workload, a year of weeks (workload:weeks)', weekly, { on: 'p50', atMost: 30 }));
  ratios.push(ratioLine('workload:weeks vs loading entries and summing in JS', weekly, naiveWeekly, 20, 'load and sum'));
  await time('a year of chart data (insights:charts)', 30, 'insights:charts', { from: yearAgo, to: TODAY });
  timings.push(timingLine('the heatmap of a year (hour_month_rollup and part-months, inside insights:charts)', await measure(() => hourHeatmap(db, yearAgo, TODAY, null), runs), { on: 'p50', atMost: 20 }));
  await time('all of her history by month (insights:charts)', 30, 'insights:charts', { from: addDays(TODAY, -365 * 10 * 1), to: TODAY });
  await time('leadership report, last month (insights:report)', 30, 'insights:report', { fromMonth: '2026-10', toMonth: '2026-10' });
  await time('Timesheet, this week, hers and the MSP’s (timesheet:week)', 20, 'timesheet:week', { day: TODAY, worker: null });
  await time('Timesheet, one day on its axis (timesheet:day)', 20, 'timesheet:day', { day: addDays(TODAY, -1), worker: null });

  timings.push(timingLine('purge of deleted tasks (on open)', await measure(() => purgeDeletedTasks(db, NOW), runs), null));
  const tenYearDaily = toRRule({ kind: 'daily', interval: 1, start: '2016-01-01', until: null });
  timings.push(timingLine('next occurrence of a ten-year-old daily series', await measure(() => nextOccurrence(tenYearDaily, TODAY), runs), { on: 'p50', atMost: 5 }));
  await referenceLine('after them')();

  await size('Today (today:summary)', 'today:summary');
  await size('Tasks page (tasks:list, 100 rows)', 'tasks:list', all);
  await size('a task with long notes (tasks:get)', 'tasks:get', { id: 1 });
  await size('Insights (reclaimed:report, 12 weeks)', 'reclaimed:report', { weeks: 12 });
  // No screen asks for the whole history's weeks (Insights asks for 12, the MSP screen for 1): it grows with history.
  const allWeeks = await call('reclaimed:report');
  sizes.push(amountLine('every week since the first delegation (reclaimed:report, no screen)', Buffer.byteLength(JSON.stringify(allWeeks)) / 1024, 'KB', null, `${allWeeks.weeks.length} weeks`));
  await size('a year of chart data (insights:charts)', 'insights:charts', { from: yearAgo, to: TODAY });
  await size('Week plan (weekPlan:get)', 'weekPlan:get', { weekStart: thisWeek });
  await size('MSP queue (msp:queue)', 'msp:queue', {});
  await size('recurring work (recurring:list)', 'recurring:list');
  await size('all of her history by month (insights:charts)', 'insights:charts', { from: addDays(TODAY, -3650), to: TODAY });
  await size('Timesheet week (timesheet:week)', 'timesheet:week', { day: TODAY, worker: null });

  const workers = await workerFigures(backend, (instant) => (now = instant), () => now);
  // The same data through the backend worker, as the app runs it, beside this in-process backend.
  workers.push(...(await hostedFigures(dataDir, backend, () => now, runs, scale > 1 ? 'msp' : 'me')));
  backend.close();
  return { timings, ratios, sizes, workers };
}

/**
 * A backup (VACUUM INTO + integrity_check + SHA-256) in its worker thread, beside the longest gap
 * between this thread's 5 ms ticks — what the window would feel — and the same gap with nothing
 * running (the machine's own noise). The import is measured through the backend worker
 * (hosted-bench.ts).
 */
async function workerFigures(backend: Backend, setNow: (instant: number) => void, getNow: () => number): Promise<Line[]> {
  const lines: Line[] = [];
  const gap = gapMeter();
  try {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    lines.push(amountLine('longest main-thread gap with nothing running (noise)', gap.longest(), 'ms', null));
    const gaps: number[] = [];
    const took: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      setNow(getNow() + 3_600_000);
      gap.reset();
      const started = performance.now();
      await backend.backups.backUp('manual');
      took.push(performance.now() - started);
      gaps.push(gap.longest());
    }
    lines.push(amountsLine('back up (VACUUM INTO, integrity_check, SHA-256, in a worker)', took, null, 'off the main thread'));
    lines.push(amountsLine('longest main-thread gap during a backup', gaps, { on: 'p50', atMost: 50 }));
  } finally {
    gap.stop();
  }
  return lines;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
