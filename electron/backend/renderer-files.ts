import fs from 'node:fs';
import path from 'node:path';
import { MIME_TYPES } from './content-security-policy';

export interface RendererFile {
  body: Buffer;
  contentType: string;
}

/**
 * Maps a request path to a file inside the built renderer, or null. Both hosts use it, so neither
 * can be walked out of its folder with `..`, encoded separators or absolute paths.
 */
export function readRendererFile(rendererDir: string, requestPath: string): RendererFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  let body: Buffer;
  try {
    if (!fs.statSync(file).isFile()) return null;
    body = fs.readFileSync(file);
  } catch {
    return null;
  }
  return { body, contentType: MIME_TYPES[path.extname(file)] ?? 'application/octet-stream' };
}
