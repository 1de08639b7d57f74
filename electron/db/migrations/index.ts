import type Database from 'better-sqlite3';
import { migration001Initial } from './001-initial';
import { migration002DailyRollup } from './002-daily-rollup';
import { migration003Recurring } from './003-recurring';
import { migration004ScreenIndexes } from './004-screen-indexes';
import { migration005TaskOwnership } from './005-task-ownership';
import { migration006WorkloadFacts } from './006-workload-facts';
import { migration007HourRollup } from './007-hour-rollup';
import { migration008ImportKeys } from './008-import-keys';
import { migration009BulkEntryRollups } from './009-bulk-entry-rollups';
import { migration010OpenIndexes } from './010-open-indexes';
import { migration011TaskListKeys } from './011-task-list-keys';
import { migration012EntrySourceKeys } from './012-entry-source-keys';
import { migration013WeeklyRollup } from './013-weekly-rollup';
import { migration014HourMonthsOnly } from './014-hour-months-only';
import { migration015DropEntriesByCategory } from './015-drop-entries-by-category';
import { migration016RecentSearch } from './016-recent-search';
import { migration017OpenSearch } from './017-open-search';
import { migration018DropEveryTaskSearch } from './018-drop-every-task-search';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Ordered; a migration's version is its position. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  migration002DailyRollup,
  migration003Recurring,
  migration004ScreenIndexes,
  migration005TaskOwnership,
  migration006WorkloadFacts,
  migration007HourRollup,
  migration008ImportKeys,
  migration009BulkEntryRollups,
  migration010OpenIndexes,
  migration011TaskListKeys,
  migration012EntrySourceKeys,
  migration013WeeklyRollup,
  migration014HourMonthsOnly,
  migration015DropEntriesByCategory,
  migration016RecentSearch,
  migration017OpenSearch,
  migration018DropEveryTaskSearch,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** Applies every pending migration in one transaction, so a failure leaves the previous schema intact. */
export function migrate(db: Database.Database, now: () => number): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db, now());
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
