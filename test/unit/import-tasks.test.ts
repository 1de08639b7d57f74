import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateMinutes, localDay, priority, taskNotes, taskTitle } from '../../shared/api/schemas';
import { parseTasks, type ParsedTasks, type TaskImportOptions } from '../../shared/import/tasks';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures/import', name), 'utf8');
const header = 'title,category,estimate,due,planned,priority,status,owner,notes,unplanned';

function parsed(text: string, options: TaskImportOptions = {}): ParsedTasks {
  const result = parseTasks(text, options);
  if (result.status !== 'parsed') throw new Error(`expected a parsed file, got ${JSON.stringify(result)}`);
  return result;
}

describe("Offload's task CSV", () => {
  const result = parsed(fixture('generic-tasks.csv'), {
    mapping: { categories: { 'category:network': 4, 'category:vendors & licensing': 6, 'category:server administration': null }, workers: { 'name:sam patel': { worker: 'msp', technicianId: 7 } } },
  });

  it('reads every field into the app’s task fields', () => {
    expect(result.rows[0]).toEqual({
      row: 2,
      title: 'Renew the firewall licence',
      notes: 'Quote from the reseller is in the shared folder',
      categoryId: 6,
      categoryKey: 'category:vendors & licensing',
      estimateMinutes: 30,
      dueDay: '2024-11-01',
      plannedDay: '2024-10-28',
      priority: 3,
      status: 'open',
      owner: 'me',
      technicianId: null,
      ownerKey: null,
      unplanned: false,
      sourceKey: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it('accepts priorities as 0–3, ! to !!! and words, estimates as she types them, statuses with spaces', () => {
    expect(result.rows.map((task) => [task.title, task.priority, task.estimateMinutes, task.status])).toEqual([
      ['Renew the firewall licence', 3, 30, 'open'],
      ['Replace UPS batteries in the server room', 2, 120, 'open'],
      ['Set up a laptop for the new hire', 1, 90, 'in_progress'],
      ['Investigate Wi-Fi drops in the warehouse 📶', 3, 90, 'waiting'],
      ['Document the backup rota', 0, 45, 'done'],
    ]);
  });

  it('an owner is me, the MSP, a technician by name, or left to the delegations', () => {
    expect(result.rows.map((task) => [task.owner, task.technicianId])).toEqual([
      ['me', null],
      ['msp', null],
      ['msp', 7],
      [null, null],
      ['me', null],
    ]);
  });

  it('a category mapped to null is imported without one; an unmapped one is listed', () => {
    expect(result.rows[1]).toMatchObject({ categoryKey: 'category:server administration', categoryId: null });
    expect(result.rows[4]).toMatchObject({ categoryKey: null, categoryId: null });
    expect(result.unmapped.categories.map((name) => name.key)).toEqual(['category:desktop maintenance']);
  });

  it('reports each bad row with its row, column and reason', () => {
    expect(result.errors).toEqual([
      { row: 7, column: 'title', reason: 'no title' },
      { row: 8, column: 'estimate', reason: '"2 weeks" is not a duration (write it like 30m, 1.5h, 1h 15m or 1:30)' },
      { row: 9, column: 'due', reason: '"2024-13-01" is not a real date' },
      { row: 10, column: 'priority', reason: '"urgent" is not a priority: write 0–3, ! to !!!, or none, low, medium, high' },
      { row: 11, column: 'status', reason: '"someday" is not a status: write open, in progress, waiting or done' },
    ]);
  });

  it('every imported row passes the rules of a task she creates by hand', () => {
    for (const task of result.rows) {
      expect(taskTitle.parse(task.title)).toBe(task.title);
      expect(taskNotes.parse(task.notes)).toBe(task.notes);
      expect(estimateMinutes.nullable().parse(task.estimateMinutes)).toBe(task.estimateMinutes);
      expect(localDay.nullable().parse(task.dueDay)).toBe(task.dueDay);
      expect(localDay.nullable().parse(task.plannedDay)).toBe(task.plannedDay);
      expect(priority.parse(task.priority)).toBe(task.priority);
    }
  });
});

describe('task rules beyond the sample file', () => {
  it('refuses titles over 500 characters, notes over 20,000 and estimates over a week', () => {
    const text = `${header}\n${'t'.repeat(501)},,,,,,,,,\nok,,,,,,,,${'n'.repeat(20_001)},\nweek,,169h,,,,,,,\nzero,,0m,,,,,,,\n`;
    expect(parsed(text).errors).toEqual([
      { row: 2, column: 'title', reason: 'longer than 500 characters (501): shorten it' },
      { row: 3, column: 'notes', reason: 'longer than 20,000 characters (20,001): shorten it' },
      { row: 4, column: 'estimate', reason: '"169h" is over a week (168 h): split the task' },
      { row: 5, column: 'estimate', reason: 'an estimate is at least one minute' },
    ]);
  });

  it('needs only a title; the other columns may be missing', () => {
    expect(parsed('Title\nCall the ISP\n').rows[0]).toMatchObject({ title: 'Call the ISP', priority: 0, status: 'open', owner: null, estimateMinutes: null, unplanned: false });
  });

  it('reads dates the way her spreadsheet wrote them, asking when they could be either', () => {
    const text = `${header}\nA,,,03/04/2024,05/04/2024,,,,,\n`;
    expect(parseTasks(text)).toMatchObject({ status: 'needs-day-month-order', reason: 'ambiguous' });
    expect(parsed(text, { dayMonthOrder: 'DMY' }).rows[0]).toMatchObject({ dueDay: '2024-04-03', plannedDay: '2024-04-05' });
    expect(parsed(`${header}\nA,,,10/31/2024,,,,,,\n`).rows[0]).toMatchObject({ dueDay: '2024-10-31' });
  });

  it('unplanned takes yes/no, true/false, 1/0, y/n and x', () => {
    const text = `${header}\n${['yes', 'no', 'TRUE', 'false', '1', '0', 'y', 'n', 'x', ''].map((value, index) => `t${index},,,,,,,,,${value}`).join('\n')}\n`;
    expect(parsed(text).rows.map((task) => task.unplanned)).toEqual([true, false, true, false, true, false, true, false, true, false]);
  });
});
