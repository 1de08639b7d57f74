import AxeBuilder from '@axe-core/playwright';
import { SCREENS } from '../../renderer/app/routes';
import { expect, openScreen, test } from './fixtures';

// Eight screens, a dialog and an axe scan each (~1.5 s per scan on two cores): more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen has no axe violations in the ${colorScheme} theme`, async ({ offload: page }) => {
    await page.emulateMedia({ colorScheme });
    // One task so the list, its chips and its buttons are scanned too.
    const form = page.getByRole('form', { name: 'New task' });
    await openScreen(page, 'Tasks');
    await form.getByLabel('New task').fill('Patch the file server');
    await form.getByLabel('Category').selectOption({ label: 'Server administration' });
    await form.getByLabel('Due').fill('2026-01-05');
    await form.getByLabel('Priority').selectOption({ label: '!!! High' });
    await form.getByRole('button', { name: 'Add task' }).click();
    await expect(page.getByRole('list', { name: 'Tasks' })).toContainText('Patch the file server');

    for (const { label } of SCREENS) {
      await openScreen(page, label);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${label}: ${violation.id} — ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await openScreen(page, 'Tasks');
    await page.getByRole('button', { name: 'Edit “Patch the file server”' }).click();
    const dialogScan = await new AxeBuilder({ page }).analyze();
    expect(dialogScan.violations.map((violation) => `task editor: ${violation.id} — ${violation.help}`)).toEqual([]);
  });
}
