import fs from 'node:fs';
import { monitorEventLoopDelay, performance as hooks, type IntervalHistogram } from 'node:perf_hooks';
import type { Backend } from '../electron/backend/backend';
import { percentile } from './report';

/**
 * The import figures of `npm run bench`: 100,000 Toggl rows (≈ 14 MB) uploaded in pieces,
 * previewed and imported by the data worker into the ten-year database, measured as she would
 * live them, through the backend as the app runs it (in its worker thread, hosted-bench.ts). The
 * event loop of this thread — the Electron main thread's stand-in — is sampled all along: its
 * longest stall is what a frozen window would be.
 */

const ROWS = 100_000;
const pad = (value: number) => String(value).padStart(2, '0');

/** A Toggl detailed export of `count` of her entries, eight to ten a day, in years the seeded data does not cover. */
export function togglExport(count: number): string {
  const lines = ['\uFEFFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)'];
  const projects = ['Server admin', 'Desktop support', 'Network', 'Meetings', 'Vendors & licensing'];
  let at = Date.UTC(1990, 0, 2, 13, 0, 0);
  const dateAndTime = (ms: number) => {
    const date = new Date(ms - 5 * 3_600_000); // written in New York winter time; the zone is confirmed as UTC-5 below
    return [
      `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()}`,
      `${pad(((date.getUTCHours() + 11) % 12) + 1)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${date.getUTCHours() < 12 ? 'AM' : 'PM'}`,
    ];
  };
  for (let index = 0; index < count; index++) {
    const length = (15 + (index % 7) * 11) * 60_000 + (index % 60) * 1000;
    const [startDate, startTime] = dateAndTime(at);
    const [endDate, endTime] = dateAndTime(at + length);
    const description = index % 5 === 0 ? `"Patch, reboot and check ""srv-${index % 40}"" ✅"` : `Ticket ${index} follow-up`;
    lines.push(`Gail Moreno,gail@northwind.example,Northwind Traders,${projects[index % 5]},,${description},No,${startDate},${startTime},${endDate},${endTime},00:30:00,"ops, urgent",0.00`);
    at += length + 5 * 60_000;
    if (new Date(at).getUTCHours() >= 23) at += 14 * 3_600_000;
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface ImportFigure {
  label: string;
  /** The p50 (or the one figure). */
  measured: string;
  p95?: string;
  target: string;
  over: boolean;
  note?: string;
}

/** What one import costs, from the upload to the job done. */
interface ImportRun {
  uploadMs: number;
  uploadBusy: number;
  uploadStall: number;
  previewMs: number;
  previewBusy: number;
  previewStall: number;
  applyMs: number;
  applyCpuMs: number;
  applyBusy: number;
  applyStall: number;
}

/**
 * `as`: whose entries the rows become. Ten years of data leave 1990 free for hers; a hundred years
 * (1926–2026) leave no year her entries would not overlap, so there they go to the MSP team, whose
 * entries may overlap (the same rows, parse and writes).
 *
 * The import runs `runs` times, like every other figure, each time into the same data: `undo`
 * takes the last import's entries out again between runs (untimed), and the database must then
 * hold what it held before, or the bench stops.
 */
export async function importFigures(
  backend: Pick<Backend, 'dispatch' | 'subscribe'>,
  as: 'me' | 'msp',
  runs: number,
  undo: { mark: () => number; takeOut: (mark: number) => void; state: () => string },
): Promise<ImportFigure[]> {
  const bytes = Buffer.from(togglExport(ROWS), 'utf8');
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  // What the machine does to this thread with nothing to do (other processes, the OS): the floor under every stall below.
  stalls.enable();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idleStall = stalls.max / 1e6;
  stalls.disable();

  const before = undo.state();
  const samples: ImportRun[] = [];
  for (let run = 0; run < runs; run += 1) {
    const mark = undo.mark();
    samples.push(await importOnce(backend, as, bytes, stalls));
    undo.takeOut(mark);
    const after = undo.state();
    if (after !== before) throw new Error(`taking the import out did not leave the data as it was: ${before} before, ${after} after`);
  }

  const p50 = (pick: (run: ImportRun) => number) => percentile(samples.map(pick), 0.5);
  const p95 = (pick: (run: ImportRun) => number) => percentile(samples.map(pick), 0.95);
  const longest = (pick: (run: ImportRun) => number) => Math.max(...samples.map(pick));
  const rowsPerSecond = (ms: number) => Math.round(ROWS / (ms / 1000));
  const rate = (ms: number) => `${seconds(ms)} = ${rowsPerSecond(ms).toLocaleString('en-US')} rows/s`;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const n = `n=${samples.length}`;
  const stall = (label: string, pick: (run: ImportRun) => number): ImportFigure => ({
    label,
    measured: `${p50(pick).toFixed(1)} ms`,
    p95: `${p95(pick).toFixed(1)} ms`,
    target: '≤ 50 ms',
    over: longest(pick) > 50,
    note: `${n}; longest ${longest(pick).toFixed(1)} ms`,
  });
  const busyFigure = (label: string, busy: (run: ImportRun) => number, of: (run: ImportRun) => number): ImportFigure => ({
    label,
    measured: `${p50(busy).toFixed(0)} ms`,
    target: `of ${p50(of).toFixed(0)} ms`,
    over: false,
    note: n,
  });
  const throughput = (label: string, pick: (run: ImportRun) => number): ImportFigure => ({
    label,
    measured: rate(p50(pick)),
    p95: rate(p95(pick)),
    target: 'p50 ≥ 100,000 rows/s',
    over: rowsPerSecond(p50(pick)) < 100_000,
    note: n,
  });
  return [
    { label: 'longest event-loop stall over 3 s with nothing to do', measured: `${idleStall.toFixed(1)} ms`, target: '—', over: false },
    { label: `upload ${(bytes.length / 1e6).toFixed(1)} MB in pieces (import:chunk)`, measured: seconds(p50((run) => run.uploadMs)), p95: seconds(p95((run) => run.uploadMs)), target: '—', over: false, note: n },
    stall('  longest event-loop stall during the upload', (run) => run.uploadStall),
    busyFigure('  this thread busy during the upload', (run) => run.uploadBusy, (run) => run.uploadMs),
    { label: `preview ${ROWS.toLocaleString('en-US')} Toggl rows (import:preview)`, measured: seconds(p50((run) => run.previewMs)), p95: seconds(p95((run) => run.previewMs)), target: '—', over: false, note: n },
    stall('  longest event-loop stall during the preview', (run) => run.previewStall),
    busyFigure('  this thread busy during the preview', (run) => run.previewBusy, (run) => run.previewMs),
    throughput(`import ${ROWS.toLocaleString('en-US')} Toggl rows after their preview (import:apply → done; reuses the preview's parse)`, (run) => run.applyMs),
    throughput('  the same, by CPU time of all threads', (run) => run.applyCpuMs),
    {
      label: '  the first of those runs (the file grows; later runs reuse the pages the one before freed)',
      measured: rate(samples[0]!.applyMs),
      target: '—',
      over: false,
      note: `every run in order: ${samples.map((run) => run.applyMs.toFixed(0)).join(' ')} ms`,
    },
    { label: '  preview and import together, from the file uploaded to the job done', measured: rate(p50((run) => run.previewMs + run.applyMs)), target: '—', over: false, note: n },
    stall('  longest event-loop stall during the import', (run) => run.applyStall),
    busyFigure('  this thread busy during the import', (run) => run.applyBusy, (run) => run.applyMs),
    { label: 'CPU pressure on the machine (Linux PSI, share of the last 60 s with threads waiting)', measured: cpuPressure(), target: '—', over: false },
  ];
}

/** One upload, preview and import of the file, as she would live them, with this thread's stalls and busy time in each. */
async function importOnce(backend: Pick<Backend, 'dispatch' | 'subscribe'>, as: 'me' | 'msp', bytes: Buffer, stalls: IntervalHistogram): Promise<ImportRun> {
  const call = async (name: string, input?: unknown) => {
    const envelope = await backend.dispatch(name, input);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as never;
  };
  const mapping = {
    categories: { 'project:server admin': 2, 'project:desktop support': 3, 'project:network': 4, 'project:meetings': 8, 'project:vendors & licensing': 6 },
    workers: { 'email:gail@northwind.example': { worker: as, technicianId: null } },
  };
  // The time this thread itself was busy (not waiting for I/O): a stall without busy time is the OS
  // running other threads, not the app's work.
  let busyFrom = hooks.eventLoopUtilization();
  const busy = () => {
    const used = hooks.eventLoopUtilization(busyFrom);
    busyFrom = hooks.eventLoopUtilization();
    return used.active;
  };
  const { uploadId, chunkBytes, chunks } = (await call('import:begin', { fileName: 'toggl-100k.csv', size: bytes.length })) as { uploadId: string; chunkBytes: number; chunks: number };
  // The renderer encodes the pieces; only the main thread's share (decode, copy) is timed here.
  const pieces = Array.from({ length: chunks }, (_, index) => bytes.subarray(index * chunkBytes, (index + 1) * chunkBytes).toString('base64'));
  stalls.reset();
  stalls.enable();
  busy();
  let started = performance.now();
  for (const [index, data] of pieces.entries()) await call('import:chunk', { uploadId, index, data });
  const uploadMs = performance.now() - started;
  const uploadBusy = busy();
  const uploadStall = stalls.max / 1e6;
  stalls.reset();

  const request = { uploadId, kind: 'time-entries', timeZone: 'Etc/GMT+5', mapping };
  started = performance.now();
  const preview = (await call('import:preview', request)) as { status: string; counts?: { create: number; errors: number } };
  const previewMs = performance.now() - started;
  const previewBusy = busy();
  if (preview.status !== 'ready' || preview.counts?.create !== ROWS) throw new Error(`the preview did not find ${ROWS} rows to create: ${JSON.stringify(preview).slice(0, 400)}`);
  const previewStall = stalls.max / 1e6;
  stalls.reset();

  started = performance.now();
  // Process-wide CPU time (every thread, the worker's too): what the import costs whatever else the machine is doing.
  const cpuBefore = process.cpuUsage();
  const { job } = (await call('import:apply', request)) as { job: string };
  const outcome = await new Promise<{ outcome: string; message: string }>((resolve) => {
    const stop = backend.subscribe((event) => {
      if (event.type === 'jobFinished' && event.job === job) {
        stop();
        resolve(event);
      }
    });
  });
  const applyMs = performance.now() - started;
  const applyBusy = busy();
  const cpu = process.cpuUsage(cpuBefore);
  const applyStall = stalls.max / 1e6;
  stalls.disable();
  if (outcome.outcome !== 'done') throw new Error(`the import did not finish: ${outcome.message}`);
  // As the import screen does when she leaves it: the upload's file goes (untimed).
  await call('import:discard', { uploadId });
  return { uploadMs, uploadBusy, uploadStall, previewMs, previewBusy, previewStall, applyMs, applyCpuMs: (cpu.user + cpu.system) / 1000, applyBusy, applyStall };
}

/** `some avg60` of /proc/pressure/cpu: how much of the last minute runnable threads waited for a CPU (Linux only). */
function cpuPressure(): string {
  try {
    const match = /^some .*avg60=([\d.]+)/m.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'));
    return match ? `${match[1]} %` : '—';
  } catch {
    return '—';
  }
}
