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

describe('a Clockify detailed export (every value quoted, MM/DD/YYYY, 11:00:00 AM, optional columns missing)', () => {
  const result = parsed(fixture('clockify-detailed-us.csv'), { timeZone: 'America/New_York' });

  it('is recognised as Clockify although Task, Group and Tags are missing', () => {
    expect(result.format).toBe('clockify');
    expect(result.dateOrder).toEqual({ order: 'MDY', from: 'file' });
  });

  it('reads 12-hour times with seconds as wall-clock times in the chosen zone', () => {
    expect(result.rows.map((entry) => [entry.row, new Date(entry.startAt).toISOString(), new Date(entry.endAt).toISOString()])).toEqual([
      [2, '2024-10-15T15:00:00.000Z', '2024-10-15T16:30:00.000Z'],
      [3, '2024-10-15T16:00:00.000Z', '2024-10-15T16:45:00.000Z'],
      [4, '2024-10-16T04:00:00.000Z', '2024-10-16T05:15:00.000Z'],
      [5, '2024-10-16T13:00:00.000Z', '2024-10-16T14:00:00.000Z'],
    ]);
  });

  it('keeps doubled quotes, commas and accented names', () => {
    expect(result.rows[0]?.note).toBe('Hyper-V host patching, HV01 + HV02');
    expect(result.rows[1]?.note).toBe('Reset "Finance" shared mailbox permissions');
    expect(result.seen.users.map((user) => user.name)).toEqual(['Gail Moreno', 'Zoë Ångström']);
  });

  it('gives a row without project, client or tags the "no project" key for her to map', () => {
    expect(result.rows[2]).toMatchObject({ categoryKey: 'project:', categoryId: null, taskTitle: '', note: 'Standby call 📞' });
    expect(result.unmapped.categories).toContainEqual({ key: 'project:', name: '', rows: 1, categoryId: null });
  });

  it('refuses the running timer with the row and the column as Clockify names it', () => {
    expect(result.errors).toEqual([{ row: 6, column: 'End Time', reason: 'no end time: a running timer cannot be imported' }]);
  });

  it('ignores the Duration (h) and Duration (decimal) columns', () => {
    const text =
      '"Project","Description","User","Start Date","Start Time","End Date","End Time","Duration (h)","Duration (decimal)"\n' +
      '"Network","x","Gail","10/15/2024","09:00:00 AM","10/15/2024","10:00:00 AM","07:30:00","7.50"\n';
    const [entry] = parsed(text, { timeZone: 'UTC' }).rows;
    expect(entry!.endAt - entry!.startAt).toBe(3_600_000);
  });

  it('reads times without seconds and 24-hour times, as other Clockify settings write them', () => {
    const text =
      'Project,Description,User,Start Date,Start Time,End Date,End Time,Duration (h)\n' +
      'Network,a,Gail,15/10/2024,15:00,15/10/2024,18:00,3:00\n' +
      'Network,b,Gail,16/10/2024,9:05 AM,16/10/2024,9:35 AM,0:30\n';
    const result24 = parsed(text, { timeZone: 'UTC' });
    expect(result24.dateOrder.order).toBe('DMY');
    expect(result24.rows.map((entry) => entry.startAt)).toEqual([utc('2024-10-15T15:00:00Z'), utc('2024-10-16T09:05:00Z')]);
  });
});

describe('dates that do not say whether the day or the month comes first', () => {
  const text = fixture('clockify-ambiguous-dates.csv');

  it('asks her, with a few of the dates to show', () => {
    expect(parseTimeEntries(text, { timeZone: 'UTC' })).toEqual({
      status: 'needs-day-month-order',
      format: 'clockify',
      reason: 'ambiguous',
      message: 'Every date in this file could be day/month or month/day (for example 03/04/2024). Say which comes first.',
      examples: ['03/04/2024', '05/06/2024', '11/12/2024'],
    });
  });

  it('reads them in the order she chooses', () => {
    const dayFirst = parsed(text, { timeZone: 'UTC', dayMonthOrder: 'DMY' });
    expect(dayFirst.dateOrder).toEqual({ order: 'DMY', from: 'choice' });
    expect(dayFirst.rows.map((entry) => new Date(entry.startAt).toISOString().slice(0, 10))).toEqual(['2024-04-03', '2024-06-05', '2024-12-11']);
    const monthFirst = parsed(text, { timeZone: 'UTC', dayMonthOrder: 'MDY' });
    expect(monthFirst.rows.map((entry) => new Date(entry.startAt).toISOString().slice(0, 10))).toEqual(['2024-03-04', '2024-05-06', '2024-11-12']);
  });

  it('lets the file overrule a remembered choice when its dates decide', () => {
    const result = parsed(fixture('clockify-detailed-us.csv'), { timeZone: 'UTC', dayMonthOrder: 'DMY' });
    expect(result.dateOrder).toEqual({ order: 'MDY', from: 'file' });
  });

  it('names the two rows of a file whose dates disagree, and with her choice lists the rows that do not fit', () => {
    const mixed =
      'Project,User,Start Date,Start Time,End Date,End Time\n' +
      'Network,Gail,13/01/2024,09:00,13/01/2024,10:00\n' +
      'Network,Gail,02/03/2024,09:00,02/03/2024,10:00\n' +
      'Network,Gail,01/14/2024,09:00,01/14/2024,10:00\n';
    expect(parseTimeEntries(mixed, { timeZone: 'UTC' })).toEqual({
      status: 'needs-day-month-order',
      format: 'clockify',
      reason: 'inconsistent',
      message:
        'The dates disagree: row 2 has 13/01/2024, which is day first, and row 4 has 01/14/2024, which is month first. ' +
        'Choose the order to use; the rows that do not fit it will be listed as errors.',
      examples: ['13/01/2024', '01/14/2024'],
    });
    const chosen = parsed(mixed, { timeZone: 'UTC', dayMonthOrder: 'DMY' });
    expect(chosen.rows.map((entry) => entry.row)).toEqual([2, 3]);
    expect(chosen.errors).toEqual([
      { row: 4, column: 'Start Date', reason: '"01/14/2024" is not a real date in day/month/year order' },
      { row: 4, column: 'End Date', reason: '"01/14/2024" is not a real date in day/month/year order' },
    ]);
  });
});
