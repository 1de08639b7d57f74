import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { api, expect, openScreen, test } from './fixtures';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Pictures for a person to look at, light and dark; they assert nothing. */
async function shoot(page: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/*
 * The suite's today is Monday 16 November 2026 (test/support/e2e-clock.ts). Hours per day are set to
 * 6 in Settings first, so a 5 h task and a 2 h task on Tuesday overload it by 1 h.
 */
const NETWORK = 4;

async function setHoursPerDay(page: Page, hours: string) {
  await openScreen(page, 'Settings');
  const field = page.getByLabel('Hours per working day');
  await field.fill(hours);
  await field.press('Enter');
}

/** A pointer drag as a person does it: press, move in steps (dnd-kit starts after 6 px), release. */
async function drag(page: Page, card: Locator, target: Locator) {
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
  // Under load the first moves can land before dnd-kit has started the drag: wait until it has.
  await expect(card).toHaveClass(/is-dragging/);
  await page.mouse.move(to.x + 20, to.y + to.height - 20, { steps: 12 });
  await page.mouse.up();
}

const day = (page: Page, name: RegExp) => page.getByRole('region', { name });

/**
 * Answers the dialog a drop opened. dnd-kit swallows clicks for 50 ms after a drop (its timer), and
 * on a loaded machine Chromium runs the click before that timer: a click that did nothing is
 * repeated, as a person would.
 */
async function answer(dialog: Locator, button: string) {
  await expect(async () => {
    await dialog.getByRole('button', { name: button }).click({ timeout: 1000 });
    await expect(dialog).toBeHidden({ timeout: 1000 });
  }).toPass();
}

/**
 * Picks a card up with the keyboard and waits until it is being carried: dnd-kit starts listening
 * for the arrow keys a moment after the key that picked the card up.
 */
async function pickUp(page: Page, card: Locator, key: 'Space' | 'Enter' = 'Space') {
  await card.focus();
  await page.keyboard.press(key);
  await expect(card).toHaveClass(/is-dragging/);
}

test('plan a week by drag and drop and by keyboard alone; the overload warning appears and clears', async ({ offload: page, app }) => {
  await setHoursPerDay(page, '6');
  await expect.poll(async () => (await api<{ hoursPerDay: number }>(page, app.origin, 'settings:get')).hoursPerDay).toBe(6);
  await api(page, app.origin, 'tasks:create', { title: 'Core switch upgrade', categoryId: NETWORK, estimateMinutes: 300, priority: 2 });
  await api(page, app.origin, 'tasks:create', { title: 'VLAN for VoIP', categoryId: NETWORK, estimateMinutes: 120 });

  await openScreen(page, 'Week plan');
  const tuesday = day(page, /Tue, Nov 17/);
  const backlog = page.getByRole('region', { name: /^Backlog/ });
  await expect(backlog.getByRole('listitem')).toHaveCount(2);

  // By pointer: the 5 h task onto Tuesday.
  await drag(page, backlog.getByRole('button', { name: /^Core switch upgrade/ }), tuesday);
  await expect(tuesday.getByRole('list')).toContainText('Core switch upgrade');
  await expect(tuesday.getByRole('img')).toHaveAccessibleName(/^5\.0 h of 6 h capacity/);

  // By keyboard: pick the 2 h task up, six steps left from the backlog to Tuesday, drop.
  await pickUp(page, backlog.getByRole('button', { name: /^VLAN for VoIP/ }));
  for (let step = 0; step < 6; step += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  await expect(tuesday.getByRole('list')).toContainText('VLAN for VoIP');
  const warning = page.getByRole('status').filter({ hasText: 'Overloaded' });
  await expect(warning).toContainText('Overloaded: Tue, Nov 17 by 1.0 h');
  await expect(tuesday.getByRole('img')).toHaveAccessibleName('7.0 h of 6 h capacity: Planned tasks 7.0 h; 1.0 h over');
  await shoot(page, 'week-plan-overloaded');

  // Picked up and cancelled: nothing moves.
  await pickUp(page, tuesday.getByRole('button', { name: /^VLAN for VoIP/ }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(tuesday.getByRole('list')).toContainText('VLAN for VoIP');

  // Back to the backlog by keyboard: from Tuesday six steps right.
  await pickUp(page, tuesday.getByRole('button', { name: /^VLAN for VoIP/ }), 'Enter');
  for (let step = 0; step < 6; step += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(backlog.getByRole('list')).toContainText('VLAN for VoIP');
  await expect(warning).toBeHidden();
});

test('a drop onto a day off asks first, and a drop into the MSP lane hands the task over', async ({ offload: page, app }) => {
  await api(page, app.origin, 'timeOff:create', { startDay: '2026-11-19', endDay: '2026-11-19', note: 'Training' });
  await api(page, app.origin, 'tasks:create', { title: 'Firewall rules', categoryId: NETWORK, estimateMinutes: 60 });
  await api(page, app.origin, 'tasks:create', { title: 'Printer drivers', categoryId: 3, estimateMinutes: 30 });
  await openScreen(page, 'Week plan');
  const backlog = page.getByRole('region', { name: /^Backlog/ });
  const thursday = day(page, /Thu, Nov 19/);
  await expect(thursday).toContainText('Time off: Training');

  await drag(page, backlog.getByRole('button', { name: /^Firewall rules/ }), thursday);
  const ask = page.getByRole('dialog', { name: 'Plan it on a day off?' });
  await answer(ask, 'Keep it where it was');
  await expect(backlog.getByRole('list')).toContainText('Firewall rules');
  await drag(page, backlog.getByRole('button', { name: /^Firewall rules/ }), thursday);
  await answer(ask, 'Plan it on my day off');
  await expect(thursday.getByRole('list')).toContainText('Firewall rules');
  await expect(thursday.getByRole('img')).toHaveAccessibleName(/1\.0 h over$/);

  await drag(page, backlog.getByRole('button', { name: /^Printer drivers/ }), page.getByRole('region', { name: /^MSP lane/ }));
  await expect(page.getByRole('region', { name: /^MSP lane/ })).toContainText('Printer drivers');
  const { tasks } = await api<{ tasks: { title: string; owner: string }[] }>(page, app.origin, 'tasks:list', { search: 'Printer' });
  expect(tasks[0]?.owner).toBe('msp');
});

test('Plan my week suggests a plan that changes nothing until accepted; discard leaves all as it was', async ({ offload: page, app }) => {
  await api(page, app.origin, 'tasks:create', { title: 'Audit the firewall rules', categoryId: NETWORK, estimateMinutes: 240, dueDay: '2026-11-18', priority: 3 });
  await api(page, app.origin, 'tasks:create', { title: 'Document the VLANs', categoryId: NETWORK, estimateMinutes: 180 });
  await api(page, app.origin, 'tasks:create', { title: 'Think about the wiki', categoryId: NETWORK });
  await openScreen(page, 'Week plan');
  const backlog = page.getByRole('region', { name: /^Backlog/ });

  await page.getByRole('button', { name: 'Plan my week' }).click();
  let dialog = page.getByRole('dialog', { name: 'Plan my week' });
  await expect(dialog.getByRole('checkbox', { name: 'Plan “Audit the firewall rules” on Mon, Nov 16' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Plan “Document the VLANs” on Mon, Nov 16' })).toBeChecked();
  await expect(dialog).toContainText('Think about the wiki — No estimate: give it one so it can be planned');
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(backlog.getByRole('listitem')).toHaveCount(3);

  await page.getByRole('button', { name: 'Plan my week' }).click();
  dialog = page.getByRole('dialog', { name: 'Plan my week' });
  await dialog.getByRole('checkbox', { name: 'Plan “Document the VLANs” on Mon, Nov 16' }).uncheck();
  await dialog.getByRole('button', { name: 'Accept 1 placement' }).click();
  await expect(day(page, /Mon, Nov 16/).getByRole('list')).toContainText('Audit the firewall rules');
  await expect(backlog.getByRole('list')).toContainText('Document the VLANs');
});

test('plan a vacation, hand the at-risk work to the MSP, and see coverage reach 100 %', async ({ offload: page, app }) => {
  await api(page, app.origin, 'tasks:create', { title: 'Replace the HR monitors', categoryId: 3, dueDay: '2026-12-22' });
  await api(page, app.origin, 'tasks:create', { title: 'Patch the file server', categoryId: 2, plannedDay: '2026-12-23', estimateMinutes: 90 });
  await api(page, app.origin, 'msp:saveProvider', { name: 'Northwind IT', email: 'help@northwind.example', phone: '555-0100', notes: 'Escalate outages by phone.' });
  await openScreen(page, 'Time off');
  await expect(page.getByText('No time off yet')).toBeVisible();
  const form = page.getByRole('form', { name: 'Add time off' });
  await form.getByLabel('First day').fill('2026-12-21');
  await form.getByLabel('Last day').fill('2026-12-31');
  await form.getByLabel('Note').fill('Holidays');
  await form.getByRole('button', { name: 'Add time off' }).click();

  const coverage = page.getByRole('region', { name: /^Coverage while you are off/ });
  await expect(coverage.locator('.figure').filter({ hasText: 'Coverage' }).first()).toContainText('0 %');
  await expect(coverage.getByRole('table')).toContainText('Replace the HR monitors');
  await expect(coverage.getByRole('table')).toContainText('Its category is not delegated that day');
  await shoot(page, 'time-off-at-risk');

  // An overlapping range is refused at its field.
  await form.getByLabel('First day').fill('2026-12-30');
  await form.getByLabel('Last day').fill('2027-01-02');
  await form.getByRole('button', { name: 'Add time off' }).click();
  await expect(form.getByLabel('First day')).toHaveAccessibleDescription(/Overlaps your time off Mon, Dec 21 – Thu, Dec 31, 2026/);

  await coverage.getByRole('button', { name: 'Hand over the at-risk work' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hand the at-risk work to the MSP?' });
  await expect(dialog).toContainText('Desktop maintenance from Mon, Dec 21 to Thu, Dec 31');
  await expect(dialog).toContainText('Server administration from Mon, Dec 21 to Thu, Dec 31');
  await dialog.getByRole('button', { name: /^Hand over for/ }).click();
  await expect(coverage.locator('.figure').filter({ hasText: 'Coverage' }).first()).toContainText('100 %');
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('coverage is now 100 %');

  await coverage.getByRole('button', { name: 'Print a handover for the MSP' }).click();
  const sheet = page.getByRole('region', { name: 'Handover for the MSP' });
  await expect(sheet).toContainText('Handover for Northwind IT');
  await expect(sheet).toContainText('help@northwind.example');
  await expect(sheet.getByRole('table')).toContainText('Patch the file server');
  await shoot(page, 'time-off-handover-sheet');
  await sheet.getByRole('button', { name: 'Close' }).click();
});

test('time off lists the last year and what is ahead; what ended earlier is one click away', async ({ offload: page, app }) => {
  await api(page, app.origin, 'timeOff:create', { startDay: '2024-07-13', endDay: '2024-07-19', note: 'Summer 2024' });
  await api(page, app.origin, 'timeOff:create', { startDay: '2025-07-13', endDay: '2025-07-19', note: 'Summer 2025' });
  await openScreen(page, 'Time off');
  const list = page.getByRole('region', { name: 'Your time off' });
  await expect(list.getByText('No time off in the last year or ahead')).toBeVisible();
  await expect(list).not.toContainText('Summer 2025');
  await shoot(page, 'time-off-only-earlier');

  // Live: ranges added elsewhere appear without a reload.
  await api(page, app.origin, 'timeOff:create', { startDay: '2025-12-22', endDay: '2026-01-02', note: 'Holidays 2025' });
  await api(page, app.origin, 'timeOff:create', { startDay: '2026-12-21', endDay: '2026-12-31', note: 'Holidays 2026' });
  const table = list.getByRole('table');
  await expect(table).toContainText('Holidays 2025');
  await expect(table).toContainText('Holidays 2026');
  await expect(table).not.toContainText('Summer');

  await list.getByRole('button', { name: /^Show time off that ended before / }).click();
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').nth(1)).toContainText('Summer 2024');
  await expect(table.getByRole('row').nth(2)).toContainText('Summer 2025');
  await shoot(page, 'time-off-earlier');
  await list.getByRole('button', { name: /^Show only time off since / }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
});

test('every setting is edited at its field: a refused value says why and saves nothing', async ({ offload: page, app }) => {
  await openScreen(page, 'Settings');
  const end = page.getByLabel('Working day ends');
  await end.fill('07:00');
  await end.press('Enter');
  await expect(end).toHaveAccessibleDescription(/The working day must end after it starts/);
  const hours = page.getByLabel('Hours per working day');
  await hours.fill('25');
  await hours.press('Enter');
  await expect(hours).toHaveAccessibleDescription(/A day has 24 hours/);
  const salary = page.getByLabel('Your annual salary');
  await salary.fill('-5');
  await salary.press('Enter');
  await expect(salary).toHaveAccessibleDescription(/A salary cannot be negative/);
  const zone = page.getByLabel('Time zone');
  await zone.fill('Mars/Olympus');
  await zone.press('Enter');
  await expect(zone).toHaveAccessibleDescription(/Unknown time zone/);
  await shoot(page, 'settings-refused-values');
  expect(await api(page, app.origin, 'settings:get')).toMatchObject({ workdayEnd: '17:00', hoursPerDay: 8, managerAnnualSalary: 95_000, timeZone: null });

  await page.getByRole('checkbox', { name: 'Saturday' }).check();
  await page.getByLabel('Oversight share (%)').fill('15');
  await page.getByLabel('Oversight share (%)').press('Tab');
  await expect.poll(async () => api(page, app.origin, 'settings:get')).toMatchObject({ workingDays: [1, 2, 3, 4, 5, 6], oversightShare: 0.15 });
});

test('a new time zone says first how many entries it re-files', async ({ offload: page, app }) => {
  await api(page, app.origin, 'timeEntries:create', { worker: 'me', categoryId: NETWORK, startAt: Date.parse('2026-11-16T04:00:00Z'), endAt: Date.parse('2026-11-16T05:00:00Z') });
  await openScreen(page, 'Settings');
  const zone = page.getByLabel('Time zone');
  await zone.fill('Europe/Berlin');
  await zone.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Change your time zone?' });
  await expect(dialog).toContainText('1 of your 1 time entries start on another local day');
  await dialog.getByRole('button', { name: 'Change and re-file 1 entry' }).click();
  await expect.poll(async () => (await api<{ startDay: string }[]>(page, app.origin, 'timeEntries:list', { from: '2026-11-01', to: '2026-11-30' }))[0]?.startDay).toBe('2026-11-16');
  expect((await api<{ timeZone: string }>(page, app.origin, 'settings:get')).timeZone).toBe('Europe/Berlin');
});
