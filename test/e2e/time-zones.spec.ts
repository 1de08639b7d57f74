import { instantAt } from '../../shared/domain/zoned-time';
import { makeDataDir, startBrowserMode, type RunningApp } from '../support/browser-mode';
import { api, expect, openScreen, signIn, test } from './fixtures';

/**
 * Her zone is the setting (America/Chicago), the machine running Offload is in Europe/Berlin and the
 * browser in Asia/Tokyo. At 03:30 UTC on Tuesday 17 November it is still Monday evening (21:30) in
 * Chicago, already Tuesday in Berlin (04:30) and Tokyo (12:30): every day and time she sees must be
 * Chicago's.
 */
const NOW = '2026-11-17T03:30:00Z';
const HER_ZONE = 'America/Chicago';

test.use({ timezoneId: 'Asia/Tokyo' });

let app: RunningApp;
test.beforeEach(async ({ page }) => {
  app = await startBrowserMode(makeDataDir(), { clock: NOW, timeZone: 'Europe/Berlin' });
  await page.clock.install({ time: new Date(NOW) });
  await signIn(page, app.url);
  await api(page, app.origin, 'settings:update', { timeZone: HER_ZONE });
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
});
test.afterEach(async () => {
  await app.stop();
});

test('“today” in quick add, the task list and Today is her day, not the browser’s or the machine’s', async ({ page }) => {
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Quick add' });
  await dialog.getByLabel('Task in one line').fill('Call the printer vendor #vendors today');
  await expect(dialog.getByRole('list', { name: 'Understood' })).toContainText('Due: Today');
  await dialog.getByRole('button', { name: 'Add task' }).click();
  await expect(dialog).toBeHidden();

  const [task] = (await api<{ tasks: { dueDay: string }[] }>(page, app.origin, 'tasks:list', {})).tasks;
  expect(task?.dueDay).toBe('2026-11-16');

  await openScreen(page, 'Today');
  await expect(page.getByRole('list', { name: 'Planned for today' })).toContainText('Call the printer vendor');
  await openScreen(page, 'Tasks');
  const form = page.getByRole('form', { name: 'New task' });
  await form.getByLabel('New task').fill('Renew the firewall licence');
  await form.getByLabel('Due').fill('2026-11-17');
  await form.getByRole('button', { name: 'Add task' }).click();
  const list = page.getByRole('list', { name: 'Tasks' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Call the printer vendor' })).toContainText('Today');
  await expect(list.getByRole('listitem').filter({ hasText: 'Renew the firewall licence' })).toContainText('Tomorrow');
});

test('time logged on Today is read and shown in her zone, and counts on her day', async ({ page }) => {
  await openScreen(page, 'Today');
  const form = page.getByRole('form', { name: 'Log time' });
  await expect(form.getByLabel('Day')).toHaveValue('2026-11-16');
  await form.getByLabel('From').fill('20:00');
  await form.getByLabel('To').fill('21:00');
  await form.getByLabel('Category').selectOption({ label: 'Network' });
  await form.getByRole('button', { name: 'Log time' }).click();

  const log = page.getByRole('region', { name: 'Today’s log' });
  await expect(log.getByRole('table')).toContainText('8:00 PM – 9:00 PM');
  await expect(page.locator('.figure').filter({ hasText: 'Logged today' })).toContainText('1.0 h');
  const [entry] = await api<{ startAt: number; startDay: string }[]>(page, app.origin, 'timeEntries:list', { from: '2026-11-01', to: '2026-11-30' });
  expect(entry?.startAt).toBe(instantAt('2026-11-16', '20:00', HER_ZONE));
  expect(entry?.startDay).toBe('2026-11-16');
});
