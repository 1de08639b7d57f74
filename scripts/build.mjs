// Builds everything the app runs: the renderer (Vite), the Electron main process and preload, and
// the browser-mode server (esbuild). Outputs go to dist/; nothing here needs the Electron binary.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const started = performance.now();

fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  // better-sqlite3 is a native addon loaded from node_modules (asar-unpacked when packaged).
  external: ['electron', 'better-sqlite3'],
  define: { __OFFLOAD_VERSION__: JSON.stringify(pkg.version) },
  absWorkingDir: root,
};

await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' }),
  // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  esbuild({
    ...common,
    entryPoints: ['electron/browser-mode/cli.ts'],
    outfile: 'dist/server/cli.mjs',
    format: 'esm',
    banner: { js: "import { createRequire as __offloadRequire } from 'node:module'; const require = __offloadRequire(import.meta.url);" },
  }),
]);

if (fs.existsSync(path.join(root, 'bench'))) {
  await esbuild({
    ...common,
    // The renderer figures drive Chromium through Playwright, loaded from node_modules.
    external: [...common.external, '@playwright/test'],
    entryPoints: ['bench/bench.ts'],
    outfile: 'dist/bench/bench.mjs',
    format: 'esm',
    banner: { js: "import { createRequire as __offloadRequire } from 'node:module'; const require = __offloadRequire(import.meta.url);" },
  });
}

console.log(`Built Offload ${pkg.version} in ${Math.round(performance.now() - started)} ms → dist/`);
