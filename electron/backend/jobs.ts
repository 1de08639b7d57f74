import { AppError } from '../../shared/api/errors';
import type { JobKind } from '../../shared/api/events';
import type { EventHub } from './events';

/** What a long job is handed: where to report how far it got, and the signal to stop at. */
export interface JobContext {
  /** The job's id, as start() returned it (for what the job leaves behind, such as a prepared download). */
  readonly job: string;
  readonly signal: AbortSignal;
  /** Reports progress; sent at most every `PROGRESS_INTERVAL_MS` so a fast loop cannot flood a window. */
  progress(done: number, total?: number | null): void;
}

export interface RunningJob {
  job: string;
  kind: JobKind;
  label: string;
  done: number;
  total: number | null;
}

export interface Jobs {
  /**
   * Starts `run` and returns its id at once. Progress and the outcome go out as events; `run`
   * resolves with the message she reads when it is done, and should stop soon after the signal aborts.
   */
  start(kind: JobKind, label: string, run: (context: JobContext) => Promise<string>): string;
  /** Asks a running job to stop; false when there is no such job (already finished, or never was). */
  cancel(job: string): boolean;
  running(): RunningJob[];
  /** Resolves when every job started so far has finished (for shutdown and tests). */
  idle(): Promise<void>;
}

export const PROGRESS_INTERVAL_MS = 100;

/** Thrown (or rejected with) by a job that noticed its signal: the outcome is "cancelled", not "failed". */
export class JobCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'JobCancelled';
  }
}

export function createJobs(events: EventHub, now: () => number = Date.now): Jobs {
  const running = new Map<string, { info: RunningJob; controller: AbortController; finished: Promise<void> }>();
  let counter = 0;

  return {
    start(kind, label, run) {
      counter += 1;
      const job = `${kind}-${counter}`;
      const controller = new AbortController();
      const info: RunningJob = { job, kind, label, done: 0, total: null };
      let lastSent = now();
      const context: JobContext = {
        job,
        signal: controller.signal,
        progress(done, total) {
          info.done = done;
          if (total !== undefined) info.total = total;
          const at = now();
          if (at - lastSent < PROGRESS_INTERVAL_MS && (info.total === null || done < info.total)) return;
          lastSent = at;
          events.emit({ type: 'progress', ...info });
        },
      };
      events.emit({ type: 'progress', ...info });
      const finished = Promise.resolve()
        .then(() => run(context))
        .then(
          // A job that returns did its work, even if a cancel came too late to stop it (an import that
          // had already committed): it says what it did. A job that stopped throws JobCancelled.
          (message) => {
            running.delete(job);
            events.emit({ type: 'jobFinished', job, kind, label, outcome: 'done', message });
          },
          (error: unknown) => {
            running.delete(job);
            const cancelled = error instanceof JobCancelled || controller.signal.aborted;
            if (!cancelled && !(error instanceof AppError)) console.error(`[offload] ${job} failed:`, error);
            events.emit({
              type: 'jobFinished',
              job,
              kind,
              label,
              outcome: cancelled ? 'cancelled' : 'failed',
              message: cancelled ? 'Cancelled; nothing was changed.' : error instanceof Error ? error.message : String(error),
            });
          },
        );
      running.set(job, { info, controller, finished });
      return job;
    },
    cancel(job) {
      const entry = running.get(job);
      if (!entry) return false;
      entry.controller.abort();
      return true;
    },
    running: () => [...running.values()].map((entry) => ({ ...entry.info })),
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()].map((entry) => entry.finished));
    },
  };
}
