// Builds everything the app runs: the renderer (Vite), the Electron main process and preload, and
// the browser-mode server (esbuild). Outputs go to dist/; nothing here needs the Electron binary.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { mainBundleOptions } from './bundle-options.mjs';
import { precompress } from './precompress.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const started = performance.now();

fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
const initialJs = measureInitialJavaScript(path.join(root, 'dist/renderer'));
// Browser mode sends these to a browser that accepts them (see electron/backend/renderer-files.ts).
const compressed = precompress(path.join(root, 'dist/renderer'));

// better-sqlite3 and electron stay external; see bundle-options.mjs.
const common = mainBundleOptions(pkg.version, root);

const esmBanner = { js: "import { createRequire as __offloadRequire } from 'node:module'; const require = __offloadRequire(import.meta.url);" };

await Promise.all([
  esbuild({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
  }),
  // The data worker (imports, exports, restores on a worker thread), beside each host that starts it.
  esbuild({ ...common, entryPoints: ['electron/workers/data-worker.ts'], outfile: 'dist/electron/data-worker.cjs', format: 'cjs' }),
  esbuild({ ...common, entryPoints: ['electron/workers/data-worker.ts'], outfile: 'dist/server/data-worker.mjs', format: 'esm', banner: esmBanner }),
  // The backend worker (the database, every handler, backups, jobs on a worker thread), beside each
  // host. electron/db/backup-files.ts reads import.meta.url only where __filename is missing (ES modules).
  esbuild({ ...common, entryPoints: ['electron/workers/backend-worker.ts'], outfile: 'dist/electron/backend-worker.cjs', format: 'cjs', logOverride: { 'empty-import-meta': 'silent' } }),
  esbuild({ ...common, entryPoints: ['electron/workers/backend-worker.ts'], outfile: 'dist/server/backend-worker.mjs', format: 'esm', banner: esmBanner }),
  // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  esbuild({
    ...common,
    entryPoints: ['electron/browser-mode/cli.ts'],
    outfile: 'dist/server/cli.mjs',
    format: 'esm',
    banner: esmBanner,
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
    banner: esmBanner,
  });
  await esbuild({ ...common, entryPoints: ['bench/compare.ts'], outfile: 'dist/bench/compare.mjs', format: 'esm', banner: esmBanner });
}

console.log(`Built Offload ${pkg.version} in ${Math.round(performance.now() - started)} ms → dist/`);
console.log(initialJs);
console.log(`precompressed ${compressed.files} renderer files: ${(compressed.bytes / 1024).toFixed(0)} KB → ${(compressed.brotliBytes / 1024).toFixed(0)} KB Brotli, ${(compressed.gzipBytes / 1024).toFixed(0)} KB gzip`);

/**
 * The JavaScript a window loads before anything else (index.html's module script and the chunks it
 * preloads), gzipped, against the brief's 250 KB; and the lazily loaded chunks beside it.
 */
function measureInitialJavaScript(rendererDir) {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g)].map((match) => match[1]);
  const gzipped = (file) => gzipSync(fs.readFileSync(path.join(rendererDir, file))).length;
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const total = initial.reduce((sum, file) => sum + gzipped(file), 0);
  const lazy = fs
    .readdirSync(path.join(rendererDir, 'assets'))
    .filter((file) => file.endsWith('.js') && !initial.includes(`assets/${file}`))
    .map((file) => ({ file, bytes: gzipped(`assets/${file}`) }))
    .sort((a, b) => b.bytes - a.bytes);
  return [
    `initial JavaScript: ${kb(total)} gzipped (target ≤ 250 KB${total > 250 * 1024 ? ' — OVER' : ''}) in ${initial.length} files`,
    `loaded later: ${lazy.map(({ file, bytes }) => `${file.replace(/-[\w-]{8}\.js$/, '')} ${kb(bytes)}`).join(', ')}`,
  ].join('\n');
}
