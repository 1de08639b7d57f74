import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTimeEntries, type ParsedTimeEntries, type TimeEntryImportOptions } from '../../shared/import/time-entries';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures/import', name), 'utf8');
const utc = (iso: string) => Date.parse(iso);

function parsed(text: string, options: TimeEntryImportOptions): ParsedTimeEntries {
  const result = parseTimeEntries(text, options);
  if (result.status !== 'parsed') throw new Error(`expected a parsed file, got ${JSON.stringify(result)}`);
  return result;
}

describe("Offload's own time-entry CSV", () => {
  const mapping = {
    categories: { 'category:network': 1, 'category:tech support': 2, 'category:desktop support': 3, 'category:server administration': 4 },
    workers: { 'name:sam patel': { worker: 'msp' as const, technicianId: 7 } },
  };
  const result = parsed(fixture('generic-time.csv'), { timeZone: 'Europe/London', mapping });

  it('reads her entries, the MSP entries and a technician by name', () => {
    expect(result.rows.map((entry) => [entry.row, entry.worker, entry.technicianId, entry.categoryId, entry.unplanned])).toEqual([
      [2, 'me', null, 1, false],
      [3, 'me', null, 2, true],
      [4, 'msp', 7, 3, false],
      [5, 'me', null, 4, false],
      [6, 'msp', null, 2, false],
    ]);
  });

  it('an end before the start is the next morning', () => {
    expect(result.rows[3]).toMatchObject({ taskTitle: 'Patch night', startAt: utc('2024-10-14T21:30:00Z'), endAt: utc('2024-10-15T00:00:00Z') });
  });

  it('reports a bad worker, a technician on her own entry and a bad yes/no by column', () => {
    expect(result.errors).toEqual([
      { row: 8, column: 'worker', reason: '"boss" is not a worker: write me or msp' },
      { row: 9, column: 'technician', reason: 'a technician is only for MSP work: write msp as the worker or leave the technician empty' },
      { row: 10, column: 'unplanned', reason: '"maybe" is not yes or no' },
    ]);
    expect(result.skipped).toEqual([{ row: 7, column: 'end', reason: 'zero-length entry (it ends the moment it starts): nothing to import' }]);
  });

  it('an unmapped technician is still MSP work, listed for her to map', () => {
    const unmapped = parsed(fixture('generic-time.csv'), { timeZone: 'Europe/London' });
    expect(unmapped.rows[2]).toMatchObject({ worker: 'msp', technicianId: null, userKey: 'name:sam patel' });
    expect(unmapped.unmapped.users).toEqual([{ key: 'name:sam patel', name: 'Sam Patel', email: '', rows: 1, mapping: null }]);
  });

  it('reads the same layout saved by Excel with semicolons and DD.MM.YYYY dates', () => {
    const excel = parsed(fixture('generic-time-excel-de.csv'), { timeZone: 'Europe/Berlin' });
    expect(excel.dateOrder).toEqual({ order: 'DMY', from: 'file' });
    expect(excel.rows.map((entry) => [entry.note, entry.startAt, entry.unplanned])).toEqual([
      ['Switch getauscht; Uplinks getestet', utc('2024-10-14T06:00:00Z'), false],
      ['Drucker im Empfang', utc('2024-10-15T11:30:00Z'), true],
    ]);
  });

  it('measures entries in real elapsed time across clock changes', () => {
    const text = 'date,start,end\n2024-11-03,01:00,03:00\n2024-03-10,01:00,03:00\n';
    const [fallBack, springForward] = parsed(text, { timeZone: 'America/New_York' }).rows;
    expect(fallBack!.endAt - fallBack!.startAt).toBe(3 * 3_600_000);
    expect(springForward!.endAt - springForward!.startAt).toBe(3_600_000);
  });
});

describe("an MSP's timesheet", () => {
  const result = parsed(fixture('msp-timesheet.csv'), {
    timeZone: 'America/Chicago',
    mapping: { categories: { 'service:desktop support': 3 }, workers: { 'name:sam patel': { worker: 'msp', technicianId: 7 }, 'name:priya nair': { worker: 'msp', technicianId: 8 } } },
  });

  it('maps each technician by name, and a row without one is the MSP as a whole', () => {
    expect(result.rows.map((entry) => [entry.row, entry.worker, entry.technicianId])).toEqual([
      [2, 'msp', 7],
      [3, 'msp', 8],
      [4, 'msp', 7],
      [5, 'msp', null],
    ]);
  });

  it('takes times from Start and End, not from Hours', () => {
    expect(result.rows[1]).toMatchObject({ startAt: utc('2024-10-14T18:00:00Z'), endAt: utc('2024-10-14T20:15:00Z') });
  });

  it('puts the ticket number in front of the note', () => {
    expect(result.rows.map((entry) => entry.note)).toEqual([
      '#4521 Reimaged the reception PC',
      '#4522 Patched HV01, HV02; rebooted in window',
      'Password reset for A. Kim',
      '#4530 Accounts for two new starters',
    ]);
  });

  it('maps services to categories like projects', () => {
    expect(result.rows[0]).toMatchObject({ categoryKey: 'service:desktop support', categoryId: 3 });
    expect(result.unmapped.categories.map((name) => name.key)).toEqual(['service:onboarding', 'service:server maintenance', 'service:tech support']);
  });

  it('refuses an entry without an end', () => {
    expect(result.errors).toEqual([{ row: 6, column: 'End', reason: 'no end time: a running timer cannot be imported' }]);
  });

  it('accepts the column names PSA exports use', () => {
    const text = 'Date Worked,Resource,Start Time,End Time,Work Type,Ticket #,Summary\n2024-10-14,Sam Patel,08:00,09:00,Desktop support,77,Fixed\n';
    expect(parsed(text, { timeZone: 'UTC' })).toMatchObject({ format: 'msp-timesheet', rows: [{ note: '#77 Fixed', userKey: 'name:sam patel' }] });
  });
});
