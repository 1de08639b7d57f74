import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BACKUP_REASONS, type BackupReason } from '../../shared/domain/backups';
import { syncDirectory } from '../db/backup-files';
import { fileStamp, PRIVATE_FILE_MODE } from '../backend/data-folder';

/**
 * `backups/manifest.json`: what Offload knows about each backup file beside it — when and why it
 * was taken, its size, checksum, rows per table and whether it passed verification — and the
 * backup settings (the second folder). The files are the truth: an entry whose file is gone is
 * dropped, and a backup file without an entry is listed as unverified until it has been checked.
 */
export const MANIFEST_FILE = 'manifest.json';

const run = z.object({ at: z.number(), ok: z.boolean(), message: z.string() }).strict();

const entrySchema = z
  .object({
    id: z.string(),
    takenAt: z.number(),
    reason: z.enum(BACKUP_REASONS),
    schemaVersion: z.number().int(),
    bytes: z.number().int().min(0),
    sha256: z.string().nullable(),
    rows: z.record(z.string(), z.number().int().min(0)),
    status: z.enum(['good', 'suspect', 'unverified']),
    checkedAt: z.number().nullable(),
    inSecondFolder: z.boolean(),
  })
  .strict();

const manifestSchema = z
  .object({
    version: z.literal(1),
    lastGoodId: z.string().nullable(),
    secondFolder: z.string().nullable(),
    lastRun: run.nullable(),
    lastSecondCopy: run.nullable(),
    backups: z.array(entrySchema),
  })
  .strict();

export type ManifestEntry = z.infer<typeof entrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

const emptyManifest = (): Manifest => ({ version: 1, lastGoodId: null, secondFolder: null, lastRun: null, lastSecondCopy: null, backups: [] });

const NAME = new RegExp(`^offload-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)-(${BACKUP_REASONS.join('|')})(?:-(\\d+))?$`);

/** A backup's id from when and why it was taken: `offload-2026-11-16T14-00-00-000Z-manual`. */
export function backupId(takenAt: number, reason: BackupReason, taken: ReadonlySet<string>): string {
  const base = `offload-${fileStamp(takenAt)}-${reason}`;
  if (!taken.has(base)) return base;
  for (let counter = 2; ; counter += 1) if (!taken.has(`${base}-${counter}`)) return `${base}-${counter}`;
}

/** When and why a backup was taken, read back from its id (for a file found without a manifest entry). */
export function parseBackupId(id: string): { takenAt: number; reason: BackupReason } | null {
  const match = NAME.exec(id);
  if (!match?.[1] || !match[2]) return null;
  const [day, time] = match[1].split('T') as [string, string];
  const [hours, minutes, seconds, millis] = time.replace('Z', '').split('-');
  const takenAt = Date.parse(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isFinite(takenAt) ? { takenAt, reason: match[2] as BackupReason } : null;
}

export const backupFile = (folder: string, id: string) => path.join(folder, `${id}.db`);

/**
 * Reads the manifest and squares it with the files in the folder. An unreadable manifest is moved
 * aside (never deleted) and rebuilt from the files, each listed as unverified.
 */
export function readManifest(folder: string, now: number): { manifest: Manifest; notice: string | null } {
  const file = path.join(folder, MANIFEST_FILE);
  let manifest = emptyManifest();
  let notice: string | null = null;
  if (fs.existsSync(file)) {
    try {
      manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (error) {
      const keptAt = path.join(folder, `manifest.unreadable-${fileStamp(now)}.json`);
      try {
        fs.renameSync(file, keptAt);
      } catch {
        // A read-only folder: it stays where it is and is read again next time.
      }
      notice = `The list of your backups could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}), so it was rebuilt from the backup files, which are checked again before use. The unreadable list was kept at ${keptAt}.`;
    }
  }
  return { manifest: reconcile(manifest, folder), notice };
}

function reconcile(manifest: Manifest, folder: string): Manifest {
  let names: string[] = [];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return { ...manifest, backups: [] };
  }
  // A backup or list write that was cut off (the app killed mid-copy) leaves its temporary file:
  // an incomplete copy Offload made itself, never anything of hers, so it goes.
  for (const name of names.filter((candidate) => candidate.endsWith('.db.partial') || candidate === `${MANIFEST_FILE}.tmp`)) {
    try {
      fs.rmSync(path.join(folder, name), { force: true });
    } catch {
      // A read-only folder: left for next time.
    }
  }
  const files = new Set(names.filter((name) => name.endsWith('.db')).map((name) => name.slice(0, -3)));
  const backups = manifest.backups.filter((entry) => files.has(entry.id));
  const listed = new Set(backups.map((entry) => entry.id));
  for (const id of files) {
    if (listed.has(id)) continue;
    const parsed = parseBackupId(id);
    if (!parsed) continue;
    backups.push({
      id,
      takenAt: parsed.takenAt,
      reason: parsed.reason,
      schemaVersion: 0,
      bytes: fs.statSync(backupFile(folder, id)).size,
      sha256: null,
      rows: {},
      status: 'unverified',
      checkedAt: null,
      inSecondFolder: false,
    });
  }
  backups.sort((a, b) => b.takenAt - a.takenAt);
  const lastGoodId = backups.some((entry) => entry.id === manifest.lastGoodId && entry.status === 'good') ? manifest.lastGoodId : null;
  return { ...manifest, lastGoodId, backups };
}

/** Written to a temporary file, flushed, then renamed over the old one: a crash leaves the old list or the new one. */
export function writeManifest(folder: string, manifest: Manifest): void {
  writeJsonAtomically(path.join(folder, MANIFEST_FILE), manifest);
}

export function writeJsonAtomically(file: string, value: unknown): void {
  const temporary = `${file}.tmp`;
  const fd = fs.openSync(temporary, 'w', PRIVATE_FILE_MODE);
  try {
    fs.writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  syncDirectory(path.dirname(file));
}

export function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The same, on the calling thread, a megabyte at a time (the pre-migration backup). */
export function sha256OfSync(file: string): string {
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
