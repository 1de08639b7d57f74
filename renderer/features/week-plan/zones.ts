/** Where a card can be dropped: one of the week's days, the backlog, or the MSP lane. */
export type ZoneId = `day:${string}` | 'backlog' | 'msp';

export const dayZone = (day: string): ZoneId => `day:${day}`;

/** The zones in reading order: the days, then the backlog, then the MSP lane. */
export function zoneOrder(days: readonly string[]): ZoneId[] {
  return [...days.map(dayZone), 'backlog', 'msp'];
}

/**
 * The keyboard's move: an arrow key takes the carried card to the next (→ ↓) or previous (← ↑) zone
 * in reading order, so every day, the backlog and the lane are one key apart. Stops at the ends.
 */
export function nextZone(order: readonly ZoneId[], from: ZoneId, key: string): ZoneId | null {
  const forward = key === 'ArrowRight' || key === 'ArrowDown';
  if (!forward && key !== 'ArrowLeft' && key !== 'ArrowUp') return null;
  const index = order.indexOf(from);
  return order[Math.min(order.length - 1, Math.max(0, index + (forward ? 1 : -1)))] ?? from;
}
