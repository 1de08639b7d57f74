import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../shared/import/mapping';
import { parseTimeEntries, type ParsedTimeEntries, type TimeEntryImportOptions } from '../../shared/import/time-entries';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures/import', name), 'utf8');
const utc = (iso: string) => Date.parse(iso);

function parsed(text: string, options: TimeEntryImportOptions): ParsedTimeEntries {
  const result = parseTimeEntries(text, options);
  if (result.status !== 'parsed') throw new Error(`expected a parsed file, got ${JSON.stringify(result)}`);
  return result;
}

const mapping: ImportMapping = {
  categories: { 'project:network': 1, 'project:desktop support': 2, 'tag:after-hours': 3, 'client:northwind traders': 9 },
  workers: {
    'email:gail@northwind.example': { worker: 'me', technicianId: null },
    'email:sam@bluefin-msp.example': { worker: 'msp', technicianId: 7 },
  },
};

describe('a Toggl Track detailed export with US settings (BOM, 12-hour times with seconds)', () => {
  const result = parsed(fixture('toggl-detailed-us-12h.csv'), { timeZone: 'America/Chicago', mapping });

  it('is recognised as Toggl and its MM/DD dates are decided by the file', () => {
    expect(result.format).toBe('toggl');
    expect(result.dateOrder).toEqual({ order: 'MDY', from: 'file' });
    expect(result.totalRows).toBe(8);
  });

  it('takes start and end from the date and time columns as wall-clock times in her zone', () => {
    expect(result.rows[0]).toEqual({
      row: 2,
      worker: 'me',
      technicianId: null,
      categoryId: 1,
      categoryKey: 'project:network',
      userKey: 'email:gail@northwind.example',
      taskTitle: '',
      note: 'Core switch firmware, stack 2',
      unplanned: false,
      startAt: utc('2024-10-14T12:58:12Z'),
      endAt: utc('2024-10-14T14:12:40Z'),
      sourceKey: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it('reads 12:00 PM as noon and 12:00 AM as midnight', () => {
    const byRow = new Map(result.rows.map((entry) => [entry.row, entry]));
    expect(byRow.get(4)?.startAt).toBe(utc('2024-10-14T17:00:00Z'));
    expect(byRow.get(7)?.startAt).toBe(utc('2024-10-15T05:00:00Z'));
    expect(byRow.get(7)?.endAt).toBe(utc('2024-10-15T05:20:00Z'));
  });

  it('keeps quoted commas, doubled quotes, unicode and emoji in descriptions, and the Task as a task name', () => {
    expect(result.rows.map((entry) => entry.note)).toEqual([
      'Core switch firmware, stack 2',
      'Reception printer says "offline" again',
      'Café with finance — budget 2025 ☕️',
      'Patching night 🌙 (WSUS)',
      'Check Veeam jobs',
      'Laptop for new hire: "Dell 7440", dock, 2 monitors',
    ]);
    expect(result.rows[1]?.taskTitle).toBe('Printer queue');
  });

  it('an entry that runs past midnight ends on its End date', () => {
    const night = result.rows.find((entry) => entry.row === 6);
    expect(night).toMatchObject({ startAt: utc('2024-10-15T04:30:00Z'), endAt: utc('2024-10-15T06:10:00Z') });
  });

  it('skips the empty line without counting it as a row', () => {
    expect(result.rows.map((entry) => entry.row)).toEqual([2, 3, 4, 6, 7, 8]);
  });

  it('refuses the running timer (no end) and skips the zero-length entry, each with its row and column', () => {
    expect(result.errors).toEqual([{ row: 9, column: 'End time', reason: 'no end time: a running timer cannot be imported' }]);
    expect(result.skipped).toEqual([{ row: 10, column: 'End time', reason: 'zero-length entry (it ends the moment it starts): nothing to import' }]);
  });

  it('maps the project first, then the client, then the tags', () => {
    expect(result.rows.map((entry) => [entry.row, entry.categoryKey, entry.categoryId])).toEqual([
      [2, 'project:network', 1],
      [3, 'project:desktop support', 2],
      [4, 'client:northwind traders', 9],
      [6, 'tag:after-hours', 3],
      [7, 'client:northwind traders', 9],
      [8, 'project:desktop support', 2],
    ]);
  });

  it('maps users to her or to a technician by email', () => {
    expect(result.rows.find((entry) => entry.row === 8)).toMatchObject({ worker: 'msp', technicianId: 7, userKey: 'email:sam@bluefin-msp.example' });
    expect(result.summary.minutesBy.me).toBeCloseTo(74 + 28 / 60 + 26 + 7 / 60 + 45.5 + 100 + 20, 9);
    expect(result.summary.minutesBy).toMatchObject({ msp: 90, unknown: 0 });
  });

  it('summarises what will be created', () => {
    expect(result.summary).toMatchObject({ entries: 6, firstStartAt: utc('2024-10-14T12:58:12Z'), lastEndAt: utc('2024-10-15T19:35:00Z') });
  });
});

describe('a Toggl Track detailed export with UK settings (DD/MM/YYYY, 24-hour times without seconds)', () => {
  const result = parsed(fixture('toggl-detailed-uk-24h.csv'), { timeZone: 'Europe/London' });

  it('decides day-first from a date whose first field is over 12', () => {
    expect(result.dateOrder).toEqual({ order: 'DMY', from: 'file' });
    expect(result.rows[0]).toMatchObject({ row: 2, startAt: utc('2024-10-03T07:00:00Z'), endAt: utc('2024-10-03T08:30:00Z') });
  });

  it('keeps a description that spans two lines, and counts both lines for the rows after it', () => {
    expect(result.rows[1]).toMatchObject({ row: 3, note: 'Outlook profile rebuild,\nthen OST cleanup', startAt: utc('2024-10-14T09:05:00Z') });
    expect(result.rows[2]).toMatchObject({ row: 5, startAt: utc('2024-10-21T21:00:00Z'), endAt: utc('2024-10-22T05:30:00Z') });
  });

  it('reports each bad row with its row number, column and reason', () => {
    expect(result.errors).toEqual([
      { row: 6, column: 'End date', reason: 'longer than 24 hours (25 h 0 min): Offload refuses entries over 24 hours; split it' },
      { row: 7, column: 'End date', reason: 'ends before it starts (24/10/2024 17:00 → 24/10/2024 16:00)' },
      { row: 8, column: 'Start time', reason: '"25:10" is not a time of day (write it like 14:05, 14:05:09 or 2:05 PM)' },
      { row: 8, column: 'End time', reason: '"26:00" is not a time of day (write it like 14:05, 14:05:09 or 2:05 PM)' },
    ]);
    expect(result.rows.map((entry) => entry.row)).toEqual([2, 3, 5, 9]);
  });

  it('lists the names she still has to map, with how many rows each decides', () => {
    expect(result.unmapped.users).toEqual([{ key: 'email:gail@northwind.example', name: 'Gail Moreno', email: 'gail@northwind.example', rows: 4, mapping: null }]);
    expect(result.unmapped.categories.map((name) => name.key)).toEqual([
      'project:research & strategy',
      'project:security & backups',
      'project:server admin',
      'project:tech support',
    ]);
    expect(result.rows.every((entry) => entry.worker === null && entry.categoryId === null)).toBe(true);
  });
});

describe('Toggl rules beyond the sample files', () => {
  const header = 'User,Email,Project,Description,Start date,Start time,End date,End time,Duration,Tags';

  it('ignores the Duration column, which is formatted for display', () => {
    const result = parsed(`${header}\nGail,,Network,x,2024-10-14,09:00:00,2024-10-14,10:00:00,5:00:00,\n`, { timeZone: 'UTC' });
    expect(result.rows[0]!.endAt - result.rows[0]!.startAt).toBe(3_600_000);
  });

  it('without an End date, an end time before the start time is on the next day', () => {
    const noEndDate = 'User,Project,Description,Start date,Start time,End time\n';
    const result = parsed(`${noEndDate}Gail,Server admin,Patching,2024-10-14,22:00,01:30\nGail,Network,Day,2024-10-15,09:00,10:00\n`, { timeZone: 'UTC' });
    expect(result.rows.map((entry) => [entry.startAt, entry.endAt])).toEqual([
      [utc('2024-10-14T22:00:00Z'), utc('2024-10-15T01:30:00Z')],
      [utc('2024-10-15T09:00:00Z'), utc('2024-10-15T10:00:00Z')],
    ]);
  });

  it('an empty End date cell also means the start date', () => {
    const result = parsed(`${header}\nGail,,Network,x,2024-10-14,23:00,,00:15,,\n`, { timeZone: 'UTC' });
    expect(result.rows[0]).toMatchObject({ startAt: utc('2024-10-14T23:00:00Z'), endAt: utc('2024-10-15T00:15:00Z') });
  });

  it('names the column and the bad value of an unreadable date', () => {
    const result = parsed(`${header}\nGail,,Network,x,Oct 14,09:00,2024-10-14,10:00,,\n`, { timeZone: 'UTC' });
    expect(result.errors).toEqual([{ row: 2, column: 'Start date', reason: '"Oct 14" is not a date (write it like 2024-10-15, 10/15/2024 or 15.10.2024)' }]);
  });

  it('a row with more values than the header has columns is refused, not shifted', () => {
    const result = parsed(`${header}\nGail,,Network,Patched, rebooted,2024-10-14,09:00,2024-10-14,10:00,1:00:00,\n`, { timeZone: 'UTC' });
    expect(result.errors).toEqual([
      { row: 2, column: null, reason: 'This row has 11 values but the header has 10 columns: a value with a comma in it is probably not quoted.' },
    ]);
  });

  it('splits the Tags cell on commas', () => {
    const result = parsed(`${header}\nGail,,,x,2024-10-14,09:00,2024-10-14,10:00,,"network, after-hours"\n`, {
      timeZone: 'UTC',
      mapping: { categories: { 'tag:after-hours': 4 }, workers: {} },
    });
    expect(result.rows[0]).toMatchObject({ categoryId: 4, categoryKey: 'tag:after-hours' });
    expect(result.seen.categories.map((name) => name.key)).toEqual(['tag:after-hours', 'tag:network']);
  });

  it('refuses a description over the 2,000 characters a time entry holds', () => {
    const result = parsed(`${header}\nGail,,,${'x'.repeat(2001)},2024-10-14,09:00,2024-10-14,10:00,,\n`, { timeZone: 'UTC' });
    expect(result.errors).toEqual([{ row: 2, column: 'Description', reason: 'longer than 2,000 characters (2,001): shorten it' }]);
  });

  it('accepts exactly 24 hours and refuses a second more', () => {
    const text = `${header}\nGail,,,a,2024-10-14,09:00:00,2024-10-15,09:00:00,,\nGail,,,b,2024-10-16,09:00:00,2024-10-17,09:00:01,,\n`;
    const result = parsed(text, { timeZone: 'UTC' });
    expect(result.rows.map((entry) => entry.row)).toEqual([2]);
    expect(result.errors).toEqual([{ row: 3, column: 'End date', reason: 'longer than 24 hours (24 h 0 min 1 s): Offload refuses entries over 24 hours; split it' }]);
  });

  it('refuses a time zone it does not know before reading any row', () => {
    expect(parseTimeEntries(fixture('toggl-detailed-us-12h.csv'), { timeZone: 'Gail/Office' })).toEqual({
      status: 'failed',
      format: 'toggl',
      message: '"Gail/Office" is not a time zone Offload knows; choose one such as Europe/London.',
    });
  });
});
