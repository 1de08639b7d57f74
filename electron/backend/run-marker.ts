import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from './data-folder';

/**
 * A small file that exists while Offload has the database open and is removed when it closes
 * cleanly. Found at the next start, it says the last session did not end normally: the app was
 * killed, the machine lost power, or closing failed (a full disk, say), in which case the cause is
 * written into it if the disk allows. Committed changes are safe either way — SQLite reads them
 * back from the -wal — but she is told, so nothing about her data happens silently.
 */
export const RUN_MARKER_FILE = 'offload.running.json';

export interface RunMarker {
  pid: number;
  openedAt: number;
  closeProblem?: { at: number; message: string };
}

export function readRunMarker(dataDir: string): RunMarker | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, RUN_MARKER_FILE), 'utf8')) as Partial<RunMarker>;
    if (typeof parsed.pid !== 'number' || typeof parsed.openedAt !== 'number') return null;
    const problem = parsed.closeProblem;
    return {
      pid: parsed.pid,
      openedAt: parsed.openedAt,
      ...(problem && typeof problem.at === 'number' && typeof problem.message === 'string' ? { closeProblem: problem } : {}),
    };
  } catch {
    return null;
  }
}

/** True when the marker belongs to another Offload that is still running on this folder. */
export function isAnotherLiveProcess(marker: RunMarker): boolean {
  if (marker.pid === process.pid) return false;
  try {
    process.kill(marker.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The marker is padded to a fixed size and rewritten in place, so recording a failed close needs no
 * new disk space: on a full disk, that is exactly when it has to work.
 */
const MARKER_BYTES = 1024;

export function writeRunMarker(dataDir: string, marker: RunMarker): boolean {
  const file = path.join(dataDir, RUN_MARKER_FILE);
  let fd: number | undefined;
  try {
    const text = JSON.stringify(marker);
    fd = fs.openSync(file, fs.existsSync(file) ? 'r+' : 'w', PRIVATE_FILE_MODE);
    fs.writeSync(fd, text.padEnd(Math.max(MARKER_BYTES, text.length), ' '), 0);
    fs.fsyncSync(fd);
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function removeRunMarker(dataDir: string): void {
  fs.rmSync(path.join(dataDir, RUN_MARKER_FILE), { force: true });
}

/**
 * Written when a session closes cleanly (the WAL folded into the database, the connection closed):
 * what the file looked like then. At the next start, a file that still looks exactly like this —
 * same inode, size, and modification and change times to the nanosecond, no `-wal` — was last
 * written by that session, which began on a checked file and wrote only through SQLite, so it
 * needs no `quick_check`. Anything else (a crash, a sync tool or another program writing it, a file
 * restored or swapped in, `touch`) changes the change time, which no program can set back, and
 * the file is checked again before a byte is written.
 */
export const CLEAN_CLOSE_FILE = 'offload.closed.json';

interface FileFingerprint {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
}

function fingerprint(file: string): FileFingerprint | null {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return { dev: String(stat.dev), ino: String(stat.ino), size: String(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs) };
  } catch {
    return null;
  }
}

export function writeCleanClose(dataDir: string, databaseFile: string): void {
  const print = fingerprint(databaseFile);
  if (!print || fs.existsSync(`${databaseFile}-wal`)) return;
  try {
    fs.writeFileSync(path.join(dataDir, CLEAN_CLOSE_FILE), JSON.stringify(print), { mode: PRIVATE_FILE_MODE });
  } catch {
    // Only an optimisation: without it the next start checks the file.
  }
}

/**
 * True when the last session closed cleanly and the database is untouched since (see
 * CLEAN_CLOSE_FILE). Only reads: a refused file leaves the folder exactly as it was found.
 */
export function closedCleanlyAndUntouched(dataDir: string, databaseFile: string): boolean {
  let saved: Partial<FileFingerprint> | null = null;
  try {
    saved = JSON.parse(fs.readFileSync(path.join(dataDir, CLEAN_CLOSE_FILE), 'utf8')) as Partial<FileFingerprint>;
  } catch {
    return false;
  }
  const now = fingerprint(databaseFile);
  if (!saved || !now || fs.existsSync(`${databaseFile}-wal`)) return false;
  return (Object.keys(now) as (keyof FileFingerprint)[]).every((key) => saved[key] === now[key]);
}

/** Once the session has the file open, the record describes the past: removed. */
export function removeCleanClose(dataDir: string): void {
  fs.rmSync(path.join(dataDir, CLEAN_CLOSE_FILE), { force: true });
}
