/**
 * Her entries may not overlap each other, nor one technician's (the rule `findOverlappingEntry`
 * applies to one entry). An import applies it to many at once: each new interval is checked against
 * what is already logged and against the new intervals that start before it, in one sweep.
 */

export interface Interval {
  startAt: number;
  /** Exclusive; a running timer's end is Infinity. */
  endAt: number;
}

export type OverlapWith<New> = { kind: 'existing'; interval: Interval } | { kind: 'new'; item: New };

/**
 * For every new interval that overlaps an existing one or an earlier-starting new one that is not
 * itself refused, what it overlaps. Touching intervals (one ends when the next starts) do not
 * overlap. Existing intervals may be in any order and may overlap each other.
 */
export function findOverlaps<New extends Interval>(existing: readonly Interval[], fresh: readonly New[]): Map<New, OverlapWith<New>> {
  const sorted = [...existing].sort((a, b) => a.startAt - b.startAt);
  // The existing interval reaching furthest among the first i, for each i: an interval [s, e)
  // overlaps one of them exactly when the furthest-reaching one that starts before e ends after s.
  const reach: Interval[] = [];
  for (const interval of sorted) {
    const previous = reach.at(-1);
    reach.push(previous && previous.endAt >= interval.endAt ? previous : interval);
  }
  const overlaps = new Map<New, OverlapWith<New>>();
  const ordered = [...fresh].sort((a, b) => a.startAt - b.startAt || a.endAt - b.endAt);
  let furthest: New | null = null;
  for (const item of ordered) {
    const before = lastStartingBefore(sorted, item.endAt);
    if (before >= 0 && reach[before]!.endAt > item.startAt) {
      overlaps.set(item, { kind: 'existing', interval: reach[before]! });
      continue;
    }
    if (furthest && furthest.endAt > item.startAt) {
      overlaps.set(item, { kind: 'new', item: furthest });
      continue;
    }
    if (!furthest || item.endAt > furthest.endAt) furthest = item;
  }
  return overlaps;
}

/** Index of the last interval (sorted by start) that starts before `instant`, or -1. */
function lastStartingBefore(sorted: readonly Interval[], instant: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.startAt < instant) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
