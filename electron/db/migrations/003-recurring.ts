import type { Migration } from './migration';

/**
 * What recurring series need beyond migration 001:
 * - keep_owner: with owner 'me', she keeps the occurrences even when their category is delegated
 *   (owner 'me' without it follows the delegations, as a new task does);
 * - end_day: the last day of a series she ended (occurrences after it are soft-deleted);
 * - skip_checked_through: the last day on which "skip if the previous one is still open" was
 *   decided, so each occurrence is judged once, when its day arrives;
 * - deleted_at: a deleted series is hidden and can be restored (undo); its tasks keep pointing at it.
 */
const SQL = `
ALTER TABLE recurring_series ADD COLUMN keep_owner INTEGER NOT NULL DEFAULT 0 CHECK (keep_owner IN (0, 1));
ALTER TABLE recurring_series ADD COLUMN end_day TEXT;
ALTER TABLE recurring_series ADD COLUMN skip_checked_through TEXT;
ALTER TABLE recurring_series ADD COLUMN deleted_at INTEGER;
`;

export const migration003Recurring: Migration = {
  version: 3,
  name: 'recurring series: kept owner, end day, skip check, undoable delete',
  up(db) {
    db.exec(SQL);
  },
};
