import { settleUndatedOwners } from '../repositories/ownership';
import { keepWeeklyRollupCurrent } from '../repositories/weekly-rollup';
import type { Handlers } from './types';

export const appHandlers = {
  'app:status': (_input, { status }) => status(),
  'settings:get': (_input, { settings }) => settings.get(),
  /**
   * A new zone re-files every entry to the local day it starts on there, and a new window or new
   * working days recompute every entry's after-hours (at once, or as a job for a long history); a
   * new zone also gives undated tasks a new today, so their owners are settled again; a new week
   * start rebuilds the weekly rollup for it.
   */
  'settings:update': (patch, { db, settings, refreshEntryFacts, today, now }) => {
    const updated = settings.update(patch);
    refreshEntryFacts();
    if (patch.weekStartsOn !== undefined) keepWeeklyRollupCurrent(db, updated.weekStartsOn);
    if (patch.timeZone !== undefined) settleUndatedOwners(db, today(), now());
    return updated;
  },
} satisfies Partial<Handlers>;
