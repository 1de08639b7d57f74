import { defineConfig } from '@playwright/test';

/** The desktop app through Playwright's Electron support; skipped where Electron's binary is absent. */
export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/electron-e2e',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
