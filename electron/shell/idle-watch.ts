/**
 * Noticing that she was away: from the system's idle time (polled) and from the screen locking or
 * the machine sleeping, as a small state machine of plain data. No Electron here: idle.ts feeds
 * it from powerMonitor and asks her what to do.
 *
 * - Polled idle time at or past the threshold means she has been away since `at − idle time`.
 *   The first poll below the threshold after that means she is back since `at − idle time`.
 * - Locking the screen or suspending means away from that moment (if not already); unlocking or
 *   resuming means back at that moment. Polls in between are ignored.
 * - A return counts only when the time away reached the threshold: a short lock is not idle time.
 */

export type IdleSignal =
  | { type: 'idleTime'; at: number; idleSeconds: number }
  | { type: 'away'; at: number }
  | { type: 'back'; at: number };

export interface IdleWatchState {
  awaySince: number | null;
  /** Away because the screen is locked or the machine slept, so only `back` ends it. */
  locked: boolean;
}

export interface TimeAway {
  idleFrom: number;
  returnedAt: number;
}

export const NOT_AWAY: IdleWatchState = { awaySince: null, locked: false };

export function nextIdleState(
  state: IdleWatchState,
  signal: IdleSignal,
  thresholdMs: number,
): { state: IdleWatchState; returned: TimeAway | null } {
  const back = (returnedAt: number) => {
    const away = state.awaySince;
    const returned = away !== null && returnedAt - away >= thresholdMs ? { idleFrom: away, returnedAt } : null;
    return { state: NOT_AWAY, returned };
  };
  switch (signal.type) {
    case 'away':
      return { state: { awaySince: Math.min(state.awaySince ?? signal.at, signal.at), locked: true }, returned: null };
    case 'back':
      return state.awaySince === null ? { state: NOT_AWAY, returned: null } : back(signal.at);
    case 'idleTime': {
      if (state.locked) return { state, returned: null };
      const idleMs = Math.max(0, signal.idleSeconds) * 1000;
      if (idleMs >= thresholdMs) {
        return { state: { awaySince: state.awaySince ?? signal.at - idleMs, locked: false }, returned: null };
      }
      return state.awaySince === null ? { state, returned: null } : back(signal.at - idleMs);
    }
  }
}
