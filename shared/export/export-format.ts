import type { Settings } from '../domain/settings';

/**
 * The complete JSON export (docs/data-export.md): every table of her data, as it is stored, with
 * instants as ISO 8601 UTC strings, her IANA zone and her settings. It restores into an empty
 * database with nothing lost; derived tables (rollups, the search index) are rebuilt from it.
 */
export const EXPORT_FORMAT = 'offload-export';
/** The version of this document's shape; an export with a higher one is refused with a message. */
export const EXPORT_VERSION = 1;

export interface ExportedTable {
  columns: string[];
  rows: unknown[][];
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** The database schema (PRAGMA user_version) the rows were read from. */
  schemaVersion: number;
  app: { name: 'Offload'; version: string };
  exportedAt: string;
  /** Her zone when she exported (the setting, or the system's zone then). */
  timeZone: string;
  settings: Settings;
  tables: Record<string, ExportedTable>;
}

/**
 * A CSV cell: quoted when it holds the delimiter, a quote or a line break. A text that a
 * spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, so opening an export never runs what a file she imported once contained.
 */
export function csvCell(value: string, text = true): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Collects lines into pieces of about `pieceSize` characters, for reading back by pieces. */
export class TextPieces {
  readonly pieces: string[] = [];
  private current: string[] = [];
  private length = 0;
  private total = 0;

  constructor(private readonly pieceSize = 1_000_000) {}

  push(text: string): void {
    this.current.push(text);
    this.length += text.length;
    this.total += text.length;
    if (this.length >= this.pieceSize) this.flush();
  }

  finish(): string[] {
    this.flush();
    if (this.pieces.length === 0) this.pieces.push('');
    return this.pieces;
  }

  get characters(): number {
    return this.total;
  }

  private flush(): void {
    if (this.current.length === 0) return;
    this.pieces.push(this.current.join(''));
    this.current = [];
    this.length = 0;
  }
}
