import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../backend/backend';
import { openConfSettings } from '../settings/conf-settings';
import { defaultDataDir } from './data-dir';
import { startBrowserServer } from './server';

const USAGE = `Usage: npm start -- --web [--data-dir DIR] [--port N]
  --data-dir DIR  where the database and settings live (default: ${defaultDataDir()})
  --port N        the port on 127.0.0.1 (default: a free one)`;

async function main(): Promise<void> {
  let values: { 'data-dir'?: string | undefined; port?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
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

  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const settings = openConfSettings(dataDir);
  const backend = openBackend({ dataDir, mode: 'browser', version: __OFFLOAD_VERSION__, settings });
  const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  const server = await startBrowserServer({ backend, rendererDir, port });

  for (const notice of settings.notices) console.warn(`[offload] ${notice.message}`);
  console.log(`Offload ${__OFFLOAD_VERSION__} is running in browser mode. Data: ${dataDir}`);
  console.log(`Open ${server.url}`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void server.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
