import fs from 'node:fs';
import path from 'node:path';
import type { TestBackend } from './temp-backend';

export const IMPORT_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

/** Sends a file through import:begin and import:chunk exactly as the import screen does; returns its upload id. */
export async function upload(app: TestBackend, fileName: string, content: string | Buffer): Promise<string> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const { uploadId, chunkBytes, chunks } = await app.call('import:begin', { fileName, size: bytes.length });
  for (let index = 0; index < chunks; index += 1) {
    const data = bytes.subarray(index * chunkBytes, (index + 1) * chunkBytes).toString('base64');
    await app.call('import:chunk', { uploadId, index, data });
  }
  return uploadId;
}

export async function uploadFixture(app: TestBackend, name: string): Promise<string> {
  return upload(app, name, fs.readFileSync(path.join(IMPORT_FIXTURES, name)));
}

/** Waits for a job to finish and returns how it ended. */
export function jobOutcome(app: TestBackend, job: string): Promise<{ outcome: string; message: string }> {
  return new Promise((resolve) => {
    const stop = app.backend.subscribe((event) => {
      if (event.type === 'jobFinished' && event.job === job) {
        stop();
        resolve({ outcome: event.outcome, message: event.message });
      }
    });
  });
}
