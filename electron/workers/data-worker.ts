/**
 * The data worker: imports, exports and restores run here, on a worker thread with its own
 * database connection, so the Electron main thread (and with it the window) never waits for them.
 * Built to dist/electron/data-worker.cjs and dist/server/data-worker.mjs (scripts/build.mjs);
 * electron/services/data/worker-client.ts starts one per task.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/api/errors';
import { JobCancelled } from '../backend/jobs';
import type { WorkerReply, WorkerRequest } from '../services/data/worker-protocol';
import { runWorkerTask } from '../services/data/worker-tasks';

const port = parentPort;
if (!port) throw new Error('data-worker.ts runs as a worker thread');
const reply = (message: WorkerReply) => port.postMessage(message);

try {
  reply({ type: 'done', value: runWorkerTask(workerData as WorkerRequest, reply) });
} catch (error) {
  if (error instanceof JobCancelled) reply({ type: 'cancelled' });
  else if (error instanceof AppError) reply({ type: 'failed', error: error.toShape() });
  else {
    console.error('[offload] data worker failed:', error);
    reply({ type: 'failed', error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } });
  }
}
