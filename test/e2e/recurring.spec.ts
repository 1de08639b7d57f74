import path from 'node:path';
import { api, expect, openScreen, test } from './fixtures';

test('a recurring series is created on the 3rd Wednesday and its occurrences appear as tasks', async ({ offload: page, app }) => {
  await openScreen(page, 'Tasks');
  const section = page.getByRole('region', { name: 'Recurring work' });
  await section.getByRole('button', { name: 'New recurring task' }).click();
  const form = page.getByRole('form', { name: 'New recurring task' });
  await form.getByLabel('Title').fill('Patch the servers');
  await form.getByLabel('Category').selectOption({ label: 'Server administration' });
  await form.getByLabel('Repeat').selectOption('monthlyNth');
  await form.getByLabel('On the').selectOption({ label: '3rd' });
  await form.getByLabel('Weekday').selectOption({ label: 'Wednesday' });
  await form.getByLabel('Starts').fill('2026-11-01');
  await expect(form).toContainText('on the 3rd Wednesday');
  await form.getByRole('button', { name: 'Create the series' }).click();

  const table = section.getByRole('table');
  await expect(table).toContainText('Patch the servers');
  const tasks = await api<{ tasks: { title: string; dueDay: string | null }[] }>(page, app.origin, 'tasks:list', { search: 'patch servers', status: 'all' });
  const days = tasks.tasks.map((task) => task.dueDay).filter((day): day is string => day !== null);
  expect(days.length).toBeGreaterThan(0);
  for (const day of days) {
    const date = new Date(`${day}T12:00:00Z`);
    expect(date.getUTCDay()).toBe(3);
    expect(Math.ceil(date.getUTCDate() / 7)).toBe(3);
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.resolve(import.meta.dirname, `../../test-results/screenshots/recurring-${colorScheme}.png`), fullPage: true });
  }
});

test('a weekly rule with no weekday is refused at the field and nothing is saved', async ({ offload: page, app }) => {
  await openScreen(page, 'Tasks');
  await page.getByRole('button', { name: 'New recurring task' }).click();
  const form = page.getByRole('form', { name: 'New recurring task' });
  await form.getByLabel('Title').fill('Check backups');
  await form.getByLabel('Repeat').selectOption('weekly');
  for (const box of await form.getByRole('group', { name: 'On' }).getByRole('checkbox').all()) await box.uncheck();
  await form.getByRole('button', { name: 'Create the series' }).click();
  await expect(form.getByRole('alert').first()).toBeVisible();
  expect(await api<unknown[]>(page, app.origin, 'recurring:list')).toHaveLength(0);
});
