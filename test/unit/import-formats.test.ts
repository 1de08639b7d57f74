import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/import/csv';
import { detectFormat, mapColumns, templateCsv, type TemplateFormat } from '../../shared/import/formats';
import { parseTasks } from '../../shared/import/tasks';
import { parseTimeEntries } from '../../shared/import/time-entries';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures/import', name), 'utf8');

function headerOf(name: string): string[] {
  const read = readCsv(fixture(name));
  if (!read.ok) throw new Error(read.message);
  return read.table.header;
}

describe('detecting the source of a file from its header', () => {
  it.each([
    ['toggl-detailed-us-12h.csv', 'toggl'],
    ['toggl-detailed-uk-24h.csv', 'toggl'],
    ['clockify-detailed-us.csv', 'clockify'],
    ['clockify-ambiguous-dates.csv', 'clockify'],
    ['generic-time.csv', 'generic-time'],
    ['generic-time-excel-de.csv', 'generic-time'],
    ['msp-timesheet.csv', 'msp-timesheet'],
    ['generic-tasks.csv', 'generic-tasks'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(headerOf(name))).toMatchObject({ ok: true, format });
  });

  it('tells Toggl from Clockify by the columns only one of them writes', () => {
    const shared = ['Project', 'Client', 'Description', 'User', 'Email', 'Start date', 'Start time', 'End date', 'End time'];
    expect(detectFormat([...shared, 'Duration', 'Amount (EUR)'])).toMatchObject({ format: 'toggl' });
    expect(detectFormat([...shared, 'Group', 'Duration (h)', 'Duration (decimal)'])).toMatchObject({ format: 'clockify' });
    expect(detectFormat(['Start Date', 'Start Time', 'End Time'])).toMatchObject({ format: 'clockify' });
    expect(detectFormat(['Start date', 'Start time', 'End time'])).toMatchObject({ format: 'toggl' });
  });

  it('maps columns by name wherever they stand, in any case', () => {
    const { columns } = mapColumns(['END TIME', 'tags', ' start date ', 'Start Time', 'description'], 'toggl');
    expect(columns).toEqual({
      endTime: { index: 0, header: 'END TIME' },
      tags: { index: 1, header: 'tags' },
      startDate: { index: 2, header: ' start date ' },
      startTime: { index: 3, header: 'Start Time' },
      note: { index: 4, header: 'description' },
    });
  });

  it('accepts the names newer Toggl exports use (Member, Stop date, Stop time)', () => {
    const { columns, missing } = mapColumns(['Member', 'Start date', 'Start time', 'Stop date', 'Stop time'], 'toggl');
    expect(missing).toEqual([]);
    expect(Object.keys(columns).sort()).toEqual(['endDate', 'endTime', 'startDate', 'startTime', 'user']);
  });

  it('names the missing required columns of the closest format', () => {
    expect(detectFormat(headerOf('broken-missing-times.csv'))).toEqual({
      ok: false,
      closest: 'toggl',
      missing: ['Start time', 'End time'],
      message:
        'This looks like a Toggl Track detailed export but has no "Start time" and "End time" columns. ' +
        'Offload reads Toggl Track and Clockify detailed exports, its own time-entry CSV and the MSP timesheet (templates on the import screen).',
    });
  });

  it('names the closest of its own formats too', () => {
    expect(detectFormat(['date', 'start', 'note'])).toMatchObject({ ok: false, closest: 'generic-time', message: expect.stringMatching(/^This looks like an Offload time-entry CSV but has no "end" column\./) });
  });

  it('says plainly when the first line is no header it knows', () => {
    const result = parseTimeEntries(fixture('broken-not-a-csv.txt'), { timeZone: 'UTC' });
    expect(result).toEqual({
      status: 'failed',
      format: null,
      message:
        'The first line is not a header Offload knows. Offload reads Toggl Track and Clockify detailed exports, its own time-entry CSV and the MSP timesheet (templates on the import screen).',
    });
  });

  it('sends a task file to the task import and a time file to the time import', () => {
    expect(parseTimeEntries(fixture('generic-tasks.csv'), { timeZone: 'UTC' })).toMatchObject({
      status: 'failed',
      message: 'This is a task CSV, not time entries: import it as tasks.',
    });
    expect(parseTasks(fixture('generic-time.csv'))).toMatchObject({ status: 'failed', message: expect.stringContaining('no "title" column') });
  });

  it('a forced format must have its required columns', () => {
    expect(parseTimeEntries('date,start,end,note\n2024-10-14,08:00,09:00,x\n', { timeZone: 'UTC', format: 'msp-timesheet' })).toEqual({
      status: 'failed',
      format: 'msp-timesheet',
      message: 'This file has no "Technician" column, which the MSP timesheet format needs.',
    });
  });
});

describe('templates on the import screen', () => {
  it.each(['generic-time', 'generic-tasks', 'msp-timesheet'] as TemplateFormat[])('the %s template is the documented header and one example row', (format) => {
    const text = templateCsv(format);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(2);
    const read = readCsv(text);
    expect(read.ok && detectFormat(read.table.header)).toMatchObject({ ok: true, format });
  });

  it('the time-entry template imports as written', () => {
    expect(templateCsv('generic-time').split('\r\n')[0]).toBe('\uFEFFdate,start,end,category,task,note,worker,technician,unplanned');
    const result = parseTimeEntries(templateCsv('generic-time'), { timeZone: 'Europe/London' });
    expect(result).toMatchObject({ status: 'parsed', errors: [], skipped: [] });
    if (result.status !== 'parsed') return;
    expect(result.rows).toEqual([
      expect.objectContaining({
        row: 2,
        worker: 'me',
        categoryKey: 'category:network',
        taskTitle: 'Replace the core switch',
        note: 'Swapped the switch in rack 2, tested uplinks',
        startAt: Date.parse('2024-10-15T08:00:00Z'),
        endAt: Date.parse('2024-10-15T09:30:00Z'),
      }),
    ]);
  });

  it('the task template imports as written', () => {
    expect(templateCsv('generic-tasks').split('\r\n')[0]).toBe('\uFEFFtitle,category,estimate,due,planned,priority,status,owner,notes,unplanned');
    const result = parseTasks(templateCsv('generic-tasks'));
    expect(result).toMatchObject({ status: 'parsed', errors: [] });
    if (result.status !== 'parsed') return;
    expect(result.rows[0]).toMatchObject({ title: 'Renew the firewall licence', estimateMinutes: 30, dueDay: '2024-11-01', priority: 3, owner: 'me' });
  });

  it('the MSP timesheet template imports as written', () => {
    expect(templateCsv('msp-timesheet').split('\r\n')[0]).toBe('\uFEFFDate,Technician,Start,End,Service,Ticket,Notes');
    const result = parseTimeEntries(templateCsv('msp-timesheet'), { timeZone: 'Europe/London' });
    expect(result).toMatchObject({ status: 'parsed', errors: [], rows: [expect.objectContaining({ worker: 'msp', note: '#4521 Reimaged the reception PC' })] });
  });
});
