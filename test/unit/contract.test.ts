import { describe, expect, it } from 'vitest';
import { callNames, contract, isCallName, mapCalls } from '../../shared/api/contract';

function rejects(name: keyof typeof contract, input: unknown): string[] {
  const result = contract[name].input.safeParse(input);
  expect(result.success, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('the API contract', () => {
  it('names every call area:verb', () => {
    for (const name of callNames) expect(name).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
  });

  it('recognises only its own call names, not inherited object keys', () => {
    expect(isCallName('tasks:create')).toBe(true);
    expect(isCallName('toString')).toBe(false);
    expect(isCallName('__proto__')).toBe(false);
    expect(isCallName(42)).toBe(false);
  });

  it('mapCalls builds exactly one member per call', () => {
    const mapped = mapCalls((name) => name.length);
    expect(Object.keys(mapped).sort()).toEqual([...callNames].sort());
  });

  it('rejects a task without a title, or with only spaces', () => {
    expect(rejects('tasks:create', {})).toHaveLength(1);
    expect(rejects('tasks:create', { title: '   ' })).toContain('Give the task a title');
  });

  it('rejects negative, fractional and absurd estimates with a reason', () => {
    expect(rejects('tasks:create', { title: 'x', estimateMinutes: -5 })).toContain('An estimate is at least one minute');
    expect(rejects('tasks:create', { title: 'x', estimateMinutes: 1.5 })).toContain('Estimates are whole minutes');
    expect(rejects('tasks:create', { title: 'x', estimateMinutes: 20_000 })).toContain(
      'An estimate over a week (168 h) is not a task; split it',
    );
  });

  it('rejects impossible dates, priorities outside 0–3 and unknown statuses', () => {
    expect(rejects('tasks:create', { title: 'x', dueDay: '2026-02-30' })).toContain('Use a real date written YYYY-MM-DD');
    expect(rejects('tasks:create', { title: 'x', priority: 4 })).toHaveLength(1);
    expect(rejects('tasks:setStatus', { id: 1, status: 'finished' })).toContain('Unknown task status');
  });

  it('rejects unknown fields instead of ignoring them', () => {
    expect(rejects('tasks:create', { title: 'x', assignee: 'msp' })[0]).toMatch(/Unrecognized key/);
    expect(rejects('delegations:preview', { categoryId: 1, startDay: '2026-11-16', extra: 1 })[0]).toMatch(/Unrecognized key/);
    expect(rejects('delegations:update', { id: 1, startDay: '2026-11-16', endDay: null, estimatedWeeklyMinutes: null, note: '', x: 1 })[0]).toMatch(/Unrecognized key/);
    expect(rejects('tasks:bulk', { ids: [1], action: { kind: 'complete', extra: true } })[0]).toMatch(/Unrecognized key/);
    expect(rejects('categories:update', { id: 1, archived: true })[0]).toMatch(/Unrecognized key/);
  });

  it('rejects ids that are not positive integers', () => {
    for (const id of [0, -1, 1.5, '1', null]) rejects('tasks:delete', { id });
  });

  it('rejects colours that are not #rrggbb and normalises case', () => {
    rejects('categories:create', { name: 'Phones', color: 'red' });
    rejects('categories:create', { name: 'Phones', color: '#fff' });
    const parsed = contract['categories:create'].input.parse({ name: ' Phones ', color: '#AABBCC' });
    expect(parsed).toEqual({ name: 'Phones', color: '#aabbcc', kind: 'operational' });
  });

  it('rejects a settings patch with an unknown key or an invalid value', () => {
    rejects('settings:update', { colour: 'blue' });
    expect(rejects('settings:update', { hoursPerDay: -1 })).toContain('Hours per day cannot be negative');
    rejects('settings:update', { timeZone: 'Mars/Olympus' });
    rejects('settings:update', { workingDays: [1, 1] });
  });

  it('declares for every call what it reads or what it writes, never both and never neither', () => {
    for (const name of callNames) {
      const { reads, writes } = contract[name];
      expect(reads.length > 0 !== writes.length > 0, name).toBe(true);
    }
  });

  it('refuses a technician on work that is not the MSP’s, at the technician field', () => {
    const result = contract['tasks:create'].input.safeParse({ title: 'x', owner: 'me', technicianId: 3 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['technicianId'], message: 'Only MSP work goes to a technician' });
  });

  it('caps a task page at 100 rows so no screen receives a huge payload', () => {
    rejects('tasks:list', { limit: 101 });
    expect(contract['tasks:list'].input.parse({})).toEqual({
      status: 'active', categoryId: null, owner: null, unplanned: null, dueBy: null, search: '', sort: 'urgency', after: null, limit: 100,
    });
  });

  it('a search takes no choice of older tasks: it steps back through them by the page marker its last page offers', () => {
    expect(contract['tasks:list'].input.safeParse({ search: 'vpn', older: 'include' }).success).toBe(false);
  });
});
