import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** Every file in a folder (not recursing) with its SHA-256: "nothing was changed or deleted" as data. */
export function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    if (fs.statSync(file).isFile()) files[name] = sha256(file);
  }
  return files;
}

export const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Bytes from a fixed seed, so a corrupted fixture is the same on every run. */
export function seededBytes(length: number, seed = 20261116): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

export type Corruption =
  | 'a middle page overwritten'
  | 'a page of the search index overwritten'
  | 'the header overwritten'
  | 'truncated to half'
  | 'a text file';

/** The pages of one table or index (SQLite's dbstat), read without leaving a -wal or -shm behind. */
function pagesOf(file: string, name: string): number[] {
  const companions = [`${file}-wal`, `${file}-shm`].filter((companion) => !fs.existsSync(companion));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[string], number>("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(name);
  } finally {
    db.close();
    for (const companion of companions) fs.rmSync(companion, { force: true });
  }
}

/** Damages a database file the ways disks, sync tools and people do. */
export function corrupt(file: string, how: Corruption): void {
  const size = fs.statSync(file).size;
  const pageSize = 4096;
  switch (how) {
    case 'a middle page overwritten': {
      const page = Math.floor(size / pageSize / 2);
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, seededBytes(pageSize), 0, pageSize, page * pageSize);
      fs.closeSync(fd);
      return;
    }
    case 'a page of the search index overwritten': {
      // A page nothing reads until she searches: only an integrity check finds it at start.
      const [page] = pagesOf(file, 'tasks_recent_fts_data');
      if (page === undefined) throw new Error('the search index has no leaf page to damage');
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, seededBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
      fs.closeSync(fd);
      return;
    }
    case 'the header overwritten': {
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, seededBytes(100), 0, 100, 0);
      fs.closeSync(fd);
      return;
    }
    case 'truncated to half':
      fs.truncateSync(file, Math.floor(size / pageSize / 2) * pageSize);
      return;
    case 'a text file':
      fs.writeFileSync(file, 'Shopping list\n- milk\n- eggs\n- a new core switch\n'.repeat(200));
      return;
  }
}

/**
 * A small file system of its own (tmpfs) or a read-only view of a folder (a bind mount), for the
 * disk-full and read-only tests. Needs root; false where mounting is not possible, and the test
 * says why it was skipped.
 */
export const canMount: boolean = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tempDir('offload-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

export function mountTmpfs(folder: string, size: string): () => void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', folder]);
  return () => execFileSync('umount', ['-l', folder]);
}

/** `folder` seen read-only at a new path, as a disk mounted read-only shows it (root ignores file modes). */
export function readOnlyView(folder: string): { path: string; release: () => void } {
  const view = tempDir('offload-read-only-');
  execFileSync('mount', ['--bind', folder, view]);
  execFileSync('mount', ['-o', 'remount,bind,ro', view]);
  return { path: view, release: () => execFileSync('umount', ['-l', view]) };
}

/** Fills the file system holding `folder` until it is full; the returned function frees the space. */
export function fillDisk(folder: string): () => void {
  const filler = path.join(folder, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  // The last bytes: the block-sized writes can leave a partial block free.
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(512));
  } catch {
    // Full.
  } finally {
    fs.closeSync(fd);
  }
  return () => fs.rmSync(filler, { force: true });
}
