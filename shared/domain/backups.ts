import { startOfWeek, type LocalDay } from './day';
import { clockOf, localDayOf } from './zoned-time';

/** Why a backup was taken. */
export const BACKUP_REASONS = ['start', 'scheduled', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * `good`: passed `integrity_check` and is not much smaller than the last good one. `suspect`: passed
 * the check but holds less than half the rows of the last good one. `unverified`: a backup file found
 * without its manifest entry, kept until a check has passed.
 */
export type BackupStatus = 'good' | 'suspect' | 'unverified';

/** Why the retention rule keeps a backup; a backup with no reason is deleted. */
export type KeptAs = 'last-good' | 'hourly' | 'daily' | 'weekly' | 'monthly' | 'safety' | 'unverified' | 'future';

export interface RetentionPolicy {
  /** Days (that have a backup) whose newest backup is kept; today is one of them. */
  daily: number;
  weeks: number;
  months: number;
  /** Backups taken before a migration or a restore are kept this many days whatever the buckets say. */
  safetyDays: number;
}

export const RETENTION: RetentionPolicy = { daily: 7, weeks: 4, months: 12, safetyDays: 30 };

/** The rule as she reads it in Settings. */
export const RETENTION_RULE =
  'Offload keeps the newest backup of each hour today, of each of the last 7 days, 4 weeks and 12 months that have one, the last good backup always, and the copies taken before an update or a restore for 30 days.';

export interface RetentionCandidate {
  id: string;
  takenAt: number;
  reason: BackupReason;
  status: BackupStatus;
}

export interface RetentionContext {
  now: number;
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday: weeks for the weekly backups start on her week's first day. */
  weekStartsOn: number;
  lastGoodId: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Which backups to keep, and why. Days, weeks and months are hers (her zone, her week start).
 * Good and suspect backups fill their buckets separately, so a run of much smaller backups — a
 * wiped or half-synced database — can never push a good backup out: each good one stays exactly as
 * long as it would have without them.
 */
export function retainedBackups(
  candidates: readonly RetentionCandidate[],
  context: RetentionContext,
  policy: RetentionPolicy = RETENTION,
): Map<string, KeptAs[]> {
  const kept = new Map<string, KeptAs[]>();
  const keep = (id: string, why: KeptAs) => {
    const reasons = kept.get(id) ?? [];
    if (!reasons.includes(why)) reasons.push(why);
    kept.set(id, reasons);
  };
  const today = localDayOf(context.now, context.timeZone);

  for (const backup of candidates) {
    if (backup.id === context.lastGoodId) keep(backup.id, 'last-good');
    if (backup.status === 'unverified') keep(backup.id, 'unverified');
    if (backup.takenAt > context.now) keep(backup.id, 'future');
    const safety = backup.reason === 'before-migration' || backup.reason === 'before-restore';
    if (safety && backup.takenAt <= context.now && context.now - backup.takenAt <= policy.safetyDays * DAY_MS) keep(backup.id, 'safety');
  }

  for (const status of ['good', 'suspect'] as const) {
    const newestFirst = candidates
      .filter((backup) => backup.status === status && backup.takenAt <= context.now)
      .sort((a, b) => b.takenAt - a.takenAt);
    const day = (backup: RetentionCandidate): LocalDay => localDayOf(backup.takenAt, context.timeZone);
    const buckets: { why: KeptAs; key: (backup: RetentionCandidate) => string | null; limit: number }[] = [
      { why: 'hourly', key: (backup) => (day(backup) === today ? clockOf(backup.takenAt, context.timeZone).slice(0, 2) : null), limit: 24 },
      { why: 'daily', key: day, limit: policy.daily },
      { why: 'weekly', key: (backup) => startOfWeek(day(backup), context.weekStartsOn), limit: policy.weeks },
      { why: 'monthly', key: (backup) => day(backup).slice(0, 7), limit: policy.months },
    ];
    for (const bucket of buckets) {
      const seen = new Set<string>();
      for (const backup of newestFirst) {
        const key = bucket.key(backup);
        if (key === null || seen.has(key)) continue;
        if (seen.size === bucket.limit) break;
        seen.add(key);
        keep(backup.id, bucket.why);
      }
    }
  }
  return kept;
}

/** A backup with fewer than this share of the last good backup's rows is suspect. */
export const SMALLER_THAN_USUAL = 0.5;

export function isMuchSmaller(rows: number, lastGoodRows: number | null): boolean {
  return lastGoodRows !== null && rows < lastGoodRows * SMALLER_THAN_USUAL;
}

/**
 * Tables the app derives from the others inside every writing transaction (triggers) or by itself
 * (rollups, bookkeeping), and `bulk_entry_writes`, which holds a row only inside an import's own
 * transaction: not counted as her rows, not shown in a preview, never exported, recomputed on import.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set([
  'daily_rollup',
  'weekly_rollup',
  'monthly_rollup',
  'hour_month_rollup',
  'time_entry_source_keys',
  'derived_state',
  'bulk_entry_writes',
]);

const TABLE_LABELS: Record<string, string> = {
  tasks: 'Tasks',
  time_entries: 'Time entries',
  categories: 'Categories',
  delegations: 'Delegations',
  recurring_series: 'Recurring work',
  time_off: 'Time off',
  week_plans: 'Week plan notes',
  task_plan_moves: 'Plan changes',
  msp_provider: 'MSP provider',
  msp_contracts: 'MSP contracts',
  technicians: 'Technicians',
  response_targets: 'Response targets',
};

/** A table's name in her words; a table this version does not know by name is shown as itself. */
export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? table.replaceAll('_', ' ');
}

/** Her rows in a backup or the live database: every table except the derived ones. */
export function herRows(rows: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [table, count] of Object.entries(rows)) if (!DERIVED_TABLES.has(table)) total += count;
  return total;
}
