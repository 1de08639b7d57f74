import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { LeadershipReport } from '../../shared/api/views';
import { api, expect, openScreen, test } from './fixtures';
import { seedInsightsData } from './insights-data';

const OUT = path.resolve(import.meta.dirname, '../../test-results');
const SHOTS = path.join(OUT, 'screenshots');

// Twenty weeks of entries seeded through the API, then PDFs printed and read back with poppler.
test.describe.configure({ timeout: 180_000 });

/** As the page formats them in en-US (renderer/ui/format-figures.ts). */
const hours = (value: number) => `${Number(value.toFixed(1)).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} h`;
const money = (value: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(value);

const pages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
/** The PDF's text as one line: pdftotext breaks lines where the layout wraps them. */
const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

test('the report for a month prints on one page, A4 and Letter, with the numbers the API gives', async ({ offload: page, app }) => {
  await seedInsightsData(page, app.origin);
  await page.reload();
  await openScreen(page, 'Insights');
  await page.getByRole('link', { name: 'Leadership report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leadership report' })).toBeVisible();
  // This month by default.
  await expect(page.getByRole('heading', { level: 2, name: 'November 2026' })).toBeVisible();
  const november = await api<LeadershipReport>(page, app.origin, 'insights:report', { fromMonth: '2026-11', toMonth: '2026-11' });
  expect(november.msp).toMatchObject({ completed: 3, responded: 3, withTarget: 3, withinTarget: 3 });
  await expect(page.locator('.report-figure').filter({ hasText: 'MSP service' })).toContainText('3 tasks completed');
  await expect(page.locator('.report-figure').filter({ hasText: 'MSP service' })).toContainText('3 of 3 within their response target (100 %)');
  await page.screenshot({ path: path.join(SHOTS, 'report-november-light.png'), fullPage: true });

  await page.getByLabel('Month').fill('2026-10');
  await expect(page.getByRole('heading', { level: 2, name: 'October 2026' })).toBeVisible();
  const report = await api<LeadershipReport>(page, app.origin, 'insights:report', { fromMonth: '2026-10', toMonth: '2026-10' });
  expect(report.reclaimed.netHours).toBeGreaterThan(0);
  expect(report.workload).not.toBeNull();

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, media: 'screen' });
    await page.screenshot({ path: path.join(SHOTS, `report-${colorScheme}.png`), fullPage: true });
  }

  const expected = [
    hours(report.reclaimed.netHours),
    money(report.reclaimed.netValue),
    `${money(report.cost.mspCost)} vs ${money(report.cost.hireCost)}`,
    `${hours(report.workload!.before.hours)} → ${hours(report.workload!.after.hours)}`,
    `${hours(report.workload!.before.overtimeHours)} → ${hours(report.workload!.after.overtimeHours)}`,
    `In October 2026 the MSP gave you back ${hours(report.reclaimed.netHours)} net`,
  ];
  // Printed in the dark theme on purpose: paper is always light.
  for (const [format, colorScheme] of [['Letter', 'dark'], ['A4', 'light']] as const) {
    await page.emulateMedia({ colorScheme, media: 'print' });
    const file = path.join(OUT, `report-2026-10-${format.toLowerCase()}.pdf`);
    await page.pdf({ path: file, format, printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
    expect(pages(file), `${format} pages`).toBe(1);
    const printed = text(file);
    for (const figure of expected) expect(printed, `${format} PDF text`).toContain(figure);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, path.join(SHOTS, `report-pdf-${format.toLowerCase()}`)]);
  }
});

test('in browser mode, Save as PDF opens the browser’s Print with the period in the file name', async ({ offload: page }) => {
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printedAs = document.title;
    };
  });
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('option', { name: 'Open the leadership report' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'November 2026' })).toBeVisible();
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed-as', 'Offload report 2026-11');
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Use your browser’s Print and choose “Save as PDF”.');
});
