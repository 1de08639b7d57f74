// `npm start`: opens the desktop app when Electron's binary is installed, otherwise (or with --web)
// starts browser mode and prints its URL. Arguments after `--` are passed on (--data-dir, --port).
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const passOn = args.filter((arg) => arg !== '--web');

function electronBinary() {
  // Requiring the package makes it fetch its binary on first use; ask in a child so a failed
  // download (no network) costs half a second and a message, not a crash.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const binary = probe.stdout?.trim();
  if (probe.status === 0 && binary && fs.existsSync(binary)) return { binary };
  const reason = (probe.stderr || probe.error?.message || 'unknown reason').trim().split('\n')[0];
  return { reason };
}

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = forceWeb ? { reason: '--web was given' } : electronBinary();
if (electron.binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron.binary, [root, ...passOn], env);
} else {
  console.log(`Starting browser mode (Electron not used: ${electron.reason}).`);
  run(process.execPath, [path.join(root, 'dist/server/cli.mjs'), ...passOn]);
}
