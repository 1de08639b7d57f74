import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { dayFromToday, e2eToday } from '../support/e2e-clock';
import { api, expect, openScreen, test } from './fixtures';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

// 130 tasks seeded through the API.
test.describe.configure({ timeout: 90_000 });

test('Today’s long lists hold only the rows in view, and keep their keys, focus and positions', async ({ offload: page, app }) => {
  const today = e2eToday();
  for (let index = 0; index < 110; index += 1) {
    await api(page, app.origin, 'tasks:create', { title: `Planned task ${index + 1}`, categoryId: (index % 9) + 1, dueDay: today, estimateMinutes: 15 + (index % 4) * 15 });
  }
  for (let index = 0; index < 20; index += 1) {
    await api(page, app.origin, 'tasks:create', { title: `Overdue task ${index + 1}`, categoryId: 2, dueDay: dayFromToday(-1 - index) });
  }
  await openScreen(page, 'Today');
  const planned = page.getByRole('list', { name: 'Planned for today' });
  const rows = planned.getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  // The backend sends at most 100 a list; far fewer are drawn, each saying where it stands.
  expect(await rows.count()).toBeLessThan(40);
  await expect(rows.first()).toHaveAttribute('aria-setsize', '100');
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1');
  await expect(page.getByRole('list', { name: 'Overdue' }).getByRole('listitem').first()).toHaveAttribute('aria-setsize', '20');

  // One tab stop per list: the row, then only its own controls.
  const first = rows.first();
  await first.focus();
  await page.keyboard.press('j');
  await expect(planned.locator('[aria-posinset="2"]')).toBeFocused();
  await page.keyboard.press('End');
  const last = planned.locator('[aria-posinset="100"]');
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press('k');
  await expect(planned.locator('[aria-posinset="99"]')).toBeFocused();
  await expect(planned.locator('[tabindex="0"][data-row]')).toHaveCount(1);
  await page.keyboard.press('Home');
  await expect(planned.locator('[aria-posinset="1"]')).toBeFocused();

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(SCREENSHOTS, `today-long-lists-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // S starts the timer on the focused row; Space completes it and the keyboard stays in the list.
  const name = (await planned.locator('[aria-posinset="1"]').getAttribute('aria-label'))!;
  await page.keyboard.press('s');
  await expect(page.getByRole('region', { name: 'Running timer' })).toContainText(name);
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(`Completed “${name}”`);
  await expect(planned.locator('[data-row]:focus')).toHaveCount(1);
});
