import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data worker bundle the integration tests' backends run imports and exports in. */
    dataWorkerFile: string;
    /** The backend worker bundle (electron/workers/backend-worker.ts) the hosted-backend tests start. */
    backendWorkerFile: string;
    /** The same serving loop with the test-only probe calls (test/support/backend-worker-probe.ts). */
    backendWorkerProbeFile: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the real data worker (electron/workers/data-worker.ts) and the backend worker
 * (electron/workers/backend-worker.ts, with its probe twin) once per run with esbuild, as
 * scripts/build.mjs does, so the integration tests run imports and hosted backends in real worker threads. It goes
 * inside the repository (test-results/, ignored by git) so that `require('better-sqlite3')`
 * resolves from node_modules like the app's own bundles.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  const outDir = fs.mkdtempSync(path.join(ROOT, 'test-results', 'data-worker-'));
  const bundle = (entry: string, name: string) => {
    const outfile = path.join(outDir, name);
    return build({
      entryPoints: [path.join(ROOT, entry)],
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
    }).then(() => outfile);
  };
  const [dataWorker, backendWorker, probe] = await Promise.all([
    bundle('electron/workers/data-worker.ts', 'data-worker.mjs'),
    bundle('electron/workers/backend-worker.ts', 'backend-worker.mjs'),
    bundle('test/support/backend-worker-probe.ts', 'backend-worker-probe.mjs'),
  ]);
  project.provide('dataWorkerFile', dataWorker);
  project.provide('backendWorkerFile', backendWorker);
  project.provide('backendWorkerProbeFile', probe);
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}
