import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_NOW, E2E_ZONE } from './e2e-clock';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningApp {
  /** The sign-in URL printed by the server (carries the per-run token). */
  url: string;
  origin: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

export function makeDataDir(prefix = 'offload-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface BrowserModeOptions {
  /** The instant the server's clock starts at (default: the suite's fixed instant). */
  clock?: string;
  /** The server's system time zone, which her zone follows while the setting is unset. */
  timeZone?: string;
}

/**
 * Starts the built browser-mode server (`dist/server/cli.mjs`) exactly as `npm start -- --web` does,
 * with its clock and system zone fixed so no test depends on the day or the machine it runs on.
 */
export async function startBrowserMode(dataDir: string, options: BrowserModeOptions = {}): Promise<RunningApp> {
  const args = [path.join(ROOT, 'dist/server/cli.mjs'), '--data-dir', dataDir, '--port', '0', '--clock', options.clock ?? E2E_NOW];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: options.timeZone ?? E2E_ZONE },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
