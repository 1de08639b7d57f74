import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __OFFLOAD_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/{unit,integration,shell}/**/*.test.ts'],
    environment: 'node',
    // Builds the data worker the integration tests' backends run imports in (test/support/global-setup.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // better-sqlite3 is a native addon: forks give each test file its own process.
    pool: 'forks',
    // A hang still fails, but a test on two cores shared with other work is not a speed check
    // (the default 5 s failed CI once under load); speed is what npm run bench reports.
    testTimeout: 20_000,
  },
});
