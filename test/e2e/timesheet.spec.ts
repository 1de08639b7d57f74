import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { addDays, dayOfWeek } from '../../shared/domain/day';
import { instantOn } from '../support/e2e-clock';
import { api, callHeaders, expect, openScreen, test } from './fixtures';

/*
 * The suite's today is Monday 16 November 2026, 10:00 in Chicago (test/support/e2e-clock.ts); the
 * week runs Monday 16 to Sunday 22, last week Monday 9 to Sunday 15.
 */
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const NETWORK = 4;
const SERVERS = 2;

interface Entry {
  id: number;
  startAt: number;
  endAt: number | null;
  note: string;
  startDay: string;
  taskId: number | null;
}

const log = (page: Page, origin: string, day: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
  api<Entry>(page, origin, 'timeEntries:create', { worker: 'me', categoryId: NETWORK, startAt: instantOn(day, from), endAt: instantOn(day, to), ...extra });

const grid = (page: Page) => page.getByRole('grid', { name: /^Week of/ });
/** The row of the week grid whose header names `label`. */
const gridRow = (page: Page, label: string | RegExp) => grid(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
/** A day's cell in a row: 0 = Monday. */
const cell = (row: Locator, day: number) => row.getByRole('gridcell').nth(day);
const toasts = (page: Page) => page.getByRole('region', { name: 'Notifications' });

async function openLastWeek(page: Page) {
  await openScreen(page, 'Timesheet');
  await page.getByRole('button', { name: /Previous week/ }).click();
  await expect(page.getByText('Week of Mon, Nov 9')).toBeVisible();
}

test('adds an entry in the week, edits it and links it to a task; the row shows the task', async ({ offload: page, app }) => {
  await api(page, app.origin, 'tasks:create', { title: 'Replace the core switch fan', categoryId: NETWORK });
  await openScreen(page, 'Timesheet');
  await expect(page.getByText('Week of Mon, Nov 16')).toBeVisible();
  await page.getByRole('button', { name: 'Add entry' }).click();
  const add = page.getByRole('dialog', { name: 'Add time entry' });
  await expect(add.getByLabel('Day')).toHaveValue('2026-11-16');
  await add.getByLabel('Category').selectOption({ label: 'Network' });
  await add.getByLabel('From').fill('08:00');
  await add.getByLabel('To', { exact: true }).fill('09:30');
  await expect(add.getByLabel('To', { exact: true })).toHaveAccessibleDescription('1h 30m');
  await add.getByLabel('Note').fill('Fan alarm on the core switch');
  await add.getByRole('button', { name: 'Log time' }).click();
  await expect(add).toBeHidden();

  const network = gridRow(page, /Network/);
  await expect(cell(network, 0)).toContainText('1h 30m');
  await cell(network, 0).getByRole('button', { name: /^8:00 – 9:30 AM/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit time entry' });
  await expect(edit.getByLabel('Note')).toHaveValue('Fan alarm on the core switch');
  await edit.getByLabel('To', { exact: true }).fill('09:45');
  const picker = edit.getByRole('combobox', { name: 'Task' });
  await picker.fill('switch fan');
  await expect(edit.getByRole('option', { name: 'Replace the core switch fan' })).toBeVisible();
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await expect(picker).toHaveValue('Replace the core switch fan');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  const linked = gridRow(page, /Replace the core switch fan/);
  await expect(linked).toContainText('Network');
  await expect(cell(linked, 0)).toContainText('1h 45m');
  await expect(linked.getByRole('gridcell').last()).toHaveText('1h 45m');

  // Unlinked again, the row is the category's alone.
  await cell(linked, 0).getByRole('button', { name: /^8:00 – 9:45 AM/ }).click();
  await edit.getByRole('button', { name: /^No task/ }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(gridRow(page, /Replace the core switch fan/)).toHaveCount(0);
  await expect(cell(gridRow(page, /Network/), 0)).toContainText('1h 45m');
});

test('splits an entry at a chosen time into two that add up to it', async ({ offload: page, app }) => {
  await log(page, app.origin, '2026-11-13', '09:00', '11:00', { note: 'Patch window prep' });
  await openLastWeek(page);
  const friday = cell(gridRow(page, /Network/), 4);
  await friday.getByRole('button', { name: /^9:00 – 11:00 AM/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit time entry' });
  await edit.getByLabel('Split at').fill('10:15');
  await edit.getByRole('button', { name: 'Split' }).click();
  await expect(edit).toBeHidden();
  await expect(friday.getByRole('button')).toHaveText([/^9:00 – 10:15 AM/, /^10:15 – 11:00 AM/, /Add time/]);
  await expect(friday).toContainText('2h');
  const entries = await api<Entry[]>(page, app.origin, 'timeEntries:list', { from: '2026-11-13', to: '2026-11-13' });
  expect(entries.map((entry) => entry.note)).toStrictEqual(['Patch window prep', 'Patch window prep']);
});

test('moves an entry to another day, keeping its times, and Undo moves it back', async ({ offload: page, app }) => {
  await log(page, app.origin, '2026-11-13', '14:00', '15:30');
  await openLastWeek(page);
  const network = gridRow(page, /Network/);
  await cell(network, 4).focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(cell(network, 3)).toContainText('2:00 – 3:30 PM');
  await expect(cell(network, 4)).not.toContainText('2:00 – 3:30 PM');
  await expect(cell(network, 3)).toBeFocused();
  await toasts(page).getByRole('group', { name: 'Moved the entry to Thu, Nov 12' }).getByRole('button', { name: 'Undo' }).click();
  await expect(cell(network, 4)).toContainText('2:00 – 3:30 PM');

  // In the editor, another day keeps the times she sees.
  await cell(network, 4).getByRole('button', { name: /^2:00 – 3:30 PM/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit time entry' });
  await edit.getByLabel('Day').fill('2026-11-10');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(cell(network, 1)).toContainText('2:00 – 3:30 PM');
  const [moved] = await api<Entry[]>(page, app.origin, 'timeEntries:list', { from: '2026-11-01', to: '2026-11-30' });
  expect([moved!.startDay, moved!.startAt]).toStrictEqual(['2026-11-10', instantOn('2026-11-10', '14:00')]);
});

test('Delete deletes the focused entry and Undo brings it back whole', async ({ offload: page, app }) => {
  const note = 'Rebuilt the VPN concentrator config after the firmware update wiped the tunnel definitions for both branch offices.';
  await log(page, app.origin, '2026-11-11', '13:00', '14:00', { note });
  await openLastWeek(page);
  const network = gridRow(page, /Network/);
  await cell(network, 2).focus();
  await page.keyboard.press('Delete');
  await expect(network).toHaveCount(0);
  await expect(grid(page).getByRole('rowheader', { name: 'New entry' })).toBeVisible();
  await toasts(page).getByRole('group', { name: 'Deleted the time entry' }).getByRole('button', { name: 'Undo' }).click();
  await expect(cell(gridRow(page, /Network/), 2)).toContainText('1:00 – 2:00 PM');
  const entries = await api<Entry[]>(page, app.origin, 'timeEntries:list', { from: '2026-11-11', to: '2026-11-11' });
  expect(entries.map((entry) => entry.note)).toStrictEqual([note]);
});

test('a cell’s entry list opens the editor on the chosen entry with its who, category, task and whole note; a new entry starts where hers ended', async ({ offload: page, app }) => {
  const sam = await api<{ id: number }>(page, app.origin, 'technicians:create', { name: 'Sam Ortiz' });
  const review = await api<{ id: number }>(page, app.origin, 'tasks:create', { title: 'Quarterly firewall rule review', categoryId: NETWORK });
  // 96 characters: the week lists the first 60 and an ellipsis, the editor shows them all.
  const note = 'Walked the outbound rules with the auditor and removed the three that nobody could explain at all';
  await log(page, app.origin, '2026-11-10', '09:00', '09:30', { taskId: review.id, note: 'Rule audit' });
  await log(page, app.origin, '2026-11-10', '09:30', '10:15', { taskId: review.id, note });
  await log(page, app.origin, '2026-11-10', '13:00', '13:45', { taskId: review.id });
  // The MSP's later end on the same day is not where her next entry starts.
  await api(page, app.origin, 'timeEntries:create', {
    worker: 'msp', technicianId: sam.id, categoryId: SERVERS, startAt: instantOn('2026-11-10', '14:00'), endAt: instantOn('2026-11-10', '16:00'), note: 'Patch Tuesday rollout',
  });
  await openLastWeek(page);
  await page.getByRole('button', { name: 'Both', exact: true }).click();
  const reviewRow = gridRow(page, /Quarterly firewall rule review/);
  await expect(cell(reviewRow, 1)).toContainText('2h');
  await expect(cell(reviewRow, 1).getByRole('button', { name: /Edit$/ })).toHaveCount(3);

  await cell(reviewRow, 1).focus();
  await page.keyboard.press('Enter');
  const chooser = page.getByRole('dialog', { name: 'Tue, Nov 10 · Network' });
  await expect(chooser).toContainText('3 entries. Choose one to edit, split, move or delete.');
  const listed = chooser.getByRole('listitem');
  await expect(listed).toHaveText([/9:00 AM – 9:30 AM.*Rule audit · You$/, new RegExp(`9:30 AM – 10:15 AM.*${note.slice(0, 60)}… · You$`), /1:00 PM – 1:45 PM.* · You$/]);
  await shoot(page, 'timesheet-week-cell-list');
  await listed.nth(1).getByRole('button').click();
  const edit = page.getByRole('dialog', { name: 'Edit time entry' });
  await expect(edit.getByLabel('Who')).toHaveValue('me');
  await expect(edit.getByLabel('Category')).toHaveValue(String(NETWORK));
  await expect(edit.getByRole('combobox', { name: 'Task' })).toHaveValue('Quarterly firewall rule review');
  await expect(edit.getByLabel('From')).toHaveValue('09:30');
  await expect(edit.getByLabel('Note')).toHaveValue(note);
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  // The MSP's entry, from its own row: the technician and category are the row's.
  await cell(gridRow(page, /Sam Ortiz/), 1).getByRole('button', { name: /^2:00 – 4:00 PM/ }).click();
  await expect(edit.getByLabel('Who')).toHaveValue(`t:${sam.id}`);
  await expect(edit.getByLabel('Category')).toHaveValue(String(SERVERS));
  await expect(edit.getByRole('combobox', { name: 'Task' })).toHaveValue('');
  await expect(edit.getByLabel('Note')).toHaveValue('Patch Tuesday rollout');
  await page.keyboard.press('Escape');

  // N in her row's cell adds to the row's task, from where her last entry of the day ended.
  await cell(reviewRow, 1).focus();
  await page.keyboard.press('n');
  const add = page.getByRole('dialog', { name: 'Add time entry' });
  await expect(add.getByLabel('Day')).toHaveValue('2026-11-10');
  await expect(add.getByLabel('From')).toHaveValue('13:45');
  await expect(add.getByLabel('Category')).toHaveValue(String(NETWORK));
  await expect(add.getByRole('combobox', { name: 'Task' })).toHaveValue('Quarterly firewall rule review');
});

test('a week of more entries than it lists says so, and its cells still count them all', async ({ offload: page, app }) => {
  // 252 MSP team entries of 5 minutes on Sunday 15 November (the team works in parallel).
  for (let index = 0; index < 252; index += 1) {
    const startAt = instantOn('2026-11-15', '06:00') + index * 2 * 60_000;
    await api(page, app.origin, 'timeEntries:create', { worker: 'msp', categoryId: SERVERS, startAt, endAt: startAt + 5 * 60_000 });
  }
  await openLastWeek(page);
  await page.getByRole('button', { name: 'MSP', exact: true }).click();
  await expect(page.getByText('The week has 252 entries; the cells list the first 250.')).toBeVisible();
  const sunday = cell(gridRow(page, /Server administration/), 6);
  await expect(sunday).toContainText('21h');
  await expect(sunday).toContainText('+249 more');
  await sunday.focus();
  await page.keyboard.press('Enter');
  const chooser = page.getByRole('dialog', { name: 'Sun, Nov 15 · Server administration' });
  await expect(chooser).toContainText('252 entries.');
  await expect(chooser.getByRole('listitem')).toHaveCount(250);
  await expect(chooser).toContainText('More entries are on this day than the week lists');
  await expect(chooser.getByRole('listitem').first()).toHaveText(/^6:00 AM – 6:05 AM.*MSP team$/);
});

test('an overnight entry: 23:00–01:00 is said to end the next day before saving, and counts 2 h after hours on its first day', async ({ offload: page }) => {
  await openLastWeek(page);
  await page.getByRole('button', { name: 'Add entry' }).click();
  const add = page.getByRole('dialog', { name: 'Add time entry' });
  await add.getByLabel('Day').fill('2026-11-12');
  await add.getByLabel('Category').selectOption({ label: 'Server administration' });
  await add.getByLabel('From').fill('23:00');
  await add.getByLabel('To', { exact: true }).fill('01:00');
  await expect(add.getByLabel('To', { exact: true })).toHaveAccessibleDescription('ends the next day, Fri, Nov 13 · 2h');
  await add.getByRole('button', { name: 'Log time' }).click();
  await expect(add).toBeHidden();
  const servers = gridRow(page, /Server administration/);
  await expect(cell(servers, 3)).toContainText('2h');
  await expect(cell(servers, 3)).toContainText('11:00 PM – 1:00 AM +1 day');
  await expect(cell(servers, 4).getByRole('listitem')).toHaveCount(0);
  await expect(grid(page).locator('tfoot td').nth(3)).toContainText('2h after hours');

  // The day after shows the night's work from midnight, as the day before's.
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.getByLabel('Go to').fill('2026-11-13');
  await expect(page.getByRole('list', { name: 'Entries on Fri, Nov 13' }).getByRole('button')).toContainText('from Thu, Nov 12');

  // Today's form reads the same way.
  await openScreen(page, 'Today');
  const form = page.getByRole('form', { name: 'Log time' });
  await form.getByLabel('Day').fill('2026-11-14');
  await form.getByLabel('From').fill('22:30');
  await form.getByLabel('To', { exact: true }).fill('00:30');
  await expect(form.getByLabel('To', { exact: true })).toHaveAccessibleDescription('ends the next day, Sun, Nov 15 · 2h');
});

test('conflicting start, end and duration are refused at the duration, in the MSP log and the timesheet', async ({ offload: page }) => {
  await openScreen(page, 'MSP');
  await page.getByRole('tab', { name: 'Contract' }).click();
  const msp = page.getByRole('form', { name: 'Log MSP time' });
  await msp.getByLabel('Category').selectOption({ label: 'Desktop maintenance' });
  await msp.getByLabel('Date').fill('2026-11-13');
  await msp.getByLabel('Start').fill('10:00');
  await msp.getByLabel('End').fill('11:00');
  await msp.getByLabel('Duration').fill('3h');
  await msp.getByRole('button', { name: 'Log MSP time' }).click();
  const conflict = 'From start to end is 1h, not 3h: change the end or the duration, or clear one of them';
  await expect(msp.getByLabel('Duration')).toHaveAccessibleDescription(`or an end time ${conflict}`);
  await expect(msp.getByLabel('End')).toHaveValue('11:00');
  await expect(page.getByRole('table', { name: /^MSP time in/ })).toHaveCount(0);

  await openScreen(page, 'Timesheet');
  await page.getByRole('button', { name: 'Add entry' }).click();
  const add = page.getByRole('dialog', { name: 'Add time entry' });
  await add.getByLabel('Category').selectOption({ label: 'Network' });
  await add.getByLabel('From').fill('07:00');
  await add.getByLabel('To', { exact: true }).fill('08:00');
  await add.getByLabel('Duration').fill('2h');
  await add.getByRole('button', { name: 'Log time' }).click();
  await expect(add.getByLabel('Duration')).toHaveAccessibleDescription(`or an end time From start to end is 1h, not 2h: change the end or the duration, or clear one of them`);
  await add.getByLabel('Duration').fill('');
  await add.getByRole('button', { name: 'Log time' }).click();
  await expect(add).toBeHidden();
});

test('an entry that starts in the future is refused at its start, hers and the MSP’s', async ({ offload: page, app }) => {
  await openScreen(page, 'Timesheet');
  await page.getByRole('button', { name: 'Add entry' }).click();
  const add = page.getByRole('dialog', { name: 'Add time entry' });
  await add.getByLabel('Category').selectOption({ label: 'Network' });
  await add.getByLabel('From').fill('15:00');
  await add.getByLabel('To', { exact: true }).fill('16:00');
  await add.getByRole('button', { name: 'Log time' }).click();
  const future = 'This entry starts in the future (Mon, Nov 16 at 3:00 PM): log time you have worked, and plan what is ahead in the Week plan';
  await expect(add.getByLabel('From')).toHaveAccessibleDescription(future);
  await add.getByRole('button', { name: 'Cancel' }).click();

  // The backend refuses it too, for the MSP, whatever the page checked.
  const response = await page.request.post(`${app.origin}/api/timeEntries:create`, {
    headers: await callHeaders(page, app.origin),
    data: { worker: 'msp', categoryId: SERVERS, startAt: instantOn('2026-12-01', '15:00'), endAt: instantOn('2026-12-01', '16:00') },
  });
  const body = (await response.json()) as { ok: boolean; error?: { issues?: { field: string; message: string }[] } };
  expect(body.error?.issues).toStrictEqual([
    { field: 'startAt', message: 'This entry starts in the future (Tue, Dec 1 at 3:00 PM): log time you have worked, and plan what is ahead in the Week plan' },
  ]);
  expect(await api<Entry[]>(page, app.origin, 'timeEntries:list', { from: '2026-11-01', to: '2026-12-31' })).toStrictEqual([]);
});

test('MSP entries of any month can be edited from the MSP log', async ({ offload: page, app }) => {
  const sam = await api<{ id: number }>(page, app.origin, 'technicians:create', { name: 'Sam Ortiz' });
  await api(page, app.origin, 'timeEntries:create', {
    worker: 'msp', technicianId: sam.id, categoryId: SERVERS, startAt: instantOn('2026-10-20', '09:00'), endAt: instantOn('2026-10-20', '12:00'), note: 'Patched the file servers',
  });
  await openScreen(page, 'MSP');
  await page.getByRole('tab', { name: 'Contract' }).click();
  await expect(page.getByRole('heading', { name: 'MSP time in November 2026' })).toBeVisible();
  await page.getByRole('button', { name: 'Previous month' }).click();
  const october = page.getByRole('table', { name: 'MSP time in October 2026' });
  await october.getByRole('button', { name: /^Edit the MSP time on Tue, Oct 20/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit time entry' });
  await expect(edit.getByLabel('Who')).toHaveValue(`t:${sam.id}`);
  await edit.getByLabel('To', { exact: true }).fill('13:30');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(october.getByRole('row', { name: /Patched the file servers/ })).toContainText('4.5 h');
  // Logged without a task, and the row says so (a row with a task names it).
  await expect(october.getByRole('row', { name: /Patched the file servers/ })).toContainText('No task');
  await shoot(page, 'timesheet-msp-log-october');
});

/** Presses Tab until `done` holds (at most `limit` times): how she reaches a control without a mouse. */
async function tabUntil(page: Page, done: () => Promise<boolean>, limit = 40) {
  for (let step = 0; step < limit && !(await done()); step += 1) await page.keyboard.press('Tab');
  expect(await done()).toBe(true);
}
const focusedIs = (locator: Locator) => () => locator.evaluate((node) => node === document.activeElement);

test('keyboard only: log, edit, move, delete and undo in the week, then edit in the day', async ({ offload: page }) => {
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Timesheet' })).toBeFocused();
  // The grid is one stop in the tab order; its cells are reached with the arrows. Today is Monday.
  const newRow = gridRow(page, 'New entry');
  await tabUntil(page, focusedIs(cell(newRow, 0)));

  await page.keyboard.press('n');
  const add = page.getByRole('dialog', { name: 'Add time entry' });
  await expect(add.getByLabel('Who')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Net');
  await expect(add.getByLabel('Category')).toHaveValue(String(NETWORK));
  await tabUntil(page, focusedIs(add.getByLabel('From')));
  // A time field is hour, minute and AM/PM: Tab walks through them, then on to the next field.
  await page.keyboard.type('0800A');
  await tabUntil(page, focusedIs(add.getByLabel('To', { exact: true })));
  await page.keyboard.type('0915A');
  await expect(add.getByLabel('From')).toHaveValue('08:00');
  await expect(add.getByLabel('To', { exact: true })).toHaveValue('09:15');
  await page.keyboard.press('Enter');
  await expect(add).toBeHidden();

  // Focus is back where she was; the new entry's row is just above.
  const network = gridRow(page, /Network/);
  await expect(cell(network, 0)).toContainText('1h 15m');
  await expect(cell(newRow, 0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell(network, 0)).toBeFocused();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit time entry' });
  await tabUntil(page, focusedIs(edit.getByLabel('Note')));
  await page.keyboard.type('Switch stack firmware');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(edit.getByLabel('Unplanned (an interrupt)')).toBeChecked();
  await tabUntil(page, focusedIs(edit.getByRole('button', { name: 'Save' })));
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  await expect(cell(network, 0)).toBeFocused();

  // Shift+→ would move it to tomorrow, which has not happened yet: refused, and it stays.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(toasts(page)).toContainText('This entry starts in the future (Tue, Nov 17 at 8:00 AM)');
  await expect(cell(network, 0)).toContainText('1h 15m');
  await page.keyboard.press('[');
  await expect(page.getByText('Week of Mon, Nov 9')).toBeVisible();
  await page.keyboard.press(']');
  await expect(page.getByText('Week of Mon, Nov 16')).toBeVisible();
  await expect(cell(gridRow(page, /Network/), 0)).toBeFocused();

  await page.keyboard.press('Delete');
  await expect(gridRow(page, /Network/)).toHaveCount(0);
  await tabUntil(page, () => page.evaluate(() => document.activeElement?.textContent === 'Undo'));
  await page.keyboard.press('Enter');
  await expect(cell(gridRow(page, /Network/), 0)).toContainText('8:00 – 9:15 AM');

  // D shows the day; the entry is a stop on its axis, and Enter edits it.
  await page.keyboard.press('d');
  await expect(page.getByRole('button', { name: 'Day', pressed: true })).toBeVisible();
  const block = page.getByRole('list', { name: 'Entries on Mon, Nov 16' }).getByRole('button').first();
  await expect(block).toContainText('8:00 AM – 9:15 AM');
  await tabUntil(page, focusedIs(block));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Edit time entry' }).getByLabel('Note')).toHaveValue('Switch stack firmware');
  await page.keyboard.press('Escape');
  await expect(block).toBeFocused();
});

test('the day view lays a day on a time axis: overlaps side by side and flagged, gaps marked, the running timer live; its view and filter are remembered', async ({ offload: page, app }) => {
  const sam = await api<{ id: number }>(page, app.origin, 'technicians:create', { name: 'Sam Ortiz' });
  await log(page, app.origin, '2026-11-16', '07:00', '08:30', { note: 'Backups check' });
  await log(page, app.origin, '2026-11-16', '09:00', '09:30');
  await api(page, app.origin, 'timeEntries:create', { worker: 'msp', technicianId: sam.id, categoryId: SERVERS, startAt: instantOn('2026-11-16', '07:30'), endAt: instantOn('2026-11-16', '09:00') });
  await api(page, app.origin, 'timeEntries:create', { worker: 'msp', categoryId: SERVERS, startAt: instantOn('2026-11-16', '08:00'), endAt: instantOn('2026-11-16', '08:45') });
  await api(page, app.origin, 'timeEntries:create', { worker: 'msp', categoryId: 3, startAt: instantOn('2026-11-16', '08:10'), endAt: instantOn('2026-11-16', '08:20') });
  await api(page, app.origin, 'timer:start', { categoryId: NETWORK });
  await openScreen(page, 'Timesheet');
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.getByRole('button', { name: 'Both', exact: true }).click();
  const blocks = page.getByRole('list', { name: 'Entries on Mon, Nov 16' }).getByRole('button');
  await expect(blocks).toHaveCount(6);
  // Work in parallel by different people is side by side; the MSP team's two entries at once are flagged as its own overlap.
  await expect(blocks.filter({ hasText: 'overlaps' })).toHaveCount(4);
  await expect(blocks.filter({ hasText: 'Backups check' })).toContainText('overlaps 3 entries of others');
  await expect(blocks.filter({ hasText: 'of the same person' })).toHaveCount(2);
  await expect(blocks.filter({ hasText: 'running' })).toContainText('since 10:00 AM (running)');
  // Her working window starts at 08:00: 08:30–09:00 is covered by no entry of hers.
  await expect(page.getByText(/Gaps in your working hours: 8:30 AM to 9:00 AM \(30m\); 9:30 AM to 10:00 AM \(30m\)/)).toBeAttached();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Day', pressed: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Both', pressed: true })).toBeVisible();
  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations.map((violation) => `day view: ${violation.id} — ${violation.help}`)).toEqual([]);
});

test('Today shows today only and points to the Timesheet for the rest', async ({ offload: page }) => {
  await openScreen(page, 'Today');
  const form = page.getByRole('form', { name: 'Log time' });
  await form.getByLabel('Day').fill('2026-11-13');
  await form.getByLabel('From').fill('16:00');
  await form.getByLabel('To', { exact: true }).fill('17:00');
  await form.getByLabel('Category').selectOption({ label: 'Network' });
  await form.getByRole('button', { name: 'Log time' }).click();
  await expect(form.getByRole('status')).toHaveText('Logged 1h on Fri, Nov 13. See it in the Timesheet');
  await expect(page.getByText('No time logged today')).toBeVisible();
  await shoot(page, 'timesheet-today-log');
  await form.getByRole('link', { name: 'See it in the Timesheet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Timesheet' })).toBeVisible();
  await expect(page.getByText('Week of Mon, Nov 9')).toBeVisible();
  await expect(cell(gridRow(page, /Network/), 4)).toContainText('4:00 – 5:00 PM');
  await openScreen(page, 'Today');
  await page.getByRole('link', { name: 'See this week in the Timesheet' }).click();
  await expect(page.getByText('Week of Mon, Nov 16')).toBeVisible();
});

/** Pictures for a person to look at, light and dark; they assert only that the view rendered. */
async function shoot(page: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('screenshots: the week and the day, empty and with six weeks of entries', async ({ offload: page, app }) => {
  test.setTimeout(240_000);
  await openScreen(page, 'Timesheet');
  await shoot(page, 'timesheet-week-empty');
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(page.getByText(/Nothing logged on Mon, Nov 16/)).toBeVisible();
  await shoot(page, 'timesheet-day-empty');

  const sam = await api<{ id: number }>(page, app.origin, 'technicians:create', { name: 'Sam Ortiz' });
  const titles = [
    'Replace the core switch fan in the server room before the warranty runs out next month',
    'Reset VPN for sales',
    'Quarterly firewall rule review',
    'Onboard the new hire in accounting',
  ];
  const tasks: number[] = [];
  for (const [index, title] of titles.entries()) tasks.push((await api<{ id: number }>(page, app.origin, 'tasks:create', { title, categoryId: [NETWORK, 1, 5, 3][index] })).id);
  const longNote =
    'Called the vendor twice; the second engineer had us reseat the PSU, re-run the diagnostics and export the logs, which are attached to ticket 48213 for the record.';
  // Six weeks back from today: 6 of hers on working days (1 on weekends) and 2 of the MSP's, one overlapping hers.
  for (let offset = -41; offset <= 0; offset += 1) {
    const day = addDays('2026-11-16', offset);
    const weekend = [0, 6].includes(dayOfWeek(day));
    const slots = weekend ? [['10:00', '11:30']] : [['07:30', '08:15'], ['08:15', '09:40'], ['10:00', '11:00'], ['11:00', '12:30'], ['13:15', '15:00'], ['15:00', '16:45']];
    for (const [index, [from, to]] of slots.entries()) {
      if (day === '2026-11-16' && from! >= '10:00') break;
      await log(page, app.origin, day, from!, to!, {
        categoryId: [NETWORK, 1, 2, 5, 7, 8][(index + offset + 60) % 6],
        taskId: index % 3 === 0 ? tasks[(index + offset + 60) % tasks.length] : null,
        note: index === 4 ? longNote : index === 1 ? 'Printer queue' : '',
        unplanned: index === 1,
      });
    }
    if (!weekend && day !== '2026-11-16') {
      await api(page, app.origin, 'timeEntries:create', { worker: 'msp', technicianId: sam.id, categoryId: SERVERS, startAt: instantOn(day, '09:00'), endAt: instantOn(day, '12:00'), note: 'Patch Tuesday rollout' });
      await api(page, app.origin, 'timeEntries:create', { worker: 'msp', categoryId: 3, startAt: instantOn(day, '10:30'), endAt: instantOn(day, '11:15') });
    }
  }
  // Last week also has a patch window past midnight.
  await api(page, app.origin, 'timeEntries:create', {
    worker: 'me', categoryId: SERVERS, startAt: instantOn('2026-11-12', '23:00'), endAt: instantOn('2026-11-13', '01:00'), note: 'Core switch firmware',
  });
  await api(page, app.origin, 'timer:start', { taskId: tasks[1] });

  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await page.getByRole('button', { name: 'Both', exact: true }).click();
  await page.getByRole('button', { name: /Previous week/ }).click();
  await expect(page.getByText('Week of Mon, Nov 9')).toBeVisible();
  await expect(grid(page).getByRole('rowheader', { name: /Sam Ortiz/ })).toBeVisible();
  await shoot(page, 'timesheet-week-full');
  const weekScan = await new AxeBuilder({ page }).analyze();
  expect(weekScan.violations.map((violation) => `week view: ${violation.id} — ${violation.help}`)).toEqual([]);

  await page.keyboard.press(']');
  await expect(page.getByText('Week of Mon, Nov 16')).toBeVisible();
  await expect(grid(page).getByRole('rowheader', { name: /running/ })).toBeVisible();
  await shoot(page, 'timesheet-week-this');
  await page.keyboard.press('[');
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.getByRole('button', { name: /Next day/ }).click();
  await expect(page.getByRole('list', { name: 'Entries on Tue, Nov 10' })).toBeVisible();
  await shoot(page, 'timesheet-day-full');
  await page.keyboard.press('t');
  await expect(page.getByRole('list', { name: 'Entries on Mon, Nov 16' })).toBeVisible();
  await shoot(page, 'timesheet-day-today');

  await page.getByRole('list', { name: 'Entries on Mon, Nov 16' }).getByRole('button').first().click();
  await expect(page.getByRole('dialog', { name: 'Edit time entry' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Edit time entry' }).getByLabel('Note').focus();
  await shoot(page, 'timesheet-editor');
  const dialogScan = await new AxeBuilder({ page }).analyze();
  expect(dialogScan.violations.map((violation) => `entry editor: ${violation.id} — ${violation.help}`)).toEqual([]);
});
