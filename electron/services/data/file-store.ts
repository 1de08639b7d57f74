import crypto from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import { MAX_UPLOAD_BYTES, TRANSFER_CHUNK_BYTES } from '../../../shared/api/contract-data';
import type { DownloadChunk, UploadStarted } from '../../../shared/api/data-views';

/** Uploads not touched for this long are dropped (she chose a file and walked away). */
export const UPLOAD_IDLE_MS = 30 * 60_000;
/** Prepared downloads are kept this long after the job that made them. */
export const DOWNLOAD_KEEP_MS = 30 * 60_000;
/** All uploads together may hold at most this much memory. */
export const MAX_UPLOADS_TOTAL_BYTES = 384 * 1024 * 1024;
/** Prepared downloads together (older ones are dropped first). */
const MAX_DOWNLOADS = 8;

export interface Upload {
  readonly id: string;
  readonly fileName: string;
  readonly size: number;
  /** The file's bytes, shared with the worker that reads it (no copy crosses the thread boundary). */
  readonly bytes: SharedArrayBuffer;
}

interface UploadState extends Upload {
  received: boolean[];
  receivedCount: number;
  touchedAt: number;
}

interface Download {
  fileName: string;
  mimeType: string;
  parts: string[];
  madeAt: number;
}

/**
 * Files on their way in (uploads, by pieces of TRANSFER_CHUNK_BYTES) and on their way out (a
 * prepared export, read back by pieces), held in memory only: nothing of hers is written outside
 * the database. Everything a call sends is checked: sizes, piece numbers, piece lengths, expiry and
 * the total memory all uploads may hold.
 */
export class FileStore {
  private readonly uploads = new Map<string, UploadState>();
  private readonly downloads = new Map<string, Download>();

  constructor(private readonly now: () => number) {}

  begin(fileName: string, size: number): UploadStarted {
    this.expire();
    if (!Number.isInteger(size) || size < 1 || size > MAX_UPLOAD_BYTES) {
      throw new AppError('VALIDATION', `Offload imports files of 1 byte to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, [{ field: 'size', message: 'Too large' }]);
    }
    const held = [...this.uploads.values()].reduce((total, upload) => total + upload.size, 0);
    if (held + size > MAX_UPLOADS_TOTAL_BYTES) {
      throw new AppError(
        'CONFLICT',
        `Other files being imported already hold ${Math.round(held / 1024 / 1024)} MB; finish or cancel those imports first (at most ${MAX_UPLOADS_TOTAL_BYTES / 1024 / 1024} MB at a time).`,
      );
    }
    const id = crypto.randomBytes(16).toString('hex');
    const chunks = Math.ceil(size / TRANSFER_CHUNK_BYTES);
    this.uploads.set(id, {
      id,
      fileName,
      size,
      bytes: new SharedArrayBuffer(size),
      received: new Array<boolean>(chunks).fill(false),
      receivedCount: 0,
      touchedAt: this.now(),
    });
    return { uploadId: id, chunkBytes: TRANSFER_CHUNK_BYTES, chunks };
  }

  chunk(uploadId: string, index: number, base64: string): { received: number; chunks: number; complete: boolean } {
    const upload = this.upload(uploadId);
    const chunks = upload.received.length;
    if (!Number.isInteger(index) || index < 0 || index >= chunks) {
      throw new AppError('VALIDATION', `This file has ${chunks} piece${chunks === 1 ? '' : 's'}; there is no piece ${index}.`, [{ field: 'index', message: 'No such piece' }]);
    }
    // A complete file is what its previews read, and an apply may reuse what they parsed: it never changes.
    if (upload.receivedCount === chunks) {
      throw new AppError('CONFLICT', `${upload.fileName} is already uploaded in full and cannot change; choose the file again to send another.`, [{ field: 'index', message: 'Already uploaded' }]);
    }
    const bytes = Buffer.from(base64, 'base64');
    const offset = index * TRANSFER_CHUNK_BYTES;
    const expected = Math.min(TRANSFER_CHUNK_BYTES, upload.size - offset);
    if (bytes.length !== expected) {
      throw new AppError('VALIDATION', `Piece ${index} of ${upload.fileName} should hold ${expected} bytes but holds ${bytes.length}; choose the file again.`, [
        { field: 'data', message: 'Wrong length' },
      ]);
    }
    new Uint8Array(upload.bytes, offset, expected).set(bytes);
    if (!upload.received[index]) {
      upload.received[index] = true;
      upload.receivedCount += 1;
    }
    upload.touchedAt = this.now();
    return { received: upload.receivedCount, chunks, complete: upload.receivedCount === chunks };
  }

  /** A complete upload, for the worker to read. */
  complete(uploadId: string): Upload {
    const upload = this.upload(uploadId);
    if (upload.receivedCount < upload.received.length) {
      throw new AppError('CONFLICT', `${upload.fileName} has not finished uploading (${upload.receivedCount} of ${upload.received.length} pieces); choose the file again.`);
    }
    upload.touchedAt = this.now();
    return upload;
  }

  discard(uploadId: string): boolean {
    return this.uploads.delete(uploadId);
  }

  /** Keeps a prepared export under its job's id until she has read it (or it expires). */
  keepDownload(job: string, fileName: string, mimeType: string, parts: string[]): void {
    this.expire();
    this.downloads.set(job, { fileName, mimeType, parts, madeAt: this.now() });
    while (this.downloads.size > MAX_DOWNLOADS) this.downloads.delete(this.downloads.keys().next().value!);
  }

  readDownload(job: string, index: number): DownloadChunk {
    this.expire();
    const download = this.downloads.get(job);
    if (!download) throw new AppError('NOT_FOUND', 'This export is no longer available (exports are kept for 30 minutes); export again.');
    if (index >= download.parts.length) {
      throw new AppError('VALIDATION', `This export has ${download.parts.length} pieces; there is no piece ${index}.`, [{ field: 'index', message: 'No such piece' }]);
    }
    return { fileName: download.fileName, mimeType: download.mimeType, index, chunks: download.parts.length, text: download.parts[index]! };
  }

  private upload(uploadId: string): UploadState {
    this.expire();
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new AppError('NOT_FOUND', 'This upload is not known or has expired (after 30 minutes unused); choose the file again.');
    return upload;
  }

  private expire(): void {
    const now = this.now();
    for (const [id, upload] of this.uploads) if (now - upload.touchedAt > UPLOAD_IDLE_MS) this.uploads.delete(id);
    for (const [job, download] of this.downloads) if (now - download.madeAt > DOWNLOAD_KEEP_MS) this.downloads.delete(job);
  }
}
