import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeDataDir, startBrowserMode, type RunningApp } from '../support/browser-mode';
import { api, expect, openScreen, signIn, test } from './fixtures';

/**
 * Importing a Toggl export through the screen. The clock is Tuesday 10 November 2026, 10:00 in
 * Chicago, so a file with only 9 and 10 November in it leaves day/month open (11/09 could be
 * 11 September) and the screen must ask.
 */
const NOW = '2026-11-10T16:00:00Z';
const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');

const TOGGL = [
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags',
  'Gail Moreno,gail@northwind.example,Northwind Traders,Infra,,Core switch firmware,No,11/09/2026,08:00:00 AM,11/09/2026,09:30:00 AM,01:30:00,',
  'Gail Moreno,gail@northwind.example,Northwind Traders,Network,,"Printer says ""offline"" 🖨️",No,11/10/2026,07:30:00 AM,11/10/2026,08:15:00 AM,00:45:00,',
  'Gail Moreno,gail@northwind.example,Northwind Traders,Infra,,"Patch window, srv-1",No,11/10/2026,08:30:00 AM,11/10/2026,09:45:00 AM,01:15:00,',
  'Gail Moreno,gail@northwind.example,Northwind Traders,Network,,Wi-Fi survey,No,11/10/2026,09:50:00 AM,,,,',
  '',
].join('\r\n');

let app: RunningApp;
test.beforeEach(async ({ page }) => {
  app = await startBrowserMode(makeDataDir(), { clock: NOW });
  await page.clock.install({ time: new Date(NOW) });
  await signIn(page, app.url);
  await api(page, app.origin, 'settings:update', { timeZone: 'America/Chicago' });
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
});
test.afterEach(async () => {
  await app.stop();
});

async function openImport(page: Page): Promise<void> {
  await openScreen(page, 'Settings');
  await page.getByRole('button', { name: 'Import a file…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
}

async function chooseToggl(page: Page): Promise<void> {
  await page.getByLabel('File to import', { exact: true }).setInputFiles({ name: 'toggl-november.csv', mimeType: 'text/csv', buffer: Buffer.from(TOGGL) });
  await expect(page.getByRole('heading', { name: 'Which comes first in this file’s dates?' })).toBeVisible();
  await page.getByLabel(/The month, then the day/).check();
  await page.getByRole('button', { name: 'Read the dates this way' }).click();
}

test('imports a Toggl file: asks the date order, shows row errors, maps a project, adds the entries to Today, and adds nothing the second time', async ({ page }) => {
  await openImport(page);
  await chooseToggl(page);

  const facts = page.locator('.import-facts');
  await expect(facts).toContainText('toggl-november.csv is a Toggl Track detailed export with 4 rows.');
  await expect(facts).toContainText('Dates are read month/day/year (your answer).');
  const errors = page.getByRole('table', { name: 'Row errors' });
  await expect(errors.getByRole('row')).toHaveCount(2);
  await expect(errors).toContainText('5');
  await expect(errors).toContainText('End time');
  await expect(errors).toContainText('no end time: a running timer cannot be imported');

  // Gail is the file's only user (taken to be her) and Network is a category; Infra needs her answer.
  const importButton = page.getByRole('button', { name: /^Import \d+ time entr/ });
  await expect(importButton).toBeDisabled();
  await expect(page.getByText('rows wait for a mapping', { exact: false }).first()).toBeVisible();
  await page.getByLabel('Category for project “Infra”').selectOption({ label: 'Server administration' });
  await expect(importButton).toHaveText('Import 3 time entries');
  await expect(importButton).toBeEnabled();
  await expect(page.getByRole('group', { name: 'What the import finds' })).toContainText('3.5 h');
  await expect(page.getByRole('table', { name: 'Hours by category' })).toContainText('Server administration');

  await importButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Done' })).toContainText('Imported 3 time entries; 1 row with errors left out.');

  await openScreen(page, 'Today');
  // 07:30–08:15 and 08:30–09:45 today: two hours.
  await expect(page.locator('.figure').filter({ hasText: 'Logged today' })).toContainText('2.0 h');
  await expect(page.getByRole('region', { name: 'Today’s log' })).toContainText('Printer says "offline" 🖨️');

  // The same file again: the mapping is remembered, and every row is already there.
  await openImport(page);
  await chooseToggl(page);
  await expect(page.getByRole('group', { name: 'What the import finds' }).locator('.figure').filter({ hasText: 'Already imported' })).toContainText('3');
  await expect(page.getByLabel('Category for project “Infra”')).toHaveValue(/^c:/);
  await expect(page.getByRole('button', { name: 'Import 0 time entries' })).toBeDisabled();
  await expect(page.getByText('Nothing new to import: every readable row is already in Offload.')).toBeVisible();
  const entries = await api<unknown[]>(page, app.origin, 'timeEntries:list', { from: '2026-11-01', to: '2026-11-30' });
  expect(entries).toHaveLength(3);
});

test('the import screen has no axe violations, empty and with a preview, light and dark', async ({ page }) => {
  test.setTimeout(90_000);
  await openImport(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const empty = await new AxeBuilder({ page }).analyze();
    expect(empty.violations.map((violation) => `empty ${colorScheme}: ${violation.id} — ${violation.help}`)).toEqual([]);
  }
  await chooseToggl(page);
  await expect(page.getByRole('table', { name: 'Row errors' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const preview = await new AxeBuilder({ page }).analyze();
    expect(preview.violations.map((violation) => `preview ${colorScheme}: ${violation.id} — ${violation.help}`)).toEqual([]);
  }
});

/** A Toggl export big enough that the import's progress is on screen long enough to photograph. */
function bigToggl(rows: number): string {
  const lines = [TOGGL.split('\r\n')[0]!];
  const pad = (value: number) => String(value).padStart(2, '0');
  let at = Date.UTC(2001, 0, 2, 8, 0, 0);
  for (let index = 0; index < rows; index += 1) {
    const date = new Date(at);
    const day = `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()}`;
    lines.push(`Gail Moreno,gail@northwind.example,Northwind Traders,${index % 2 ? 'Network' : 'Meetings'},,Ticket ${index},No,${day},${pad(date.getUTCHours())}:00,${day},${pad(date.getUTCHours())}:40,00:40:00,`);
    at += 3_600_000;
    if (new Date(at).getUTCHours() > 17) at += 14 * 3_600_000;
  }
  lines.push('Gail Moreno,gail@northwind.example,,Network,,Left running,No,11/10/2026,09:50,,,,');
  return `${lines.join('\n')}\n`;
}

test('screenshots of the import screen: empty, preview with errors, progress and done, light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  await openImport(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(OUT, `import-empty-${colorScheme}.png`) });
  }
  await chooseToggl(page);
  await expect(page.getByRole('table', { name: 'Row errors' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(OUT, `import-preview-${colorScheme}.png`), fullPage: true });
  }

  await page.getByRole('button', { name: 'Import another file' }).or(page.getByLabel('File to import', { exact: true })).first().isVisible();
  await page.getByLabel('File to import', { exact: true }).setInputFiles({ name: 'toggl-2001-2020.csv', mimeType: 'text/csv', buffer: Buffer.from(bigToggl(60_000)) });
  const importButton = page.getByRole('button', { name: /^Import 60,000 time entries$/ });
  await expect(importButton).toBeEnabled({ timeout: 30_000 });
  await importButton.click();
  const progress = page.getByRole('group', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: path.join(OUT, 'import-progress-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(OUT, 'import-progress-dark.png') });
  const done = page.getByRole('status').filter({ hasText: 'Done' });
  await expect(done).toContainText('Imported 60,000 time entries; 1 row with errors left out.', { timeout: 60_000 });
  // The preview follows the import: every row is now already there.
  await expect(page.locator('.figure').filter({ hasText: 'Already imported' })).toContainText('60,000', { timeout: 30_000 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(OUT, `import-done-${colorScheme}.png`) });
  }
});

test('exports tasks, time entries and everything from Settings as files', async ({ page }) => {
  await api(page, app.origin, 'tasks:create', { title: 'Renew the firewall licence', categoryId: 6, dueDay: '2026-11-20' });
  const startAt = Date.parse('2026-11-10T14:00:00Z');
  await api(page, app.origin, 'timeEntries:create', { worker: 'me', categoryId: 4, startAt, endAt: startAt + 45 * 60_000, note: 'Switch firmware' });
  await openScreen(page, 'Settings');
  const section = page.getByRole('region', { name: 'Export' });
  const save = async (button: string) => {
    const download = page.waitForEvent('download');
    await section.getByRole('button', { name: button }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  };
  const tasks = await save('Export tasks (CSV)');
  expect(tasks.name).toBe('offload-tasks-2026-11-10.csv');
  expect(tasks.text).toContain('Renew the firewall licence,Vendors & licensing,,2026-11-20');
  const entries = await save('Export time entries (CSV)');
  expect(entries.name).toBe('offload-time-entries-2026-11-10.csv');
  expect(entries.text).toContain('2026-11-10,08:00:00,08:45:00,Network,,Switch firmware,me');
  const everything = await save('Export everything (JSON)');
  expect(everything.name).toBe('offload-export-2026-11-10.json');
  expect(JSON.parse(everything.text)).toMatchObject({ format: 'offload-export', version: 1, timeZone: 'America/Chicago' });
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Saved as offload-export-2026-11-10.json.');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, `settings-data-${colorScheme}.png`) });
  }
});
