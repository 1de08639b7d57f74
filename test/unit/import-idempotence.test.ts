import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTasks } from '../../shared/import/tasks';
import { parseTimeEntries, type ImportedTimeEntry, type TimeEntryImportOptions } from '../../shared/import/time-entries';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures/import', name), 'utf8');

function rowsOf(text: string, options: TimeEntryImportOptions): ImportedTimeEntry[] {
  const result = parseTimeEntries(text, options);
  if (result.status !== 'parsed') throw new Error(`expected a parsed file, got ${JSON.stringify(result)}`);
  return result.rows;
}

/** What the apply step does with a UNIQUE source_key column: insert the rows whose key is new. */
function apply(store: Set<string>, rows: readonly { sourceKey: string }[]): number {
  let added = 0;
  for (const row of rows) {
    if (store.has(row.sourceKey)) continue;
    store.add(row.sourceKey);
    added++;
  }
  return added;
}

const files: [string, TimeEntryImportOptions][] = [
  ['toggl-detailed-us-12h.csv', { timeZone: 'America/Chicago' }],
  ['toggl-detailed-uk-24h.csv', { timeZone: 'Europe/London' }],
  ['clockify-detailed-us.csv', { timeZone: 'America/New_York' }],
  ['clockify-ambiguous-dates.csv', { timeZone: 'UTC', dayMonthOrder: 'DMY' }],
  ['generic-time.csv', { timeZone: 'Europe/London' }],
  ['msp-timesheet.csv', { timeZone: 'America/Chicago' }],
];

describe('importing the same file twice adds nothing the second time', () => {
  it.each(files)('%s', (name, options) => {
    const store = new Set<string>();
    const first = rowsOf(fixture(name), options);
    expect(apply(store, first)).toBe(first.length);
    expect(apply(store, rowsOf(fixture(name), options))).toBe(0);
  });

  it('every row of a file has its own key', () => {
    for (const [name, options] of files) {
      const keys = rowsOf(fixture(name), options).map((entry) => entry.sourceKey);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('keys do not depend on the mapping or on the zone she confirms', () => {
    const text = fixture('toggl-detailed-us-12h.csv');
    const plain = rowsOf(text, { timeZone: 'America/Chicago' }).map((entry) => entry.sourceKey);
    const mapped = rowsOf(text, {
      timeZone: 'Europe/London',
      mapping: { categories: { 'project:network': 1 }, workers: { 'email:gail@northwind.example': { worker: 'me', technicianId: null } } },
    }).map((entry) => entry.sourceKey);
    expect(mapped).toEqual(plain);
  });

  it('a later export of a longer period adds only the new entries, even with a corrected description', () => {
    const header = 'User,Email,Project,Description,Start date,Start time,End date,End time,Duration';
    const monday = 'Gail,gail@x.example,Network,Switch,2024-10-14,09:00:00,2024-10-14,10:00:00,01:00:00';
    const tuesday = 'Gail,gail@x.example,Network,Firewall,2024-10-15,09:00:00,2024-10-15,10:00:00,01:00:00';
    const store = new Set<string>();
    expect(apply(store, rowsOf(`${header}\n${monday}\n`, { timeZone: 'UTC' }))).toBe(1);
    const later = `${header}\n${monday.replace('Switch', 'Core switch, stack 2')}\n${tuesday}\n`;
    expect(apply(store, rowsOf(later, { timeZone: 'UTC' }))).toBe(1);
  });

  it('two identical rows in one file are both imported, and still only once each', () => {
    const row = 'Gail,gail@x.example,Network,Cabling,2024-10-14,09:00,2024-10-14,10:00,1:00';
    const text = `User,Email,Project,Description,Start date,Start time,End date,End time,Duration\n${row}\n${row}\n`;
    const store = new Set<string>();
    expect(apply(store, rowsOf(text, { timeZone: 'UTC' }))).toBe(2);
    expect(apply(store, rowsOf(text, { timeZone: 'UTC' }))).toBe(0);
  });

  it('the same hour worked by two people is two entries', () => {
    const text =
      'Date,Technician,Start,End,Ticket\n2024-10-14,Sam Patel,09:00,10:00,1\n2024-10-14,Priya Nair,09:00,10:00,1\n2024-10-14,Priya Nair,09:00,10:00,2\n';
    expect(new Set(rowsOf(text, { timeZone: 'UTC' }).map((entry) => entry.sourceKey)).size).toBe(3);
  });

  it('any set of distinct entries keeps its keys whatever order the rows come in', () => {
    const entry = fc.record({
      user: fc.constantFrom('Gail', 'Sam', 'Zoë'),
      day: fc.integer({ min: 1, max: 28 }),
      startMinute: fc.integer({ min: 0, max: 600 }),
      length: fc.integer({ min: 1, max: 600 }),
      note: fc.string({ maxLength: 20 }),
    });
    const pad = (value: number) => String(value).padStart(2, '0');
    const clock = (minutes: number) => `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
    const line = (e: { user: string; day: number; startMinute: number; length: number; note: string }) =>
      [e.user, '', `"${e.note.replace(/"/g, '""')}"`, `2024-10-${pad(e.day)}`, clock(e.startMinute), clock(e.startMinute + e.length)].join(',');
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { selector: (e) => `${e.user}|${e.day}|${e.startMinute}|${e.length}`, minLength: 1, maxLength: 30 }),
        fc.infiniteStream(fc.nat()),
        (entries, randoms) => {
          const text = (list: typeof entries) => `User,Project,Description,Start date,Start time,End time\n${list.map(line).join('\n')}\n`;
          const keys = rowsOf(text(entries), { timeZone: 'UTC' }).map((row) => row.sourceKey);
          expect(new Set(keys).size).toBe(entries.length);
          const shuffled = [...entries];
          const stream = randoms[Symbol.iterator]();
          for (let index = shuffled.length - 1; index > 0; index--) {
            const other = stream.next().value % (index + 1);
            [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
          }
          const again = rowsOf(text(shuffled), { timeZone: 'UTC' }).map((row) => row.sourceKey);
          expect(new Set(again)).toEqual(new Set(keys));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('importing the same task file twice adds nothing the second time', () => {
  it('the sample task file', () => {
    const store = new Set<string>();
    const first = parseTasks(fixture('generic-tasks.csv'));
    const second = parseTasks(fixture('generic-tasks.csv'));
    if (first.status !== 'parsed' || second.status !== 'parsed') throw new Error('expected parsed files');
    expect(apply(store, first.rows)).toBe(5);
    expect(apply(store, second.rows)).toBe(0);
  });

  it('a task is the same task when only its status, priority, estimate, owner or notes changed', () => {
    const header = 'title,category,estimate,due,planned,priority,status,owner,notes';
    const before = parseTasks(`${header}\nRenew the licence,Vendors,30m,2024-11-01,,low,open,me,\n`);
    const after = parseTasks(`${header}\nRenew  the Licence,vendors,1h,2024-11-01,,high,done,msp,Renewed\n`);
    if (before.status !== 'parsed' || after.status !== 'parsed') throw new Error('expected parsed files');
    expect(after.rows[0]!.sourceKey).toBe(before.rows[0]!.sourceKey);
  });
});
