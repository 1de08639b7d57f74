import { api, expect, openScreen, test } from './fixtures';

/** What one window writes shows in every other open window within a second, without a reload. */
test('a task added in one window appears in another, and a write made through the API in both', async ({ offload: first, app }) => {
  const second = await first.context().newPage();
  await second.goto(`${app.origin}/`);
  await openScreen(first, 'Tasks');
  await openScreen(second, 'Today');

  await first.keyboard.press('n');
  const dialog = first.getByRole('dialog', { name: 'Quick add' });
  await dialog.getByLabel('Task in one line').fill('Swap the UPS battery #server today');
  await dialog.getByRole('button', { name: 'Add task' }).click();
  await expect(second.getByRole('list', { name: 'Planned for today' })).toContainText('Swap the UPS battery', { timeout: 1000 });

  await api(first, app.origin, 'tasks:create', { title: 'Order spare SFPs', categoryId: 4 });
  await expect(first.getByRole('list', { name: 'Tasks' })).toContainText('Order spare SFPs', { timeout: 1000 });
  await openScreen(second, 'Tasks');
  await expect(second.getByRole('list', { name: 'Tasks' })).toContainText('Order spare SFPs');
});

test('delegating a category in one window moves its tasks off Today in another', async ({ offload: first, app }) => {
  await api(first, app.origin, 'tasks:create', { title: 'Reimage the sales laptops', categoryId: 3, dueDay: '2026-11-16' });
  const second = await first.context().newPage();
  await second.goto(`${app.origin}/`);
  await openScreen(second, 'Today');
  const planned = second.getByRole('list', { name: 'Planned for today' });
  await expect(planned).toContainText('Reimage the sales laptops');

  await api(first, app.origin, 'delegations:create', { categoryId: 3, startDay: '2026-11-01' });
  await expect(second.getByText('Nothing planned or due today')).toBeVisible({ timeout: 1000 });
});
