import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';

/** What went wrong underneath SQLite, in the terms she can act on. */
export type StorageProblem = 'full' | 'read-only' | 'io' | 'damaged';

/**
 * Classifies an error from SQLite or from the file system. SQLite reports extended codes
 * (`SQLITE_IOERR_WRITE`, `SQLITE_READONLY_DBMOVED`), so the primary code is matched by prefix.
 */
export function storageProblemOf(error: unknown): StorageProblem | null {
  const code = errorCode(error);
  if (code === null) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  return null;
}

export function errorCode(error: unknown): string | null {
  if (error instanceof Database.SqliteError) return error.code;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}

/**
 * The error a failed save becomes: specific to its cause, and saying what she most needs to know —
 * that the change was not saved and that everything saved before it is still there. SQLite rolls the
 * failed transaction back, so that is true. A damaged database found mid-work is DB_UNREADABLE:
 * the backend stops writing to it (see backend.ts).
 */
export function savingErrorOf(error: unknown): AppError | null {
  const problem = storageProblemOf(error);
  const code = errorCode(error) ?? 'unknown';
  const intact = 'Everything saved before it is intact.';
  switch (problem) {
    case 'full':
      return new AppError('DISK_FULL', `The disk holding Offload’s data is full, so this change was not saved. ${intact} Free some space and try again.`);
    case 'read-only':
      return new AppError(
        'READ_ONLY',
        `Offload’s data folder cannot be written to any more (${code}), so this change was not saved. ${intact} Check that the disk is still mounted read-write and that the folder is yours and writable, then try again.`,
      );
    case 'io':
      return new AppError('IO_ERROR', `The disk reported an error while saving (${code}), so this change was not saved. ${intact} Check the disk and try again.`);
    case 'damaged':
      return new AppError(
        'DB_UNREADABLE',
        `Offload found damage in its database while working (${describeError(error)}). It has stopped writing to it, so nothing more can be lost; restore a backup to go on.`,
      );
    default:
      return null;
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How to make a folder writable again, for her platform. Never "move it away": the data is fine. */
export function readOnlyAdvice(folder: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    return `To fix it, open the folder’s Properties, clear “Read-only”, and on the Security tab give your account “Modify”; if the folder is on a removable or network drive, check it is not write-protected. Then start Offload again.`;
  }
  return `To fix it, make the folder and its files yours and writable — in a terminal: chmod u+rwX "${folder}" "${folder}"/* (or sudo chown -R "$USER" "${folder}" if another user owns them) — or, if the disk is mounted read-only, remount it read-write. Then start Offload again.`;
}

/**
 * The error opening the database becomes when the cause is underneath SQLite: the folder is
 * read-only, the disk is full, or the disk failed. In each case nothing was changed.
 */
export function openingErrorOf(error: unknown, file: string, folder: string): AppError | null {
  const problem = storageProblemOf(error);
  const code = errorCode(error) ?? 'unknown';
  switch (problem) {
    case 'read-only':
      return new AppError(
        'READ_ONLY',
        `Offload cannot write to its data folder ${folder} (${code}): the folder or the database in it is read-only. Your data is intact and nothing was changed. ${readOnlyAdvice(folder)}`,
      );
    case 'full':
      return new AppError('DISK_FULL', `The disk holding ${folder} is full, so Offload cannot open its database for writing. Your data is intact and nothing was changed. Free some space and start Offload again.`);
    case 'io':
      return new AppError('IO_ERROR', `The disk reported an error while Offload opened ${file} (${code}). Nothing was changed. Check the disk, then start Offload again.`);
    case 'damaged':
      return damagedDatabase(file, describeError(error));
    default:
      return null;
  }
}

/** A file that is damaged or is not a database: refused, never written to. */
export function damagedDatabase(file: string, detail: string): AppError {
  return new AppError(
    'DB_UNREADABLE',
    `The database file ${file} is damaged or is not an Offload database (${detail}). Offload does not write to a damaged database, so nothing was changed.`,
  );
}
