import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __OFFLOAD_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    environment: 'node',
    // Builds the data worker the integration tests' backends run imports in (test/support/global-setup.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // better-sqlite3 is a native addon: forks keep it out of the runner's own process.
    pool: 'forks',
    // A hang still fails, but a test on two cores shared with other work is not a speed check
    // (the default 5 s failed CI once under load); speed is what npm run bench reports.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        // The shell's tests mock the `electron` module: each file gets a process of its own, so
        // no file's mock is another's electron.
        test: { name: 'shell', include: ['test/shell/**/*.test.ts'], isolate: true },
      },
      {
        extends: true,
        // Every unit and integration test opens its own temp folder, database and settings: their
        // files share forks (a fresh process per file was 17 s of module loading in a 78 s run,
        // and CI runs these suites three times).
        test: { name: 'core', include: ['test/{unit,integration}/**/*.test.ts'], isolate: false },
      },
    ],
  },
});
