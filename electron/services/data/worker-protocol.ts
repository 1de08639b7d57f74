import type { ExportKind } from '../../../shared/api/data-views';
import type { ApiErrorShape } from '../../../shared/api/errors';
import type { LocalDay } from '../../../shared/domain/day';
import type { Settings } from '../../../shared/domain/settings';
import type { ImportRequest } from './import-engine';

/**
 * What the main thread and the data worker (electron/workers/data-worker.ts) say to each other.
 * Each task travels as a WorkerMessage and every reply names its id; the file's bytes and the
 * cancel flag are SharedArrayBuffers, so a 100 MB file is never copied between the threads.
 */

/** What every task needs from the main thread: the database file, her settings and the clock. */
export interface WorkerContext {
  databaseFile: string;
  settings: Settings;
  herZone: string;
  now: number;
  today: LocalDay;
  appVersion: string;
  schemaVersion: number;
}

export interface SharedFile {
  fileName: string;
  bytes: SharedArrayBuffer;
}

export type WorkerRequest =
  | { task: 'import-preview' | 'import-apply'; context: WorkerContext; request: ImportRequest; file: SharedFile; cancel: SharedArrayBuffer }
  | { task: 'export'; context: WorkerContext; what: ExportKind; cancel: SharedArrayBuffer }
  | { task: 'restore'; context: WorkerContext; file: SharedFile; cancel: SharedArrayBuffer };

/** One task for the worker; it answers with replies carrying the same id. */
export interface WorkerMessage {
  id: number;
  request: WorkerRequest;
}

export type WorkerReplyBody =
  | { type: 'progress'; done: number; total: number | null }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: ApiErrorShape }
  | { type: 'cancelled' };

export type WorkerReply = { id: number } & WorkerReplyBody;

/** The cancel flag: one Int32 the main thread sets to 1. */
export const CANCEL_FLAG_BYTES = 4;
