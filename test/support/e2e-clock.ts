import { addDays, startOfWeek, type LocalDay } from '../../shared/domain/day';
import { instantAt, localDayOf } from '../../shared/domain/zoned-time';

/**
 * Every end-to-end test runs at one instant, on the server (`--clock`) and in the page
 * (`page.clock`): Monday 16 November 2026, 10:00 in Chicago. No test depends on the date it runs on.
 */
export const E2E_NOW = '2026-11-16T16:00:00Z';
/** The server's system zone and the browser's zone, unless a test says otherwise. */
export const E2E_ZONE = 'America/Chicago';

/** Her today at E2E_NOW, in `zone`. */
export function e2eToday(zone = E2E_ZONE): LocalDay {
  return localDayOf(Date.parse(E2E_NOW), zone);
}

/** The day `offset` days from the test's today. */
export const dayFromToday = (offset: number, zone = E2E_ZONE): LocalDay => addDays(e2eToday(zone), offset);

/** The Monday of the week `offsetWeeks` from the test's current week (−1 = last week). */
export const mondayOfWeek = (offsetWeeks: number, zone = E2E_ZONE): LocalDay =>
  addDays(startOfWeek(e2eToday(zone), 1), 7 * offsetWeeks);

/** The instant of a wall-clock time on a day, in `zone`. */
export const instantOn = (day: LocalDay, clock: string, zone = E2E_ZONE): number => instantAt(day, clock, zone);
