import type { Settings } from '../../shared/domain/settings';
import type { Jobs } from '../backend/jobs';
import type { SqliteDatabase } from '../db/connection';
import { getDerivedState, setDerivedState } from '../repositories/derived-state';
import { countTimeEntries, entrySpan, refreshEntryFactsBatch } from '../repositories/time-entries';
import { bulkEntryCalendar, entryFactsBasis } from './entry-calendar';

const BASIS_KEY = 'entryFactsBasis';
/** Up to this many entries are re-filed inside the call that changed the settings; beyond, as a job. */
export const SYNCHRONOUS_REFRESH_LIMIT = 20_000;
const BATCH = 5_000;

const running = new WeakSet<SqliteDatabase>();

export interface FactsRefresh {
  /** Entries whose stored day or after-hours changed (so far, for a job). */
  changed: number;
  /** The job doing the rest, when there were too many entries to do at once. */
  job: string | null;
}

/**
 * Keeps every entry's stored local day and after-hours computed for her current zone, working days
 * and window. When those change (or on the first open after migration 006) the entries are
 * recomputed: at once inside one transaction for a history of up to 20,000 entries, otherwise in a
 * job of 5,000-entry transactions that reports progress, so the window never freezes. A job that
 * finds the settings changed again under it starts over.
 */
export function keepEntryFactsCurrent(
  db: SqliteDatabase,
  settings: () => Settings,
  timeZone: () => string,
  jobs: Jobs,
  onChanged: () => void,
  synchronousLimit = SYNCHRONOUS_REFRESH_LIMIT,
  /** Resolves when no worker holds the write lock (an import); null when none does. The job waits on it between batches. */
  writersDone: () => Promise<void> | null = () => null,
): FactsRefresh {
  const basis = entryFactsBasis(settings(), timeZone());
  if (getDerivedState(db, BASIS_KEY) === basis || running.has(db)) return { changed: 0, job: null };
  const total = countTimeEntries(db);
  if (total <= synchronousLimit) {
    const changed = db.transaction(() => {
      const calendar = bulkEntryCalendar(db, settings(), timeZone(), entrySpan(db));
      let count = 0;
      for (let cursor = 0, done = false; !done; ) {
        const batch = refreshEntryFactsBatch(db, calendar, cursor, BATCH);
        count += batch.changed;
        cursor = batch.lastId;
        done = batch.done;
      }
      setDerivedState(db, BASIS_KEY, basis);
      return count;
    })();
    if (changed > 0) onChanged();
    return { changed, job: null };
  }
  running.add(db);
  const job = jobs.start('recompute', `Re-filing ${total.toLocaleString('en-US')} time entries for your zone and working hours`, async ({ progress, signal }) => {
    try {
      let changed = 0;
      for (;;) {
        const usedBasis = entryFactsBasis(settings(), timeZone());
        const calendar = bulkEntryCalendar(db, settings(), timeZone(), entrySpan(db));
        let seen = 0;
        for (let cursor = 0, done = false; !done && !signal.aborted; ) {
          const batch = db.transaction(() => refreshEntryFactsBatch(db, calendar, cursor, BATCH))();
          changed += batch.changed;
          cursor = batch.lastId;
          done = batch.done;
          seen += BATCH;
          progress(Math.min(seen, total), total);
          onChanged();
          await new Promise((resolve) => setImmediate(resolve));
          await writersDone();
        }
        if (signal.aborted) return 'Stopped; the rest is re-filed the next time Offload starts.';
        if (entryFactsBasis(settings(), timeZone()) === usedBasis) {
          setDerivedState(db, BASIS_KEY, usedBasis);
          return `Re-filed ${changed.toLocaleString('en-US')} time entries.`;
        }
      }
    } finally {
      running.delete(db);
    }
  });
  return { changed: 0, job };
}
