import { formatDuration } from '../../../shared/domain/duration';
import { resolveEntryTimes, type EntryTimesDraft } from '../../../shared/domain/entry-times';
import type { ZonedTime } from '../../ui/time';

/**
 * What a form's times come to, said before she saves: “ends the next day, Wed, Dec 2 · 2h” for work
 * past midnight, else the duration or the end the other field gives. Null while the times are
 * incomplete (the fields say what is missing when she saves).
 */
export function entryTimeHint(draft: EntryTimesDraft, time: ZonedTime): string | null {
  const times = resolveEntryTimes(draft, time.timeZone);
  if (!times.ok) return null;
  const length = formatDuration(times.minutes);
  if (times.endsNextDay) return `ends the next day, ${time.formatDay(times.endDay)} · ${length}`;
  return draft.end === '' ? `ends ${time.formatTime(times.endAt)} · ${length}` : length;
}

/** Only the next-day warning, for forms without a duration: “ends the next day, Wed, Dec 2 · 2h”. */
export function nextDayHint(draft: EntryTimesDraft, time: ZonedTime): string | undefined {
  const times = resolveEntryTimes(draft, time.timeZone);
  return times.ok && times.endsNextDay ? `ends the next day, ${time.formatDay(times.endDay)} · ${formatDuration(times.minutes)}` : undefined;
}
