import { z } from 'zod';
import { AGGREGATES } from './events';
import { call, type CallSpec } from './call';
import type { BackupOverview, RestorePreview, RestoreResult } from './backup-views';

const none = z.object({}).strict().optional();
/** A backup is named by its id from the manifest, never by a path: the backend looks the file up. */
const backupId = z
  .object({ id: z.string().regex(/^offload-[0-9A-Za-z-]{1,80}$/, 'Not a backup of this Offload') })
  .strict();

/**
 * Backups and restore. A restore replaces every part of her data, so it announces every aggregate:
 * each open window refreshes everything it shows. `backups:overview`, `backups:preview`,
 * `backups:restore` and `backups:startFresh` also answer while the database cannot be opened (the
 * recovery screen); nothing else does.
 */
export const backupCalls = {
  'backups:overview': call(none).reads('backups').returns<BackupOverview>(),
  /** Starts a backup job (or returns the one already running); the list refreshes when it is done. */
  'backups:create': call(none).writes('backups').returns<{ job: string }>(),
  /** Rows per table now and in the backup, before she confirms a restore. */
  'backups:preview': call(backupId).reads(...AGGREGATES).returns<RestorePreview>(),
  /** Backs up what is there now, then puts the backup in its place and reopens it. */
  'backups:restore': call(backupId).writes(...AGGREGATES).returns<RestoreResult>(),
  /** Only while offload.db is empty, missing or damaged: moves it aside and starts an empty database. */
  'backups:startFresh': call(none).writes(...AGGREGATES).returns<{ movedAside: string[] }>(),
  /** A second folder (a NAS, a synced folder) that gets a verified copy of every backup; null stops copying. */
  'backups:setSecondFolder': call(
    z.object({ path: z.string().max(1024, 'That path is too long').nullable() }).strict(),
  ).writes('backups').returns<BackupOverview['secondFolder']>(),
  /** The desktop app's folder picker, then the same checks as a typed path; null when she cancels. */
  'backups:pickSecondFolder': call(none).writes('backups').returns<BackupOverview['secondFolder'] | null>(),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;

/** The calls the backend answers while it has no usable database. */
export const RECOVERY_CALLS: ReadonlySet<string> = new Set(['app:status', 'backups:overview', 'backups:preview', 'backups:restore', 'backups:startFresh']);
