import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCrashChild, exists, random, startWriter, verifyCommits, type Commit } from '../support/crash-harness';
import { tempDir } from '../support/temp-backend';

/** A few rounds in `npm test`; `npm run soak` runs 200 (OFFLOAD_CRASH_ROUNDS). */
const ROUNDS = Number(process.env.OFFLOAD_CRASH_ROUNDS ?? 8);
const SEED = Number(process.env.OFFLOAD_CRASH_SEED ?? 20261116);

let childFile = '';
beforeAll(async () => {
  childFile = await bundleCrashChild();
}, 30_000);

describe('a writer killed with SIGKILL at random moments', () => {
  it(
    `loses no committed row and leaves a database that passes integrity_check (${ROUNDS} kills, seed ${SEED})`,
    async () => {
      const file = path.join(tempDir('offload-crash-'), 'offload.db');
      const next = random(SEED);
      const committed: Commit[] = [];
      let killedBeforeFirstCommit = 0;
      let tasksBefore = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const writer = startWriter(childFile, file, committed.length === 0 ? 0 : committed[committed.length - 1]!.sequence + 1);
        // Some kills land while it opens (and, the first time, migrates); most mid-stream.
        const delay = Math.floor(next() * 120);
        if (next() < 0.8) await writer.opened;
        await new Promise((resolve) => setTimeout(resolve, delay));
        writer.child.kill('SIGKILL');
        await writer.exited;
        if (writer.commits.length === 0) killedBeforeFirstCommit += 1;
        committed.push(...writer.commits);
        // Killed before SQLite created the file: nothing was committed, so there is nothing to check.
        if (!exists(file)) {
          expect(committed).toEqual([]);
          continue;
        }
        const check = verifyCommits(file, committed);
        expect(check.integrity, `round ${round}`).toBe('ok');
        expect(check.missing, `round ${round}: committed rows missing`).toEqual([]);
        // Beyond what it reported, at most the one transaction that committed as the kill came.
        expect(check.tasks - tasksBefore - writer.commits.length, `round ${round}`).toBeLessThanOrEqual(1);
        tasksBefore = check.tasks;
      }
      console.log(`[crash test] ${ROUNDS} kills, ${committed.length} reported commits all present; ${killedBeforeFirstCommit} kills before the first commit`);
      expect(committed.length).toBeGreaterThan(0);
    },
    Math.max(20_000, ROUNDS * 1_500),
  );
});
