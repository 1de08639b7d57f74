import { describe, expect, it } from 'vitest';
import { mappingKey, suggestMapping, userKey, type ImportMapping } from '../../shared/import/mapping';
import { parseTimeEntries } from '../../shared/import/time-entries';

describe('mapping keys', () => {
  it('ignore case, Unicode form and repeated spaces', () => {
    expect(mappingKey('project', '  Server   Admin ')).toBe('project:server admin');
    expect(mappingKey('client', 'Zoe\u0308')).toBe(mappingKey('client', 'Zoë'));
    expect(mappingKey('project', '')).toBe('project:');
  });

  it('name a person by email when there is one, else by name', () => {
    expect(userKey('Sam Patel', 'Sam@Bluefin-MSP.example')).toBe('email:sam@bluefin-msp.example');
    expect(userKey('Sam  Patel')).toBe('name:sam patel');
  });
});

describe('a mapping she made last time', () => {
  const text =
    'User,Email,Client,Project,Description,Start date,Start time,End date,End time,Tags\n' +
    'Gail,gail@x.example,Northwind,Server admin,a,2024-10-14,09:00,2024-10-14,10:00,\n' +
    'Gail,gail@x.example,Northwind,Payroll app,b,2024-10-14,10:00,2024-10-14,11:00,\n' +
    'Sam,sam@msp.example,,,c,2024-10-14,11:00,2024-10-14,12:00,"vpn, support"\n';

  it('is plain JSON and works the same after being stored and read back', () => {
    const mapping: ImportMapping = {
      categories: { 'project:server admin': 2, 'client:northwind': 5, 'tag:support': 1 },
      workers: { 'email:gail@x.example': { worker: 'me', technicianId: null }, 'email:sam@msp.example': { worker: 'msp', technicianId: 7 } },
    };
    const stored = JSON.parse(JSON.stringify(mapping)) as ImportMapping;
    const result = parseTimeEntries(text, { timeZone: 'UTC', mapping: stored });
    if (result.status !== 'parsed') throw new Error('expected a parsed file');
    expect(result.rows.map((entry) => [entry.categoryKey, entry.categoryId, entry.worker, entry.technicianId])).toEqual([
      ['project:server admin', 2, 'me', null],
      ['client:northwind', 5, 'me', null],
      ['tag:support', 1, 'msp', 7],
    ]);
    expect(result.unmapped).toEqual({ categories: [], users: [] });
  });

  it('shows every name in the file with its rows and what it maps to now', () => {
    const result = parseTimeEntries(text, { timeZone: 'UTC', mapping: { categories: { 'client:northwind': 5 }, workers: {} } });
    if (result.status !== 'parsed') throw new Error('expected a parsed file');
    expect(result.seen.categories).toEqual([
      { key: 'client:northwind', name: 'Northwind', rows: 2, categoryId: 5 },
      { key: 'project:payroll app', name: 'Payroll app', rows: 1, categoryId: null },
      { key: 'project:server admin', name: 'Server admin', rows: 1, categoryId: null },
      { key: 'tag:support', name: 'support', rows: 1, categoryId: null },
      { key: 'tag:vpn', name: 'vpn', rows: 1, categoryId: null },
    ]);
    expect(result.unmapped.categories).toEqual([{ key: 'tag:vpn', name: 'vpn', rows: 1, categoryId: null }]);
    expect(result.unmapped.users.map((user) => [user.key, user.rows])).toEqual([
      ['email:gail@x.example', 2],
      ['email:sam@msp.example', 1],
    ]);
  });
});

describe('suggested mappings', () => {
  it('match names to active categories and technicians, and keep what she already chose', () => {
    const suggestion = suggestMapping(
      { categories: ['project:network', 'client:northwind', 'tag:meetings', 'project:old stuff'], users: ['name:sam patel', 'email:priya@msp.example', 'name:gail'] },
      { categories: { 'project:network': 9 }, workers: {} },
      {
        categories: [
          { id: 1, name: 'Network' },
          { id: 2, name: 'Meetings' },
          { id: 3, name: 'Old stuff', archived: true },
        ],
        technicians: [
          { id: 7, name: 'Sam Patel' },
          { id: 8, name: 'Priya Nair', email: 'Priya@MSP.example' },
        ],
      },
    );
    expect(suggestion).toEqual({
      categories: { 'project:network': 9, 'tag:meetings': 2 },
      workers: { 'name:sam patel': { worker: 'msp', technicianId: 7 }, 'email:priya@msp.example': { worker: 'msp', technicianId: 8 } },
    });
  });
});
