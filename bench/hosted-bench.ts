import path from 'node:path';
import type { Backend } from '../electron/backend/backend';
import type { SqliteDatabase } from '../electron/db/connection';
import { startBackendWorker, type HostedBackend } from '../electron/backend/backend-host';
import type { CallArgs, CallName } from '../shared/api/contract';
import { importFigures } from './import-bench';
import { amountsLine, gapMeter, longestOfRuns, measurePair, percentile, timingLine, type Line } from './report';

/** The built backend worker and data worker (npm run bench builds them beside the bench). */
const BACKEND_WORKER = path.join(import.meta.dirname, '../server/backend-worker.mjs');
const DATA_WORKER = path.join(import.meta.dirname, '../server/data-worker.mjs');

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/**
 * The backend as the app runs it: in its worker thread (electron/backend/backend-host.ts), on the
 * same data. One small call's round trip through the worker, interleaved with the same call
 * in-process; and the longest gap between this thread's 5 ms ticks — the Electron main thread's
 * stand-in — while the worker backs up the whole file and while it answers the heaviest screen call
 * again and again; then the 100,000-row import through it (import-bench.ts), with this thread's
 * longest stall.
 */
export async function hostedFigures(dataDir: string, inProcess: Backend, now: () => number, runs: number, importAs: 'me' | 'msp'): Promise<Line[]> {
  const hosted = await startBackendWorker({ workerFile: BACKEND_WORKER, dataDir, mode: 'browser', version: 'bench', now, automaticBackups: false, dataWorkerFile: DATA_WORKER });
  const lines: Line[] = [];
  try {
    const call = async <Name extends CallName>(backend: Pick<Backend, 'dispatch'>, name: Name, ...args: CallArgs<Name>): Promise<unknown> => {
      const envelope = await backend.dispatch(name, args[0]);
      if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
      return envelope.value;
    };
    const small = { status: 'active', limit: 20 } as const;
    const [through, direct] = await measurePair(() => call(hosted, 'tasks:list', small), () => call(inProcess, 'tasks:list', small), runs);
    lines.push(
      timingLine('one small call through the backend worker (tasks:list active, 20 rows)', through, null, `in-process, same run: p50 ${ms(percentile(direct.wall, 0.5))} ms, p95 ${ms(percentile(direct.wall, 0.95))} ms`),
    );

    const gap = gapMeter();
    try {
      const gaps: number[] = [];
      const took: number[] = [];
      for (let run = 0; run < 3; run += 1) {
        gap.reset();
        const started = performance.now();
        await backUp(hosted);
        took.push(performance.now() - started);
        gaps.push(gap.longest());
      }
      lines.push(
        amountsLine('longest host-thread gap while the backend worker backs up the whole file', gaps, { on: 'p50', atMost: 50 }, `each backup p50 ${ms(percentile(took, 0.5))} ms`),
      );
      // The heaviest screen call, `runs` times: the longest gap during each call, judged like the
      // import's stalls (the longest of them all against the target), its p50 compared across runs.
      const heavy: number[] = [];
      const heavyGaps: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        gap.reset();
        const started = performance.now();
        await call(hosted, 'reclaimed:report');
        heavy.push(performance.now() - started);
        heavyGaps.push(gap.longest());
      }
      lines.push(longestOfRuns('longest host-thread gap during a call of every week since the first delegation (reclaimed:report)', heavyGaps, 50, `each call p50 ${ms(percentile(heavy, 0.5))} ms`));
    } finally {
      gap.stop();
    }
    const db = inProcess.db;
    if (!db) throw new Error('the in-process backend has no database open');
    for (const figure of await importFigures(hosted, importAs, runs, importUndo(db))) {
      lines.push([figure.label, figure.measured, figure.p95 ?? '', figure.target, figure.over ? 'OVER' : 'ok', figure.note ?? '']);
    }
  } finally {
    await hosted.close();
  }
  return lines;
}

/**
 * Between two imports, on the bench's own connection to the same file (untimed): the entries from
 * the first id the import wrote on are deleted through their triggers, which take them out of
 * every rollup, and the day rows they leave at zero go too. `state` sums what an import changes,
 * so the bench can check that the next import starts from the same data.
 */
function importUndo(db: SqliteDatabase): { mark: () => number; takeOut: (mark: number) => void; state: () => string } {
  return {
    mark: () => db.prepare<[], number>('SELECT coalesce(max(id), 0) + 1 FROM time_entries').pluck().get()!,
    takeOut(mark) {
      db.transaction(() => {
        db.prepare('DELETE FROM time_entries WHERE id >= ?').run(mark);
        db.prepare('DELETE FROM daily_rollup WHERE entries = 0').run();
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    state: () =>
      JSON.stringify(
        db
          .prepare(
            `SELECT (SELECT count(*) FROM time_entries) AS entries, (SELECT count(*) FROM time_entry_source_keys) AS keys,
               (SELECT count(*) || ' ' || sum(ms) || ' ' || sum(entries) FROM daily_rollup) AS days,
               (SELECT count(*) || ' ' || sum(ms) || ' ' || sum(entries) FROM weekly_rollup) AS weeks,
               (SELECT count(*) || ' ' || sum(ms) || ' ' || sum(days) FROM monthly_rollup) AS months,
               (SELECT count(*) || ' ' || sum(ms) FROM hour_month_rollup) AS hours,
               (SELECT count(*) FROM tasks) AS tasks`,
          )
          .get(),
      ),
  };
}

/** "Back up now" through the worker: the call starts a job; its end arrives as an event. */
async function backUp(hosted: HostedBackend): Promise<void> {
  let job: string | null = null;
  let finished: string | null = null;
  const done = new Promise<void>((resolve, reject) => {
    const unsubscribe = hosted.subscribe((event) => {
      if (event.type !== 'jobFinished' || event.kind !== 'backup') return;
      finished = event.job;
      if (job !== null && finished !== job) return;
      unsubscribe();
      if (event.outcome === 'done') resolve();
      else reject(new Error(`backup ${event.outcome}: ${event.message}`));
    });
  });
  const envelope = await hosted.dispatch('backups:create', undefined);
  if (!envelope.ok) throw new Error(`backups:create: ${envelope.error.message}`);
  job = (envelope.value as { job: string }).job;
  await done;
}
