import { startBrowserMode } from '../support/browser-mode';
import { expect, openScreen, test } from './fixtures';
import { createEditCompleteDeleteUndo } from './flows';

test('first run shows the welcome guide and creates the nine default categories', async ({ offload: page }) => {
  await expect(page.getByRole('heading', { name: 'Welcome to Offload' })).toBeVisible();
  await openScreen(page, 'Settings');
  const categories = page.getByRole('list', { name: 'Categories' }).getByRole('listitem');
  await expect(categories).toHaveCount(9);
  await expect(page.getByRole('textbox', { name: 'Name of Research & strategy' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Type of Research & strategy' })).toHaveValue('strategic');
});

test('a task is created, edited, completed, deleted and restored with undo', async ({ offload: page }) => {
  await createEditCompleteDeleteUndo(page);
  await openScreen(page, 'Today');
  await expect(page.getByRole('heading', { name: 'Welcome to Offload' })).toBeHidden();
});

test('a new category can be used for a task and archived with undo', async ({ offload: page }) => {
  await openScreen(page, 'Settings');
  const form = page.getByRole('form', { name: 'New category' });
  await form.getByLabel('New category').fill('Phones');
  await form.getByLabel('Type').selectOption('strategic');
  await form.getByRole('button', { name: 'Add category' }).click();
  await expect(page.getByRole('textbox', { name: 'Name of Phones' })).toBeVisible();

  await form.getByLabel('New category').fill('phones');
  await form.getByRole('button', { name: 'Add category' }).click();
  await expect(form.getByText('That name is taken')).toBeVisible();

  await page.getByRole('textbox', { name: 'Name of Phones' }).fill('Phones & mobiles');
  await page.getByRole('textbox', { name: 'Name of Phones' }).press('Enter');
  await expect(page.getByRole('textbox', { name: 'Name of Phones & mobiles' })).toBeVisible();

  await openScreen(page, 'Tasks');
  const taskForm = page.getByRole('form', { name: 'New task' });
  await taskForm.getByLabel('New task').fill('Replace the reception desk phone');
  await taskForm.getByLabel('Category').selectOption({ label: 'Phones & mobiles' });
  await taskForm.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('list', { name: 'Tasks' })).toContainText('Phones & mobiles');

  await openScreen(page, 'Settings');
  await page.getByRole('button', { name: 'Archive Phones & mobiles' }).click();
  await expect(page.getByRole('textbox', { name: 'Name of Phones & mobiles' })).toBeHidden();
  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('textbox', { name: 'Name of Phones & mobiles' })).toBeVisible();
});

test('tasks and categories are still there after the server restarts', async ({ page, app }) => {
  await page.goto(app.url);
  await openScreen(page, 'Tasks');
  const form = page.getByRole('form', { name: 'New task' });
  await form.getByLabel('New task').fill('Check last night’s backup');
  await form.getByLabel('Category').selectOption({ label: 'Security & backups' });
  await form.getByLabel('Due').fill('2026-12-01');
  await form.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('list', { name: 'Tasks' })).toContainText('Check last night’s backup');

  await app.stop();
  const restarted = await startBrowserMode(app.dataDir);
  try {
    await page.goto(restarted.url);
    await openScreen(page, 'Tasks');
    const row = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Check last night’s backup');
    await expect(row).toContainText('Security & backups');
    // The suite's clock says Monday, Nov 16, 2026 (test/support/e2e-clock.ts).
    await expect(row).toContainText('Tue, Dec 1');
  } finally {
    await restarted.stop();
  }
});

test('an estimate that is not a duration is pointed out at the field and nothing is saved', async ({ offload: page }) => {
  await openScreen(page, 'Tasks');
  const form = page.getByRole('form', { name: 'New task' });
  await form.getByLabel('New task').fill('Rack the new switch');
  await form.getByLabel('Estimate').fill('a while');
  await form.getByRole('button', { name: 'Add task' }).click();
  await expect(form.getByLabel('Estimate')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Write an estimate like 30m, 1.5h or 1h 15m')).toBeVisible();

  await form.getByLabel('Estimate').fill('200h');
  await form.getByRole('button', { name: 'Add task' }).click();
  await expect(form.getByText('An estimate over a week (168 h) is not a task; split it')).toBeVisible();
  await expect(page.getByText('No tasks here yet')).toBeVisible();
  await expect(form.getByLabel('New task')).toHaveValue('Rack the new switch');
});

test('Ctrl+number and the arrow keys move between screens', async ({ offload: page }) => {
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await page.keyboard.press('Control+8');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await nav.getByRole('link', { name: /Week plan/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(nav.getByRole('link', { name: /Tasks/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
});
