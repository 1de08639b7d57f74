// The esbuild options of the main-process bundles, shared by scripts/build.mjs and the test that
// checks what the main bundle carries (test/shell/main-bundle.test.ts).

/**
 * Bundled, except Electron itself (provided by the runtime) and better-sqlite3 (a native addon
 * loaded from node_modules, asar-unpacked when packaged; only the backend and data workers load it). Everything else the main process runs —
 * electron-updater included — is inside the bundle, because electron-builder ships only the
 * production dependencies and those two are all there are.
 */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3'];

/** @param {string} version @param {string} root */
export function mainBundleOptions(version, root) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: 'linked',
    logLevel: 'warning',
    external: MAIN_EXTERNALS,
    define: { __OFFLOAD_VERSION__: JSON.stringify(version) },
    absWorkingDir: root,
  };
}
