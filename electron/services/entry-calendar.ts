import type { LocalDay } from '../../shared/domain/day';
import type { Settings } from '../../shared/domain/settings';
import type { Owner } from '../../shared/domain/types';
import { afterHoursCalculator, localHourPieces } from '../../shared/domain/workload';
import { localDayOf, zoneArithmetic } from '../../shared/domain/zoned-time';
import type { SqliteDatabase } from '../db/connection';
import { listTimeOff } from '../repositories/time-off';

/**
 * What a time entry's stored facts are computed from: the local day it belongs to (her zone) and
 * its after-hours (her zone, working days, window and time off). One per call, so a call that
 * writes many entries looks the zone and the time off up once.
 */
export interface EntryCalendar {
  timeZone: string;
  dayOf(instant: number): LocalDay;
  /** Her after-hours in the entry, in ms: 0 for the MSP's entries and for a running timer. */
  afterHoursMs(entry: { worker: Owner; startAt: number; endAt: number | null }): number;
  /** Her entry's time by local day and hour, as stored in `hour_spread` (JSON); '[]' for the MSP's and a running timer. */
  hourSpread(entry: { worker: Owner; startAt: number; endAt: number | null }): string;
  /** The same pieces as `hourSpread`, unencoded: `[day, hour, ms]`, none for the MSP's and a running timer. */
  hourPieces(entry: { worker: Owner; startAt: number; endAt: number | null }): [LocalDay, number, number][];
}

export function entryCalendar(db: SqliteDatabase, settings: Settings, timeZone: string): EntryCalendar {
  let calculate: ((entry: { startAt: number; endAt: number }) => number) | null = null;
  const pieces: EntryCalendar['hourPieces'] = (entry) =>
    entry.worker !== 'me' || entry.endAt === null ? [] : localHourPieces({ startAt: entry.startAt, endAt: entry.endAt }, timeZone);
  return {
    timeZone,
    dayOf: (instant) => localDayOf(instant, timeZone),
    afterHoursMs(entry) {
      if (entry.worker !== 'me' || entry.endAt === null) return 0;
      calculate ??= afterHoursCalculator(settings, timeZone, listTimeOff(db));
      return calculate({ startAt: entry.startAt, endAt: entry.endAt });
    },
    hourSpread: (entry) => JSON.stringify(pieces(entry)),
    hourPieces: pieces,
  };
}

/**
 * The same calendar for many entries between `from` and `to` (instants): the zone's offsets come
 * from its offset changes in that span, found once, instead of a formatter call per instant, so
 * 100,000 imported entries cost milliseconds rather than seconds. Its answers equal
 * `entryCalendar`'s (test/integration/entry-calendar.test.ts compares them across DST changes).
 */
export function bulkEntryCalendar(db: SqliteDatabase, settings: Settings, timeZone: string, span: { from: number; to: number }): EntryCalendar {
  const zone = zoneArithmetic(timeZone, span.from, span.to);
  let calculate: ((entry: { startAt: number; endAt: number }) => number) | null = null;
  const pieces: EntryCalendar['hourPieces'] = (entry) =>
    entry.worker !== 'me' || entry.endAt === null ? [] : localHourPieces({ startAt: entry.startAt, endAt: entry.endAt }, timeZone, zone);
  return {
    timeZone,
    dayOf: zone.dayOf,
    afterHoursMs(entry) {
      if (entry.worker !== 'me' || entry.endAt === null) return 0;
      calculate ??= afterHoursCalculator(settings, timeZone, listTimeOff(db), zone);
      return calculate({ startAt: entry.startAt, endAt: entry.endAt });
    },
    hourSpread: (entry) => JSON.stringify(pieces(entry)),
    hourPieces: pieces,
  };
}

/** What the stored start days and after-hours were computed for; when it changes they are recomputed. */
export function entryFactsBasis(settings: Settings, timeZone: string): string {
  // `facts` names what is stored per entry; a new stored fact bumps it so older entries get it too.
  return JSON.stringify({ facts: 2, timeZone, workingDays: [...settings.workingDays].sort(), start: settings.workdayStart, end: settings.workdayEnd });
}
