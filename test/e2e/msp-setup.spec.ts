import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { CallName, CallResult } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { daysInMonth } from '../../shared/domain/day';
import { e2eToday, instantOn } from '../support/e2e-clock';
import { callHeaders, expect, openScreen, test } from './fixtures';

/** The MSP screen's Team and Contract tabs: who the MSP is, and what it costs against the contract. */
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

async function api<Name extends CallName>(page: Page, origin: string, name: Name, input: unknown = {}): Promise<CallResult<Name>> {
  const response = await page.request.post(`${origin}/api/${name}`, { headers: await callHeaders(page, origin), data: input });
  const envelope = (await response.json()) as Envelope<CallResult<Name>>;
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope)}`);
  return envelope.value;
}

async function openTab(page: Page, tab: 'Team' | 'Contract'): Promise<void> {
  await openScreen(page, 'MSP');
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

/** The suite's month as `YYYY-MM` and one of its days (test/support/e2e-clock.ts). */
function thisMonth() {
  const today = e2eToday();
  const month = today.slice(0, 7);
  return {
    month,
    day: (date: number) => `${month}-${String(date).padStart(2, '0')}`,
    today: Number(today.slice(8, 10)),
    length: daysInMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7))),
  };
}

const at = (day: string, time: string) => instantOn(day, time.slice(0, 5));
const hours = (value: number) => `${value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} h`;

test('the provider she saves is still there after a reload', async ({ offload: page }) => {
  await openTab(page, 'Team');
  const form = page.getByRole('form', { name: 'MSP provider' });
  await form.getByLabel('Company').fill('Northwind IT Services');
  await form.getByLabel('Help-desk email').fill('not an address');
  await form.getByRole('button', { name: 'Save provider' }).click();
  await expect(form.getByLabel('Help-desk email')).toHaveAccessibleDescription(/Use an email address/);
  await expect(form.getByLabel('Company')).toHaveValue('Northwind IT Services');

  await form.getByLabel('Help-desk email').fill('help@northwind.example');
  await form.getByLabel('Help-desk phone').fill('+1 555 0100');
  await form.getByLabel('Notes').fill('After hours: call the on-call line.');
  await form.getByRole('button', { name: 'Save provider' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved');

  await page.reload();
  await openTab(page, 'Team');
  await expect(form.getByLabel('Company')).toHaveValue('Northwind IT Services');
  await expect(form.getByLabel('Help-desk email')).toHaveValue('help@northwind.example');
  await expect(form.getByLabel('Help-desk phone')).toHaveValue('+1 555 0100');
  await expect(form.getByLabel('Notes')).toHaveValue('After hours: call the on-call line.');
});

test('a technician who owns open tasks leaves only after she chooses who takes them', async ({ offload: page, app }) => {
  await openTab(page, 'Team');
  await expect(page.getByRole('heading', { name: 'No technicians yet' })).toBeVisible();
  await expect(page.getByText('wait in their queue, unassigned')).toBeVisible();

  const form = page.getByRole('form', { name: 'New technician' });
  for (const [name, role] of [
    ['Sam Ortiz', 'Desktop support'],
    ['Alex Kim', 'Server admin'],
  ] as const) {
    await form.getByLabel('Technician').fill(name);
    await form.getByLabel('Role').fill(role);
    await form.getByRole('button', { name: 'Add technician' }).click();
    await expect(page.getByRole('table', { name: 'Technicians' }).getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }

  const { technicians } = await api(page, app.origin, 'msp:get');
  const sam = technicians.find((technician) => technician.name === 'Sam Ortiz')!;
  const alex = technicians.find((technician) => technician.name === 'Alex Kim')!;
  const task = await api(page, app.origin, 'tasks:create', { title: 'Re-image the front-desk PC' });
  await api(page, app.origin, 'tasks:assign', { id: task.id, owner: 'msp', technicianId: sam.id });

  const table = page.getByRole('table', { name: 'Technicians' });
  await table.getByRole('button', { name: 'Remove Sam Ortiz' }).click();
  const choice = page.getByRole('group', { name: /Sam Ortiz owns 1 open task/ });
  await expect(choice).toBeVisible();
  await expect(choice.getByLabel('Hand Sam Ortiz’s open tasks to')).toBeFocused();
  await expect(choice.getByRole('option')).toHaveText(['Alex Kim', 'The MSP’s unassigned queue']);
  await choice.getByLabel('Hand Sam Ortiz’s open tasks to').selectOption({ label: 'Alex Kim' });
  await choice.getByRole('button', { name: 'Hand over and remove' }).click();

  await expect(table.getByRole('row', { name: /Sam Ortiz/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('1 open task went to Alex Kim');
  expect((await api(page, app.origin, 'tasks:get', { id: task.id })).technicianId).toBe(alex.id);

  await page.getByRole('button', { name: 'Show 1 former technician' }).click();
  await expect(page.getByRole('list', { name: 'Former technicians' })).toContainText('Sam Ortiz');
  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(table.getByRole('row', { name: /Sam Ortiz/ })).toBeVisible();
});

test('a response target is typed in hours, and a bad one is reported at its row', async ({ offload: page, app }) => {
  await openTab(page, 'Team');
  const target = page.getByLabel('Response target for Tech support, in hours');
  await target.fill('soon');
  await page.getByRole('button', { name: 'Save target for Tech support' }).click();
  await expect(target).toHaveAccessibleDescription('Type hours, such as 4 or 0.5, or leave it blank');

  await target.fill('4');
  await target.press('Enter');
  await expect(target).not.toHaveAttribute('aria-invalid');
  await expect.poll(async () => (await api(page, app.origin, 'msp:get')).responseTargets).toContainEqual({
    categoryId: expect.any(Number),
    targetMinutes: 240,
  });
});

test('a negative monthly fee is reported at its field and saves nothing', async ({ offload: page, app }) => {
  await openTab(page, 'Contract');
  await expect(page.getByRole('heading', { name: 'No contract yet' })).toBeVisible();
  const form = page.getByRole('form', { name: 'New contract' });
  await form.getByLabel('Monthly fee (USD)').fill('-2400');
  await form.getByLabel('Included hours per month').fill('40');
  await form.getByLabel('Overage rate (USD per hour)').fill('150');
  await form.getByRole('button', { name: 'Add contract' }).click();

  await expect(form.getByLabel('Monthly fee (USD)')).toHaveAccessibleDescription('The monthly fee cannot be negative');
  await expect(form.getByLabel('Monthly fee (USD)')).toHaveValue('-2400');
  await expect(form.getByLabel('Included hours per month')).not.toHaveAttribute('aria-invalid');
  expect((await api(page, app.origin, 'msp:get')).contracts).toEqual([]);

  await form.getByLabel('Monthly fee (USD)').fill('2400');
  await form.getByRole('button', { name: 'Add contract' }).click();
  const contracts = page.getByRole('table', { name: 'Contracts over time' });
  await expect(contracts.getByRole('row')).toHaveCount(2);

  // New terms on the same start day clash with the ones already there.
  await page.getByRole('button', { name: 'Add new terms' }).click();
  const terms = page.getByRole('form', { name: 'New contract terms' });
  await terms.getByLabel('Starts on').fill(`${thisMonth().month}-01`);
  await terms.getByLabel('Monthly fee (USD)').fill('2600');
  await terms.getByLabel('Included hours per month').fill('45');
  await terms.getByLabel('Overage rate (USD per hour)').fill('150');
  await terms.getByRole('button', { name: 'Add contract' }).click();
  await expect(terms.getByLabel('Starts on')).toHaveAccessibleDescription('Another contract starts that day');
  await expect(contracts.getByRole('row')).toHaveCount(2);
});

test('34 of 40 included hours logged shows the burn-down and the 80 % warning', async ({ offload: page, app }) => {
  const { day, today, length } = thisMonth();
  await openTab(page, 'Contract');
  const contractForm = page.getByRole('form', { name: 'New contract' });
  await contractForm.getByLabel('Monthly fee (USD)').fill('2400');
  await contractForm.getByLabel('Included hours per month').fill('40');
  await contractForm.getByLabel('Overage rate (USD per hour)').fill('150');
  await contractForm.getByRole('button', { name: 'Add contract' }).click();
  await expect(page.getByRole('heading', { name: /^Included hours in / })).toBeVisible();

  // Two entries through the form (one with an end time, one with a duration)…
  const log = page.getByRole('form', { name: 'Log MSP time' });
  await log.getByLabel('Category').selectOption({ label: 'Desktop maintenance' });
  await log.getByLabel('Date').fill(day(2));
  await log.getByLabel('Start').fill('08:00');
  await log.getByLabel('End').fill('16:00');
  // What the times come to is said beside them; no field is rewritten behind her back.
  await expect(log.getByLabel('End')).toHaveAccessibleDescription('8h');
  await expect(log.getByLabel('Duration')).toHaveValue('');
  await log.getByLabel('Note').fill('Laptop refresh for sales');
  await log.getByRole('button', { name: 'Log MSP time' }).click();
  await expect(log.getByRole('status')).toContainText('Logged 8h for the MSP team');

  await log.getByLabel('Date').fill(day(3));
  await log.getByLabel('Start').fill('09:00');
  await log.getByLabel('Duration').fill('6h');
  await expect(log.getByLabel('Duration')).toHaveAccessibleDescription('ends 3:00 PM · 6h');
  await expect(log.getByLabel('End')).toHaveValue('');
  await log.getByRole('button', { name: 'Log MSP time' }).click();
  await expect(log.getByRole('status')).toContainText('Logged 6h');

  // …an end that ends when it starts is refused at the End field and loses nothing…
  await log.getByLabel('Start').fill('17:00');
  await log.getByLabel('End').fill('17:00');
  await log.getByLabel('Duration').fill('');
  await log.getByLabel('Note').fill('Backwards');
  await log.getByRole('button', { name: 'Log MSP time' }).click();
  await expect(log.getByLabel('End')).toHaveAccessibleDescription('The entry must end after it starts');
  await expect(log.getByLabel('Note')).toHaveValue('Backwards');

  // …and the rest as the MSP's timesheet would arrive: 20 h more, 34 h in all.
  for (const date of [4, 5]) {
    await api(page, app.origin, 'timeEntries:create', {
      worker: 'msp',
      categoryId: 3,
      startAt: at(day(date), '08:00'),
      endAt: at(day(date), '18:00'),
      note: 'Server patching',
    });
  }
  await page.reload();
  await openTab(page, 'Contract');

  const burnDown = page.getByRole('region', { name: /^Included hours in / });
  await expect(burnDown.getByRole('meter', { name: '34.0 h of 40.0 h included hours used (85 %)' })).toHaveAttribute('value', '34');
  await expect(burnDown).toContainText('85 % of included hours used');
  await expect(burnDown).toContainText('past the 80 % mark');
  await expect(burnDown).toContainText('6.0 h left before overage at $150 per hour');
  // The suite's today is Mon Nov 16. The last 20 working days before it, from the first MSP day
  // (Mon Nov 2): Nov 2–6 and 9–13, 10 days carrying all 34 h → 3.4 h a working day. Working days
  // left after today: Nov 17–20, 23–27 and 30 = 10. Projected 34 + 10 × 3.4 = 68 h;
  // cost 2,400 + (68 − 40) × 150 = 6,600.
  const projected = 34 + 10 * (34 / 10);
  const projectedCost = 2400 + Math.max(0, projected - 40) * 150;
  expect([today, length]).toStrictEqual([16, 30]);
  const figure = (label: string) => burnDown.locator('.figure').filter({ has: page.getByText(label, { exact: true }) });
  await expect(figure('MSP hours used')).toContainText('34.0 h');
  await expect(figure('Overage hours')).toContainText('0.0 h');
  await expect(figure('Projected by month end')).toContainText(hours(projected));
  await expect(figure('Projected by month end')).toContainText('3.4 h a working day over the last 10 working days, for the 10 working days left');
  await expect(figure('Projected cost')).toContainText(`$${Math.round(projectedCost).toLocaleString('en-US')}`);

  // Deleting an entry can be undone; the burn-down follows both ways.
  const entries = page.getByRole('table', { name: /^MSP time in / });
  await expect(entries.getByRole('row')).toHaveCount(5);
  await entries.getByRole('row', { name: /Laptop refresh for sales/ }).getByRole('button', { name: /^Delete/ }).click();
  await expect(burnDown).toContainText('26.0 h of 40.0 h');
  await expect(burnDown).not.toContainText('of included hours used');
  await page.getByRole('region', { name: 'Notifications' }).getByRole('group', { name: /^Deleted 8.0 h/ }).getByRole('button', { name: 'Undo' }).click();
  await expect(burnDown).toContainText('34.0 h of 40.0 h');
});

/** A month a manager could have: provider, team, targets, a change of contract and MSP time. */
async function fillWithData(page: Page, origin: string): Promise<void> {
  const { day, month } = thisMonth();
  await api(page, origin, 'msp:saveProvider', {
    name: 'Northwind IT Services',
    email: 'help@northwind.example',
    phone: '+1 555 0100',
    notes: 'Portal: northwind.example/portal. Escalations go to Dana Reyes.',
  });
  const sam = await api(page, origin, 'technicians:create', { name: 'Sam Ortiz', role: 'Desktop support', email: 'sam@northwind.example' });
  await api(page, origin, 'technicians:create', { name: 'Alex Kim', role: 'Server administration', email: 'alex@northwind.example' });
  const former = await api(page, origin, 'technicians:create', { name: 'Jo Park', role: 'Help desk', email: '' });
  await api(page, origin, 'technicians:remove', { id: former.id });
  for (const [categoryId, targetMinutes] of [
    [1, 240],
    [2, 480],
    [3, 30],
  ]) {
    await api(page, origin, 'responseTargets:set', { categoryId, targetMinutes });
  }
  await api(page, origin, 'msp:saveContract', { id: null, startDay: '2026-01-01', monthlyFee: 2200, includedHours: 35, overageRate: 140 });
  await api(page, origin, 'msp:saveContract', { id: null, startDay: `${month}-01`, monthlyFee: 2400, includedHours: 40, overageRate: 150 });
  for (const [date, technicianId, categoryId, start, end, note] of [
    [2, sam.id, 3, '08:00', '16:00', 'Laptop refresh for sales'],
    [3, null, 1, '09:00', '15:00', 'Help-desk calls'],
    [4, sam.id, 3, '08:00', '18:00', 'Imaging new starters'],
    [5, null, 2, '08:00', '18:00', 'Server patching and reboot window'],
  ] as const) {
    await api(page, origin, 'timeEntries:create', { worker: 'msp', technicianId, categoryId, startAt: at(day(date), start), endAt: at(day(date), end), note });
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Team and Contract tabs have no axe violations in the ${colorScheme} theme`, async ({ offload: page, app }) => {
    test.slow();
    await page.emulateMedia({ colorScheme });
    // Empty first: the teaching empty states are scanned too.
    for (const tab of ['Team', 'Contract'] as const) {
      await openTab(page, tab);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${tab} (empty): ${violation.id} — ${violation.help}`)).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `msp-${tab.toLowerCase()}-empty-${colorScheme}.png`), fullPage: true });
    }

    await fillWithData(page, app.origin);
    await page.reload();
    for (const tab of ['Team', 'Contract'] as const) {
      await openTab(page, tab);
      if (tab === 'Team') {
        await page.getByRole('button', { name: 'Show 1 former technician' }).click();
        await page.getByRole('button', { name: 'Edit Alex Kim' }).click();
        await expect(page.getByLabel('Name of Alex Kim')).toBeFocused();
      } else {
        await expect(page.getByRole('meter')).toBeVisible();
        await expect(page.getByRole('table', { name: /^MSP time in / }).getByRole('row')).toHaveCount(5);
      }
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${tab}: ${violation.id} — ${violation.help}`)).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `msp-${tab.toLowerCase()}-${colorScheme}.png`), fullPage: true });
    }
  });
}
