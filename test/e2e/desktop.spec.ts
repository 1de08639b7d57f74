import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { DesktopStatus } from '../../shared/api/desktop-views';
import { api, expect, openScreen, test } from './fixtures';

/**
 * The desktop app's parts that live in the renderer: the Desktop section of Settings and the
 * quick-add window's route. Browser mode shows the section's pointer to the desktop app; the
 * section itself is exercised with app:status and desktop:status answered as the desktop app
 * would (the real server handles every other call, settings:update included).
 */
test.describe.configure({ timeout: 90_000 });

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');

const SHELL: DesktopStatus = {
  platform: 'linux',
  shortcut: { accelerator: 'CommandOrControl+Shift+Space', state: 'taken', message: 'Ctrl+Shift+Space is already taken by the system or another app. Choose another shortcut.' },
  tray: { available: true, message: 'The tray shows the running timer; its menu starts, stops and adds.' },
  loginItem: { supported: true, enabled: false, message: 'Offload does not start at login.' },
  updates: { state: 'up-to-date', version: null, message: 'Offload 0.1.0 is the latest version.', checkedAt: null },
  notifications: { supported: true },
  links: { registered: true, message: 'offload://quick-add?text=… links open the quick-add window.' },
};

/** Answers app:status as the desktop app does (mode electron) and desktop:status with `shell`. */
async function asDesktopApp(page: Page, shell: DesktopStatus = SHELL) {
  // The client encodes the call's name in the path (app%3Astatus).
  const call = (name: string) => (url: URL) => decodeURIComponent(url.pathname) === `/api/${name}`;
  await page.route(call('app:status'), async (route) => {
    // A refetch can still be in flight when the test ends and its server stops: let it go.
    const response = await route.fetch().catch(() => null);
    if (!response) return route.abort().catch(() => undefined);
    const body = (await response.json()) as { ok: boolean; value: { mode: string } };
    body.value.mode = 'electron';
    await route.fulfill({ response, json: body });
  });
  await page.route(call('desktop:status'), (route) => route.fulfill({ json: { ok: true, value: shell } }));
}

test('browser mode says the desktop settings live in the desktop app', async ({ offload: page }) => {
  await openScreen(page, 'Settings');
  const section = page.getByRole('region', { name: 'Desktop' });
  await expect(section).toContainText('live in the desktop app');
  await expect(section.getByRole('checkbox')).toHaveCount(0);
});

test('the Desktop section shows the refused shortcut, saves each setting, and refuses a bad one at the field', async ({ offload: page, app }) => {
  await asDesktopApp(page);
  await page.reload();
  await openScreen(page, 'Settings');
  const section = page.getByRole('region', { name: 'Desktop' });
  await expect(section.getByRole('textbox', { name: 'Shortcut' })).toHaveValue('CommandOrControl+Shift+Space');
  await expect(section.getByRole('alert')).toHaveText('Ctrl+Shift+Space is already taken by the system or another app. Choose another shortcut.');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(OUT, `settings-desktop-${colorScheme}.png`) });
    const scan = await new AxeBuilder({ page }).include('#main').analyze();
    expect(scan.violations.map((violation) => `${colorScheme}: ${violation.id} — ${violation.help}`)).toEqual([]);
  }

  await section.getByRole('checkbox', { name: 'Keep Offload in the tray when its window closes' }).check();
  await expect.poll(async () => (await api<{ closeToTray: boolean }>(page, app.origin, 'settings:get')).closeToTray).toBe(true);
  await section.getByRole('checkbox', { name: 'Only during my working hours' }).uncheck();
  await expect.poll(async () => (await api<{ quietOutsideWorkingHours: boolean }>(page, app.origin, 'settings:get')).quietOutsideWorkingHours).toBe(false);

  const threshold = section.getByRole('spinbutton', { name: 'Away after (minutes idle or locked)' });
  await threshold.fill('500');
  await threshold.press('Enter');
  await expect(section.getByText('At most 240 minutes (4 hours)')).toBeVisible();
  await threshold.fill('20');
  await threshold.press('Enter');
  await expect.poll(async () => (await api<{ idleThresholdMinutes: number }>(page, app.origin, 'settings:get')).idleThresholdMinutes).toBe(20);

  const shortcut = section.getByRole('textbox', { name: 'Shortcut' });
  await shortcut.fill('Shift+K');
  await section.getByRole('button', { name: 'Save shortcut' }).click();
  await expect(section.getByRole('alert')).toHaveText('Hold Ctrl, Alt or ⌘ in the shortcut too, so it does not take over typing in other apps');
  await expect(shortcut).toHaveAttribute('aria-invalid', 'true');

  // Recording: the keys pressed become the accelerator.
  await section.getByRole('button', { name: 'Record keys' }).click();
  await page.keyboard.press('Control+Alt+KeyN');
  await expect(shortcut).toHaveValue('CommandOrControl+Alt+N');
  await section.getByRole('button', { name: 'Save shortcut' }).click();
  await expect.poll(async () => (await api<{ quickAddShortcut: string }>(page, app.origin, 'settings:get')).quickAddShortcut).toBe('CommandOrControl+Alt+N');

});

test('the quick-add window shows the dialog alone, filled from its link, and an interrupt starts the timer', async ({ offload: page, app }) => {
  await page.goto(`${app.origin}/#/quick-add-window?text=${encodeURIComponent('Printer jam in HR ~20m')}&interrupt=1`);
  const dialog = page.getByRole('dialog', { name: 'Quick add' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  await expect(dialog.getByLabel('Task in one line')).toHaveValue('Printer jam in HR ~20m');
  await expect(dialog.getByRole('checkbox', { name: 'Interrupt: start the timer on it now' })).toBeChecked();
  await expect(dialog).toContainText('The task and its time go under Other; give it its own category whenever you like.');
  await expect(page).toHaveTitle('Quick add · Offload');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 640, height: 440 });
    await page.screenshot({ path: path.join(OUT, `quick-add-window-${colorScheme}.png`) });
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations.map((violation) => `${colorScheme}: ${violation.id} — ${violation.help}`)).toEqual([]);
  }

  await dialog.getByRole('button', { name: 'Add and start timer' }).click();
  await expect.poll(async () => (await api<{ taskId: number | null } | null>(page, app.origin, 'timer:current'))?.taskId ?? null).not.toBeNull();
  const timer = await api<{ taskId: number; categoryId: number }>(page, app.origin, 'timer:current');
  const task = await api<{ title: string; unplanned: boolean; owner: string; categoryId: number | null }>(page, app.origin, 'tasks:get', { id: timer.taskId });
  const categories = await api<{ id: number; name: string }[]>(page, app.origin, 'categories:list');
  const other = categories.find((category) => category.name === 'Other')?.id;
  // The interrupt files both the task and its running time under Other (timer:start's rule for an uncategorised task).
  expect(task).toMatchObject({ title: 'Printer jam in HR', unplanned: true, owner: 'me', categoryId: other });
  expect(timer.categoryId).toBe(other);
});

test('the quick-add window without a link adds a plain task', async ({ offload: page, app }) => {
  await page.goto(`${app.origin}/#/quick-add-window`);
  const dialog = page.getByRole('dialog', { name: 'Quick add' });
  await dialog.getByLabel('Task in one line').fill('Renew the firewall licence #vendors fri');
  await expect(dialog.getByRole('checkbox', { name: 'Interrupt: start the timer on it now' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Add task' }).click();
  await expect.poll(async () => (await api<{ total: number }>(page, app.origin, 'tasks:list', {})).total).toBe(1);
  expect(await api(page, app.origin, 'timer:current')).toBeNull();
});
