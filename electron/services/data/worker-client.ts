import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { JobCancelled } from '../../backend/jobs';
import { CANCEL_FLAG_BYTES, type WorkerReply, type WorkerRequest } from './worker-protocol';

export interface WorkerRun {
  /** Aborting sets the worker's cancel flag; it stops at its next check and rolls back. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
}

type Request = WorkerRequest extends infer Each ? (Each extends WorkerRequest ? Omit<Each, 'cancel'> : never) : never;

/**
 * Runs one task in a fresh data worker (`workerFile`, the built electron/workers/data-worker.ts)
 * and resolves with its result. A failure in the worker comes back as the same AppError, a cancel
 * as JobCancelled.
 */
export function runDataWorker<Result>(workerFile: string, request: Request, run: WorkerRun = {}): Promise<Result> {
  const cancel = new SharedArrayBuffer(CANCEL_FLAG_BYTES);
  const flag = new Int32Array(cancel);
  return new Promise<Result>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = () => Atomics.store(flag, 0, 1);
    if (run.signal?.aborted) onAbort();
    run.signal?.addEventListener('abort', onAbort);

    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: { ...request, cancel } });
    } catch (error) {
      settle(() => reject(new AppError('INTERNAL', `The data worker could not start (${workerFile}): ${error instanceof Error ? error.message : String(error)}`)));
      return;
    }
    worker.on('message', (message: WorkerReply) => {
      switch (message.type) {
        case 'progress':
          run.onProgress?.(message.done, message.total);
          break;
        case 'done':
          settle(() => resolve(message.value as Result));
          break;
        case 'cancelled':
          settle(() => reject(new JobCancelled()));
          break;
        case 'failed':
          settle(() => reject(new AppError(message.error.code, message.error.message, message.error.issues)));
          break;
      }
    });
    worker.on('error', (error) => settle(() => reject(new AppError('INTERNAL', `The data worker failed: ${error.message}`))));
    worker.on('exit', (code) => settle(() => reject(new AppError('INTERNAL', `The data worker stopped before finishing (exit code ${code}).`))));
  });
}
