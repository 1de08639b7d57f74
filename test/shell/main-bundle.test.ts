import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN_EXTERNALS, mainBundleOptions } from '../../scripts/bundle-options.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-bundle-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

type Entry = { file: string } | { source: string };

async function bundle(entry: Entry, outfile: string): Promise<Metafile> {
  const input = 'file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.source, resolveDir: ROOT, loader: 'ts' as const } };
  // electron/db/backup-files.ts reads import.meta.url only where __filename is missing (as scripts/build.mjs says).
  const result = await build({ ...mainBundleOptions('0.0.0-test', ROOT), ...input, outfile, format: 'cjs', metafile: true, sourcemap: false, logOverride: { 'empty-import-meta': 'silent' } });
  return result.metafile;
}

describe('the main-process bundle (scripts/build.mjs options)', () => {
  it('leaves only electron (and Node built-ins) to be required at run time, with electron-updater inside and no database code', async () => {
    const meta = await bundle({ file: 'electron/main.ts' }, path.join(work, 'main.cjs'));
    const output = Object.values(meta.outputs)[0]!;
    const external = new Set(output.imports.filter((entry) => entry.external).map((entry) => entry.path));
    const packages = [...external].filter((name) => !builtins.has(name));
    // The database, the handlers and the settings store run in the backend worker's bundle.
    expect(packages).toStrictEqual(['electron']);
    expect(Object.keys(meta.inputs).some((input) => input.includes('node_modules/electron-updater/out/'))).toBe(true);
    expect(Object.keys(meta.inputs).some((input) => input.includes('node_modules/electron/'))).toBe(false);
    expect(Object.keys(meta.inputs).some((input) => input.startsWith('electron/handlers/') || input.startsWith('electron/db/'))).toBe(false);
  });

  it('builds the backend worker with only better-sqlite3 (and Node built-ins) left to require, and no Electron', async () => {
    const meta = await bundle({ file: 'electron/workers/backend-worker.ts' }, path.join(work, 'backend-worker.cjs'));
    const output = Object.values(meta.outputs)[0]!;
    const packages = output.imports.filter((entry) => entry.external && !builtins.has(entry.path)).map((entry) => entry.path);
    expect([...new Set(packages)]).toStrictEqual(['better-sqlite3']);
    expect(MAIN_EXTERNALS).toContain('better-sqlite3');
    expect(Object.keys(meta.inputs).some((input) => input.includes('node_modules/conf/'))).toBe(true);
  });

  it('gives a working autoUpdater from the bundled electron-updater (against a stand-in for electron)', async () => {
    // Resolved from the project, as the real entry's import is.
    await bundle({ source: "export { autoUpdater } from 'electron-updater';" }, path.join(work, 'updater.cjs'));
    fs.writeFileSync(
      path.join(work, 'electron.cjs'),
      `module.exports = { app: { getVersion: () => '0.1.0', getName: () => 'Offload', isPackaged: true, getAppPath: () => ${JSON.stringify(work)},
        getPath: () => ${JSON.stringify(work)}, on() {}, once() {}, whenReady: () => Promise.resolve(), isReady: () => true }, autoUpdater: { on() {} } };`,
    );
    // The bundle requires 'electron'; here it gets the stand-in, as it gets Electron's in the app.
    const bundled = fs.readFileSync(path.join(work, 'updater.cjs'), 'utf8').replaceAll('require("electron")', `require(${JSON.stringify(path.join(work, 'electron.cjs'))})`);
    fs.writeFileSync(path.join(work, 'updater-stubbed.cjs'), bundled);
    const warn = console.warn;
    const info = console.info;
    console.warn = () => undefined;
    console.info = () => undefined;
    try {
      const { autoUpdater } = createRequire(import.meta.url)(path.join(work, 'updater-stubbed.cjs')) as {
        autoUpdater: { checkForUpdates: unknown; downloadUpdate: unknown; quitAndInstall: unknown; autoDownload: boolean };
      };
      expect(typeof autoUpdater.checkForUpdates).toBe('function');
      expect(typeof autoUpdater.downloadUpdate).toBe('function');
      expect(typeof autoUpdater.quitAndInstall).toBe('function');
      autoUpdater.autoDownload = false;
      expect(autoUpdater.autoDownload).toBe(false);
    } finally {
      console.warn = warn;
      console.info = info;
    }
  });
});
