import { AppError } from '../../shared/api/errors';
import { futureEntryMessage } from '../../shared/domain/entry-times';
import type { Owner } from '../../shared/domain/types';
import { localDayOf } from '../../shared/domain/zoned-time';
import type { SqliteDatabase } from '../db/connection';
import { findOverlappingEntry } from '../repositories/time-entries';

const DAY_MS = 86_400_000;

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(cache: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/**
 * A moment in her zone as the messages write it: “Tue, Dec 1 at 3:00 PM”, with the year when it is
 * not this year. The renderer writes moments in her locale; the backend, which does not know it,
 * writes them the way the renderer's default (en-US) does.
 */
export function describeMoment(instant: number, timeZone: string, now: number): string {
  const withYear = localDayOf(instant, timeZone).slice(0, 4) !== localDayOf(now, timeZone).slice(0, 4);
  const day = formatter(dayFormats, `${timeZone}|${withYear}`, () =>
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}) }),
  ).format(instant);
  const time = formatter(timeFormats, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' })).format(instant);
  return `${day} at ${time}`;
}

/** Time is logged after it is worked: an entry may not start after now (planning belongs in the week plan). */
export function assertStartsByNow(startAt: number, now: number, timeZone: string, field = 'startAt'): void {
  if (startAt <= now) return;
  const message = futureEntryMessage(describeMoment(startAt, timeZone, now));
  throw new AppError('VALIDATION', message, [{ field, message }]);
}

/** Ends after it starts, and lasts at most a day. */
export function assertPlausibleSpan(startAt: number, endAt: number | null): void {
  if (endAt === null) return;
  if (endAt <= startAt) {
    throw new AppError('VALIDATION', 'The entry must end after it starts', [{ field: 'endAt', message: 'The entry must end after it starts' }]);
  }
  if (endAt - startAt > DAY_MS) {
    const message = 'An entry longer than 24 hours is not plausible; split it';
    throw new AppError('VALIDATION', message, [{ field: 'endAt', message }]);
  }
}

/** Only MSP work has a technician. */
export function assertWorker(worker: Owner, technicianId: number | null): void {
  if (technicianId !== null && worker !== 'msp') {
    throw new AppError('VALIDATION', 'Only MSP work has a technician', [{ field: 'technicianId', message: 'Only MSP work has a technician' }]);
  }
}

/** Her entries never overlap each other, nor one technician's; the message names the entry in the way. */
export function assertNoOverlap(
  db: SqliteDatabase,
  entry: { worker: Owner; technicianId: number | null; startAt: number; endAt: number | null },
  excludeId: number,
  timeZone: string,
  now: number,
): void {
  const overlap = findOverlappingEntry(db, entry, excludeId);
  if (!overlap) return;
  const who = entry.worker === 'me' ? 'You already logged' : 'This technician already logged';
  const until = overlap.endAt === null ? ' (still running)' : ` to ${describeMoment(overlap.endAt, timeZone, now)}`;
  throw new AppError('CONFLICT', `${who} time from ${describeMoment(overlap.startAt, timeZone, now)}${until}, which overlaps this entry.`, [
    { field: 'startAt', message: 'Overlaps another entry' },
  ]);
}
