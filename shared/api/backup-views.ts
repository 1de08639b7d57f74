import type { BackupReason, BackupStatus, KeptAs } from '../domain/backups';

/** One backup as Settings lists it. */
export interface BackupInfo {
  /** The file's name without `.db`: `offload-2026-11-16T14-00-00-000Z-manual`. Never a path. */
  id: string;
  takenAt: number;
  reason: BackupReason;
  bytes: number;
  schemaVersion: number;
  /** Her rows (every table but the derived ones). */
  rows: number;
  status: BackupStatus;
  /** Why the retention rule keeps it. */
  keptAs: KeptAs[];
  /** True when the second folder holds a verified copy. */
  inSecondFolder: boolean;
}

export interface BackupRun {
  at: number;
  ok: boolean;
  message: string;
}

export interface BackupOverview {
  /** `<data folder>/backups`. */
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
  lastGood: BackupInfo | null;
  /** The newest good backup: what the recovery screen offers. */
  newestGood: BackupInfo | null;
  /** How the last backup went (a failure is shown until one succeeds). */
  lastRun: BackupRun | null;
  /** Set while the newest backups are much smaller than the last good one: why older ones are kept. */
  smallerThanUsual: string | null;
  secondFolder: { path: string; lastCopy: BackupRun | null } | null;
  /** The desktop app can show a folder picker; browser mode takes a typed path. */
  canPickFolder: boolean;
  /** When the next automatic backup is due, while the app runs (null when automatic backups are off). */
  nextAutomaticAt: number | null;
  rule: string;
}

export interface RestorePreviewRow {
  table: string;
  label: string;
  /** Null when the current database cannot be read (the recovery screen). */
  now: number | null;
  inBackup: number;
}

export interface RestorePreview {
  backup: BackupInfo;
  rows: RestorePreviewRow[];
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The backup of what was there before: restoring it undoes this restore. Null when there was nothing readable. */
  safetyCopy: BackupInfo | null;
  /** Where the damaged or empty files were moved (never deleted). */
  movedAside: string[];
}
