import fs from 'node:fs';
import path from 'node:path';

/**
 * Her data folder is private: only she can read the database, its WAL, the settings and the
 * backups. Modes are set where the platform has them (POSIX); a file someone else owns, or a
 * file system without modes, is left as it is rather than stopping the app.
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function ensurePrivateFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  chmodQuietly(folder, PRIVATE_FOLDER_MODE);
}

export function makePrivate(...files: string[]): void {
  for (const file of files) if (fs.existsSync(file)) chmodQuietly(file, PRIVATE_FILE_MODE);
}

function chmodQuietly(target: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    fs.chmodSync(target, mode);
  } catch {
    // Not ours to change (another owner, a read-only or mode-less file system): leave it.
  }
}

/** The database and the two files SQLite keeps beside it in WAL mode: they only make sense together. */
export function databaseFiles(databaseFile: string): [string, string, string] {
  return [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`];
}

/** An instant as a file-name-safe stamp: 2026-11-16T14-00-00-000Z. */
export function fileStamp(instant: number): string {
  return new Date(instant).toISOString().replace(/[:.]/g, '-');
}

/**
 * Moves the database and its -wal and -shm aside together, under one timestamp
 * (`offload.damaged-2026-11-16T14-00-00-000Z.db`, `…db-wal`, `…db-shm`): never deleted, so a
 * damaged file can still be sent for repair. Returns where each file went.
 */
export function moveDatabaseAside(databaseFile: string, label: 'damaged' | 'empty' | 'replaced', now: number): string[] {
  const folder = path.dirname(databaseFile);
  const extension = path.extname(databaseFile);
  const base = path.basename(databaseFile, extension);
  const target = path.join(folder, `${base}.${label}-${fileStamp(now)}${extension}`);
  const moved: string[] = [];
  for (const [index, file] of databaseFiles(databaseFile).entries()) {
    if (!fs.existsSync(file)) continue;
    const destination = `${target}${['', '-wal', '-shm'][index]}`;
    fs.renameSync(file, destination);
    moved.push(destination);
  }
  return moved;
}

/** Why the folder cannot be written, or null when it can. */
export function folderNotWritable(folder: string): NodeJS.ErrnoException | null {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return null;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

/** True for a path equal to `folder` or inside it, after symbolic links are resolved. */
export function isInside(candidate: string, folder: string): boolean {
  const real = (target: string) => {
    try {
      return fs.realpathSync(target);
    } catch {
      return path.resolve(target);
    }
  };
  const relative = path.relative(real(folder), real(candidate));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
