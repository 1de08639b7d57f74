import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

let app: TestBackend;
beforeEach(() => {
  app = openTestBackend();
});
afterEach(() => app.close());

describe('categories', () => {
  it('the defaults include Research & strategy and Meetings as strategic, the rest operational', async () => {
    const categories = await app.call('categories:list');
    expect(categories).toHaveLength(9);
    expect(categories.filter((category) => category.kind === 'strategic').map((category) => category.name)).toEqual([
      'Research & strategy',
      'Meetings',
    ]);
  });

  it('a new category is added at the end with its colour in lower case', async () => {
    const created = await app.call('categories:create', { name: 'Phones', color: '#0EA5E9', kind: 'operational' });
    expect(created).toMatchObject({ name: 'Phones', color: '#0ea5e9', archived: false, sortOrder: 9 });
    expect((await app.call('categories:list')).at(-1)?.id).toBe(created.id);
  });

  it('names are unique regardless of case, with the error on the name field', async () => {
    const error = await app.failure('categories:create', { name: 'tech SUPPORT', color: '#000000' });
    expect(error.code).toBe('CONFLICT');
    expect(error.issues).toEqual([{ field: 'name', message: 'That name is taken' }]);
    const rename = await app.failure('categories:update', { id: 2, name: 'Network' });
    expect(rename.code).toBe('CONFLICT');
    expect((await app.call('categories:list'))[1]?.name).toBe('Server administration');
  });

  it('rename, recolour and retype change only what is named', async () => {
    const updated = await app.call('categories:update', { id: 3, name: 'Desktops & laptops', color: '#123456' });
    expect(updated).toMatchObject({ name: 'Desktops & laptops', color: '#123456', kind: 'operational' });
    expect((await app.call('categories:update', { id: 3, kind: 'strategic' })).name).toBe('Desktops & laptops');
  });

  it('archiving hides a category from the active list but keeps it for old tasks, and restore undoes it', async () => {
    const task = await app.call('tasks:create', { title: 'Old printer', categoryId: 9 });
    await app.call('categories:archive', { id: 9 });
    expect((await app.call('categories:list')).map((category) => category.id)).not.toContain(9);
    expect((await app.call('categories:list', { includeArchived: true })).find((category) => category.id === 9)?.archived).toBe(true);
    expect((await app.call('tasks:get', { id: task.id })).categoryId).toBe(9);
    expect((await app.call('categories:restore', { id: 9 })).archived).toBe(false);
  });

  it('an unknown category id is NOT_FOUND', async () => {
    expect((await app.failure('categories:update', { id: 404, name: 'x' })).code).toBe('NOT_FOUND');
  });
});
