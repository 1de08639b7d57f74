// Runs the unit and integration suites again with the machine's clock and zone moved to edges a
// test that leaned on the real date would trip over (issue 8): the suites must not care what day,
// time or zone they run in. Uses Debian's faketime (libfaketime) with a relative offset, so the
// faked clock keeps running and vitest's own timers behave.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Each edge: the instant the clock starts at, the zone the machine is in, and why it is an edge. */
const EDGES = [
  {
    instant: '2026-11-01T06:30:00Z',
    zone: 'Pacific/Kiritimati',
    why: 'the fall-back Sunday of America/Chicago at 01:30 (first pass), on a machine 14 hours ahead of UTC',
  },
  {
    instant: '2027-01-01T10:45:00Z',
    zone: 'Pacific/Pago_Pago',
    why: 'Dec 31 23:45 on a machine 11 hours behind UTC, a quarter hour before the year turns',
  },
];

const probe = spawnSync('faketime', ['-f', '+0s', 'true']);
if (probe.error || probe.status !== 0) {
  console.error('faketime is not installed: apt-get install faketime (Debian), or run .ci/run, which installs it.');
  process.exit(1);
}

const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
for (const edge of EDGES) {
  const offsetSeconds = Math.round((Date.parse(edge.instant) - Date.now()) / 1000);
  const offset = `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}s`;
  console.log(`\n▶ Unit and integration tests at ${edge.instant} in ${edge.zone}: ${edge.why}`);
  const run = spawnSync('faketime', ['-f', offset, vitest, 'run', '--reporter=dot'], {
    cwd: root,
    stdio: 'inherit',
    // vitest's workers run `node` from PATH: it must be the project's Node 22, as under npm scripts.
    env: { ...process.env, TZ: edge.zone, PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  if (run.status !== 0) {
    console.error(`✗ The suites failed with the clock at ${edge.instant} in ${edge.zone}.`);
    process.exit(run.status ?? 1);
  }
}
console.log('\n✓ The suites pass at every faked edge.');
