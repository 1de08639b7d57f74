import { api, expect, openScreen, test } from './fixtures';

test('quick add → start the timer → stop → done', async ({ offload: page, app }) => {
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Quick add' });
  await dialog.getByLabel('Task in one line').fill('Reset VPN for sales #support ~30m today !');
  const understood = dialog.getByRole('list', { name: 'Understood' });
  await expect(understood).toContainText('Category: Tech support');
  await expect(understood).toContainText('Estimate: 30m');
  await expect(understood).toContainText('Due: Today');
  await expect(understood).toContainText('Priority: !');
  await dialog.getByRole('button', { name: 'Add task' }).click();
  await expect(dialog).toBeHidden();

  await openScreen(page, 'Today');
  const planned = page.getByRole('list', { name: 'Planned for today' });
  await expect(planned).toContainText('Reset VPN for sales');
  await planned.getByRole('button', { name: 'Start the timer on “Reset VPN for sales”' }).click();
  const timer = page.getByRole('region', { name: 'Running timer' });
  await expect(timer).toContainText('Reset VPN for sales');
  await expect(timer).toContainText(/0:00:0[1-9]/);

  // The timer's start is stored: a reload (or a crash) keeps it running.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Running timer' })).toContainText('Reset VPN for sales');
  await page.getByRole('region', { name: 'Running timer' }).getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('region', { name: 'Running timer' })).toBeHidden();
  const log = page.getByRole('region', { name: 'Today’s log' });
  await expect(log.getByRole('row')).toHaveCount(2);
  await expect(log).toContainText('Tech support');

  await openScreen(page, 'Tasks');
  // click, not check: the completed row leaves the Active list at once, before check() could read it back.
  await page.getByRole('checkbox', { name: 'Complete “Reset VPN for sales”' }).click();
  await expect(page.getByText('No tasks here yet')).toBeVisible();
  const entries = await api<{ endAt: number | null }[]>(page, app.origin, 'timeEntries:list', { from: '2000-01-01', to: '2100-01-01' });
  expect(entries).toHaveLength(1);
  expect(entries[0]?.endAt).not.toBeNull();
});

test('quick add points out what it did not understand and keeps it in the title', async ({ offload: page }) => {
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Quick add' });
  await dialog.getByLabel('Task in one line').fill('Call Tom about #phones ~0m');
  const problems = dialog.getByRole('list', { name: 'Not understood' });
  await expect(problems).toContainText('#phones');
  await expect(problems).toContainText('~0m');
  await expect(dialog).toContainText('Title: Call Tom about #phones ~0m');
  await dialog.getByLabel('Task in one line').fill('#support !!');
  await expect(dialog.getByRole('button', { name: 'Add task' })).toBeDisabled();
});

test('starting a second timer stops the first; her entries never overlap', async ({ offload: page, app }) => {
  const first = await api<{ id: number }>(page, app.origin, 'tasks:create', { title: 'Backup check', categoryId: 5 });
  const second = await api<{ id: number }>(page, app.origin, 'tasks:create', { title: 'Switch firmware', categoryId: 4 });
  await api(page, app.origin, 'timer:start', { taskId: first.id });
  const result = await api<{ stopped: { taskId: number; endAt: number } | null; started: { startAt: number } }>(page, app.origin, 'timer:start', { taskId: second.id });
  expect(result.stopped?.taskId).toBe(first.id);
  expect(result.stopped!.endAt).toBeLessThanOrEqual(result.started.startAt);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Running timer' })).toContainText('Switch firmware');
});

test('logging time that ends when it starts is refused at the field', async ({ offload: page }) => {
  await openScreen(page, 'Today');
  const form = page.getByRole('form', { name: 'Log time' });
  // An end earlier than the start is past midnight (timesheet.spec.ts); the same time is no time at all.
  await form.getByLabel('From').fill('09:00');
  await form.getByLabel('To').fill('09:00');
  await form.getByLabel('Category').selectOption({ label: 'Network' });
  await form.getByRole('button', { name: 'Log time' }).click();
  await expect(form.getByText('The entry must end after it starts')).toBeVisible();
  await expect(page.getByText('No time logged today')).toBeVisible();
});

test('the command palette reaches screens and actions by typing; ? lists the shortcuts', async ({ offload: page }) => {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Command' }).fill('reclaimed');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('quick add');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Quick add' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Command palette');
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
});

test('a logged entry is split in two and edited from Today’s log', async ({ offload: page }) => {
  await openScreen(page, 'Today');
  const form = page.getByRole('form', { name: 'Log time' });
  await form.getByLabel('From').fill('00:10');
  await form.getByLabel('To').fill('01:40');
  await form.getByLabel('Category').selectOption({ label: 'Tech support' });
  await form.getByRole('button', { name: 'Log time' }).click();
  const log = page.getByRole('region', { name: 'Today’s log' }).getByRole('table');
  await expect(log).toContainText('1h 30m');

  await log.getByRole('button', { name: /^Edit the entry from/ }).click();
  const editor = page.getByRole('form', { name: 'Edit time entry' });
  await editor.getByLabel('Split at').fill('00:40');
  await editor.getByRole('button', { name: 'Split' }).click();
  await expect(log.getByRole('row')).toHaveCount(3);
  await expect(log).toContainText('30m');
  await expect(log).toContainText('1h');

  // The second part (00:40–01:40), by name: the rows' order can change while the list refreshes.
  await log.getByRole('button', { name: 'Edit the entry from 12:40 AM' }).click();
  await editor.getByLabel('Category').selectOption({ label: 'Network' });
  // An end equal to its start is no time at all.
  await editor.getByLabel('To').fill('00:40');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByText('The entry must end after it starts')).toBeVisible();
});

test('quick add into a delegated category says the MSP will own it, and can keep it instead', async ({ offload: page, app }) => {
  await api(page, app.origin, 'delegations:create', { categoryId: 3, startDay: '2026-11-01' });
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Quick add' });
  await dialog.getByLabel('Task in one line').fill('Reimage the CEO laptop #desktop');
  await expect(dialog).toContainText('Goes to the MSP — Desktop maintenance is delegated');
  await dialog.getByRole('checkbox', { name: 'Keep it myself' }).check();
  await expect(dialog).toContainText('Yours — kept, although Desktop maintenance is delegated');
  await dialog.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Added “Reimage the CEO laptop”');

  await page.keyboard.press('n');
  await dialog.getByLabel('Task in one line').fill('Replace the HR printer toner #desktop');
  await dialog.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Added “Replace the HR printer toner” to the MSP’s queue');

  type Owned = { tasks: { title: string; owner: string; keepOwner: boolean }[] };
  const owners = async () => (await api<Owned>(page, app.origin, 'tasks:list', { sort: 'title' })).tasks.map(({ title, owner, keepOwner }) => ({ title, owner, keepOwner }));
  expect(await owners()).toStrictEqual([
    { title: 'Reimage the CEO laptop', owner: 'me', keepOwner: true },
    { title: 'Replace the HR printer toner', owner: 'msp', keepOwner: false },
  ]);

  // The toast's own way to keep it, after the fact.
  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Keep it mine' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('You kept “Replace the HR printer toner”');
  await expect.poll(owners).toStrictEqual([
    { title: 'Reimage the CEO laptop', owner: 'me', keepOwner: true },
    { title: 'Replace the HR printer toner', owner: 'me', keepOwner: true },
  ]);
});
