import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
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

  async function launch(dataDir: string, env: Record<string, string> = {}) {
    return electron.launch({
      executablePath: 'path' in binary ? binary.path : undefined,
      args: [ROOT, '--data-dir', dataDir],
      cwd: ROOT,
      env: { ...(process.env as Record<string, string>), ...env },
    });
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

  /*
   * What test/shell/ proves against a mocked electron, checked in the real binary: the page is
   * sandboxed and isolated, the CSP is enforced on app://, and the page can neither leave the app
   * nor open a window nor get a permission.
   */
  test('runs the page sandboxed and isolated under the CSP, and keeps it on app://offload', async () => {
    const app = await launch(makeDataDir('offload-electron-'));
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();

    const probe = await page.evaluate(async () => {
      const global = window as unknown as Record<string, unknown>;
      const inline = document.createElement('script');
      inline.textContent = 'window.__offloadInlineRan = true;';
      document.head.append(inline);
      // Not https or mailto, so nothing is handed to the system browser either (that would open a real one).
      const opened = window.open('http://127.0.0.1:9/', '_blank');
      const geolocation = await navigator.permissions.query({ name: 'geolocation' }).then((status) => status.state, () => 'refused');
      return {
        require: typeof global.require,
        process: typeof global.process,
        ipcRenderer: typeof global.ipcRenderer,
        inlineScriptRan: global.__offloadInlineRan === true,
        windowOpened: opened !== null,
        geolocation,
      };
    });
    expect(probe).toStrictEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', inlineScriptRan: false, windowOpened: false, geolocation: expect.not.stringMatching(/^granted$/) });

    await page.evaluate(() => {
      window.location.href = 'http://127.0.0.1:9/';
    });
    await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/offload\//);
    expect(app.windows()).toHaveLength(1);
    await app.close();
  });

  /** What the tray shows, read in the main process (OFFLOAD_TEST_HOOKS=1 exposes it there). */
  async function trayMenu(app: ElectronApplication): Promise<string[]> {
    return app.evaluate(async () => {
      const hooks = (globalThis as unknown as { offloadTestHooks: { settled(): Promise<void>; trayView(): { items: { kind: string; label?: string }[]; tooltip: string } | null } }).offloadTestHooks;
      await hooks.settled();
      const view = hooks.trayView();
      return view ? [view.tooltip, ...view.items.map((item) => item.label ?? `[${item.kind}]`)] : [];
    });
  }

  test('the tray follows the timer, and a second launch’s offload:// link opens the quick-add window', async () => {
    const dataDir = makeDataDir('offload-electron-tray-');
    const app = await launch(dataDir, { OFFLOAD_TEST_HOOKS: '1' });
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    await expect.poll(() => trayMenu(app)).toContain('No timer running');

    // A second launch with a link: Electron hands it to this instance, which opens the quick-add window.
    const quickAddOpened = app.waitForEvent('window');
    const second = spawn('path' in binary ? binary.path : 'electron', [ROOT, '--data-dir', dataDir, 'offload://quick-add?text=Printer%20jam%20%23support&interrupt=1'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const quickAdd = await quickAddOpened;
    await expect.poll(() => quickAdd.url()).toContain('#/quick-add-window');
    const dialog = quickAdd.getByRole('dialog', { name: 'Quick add' });
    await expect(dialog.getByLabel('Task in one line')).toHaveValue('Printer jam #support');
    await expect(dialog.getByRole('checkbox', { name: 'Interrupt: start the timer on it now' })).toBeChecked();
    await dialog.getByRole('button', { name: 'Add and start timer' }).click();
    await quickAdd.waitForEvent('close');
    await new Promise((resolve) => second.once('exit', resolve));

    // The timer runs on the new task: the main window and the tray both show it.
    await expect(page.getByRole('region', { name: 'Running timer' })).toContainText('Printer jam');
    await expect.poll(async () => (await trayMenu(app))[1]).toMatch(/^Printer jam — 0:0\d$/);
    expect(await trayMenu(app)).toContain('Stop timer');
    await page.getByRole('region', { name: 'Running timer' }).getByRole('button', { name: 'Stop' }).click();
    await expect.poll(async () => (await trayMenu(app))[1]).toBe('No timer running');
    await app.close();
  });
});
