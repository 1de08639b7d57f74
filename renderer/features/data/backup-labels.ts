import type { BackupInfo } from '../../../shared/api/backup-views';
import type { BackupReason, KeptAs } from '../../../shared/domain/backups';

export const REASON_LABELS: Record<BackupReason, string> = {
  start: 'On start',
  scheduled: 'Every 4 hours',
  manual: 'Backed up now',
  'before-migration': 'Before an update',
  'before-restore': 'Before a restore',
};

export const KEPT_LABELS: Record<KeptAs, string> = {
  'last-good': 'Last good',
  hourly: 'Hourly',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  safety: 'Safety copy, 30 days',
  unverified: 'Until checked',
  future: 'Dated ahead of the clock',
};

export const CHECK_LABELS: Record<BackupInfo['status'], string> = {
  good: 'Verified',
  suspect: 'Smaller than usual',
  unverified: 'Not checked yet',
};

/** Sizes as a file manager shows them: 820 KB, 14.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString()} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
  return `${(bytes / 1024 ** 3).toLocaleString(undefined, { maximumFractionDigits: 2 })} GB`;
}

/** "+3", "−2", "same": what a restore does to a table's row count. */
export function formatChange(now: number, inBackup: number): string {
  const change = inBackup - now;
  if (change === 0) return 'same';
  return `${change > 0 ? '+' : '−'}${Math.abs(change).toLocaleString()}`;
}
