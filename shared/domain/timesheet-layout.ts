/**
 * Where each entry goes on a day's time axis: blocks that overlap in time sit side by side, each in
 * its own lane of the group of blocks that overlap one another, so none hides another.
 */
export interface AxisItem {
  id: number;
  /** Epoch ms; `end` is the instant shown as the block's end (now, for a running timer). */
  start: number;
  end: number;
}

export interface AxisPlacement {
  /** 0-based lane within its group. */
  lane: number;
  /** Lanes in its group: the block is 1/lanes of the axis wide. */
  lanes: number;
  /** The ids of the other blocks it overlaps in time. */
  overlaps: number[];
}

/**
 * Greedy interval partitioning: by start (longer first on a tie), each block takes the first lane
 * that is free at its start. A group is a run of blocks connected by overlaps; all blocks of a
 * group share its lane count. Touching blocks (one ends when the next starts) do not overlap.
 */
export function layoutAxis(items: readonly AxisItem[]): Map<number, AxisPlacement> {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const placements = new Map<number, AxisPlacement>();
  let group: AxisItem[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;

  const closeGroup = () => {
    for (const item of group) placements.get(item.id)!.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };

  for (const item of sorted) {
    if (item.start >= groupEnd) closeGroup();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.end);
    } else laneEnds[lane] = item.end;
    placements.set(item.id, { lane, lanes: 1, overlaps: [] });
    for (const other of group) {
      if (other.end > item.start && other.start < item.end) {
        placements.get(other.id)!.overlaps.push(item.id);
        placements.get(item.id)!.overlaps.push(other.id);
      }
    }
    group.push(item);
    groupEnd = Math.max(groupEnd, item.end);
  }
  closeGroup();
  return placements;
}
