import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { JobCancelled } from '../../backend/jobs';
import { CANCEL_FLAG_BYTES, type WorkerMessage, type WorkerReply, type WorkerRequest } from './worker-protocol';

export interface WorkerRun {
  /** Aborting sets the worker's cancel flag; it stops at its next check and rolls back. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
}

type Request = WorkerRequest extends infer Each ? (Each extends WorkerRequest ? Omit<Each, 'cancel'> : never) : never;

interface Pending {
  id: number;
  request: Request;
  run: WorkerRun;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const ENDED = new AppError('INTERNAL', 'The data worker was stopped before it finished.');

/**
 * One data worker thread (`workerFile`, the built electron/workers/data-worker.ts): it runs the
 * tasks it is given one at a time, in order, and lives until `end()` — so an import's preview and
 * its apply can share one thread, and the apply reuses the rows the preview parsed. A failure in
 * the worker comes back as the same AppError, a cancel as JobCancelled; a thread that dies fails
 * its task and every later one with a clear message.
 */
export class DataWorker {
  private readonly worker: Worker | null = null;
  private readonly waiting: Pending[] = [];
  private running: Pending | null = null;
  private dead: AppError | null = null;
  private nextId = 1;

  constructor(workerFile: string) {
    try {
      this.worker = new Worker(workerFile);
    } catch (error) {
      this.dead = new AppError('INTERNAL', `The data worker could not start (${workerFile}): ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // An idle thread never keeps the process alive (a kept preview waits for its apply, or its end).
    this.worker.unref();
    this.worker.on('message', (message: WorkerReply) => this.receive(message));
    this.worker.on('error', (error) => this.die(new AppError('INTERNAL', `The data worker failed: ${error.message}`)));
    this.worker.on('exit', (code) => this.die(new AppError('INTERNAL', `The data worker stopped before finishing (exit code ${code}).`)));
  }

  run<Result>(request: Request, run: WorkerRun = {}): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, request, run, resolve: (value) => resolve(value as Result), reject };
      if (this.dead) reject(this.dead);
      else {
        this.waiting.push(pending);
        this.startNext();
      }
    });
  }

  /** Whether the thread still takes tasks (it has not died or been ended). */
  get alive(): boolean {
    return this.dead === null;
  }

  /** Whether a task is running or waiting. */
  get busy(): boolean {
    return this.running !== null || this.waiting.length > 0;
  }

  /**
   * Ends the thread: a task still running or waiting fails at once. An idle thread is asked to
   * end, so the housekeeping after its last task (a WAL fold) completes; one that does not end
   * within ten seconds, or is busy, is stopped.
   */
  end(): void {
    if (this.dead) return;
    const idle = !this.busy;
    this.dead = ENDED;
    this.running?.reject(ENDED);
    this.running = null;
    for (const pending of this.waiting.splice(0)) pending.reject(ENDED);
    if (!this.worker) return;
    if (!idle) {
      void this.worker.terminate();
      return;
    }
    this.worker.postMessage({ type: 'end' });
    setTimeout(() => void this.worker?.terminate(), 10_000).unref();
  }

  private startNext(): void {
    if (this.running || this.dead || !this.worker) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.running = next;
    this.worker.ref();
    const cancel = new SharedArrayBuffer(CANCEL_FLAG_BYTES);
    const flag = new Int32Array(cancel);
    const onAbort = () => Atomics.store(flag, 0, 1);
    if (next.run.signal?.aborted) onAbort();
    next.run.signal?.addEventListener('abort', onAbort);
    const settle = next.resolve;
    const fail = next.reject;
    next.resolve = (value) => {
      next.run.signal?.removeEventListener('abort', onAbort);
      settle(value);
    };
    next.reject = (error) => {
      next.run.signal?.removeEventListener('abort', onAbort);
      fail(error);
    };
    const message: WorkerMessage = { id: next.id, request: { ...next.request, cancel } };
    this.worker.postMessage(message);
  }

  private receive(message: WorkerReply): void {
    const current = this.running;
    if (!current || message.id !== current.id) return;
    switch (message.type) {
      case 'progress':
        current.run.onProgress?.(message.done, message.total);
        return;
      case 'done':
        current.resolve(message.value);
        break;
      case 'cancelled':
        current.reject(new JobCancelled());
        break;
      case 'failed':
        current.reject(new AppError(message.error.code, message.error.message, message.error.issues));
        break;
    }
    this.running = null;
    if (this.waiting.length === 0) this.worker?.unref();
    this.startNext();
  }

  private die(reason: AppError): void {
    if (this.dead) return;
    this.dead = reason;
    this.running?.reject(reason);
    this.running = null;
    for (const pending of this.waiting.splice(0)) pending.reject(reason);
    void this.worker?.terminate();
  }
}

/** Runs one task in a fresh data worker and ends the thread after it. */
export async function runDataWorker<Result>(workerFile: string, request: Request, run: WorkerRun = {}): Promise<Result> {
  const worker = new DataWorker(workerFile);
  try {
    return await worker.run<Result>(request, run);
  } finally {
    worker.end();
  }
}
