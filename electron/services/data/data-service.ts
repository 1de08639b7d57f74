import type { DownloadChunk, ExportKind, ImportPreview, UploadStarted } from '../../../shared/api/data-views';
import { AppError } from '../../../shared/api/errors';
import { AGGREGATES, type Aggregate } from '../../../shared/api/events';
import type { LocalDay } from '../../../shared/domain/day';
import type { Settings } from '../../../shared/domain/settings';
import type { Jobs } from '../../backend/jobs';
import type { WriteGate } from '../../backend/write-gate';
import { FileStore } from './file-store';
import type { RestoreResult } from './data-restore';
import type { ImportRequest, ImportResult } from './import-engine';
import { DataWorker, runDataWorker } from './worker-client';
import type { WorkerContext } from './worker-protocol';

export interface DataServiceOptions {
  /** The built data worker (dist/electron/data-worker.cjs, dist/server/data-worker.mjs); null where none was built. */
  workerFile: string | null;
  databaseFile: string;
  jobs: Jobs;
  gate: WriteGate;
  settings: () => Settings;
  herZone: () => string;
  now: () => number;
  today: () => LocalDay;
  appVersion: string;
  schemaVersion: () => number;
  /** Tells every window what a job's committed transaction changed. */
  announce: (aggregates: readonly Aggregate[]) => void;
  /** After a restore committed: store her settings from the export and bring derived facts up to date. */
  afterRestore: (settings: Settings) => void;
}

/** What a finished export leaves for the renderer to read. */
export interface PreparedFile {
  fileName: string;
  mimeType: string;
  parts: string[];
  summary: string;
}

/**
 * Imports and exports as the handlers see them: files by pieces, a preview computed by the data
 * worker, and imports, restores and exports run as jobs in the worker (progress, cancel). The main
 * thread only moves pieces of files and messages.
 */
export interface DataService {
  begin(fileName: string, size: number): UploadStarted;
  chunk(uploadId: string, index: number, data: string): { received: number; chunks: number; complete: boolean };
  discard(uploadId: string): boolean;
  preview(request: ImportRequest): Promise<ImportPreview>;
  apply(request: ImportRequest): { job: string };
  /** Restores a complete JSON export into an empty database. */
  restoreJson(uploadId: string): { job: string };
  startExport(what: ExportKind): { job: string };
  readExport(job: string, index: number): DownloadChunk;
}

/** How long an upload's preview thread waits, with the rows it parsed, for the apply. */
const KEEP_PREVIEW_MS = 10 * 60_000;

export function createDataService(options: DataServiceOptions): DataService {
  const files = new FileStore(options.now);
  let writing: string | null = null;

  /**
   * The thread each upload's previews run on, kept after the preview with the rows it parsed: the
   * apply runs on it and skips parsing the file again when nothing changed in between
   * (import-engine.ts, KeptReads). Ended by the apply, a discard, or ten minutes unused.
   */
  const previewThreads = new Map<string, { worker: DataWorker; ends: ReturnType<typeof setTimeout> | null }>();
  /** Uploads already applied: a later preview of one (a window refreshing) runs on a thread of its own, not kept. */
  const applied = new Set<string>();
  const endPreviewThread = (uploadId: string) => {
    const thread = previewThreads.get(uploadId);
    if (!thread) return;
    previewThreads.delete(uploadId);
    if (thread.ends) clearTimeout(thread.ends);
    thread.worker.end();
  };
  const previewThread = (uploadId: string): DataWorker => {
    const thread = previewThreads.get(uploadId);
    if (thread?.worker.alive) {
      if (thread.ends) clearTimeout(thread.ends);
      thread.ends = null;
      return thread.worker;
    }
    endPreviewThread(uploadId);
    const worker = new DataWorker(workerFile());
    previewThreads.set(uploadId, { worker, ends: null });
    return worker;
  };
  const keepPreviewThread = (uploadId: string, worker: DataWorker) => {
    const thread = previewThreads.get(uploadId);
    if (thread?.worker !== worker || worker.busy) return;
    if (!worker.alive) return endPreviewThread(uploadId);
    thread.ends = setTimeout(() => endPreviewThread(uploadId), KEEP_PREVIEW_MS);
    thread.ends.unref();
  };
  /** The apply takes the upload's preview thread (the rows it parsed) or starts a fresh one. */
  const applyThread = (uploadId: string): DataWorker => {
    const thread = previewThreads.get(uploadId);
    previewThreads.delete(uploadId);
    if (thread?.ends) clearTimeout(thread.ends);
    return thread?.worker.alive ? thread.worker : new DataWorker(workerFile());
  };

  const workerFile = (): string => {
    if (!options.workerFile) throw new AppError('INTERNAL', 'This build of Offload has no data worker (dist/*/data-worker); run npm run build.');
    return options.workerFile;
  };
  const context = (): WorkerContext => ({
    databaseFile: options.databaseFile,
    settings: options.settings(),
    herZone: options.herZone(),
    now: options.now(),
    today: options.today(),
    appVersion: options.appVersion,
    schemaVersion: options.schemaVersion(),
  });
  const assertNotWriting = () => {
    if (writing) throw new AppError('CONFLICT', 'Another import is running; wait for it to finish or cancel it first.');
  };

  return {
    begin: (fileName, size) => files.begin(fileName, size),
    chunk: (uploadId, index, data) => files.chunk(uploadId, index, data),
    discard(uploadId) {
      endPreviewThread(uploadId);
      applied.delete(uploadId);
      return files.discard(uploadId);
    },

    async preview(request) {
      const upload = files.complete(request.uploadId);
      if (applied.has(request.uploadId)) {
        return runDataWorker<ImportPreview>(workerFile(), { task: 'import-preview', context: context(), request, file: { fileName: upload.fileName, bytes: upload.bytes } });
      }
      const worker = previewThread(request.uploadId);
      try {
        return await worker.run<ImportPreview>({ task: 'import-preview', context: context(), request, file: { fileName: upload.fileName, bytes: upload.bytes } });
      } finally {
        keepPreviewThread(request.uploadId, worker);
      }
    },

    apply(request) {
      assertNotWriting();
      const upload = files.complete(request.uploadId);
      const worker = applyThread(request.uploadId);
      applied.add(request.uploadId);
      const release = options.gate.acquire();
      const job = options.jobs.start('import', `Importing ${upload.fileName}`, async ({ signal, progress }) => {
        try {
          const result = await worker.run<ImportResult>(
            { task: 'import-apply', context: context(), request, file: { fileName: upload.fileName, bytes: upload.bytes } },
            { signal, onProgress: progress },
          );
          options.announce(result.kind === 'tasks' ? ['tasks', 'imports'] : ['timeEntries', 'tasks', 'imports']);
          return result.message;
        } finally {
          worker.end();
          writing = null;
          release();
        }
      });
      writing = job;
      return { job };
    },

    restoreJson(uploadId) {
      assertNotWriting();
      const upload = files.complete(uploadId);
      const file = workerFile();
      const release = options.gate.acquire();
      const job = options.jobs.start('import', `Restoring ${upload.fileName}`, async ({ signal, progress }) => {
        try {
          const result = await runDataWorker<RestoreResult>(file, { task: 'restore', context: context(), file: { fileName: upload.fileName, bytes: upload.bytes } }, { signal, onProgress: progress });
          options.afterRestore(result.settings);
          options.announce(AGGREGATES);
          return result.message;
        } finally {
          writing = null;
          release();
        }
      });
      writing = job;
      return { job };
    },

    startExport(what) {
      const file = workerFile();
      const label = what === 'json' ? 'Exporting all your data' : what === 'tasks-csv' ? 'Exporting tasks' : 'Exporting time entries';
      const job = options.jobs.start('export', label, async ({ job: id, signal, progress }) => {
        const prepared = await runDataWorker<PreparedFile>(file, { task: 'export', context: context(), what }, { signal, onProgress: progress });
        files.keepDownload(id, prepared.fileName, prepared.mimeType, prepared.parts);
        return prepared.summary;
      });
      return { job };
    },

    readExport: (job, index) => files.readDownload(job, index),
  };
}
