import path from 'node:path';
import { expect, openScreen, test } from './fixtures';
import { seedInsightsData } from './insights-data';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');

// Twenty weeks of entries seeded through the API (~650 calls), then screenshots in two themes.
test.describe.configure({ timeout: 180_000 });

test('every Insights chart, light and dark, for a person to look at', async ({ offload: page, app }) => {
  await seedInsightsData(page, app.origin);
  await page.reload();
  await openScreen(page, 'Insights');
  const cards = page.locator('.chart-card');
  await expect(cards.first()).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(OUT, `insights-${colorScheme}.png`), fullPage: true });
    const count = await cards.count();
    for (let index = 0; index < count; index += 1) {
      await cards.nth(index).scrollIntoViewIfNeeded();
      await cards.nth(index).screenshot({ path: path.join(OUT, `insights-chart-${index + 1}-${colorScheme}.png`) });
    }
  }
});
