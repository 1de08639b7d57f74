import type { Page } from '@playwright/test';
import { addDays, type LocalDay } from '../../shared/domain/day';
import { instantOn, mondayOfWeek } from '../support/e2e-clock';
import { api } from './fixtures';

export const TECH = 1;
export const SERVER = 2;
export const DESKTOP = 3;
export const NETWORK = 4;
export const SECURITY = 5;
export const VENDORS = 6;
export const RESEARCH = 7;
export const MEETINGS = 8;
export const OTHER = 9;

/** A small deterministic generator, so the data set is the same on every run. */
function jitter(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Twenty weeks of Gail's work and the MSP's, seeded through the API as the app would record it,
 * at the suite's fixed instant (Monday 16 November 2026, 10:00 in Chicago):
 *
 * - Before delegating she works 55–60 h weeks: interrupts from 07:00, tech support, server work,
 *   desktops, network, meetings, evenings twice a week and Saturday mornings patching servers.
 * - Desktop maintenance is delegated from Monday of W−8, Server administration from Wednesday of
 *   W−6; Tech support is handed over for two weeks of vacation cover (W−4 and W−3, Friday of W−3
 *   off). Her evenings and Saturdays stop; research & strategy takes the afternoons back.
 * - The MSP logs its hours in the delegated categories; its contract (from July: 3,500 a month,
 *   30 h included, 95 an hour over) and response targets are set; it completes three tasks today.
 */
export async function seedInsightsData(page: Page, origin: string): Promise<void> {
  const random = jitter(20261116);
  const call = (name: string, input: unknown) => api(page, origin, name, input);
  const entry = (worker: 'me' | 'msp', categoryId: number, day: LocalDay, from: number, to: number, unplanned = false) =>
    call('timeEntries:create', { worker, categoryId, startAt: instantOn(day, clock(from)), endAt: instantOn(day, clock(to)), unplanned });

  const desktopFrom = mondayOfWeek(-8);
  const serverFrom = addDays(mondayOfWeek(-6), 2);
  const coverFrom = mondayOfWeek(-4);
  const coverTo = addDays(mondayOfWeek(-3), 6);
  const dayOff = addDays(mondayOfWeek(-3), 4);
  const afternoons = [NETWORK, SECURITY, VENDORS, MEETINGS, OTHER];

  for (let week = -20; week <= 0; week += 1) {
    const monday = mondayOfWeek(week);
    for (let weekday = 0; weekday < 6; weekday += 1) {
      const day = addDays(monday, weekday);
      if (week === 0 && weekday > 0) break;
      if (day === dayOff) continue;
      const wiggle = () => Math.round(random() * 4) * 5;
      const desktopDelegated = day >= desktopFrom;
      const serverDelegated = day >= serverFrom;
      const covered = day >= coverFrom && day <= coverTo;
      if (weekday === 5) {
        // Saturday mornings patching servers, until the MSP took the servers.
        if (!serverDelegated) await entry('me', SERVER, day, 9 * 60, 12 * 60 + wiggle());
        continue;
      }
      if (week === 0) {
        await entry('me', TECH, day, 8 * 60, 9 * 60 + 30, true);
        break;
      }
      if (!desktopDelegated && weekday % 2 === 0) await entry('me', TECH, day, 7 * 60 - wiggle(), 8 * 60, true);
      if (!covered) await entry('me', TECH, day, 8 * 60, 10 * 60 - wiggle(), weekday === 1 || weekday === 3);
      else await entry('me', MEETINGS, day, 8 * 60 + 30, 9 * 60 + 30);
      await entry('me', serverDelegated ? NETWORK : SERVER, day, 10 * 60, 12 * 60 - wiggle());
      if (!desktopDelegated) await entry('me', DESKTOP, day, 13 * 60, 14 * 60 + 40 + wiggle());
      else await entry('me', weekday === 4 ? MEETINGS : RESEARCH, day, 13 * 60, 14 * 60 + 30 + wiggle());
      await entry('me', afternoons[(weekday + week + 20) % afternoons.length]!, day, 15 * 60, 17 * 60 - wiggle(), weekday === 2 && !serverDelegated);
      if (!serverDelegated && (weekday === 0 || weekday === 1 || weekday === 3)) {
        await entry('me', weekday === 3 ? DESKTOP : SERVER, day, 18 * 60, 20 * 60 + 30 - wiggle(), true);
      } else if (serverDelegated && weekday === 1 && week % 2 === 0) {
        await entry('me', NETWORK, day, 18 * 60, 19 * 60);
      }
      // A little of the handed-off work still finds her.
      if (desktopDelegated && weekday === 2 && week % 3 === 0) await entry('me', DESKTOP, day, 17 * 60, 17 * 60 + 45);

      if (desktopDelegated && weekday === 3) await entry('msp', DESKTOP, day, 9 * 60, 13 * 60 + wiggle());
      if (serverDelegated && weekday === 4) await entry('msp', SERVER, day, 9 * 60, 12 * 60 + wiggle());
      if (covered) await entry('msp', TECH, day, 14 * 60, 16 * 60 + wiggle());
    }
  }

  await call('delegations:create', { categoryId: DESKTOP, startDay: desktopFrom });
  await call('delegations:create', { categoryId: SERVER, startDay: serverFrom });
  await call('delegations:create', { categoryId: TECH, startDay: coverFrom, endDay: coverTo, note: 'Vacation cover' });
  await call('timeOff:create', { startDay: dayOff, endDay: dayOff, note: 'Long weekend' });
  await call('msp:saveProvider', { name: 'Northwind IT', email: 'help@northwind.example', phone: '', notes: '' });
  await call('msp:saveContract', { startDay: '2026-07-01', monthlyFee: 3500, includedHours: 30, overageRate: 95 });
  await call('responseTargets:set', { categoryId: DESKTOP, targetMinutes: 240 });
  await call('responseTargets:set', { categoryId: SERVER, targetMinutes: 480 });
  for (const title of ['Replace the reception PC', 'Patch the file server', 'Reimage the sales laptops']) {
    const task = await api<{ id: number }>(page, origin, 'tasks:create', { title, categoryId: title.includes('server') ? SERVER : DESKTOP, dueDay: addDays(mondayOfWeek(0), 2) });
    await call('tasks:setStatus', { id: task.id, status: 'in_progress' });
    await call('tasks:setStatus', { id: task.id, status: 'done' });
  }
}
