import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DELETED_TASK_RETENTION_MS } from '../../electron/repositories/tasks';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

let app: TestBackend;
beforeEach(() => {
  app = openTestBackend();
});
afterEach(() => app.close());

describe('tasks', () => {
  it('a created task comes back with every field and the defaults filled in', async () => {
    const task = await app.call('tasks:create', { title: '  Reset VPN for sales ', categoryId: 1, estimateMinutes: 30, dueDay: '2026-11-20', priority: 1 });
    expect(task).toMatchObject({
      title: 'Reset VPN for sales',
      notes: '',
      categoryId: 1,
      owner: 'me',
      estimateMinutes: 30,
      dueDay: '2026-11-20',
      plannedDay: null,
      priority: 1,
      status: 'open',
      unplanned: false,
      completedAt: null,
      createdAt: Date.parse('2026-11-16T14:00:00Z'),
    });
    expect(await app.call('tasks:get', { id: task.id })).toEqual(task);
  });

  it('a task in an unknown category is refused and nothing is saved', async () => {
    expect((await app.failure('tasks:create', { title: 'x', categoryId: 999 })).code).toBe('NOT_FOUND');
    expect((await app.call('tasks:list', {})).total).toBe(0);
  });

  it('a task cannot be filed under an archived category', async () => {
    await app.call('categories:archive', { id: 2 });
    const error = await app.failure('tasks:create', { title: 'x', categoryId: 2 });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.[0]?.field).toBe('categoryId');
  });

  it('an update changes only the fields it names, and can clear a field with null', async () => {
    const task = await app.call('tasks:create', { title: 'Patch', notes: 'monthly', estimateMinutes: 60, dueDay: '2026-11-20' });
    app.setNow(Date.parse('2026-11-17T09:00:00Z'));
    const updated = await app.call('tasks:update', { id: task.id, title: 'Patch the file server', dueDay: null });
    expect(updated).toMatchObject({ title: 'Patch the file server', notes: 'monthly', estimateMinutes: 60, dueDay: null });
    expect(updated.updatedAt).toBe(Date.parse('2026-11-17T09:00:00Z'));
  });

  it('completing stamps the completion time once; reopening clears it', async () => {
    const task = await app.call('tasks:create', { title: 'Swap the UPS battery' });
    app.setNow(Date.parse('2026-11-16T15:30:00Z'));
    const done = await app.call('tasks:setStatus', { id: task.id, status: 'done' });
    expect(done.completedAt).toBe(Date.parse('2026-11-16T15:30:00Z'));
    app.setNow(Date.parse('2026-11-16T16:00:00Z'));
    expect((await app.call('tasks:setStatus', { id: task.id, status: 'done' })).completedAt).toBe(done.completedAt);
    expect((await app.call('tasks:setStatus', { id: task.id, status: 'open' })).completedAt).toBeNull();
  });

  it('active tasks list by due day (undated last) then priority; done tasks by completion, newest first', async () => {
    const later = await app.call('tasks:create', { title: 'later', dueDay: '2026-11-30' });
    const undated = await app.call('tasks:create', { title: 'undated', priority: 3 });
    const soonLow = await app.call('tasks:create', { title: 'soon low', dueDay: '2026-11-18' });
    const soonHigh = await app.call('tasks:create', { title: 'soon high', dueDay: '2026-11-18', priority: 2 });
    const active = await app.call('tasks:list', { status: 'active' });
    expect(active.tasks.map((task) => task.id)).toEqual([soonHigh.id, soonLow.id, later.id, undated.id]);

    app.setNow(1_800_000_000_000);
    await app.call('tasks:setStatus', { id: later.id, status: 'done' });
    app.setNow(1_800_000_100_000);
    await app.call('tasks:setStatus', { id: undated.id, status: 'done' });
    const done = await app.call('tasks:list', { status: 'done' });
    expect(done.tasks.map((task) => task.title)).toEqual(['undated', 'later']);
    expect((await app.call('tasks:list', { status: 'all' })).total).toBe(4);
  });

  it('pages report the total and the cursor of the next page so a long list loads in slices', async () => {
    for (let index = 0; index < 7; index += 1) await app.call('tasks:create', { title: `task ${index}` });
    const first = await app.call('tasks:list', { limit: 3 });
    const second = await app.call('tasks:list', { limit: 3, after: first.next });
    const last = await app.call('tasks:list', { limit: 3, after: second.next });
    expect([first.total, first.tasks.length, second.tasks.length, last.tasks.length]).toEqual([7, 3, 3, 1]);
    expect([first.totalCapped, last.next]).toEqual([false, null]);
  });

  it('filters by category', async () => {
    await app.call('tasks:create', { title: 'support', categoryId: 1 });
    await app.call('tasks:create', { title: 'server', categoryId: 2 });
    const page = await app.call('tasks:list', { categoryId: 2 });
    expect(page.tasks.map((task) => task.title)).toEqual(['server']);
  });

  it('a deleted task disappears, and undo brings it back unchanged', async () => {
    const task = await app.call('tasks:create', { title: 'Renew the firewall licence', estimateMinutes: 20 });
    await app.call('tasks:delete', { id: task.id });
    expect((await app.call('tasks:list', { status: 'all' })).total).toBe(0);
    expect((await app.failure('tasks:get', { id: task.id })).code).toBe('NOT_FOUND');
    expect(await app.call('tasks:restore', { id: task.id })).toEqual(task);
    expect((await app.call('tasks:list', {})).total).toBe(1);
  });

  it('a deleted task survives a restart and can still be restored within the retention period', async () => {
    const task = await app.call('tasks:create', { title: 'Order toner' });
    await app.call('tasks:delete', { id: task.id });
    app.setNow(Date.parse('2026-11-16T14:00:00Z') + DELETED_TASK_RETENTION_MS - 60_000);
    app = app.reopen();
    expect((await app.call('tasks:restore', { id: task.id })).title).toBe('Order toner');
  });

  it('deleted tasks older than the retention period are purged on open', async () => {
    const task = await app.call('tasks:create', { title: 'Old junk' });
    await app.call('tasks:delete', { id: task.id });
    app.setNow(Date.parse('2026-11-16T14:00:00Z') + DELETED_TASK_RETENTION_MS + 60_000);
    app = app.reopen();
    expect((await app.failure('tasks:restore', { id: task.id })).code).toBe('NOT_FOUND');
  });

  it('a search follows a task added, its notes edited and the task deleted', async () => {
    const task = await app.call('tasks:create', { title: 'Reset VPN', notes: 'sales laptop' });
    const search = async (term: string) => (await app.call('tasks:list', { status: 'all', search: term })).tasks.map((found) => found.id);
    expect(await search('laptop')).toEqual([task.id]);
    await app.call('tasks:update', { id: task.id, notes: 'marketing desktop' });
    expect(await search('laptop')).toEqual([]);
    expect(await search('desktop')).toEqual([task.id]);
    await app.call('tasks:delete', { id: task.id });
    expect(await search('desktop')).toEqual([]);
  });

  it('first run lasts until the first task exists', async () => {
    expect((await app.call('app:status')).firstRun).toBe(true);
    await app.call('tasks:create', { title: 'First' });
    expect((await app.call('app:status')).firstRun).toBe(false);
  });
});
