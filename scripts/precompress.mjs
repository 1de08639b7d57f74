// Writes a Brotli (.br) and a gzip (.gz) copy beside each text asset of the built renderer, for
// the browser-mode server to send to a browser that accepts them (electron/backend/renderer-files.ts).
// The desktop app reads local files and uses neither; electron-builder.yml leaves them out.
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What a page loads as text. Source maps are left out: only developer tools fetch them. */
export const PRECOMPRESSED_EXTENSIONS = ['.html', '.js', '.css', '.svg', '.json'];

/**
 * Compresses every text asset under `dir` (best Brotli, gzip level 9). A copy no smaller than the
 * file is not written, so the server sends that file as it is. Returns what was written.
 */
export function precompress(dir) {
  let files = 0;
  let bytes = 0;
  let brotliBytes = 0;
  let gzipBytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !PRECOMPRESSED_EXTENSIONS.includes(path.extname(entry.name))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const body = fs.readFileSync(file);
    const brotli = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    });
    const gzip = gzipSync(body, { level: 9 });
    files += 1;
    bytes += body.length;
    if (brotli.length < body.length) {
      fs.writeFileSync(`${file}.br`, brotli);
      brotliBytes += brotli.length;
    }
    if (gzip.length < body.length) {
      fs.writeFileSync(`${file}.gz`, gzip);
      gzipBytes += gzip.length;
    }
  }
  return { files, bytes, brotliBytes, gzipBytes };
}
