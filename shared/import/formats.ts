import { normalizeHeader } from './csv';

/**
 * The CSV layouts Offload reads. Columns are found by header name (case and surrounding spaces do
 * not matter), never by position; a name ending in `*` matches any header starting with the rest,
 * for vendor columns that carry a currency, such as `Amount (USD)`.
 */
export type ImportFormat = 'toggl' | 'clockify' | 'generic-time' | 'generic-tasks' | 'msp-timesheet';
export type ImportKind = 'time-entries' | 'tasks';
export type TimeEntryFormat = Exclude<ImportFormat, 'generic-tasks'>;
/** The formats with a template she can download from the import screen. */
export type TemplateFormat = 'generic-time' | 'generic-tasks' | 'msp-timesheet';

/** What a column means to the importer, whatever the file calls it. */
export type ImportField =
  | 'user'
  | 'email'
  | 'client'
  | 'project'
  | 'task'
  | 'note'
  | 'tags'
  | 'startDate'
  | 'startTime'
  | 'endDate'
  | 'endTime'
  | 'category'
  | 'service'
  | 'ticket'
  | 'worker'
  | 'technician'
  | 'unplanned'
  | 'title'
  | 'estimate'
  | 'due'
  | 'planned'
  | 'priority'
  | 'status'
  | 'owner';

export interface ColumnSpec {
  field: ImportField;
  /** Accepted header names, the first being the one documented and written in templates. */
  names: readonly string[];
  required: boolean;
}

export interface FormatSpec {
  format: ImportFormat;
  kind: ImportKind;
  label: string;
  columns: readonly ColumnSpec[];
  /**
   * Columns the importer ignores but that identify the exporter. Toggl and Clockify share the
   * columns that matter, so their extras (Toggl's `Duration`, `Amount (…)`; Clockify's `Group`,
   * `Duration (h)`, `Billable Rate (…)`) tell them apart.
   */
  markers: readonly string[];
}

const column = (field: ImportField, required: boolean, ...names: string[]): ColumnSpec => ({ field, names, required });

export const FORMATS: Readonly<Record<ImportFormat, FormatSpec>> = {
  toggl: {
    format: 'toggl',
    kind: 'time-entries',
    label: 'Toggl Track detailed export',
    columns: [
      column('user', false, 'User', 'Member'),
      column('email', false, 'Email'),
      column('client', false, 'Client'),
      column('project', false, 'Project'),
      column('task', false, 'Task'),
      column('note', false, 'Description'),
      column('tags', false, 'Tags'),
      column('startDate', true, 'Start date'),
      column('startTime', true, 'Start time'),
      column('endDate', false, 'End date', 'Stop date'),
      column('endTime', true, 'End time', 'Stop time'),
    ],
    markers: ['Duration', 'Amount (*', 'Amount'],
  },
  clockify: {
    format: 'clockify',
    kind: 'time-entries',
    label: 'Clockify detailed export',
    columns: [
      column('project', false, 'Project'),
      column('client', false, 'Client'),
      column('note', false, 'Description'),
      column('task', false, 'Task'),
      column('user', false, 'User'),
      column('email', false, 'Email'),
      column('tags', false, 'Tags', 'Tag'),
      column('startDate', true, 'Start Date'),
      column('startTime', true, 'Start Time'),
      column('endDate', false, 'End Date'),
      column('endTime', true, 'End Time'),
    ],
    markers: [
      'Group',
      'Duration (h)',
      'Duration (decimal)',
      'Time (h)',
      'Time (decimal)',
      'Billable Rate (*',
      'Billable Amount (*',
      'Cost Rate (*',
      'Cost Amount (*',
      'Date of creation',
      'Type',
      'Invoiced',
      'Invoice ID',
      'Kiosk',
    ],
  },
  'generic-time': {
    format: 'generic-time',
    kind: 'time-entries',
    label: 'Offload time-entry CSV',
    columns: [
      column('startDate', true, 'date'),
      column('startTime', true, 'start'),
      column('endTime', true, 'end'),
      column('category', false, 'category'),
      column('task', false, 'task'),
      column('note', false, 'note'),
      column('worker', false, 'worker'),
      column('technician', false, 'technician'),
      column('unplanned', false, 'unplanned'),
    ],
    markers: [],
  },
  'msp-timesheet': {
    format: 'msp-timesheet',
    kind: 'time-entries',
    label: 'MSP timesheet',
    columns: [
      column('startDate', true, 'Date', 'Date Worked', 'Work Date'),
      column('technician', true, 'Technician', 'Tech', 'Resource', 'Member', 'Engineer'),
      column('startTime', true, 'Start', 'Start Time', 'Time Start'),
      column('endTime', true, 'End', 'End Time', 'Time End'),
      column('service', false, 'Service', 'Work Type', 'Service Type'),
      column('ticket', false, 'Ticket', 'Ticket #', 'Ticket Number', 'Ticket ID'),
      column('note', false, 'Notes', 'Summary', 'Description'),
    ],
    markers: ['Hours', 'Hours Worked', 'Billable', 'Company', 'Client'],
  },
  'generic-tasks': {
    format: 'generic-tasks',
    kind: 'tasks',
    label: 'Offload task CSV',
    columns: [
      column('title', true, 'title'),
      column('category', false, 'category'),
      column('estimate', false, 'estimate'),
      column('due', false, 'due'),
      column('planned', false, 'planned'),
      column('priority', false, 'priority'),
      column('status', false, 'status'),
      column('owner', false, 'owner'),
      column('note', false, 'notes'),
      column('unplanned', false, 'unplanned'),
    ],
    markers: [],
  },
};

/** Detection order: on a tie the earlier format wins (the vendors first, then Offload's own). */
const DETECTION_ORDER: readonly ImportFormat[] = ['toggl', 'clockify', 'generic-time', 'msp-timesheet', 'generic-tasks'];

/** Where each field sits in a file: its cell index and the header as the file spells it. */
export type ColumnMap = Partial<Record<ImportField, { index: number; header: string }>>;

export type FormatMatch =
  | { ok: true; format: ImportFormat; columns: ColumnMap }
  | { ok: false; message: string; closest: ImportFormat | null; missing: string[] };

/** Finds each column of `format` in `header` (the first header cell that matches wins). */
export function mapColumns(header: readonly string[], format: ImportFormat): { columns: ColumnMap; missing: string[] } {
  const normalized = header.map(normalizeHeader);
  const columns: ColumnMap = {};
  const missing: string[] = [];
  for (const spec of FORMATS[format].columns) {
    const index = normalized.findIndex((name) => spec.names.some((accepted) => headerMatches(name, accepted)));
    if (index !== -1) columns[spec.field] = { index, header: header[index]! };
    else if (spec.required) missing.push(spec.names[0]!);
  }
  return { columns, missing };
}

/**
 * Which format a header belongs to. Every required column must be present; among the formats that
 * qualify, the one with the most recognised columns (its own plus its markers) wins. On a tie the
 * exact spelling of `Start date` (Toggl) or `Start Date` (Clockify) decides, then the order above.
 */
export function detectFormat(header: readonly string[], kind?: ImportKind): FormatMatch {
  const normalized = header.map(normalizeHeader);
  let best: { format: ImportFormat; score: number; columns: ColumnMap } | null = null;
  let closest: { format: ImportFormat; missing: string[]; share: number } | null = null;
  for (const format of DETECTION_ORDER) {
    const { columns, missing } = mapColumns(header, format);
    const spec = FORMATS[format];
    const required = spec.columns.filter((candidate) => candidate.required).length;
    const share = (required - missing.length) / required + Object.keys(columns).length / 100;
    if (missing.length > 0) {
      if (!closest || share > closest.share) closest = { format, missing, share };
      continue;
    }
    const markers = spec.markers.filter((marker) => normalized.some((name) => headerMatches(name, marker))).length;
    let score = Object.keys(columns).length + markers;
    if (format === 'toggl' && header.some((name) => name.trim() === 'Start date')) score += 0.5;
    if (format === 'clockify' && header.some((name) => name.trim() === 'Start Date')) score += 0.5;
    if (!best || score > best.score) best = { format, score, columns };
  }
  if (best) {
    const found = FORMATS[best.format];
    if (kind && found.kind !== kind) {
      const message =
        found.kind === 'tasks'
          ? 'This is a task CSV, not time entries: import it as tasks.'
          : `This is a time-entry file (${found.label}), not tasks: import it as time entries.`;
      return { ok: false, message, closest: best.format, missing: [] };
    }
    return { ok: true, format: best.format, columns: best.columns };
  }
  return { ok: false, message: unknownHeaderMessage(closest, kind), closest: closest?.format ?? null, missing: closest?.missing ?? [] };
}

function unknownHeaderMessage(closest: { format: ImportFormat; missing: string[]; share: number } | null, kind?: ImportKind): string {
  const known =
    kind === 'tasks'
      ? 'Offload reads its own task CSV (download the template from the import screen).'
      : 'Offload reads Toggl Track and Clockify detailed exports, its own time-entry CSV and the MSP timesheet (templates on the import screen).';
  if (!closest || closest.share < 0.34) return `The first line is not a header Offload knows. ${known}`;
  const missing = closest.missing.map((name) => `"${name}"`);
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  const label = FORMATS[closest.format].label;
  const article = /^(?:[AEIOU]|MSP)/.test(label) ? 'an' : 'a';
  return `This looks like ${article} ${label} but has no ${list} column${missing.length === 1 ? '' : 's'}. ${known}`;
}

function headerMatches(normalizedName: string, accepted: string): boolean {
  const wanted = normalizeHeader(accepted);
  return wanted.endsWith('*') ? normalizedName.startsWith(wanted.slice(0, -1)) : normalizedName === wanted;
}

const TEMPLATE_ROWS: Readonly<Record<TemplateFormat, readonly string[]>> = {
  'generic-time': ['2024-10-15', '09:00', '10:30', 'Network', 'Replace the core switch', 'Swapped the switch in rack 2, tested uplinks', 'me', '', 'no'],
  'msp-timesheet': ['2024-10-15', 'Sam Patel', '13:00', '14:15', 'Desktop support', '4521', 'Reimaged the reception PC'],
  'generic-tasks': ['Renew the firewall licence', 'Vendors & licensing', '30m', '2024-11-01', '2024-10-28', 'high', 'open', 'me', 'Quote from the reseller is in the shared folder', 'no'],
};

/**
 * A template she can download and fill in: the documented header and one example row. It starts
 * with a byte-order mark so that Excel opens it as UTF-8 (the importer removes it again).
 */
export function templateCsv(format: TemplateFormat): string {
  const header = FORMATS[format].columns.map((spec) => spec.names[0]!);
  return `\uFEFF${[header, TEMPLATE_ROWS[format]].map((cells) => cells.map(quoteCell).join(',')).join('\r\n')}\r\n`;
}

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
