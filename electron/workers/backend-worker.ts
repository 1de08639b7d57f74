/**
 * The backend worker: the whole backend — SQLite, every handler, backups' timer, jobs, the open and
 * the close — runs here, on a worker thread, so a long call never holds up the Electron main thread
 * (and with it the window) or the browser-mode server. Built to dist/electron/backend-worker.cjs and
 * dist/server/backend-worker.mjs (scripts/build.mjs); electron/backend/backend-host.ts starts it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackendWorkerInit } from '../backend/backend-worker-protocol';
import { serveBackend } from '../backend/backend-worker-serve';

if (!parentPort) throw new Error('backend-worker.ts runs as a worker thread');
serveBackend(parentPort, workerData as BackendWorkerInit);
