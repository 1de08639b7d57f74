import type { Owner, TaskStatus } from '../domain/types';
import type { DateOrder, ImportFormat, RowIssue } from '../import';

/** Kinds of file the import screen reads. */
export type ImportKind = 'time-entries' | 'tasks';

/** What a project, client, tag, category or service name in a file becomes: a category, no category (tasks only), or its rows are skipped. */
export type CategoryChoice = number | 'none' | 'skip';
/** Who a user or technician in a file is: her, the MSP (optionally one technician), or their rows are skipped. */
export type WorkerChoice = { worker: Owner; technicianId: number | null } | 'skip';

/** The mapping she sends with a preview or an import: only the names she decided; the rest come from memory and suggestions. */
export interface ImportMappingInput {
  categories: Record<string, CategoryChoice>;
  workers: Record<string, WorkerChoice>;
}

/** Where a name's choice came from: her choice in this import, what she chose last time, or a guess from matching names. */
export type ChoiceSource = 'chosen' | 'remembered' | 'suggested';

export interface MappedName<Choice> {
  /** The mapping key (`project:server admin`, `email:sam@msp.example`). */
  key: string;
  /** What the key names: a project, client, tag, category or service; a user or a technician; a task owner. */
  kind: 'project' | 'client' | 'tag' | 'category' | 'service' | 'user' | 'technician' | 'owner';
  /** As the file spells it ('' for "no project"). */
  name: string;
  email: string;
  rows: number;
  choice: Choice | null;
  from: ChoiceSource | null;
  /** Some rows cannot be imported until this name is mapped. */
  needed: boolean;
}

export interface ImportCounts {
  /** Data rows in the file. */
  rows: number;
  /** Rows that the import would add. */
  create: number;
  /** Rows imported before (their source key is already in Offload): nothing is added for them. */
  duplicates: number;
  /** Rows that cannot be imported (listed in `errors`). */
  errors: number;
  /** Rows left out on purpose: zero-length entries, and names she chose to skip. */
  skipped: number;
  /** Rows that wait for a mapping of their category or their person. */
  waiting: number;
}

export interface EntryCreation {
  entries: number;
  minutes: number;
  firstStartAt: number | null;
  lastEndAt: number | null;
  minutesBy: { me: number; msp: number };
  /** Per category: what the import adds. */
  byCategory: { categoryId: number; entries: number; minutes: number }[];
  /** Tasks made from the file's Task column (entries are linked to a task of the same name and category, found or created). */
  tasks: number;
  taskTitles: string[];
}

export interface TaskCreation {
  tasks: number;
  byCategory: { categoryId: number | null; tasks: number }[];
  byStatus: Record<TaskStatus, number>;
  /** Tasks the MSP will own (named in the file, or delegated on their day). */
  toMsp: number;
}

/** Up to this many row errors are sent with a preview; `counts.errors` has them all. */
export const PREVIEW_ERROR_LIMIT = 200;

export interface ImportReady {
  status: 'ready';
  kind: ImportKind;
  format: ImportFormat;
  formatLabel: string;
  fileName: string;
  /** The order dates were read in, and whether the file decided it or her answer did. */
  dateOrder: { order: DateOrder; from: 'file' | 'choice' };
  /** The zone the file's wall-clock times were read in (time entries only). */
  timeZone: string | null;
  counts: ImportCounts;
  /** The first row errors, by row (at most PREVIEW_ERROR_LIMIT). */
  errors: RowIssue[];
  /** The first rows left out on purpose, by row. */
  skipped: RowIssue[];
  categories: MappedName<CategoryChoice>[];
  users: MappedName<WorkerChoice>[];
  /** Names beyond those listed (a file with thousands of tags). */
  moreNames: number;
  entries: EntryCreation | null;
  tasks: TaskCreation | null;
}

export type ImportPreview =
  | { status: 'failed'; format: ImportFormat | null; message: string }
  | {
      status: 'needs-day-month-order';
      format: ImportFormat;
      reason: 'ambiguous' | 'inconsistent';
      message: string;
      examples: string[];
    }
  | ImportReady;

export interface UploadStarted {
  uploadId: string;
  /** Send the file in pieces of exactly this many bytes (the last one may be shorter). */
  chunkBytes: number;
  chunks: number;
}

/** What export:read returns: one piece of a prepared file. */
export interface DownloadChunk {
  fileName: string;
  mimeType: string;
  index: number;
  chunks: number;
  text: string;
}

export type ExportKind = 'tasks-csv' | 'time-entries-csv' | 'json';

