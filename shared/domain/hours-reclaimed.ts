import { addDays, dayOfWeek, startOfWeek, type LocalDay } from './day';
import { inForceDuring, type Delegation } from './delegation';

/**
 * Baseline, hours reclaimed, MSP hours delivered and oversight, exactly as PRODUCT.md defines them.
 * Pure: the caller supplies logged minutes per category and local day (completed entries only, a
 * running timer counts nowhere) and the settings; nothing here reads a clock or a database.
 */

export interface ReclaimedSettings {
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: number;
  workingDays: readonly number[];
  /** N: how many full weeks the baseline averages. */
  baselineWeeks: number;
  /** Share of MSP hours delivered that she spends overseeing them (0.1 = 10 %). */
  oversightShare: number;
}

/** Minutes logged in a category on a local day. */
export type DailyMinutes = (categoryId: number, day: LocalDay) => number;

export interface ReclaimedInput {
  delegations: readonly Delegation[];
  settings: ReclaimedSettings;
  /** Her today, in her time zone: no figure looks past it. */
  today: LocalDay;
  /** The local day of her first time entry in the app (any category), or null if she has none. */
  firstEntryDay: LocalDay | null;
  /** Her hours (worker "me"). */
  herMinutes: DailyMinutes;
  /** The MSP's and its technicians' hours. */
  mspMinutes: DailyMinutes;
}

export type BaselineSource = 'measured' | 'estimated' | 'missing';

export interface Baseline {
  delegationId: number;
  categoryId: number;
  /** Her average weekly hours in the category over the window (or the estimate, or 0). */
  weeklyHours: number;
  /** measured: from her entries; estimated: the estimate typed when delegating; missing: neither (0, the UI warns). */
  source: BaselineSource;
  /** The first days of the weeks averaged, most recent first. */
  windowWeeks: LocalDay[];
}

export interface ReclaimedWeek {
  weekStart: LocalDay;
  delegationId: number;
  categoryId: number;
  /** f: working days in force this week / working days in the week. */
  share: number;
  baselineHours: number;
  /** Her hours in the category on the days the delegation is in force. */
  herHours: number;
  /** max(0, baseline × f − herHours). */
  reclaimedHours: number;
  /** MSP hours in the category on the days the delegation is in force: delivered. */
  mspHours: number;
  /**
   * The row split across calendar months: reclaimed hours by its in-force working days, each
   * carrying an equal share; delivered hours on each entry's day. One entry, or two when the
   * week spans a month's end. The months add up to the row exactly.
   */
  months: { month: string; reclaimedHours: number; mspHours: number }[];
}

export interface WeekTotals {
  weekStart: LocalDay;
  grossHours: number;
  mspDeliveredHours: number;
  oversightHours: number;
  /** gross − oversight; negative when overseeing cost more than was handed off. */
  netHours: number;
}

/** A calendar month's figures: the weekly rows' month shares summed; oversight on delivered hours in the month. */
export interface MonthTotals {
  month: string;
  grossHours: number;
  mspDeliveredHours: number;
  oversightHours: number;
  netHours: number;
}

export interface ReclaimedReport {
  baselines: Baseline[];
  /** One row per delegation and week it was in force, up to today. */
  rows: ReclaimedWeek[];
  /** The rows summed per week, oldest first. */
  weeks: WeekTotals[];
  /** The rows' month shares summed per calendar month, oldest first: only months with a row. */
  months: MonthTotals[];
  totals: Omit<WeekTotals, 'weekStart'>;
}

const sumMinutes = (minutes: DailyMinutes, categoryId: number, from: LocalDay, to: LocalDay): number => {
  let total = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) total += minutes(categoryId, day);
  return total;
};

const isWorkingDay = (settings: ReclaimedSettings, day: LocalDay) => settings.workingDays.includes(dayOfWeek(day));

/**
 * Baseline of a category for a delegation: her average weekly hours in that category over the N
 * most recent full weeks ending before the week containing the effective day, skipping weeks in
 * which the category was delegated on any day, and not reaching before the week of her first time
 * entry. No such weeks, or no hours in them, gives the typed estimate; with no estimate, 0.
 * A full week is one that is over: for a delegation dated in the future the window starts at the
 * last week before today's, so the unfinished current week and future weeks never dilute it.
 */
export function baselineFor(
  delegation: Delegation,
  categoryDelegations: readonly Delegation[],
  input: Pick<ReclaimedInput, 'settings' | 'firstEntryDay' | 'herMinutes' | 'today'>,
): Baseline {
  const { settings, firstEntryDay, herMinutes } = input;
  const windowWeeks: LocalDay[] = [];
  let measuredMinutes = 0;
  if (firstEntryDay !== null) {
    const earliest = startOfWeek(firstEntryDay, settings.weekStartsOn);
    const beforeEffectiveWeek = addDays(startOfWeek(delegation.startDay, settings.weekStartsOn), -7);
    const lastFullWeek = addDays(startOfWeek(input.today, settings.weekStartsOn), -7);
    let week = beforeEffectiveWeek < lastFullWeek ? beforeEffectiveWeek : lastFullWeek;
    while (windowWeeks.length < settings.baselineWeeks && week >= earliest) {
      const weekEnd = addDays(week, 6);
      if (!inForceDuring(categoryDelegations, week, weekEnd)) {
        windowWeeks.push(week);
        measuredMinutes += sumMinutes(herMinutes, delegation.categoryId, week, weekEnd);
      }
      week = addDays(week, -7);
    }
  }
  const base = { delegationId: delegation.id, categoryId: delegation.categoryId, windowWeeks };
  if (windowWeeks.length > 0 && measuredMinutes > 0) {
    return { ...base, weeklyHours: measuredMinutes / 60 / windowWeeks.length, source: 'measured' };
  }
  if (delegation.estimatedWeeklyMinutes !== null) {
    return { ...base, weeklyHours: delegation.estimatedWeeklyMinutes / 60, source: 'estimated' };
  }
  return { ...base, weeklyHours: 0, source: 'missing' };
}

/**
 * A week's row split across months (PRODUCT.md "Monthly and yearly figures"): its reclaimed hours
 * by its in-force working days, each carrying an equal share (Mon–Tue in March and Wed–Fri in April
 * put 2/5 in March and 3/5 in April), its delivered hours by the month of each entry's day. A row
 * with no working day in force reclaims nothing (f = 0), so its reclaimed share has nowhere to go.
 */
function splitByMonth(
  firstDay: LocalDay,
  reclaimedHours: number,
  workingDaysInForce: readonly LocalDay[],
  mspMinutesByMonth: ReadonlyMap<string, number>,
): ReclaimedWeek['months'] {
  const months = new Map<string, { month: string; reclaimedHours: number; mspHours: number }>();
  const entry = (month: string) => {
    let found = months.get(month);
    if (!found) {
      found = { month, reclaimedHours: 0, mspHours: 0 };
      months.set(month, found);
    }
    return found;
  };
  if (workingDaysInForce.length === 0) entry(firstDay.slice(0, 7));
  const perDay = workingDaysInForce.length === 0 ? 0 : reclaimedHours / workingDaysInForce.length;
  const daysPerMonth = new Map<string, number>();
  for (const day of workingDaysInForce) {
    const month = day.slice(0, 7);
    daysPerMonth.set(month, (daysPerMonth.get(month) ?? 0) + 1);
  }
  // The last month takes what is left, so the shares add up to the row exactly.
  let earlier = 0;
  let left = daysPerMonth.size;
  for (const [month, days] of daysPerMonth) {
    left -= 1;
    entry(month).reclaimedHours = left === 0 ? reclaimedHours - earlier : days * perDay;
    earlier += days * perDay;
  }
  for (const [month, minutes] of mspMinutesByMonth) entry(month).mspHours = minutes / 60;
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}

/**
 * Hours reclaimed for every delegation and week up to today. In week w, with f = (her working days
 * in w on which the delegation is in force) / (her working days in w) by the capacity settings
 * ignoring time off (0 for a week with none): max(0, baseline × f − her hours in the category on
 * the days of w on which the delegation is in force). In the current week only days up to and
 * including today count as in force; future weeks count nowhere.
 */
export function hoursReclaimed(input: ReclaimedInput): ReclaimedReport {
  const { delegations, settings, today } = input;
  const workingDaysPerWeek = [0, 1, 2, 3, 4, 5, 6].filter((weekday) => settings.workingDays.includes(weekday)).length;
  const baselines: Baseline[] = [];
  const rows: ReclaimedWeek[] = [];

  for (const delegation of delegations) {
    const categoryDelegations = delegations.filter((other) => other.categoryId === delegation.categoryId);
    const baseline = baselineFor(delegation, categoryDelegations, input);
    baselines.push(baseline);

    const lastDay = delegation.endDay !== null && delegation.endDay < today ? delegation.endDay : today;
    if (delegation.startDay > lastDay) continue;
    for (
      let week = startOfWeek(delegation.startDay, settings.weekStartsOn);
      week <= lastDay;
      week = addDays(week, 7)
    ) {
      const from = delegation.startDay > week ? delegation.startDay : week;
      const weekEnd = addDays(week, 6);
      const to = lastDay < weekEnd ? lastDay : weekEnd;
      const workingDaysInForce: LocalDay[] = [];
      const mspMinutesByMonth = new Map<string, number>();
      // One walk over the days: the sums are added in the same order as sumMinutes would.
      let herMinutes = 0;
      let mspMinutes = 0;
      for (let day = from; day <= to; day = addDays(day, 1)) {
        if (isWorkingDay(settings, day)) workingDaysInForce.push(day);
        const msp = input.mspMinutes(delegation.categoryId, day);
        if (msp !== 0) {
          const month = day.slice(0, 7);
          mspMinutesByMonth.set(month, (mspMinutesByMonth.get(month) ?? 0) + msp);
        }
        mspMinutes += msp;
        herMinutes += input.herMinutes(delegation.categoryId, day);
      }
      const share = workingDaysPerWeek === 0 ? 0 : workingDaysInForce.length / workingDaysPerWeek;
      const herHours = herMinutes / 60;
      const mspHours = mspMinutes / 60;
      const reclaimedHours = Math.max(0, baseline.weeklyHours * share - herHours);
      rows.push({
        weekStart: week,
        delegationId: delegation.id,
        categoryId: delegation.categoryId,
        share,
        baselineHours: baseline.weeklyHours,
        herHours,
        reclaimedHours,
        mspHours,
        months: splitByMonth(from, reclaimedHours, workingDaysInForce, mspMinutesByMonth),
      });
    }
  }

  const byWeek = new Map<LocalDay, WeekTotals>();
  for (const row of rows) {
    const week = byWeek.get(row.weekStart) ?? { weekStart: row.weekStart, grossHours: 0, mspDeliveredHours: 0, oversightHours: 0, netHours: 0 };
    week.grossHours += row.reclaimedHours;
    week.mspDeliveredHours += row.mspHours;
    byWeek.set(row.weekStart, week);
  }
  const weeks = [...byWeek.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
  for (const week of weeks) {
    week.oversightHours = settings.oversightShare * week.mspDeliveredHours;
    week.netHours = week.grossHours - week.oversightHours;
  }
  const byMonth = new Map<string, MonthTotals>();
  for (const row of rows) {
    for (const share of row.months) {
      const month = byMonth.get(share.month) ?? { month: share.month, grossHours: 0, mspDeliveredHours: 0, oversightHours: 0, netHours: 0 };
      month.grossHours += share.reclaimedHours;
      month.mspDeliveredHours += share.mspHours;
      byMonth.set(share.month, month);
    }
  }
  const months = [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  for (const month of months) {
    month.oversightHours = settings.oversightShare * month.mspDeliveredHours;
    month.netHours = month.grossHours - month.oversightHours;
  }
  const grossHours = weeks.reduce((total, week) => total + week.grossHours, 0);
  const mspDeliveredHours = weeks.reduce((total, week) => total + week.mspDeliveredHours, 0);
  const oversightHours = settings.oversightShare * mspDeliveredHours;
  return {
    baselines,
    rows,
    weeks,
    months,
    totals: { grossHours, mspDeliveredHours, oversightHours, netHours: grossHours - oversightHours },
  };
}

/** One category's days, first to last inclusive: what the figures read of one worker's minutes. */
export interface CategoryDays {
  categoryId: number;
  from: LocalDay;
  to: LocalDay;
}

/**
 * The days `hoursReclaimed` reads, per category: her minutes on the baselines' window weeks and
 * on the days each delegation is in force, the MSP's on the in-force days only. A caller that
 * loads only these (one span per category) gives the same figures as one that loads everything:
 * a delegation of a few weeks, or one taken back years ago, no longer costs all her history.
 */
export function daysRead(input: Pick<ReclaimedInput, 'delegations' | 'settings' | 'today' | 'firstEntryDay'>): { her: CategoryDays[]; msp: CategoryDays[] } {
  const her = new Map<number, CategoryDays>();
  const msp = new Map<number, CategoryDays>();
  const widen = (spans: Map<number, CategoryDays>, categoryId: number, from: LocalDay, to: LocalDay) => {
    const span = spans.get(categoryId);
    if (!span) spans.set(categoryId, { categoryId, from, to });
    else {
      if (from < span.from) span.from = from;
      if (to > span.to) span.to = to;
    }
  };
  const noMinutes: DailyMinutes = () => 0;
  for (const delegation of input.delegations) {
    const categoryDelegations = input.delegations.filter((other) => other.categoryId === delegation.categoryId);
    // The window's weeks depend on the dates only, never on the minutes in them.
    const { windowWeeks } = baselineFor(delegation, categoryDelegations, { ...input, herMinutes: noMinutes });
    if (windowWeeks.length > 0) widen(her, delegation.categoryId, windowWeeks.at(-1)!, addDays(windowWeeks[0]!, 6));
    const lastDay = delegation.endDay !== null && delegation.endDay < input.today ? delegation.endDay : input.today;
    if (delegation.startDay > lastDay) continue;
    widen(her, delegation.categoryId, delegation.startDay, lastDay);
    widen(msp, delegation.categoryId, delegation.startDay, lastDay);
  }
  return { her: [...her.values()], msp: [...msp.values()] };
}
