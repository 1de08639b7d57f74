import type { DateOrder } from './date-time';
import type { ImportFormat } from './formats';
import type { WorkerMapping } from './mapping';

/** A problem with one row: the file's row number, the column as the file names it (null: the whole row). */
export interface RowIssue {
  row: number;
  column: string | null;
  reason: string;
}

/** A project, client, tag, category or service name found in the file. */
export interface SeenName {
  /** The mapping key (`project:server admin`); `project:` alone means rows without a project. */
  key: string;
  /** As first spelled in the file ('' for "none"). */
  name: string;
  rows: number;
  /** What the mapping says today (null: not mapped). */
  categoryId: number | null;
}

/** A user or technician found in the file. */
export interface SeenUser {
  key: string;
  name: string;
  email: string;
  rows: number;
  mapping: WorkerMapping | null;
}

/** Progress is reported and cancellation checked every this many rows. */
export const PROGRESS_EVERY = 10_000;

export interface ImportControl {
  /** Called every `PROGRESS_EVERY` rows and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Checked every `PROGRESS_EVERY` rows; true stops the parse with status `cancelled`. */
  isCancelled?: () => boolean;
}

export type ImportOutcome<Parsed> =
  /** The file cannot be imported at all (empty, binary, unknown header, unknown zone…). */
  | { status: 'failed'; format: ImportFormat | null; message: string }
  | { status: 'cancelled'; format: ImportFormat }
  /**
   * The dates do not say whether the day or the month comes first (or disagree): ask her, then
   * parse again with `dayMonthOrder` set.
   */
  | {
      status: 'needs-day-month-order';
      format: ImportFormat;
      reason: 'ambiguous' | 'inconsistent';
      message: string;
      /** A few of the file's dates to show her. */
      examples: string[];
    }
  | Parsed;

export interface ParsedBase<Row> {
  status: 'parsed';
  format: ImportFormat;
  /** The order the dates were read in; `from` says whether the file decided it or her choice did. */
  dateOrder: { order: DateOrder; from: 'file' | 'choice' };
  /** Rows that can be imported, in file order. */
  rows: Row[];
  /** Rows that cannot be imported, with the reason; every other row is in `rows` or `skipped`. */
  errors: RowIssue[];
  /** Rows left out on purpose (zero-length entries), with the reason. */
  skipped: RowIssue[];
  /** Data rows in the file (blank lines not counted). */
  totalRows: number;
}
