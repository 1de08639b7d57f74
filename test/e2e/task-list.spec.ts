import path from 'node:path';
import { openDatabase } from '../../electron/db/connection';
import { RECENT_SEARCH_TASKS } from '../../shared/domain/types';
import { makeDataDir, startBrowserMode } from '../support/browser-mode';
import { expect, openScreen, test } from './fixtures';

/** Writes `count` tasks straight into a fresh database file, as ten years of use would leave it. */
function seedTasks(dataDir: string, count: number): void {
  const db = openDatabase(path.join(dataDir, 'offload.db'));
  const insert = db.prepare(
    'INSERT INTO tasks (title, notes, category_id, priority, due_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const day = `2026-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`;
      const title = index % 500 === 7 ? `Reset VPN for branch ${index}` : `Task ${String(index).padStart(5, '0')}`;
      insert.run(title, index % 3 === 0 ? 'firmware' : '', (index % 9) + 1, index % 4, day, 1_700_000_000_000 + index, 1_700_000_000_000);
    }
  })();
  db.close();
}

test('ten thousand tasks stay virtualised: few rows in the DOM, every row reachable by scrolling', async ({ page }) => {
  // Reaching the last of 10,000 rows loads 100 pages of 100 one after another as the list scrolls.
  test.setTimeout(150_000);
  const dataDir = makeDataDir();
  seedTasks(dataDir, 10_000);
  const app = await startBrowserMode(dataDir);
  try {
    await page.goto(app.url);
    await openScreen(page, 'Tasks');
    // Counting stops at a thousand: ten years of tasks are never counted on every page.
    await expect(page.getByText('1,000+ tasks')).toBeVisible();
    await page.getByLabel('Sort').selectOption('title');
    const rows = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem');
    await expect(rows.first()).toContainText('Reset VPN for branch 1007');
    expect(await rows.count()).toBeLessThan(60);
    await expect(rows.first()).toHaveAttribute('aria-setsize', '-1');

    // The list's scrolling box (the rows are the tab stops; the box itself is not focusable).
    const scroller = page.locator('.task-scroller');
    const last = page.getByText('Task 09999', { exact: true });
    for (let attempt = 0; attempt < 1000 && !(await last.isVisible()); attempt += 1) {
      await scroller.evaluate((node) => node.scrollTo(0, node.scrollHeight));
      await page.waitForTimeout(50);
    }
    await expect(last).toBeVisible();
    expect(await rows.count()).toBeLessThan(60);
    await expect(page.getByText('1,000+ tasks')).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Task 09999' })).toHaveAttribute('aria-posinset', '10000');

    // At most ten pages stay in memory: the first ones were dropped, and scrolling back loads them again.
    const first = page.getByText('Reset VPN for branch 1007', { exact: true });
    await expect(first).toHaveCount(0);
    for (let attempt = 0; attempt < 1000 && !(await first.isVisible()); attempt += 1) {
      await scroller.evaluate((node) => node.scrollTo(0, 0));
      await page.waitForTimeout(50);
    }
    await expect(first).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Reset VPN for branch 1007' })).toHaveAttribute('aria-posinset', '1');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.resolve(import.meta.dirname, `../../test-results/screenshots/tasks-10k-${colorScheme}.png`) });
    }
  } finally {
    await app.stop();
  }
});

test('search finds tasks by words in the title or notes as she types', async ({ page }) => {
  const dataDir = makeDataDir();
  seedTasks(dataDir, 2_000);
  const app = await startBrowserMode(dataDir);
  try {
    await page.goto(app.url);
    await openScreen(page, 'Tasks');
    await page.getByRole('searchbox', { name: 'Search tasks' }).fill('vpn bra');
    await expect(page.getByText('4 tasks')).toBeVisible();
    // While searching, the best matches come first, and the sort says so instead of offering orders it does not apply.
    await expect(page.getByLabel('Sort')).toBeDisabled();
    await expect(page.getByLabel('Sort')).toHaveValue('relevance');
    await expect(page.getByLabel('Sort')).toHaveAttribute('title', 'While searching, the best matches among all your active tasks come first');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.resolve(import.meta.dirname, `../../test-results/screenshots/tasks-search-${colorScheme}.png`) });
    }
    await page.getByRole('searchbox', { name: 'Search tasks' }).fill('no such words');
    await expect(page.getByRole('heading', { name: 'No task matches' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search tasks' }).fill('');
    await expect(page.getByLabel('Sort')).toBeEnabled();
    await expect(page.getByLabel('Sort')).toHaveValue('urgency');
  } finally {
    await app.stop();
  }
});

test('a search of active tasks looks through all of them; of all tasks, through her newest 50,000, then an era of older ones each time she asks', async ({ page }) => {
  const dataDir = makeDataDir();
  const db = openDatabase(path.join(dataDir, 'offload.db'));
  // Ids 1…S are the oldest era (whole), S + 1 … S + 10 the next (ten tasks), the window the newest
  // 50,000; each task added an hour after the one before, and the window's first a month after the
  // era's last. The window first, so no task has to leave it.
  const S = RECENT_SEARCH_TASKS;
  const hour = 3_600_000;
  const month = 30 * 24 * hour;
  const addedAt = (id: number) => 1_500_000_000_000 + id * hour + (id > S + 10 ? month : 0);
  const add = db.prepare('INSERT INTO tasks (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const many = db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO tasks (id, title, created_at, updated_at) SELECT i, 'Task ' || i, ${addedAt(0)} + i * ${hour} + (CASE WHEN i > ${S + 10} THEN ${month} ELSE 0 END), ${addedAt(0)} FROM n`,
  );
  db.transaction(() => {
    many.run(S + 11, 2 * S + 9);
    add.run(2 * S + 10, 'Update the VPN firmware at HQ', addedAt(2 * S + 10), addedAt(2 * S + 10));
    add.run(1, 'Replace the VPN firmware at the old branch', addedAt(1), addedAt(1));
    many.run(2, S + 4);
    add.run(S + 5, 'Patch the VPN firmware on the spare router', addedAt(S + 5), addedAt(S + 5));
    many.run(S + 6, S + 10);
  })();
  db.close();
  const app = await startBrowserMode(dataDir);
  try {
    await page.goto(app.url);
    await openScreen(page, 'Tasks');
    const searchbox = page.getByRole('searchbox', { name: 'Search tasks' });
    const list = page.getByRole('list', { name: 'Tasks' });
    const further = page.getByRole('button', { name: 'Search further back' });
    // The default view, active tasks: every one of them is searched, the oldest too.
    await searchbox.fill('vpn firm');
    await expect(page.getByText('3 tasks', { exact: true })).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveText([/Update the VPN firmware at HQ/, /Replace the VPN firmware at the old branch/, /Patch the VPN firmware on the spare router/]);
    await expect(further).toHaveCount(0);
    await expect(page.getByLabel('Sort')).toHaveAttribute('title', 'While searching, the best matches among all your active tasks come first');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.resolve(import.meta.dirname, `../../test-results/screenshots/tasks-search-active-all-${colorScheme}.png`) });
    }

    // All tasks, done ones too: her newest 50,000 first, then an era of older ones each time she asks.
    const day = (id: number) => page.evaluate((instant) => new Date(instant).toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }), addedAt(id));
    const windowFrom = await day(S + 11);
    const eraFrom = await day(S + 1);
    expect(eraFrom).not.toBe(windowFrom);
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'All' }).click();
    await expect(page.getByText(`1 task among tasks added since ${windowFrom}`)).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByText(`That is every match among the tasks added since ${windowFrom}.`)).toBeVisible();
    await expect(page.getByLabel('Sort')).toHaveAttribute('title', /newest 50,000 tasks come first, then, when you ask, the best among older ones/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.resolve(import.meta.dirname, `../../test-results/screenshots/tasks-search-older-offer-${colorScheme}.png`) });
    }
    await further.click();
    // The step back lists the next era's match after the newest one, counts on, and offers the next era.
    await expect(page.getByText(`2 tasks among tasks added since ${eraFrom}`)).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveText([/Update the VPN firmware at HQ/, /Patch the VPN firmware on the spare router/]);
    await expect(page.getByText(`That is every match among the tasks added since ${eraFrom}.`)).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.resolve(import.meta.dirname, `../../test-results/screenshots/tasks-search-older-step-${colorScheme}.png`) });
    }
    await further.click();
    // Back to her first task: every match, counted, and nothing more to offer.
    await expect(page.getByText('3 tasks', { exact: true })).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveText([/Update the VPN firmware at HQ/, /Patch the VPN firmware on the spare router/, /Replace the VPN firmware at the old branch/]);
    await expect(further).toHaveCount(0);

    // Another search starts again among the newest: nothing there, and the offer in the empty state.
    await searchbox.fill('old branch');
    await expect(page.getByRole('heading', { name: `No task added since ${windowFrom} matches` })).toBeVisible();
    await expect(page.getByText(`None of the tasks added since ${windowFrom} has all of “old branch” in its title or notes.`)).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.resolve(import.meta.dirname, `../../test-results/screenshots/tasks-search-older-empty-${colorScheme}.png`) });
    }
    await further.click();
    await expect(page.getByRole('heading', { name: `No task added since ${eraFrom} matches` })).toBeVisible();
    await further.click();
    await expect(page.getByText('1 task', { exact: true })).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveText([/Replace the VPN firmware at the old branch/]);
    await searchbox.fill('no such words');
    await expect(page.getByRole('heading', { name: `No task added since ${windowFrom} matches` })).toBeVisible();
    await further.click();
    await further.click();
    await expect(page.getByRole('heading', { name: 'No task matches' })).toBeVisible();
    await expect(further).toHaveCount(0);

    // The palette searches her active tasks as she types: all of them, the oldest too.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette.getByRole('combobox', { name: 'Command' })).toBeFocused();
    await page.keyboard.type('vpn firm');
    await expect(palette.getByRole('option', { name: 'Open “Update the VPN firmware at HQ”' })).toBeVisible();
    await expect(palette.getByRole('option', { name: 'Open “Replace the VPN firmware at the old branch”' })).toBeVisible();
    await expect(palette.getByText('Your tasks', { exact: true })).toBeVisible();
    await expect(palette.getByText(/among your newest/)).toHaveCount(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.resolve(import.meta.dirname, `../../test-results/screenshots/palette-search-active-all-${colorScheme}.png`) });
    }
    await page.keyboard.press('Escape');

    // So does the task picker of a time entry, and it says where the older ones are found.
    await openScreen(page, 'Timesheet');
    await page.getByRole('button', { name: 'Add entry' }).click();
    const addEntry = page.getByRole('dialog', { name: 'Add time entry' });
    await addEntry.getByRole('combobox', { name: 'Task' }).fill('old branch');
    await expect(addEntry.getByRole('status')).toHaveText('None of your newest 50,000 tasks matches “old branch”; the Tasks screen searches older ones too.');
  } finally {
    await app.stop();
  }
});

test('a row has one complete control; selection mode shows the Select boxes and the bulk actions', async ({ offload: page }) => {
  await openScreen(page, 'Tasks');
  const form = page.getByRole('form', { name: 'New task' });
  for (const title of ['Swap toner', 'Update BIOS', 'Label cables']) {
    await form.getByLabel('New task').fill(title);
    await form.getByRole('button', { name: 'Add task' }).click();
    await expect(page.getByRole('list', { name: 'Tasks' })).toContainText(title);
  }
  const list = page.getByRole('list', { name: 'Tasks' });
  const row = list.getByRole('listitem', { name: 'Swap toner' });
  await expect(row.getByRole('checkbox')).toHaveCount(1);
  await expect(row.getByRole('checkbox')).toHaveAccessibleName('Complete “Swap toner”');

  await page.getByRole('button', { name: 'Select tasks…' }).click();
  const bar = page.getByRole('region', { name: 'Selected tasks' });
  await expect(bar.getByRole('button', { name: 'Complete' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Select “Swap toner”' }).check();
  await page.getByRole('checkbox', { name: 'Select “Label cables”' }).check();
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Complete' }).click();
  await expect(page.getByText('1 task', { exact: true })).toBeVisible();
  await expect(list).toContainText('Update BIOS');
  // Still selecting, with nothing selected, until she says she is done.
  await expect(bar).toContainText('Select tasks with their boxes');
  await bar.getByRole('button', { name: 'Done selecting' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'Select “Update BIOS”' })).toHaveCount(0);
});
