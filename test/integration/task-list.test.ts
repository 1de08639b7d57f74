import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ftsQuery } from '../../electron/repositories/tasks';
import { openTestBackend, type TestBackend } from '../support/temp-backend';
import type { TaskPage } from '../../shared/domain/types';

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

describe('keyset pages', () => {
  const pageThrough = async (filter: Record<string, unknown>, limit: number) => {
    const ids: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const result: TaskPage = await app.call('tasks:list', { ...filter, limit, after });
      ids.push(...result.tasks.map((task) => task.id));
      if (result.next === null) return ids;
      after = result.next;
    }
    throw new Error('the pages never ended');
  };

  it('page by page, every order lists the same tasks as one page does, ties included, each once', async () => {
    // Ties on every key: the same due day and priority, the same title in other cases, the same instant.
    for (let index = 0; index < 9; index += 1) {
      await app.call('tasks:create', { title: index % 2 ? 'same title' : 'Same Title', dueDay: index % 3 ? '2026-11-16' : null, priority: 1, categoryId: 1 });
    }
    const tasks = (await app.call('tasks:list', { status: 'all', limit: 100 })).tasks;
    for (const task of tasks.slice(0, 5)) await app.call('tasks:setStatus', { id: task.id, status: 'done' });
    for (const sort of ['urgency', 'priority', 'newest', 'title'] as const) {
      for (const status of ['active', 'done', 'all'] as const) {
        for (const categoryId of [null, 1]) {
          const whole = (await app.call('tasks:list', { status, sort, categoryId, limit: 100 })).tasks.map((task) => task.id);
          expect(await pageThrough({ status, sort, categoryId }, 2)).toEqual(whole);
          expect(new Set(whole).size).toBe(whole.length);
        }
      }
    }
    const searched = (await app.call('tasks:list', { status: 'all', search: 'same', limit: 100 })).tasks.map((task) => task.id);
    expect(searched).toHaveLength(9);
    expect(await pageThrough({ status: 'all', search: 'same' }, 4)).toEqual(searched);
  });

  it('a page starts after the task the cursor names, even when that task has changed or gone since', async () => {
    const first = await app.call('tasks:list', { status: 'all', limit: 1 });
    expect(first.tasks.map((task) => task.title)).toEqual(['Reset VPN for sales']);
    await app.call('tasks:delete', { id: first.tasks[0]!.id });
    const rest = await app.call('tasks:list', { status: 'all', limit: 10, after: first.next });
    expect(rest.tasks.map((task) => task.title)).toEqual(['Patch the file server', 'Café Wi-Fi for the lobby']);
    expect(rest.total).toBe(2);
  });

  it('a search pages past matches that are gone: the best ones deleted, the page holds the next best', async () => {
    const ids: number[] = [];
    for (let index = 0; index < 6; index += 1) ids.push((await app.call('tasks:create', { title: `alpha ${index}` })).id);
    for (const id of ids.slice(0, 4)) await app.call('tasks:delete', { id });
    const first = await app.call('tasks:list', { status: 'all', search: 'alpha', limit: 1 });
    expect([first.tasks.map((task) => task.title), first.total]).toEqual([['alpha 4'], 2]);
    const second = await app.call('tasks:list', { status: 'all', search: 'alpha', limit: 1, after: first.next });
    expect([second.tasks.map((task) => task.title), second.next]).toEqual([['alpha 5'], null]);
  });

  it('a cursor from another order, or not from the list at all, is refused at its field', async () => {
    const byTitle = await app.call('tasks:list', { sort: 'title', limit: 1 });
    for (const after of [byTitle.next, 'not a cursor', Buffer.from('[1,2]').toString('base64url')]) {
      const error = await app.failure('tasks:list', { sort: 'urgency', after });
      expect(error.code).toBe('VALIDATION');
      expect(error.issues?.map((issue) => issue.field)).toEqual(['after']);
    }
    expect((await app.failure('tasks:list', { after: '' })).issues?.[0]?.field).toBe('after');
  });

  it('counts stop at 1,000 and say there are more', async () => {
    const big = openTestBackend();
    for (let index = 0; index < 1001; index += 1) await big.call('tasks:create', { title: `task ${index}` });
    const page = await big.call('tasks:list', { status: 'all', limit: 10 });
    expect([page.total, page.totalCapped]).toEqual([1000, true]);
    await big.call('tasks:delete', { id: page.tasks[0]!.id });
    expect(await big.call('tasks:list', { status: 'all', limit: 10 })).toMatchObject({ total: 1000, totalCapped: false });
    big.close();
  });

  it('a search lists the best matches first: a word in the title outranks it once in long notes', async () => {
    await app.call('tasks:create', { title: 'Printer queue', notes: `${'Paper jam again. '.repeat(50)} token` });
    await app.call('tasks:create', { title: 'Token for the VPN', notes: 'token token' });
    expect(await titles({ status: 'all', search: 'token' })).toEqual(['Token for the VPN', 'Reset VPN for sales', 'Printer queue']);
  });
});
