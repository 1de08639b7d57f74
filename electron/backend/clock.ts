/**
 * The app's one clock. Every figure's "today" and every stored instant comes from the `now` the
 * backend is opened with; the Electron main process and browser mode both take theirs from here.
 *
 * Tests and demos start the clock at a chosen instant with `--clock 2026-11-16T15:00:00Z` (browser
 * mode) or the OFFLOAD_CLOCK environment variable (both modes). The clock then runs at real speed
 * from that instant, so timers and ages behave as they do for her. Nothing the renderer sends can
 * reach this: it is read once, from the command line or the environment, when the process starts.
 */
export type Clock = () => number;

export const CLOCK_ENVIRONMENT_VARIABLE = 'OFFLOAD_CLOCK';

const INSTANT_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The real clock, or one that starts at `start` (an ISO instant with its zone) and runs from there. */
export function clockStartingAt(start: string | undefined, realNow: () => number = Date.now): Clock {
  if (start === undefined || start === '') return realNow;
  const startAt = INSTANT_WITH_ZONE.test(start) ? Date.parse(start) : Number.NaN;
  if (!Number.isFinite(startAt)) {
    throw new Error(`The clock must start at an instant with its zone, such as 2026-11-16T15:00:00Z, not “${start}”.`);
  }
  const offset = startAt - realNow();
  return () => realNow() + offset;
}
