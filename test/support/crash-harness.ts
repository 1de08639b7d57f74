import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { tempDir } from './temp-backend';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Bundles crash-child.ts (the app's own database code included) into one CommonJS file. */
export async function bundleCrashChild(): Promise<string> {
  const outfile = path.join(tempDir('offload-crash-child-'), 'crash-child.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'test/support/crash-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  return outfile;
}

export interface Commit {
  sequence: number;
  task: number;
  entry: number;
}

export interface Writer {
  child: ChildProcess;
  /** Every commit the child has reported so far. */
  commits: Commit[];
  /** Resolves once the child has opened the database. */
  opened: Promise<void>;
  /** Resolves when it has reported at least `count` commits. */
  waitFor(count: number): Promise<void>;
  exited: Promise<void>;
}

export function startWriter(childFile: string, databaseFile: string, firstSequence: number, pauseMs = 0): Writer {
  const child = spawn(process.execPath, [childFile, databaseFile, String(firstSequence), String(pauseMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The bundle lives in a temp folder: better-sqlite3 is found through the project's node_modules.
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
  });
  const commits: Commit[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  let buffer = '';
  let errors = '';
  let onOpen: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (onOpen = resolve));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    // Only whole lines count: a line cut off by the kill was never fully reported.
    while ((end = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      if (line === 'open') onOpen();
      const match = /^committed (\d+) (\d+) (\d+)$/.exec(line);
      if (match) commits.push({ sequence: Number(match[1]), task: Number(match[2]), entry: Number(match[3]) });
    }
    for (const wait of waiting.splice(0)) {
      if (commits.length >= wait.count) wait.resolve();
      else waiting.push(wait);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve, reject) =>
    child.once('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? resolve() : reject(new Error(`the writer exited with ${code ?? signal}: ${errors}`)))),
  );
  return {
    child,
    commits,
    opened,
    exited,
    waitFor: (count) => (commits.length >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve }))),
  };
}

/** A small seeded generator, so a failing run can be repeated with its seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

export interface Verification {
  integrity: string;
  missing: Commit[];
  tasks: number;
}

/** Reads the file read-only (no checkpoint, nothing written) and looks for every reported commit. */
export function verifyCommits(databaseFile: string, commits: readonly Commit[]): Verification {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
    const task = db.prepare<[number], { title: string }>('SELECT title FROM tasks WHERE id = ?');
    const entry = db.prepare<[number], { task_id: number }>('SELECT task_id FROM time_entries WHERE id = ?');
    const missing = commits.filter((commit) => task.get(commit.task)?.title !== `Crash test ${commit.sequence}` || entry.get(commit.entry)?.task_id !== commit.task);
    const tasks = db.prepare("SELECT count(*) FROM tasks WHERE title LIKE 'Crash test %'").pluck().get() as number;
    return { integrity, missing, tasks };
  } finally {
    db.close();
  }
}

export const exists = (file: string) => fs.existsSync(file);
