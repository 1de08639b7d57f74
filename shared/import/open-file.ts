import { readCsv, type CsvTable } from './csv';
import { dateShape, dayNumberOf, DayMonthEvidence, parseClock, parseDayNumber, type DateOrder, type DayMonthOrder } from './date-time';
import { detectFormat, FORMATS, mapColumns, type ColumnMap, type ImportFormat, type ImportKind } from './formats';
import type { ImportOutcome } from './result';

/** The steps every import shares: read the CSV, find its format and columns, decide the date order. */

export interface OpenedFile {
  table: CsvTable;
  format: ImportFormat;
  columns: ColumnMap;
}

type Failure = Extract<ImportOutcome<never>, { status: 'failed' | 'needs-day-month-order' }>;

export function openImportFile(text: string, kind: ImportKind, forced: ImportFormat | undefined): OpenedFile | Failure {
  const read = readCsv(text);
  if (!read.ok) return { status: 'failed', format: forced ?? null, message: read.message };
  const { table } = read;
  if (forced) {
    const spec = FORMATS[forced];
    if (spec.kind !== kind) {
      const holds = (of: ImportKind) => (of === 'tasks' ? 'tasks' : 'time entries');
      return { status: 'failed', format: forced, message: `The ${spec.label} format holds ${holds(spec.kind)}, not ${holds(kind)}.` };
    }
    const { columns, missing } = mapColumns(table.header, forced);
    if (missing.length > 0) {
      const list = missing.map((name) => `"${name}"`).join(', ');
      const message = `This file has no ${list} column${missing.length === 1 ? '' : 's'}, which the ${spec.label} format needs.`;
      return { status: 'failed', format: forced, message };
    }
    return { table, format: forced, columns };
  }
  const match = detectFormat(table.header, kind);
  if (!match.ok) return { status: 'failed', format: null, message: match.message };
  return { table, format: match.format, columns: match.columns };
}

export type DateOrderChoice = { order: DateOrder; from: 'file' | 'choice'; parseOrder: DayMonthOrder | null };

/**
 * Decides day/month order from every date in the given columns. The file's own evidence wins;
 * her choice is used when the file cannot decide (all days ≤ 12) or contradicts itself (then the
 * rows that do not fit her choice become row errors).
 */
export function chooseDateOrder(
  opened: OpenedFile,
  dateColumns: readonly (number | undefined)[],
  chosen: DayMonthOrder | undefined,
): DateOrderChoice | Failure {
  const evidence = new DayMonthEvidence();
  const indices = dateColumns.filter((index): index is number => index !== undefined);
  for (const record of opened.table.rows) {
    for (const index of indices) {
      const text = record.cells[index];
      if (text !== undefined && text !== '') evidence.add(text, record.row);
    }
  }
  const decision = evidence.decide();
  switch (decision.order) {
    case 'YMD':
      return { order: 'YMD', from: 'file', parseOrder: chosen ?? null };
    case 'DMY':
    case 'MDY':
      return { order: decision.order, from: 'file', parseOrder: decision.order };
    case 'ambiguous':
      if (chosen) return { order: chosen, from: 'choice', parseOrder: chosen };
      return {
        status: 'needs-day-month-order',
        format: opened.format,
        reason: 'ambiguous',
        message: `Every date in this file could be day/month or month/day (for example ${decision.examples[0]}). Say which comes first.`,
        examples: decision.examples,
      };
    case 'inconsistent': {
      if (chosen) return { order: chosen, from: 'choice', parseOrder: chosen };
      const rows = evidence.conflictRows();
      return {
        status: 'needs-day-month-order',
        format: opened.format,
        reason: 'inconsistent',
        message:
          `The dates disagree: row ${rows?.dayFirst} has ${decision.dayFirst}, which is day first, and row ${rows?.monthFirst} has ` +
          `${decision.monthFirst}, which is month first. Choose the order to use; the rows that do not fit it will be listed as errors.`,
        examples: [decision.dayFirst, decision.monthFirst],
      };
    }
  }
}

/** The cell of a column, trimmed; '' when the column is absent or the row is short. */
export function cellOf(cells: readonly string[], index: number): string {
  if (index < 0) return '';
  const value = cells[index];
  return value === undefined ? '' : value.trim();
}

/**
 * A row with more values than the header has columns was almost always split by an unquoted
 * comma, and its values no longer sit under their headers: it is refused rather than misread.
 */
export function extraCellsIssue(cells: readonly string[], headerLength: number): string | null {
  if (cells.length <= headerLength) return null;
  return `This row has ${cells.length} values but the header has ${headerLength} columns: a value with a comma in it is probably not quoted.`;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);

/** yes/no, y/n, true/false, 1/0, x/blank; null when it is none of these. */
export function parseYesNo(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}

const DATE_HINT = 'write it like 2024-10-15, 10/15/2024 or 15.10.2024';
const CLOCK_HINT = 'write it like 14:05, 14:05:09 or 2:05 PM';

/**
 * Day number of a date cell, or the reason it is not one. Files repeat a few thousand dates over
 * 100,000 rows, so answers are kept; ISO dates are keyed by their digits, which is cheaper than
 * hashing the text.
 */
export class DateCells {
  private readonly known = new Map<string, number | string>();
  private readonly isoKnown = new Map<number, number | string>();

  constructor(private readonly order: DayMonthOrder | null) {}

  /** A day number, or a reason string. */
  parse(text: string): number | string {
    if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
      const year = digitsOf(text, 0, 4);
      const month = digitsOf(text, 5, 7);
      const day = digitsOf(text, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        const key = (year * 100 + month) * 100 + day;
        let answer = this.isoKnown.get(key);
        if (answer === undefined) {
          answer = dayNumberOf(year, month, day) ?? this.reason(text);
          this.isoKnown.set(key, answer);
        }
        return answer;
      }
    }
    let answer = this.known.get(text);
    if (answer === undefined) {
      answer = parseDayNumber(text, this.order) ?? this.reason(text);
      this.known.set(text, answer);
    }
    return answer;
  }

  private reason(text: string): string {
    const shape = dateShape(text);
    if (!shape) return `"${text}" is not a date (${DATE_HINT})`;
    if (shape.kind === 'ymd' || this.order === null) return `"${text}" is not a real date`;
    return `"${text}" is not a real date in ${this.order === 'DMY' ? 'day/month/year' : 'month/day/year'} order`;
  }
}

/** Seconds since midnight of a clock cell, or the reason it is not a time of day. */
export class ClockCells {
  private readonly known = new Map<string, number | string>();

  parse(text: string): number | string {
    // `14:05:09` and `14:05`, the forms most exports use, without a lookup.
    if ((text.length === 8 && text.charCodeAt(5) === 58) || text.length === 5) {
      if (text.charCodeAt(2) === 58) {
        const hours = digitsOf(text, 0, 2);
        const minutes = digitsOf(text, 3, 5);
        const seconds = text.length === 8 ? digitsOf(text, 6, 8) : 0;
        if (hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59 && seconds >= 0 && seconds <= 59) return hours * 3600 + minutes * 60 + seconds;
      }
    }
    let answer = this.known.get(text);
    if (answer === undefined) {
      answer = parseClock(text) ?? `"${text}" is not a time of day (${CLOCK_HINT})`;
      this.known.set(text, answer);
    }
    return answer;
  }
}

function digitsOf(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}
