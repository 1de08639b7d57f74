import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { BackupOverview } from '../../shared/api/backup-views';
import { corrupt, sha256 } from '../support/data-files';
import { makeDataDir, startBrowserMode } from '../support/browser-mode';
import { E2E_NOW } from '../support/e2e-clock';
import { api, expect, openScreen, signIn, test } from './fixtures';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');

test.describe.configure({ timeout: 90_000 });

async function noAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${where}: ${violation.id} — ${violation.help}`)).toEqual([]);
}

async function backedUp(page: Page, origin: string): Promise<BackupOverview> {
  await api(page, origin, 'backups:create');
  await expect.poll(async () => (await api<BackupOverview>(page, origin, 'backups:overview')).backups.some((backup) => backup.reason === 'manual')).toBe(true);
  return api<BackupOverview>(page, origin, 'backups:overview');
}

test('back up now, see it listed, restore it after the preview, see the restored data, undo', async ({ offload: page, app }) => {
  await api(page, app.origin, 'tasks:create', { title: 'Patch the file server' });
  await openScreen(page, 'Settings');
  const section = page.getByRole('group', { name: 'Backups' });
  await section.getByRole('button', { name: 'Back up now' }).click();
  const table = section.getByRole('table', { name: 'Backups' });
  const row = table.getByRole('row').filter({ hasText: 'Backed up now' });
  await expect(row).toContainText('Verified');
  await expect(row).toContainText('10');
  await expect(section.getByRole('status').filter({ hasText: /Backed up and verified 10 rows/ })).toBeVisible();

  await api(page, app.origin, 'tasks:create', { title: 'Reset VPN for sales' });
  await api(page, app.origin, 'tasks:create', { title: 'Renew the firewall licence' });

  await section.getByRole('heading', { name: 'Backups' }).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 300);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(OUT, `backups-settings-${colorScheme}.png`) });
  }
  await noAxeViolations(page, 'backups section');

  await row.getByRole('button', { name: /^Restore… the backup of/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Restore the backup of/ });
  const preview = dialog.getByRole('table', { name: 'What the restore changes' });
  await expect(preview.getByRole('row').filter({ hasText: 'Tasks' })).toHaveText(/Tasks\s*3\s*1\s*−2/);
  await expect(preview.getByRole('row').filter({ hasText: 'Categories' })).toHaveText(/Categories\s*9\s*9\s*same/);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(OUT, `backups-restore-preview-${colorScheme}.png`) });
  }
  await noAxeViolations(page, 'restore dialog');

  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog).toBeHidden();
  const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('group', { name: /^Restored the backup of/ });
  await expect(toast).toBeVisible();
  // A safety copy of what was there before the restore is listed too.
  await expect(table.getByRole('row').filter({ hasText: 'Before a restore' })).toBeVisible();

  await openScreen(page, 'Tasks');
  const list = page.getByRole('list', { name: 'Tasks' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Patch the file server');

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Undone: your data is back as it was before the restore.');
  await expect(list.getByRole('listitem')).toHaveCount(3);
});

test('a corrupt database gets the recovery screen, which restores the newest backup and keeps the damaged file', async ({ page }) => {
  const dataDir = makeDataDir();
  const first = await startBrowserMode(dataDir);
  await signIn(page, first.url);
  for (let index = 0; index < 60; index += 1) {
    await api(page, first.origin, 'tasks:create', { title: `Replace toner ${index + 1}`, notes: 'Toner model and the supplier’s ticket. '.repeat(80) });
  }
  const { newestGood } = await backedUp(page, first.origin);
  expect(newestGood?.rows).toBe(69);
  await first.stop();

  const file = path.join(dataDir, 'offload.db');
  corrupt(file, 'a middle page overwritten');
  const damaged = sha256(file);

  const second = await startBrowserMode(dataDir);
  try {
    await page.goto(second.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Offload’s database is damaged' })).toBeVisible();
    const newest = page.getByRole('region', { name: /^Newest good backup:/ });
    await expect(newest).toContainText('69 rows');
    await expect(newest.getByRole('table', { name: 'What the backup holds' }).getByRole('row').filter({ hasText: 'Tasks' })).toHaveText(/Tasks\s*60/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.join(OUT, `recovery-screen-${colorScheme}.png`), fullPage: true });
    }
    await noAxeViolations(page, 'recovery screen');
    // Nothing has been touched yet.
    expect(sha256(file)).toBe(damaged);

    await newest.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(/Restored the backup of .* The files that were there were kept as .*offload\.damaged-/);
    await openScreen(page, 'Tasks');
    await expect(page.getByRole('list', { name: 'Tasks' })).toContainText('Replace toner 60');

    const aside = fs.readdirSync(dataDir).filter((name) => /^offload\.damaged-.*\.db$/.test(name));
    expect(aside).toHaveLength(1);
    expect(sha256(path.join(dataDir, aside[0]!))).toBe(damaged);
    expect(E2E_NOW.slice(0, 10)).toBe(aside[0]!.slice('offload.damaged-'.length, 'offload.damaged-'.length + 10));
  } finally {
    await second.stop();
  }
});
