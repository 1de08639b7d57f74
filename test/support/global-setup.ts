import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data worker bundle the integration tests' backends run imports and exports in. */
    dataWorkerFile: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the real data worker (electron/workers/data-worker.ts) once per run with esbuild, as
 * scripts/build.mjs does, so the integration tests run imports in a real worker thread. It goes
 * inside the repository (test-results/, ignored by git) so that `require('better-sqlite3')`
 * resolves from node_modules like the app's own bundles.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  const outDir = fs.mkdtempSync(path.join(ROOT, 'test-results', 'data-worker-'));
  const outfile = path.join(outDir, 'data-worker.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'electron/workers/data-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    external: ['electron', 'better-sqlite3'],
    define: { __OFFLOAD_VERSION__: JSON.stringify('0.0.0-test') },
    banner: { js: "import { createRequire as __offloadRequire } from 'node:module'; const require = __offloadRequire(import.meta.url);" },
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  project.provide('dataWorkerFile', outfile);
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}
