import type { Settings } from '../../shared/domain/settings';
import { preparedFor, type SqliteDatabase } from '../db/connection';
import { FILL_WEEKLY_ROLLUP, WEEK_START_KEY } from '../db/migrations/013-weekly-rollup';
import { getDerivedState, setDerivedState } from './derived-state';

type Weekday = Settings['weekStartsOn'];

const statements = preparedFor((db) => ({
  clear: db.prepare<[]>('DELETE FROM weekly_rollup'),
  fill: db.prepare<[]>(FILL_WEEKLY_ROLLUP),
}));

/** The weekday (0 = Sunday) the weekly rollup's weeks start on, or null before it was ever built. */
export function weeklyRollupWeekStart(db: SqliteDatabase): Weekday | null {
  const value = getDerivedState(db, WEEK_START_KEY);
  return value === null ? null : Number(value);
}

/**
 * Rebuilds the weekly rollup from the days when it was built for another week start than hers, in
 * one transaction. Returns whether it did. About 65,000 days at ten years of history.
 */
export function keepWeeklyRollupCurrent(db: SqliteDatabase, weekStartsOn: Weekday): boolean {
  if (weeklyRollupWeekStart(db) === weekStartsOn) return false;
  db.transaction(() => {
    setDerivedState(db, WEEK_START_KEY, String(weekStartsOn));
    statements(db).clear.run();
    statements(db).fill.run();
  })();
  return true;
}
