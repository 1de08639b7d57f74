import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENS } from '../../renderer/app/routes';
import { e2eToday, instantOn } from '../support/e2e-clock';
import { api, expect, openScreen, test } from './fixtures';

/**
 * Screenshots of every screen, light and dark, empty and with a long list, for a person to look
 * at (test-results/screenshots). The assertions only check each screen rendered its heading.
 */
// 250 tasks seeded through the API and ~30 full screenshots: more than the default 30 s.
test.describe.configure({ timeout: 180_000 });

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');

async function shootAll(page: Page, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const { id, label } of SCREENS) {
      await openScreen(page, label);
      await page.screenshot({ path: path.join(OUT, `${state}-${id}-${colorScheme}.png`), fullPage: false });
    }
  }
}

test('screenshots: every screen, empty', async ({ offload: page }) => {
  await shootAll(page, 'empty');
});

test('screenshots: every screen with 250 tasks', async ({ offload: page, app }) => {
  const titles = ['Reset VPN for sales', 'Patch the file server', 'Replace toner in HR', 'Renew the firewall licence', 'Review backup report'];
  for (let index = 0; index < 250; index += 1) {
    await api(page, app.origin, 'tasks:create', {
      title: `${titles[index % titles.length]} #${index + 1}`,
      categoryId: (index % 9) + 1,
      estimateMinutes: 15 + (index % 8) * 15,
      dueDay: `2026-${String(11 + Math.floor(index / 200)).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
      priority: index % 4,
      unplanned: index % 7 === 0,
    });
  }
  const iso = e2eToday();
  for (const title of ['Check last night’s backups', 'Call the printer vendor']) {
    await api(page, app.origin, 'tasks:create', { title, categoryId: 5, dueDay: iso, estimateMinutes: 20 });
  }
  const first = await api<{ id: number }>(page, app.origin, 'tasks:create', { title: 'Replace the core switch fan', categoryId: 4, dueDay: iso });
  const start = instantOn(iso, '08:05');
  await api(page, app.origin, 'timeEntries:create', { worker: 'me', categoryId: 1, startAt: start, endAt: start + 50 * 60_000, note: 'VPN tokens' });
  await api(page, app.origin, 'timer:start', { taskId: first.id });
  await page.reload();
  await shootAll(page, 'full');
  await page.keyboard.press('n');
  await page.getByLabel('Task in one line').fill('Patch file server #server ~2h fri @msp #nope !!');
  await page.screenshot({ path: path.join(OUT, 'quick-add-dark.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Quick add' })).toBeHidden();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  // The palette's code loads on first use: wait for it before the picture and before Escape.
  await expect(palette).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'palette-dark.png') });
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await openScreen(page, 'Tasks');
  await page.getByRole('button', { name: 'Edit “Reset VPN for sales #1”' }).click();
  await page.screenshot({ path: path.join(OUT, 'full-task-editor-dark.png') });
});
