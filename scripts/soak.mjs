// `npm run soak`: the crash test at full length — a writer committing through the app's own database
// module, killed with SIGKILL 200 times at random moments, every reported commit checked after each
// kill. `npm test` runs a few rounds of the same test. OFFLOAD_CRASH_ROUNDS and OFFLOAD_CRASH_SEED
// override the count and the seed (the seed is printed, so a failure can be repeated).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const rounds = process.env.OFFLOAD_CRASH_ROUNDS ?? '200';
const seed = process.env.OFFLOAD_CRASH_SEED ?? String(Date.now() % 2 ** 31);
console.log(`Crash soak: ${rounds} SIGKILLs, seed ${seed}`);
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/integration/crash.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, OFFLOAD_CRASH_ROUNDS: rounds, OFFLOAD_CRASH_SEED: seed },
});
process.exit(result.status ?? 1);
