/**
 * The data worker: imports, exports and restores run here, on a worker thread with its own
 * database connection, so the Electron main thread (and with it the window) never waits for them.
 * Built to dist/electron/data-worker.cjs and dist/server/data-worker.mjs (scripts/build.mjs);
 * electron/services/data/worker-client.ts starts it and gives it tasks one at a time. Between
 * tasks it keeps the rows the last import preview parsed (worker-tasks.ts), for that import's apply.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage, WorkerReplyBody } from '../services/data/worker-protocol';
import { runWorkerTask, taskFailure } from '../services/data/worker-tasks';

const port = parentPort;
if (!port) throw new Error('data-worker.ts runs as a worker thread');

port.on('message', (message: WorkerMessage | { type: 'end' }) => {
  // Asked to end: the housekeeping of the last task is done (messages are handled in order).
  if ('type' in message) return port.close();
  const { id, request } = message;
  const reply = (body: WorkerReplyBody) => port.postMessage({ id, ...body });
  try {
    const outcome = runWorkerTask(request, reply);
    reply({ type: 'done', value: outcome.value });
    try {
      outcome.after();
    } catch (error) {
      // Housekeeping only (a WAL fold the next writer redoes): the task itself is done and said so.
      console.error('[offload] data worker: after the task:', error);
    }
  } catch (error) {
    const failure = taskFailure(request.task, error);
    if (failure.type === 'failed' && failure.error.code === 'INTERNAL') console.error('[offload] data worker failed:', error);
    reply(failure);
  }
});
