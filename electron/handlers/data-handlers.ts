import { assertEmpty } from '../services/data/data-restore';
import type { Handlers } from './types';

/** Import and export: pieces of files in and out, previews and jobs (electron/services/data/). */
export const dataHandlers = {
  'import:begin': ({ fileName, size }, { data }) => data.begin(fileName, size),
  'import:chunk': ({ uploadId, index, data: piece }, { data }) => data.chunk(uploadId, index, piece),
  'import:discard': ({ uploadId }, { data }) => ({ discarded: data.discard(uploadId) }),
  'import:preview': (request, { data }) => data.preview(request),
  'import:apply': (request, { data }) => data.apply(request),
  /** Refused at once when the database holds anything (the worker checks again inside its transaction). */
  'import:json': ({ uploadId }, { db, data }) => {
    assertEmpty(db);
    return data.restoreJson(uploadId);
  },
  'export:start': ({ what }, { data }) => data.startExport(what),
  'export:read': ({ job, index }, { data }) => data.readExport(job, index),
  'jobs:cancel': ({ job }, { jobs }) => ({ cancelled: jobs.cancel(job) }),
} satisfies Partial<Handlers>;
