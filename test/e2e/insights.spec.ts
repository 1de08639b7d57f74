import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { InsightsView } from '../../shared/api/views';
import { api, expect, openScreen, test } from './fixtures';
import { NETWORK, seedInsightsData } from './insights-data';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');

// Twenty weeks of entries seeded through the API (~650 calls), then screenshots or scans in two themes.
test.describe.configure({ timeout: 180_000 });

/** As the page formats hours in en-US (renderer/ui/format-figures.ts). */
const hours = (value: number) => `${Number(value.toFixed(1)).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} h`;

async function openSeededInsights(page: Page, origin: string): Promise<void> {
  await seedInsightsData(page, origin);
  await page.reload();
  await openScreen(page, 'Insights');
  await expect(page.locator('.chart-card canvas').first()).toBeVisible();
}

/** A chart's card, by the title that says what it shows. */
const card = (page: Page, title: string | RegExp) => page.locator('.chart-card').filter({ has: page.getByRole('heading', { level: 3, name: title }) });

async function rows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((cell) => cell.textContent?.trim() ?? '')));
}

async function tableOf(page: Page, title: RegExp): Promise<Locator> {
  const chart = card(page, title);
  const toggle = chart.getByRole('button', { name: 'Table view' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const table = chart.getByRole('table');
  await expect(table).toBeVisible();
  return table;
}

test('every Insights chart, light and dark, with its table view, for a person to look at', async ({ offload: page, app }) => {
  await openSeededInsights(page, app.origin);
  const cards = page.locator('.chart-card');
  const count = await cards.count();
  expect(count).toBe(7);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(OUT, `insights-${colorScheme}.png`), fullPage: true });
    for (let index = 0; index < count; index += 1) {
      await cards.nth(index).scrollIntoViewIfNeeded();
      await cards.nth(index).screenshot({ path: path.join(OUT, `insights-chart-${index + 1}-${colorScheme}.png`) });
    }
  }
  // Charts follow their container: a narrower window redraws them narrower.
  const canvas = cards.first().locator('canvas').first();
  const wide = (await canvas.boundingBox())!.width;
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect.poll(async () => (await canvas.boundingBox())!.width).toBeLessThan(wide - 200);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(async () => (await canvas.boundingBox())!.width).toBeCloseTo(wide, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, 'insights-top-dark.png') });
  // A tooltip, by the keyboard: focus the chart and step onto a bar.
  const capacity = card(page, /against capacity/);
  await capacity.getByRole('group', { name: /against capacity/ }).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(capacity.locator('.chart-tooltip')).toContainText('Week of November 9, 2026');
  await capacity.screenshot({ path: path.join(OUT, 'insights-tooltip-dark.png') });
  for (const button of await page.getByRole('button', { name: 'Table view' }).all()) await button.click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (let index = 0; index < count; index += 1) {
      await cards.nth(index).scrollIntoViewIfNeeded();
      await cards.nth(index).screenshot({ path: path.join(OUT, `insights-table-${index + 1}-${colorScheme}.png`) });
    }
  }
});

test('the range picker and the category filter change every chart, and the tables show what insights:charts returns', async ({ offload: page, app }) => {
  await openSeededInsights(page, app.origin);
  const check = async (input: { from: string | null; to: string; categoryIds: number[] | null }) => {
    const view = await api<InsightsView>(page, app.origin, 'insights:charts', input);
    const table = await tableOf(page, /against capacity/);
    await expect(table.locator('tbody tr')).toHaveCount(view.starts.length);
    const shown = await rows(table);
    view.starts.forEach((_, index) => {
      const { herTotalHours, capacityHours, overtimeHours, afterHoursHours, herHours } = view.series;
      const expected = [hours(herTotalHours[index]!), hours(capacityHours[index]!), hours(overtimeHours[index]!), hours(afterHoursHours[index]!)];
      if (input.categoryIds !== null) expected.push(hours(herHours[index]!));
      expect(shown[index]!.slice(1)).toStrictEqual(expected);
    });
    return view;
  };

  await expect(page.getByText('Mon, Aug 31 – Mon, Nov 16, week by week')).toBeVisible();
  const twelve = await check({ from: '2026-08-31', to: '2026-11-16', categoryIds: null });
  expect(twelve.starts).toHaveLength(12);

  await page.getByRole('button', { name: 'This year' }).click();
  await expect(page.getByText('Thu, Jan 1 – Mon, Nov 16, week by week')).toBeVisible();
  const year = await check({ from: '2026-01-01', to: '2026-11-16', categoryIds: null });
  expect(year.starts).toHaveLength(47);

  await page.getByRole('button', { name: 'Custom' }).click();
  await page.getByLabel('From', { exact: true }).fill('2026-09-14');
  await page.getByLabel('To', { exact: true }).fill('2026-10-11');
  await expect(page.getByText('Mon, Sep 14 – Sun, Oct 11, week by week')).toBeVisible();
  await check({ from: '2026-09-14', to: '2026-10-11', categoryIds: null });
  await page.getByLabel('To', { exact: true }).fill('2026-09-01');
  await expect(page.getByText('The range must end on or after its first day')).toBeVisible();
  await page.getByLabel('To', { exact: true }).fill('2026-10-11');

  await page.getByRole('checkbox', { name: 'Network' }).check();
  const network = await check({ from: '2026-09-14', to: '2026-10-11', categoryIds: [NETWORK] });
  const byCategory = await rows(await tableOf(page, /by category/));
  const networkHours = network.categories.find((category) => category.categoryId === NETWORK)!.herHours;
  expect(byCategory.map((row) => row[1])).toStrictEqual(network.series.herHours.map(hours));
  expect(byCategory.map((row) => row.at(-1))).toStrictEqual(networkHours.map(hours));
  expect(network.categories.map((category) => category.categoryId)).toStrictEqual([NETWORK]);

  await page.getByRole('button', { name: 'All time' }).click();
  await page.getByRole('button', { name: 'All categories' }).click();
  await expect(page.getByText('Mon, Jun 29 – Mon, Nov 16, week by week')).toBeVisible();
  await check({ from: null, to: '2026-11-16', categoryIds: null });
});

test('Insights has no axe violations with its charts and with their table views, light and dark', async ({ offload: page, app }) => {
  await openSeededInsights(page, app.origin);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const charts = await new AxeBuilder({ page }).analyze();
    expect(charts.violations.map((violation) => `${colorScheme} charts: ${violation.id} — ${violation.help} (${violation.nodes[0]?.target.join(' ')})`)).toEqual([]);
  }
  for (const button of await page.getByRole('button', { name: 'Table view' }).all()) await button.click();
  await expect(page.locator('.chart-table table')).toHaveCount(5);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const tables = await new AxeBuilder({ page }).analyze();
    expect(tables.violations.map((violation) => `${colorScheme} tables: ${violation.id} — ${violation.help} (${violation.nodes[0]?.target.join(' ')})`)).toEqual([]);
  }
  await page.getByRole('link', { name: 'Leadership report' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'November 2026' })).toBeVisible();
  const report = await new AxeBuilder({ page }).analyze();
  expect(report.violations.map((violation) => `report: ${violation.id} — ${violation.help}`)).toEqual([]);
});
