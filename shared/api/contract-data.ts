import { z } from 'zod';
import { id, nulMessage, owner, withoutNul } from '../domain/fields';
import { isTimeZone } from '../domain/settings';
import { AGGREGATES } from './events';
import { call, type CallSpec } from './call';
import type { DownloadChunk, ImportPreview, UploadStarted } from './data-views';

/** The largest file she can upload for import (a decade of Toggl entries is about 70 MB, a full JSON export over 100 MB). */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
/** Uploads and downloads move in pieces of this size: browser mode refuses request bodies over 8 MB. */
export const TRANSFER_CHUNK_BYTES = 2 * 1024 * 1024;

const uploadId = z.string().regex(/^[0-9a-f]{32}$/, 'This upload is not known; choose the file again');
const jobId = z.string().max(64).regex(/^[a-z]+-\d+$/, 'Not a job Offload started (a job is named like import-3)');
const nameKey = z.string().min(1).max(400);
/** Base64 of at most one transfer chunk. */
const base64Chunk = z
  .string()
  .max(Math.ceil(TRANSFER_CHUNK_BYTES / 3) * 4, 'A piece of an upload is at most 2 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'A piece of an upload is base64 text');

const categoryChoice = z.union([id, z.literal('none'), z.literal('skip')], { error: 'Choose a category, no category, or skip' });
const workerChoice = z.union(
  [
    z
      .object({ worker: owner, technicianId: id.nullable() })
      .strict()
      .refine((choice) => choice.technicianId === null || choice.worker === 'msp', {
        message: 'A technician is only for MSP work',
        path: ['technicianId'],
      }),
    z.literal('skip'),
  ],
  { error: 'Choose you, the MSP, a technician, or skip' },
);

const limitedRecord = <Value extends z.ZodType>(value: Value) =>
  z.record(nameKey, value).refine((record) => Object.keys(record).length <= 5000, 'At most 5,000 names can be mapped at once');

const importRequest = z
  .object({
    uploadId,
    kind: z.enum(['time-entries', 'tasks'], { error: 'Import time entries or tasks' }),
    format: z.enum(['toggl', 'clockify', 'generic-time', 'msp-timesheet', 'generic-tasks'], { error: 'Unknown file format' }).optional(),
    dayMonthOrder: z.enum(['DMY', 'MDY'], { error: 'Day first (DMY) or month first (MDY)' }).optional(),
    timeZone: z.string().refine(isTimeZone, 'Unknown time zone: choose one from the list, such as America/Chicago').optional(),
    mapping: z.object({ categories: limitedRecord(categoryChoice), workers: limitedRecord(workerChoice) }).strict().optional(),
  })
  .strict();

/**
 * Moving her data in and out: files come in by pieces (the same path in the desktop app and in
 * browser mode), are previewed and imported by a worker thread, and exports are prepared as a job
 * and read back by pieces. See docs/import-formats.md and docs/data-export.md.
 */
export const dataCalls = {
  /** Starts an upload of `size` bytes; send it with import:chunk. Uploads expire after 30 minutes unused. */
  'import:begin': call(
    z
      .object({
        fileName: z.string().trim().min(1, 'The file has no name').max(255, 'Keep the file name under 255 characters').refine(withoutNul, nulMessage('The file name')),
        size: z
          .number()
          .int()
          .min(1, 'The file is empty')
          .max(MAX_UPLOAD_BYTES, `Offload imports files of up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; split the file`),
      })
      .strict(),
  ).writes('files').returns<UploadStarted>(),
  'import:chunk': call(z.object({ uploadId, index: z.number().int().min(0).max(4096), data: base64Chunk }).strict())
    .writes('files')
    .returns<{ received: number; chunks: number; complete: boolean }>(),
  'import:discard': call(z.object({ uploadId }).strict()).writes('files').returns<{ discarded: boolean }>(),
  /** What the import would do, computed by a worker; changes nothing. Rows are never sent, only a summary. */
  'import:preview': call(importRequest).reads('timeEntries', 'tasks', 'categories', 'msp', 'imports', 'settings').returns<ImportPreview>(),
  /** Imports in one transaction, as a job (progress, cancel); the mapping used is remembered. */
  'import:apply': call(importRequest).writes('timeEntries', 'tasks', 'imports').returns<{ job: string }>(),
  /** Restores a complete JSON export into an empty database, as a job. */
  'import:json': call(z.object({ uploadId }).strict()).writes(...AGGREGATES).returns<{ job: string }>(),

  /** Prepares a CSV or the complete JSON export as a job; read the file with export:read when it is done. */
  'export:start': call(z.object({ what: z.enum(['tasks-csv', 'time-entries-csv', 'json'], { error: 'Export tasks, time entries or everything' }) }).strict())
    .writes('files')
    .returns<{ job: string }>(),
  'export:read': call(z.object({ job: jobId, index: z.number().int().min(0).max(100_000) }).strict()).reads('files').returns<DownloadChunk>(),

  /** Asks a running job (import, export, backup…) to stop; false when it is not running. */
  'jobs:cancel': call(z.object({ job: jobId }).strict()).writes('jobs').returns<{ cancelled: boolean }>(),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
