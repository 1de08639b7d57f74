import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startBackendWorker } from '../backend/backend-host';
import { CLOCK_ENVIRONMENT_VARIABLE, clockStartingAt, type Clock } from '../backend/clock';
import { defaultDataDir } from './data-dir';
import { startBrowserServer } from './server';

const USAGE = `Usage: npm start -- --web [--data-dir DIR] [--port N] [--clock INSTANT]
  --data-dir DIR   where the database and settings live (default: ${defaultDataDir()})
  --port N         the port on 127.0.0.1 (default: a free one)
  --clock INSTANT  start the app's clock at INSTANT (e.g. 2026-11-16T15:00:00Z) and run it from
                   there, for tests and demos; also read from $${CLOCK_ENVIRONMENT_VARIABLE}`;

async function main(): Promise<void> {
  let values: { 'data-dir'?: string | undefined; port?: string | undefined; clock?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        clock: { type: 'string' },
        help: { type: 'boolean' },
        web: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a whole number from 0 to 65535, not “${values.port}”.\n${USAGE}`);
    process.exit(2);
  }

  let now: Clock;
  try {
    now = clockStartingAt(values.clock ?? process.env[CLOCK_ENVIRONMENT_VARIABLE]);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }

  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const here = path.dirname(fileURLToPath(import.meta.url));
  // The same split as the desktop app: the backend runs in a worker thread (built beside this
  // file), so a long call never holds up this thread's HTTP server and event streams.
  const backend = await startBackendWorker({
    workerFile: path.join(here, 'backend-worker.mjs'),
    dataDir,
    mode: 'browser',
    version: __OFFLOAD_VERSION__,
    now,
    dataWorkerFile: path.join(here, 'data-worker.mjs'),
    // Nothing can be served without it; the data is safe (SQLite reads its -wal back on the next start).
    onStopped: () => process.exit(1),
  }).catch((error: unknown) => {
    console.error(`[offload] ${error instanceof Error ? error.message : String(error)}`);
    return process.exit(1);
  });
  const { settings } = backend;
  const rendererDir = path.join(here, '..', 'renderer');
  const server = await startBrowserServer({ backend, rendererDir, port });

  for (const notice of settings.notices) console.warn(`[offload] ${notice.message}`);
  console.log(`Offload ${__OFFLOAD_VERSION__} is running in browser mode. Data: ${dataDir}`);
  if (now !== Date.now) console.log(`The clock starts at ${new Date(now()).toISOString()} (--clock).`);
  console.log(`Open ${server.url}`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void server
      .close()
      .then(() => backend.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
