import { expect, type Page } from '@playwright/test';

/**
 * The core task flow, shared by the browser-mode and the Electron end-to-end suites:
 * create, edit, complete, delete and undo.
 */
export async function createEditCompleteDeleteUndo(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Tasks' }).click();
  const form = page.getByRole('form', { name: 'New task' });
  await form.getByLabel('New task').fill('Reset VPN for sales');
  await form.getByLabel('Category').selectOption({ label: 'Tech support' });
  await form.getByLabel('Estimate').fill('30m');
  await form.getByLabel('Priority').selectOption({ label: '!! Medium' });
  await form.getByRole('button', { name: 'Add task' }).click();

  const list = page.getByRole('list', { name: 'Tasks' });
  const row = list.getByRole('listitem').filter({ hasText: 'Reset VPN for sales' });
  await expect(row).toContainText('Tech support');
  await expect(row).toContainText('~30m');
  await expect(form.getByLabel('New task')).toHaveValue('');

  await row.getByRole('button', { name: 'Edit “Reset VPN for sales”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await dialog.getByLabel('Title').fill('Reset VPN for the sales team');
  await dialog.getByLabel('Estimate').fill('1h 15m');
  await dialog.getByLabel('Notes').fill('Token expired after the firmware update.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const edited = list.getByRole('listitem').filter({ hasText: 'Reset VPN for the sales team' });
  await expect(edited).toContainText('~1h 15m');

  // click, not check: the completed row leaves the Active list at once, before check() could read it back.
  await edited.getByRole('checkbox', { name: 'Complete “Reset VPN for the sales team”' }).click();
  await expect(list).toHaveCount(0);
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  const done = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').filter({ hasText: 'Reset VPN for the sales team' });
  await expect(done.getByRole('checkbox', { name: 'Complete “Reset VPN for the sales team”' })).toBeChecked();

  await done.getByRole('button', { name: 'Delete “Reset VPN for the sales team”' }).click();
  await expect(page.getByText('Nothing completed yet')).toBeVisible();
  const notifications = page.getByRole('region', { name: 'Notifications' });
  await notifications.getByRole('group', { name: /^Deleted/ }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('list', { name: 'Tasks' }).getByRole('listitem')).toHaveText(/Reset VPN for the sales team/);
}
