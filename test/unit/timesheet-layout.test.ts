import { describe, expect, it } from 'vitest';
import { layoutAxis } from '../../shared/domain/timesheet-layout';
import { shiftWallClock } from '../../shared/domain/zoned-time';

const H = 3_600_000;

describe('blocks on a day’s time axis', () => {
  it('blocks that do not overlap each take the whole width; touching is not overlapping', () => {
    const placed = layoutAxis([
      { id: 1, start: 9 * H, end: 10 * H },
      { id: 2, start: 10 * H, end: 11 * H },
    ]);
    expect([...placed]).toStrictEqual([
      [1, { lane: 0, lanes: 1, overlaps: [] }],
      [2, { lane: 0, lanes: 1, overlaps: [] }],
    ]);
  });

  it('overlapping blocks sit side by side, and each names the blocks it overlaps', () => {
    // 9–12 overlaps 10–11 and 11:30–13; 10–11 and 11:30–13 do not overlap each other, so they share a lane.
    const placed = layoutAxis([
      { id: 3, start: 11.5 * H, end: 13 * H },
      { id: 1, start: 9 * H, end: 12 * H },
      { id: 2, start: 10 * H, end: 11 * H },
      { id: 4, start: 14 * H, end: 15 * H },
    ]);
    expect(placed.get(1)).toStrictEqual({ lane: 0, lanes: 2, overlaps: [2, 3] });
    expect(placed.get(2)).toStrictEqual({ lane: 1, lanes: 2, overlaps: [1] });
    expect(placed.get(3)).toStrictEqual({ lane: 1, lanes: 2, overlaps: [1] });
    expect(placed.get(4)).toStrictEqual({ lane: 0, lanes: 1, overlaps: [] });
  });

  it('three blocks at once take three lanes', () => {
    const placed = layoutAxis([
      { id: 1, start: 8 * H, end: 10 * H },
      { id: 2, start: 8 * H, end: 9 * H },
      { id: 3, start: 8.5 * H, end: 9.5 * H },
    ]);
    expect([1, 2, 3].map((id) => placed.get(id)!.lane)).toStrictEqual([0, 1, 2]);
    expect([1, 2, 3].map((id) => placed.get(id)!.lanes)).toStrictEqual([3, 3, 3]);
  });
});

describe('moving a moment to another day keeps its wall-clock time', () => {
  it('09:00 on a CDT day is 09:00 on a CST day, an hour later in UTC', () => {
    expect(shiftWallClock(Date.parse('2026-10-30T14:00:00.250Z'), 3, 'America/Chicago')).toBe(Date.parse('2026-11-02T15:00:00.250Z'));
  });

  it('a time the spring-forward night skips resolves forward, as clocks do', () => {
    // 02:30 on Sunday 1 March 2026 moved a week on, to the night Chicago's clocks jump from 02:00 to 03:00.
    expect(shiftWallClock(Date.parse('2026-03-01T08:30:00Z'), 7, 'America/Chicago')).toBe(Date.parse('2026-03-08T08:30:00Z'));
  });
});
