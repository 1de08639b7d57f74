import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, type LocalDay } from '../../shared/domain/day';
import { instantOn, mondayOfWeek } from '../support/e2e-clock';
import { api, expect, openScreen, test } from './fixtures';

const SERVER = 2;
const DESKTOP = 3;
const NETWORK = 4;
const HOUR = 3_600_000;

/** Days and instants in the suite's zone, which is the server's and the browser's (test/support/e2e-clock.ts). */
const dayOf = (monday: LocalDay, plusDays: number) => addDays(monday, plusDays);
const iso = (day: LocalDay) => day;
const at = (day: LocalDay, hour: number) => instantOn(day, `${String(hour).padStart(2, '0')}:00`);

/** Each category has its own hour of the day, so her entries never overlap (the app refuses overlaps). */
const START_HOUR: Record<number, number> = { [DESKTOP]: 8, [SERVER]: 11, [NETWORK]: 13 };

async function log(page: Page, origin: string, worker: 'me' | 'msp', categoryId: number, date: LocalDay, hours: number) {
  const startAt = at(date, START_HOUR[categoryId] ?? 8);
  await api(page, origin, 'timeEntries:create', { worker, categoryId, startAt, endAt: startAt + hours * HOUR });
}

/**
 * Weeks are named by their offset from the current week (W−1 = last week). Every delegation ends
 * last Sunday; the suite's clock is fixed, so nothing depends on the day the test runs.
 *
 * Her hours, W−12 … W−5: Desktop 2 h Mon/Tue/Wed (6 h/week), Server 1 h Mon–Fri (5 h/week),
 * Network 3 h Tue every week W−12 … W−1. After delegating she still does Desktop 1 h on Mon W−3.
 * Desktop delegated Mon W−4 … Sun W−1; Server delegated Wed W−4 … Sun W−1 (mid-week start).
 *
 * Baselines (window W−5 … W−12, 8 weeks, first entry in W−12): Desktop 48/8 = 6 h; Server 40/8 = 5 h.
 * Reclaimed Desktop: W−4 6, W−3 6 − 1 = 5, W−2 6, W−1 6 → 23 h.
 * Reclaimed Server: W−4 f = 3/5 → 3, W−3 … W−1 5 each → 18 h. Gross 41 h.
 * MSP: Desktop 4 h Thu each of W−4 … W−1 (16 h), Server 3 h Thu each (12 h) → delivered 28 h;
 * 2 h of Network in W−2 is not delegated work and does not count. Oversight 10 % = 2.8 h; net 38.2 h.
 * What-if over W−1 … W−8: Desktop (4 × 6 + 1)/8 = 3.125, Server 20/8 = 2.5, Network 3 → 8.625 h a
 * week; handing off Desktop leaves 5.5 h.
 */
test('set up the MSP, run a what-if, delegate two categories, see tasks move and the hours reclaimed', async ({ offload: page, app }) => {
  for (let week = -12; week <= -1; week += 1) {
    const monday = mondayOfWeek(week);
    await log(page, app.origin, 'me', NETWORK, dayOf(monday, 1), 3);
    if (week <= -5) {
      for (const day of [0, 1, 2]) await log(page, app.origin, 'me', DESKTOP, dayOf(monday, day), 2);
      for (const day of [0, 1, 2, 3, 4]) await log(page, app.origin, 'me', SERVER, dayOf(monday, day), 1);
    } else {
      await log(page, app.origin, 'msp', DESKTOP, dayOf(monday, 3), 4);
      const serverStart = dayOf(monday, 3);
      await api(page, app.origin, 'timeEntries:create', { worker: 'msp', categoryId: SERVER, startAt: at(serverStart, 14), endAt: at(serverStart, 17) });
    }
  }
  await log(page, app.origin, 'me', DESKTOP, mondayOfWeek(-3), 1);
  await log(page, app.origin, 'msp', NETWORK, dayOf(mondayOfWeek(-2), 2), 2);

  const reimage = await api<{ id: number }>(page, app.origin, 'tasks:create', { title: 'Reimage sales laptops', categoryId: DESKTOP, plannedDay: iso(dayOf(mondayOfWeek(-2), 1)) });
  await api(page, app.origin, 'tasks:create', { title: 'CEO laptop swap', categoryId: DESKTOP, plannedDay: iso(dayOf(mondayOfWeek(-3), 2)) });
  await api(page, app.origin, 'tasks:create', { title: 'Patch the file server', categoryId: SERVER, dueDay: iso(dayOf(mondayOfWeek(-2), 3)) });
  await api(page, app.origin, 'msp:saveContract', { startDay: iso(mondayOfWeek(-20)), monthlyFee: 3000, includedHours: 40, overageRate: 95 });

  await openScreen(page, 'MSP');
  const whatIf = page.getByRole('region', { name: 'What if you hand off…' });
  await expect(whatIf).toContainText('8.6 h');
  await whatIf.getByRole('checkbox', { name: /Desktop maintenance/ }).check();
  await expect(whatIf.getByText(/Your average week/)).toContainText('8.6 h → 5.5 h');

  const form = page.getByRole('form', { name: 'Delegate a category' });
  await form.getByLabel('Category').selectOption({ label: 'Desktop maintenance' });
  await form.getByLabel('From').fill(iso(mondayOfWeek(-4)));
  await form.getByLabel('Until (optional)').fill(iso(dayOf(mondayOfWeek(-1), 6)));
  await form.getByRole('button', { name: 'Review the handoff' }).click();
  await expect(form.getByText('2 open tasks will move to the MSP')).toBeVisible();
  await form.getByRole('checkbox', { name: 'Keep “CEO laptop swap”' }).check();
  await form.getByRole('button', { name: 'Delegate and move 1' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('1 task moved to the MSP');

  await form.getByLabel('Category').selectOption({ label: 'Server administration' });
  await form.getByLabel('From').fill(iso(dayOf(mondayOfWeek(-4), 2)));
  await form.getByLabel('Until (optional)').fill(iso(dayOf(mondayOfWeek(-1), 6)));
  await form.getByRole('button', { name: 'Review the handoff' }).click();
  await form.getByRole('button', { name: 'Delegate and move 1' }).click();

  const delegations = page.getByRole('table').filter({ hasText: 'Baseline' });
  await expect(delegations.getByRole('row').filter({ hasText: 'Desktop maintenance' })).toContainText('6.0 h/week');
  await expect(delegations.getByRole('row').filter({ hasText: 'Server administration' })).toContainText('5.0 h/week');

  await page.getByRole('tab', { name: 'Queue' }).click();
  const queue = page.getByRole('table');
  await expect(queue.getByRole('row')).toHaveCount(3);
  await expect(queue).toContainText('Reimage sales laptops');
  await expect(queue).toContainText('Patch the file server');
  await expect(queue).not.toContainText('CEO laptop swap');
  expect((await api<{ owner: string }>(page, app.origin, 'tasks:get', { id: reimage.id })).owner).toBe('msp');

  await openScreen(page, 'Insights');
  const figures = page.getByRole('region', { name: 'Hours reclaimed', exact: true });
  await expect(figures).toContainText('Reclaimed (gross)41.0 h');
  await expect(figures).toContainText('MSP hours delivered28.0 h');
  await expect(figures).toContainText('Oversight (10 %)2.8 h');
  await expect(figures).toContainText('Reclaimed (net)38.2 h');
  const baselines = page.getByRole('region', { name: 'Baselines' });
  await expect(baselines.getByRole('row').filter({ hasText: 'Desktop maintenance' })).toContainText('measured over 8 weeks');
  await expect(baselines.getByRole('row').filter({ hasText: 'Server administration' })).toContainText('18.0 h');

  // For a person to look at: the screens this flow fills, light and dark.
  const shots = path.resolve(import.meta.dirname, '../../test-results/screenshots');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(shots, `insights-reclaimed-${colorScheme}.png`), fullPage: true });
    await openScreen(page, 'MSP');
    await page.screenshot({ path: path.join(shots, `msp-delegation-${colorScheme}.png`), fullPage: true });
    await page.getByRole('tab', { name: 'Queue' }).click();
    await page.screenshot({ path: path.join(shots, `msp-queue-${colorScheme}.png`), fullPage: true });
    await page.getByRole('button', { name: 'Printable handoff sheet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Handoff sheet/ })).toBeVisible();
    await page.screenshot({ path: path.join(shots, `msp-handoff-${colorScheme}.png`), fullPage: true });
    // On paper the sheet is black on white whatever the theme.
    await page.emulateMedia({ media: 'print', colorScheme });
    const paper = await page.locator('main').evaluate((main) => ({ background: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(), color: getComputedStyle(main).color }));
    expect(paper).toStrictEqual({ background: '#fff', color: 'rgb(0, 0, 0)' });
    await page.emulateMedia({ media: 'screen', colorScheme });
    await openScreen(page, 'Insights');
  }
});

test('a category with no history and no estimate is delegated with a visible warning', async ({ offload: page }) => {
  await openScreen(page, 'MSP');
  const form = page.getByRole('form', { name: 'Delegate a category' });
  await form.getByLabel('Category').selectOption({ label: 'Vendors & licensing' });
  await form.getByRole('button', { name: 'Review the handoff' }).click();
  await form.getByRole('button', { name: /^Delegate/ }).click();
  await expect(page.getByText('0 h — add an estimate')).toBeVisible();
  await openScreen(page, 'Insights');
  await expect(page.getByRole('alert').filter({ hasText: 'Vendors & licensing has no baseline' })).toBeVisible();
});

test('an overlapping delegation is refused at the field and nothing is saved', async ({ offload: page, app }) => {
  await api(page, app.origin, 'delegations:create', { categoryId: DESKTOP, startDay: '2025-01-01', endDay: '2025-12-31' });
  await openScreen(page, 'MSP');
  const form = page.getByRole('form', { name: 'Delegate a category' });
  await form.getByLabel('Category').selectOption({ label: 'Desktop maintenance' });
  await form.getByLabel('From').fill('2025-06-01');
  await form.getByLabel('Until (optional)').fill('2025-06-30');
  await form.getByRole('button', { name: 'Review the handoff' }).click();
  await expect(form.getByText('Already delegated for Wed, Jan 1 – Wed, Dec 31, 2025')).toBeVisible();
  expect(await api<unknown[]>(page, app.origin, 'delegations:list')).toHaveLength(1);
});
