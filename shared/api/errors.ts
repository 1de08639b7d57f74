/** Every error the renderer can receive. No stack traces cross the process boundary. */
export type ApiErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNKNOWN_CALL'
  | 'FORBIDDEN'
  | 'DB_TOO_NEW'
  | 'DB_UNREADABLE'
  | 'DB_UNAVAILABLE'
  /** Browser mode: the server is receiving as much as it takes at once; try again in a moment. */
  | 'BUSY'
  /** offload.db is empty or missing while backups exist: she chooses a backup or a new database. */
  | 'DB_EMPTY'
  /** The data folder or the database file cannot be written (permissions, a read-only disk). */
  | 'READ_ONLY'
  /** The disk holding the data is full: the change was not saved. */
  | 'DISK_FULL'
  /** The disk reported an error: the change was not saved. */
  | 'IO_ERROR'
  | 'INTERNAL';

export interface ApiErrorIssue {
  /** The input field the message is about, dotted (`estimateMinutes`, `workingDays.2`). */
  field: string;
  message: string;
}

export interface ApiErrorShape {
  code: ApiErrorCode;
  message: string;
  issues?: ApiErrorIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Thrown by handlers for an expected failure; the dispatcher turns it into an envelope. */
export class AppError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiErrorIssue[] | undefined;

  constructor(code: ApiErrorCode, message: string, issues?: ApiErrorIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toShape(): ApiErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/** The renderer-side error: what a failed call rejects with. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiErrorIssue[];

  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.issues = shape.issues ?? [];
  }

  /** Every field's message, for a form to show each at its field. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.issues.map((issue) => [issue.field, issue.message]));
  }

  /** The message for one input field, if the error names it. */
  forField(field: string): string | undefined {
    return this.issues.find((issue) => issue.field === field)?.message;
  }
}
