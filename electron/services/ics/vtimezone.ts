import { offsetChanges, zoneOffsetAt } from '../../../shared/domain/zoned-time';

const MINUTE = 60_000;

/** `+0530`, `-0600`. */
function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMs) / MINUTE;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/** A wall-clock instant as iCalendar local time: `20260308T020000`. */
function localText(wallMs: number): string {
  return new Date(wallMs).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/**
 * A VTIMEZONE for `timeZone` that is exact for the instants from `from` to `to`: the observance in
 * force at `from`, then one STANDARD or DAYLIGHT component per change of offset, each starting at
 * the local time before the change (RFC 5545 §3.6.5). Computed from the platform's own zone data
 * (Intl), so it is as current as the app's runtime rather than a bundled copy of the database.
 */
export function vtimezone(timeZone: string, from: number, to: number): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const initial = zoneOffsetAt(from, timeZone);
  const changes = offsetChanges(timeZone, from, to);
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: number, fromOffset: number, toOffset: number) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${localText(start)}`, `TZOFFSETFROM:${offsetText(fromOffset)}`, `TZOFFSETTO:${offsetText(toOffset)}`, `END:${kind}`);
  };
  observance('STANDARD', Date.UTC(1970, 0, 1), initial, initial);
  for (const change of changes) {
    observance(change.after > change.before ? 'DAYLIGHT' : 'STANDARD', change.at + change.before, change.before, change.after);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
