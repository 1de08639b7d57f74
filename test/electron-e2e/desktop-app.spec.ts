import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { makeDataDir } from '../support/browser-mode';
import { createEditCompleteDeleteUndo } from '../e2e/flows';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Asks the electron package for its binary in a child process: a failed download must not crash the run. */
function electronBinary(): { path: string } | { reason: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const binary = probe.stdout?.trim();
  if (probe.status === 0 && binary && fs.existsSync(binary)) return { path: binary };
  return { reason: (probe.stderr || probe.error?.message || 'unknown').trim().split('\n')[0] ?? 'unknown' };
}

const binary = electronBinary();
const skipReason = 'reason' in binary ? `Electron's binary is not installed on this machine (${binary.reason}); the desktop app cannot launch here.` : '';
if (skipReason) console.log(`[electron-e2e] skipped: ${skipReason}`);

test.describe('the desktop app', () => {
  test.skip(skipReason !== '', skipReason);

  async function launch(dataDir: string) {
    return electron.launch({ executablePath: 'path' in binary ? binary.path : undefined, args: [ROOT, '--data-dir', dataDir], cwd: ROOT });
  }

  test('opens a secure window from app://offload and runs the task flow', async () => {
    const dataDir = makeDataDir('offload-electron-');
    const app = await launch(dataDir);
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/offload\//);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys(window.offload ?? {}).length)).toBeGreaterThan(10);
    await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    await createEditCompleteDeleteUndo(page);
    await app.close();

    const reopened = await launch(dataDir);
    const again = await reopened.firstWindow();
    await again.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Tasks' }).click();
    await expect(again.getByRole('list', { name: 'Tasks' })).toContainText('Reset VPN for the sales team');
    await reopened.close();
  });
});
