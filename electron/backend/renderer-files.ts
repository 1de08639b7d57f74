import fs from 'node:fs';
import path from 'node:path';
import { MIME_TYPES } from './content-security-policy';

/** A content coding the build writes beside each text asset (scripts/precompress.mjs), best first. */
export type ContentCoding = 'br' | 'gzip';
const CODINGS: readonly { coding: ContentCoding; suffix: string }[] = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
];

export interface RendererFile {
  body: Buffer;
  contentType: string;
  /** How `body` is encoded (a precompressed copy was found and accepted), or null when it is the file itself. */
  encoding: ContentCoding | null;
}

/**
 * Maps a request path to a file inside the built renderer, or null. Both hosts use it, so neither
 * can be walked out of its folder with `..`, encoded separators or absolute paths.
 *
 * With `accepted` (browser mode: the codings the request's Accept-Encoding allows), the body is the
 * precompressed copy beside the file when there is one, Brotli before gzip; the copy is looked up
 * from the file already resolved inside the folder, never from the request path.
 */
export function readRendererFile(rendererDir: string, requestPath: string, accepted: ReadonlySet<ContentCoding> = new Set()): RendererFile | null {
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
  try {
    if (!fs.statSync(file).isFile()) return null;
  } catch {
    return null;
  }
  const contentType = MIME_TYPES[path.extname(file)] ?? 'application/octet-stream';
  for (const { coding, suffix } of CODINGS) {
    if (!accepted.has(coding)) continue;
    const body = readFileOrNull(file + suffix);
    if (body) return { body, contentType, encoding: coding };
  }
  const body = readFileOrNull(file);
  return body ? { body, contentType, encoding: null } : null;
}

function readFileOrNull(file: string): Buffer | null {
  try {
    return fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
  } catch {
    return null;
  }
}

/**
 * The codings of ours an Accept-Encoding header allows (RFC 9110 §12.5.3): listed, or matched by
 * `*`, with a q-value above 0. No header, or none of ours, leaves the file as it is.
 */
export function acceptedCodings(header: string | undefined): Set<ContentCoding> {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (name === '') continue;
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepted = new Set<ContentCoding>();
  for (const { coding } of CODINGS) {
    const weight = weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0;
    if (weight > 0) accepted.add(coding);
  }
  return accepted;
}
