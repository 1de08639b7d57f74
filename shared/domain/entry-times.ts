import { addDays, isLocalDay, type LocalDay } from './day';
import { formatDuration, parseDuration } from './duration';
import { instantAt, localDayOf } from './zoned-time';

/**
 * What she types into an entry form (Today's log, the timesheet editor, the MSP log): a day, a start
 * and an end time as `HH:MM`, and, where the form has one, a duration. One home for how those
 * become two instants, so every form reads them the same way.
 */
export interface EntryTimesDraft {
  day: string;
  start: string;
  end: string;
  /** Empty when the form has no duration field or she left it blank. */
  duration?: string;
}

export type EntryTimeField = 'day' | 'startAt' | 'endAt' | 'duration';

export type EntryTimes =
  | {
      ok: true;
      startAt: number;
      endAt: number;
      /** The local day the end falls on: the start's day, or the next for work past midnight. */
      endDay: LocalDay;
      /** True when the entry runs past midnight into the next day. */
      endsNextDay: boolean;
      /** Real elapsed minutes (a night when clocks change has one hour more or less). */
      minutes: number;
    }
  | { ok: false; errors: Partial<Record<EntryTimeField, string>> };

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const MINUTE = 60_000;
/** Entries longer than this are refused by the backend too (shared/api/schemas.ts). */
const MAX_MINUTES = 24 * 60;

/**
 * Reads a draft as instants in her zone. An end earlier than the start is the next day (a patch
 * window from 23:00 to 01:00); the form shows that before she saves. With an end and a duration
 * both given, they must agree to the minute: a form never silently prefers one of them.
 */
export function resolveEntryTimes(draft: EntryTimesDraft, timeZone: string): EntryTimes {
  const errors: Partial<Record<EntryTimeField, string>> = {};
  const durationText = (draft.duration ?? '').trim();
  const duration = durationText === '' ? null : parseDuration(durationText);
  if (!isLocalDay(draft.day)) errors.day = 'Choose the day the work was done';
  if (!CLOCK.test(draft.start)) errors.startAt = draft.start === '' ? 'Enter a start time' : 'Enter the start as a time such as 09:30';
  if (draft.end !== '' && !CLOCK.test(draft.end)) errors.endAt = 'Enter the end as a time such as 17:00';
  if (durationText !== '' && (duration === null || duration <= 0)) errors.duration = 'Type a duration such as 1h 30m, 90m or 1:30';
  else if (duration !== null && duration > MAX_MINUTES) errors.duration = 'An entry longer than 24 hours is not plausible; split it';
  if (draft.end === '' && durationText === '') errors.endAt = draft.duration === undefined ? 'Enter an end time' : 'Enter an end time, or a duration';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const startAt = instantAt(draft.day, draft.start, timeZone);
  let endAt: number;
  if (draft.end !== '') {
    if (draft.end === draft.start) return { ok: false, errors: { endAt: 'The entry must end after it starts' } };
    const endDay = draft.end < draft.start ? addDays(draft.day, 1) : draft.day;
    endAt = instantAt(endDay, draft.end, timeZone);
    if (endAt <= startAt) return { ok: false, errors: { endAt: 'The entry must end after it starts' } };
    const minutes = Math.round((endAt - startAt) / MINUTE);
    if (duration !== null && duration !== minutes) {
      return {
        ok: false,
        errors: {
          duration: `From start to end is ${formatDuration(minutes)}, not ${formatDuration(duration)}: change the end or the duration, or clear one of them`,
        },
      };
    }
  } else {
    endAt = startAt + duration! * MINUTE;
  }
  const endDay = localDayOf(endAt - 1, timeZone);
  return { ok: true, startAt, endAt, endDay, endsNextDay: endDay !== draft.day, minutes: Math.round((endAt - startAt) / MINUTE) };
}

/** The message for an entry that starts after now, with the moment written for her (“Tue, Dec 1 at 3:00 PM”). */
export function futureEntryMessage(when: string): string {
  return `This entry starts in the future (${when}): log time you have worked, and plan what is ahead in the Week plan`;
}
