import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ftsQuery } from '../../electron/repositories/tasks';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

let app: TestBackend;
beforeEach(async () => {
  app = openTestBackend();
  await app.call('tasks:create', { title: 'Reset VPN for sales', notes: 'token expired', categoryId: 1, dueDay: '2026-11-16', priority: 1 });
  await app.call('tasks:create', { title: 'Patch the file server', notes: 'KB5031', categoryId: 2, dueDay: '2026-11-20', priority: 3 });
  await app.call('tasks:create', { title: 'Café Wi-Fi for the lobby', categoryId: 4, unplanned: true });
});
afterEach(() => app.close());

const titles = async (filter: Parameters<TestBackend['call']>[1]) =>
  (await app.call('tasks:list', filter as never)).tasks.map((task) => task.title);

describe('the task list', () => {
  it('full-text search matches every word as a prefix, in titles and notes', async () => {
    expect(await titles({ search: 'vpn sal' })).toEqual(['Reset VPN for sales']);
    expect(await titles({ search: 'token' })).toEqual(['Reset VPN for sales']);
    expect(await titles({ search: 'vpn server' })).toEqual([]);
  });

  it('search ignores accents and treats punctuation as text, not query syntax', async () => {
    expect(await titles({ search: 'cafe' })).toEqual(['Café Wi-Fi for the lobby']);
    expect(await titles({ search: '"unbalanced OR (' })).toEqual([]);
    expect(ftsQuery('a "b"')).toBe('"a"* """b"""*');
  });

  it('filters by owner, planned vs unplanned and due date, and sorts by priority', async () => {
    expect(await titles({ unplanned: true })).toEqual(['Café Wi-Fi for the lobby']);
    expect(await titles({ dueBy: '2026-11-18' })).toEqual(['Reset VPN for sales']);
    expect(await titles({ owner: 'msp' })).toEqual([]);
    expect(await titles({ sort: 'priority' })).toEqual(['Patch the file server', 'Reset VPN for sales', 'Café Wi-Fi for the lobby']);
    expect(await titles({ sort: 'title' })).toEqual(['Café Wi-Fi for the lobby', 'Patch the file server', 'Reset VPN for sales']);
  });

  it('a bulk action applies to every selected task or to none', async () => {
    const page = await app.call('tasks:list', {});
    const ids = page.tasks.map((task) => task.id);
    expect((await app.call('tasks:bulk', { ids, action: { kind: 'plan', plannedDay: '2026-11-19' } })).changed).toBe(3);
    expect((await app.call('tasks:list', {})).tasks.every((task) => task.plannedDay === '2026-11-19')).toBe(true);

    const error = await app.failure('tasks:bulk', { ids: [...ids, 999], action: { kind: 'complete' } });
    expect(error.code).toBe('NOT_FOUND');
    expect((await app.call('tasks:list', { status: 'done' })).total).toBe(0);

    await app.call('tasks:bulk', { ids, action: { kind: 'assign', owner: 'msp' } });
    expect((await app.call('msp:queue', {})).tasks).toHaveLength(3);
  });
});

describe('list pages stay small', () => {
  it('a list page carries only the start of long notes; tasks:get returns them whole', async () => {
    const app2 = openTestBackend();
    const notes = 'Steps tried so far. '.repeat(1000);
    const task = await app2.call('tasks:create', { title: 'Long story', notes });
    const [row] = (await app2.call('tasks:list', {})).tasks;
    expect(row?.notes.length).toBe(160);
    expect((await app2.call('tasks:get', { id: task.id })).notes).toBe(notes);
    app2.close();
  });
});
