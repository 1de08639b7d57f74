/**
 * Durations as she types them: `30m`, `1.5h`, `1h15m`, `1h 15m`, `90` (minutes), `1:30`.
 * Returns whole minutes, or null when the text is not a duration.
 */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (value === '') return null;
  let minutes: number | null = null;
  let match: RegExpExecArray | null;
  if ((match = /^(\d+):([0-5]\d)$/.exec(value))) {
    minutes = Number(match[1]) * 60 + Number(match[2]);
  } else if ((match = /^(\d+(?:[.,]\d+)?)\s*(m|min|mins|minutes?)?$/.exec(value))) {
    minutes = Number(match[1]!.replace(',', '.'));
  } else if ((match = /^(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?)(?:\s*(\d+)\s*(m|min|mins|minutes?)?)?$/.exec(value))) {
    minutes = Number(match[1]!.replace(',', '.')) * 60 + (match[3] ? Number(match[3]) : 0);
  }
  if (minutes === null || !Number.isFinite(minutes)) return null;
  return Math.round(minutes);
}

/** `90` → `1h 30m`, `45` → `45m`, `120` → `2h`. */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const total = Math.abs(Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${sign}${rest}m`;
  return rest === 0 ? `${sign}${hours}h` : `${sign}${hours}h ${rest}m`;
}
