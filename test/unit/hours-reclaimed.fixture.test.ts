import { describe, expect, it } from 'vitest';
import type { LocalDay } from '../../shared/domain/day';
import type { Delegation } from '../../shared/domain/delegation';
import {
  hoursReclaimed,
  type DailyMinutes,
  type ReclaimedInput,
  type ReclaimedReport,
  type ReclaimedSettings,
} from '../../shared/domain/hours-reclaimed';
import {
  contractForMonth,
  hireAnnualCost,
  loadedHourlyCost,
  mspMonthCost,
  reclaimedValue,
  type CostSettings,
  type MspContract,
} from '../../shared/domain/cost';
import { whatIf } from '../../shared/domain/what-if';

/*
 * Hand-computed fixtures for PRODUCT.md "Definitions": Baseline, Hours reclaimed, MSP hours
 * delivered, Oversight, Cost comparison. Every expected number below was worked out by hand from
 * the brief (the arithmetic is in the comments) and is hard-coded; nothing expected is derived
 * from the implementation.
 *
 * Units: the data is in minutes. The implementation reports hours; `min()` turns hours back into
 * minutes, rounded to a thousandth of a minute only to absorb binary floating-point noise, so every
 * assertion is exact "to the minute" (and much finer).
 *
 * Weekday numbers are 0 = Sunday … 6 = Saturday. Weekdays in the fixtures were checked against a
 * calendar (2026-01-05 is a Monday, 2026-04-01 a Wednesday, 2026-11-01 a Sunday and the US
 * fall-back day, …).
 */

// ---------------------------------------------------------------------------------------------
// Fixture helpers (independent of the implementation: own weekday arithmetic, plain maps)
// ---------------------------------------------------------------------------------------------

/** Minutes rounded to 1/1000 min: absorbs float noise, still far finer than "to the minute". */
const min = (hours: number): number => Math.round(hours * 60 * 1000) / 1000;
/** A share f expressed in fifths of a Mon–Fri week (3/5 → 3). */
const fifths = (share: number): number => Math.round(share * 5 * 1e6) / 1e6;

const weekdayOf = (day: LocalDay): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

const MON_FRI = [1, 2, 3, 4, 5];

/** A regular pattern: `minutes` on each listed weekday from `from` to `to` inclusive. */
interface Pattern {
  category: number;
  from: LocalDay;
  to: LocalDay;
  weekdays: readonly number[];
  minutes: number;
}

/**
 * Minutes per (category, day): the override for that day if there is one (it REPLACES the
 * pattern's value), else the pattern's value, else 0.
 */
function dailyMinutes(patterns: readonly Pattern[], overrides: Readonly<Record<string, number>> = {}): DailyMinutes {
  return (category, day) => {
    const key = `${category}|${day}`;
    if (key in overrides) return overrides[key]!;
    let total = 0;
    for (const p of patterns) {
      if (p.category === category && p.from <= day && day <= p.to && p.weekdays.includes(weekdayOf(day))) total += p.minutes;
    }
    return total;
  };
}

/** Sum of a DailyMinutes over an explicit list of categories and a day range (fixture sanity checks only). */
function sumOver(fn: DailyMinutes, categories: readonly number[], from: LocalDay, to: LocalDay): number {
  let total = 0;
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  for (let t = Date.UTC(y, m - 1, d); ; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day > to) break;
    for (const c of categories) total += fn(c, day);
  }
  return total;
}

const DEFAULTS: ReclaimedSettings = { weekStartsOn: 1, workingDays: MON_FRI, baselineWeeks: 8, oversightShare: 0.1 };

const delegation = (
  id: number,
  categoryId: number,
  startDay: LocalDay,
  endDay: LocalDay | null,
  estimatedWeeklyMinutes: number | null = null,
): Delegation => ({ id, categoryId, startDay, endDay, estimatedWeeklyMinutes, note: '' });

/** Rows as [delegationId, weekStart, f in fifths, her min, reclaimed min, MSP delivered min], sorted. */
const rowTable = (report: ReclaimedReport) =>
  report.rows
    .map((r) => [r.delegationId, r.weekStart, fifths(r.share), min(r.herHours), min(r.reclaimedHours), min(r.mspHours)] as const)
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));

/** Weeks as [weekStart, gross min, MSP delivered min, oversight min, net min]. */
const weekTable = (report: ReclaimedReport) =>
  report.weeks.map((w) => [w.weekStart, min(w.grossHours), min(w.mspDeliveredHours), min(w.oversightHours), min(w.netHours)] as const);

const totalsInMinutes = (report: ReclaimedReport) => ({
  gross: min(report.totals.grossHours),
  msp: min(report.totals.mspDeliveredHours),
  oversight: min(report.totals.oversightHours),
  net: min(report.totals.netHours),
});

const baselineOf = (report: ReclaimedReport, delegationId: number) => {
  const b = report.baselines.find((x) => x.delegationId === delegationId);
  if (!b) throw new Error(`no baseline for delegation ${delegationId}`);
  return { minutesPerWeek: min(b.weeklyHours), source: b.source, windowWeeks: b.windowWeeks };
};

// ---------------------------------------------------------------------------------------------
// The main fixture: 12 weeks of history, then 8 weeks with delegations (Monday weeks)
// ---------------------------------------------------------------------------------------------
//
// Weeks (Monday starts):
//   W1 01-05  W2 01-12  W3 01-19  W4 01-26  W5 02-02  W6 02-09  W7 02-16  W8 02-23
//   W9 03-02  W10 03-09 W11 03-16 W12 03-23 | W13 03-30 W14 04-06 W15 04-13 W16 04-20
//   W17 04-27 W18 05-04 W19 05-11 W20 05-18 (today = Wed 2026-05-20: W20 is partial)
//
// Categories: 1 Tech support, 2 Server administration, 3 Desktop maintenance, 4 Network (never
// delegated). Her first entry: Mon 2026-01-05.
//
// Delegations:
//   D1  cat 1, Wed 2026-04-01 → open          (mid-week start; 12 weeks of history before it)
//   D2a cat 2, Mon 2026-02-16 → Wed 2026-02-25 (temporary; then taken back)
//   D2b cat 2, Thu 2026-04-09 → open          (delegated again; its window skips W7, W8)
//   D3  cat 3, Mon 2026-05-04 → open, estimate 360 min/week; she never logged cat 3 before
//
// Her minutes (pattern, overrides replace the pattern's value on that day):
//   cat 1: Mon–Fri 120 from 01-05 to 03-31 (then 0);
//          overrides 01-19 (Mon W3) 300, 03-14 (Sat W10) 60, 03-25 (Wed W12) 0,
//          after delegation: 04-01 30, 04-16 90, 04-25 (Sat) 45, 05-12 600, 05-19 60
//   cat 2: Mon/Wed/Fri 60 from 01-05 to 04-08 (then 0);
//          overrides 01-13 (Tue W2) 120; during D2a 02-16 0, 02-18 0, 02-20 30, 02-23 0, 02-25 0
//          (Fri 02-27 is after D2a ended: pattern 60); 03-19 (Thu W11) 240;
//          after D2b: 04-24 (Fri W16) 120, 05-03 (Sun W17) 30
//   cat 3: only 05-12 (Tue W19) 30
//   cat 4: Mon–Fri 180 from 01-05 to 05-20 (irrelevant except as "her first entry")
//
// MSP minutes:
//   cat 1: Mon–Fri 100 from 04-01 to 05-20; overrides 03-31 60 (the day BEFORE D1: not delivered),
//          04-11 (Sat, in force) 30
//   cat 2: Tue/Thu 90 from 04-09 to 05-20; during D2a 02-16 90, 02-18 90, 02-20 60, 02-23 90,
//          02-25 90; 02-26 45 (day after D2a ended: not delivered); 03-09 60 (between D2a and D2b:
//          not delivered); 04-07 90 (before D2b: not delivered)
//   cat 3: Mon–Fri 60 from 05-04 to 05-20
//   cat 4: 04-14 120, 05-15 240 (never delegated: never delivered)

const TODAY = '2026-05-20';
const FIRST_ENTRY = '2026-01-05';

const D1 = delegation(1, 1, '2026-04-01', null);
const D2a = delegation(2, 2, '2026-02-16', '2026-02-25');
const D2b = delegation(3, 2, '2026-04-09', null);
const D3 = delegation(4, 3, '2026-05-04', null, 360);

const herMain = dailyMinutes(
  [
    { category: 1, from: '2026-01-05', to: '2026-03-31', weekdays: MON_FRI, minutes: 120 },
    { category: 2, from: '2026-01-05', to: '2026-04-08', weekdays: [1, 3, 5], minutes: 60 },
    { category: 4, from: '2026-01-05', to: TODAY, weekdays: MON_FRI, minutes: 180 },
  ],
  {
    '1|2026-01-19': 300,
    '1|2026-03-14': 60,
    '1|2026-03-25': 0,
    '1|2026-04-01': 30,
    '1|2026-04-16': 90,
    '1|2026-04-25': 45,
    '1|2026-05-12': 600,
    '1|2026-05-19': 60,
    '2|2026-01-13': 120,
    '2|2026-02-16': 0,
    '2|2026-02-18': 0,
    '2|2026-02-20': 30,
    '2|2026-02-23': 0,
    '2|2026-02-25': 0,
    '2|2026-03-19': 240,
    '2|2026-04-24': 120,
    '2|2026-05-03': 30,
    '3|2026-05-12': 30,
  },
);

const mspMain = dailyMinutes(
  [
    { category: 1, from: '2026-04-01', to: TODAY, weekdays: MON_FRI, minutes: 100 },
    { category: 2, from: '2026-04-09', to: TODAY, weekdays: [2, 4], minutes: 90 },
    { category: 3, from: '2026-05-04', to: TODAY, weekdays: MON_FRI, minutes: 60 },
  ],
  {
    '1|2026-03-31': 60,
    '1|2026-04-11': 30,
    '2|2026-02-16': 90,
    '2|2026-02-18': 90,
    '2|2026-02-20': 60,
    '2|2026-02-23': 90,
    '2|2026-02-25': 90,
    '2|2026-02-26': 45,
    '2|2026-03-09': 60,
    '2|2026-04-07': 90,
    '4|2026-04-14': 120,
    '4|2026-05-15': 240,
  },
);

const mainInput = (delegations: readonly Delegation[]): ReclaimedInput => ({
  delegations,
  settings: DEFAULTS,
  today: TODAY,
  firstEntryDay: FIRST_ENTRY,
  herMinutes: herMain,
  mspMinutes: mspMain,
});

describe('hours reclaimed: 12 weeks of history, 8 weeks delegated (hand-computed fixture)', () => {
  const report = hoursReclaimed(mainInput([D1, D2a, D2b, D3]));

  it('fixture sanity: the maps hold the data the hand arithmetic assumes', () => {
    // Cat 1 over W5..W12 (02-02..03-29): 8 × 600 + 60 (Sat 03-14) − 120 (Wed 03-25 is 0) = 4740.
    expect(sumOver(herMain, [1], '2026-02-02', '2026-03-29')).toBe(4740);
    // Cat 2 over W1..W6 (01-05..02-15): 6 × 180 + 120 (Tue 01-13) = 1200.
    expect(sumOver(herMain, [2], '2026-01-05', '2026-02-15')).toBe(1200);
    // Her first entry really is 01-05 and nothing before it.
    expect(sumOver(herMain, [1, 2, 3, 4], '2025-12-01', '2026-01-04')).toBe(0);
    expect(herMain(4, '2026-01-05')).toBe(180);
  });

  it('baselines: measured over the window, the re-delegation skips the weeks of the first, no history → estimate', () => {
    // D1 (cat 1, effective Wed 04-01, in W13): the 8 most recent full weeks before W13 are
    // W12..W5, none delegated, all after her first week (W1).
    //   Cat 1 minutes: W5 600, W6 600, W7 600, W8 600, W9 600, W10 600 + 60 = 660,
    //   W11 600, W12 600 − 120 = 480 → total 4740; 4740 / 8 = 592.5 min/week (9.875 h).
    //   (W3's irregular Monday, 300, is outside the window.)
    expect(baselineOf(report, 1)).toEqual({
      minutesPerWeek: 592.5,
      source: 'measured',
      windowWeeks: ['2026-03-23', '2026-03-16', '2026-03-09', '2026-03-02', '2026-02-23', '2026-02-16', '2026-02-09', '2026-02-02'],
    });

    // D2a (cat 2, effective Mon 02-16 = W7): weeks before W7 are W6..W1, then W0 (12-29) is before
    // the week of her first entry, so the window stops at 6 weeks.
    //   Cat 2 minutes: W1 180, W2 180 + 120 = 300, W3 180, W4 180, W5 180, W6 180 → 1200;
    //   1200 / 6 = 200 min/week.
    expect(baselineOf(report, 2)).toEqual({
      minutesPerWeek: 200,
      source: 'measured',
      windowWeeks: ['2026-02-09', '2026-02-02', '2026-01-26', '2026-01-19', '2026-01-12', '2026-01-05'],
    });

    // D2b (cat 2, effective Thu 04-09 = W14): going back from W13: W13, W12, W11, W10, W9, then W8
    // and W7 are SKIPPED (D2a in force on some of their days), then W6, W5, W4 → 8 weeks.
    //   Cat 2 minutes: W13 180 (Mon/Wed/Fri 60, D2b not yet in force), W12 180, W11 180 + 240 = 420,
    //   W10 180, W9 180, W6 180, W5 180, W4 180 → 8 × 180 + 240 = 1680; 1680 / 8 = 210 min/week.
    expect(baselineOf(report, 3)).toEqual({
      minutesPerWeek: 210,
      source: 'measured',
      windowWeeks: ['2026-03-30', '2026-03-23', '2026-03-16', '2026-03-09', '2026-03-02', '2026-02-09', '2026-02-02', '2026-01-26'],
    });

    // D3 (cat 3, effective Mon 05-04 = W18): window W17..W10 is non-empty, but she logged 0 minutes
    // in cat 3 there → the typed estimate, 360 min/week (6 h), shown as "estimated".
    expect(baselineOf(report, 4)).toEqual({
      minutesPerWeek: 360,
      source: 'estimated',
      windowWeeks: ['2026-04-27', '2026-04-20', '2026-04-13', '2026-04-06', '2026-03-30', '2026-03-23', '2026-03-16', '2026-03-09'],
    });
  });

  it('rows: reclaimed = max(0, baseline × f − her hours on in-force days), week by week, up to today', () => {
    // D1, baseline 592.5 min:
    //   W13 03-30: in force Wed 04-01..Sun 04-05 → working Wed, Thu, Fri → f = 3/5;
    //              592.5 × 3/5 = 355.5; her in force: 04-01 30 (Mon/Tue 03-30/31 120 each are
    //              before the effective day, not counted) → 355.5 − 30 = 325.5.
    //              MSP: Wed–Fri 3 × 100 = 300 (Tue 03-31 60 is before D1: not delivered).
    //   W14 04-06: f = 5/5; 592.5 − 0 = 592.5. MSP 5 × 100 + Sat 04-11 30 = 530.
    //   W15 04-13: f = 1; 592.5 − 90 (Thu 04-16) = 502.5. MSP 500.
    //   W16 04-20: f = 1; 592.5 − 45 (Sat 04-25, weekend hours on an in-force day count) = 547.5. MSP 500.
    //   W17 04-27: f = 1; 592.5 − 0 = 592.5. MSP 500.
    //   W18 05-04: f = 1; 592.5. MSP 500.
    //   W19 05-11: f = 1; 592.5 − 600 (Tue 05-12) = −7.5 → max(0, −7.5) = 0. MSP 500.
    //   W20 05-18: today is Wed 05-20 → only Mon, Tue, Wed in force → f = 3/5;
    //              355.5 − 60 (Tue 05-19) = 295.5. MSP 3 × 100 = 300.
    // D2a, baseline 200 min:
    //   W7 02-16: in force Mon 02-16..Sun 02-22 → f = 1; her 30 (Fri 02-20) → 200 − 30 = 170.
    //             MSP 90 + 90 + 60 = 240.
    //   W8 02-23: in force Mon 02-23..Wed 02-25 → f = 3/5 → 120; her 0 (Fri 02-27's 60 is after the
    //             end day) → 120. MSP 90 + 90 = 180 (Thu 02-26's 45 is after the end: not delivered).
    // D2b, baseline 210 min:
    //   W14 04-06: in force Thu 04-09..Sun 04-12 → working Thu, Fri → f = 2/5 → 84; her 0 → 84.
    //              MSP Thu 04-09 90 (Tue 04-07 90 is before D2b: not delivered).
    //   W15: f = 1; 210 − 0 = 210. MSP Tue + Thu = 180.
    //   W16: 210 − 120 (Fri 04-24) = 90. MSP 180.
    //   W17: 210 − 30 (Sun 05-03 is in W17 = 04-27..05-03) = 180. MSP 180.
    //   W18: 210. MSP 180.   W19: 210. MSP 180.
    //   W20: f = 3/5 → 126 − 0 = 126. MSP Tue 05-19 90 (Thu 05-21 is after today).
    // D3, baseline 360 min (estimated):
    //   W18: f = 1; 360 − 0 = 360. MSP 5 × 60 = 300.
    //   W19: 360 − 30 (Tue 05-12) = 330. MSP 300.
    //   W20: f = 3/5 → 216 − 0 = 216. MSP 3 × 60 = 180.
    expect(rowTable(report)).toEqual([
      [1, '2026-03-30', 3, 30, 325.5, 300],
      [1, '2026-04-06', 5, 0, 592.5, 530],
      [1, '2026-04-13', 5, 90, 502.5, 500],
      [1, '2026-04-20', 5, 45, 547.5, 500],
      [1, '2026-04-27', 5, 0, 592.5, 500],
      [1, '2026-05-04', 5, 0, 592.5, 500],
      [1, '2026-05-11', 5, 600, 0, 500],
      [1, '2026-05-18', 3, 60, 295.5, 300],
      [2, '2026-02-16', 5, 30, 170, 240],
      [2, '2026-02-23', 3, 0, 120, 180],
      [3, '2026-04-06', 2, 0, 84, 90],
      [3, '2026-04-13', 5, 0, 210, 180],
      [3, '2026-04-20', 5, 120, 90, 180],
      [3, '2026-04-27', 5, 30, 180, 180],
      [3, '2026-05-04', 5, 0, 210, 180],
      [3, '2026-05-11', 5, 0, 210, 180],
      [3, '2026-05-18', 3, 0, 126, 90],
      [4, '2026-05-04', 5, 0, 360, 300],
      [4, '2026-05-11', 5, 30, 330, 300],
      [4, '2026-05-18', 3, 0, 216, 180],
    ]);
    // Every row carries its delegation's baseline.
    for (const row of report.rows) {
      expect(min(row.baselineHours)).toBe({ 1: 592.5, 2: 200, 3: 210, 4: 360 }[row.delegationId]);
    }
  });

  it('weeks: gross = sum of rows, MSP delivered only in delegated categories on in-force days, oversight 10 %, net = gross − oversight', () => {
    // Week      gross                              MSP delivered          oversight  net
    // W7  02-16 170                                240                    24         146
    // W8  02-23 120                                180                    18         102
    // W13 03-30 325.5                              300                    30         295.5
    // W14 04-06 592.5 + 84        = 676.5          530 + 90       = 620   62         614.5
    // W15 04-13 502.5 + 210       = 712.5          500 + 180      = 680   68         644.5
    // W16 04-20 547.5 + 90        = 637.5          500 + 180      = 680   68         569.5
    // W17 04-27 592.5 + 180       = 772.5          500 + 180      = 680   68         704.5
    // W18 05-04 592.5 + 210 + 360 = 1162.5         500 + 180 + 300 = 980  98         1064.5
    // W19 05-11 0 + 210 + 330     = 540            500 + 180 + 300 = 980  98         442
    // W20 05-18 295.5 + 126 + 216 = 637.5          300 + 90 + 180 = 570   57         580.5
    // Cat 4's MSP minutes (04-14 120, 05-15 240) and the MSP minutes on non-delegated days
    // (03-31, 02-26, 03-09, 04-07) appear nowhere.
    expect(weekTable(report)).toEqual([
      ['2026-02-16', 170, 240, 24, 146],
      ['2026-02-23', 120, 180, 18, 102],
      ['2026-03-30', 325.5, 300, 30, 295.5],
      ['2026-04-06', 676.5, 620, 62, 614.5],
      ['2026-04-13', 712.5, 680, 68, 644.5],
      ['2026-04-20', 637.5, 680, 68, 569.5],
      ['2026-04-27', 772.5, 680, 68, 704.5],
      ['2026-05-04', 1162.5, 980, 98, 1064.5],
      ['2026-05-11', 540, 980, 98, 442],
      ['2026-05-18', 637.5, 570, 57, 580.5],
    ]);
  });

  it('totals: gross 5754.5 min, MSP delivered 5910 min, oversight 591 min, net 5163.5 min', () => {
    // Gross by delegation: D1 325.5 + 592.5 + 502.5 + 547.5 + 592.5 + 592.5 + 0 + 295.5 = 3448.5
    //                      D2a 170 + 120 = 290
    //                      D2b 84 + 210 + 90 + 180 + 210 + 210 + 126 = 1110
    //                      D3 360 + 330 + 216 = 906
    //   3448.5 + 290 + 1110 + 906 = 5754.5 min (95 h 54.5 min).
    // MSP delivered: 240 + 180 + 300 + 620 + 680 × 3 + 980 × 2 + 570 = 5910 min.
    // Oversight: 0.1 × 5910 = 591. Net: 5754.5 − 591 = 5163.5 min.
    expect(totalsInMinutes(report)).toEqual({ gross: 5754.5, msp: 5910, oversight: 591, net: 5163.5 });
  });
});

// ---------------------------------------------------------------------------------------------
// Rule-by-rule cases (small fixtures)
// ---------------------------------------------------------------------------------------------
//
// Shared small history ("June history"): first entry Mon 2026-06-01; cat 1 Mon–Fri 60 min/day.
// Monday weeks 06-01, 06-08, 06-15, 06-22, 06-29, 07-06, 07-13, 07-20 are 8 full weeks of
// 5 × 60 = 300 min → a baseline of 300 min (5 h) for a delegation effective in the week of 07-27.

const JUNE_FIRST_ENTRY = '2026-06-01';
const juneHistory = (to: LocalDay): Pattern => ({ category: 1, from: '2026-06-01', to, weekdays: MON_FRI, minutes: 60 });
const EIGHT_JUNE_WEEKS = ['2026-07-20', '2026-07-13', '2026-07-06', '2026-06-29', '2026-06-22', '2026-06-15', '2026-06-08', '2026-06-01'];
const noMinutes: DailyMinutes = () => 0;

describe('hours reclaimed: rules', () => {
  it('1. a partial week is pro-rated by working days in force: delegation from Wednesday → f = 3/5', () => {
    // Her cat 1: Mon–Fri 60 up to Tue 07-28, then Thu 07-30 20. Delegated from Wed 07-29; today Sun 08-02.
    // Baseline: window 07-20..06-01, 8 × 300 / 8 = 300 min.
    // Week 07-27: in force Wed..Sun → working Wed, Thu, Fri = 3 of 5 → f = 3/5.
    //   300 × 3/5 = 180; her in force = 20 (Mon/Tue 60 each are before the effective day) → 160.
    // MSP Wed–Fri 60 → 180 delivered, oversight 18, net 160 − 18 = 142.
    const report = hoursReclaimed({
      delegations: [delegation(1, 1, '2026-07-29', null)],
      settings: DEFAULTS,
      today: '2026-08-02',
      firstEntryDay: JUNE_FIRST_ENTRY,
      herMinutes: dailyMinutes([juneHistory('2026-07-28')], { '1|2026-07-30': 20 }),
      mspMinutes: dailyMinutes([{ category: 1, from: '2026-07-29', to: '2026-07-31', weekdays: MON_FRI, minutes: 60 }]),
    });
    expect(baselineOf(report, 1)).toEqual({ minutesPerWeek: 300, source: 'measured', windowWeeks: EIGHT_JUNE_WEEKS });
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]!.share).toBeCloseTo(3 / 5, 12);
    expect(rowTable(report)).toEqual([[1, '2026-07-27', 3, 20, 160, 180]]);
    expect(totalsInMinutes(report)).toEqual({ gross: 160, msp: 180, oversight: 18, net: 142 });
  });

  it('2. a week with no working day in force has f = 0; her weekend hours there are clamped by max(0, …) to 0 reclaimed', () => {
    // Her cat 1: Mon–Fri 60 up to Fri 07-31, then Sat 08-01 45. Delegated from Sat 08-01; today Tue 08-04.
    // Baseline: weeks before the week of 07-27 → 07-20..06-01 → 300 min (the week of 07-27 itself is
    // the effective day's week, not in the window).
    // Week 07-27: in force Sat 08-01, Sun 08-02 → 0 working days → f = 0; baseline × 0 = 0;
    //   her in force = 45 (Sat) → max(0, 0 − 45) = 0.
    // Week 08-03: in force Mon 08-03, Tue 08-04 (today) → f = 2/5 → 120 − 0 = 120.
    // Gross 0 + 120 = 120.
    const report = hoursReclaimed({
      delegations: [delegation(1, 1, '2026-08-01', null)],
      settings: DEFAULTS,
      today: '2026-08-04',
      firstEntryDay: JUNE_FIRST_ENTRY,
      herMinutes: dailyMinutes([juneHistory('2026-07-31')], { '1|2026-08-01': 45 }),
      mspMinutes: noMinutes,
    });
    expect(baselineOf(report, 1).minutesPerWeek).toBe(300);
    expect(rowTable(report)).toEqual([
      [1, '2026-07-27', 0, 45, 0, 0],
      [1, '2026-08-03', 2, 0, 120, 0],
    ]);
    expect(report.rows[0]!.share).toBe(0);
    expect(report.rows[0]!.reclaimedHours).toBe(0);
    expect(totalsInMinutes(report)).toEqual({ gross: 120, msp: 0, oversight: 0, net: 120 });
  });

  it('3. a week containing the US fall-back day (Sun 2026-11-01) still has 5 working calendar days', () => {
    // Days are calendar days; the DST change does not alter the count of working days.
    // NOTE: real elapsed durations are the caller's job. Her 01:00–03:00 entry on the fall-back night
    // lasts 3 h of real time (01:00 EDT → 01:00 EST → 03:00 EST), so the caller reports 180 min for
    // Sun 11-01; this function only sums the minutes it is given.
    // History: first entry Mon 08-31; cat 1 Mon–Fri 60 up to Fri 10-23: weeks 08-31 .. 10-19 are
    // 8 full weeks × 300 → baseline 300 min. Delegated from Mon 10-26; today Sun 11-08.
    // Week 10-26 (Mon 10-26..Sun 11-01): f = 5/5; her in force = 180 (Sun 11-01) → 300 − 180 = 120.
    // Week 11-02: f = 5/5; 300 − 0 = 300. Gross 420.
    const report = hoursReclaimed({
      delegations: [delegation(1, 1, '2026-10-26', null)],
      settings: DEFAULTS,
      today: '2026-11-08',
      firstEntryDay: '2026-08-31',
      herMinutes: dailyMinutes([{ category: 1, from: '2026-08-31', to: '2026-10-23', weekdays: MON_FRI, minutes: 60 }], {
        '1|2026-11-01': 180,
      }),
      mspMinutes: noMinutes,
    });
    expect(baselineOf(report, 1)).toEqual({
      minutesPerWeek: 300,
      source: 'measured',
      windowWeeks: ['2026-10-19', '2026-10-12', '2026-10-05', '2026-09-28', '2026-09-21', '2026-09-14', '2026-09-07', '2026-08-31'],
    });
    expect(rowTable(report)).toEqual([
      [1, '2026-10-26', 5, 180, 120, 0],
      [1, '2026-11-02', 5, 0, 300, 0],
    ]);
    expect(report.rows[0]!.share).toBe(1);
    expect(totalsInMinutes(report).gross).toBe(420);
  });

  it('4. a delegation dated after today yields no rows and nothing reclaimed, but its baseline is computed', () => {
    // Today Mon 07-27 (the week of 07-20 is over; today's week never counts as full). Delegated from Wed 07-29.
    // Baseline: window 07-20..06-01, all complete past weeks → 8 × 300 / 8 = 300 min, measured.
    // MSP logged 60 in cat 1 on Fri 07-24: the category was not delegated that day → not delivered.
    const report = hoursReclaimed({
      delegations: [delegation(1, 1, '2026-07-29', null)],
      settings: DEFAULTS,
      today: '2026-07-27',
      firstEntryDay: JUNE_FIRST_ENTRY,
      herMinutes: dailyMinutes([juneHistory('2026-07-24')]),
      mspMinutes: dailyMinutes([], { '1|2026-07-24': 60 }),
    });
    expect(baselineOf(report, 1)).toEqual({ minutesPerWeek: 300, source: 'measured', windowWeeks: EIGHT_JUNE_WEEKS });
    expect(report.rows).toEqual([]);
    expect(report.weeks).toEqual([]);
    expect(totalsInMinutes(report)).toEqual({ gross: 0, msp: 0, oversight: 0, net: 0 });
  });

  it('5. removing a delegation recomputes everything; the re-delegation\'s baseline no longer skips the freed weeks', () => {
    // Main fixture without D2a.
    // D2b's window: from W13 back, nothing to skip → W13..W6:
    //   W13 180, W12 180, W11 420, W10 180, W9 180, W8 60 (Mon 0, Wed 0, Fri 60), W7 30 (Fri 02-20),
    //   W6 180 → 180 × 5 + 420 + 60 + 30 = 1410; 1410 / 8 = 176.25 min/week.
    // D2b rows (baseline 176.25):
    //   W14 f = 2/5 → 70.5; W15 176.25; W16 176.25 − 120 = 56.25; W17 176.25 − 30 = 146.25;
    //   W18 176.25; W19 176.25; W20 f = 3/5 → 105.75.
    //   Sum: 70.5 + 176.25 + 56.25 + 146.25 + 176.25 + 176.25 + 105.75 = 907.5.
    // D1 (3448.5) and D3 (906) are unchanged. Gross = 3448.5 + 907.5 + 906 = 5262.
    // MSP delivered: 5910 − (240 + 180 from D2a's weeks) = 5490; oversight 549; net 5262 − 549 = 4713.
    const before = hoursReclaimed(mainInput([D1, D2a, D2b, D3]));
    const after = hoursReclaimed(mainInput([D1, D2b, D3]));

    expect(baselineOf(before, 3).minutesPerWeek).toBe(210);
    expect(baselineOf(after, 3)).toEqual({
      minutesPerWeek: 176.25,
      source: 'measured',
      windowWeeks: ['2026-03-30', '2026-03-23', '2026-03-16', '2026-03-09', '2026-03-02', '2026-02-23', '2026-02-16', '2026-02-09'],
    });
    expect(baselineOf(after, 1).minutesPerWeek).toBe(592.5);
    expect(baselineOf(after, 4)).toMatchObject({ minutesPerWeek: 360, source: 'estimated' });
    expect(after.baselines.map((b) => b.delegationId)).toEqual([1, 3, 4]);

    expect(rowTable(after).filter((r) => r[0] === 3)).toEqual([
      [3, '2026-04-06', 2, 0, 70.5, 90],
      [3, '2026-04-13', 5, 0, 176.25, 180],
      [3, '2026-04-20', 5, 120, 56.25, 180],
      [3, '2026-04-27', 5, 30, 146.25, 180],
      [3, '2026-05-04', 5, 0, 176.25, 180],
      [3, '2026-05-11', 5, 0, 176.25, 180],
      [3, '2026-05-18', 3, 0, 105.75, 90],
    ]);
    // D2a's weeks W7 and W8 are gone.
    expect(after.weeks.map((w) => w.weekStart)).toEqual([
      '2026-03-30',
      '2026-04-06',
      '2026-04-13',
      '2026-04-20',
      '2026-04-27',
      '2026-05-04',
      '2026-05-11',
      '2026-05-18',
    ]);
    expect(totalsInMinutes(before)).toEqual({ gross: 5754.5, msp: 5910, oversight: 591, net: 5163.5 });
    expect(totalsInMinutes(after)).toEqual({ gross: 5262, msp: 5490, oversight: 549, net: 4713 });
  });

  it('6. the baseline window does not reach before the week of her first time entry (3 weeks of history → average over 3)', () => {
    // First entry Wed 06-03. Cat 1: Wed–Fri 06-03..06-05 60 each = 180; weeks 06-08 and 06-15
    // Mon–Fri 60 = 300 each. Delegated from Mon 06-22; today Fri 06-26.
    // Window: 06-15, 06-08, 06-01 (the week of her first entry is included), then 05-25 is before
    // that week → stop. 3 weeks: (300 + 300 + 180) / 3 = 780 / 3 = 260 min/week.
    // Week 06-22: f = 5/5 (Mon..Fri, today Fri); 260 − 0 = 260.
    const report = hoursReclaimed({
      delegations: [delegation(1, 1, '2026-06-22', null, 600)],
      settings: DEFAULTS,
      today: '2026-06-26',
      firstEntryDay: '2026-06-03',
      herMinutes: dailyMinutes([{ category: 1, from: '2026-06-03', to: '2026-06-19', weekdays: MON_FRI, minutes: 60 }]),
      mspMinutes: noMinutes,
    });
    expect(baselineOf(report, 1)).toEqual({
      minutesPerWeek: 260,
      source: 'measured',
      windowWeeks: ['2026-06-15', '2026-06-08', '2026-06-01'],
    });
    expect(rowTable(report)).toEqual([[1, '2026-06-22', 5, 0, 260, 0]]);
  });

  it('7. no hours in the category in a non-empty window → the typed estimate ("estimated"); no estimate → 0 ("missing")', () => {
    // June history in cat 1 only (first entry 06-01). Today Fri 07-31.
    // Cat 2 delegated from Mon 07-27 with an estimate of 240 min/week: window 07-20..06-01 is
    //   non-empty (8 weeks) but holds 0 minutes of cat 2 → baseline 240 min (4 h), estimated.
    //   Week 07-27: f = 5/5 → 240 − 0 = 240.
    // Cat 3 delegated from Mon 07-27 with no estimate → baseline 0, missing.
    //   Week 07-27: max(0, 0 × 1 − 0) = 0. The MSP's 120 min in cat 3 (Tue 07-28) are still delivered.
    // Week 07-27: gross 240 + 0 = 240; MSP delivered 120; oversight 12; net 228.
    const report = hoursReclaimed({
      delegations: [delegation(1, 2, '2026-07-27', null, 240), delegation(2, 3, '2026-07-27', null, null)],
      settings: DEFAULTS,
      today: '2026-07-31',
      firstEntryDay: JUNE_FIRST_ENTRY,
      herMinutes: dailyMinutes([juneHistory('2026-07-31')]),
      mspMinutes: dailyMinutes([], { '3|2026-07-28': 120 }),
    });
    expect(baselineOf(report, 1)).toEqual({ minutesPerWeek: 240, source: 'estimated', windowWeeks: EIGHT_JUNE_WEEKS });
    expect(baselineOf(report, 2)).toEqual({ minutesPerWeek: 0, source: 'missing', windowWeeks: EIGHT_JUNE_WEEKS });
    expect(rowTable(report)).toEqual([
      [1, '2026-07-27', 5, 0, 240, 0],
      [2, '2026-07-27', 5, 0, 0, 120],
    ]);
    expect(weekTable(report)).toEqual([['2026-07-27', 240, 120, 12, 228]]);

    // And with no history at all (no first entry): the window is empty → the estimate again.
    const noHistory = hoursReclaimed({
      delegations: [delegation(1, 2, '2026-07-27', null, 240)],
      settings: DEFAULTS,
      today: '2026-07-31',
      firstEntryDay: null,
      herMinutes: noMinutes,
      mspMinutes: noMinutes,
    });
    expect(baselineOf(noHistory, 1)).toEqual({ minutesPerWeek: 240, source: 'estimated', windowWeeks: [] });
    expect(totalsInMinutes(noHistory).gross).toBe(240);
  });

  it('8. the baseline averages the N most recent weeks for the configured N (N = 4)', () => {
    // First entry Mon 06-01. Cat 1: weeks 06-01..06-22 Mon–Fri 120 (600/week); weeks 06-29..07-20
    // Mon–Fri 60 (300/week). Delegated from Mon 07-27; today Fri 07-31.
    // N = 4: window 07-20, 07-13, 07-06, 06-29 → 4 × 300 / 4 = 300 min. Week 07-27: 300 − 0 = 300.
    // (With N = 8 it would be (4 × 300 + 4 × 600) / 8 = 3600 / 8 = 450 min, reclaimed 450.)
    const input = (baselineWeeks: number): ReclaimedInput => ({
      delegations: [delegation(1, 1, '2026-07-27', null)],
      settings: { ...DEFAULTS, baselineWeeks },
      today: '2026-07-31',
      firstEntryDay: JUNE_FIRST_ENTRY,
      herMinutes: dailyMinutes([
        { category: 1, from: '2026-06-01', to: '2026-06-26', weekdays: MON_FRI, minutes: 120 },
        { category: 1, from: '2026-06-29', to: '2026-07-24', weekdays: MON_FRI, minutes: 60 },
      ]),
      mspMinutes: noMinutes,
    });
    const four = hoursReclaimed(input(4));
    expect(baselineOf(four, 1)).toEqual({
      minutesPerWeek: 300,
      source: 'measured',
      windowWeeks: ['2026-07-20', '2026-07-13', '2026-07-06', '2026-06-29'],
    });
    expect(totalsInMinutes(four).gross).toBe(300);

    const eight = hoursReclaimed(input(8));
    expect(baselineOf(eight, 1).minutesPerWeek).toBe(450);
    expect(totalsInMinutes(eight).gross).toBe(450);
  });

  it('9. weekStartsOn = Sunday regroups the days into different weeks (window and rows)', () => {
    // First entry Mon 06-01. Cat 1: Mon–Fri 60 from 06-01 to Fri 07-24, plus Sat 07-25 120 and
    // Sun 07-26 30. Delegated from Sun 07-26; today Sat 08-01.
    //
    // Monday weeks: Sun 07-26 belongs to the week 07-20..07-26.
    //   Window: 07-13, 07-06, 06-29, 06-22, 06-15, 06-08, 06-01, then 05-25 is before the week of the
    //   first entry → 7 weeks × 300 / 7 = 300 min. (Sat 07-25 is in the effective day's week: not used.)
    //   Week 07-20: only Sun 07-26 in force → f = 0; her 30 → max(0, 0 − 30) = 0.
    //   Week 07-27: Mon 07-27..Sat 08-01 in force → f = 5/5 → 300 − 0 = 300. Gross 300.
    //
    // Sunday weeks: Sun 07-26 starts the week 07-26..08-01; her first entry's week starts Sun 05-31.
    //   Window: 07-19 (Mon–Fri 300 + Sat 07-25 120 = 420), 07-12, 07-05, 06-28, 06-21, 06-14, 06-07,
    //   05-31 (each 300) → (420 + 7 × 300) / 8 = 2520 / 8 = 315 min.
    //   Week 07-26: Sun 07-26..Sat 08-01 in force → working Mon–Fri = 5/5 → 315 − 30 = 285. Gross 285.
    const input = (weekStartsOn: number): ReclaimedInput => ({
      delegations: [delegation(1, 1, '2026-07-26', null)],
      settings: { ...DEFAULTS, weekStartsOn },
      today: '2026-08-01',
      firstEntryDay: JUNE_FIRST_ENTRY,
      herMinutes: dailyMinutes([juneHistory('2026-07-24')], { '1|2026-07-25': 120, '1|2026-07-26': 30 }),
      mspMinutes: noMinutes,
    });

    const monday = hoursReclaimed(input(1));
    expect(baselineOf(monday, 1)).toEqual({
      minutesPerWeek: 300,
      source: 'measured',
      windowWeeks: ['2026-07-13', '2026-07-06', '2026-06-29', '2026-06-22', '2026-06-15', '2026-06-08', '2026-06-01'],
    });
    expect(rowTable(monday)).toEqual([
      [1, '2026-07-20', 0, 30, 0, 0],
      [1, '2026-07-27', 5, 0, 300, 0],
    ]);
    expect(totalsInMinutes(monday).gross).toBe(300);

    const sunday = hoursReclaimed(input(0));
    expect(baselineOf(sunday, 1)).toEqual({
      minutesPerWeek: 315,
      source: 'measured',
      windowWeeks: ['2026-07-19', '2026-07-12', '2026-07-05', '2026-06-28', '2026-06-21', '2026-06-14', '2026-06-07', '2026-05-31'],
    });
    expect(rowTable(sunday)).toEqual([[1, '2026-07-26', 5, 30, 285, 0]]);
    expect(weekTable(sunday)).toEqual([['2026-07-26', 285, 0, 0, 285]]);
  });

  it('10. oversight can make a week\'s net negative: reclaimed 0, MSP hours large', () => {
    // June history → baseline 300 min. Delegated from Mon 07-27; today Fri 07-31.
    // She still logs 120 on Mon, Tue, Wed (360 in force) → max(0, 300 − 360) = 0 reclaimed.
    // MSP: Mon–Fri 240 = 1200 min (20 h) delivered → oversight 10 % = 120 min → net 0 − 120 = −120 (−2 h).
    // With an oversight share of 25 %: 0.25 × 1200 = 300 → net −300 (−5 h).
    const input = (oversightShare: number): ReclaimedInput => ({
      delegations: [delegation(1, 1, '2026-07-27', null)],
      settings: { ...DEFAULTS, oversightShare },
      today: '2026-07-31',
      firstEntryDay: JUNE_FIRST_ENTRY,
      herMinutes: dailyMinutes([juneHistory('2026-07-24')], { '1|2026-07-27': 120, '1|2026-07-28': 120, '1|2026-07-29': 120 }),
      mspMinutes: dailyMinutes([{ category: 1, from: '2026-07-27', to: '2026-07-31', weekdays: MON_FRI, minutes: 240 }]),
    });
    const report = hoursReclaimed(input(0.1));
    expect(rowTable(report)).toEqual([[1, '2026-07-27', 5, 360, 0, 1200]]);
    expect(weekTable(report)).toEqual([['2026-07-27', 0, 1200, 120, -120]]);
    expect(totalsInMinutes(report)).toEqual({ gross: 0, msp: 1200, oversight: 120, net: -120 });
    expect(report.totals.netHours).toBeCloseTo(-2, 12);

    expect(weekTable(hoursReclaimed(input(0.25)))).toEqual([['2026-07-27', 0, 1200, 300, -300]]);
  });
});

describe('cost comparison (hand-computed)', () => {
  // Contract: $4,000/month, 40 h included (2,400 min), $120/h overage.
  const contract: MspContract = { id: 1, startDay: '2026-01-01', monthlyFeeCents: 400_000, includedMinutes: 2_400, overageRateCents: 12_000 };
  const costs: CostSettings = { managerAnnualSalary: 95_000, hireAnnualSalary: 60_000, overheadPercent: 30 };

  it('11a. a month above the included hours pays overage on ALL MSP hours of the month (main fixture, April 2026)', () => {
    // "all MSP hours in the month" — every category, delegated or not. April 2026 in the main fixture:
    //   cat 1: Mon–Fri 100 from Wed 04-01: 22 weekdays (04-01..03, 06..10, 13..17, 20..24, 27..30)
    //          = 2200, + Sat 04-11 30 → 2230
    //   cat 2: Tue 04-07 90 (before D2b, still MSP hours) + Tue/Thu 90 on 04-09, 14, 16, 21, 23, 28, 30
    //          (7 × 90 = 630) → 720
    //   cat 4: 04-14 120
    //   total 2230 + 720 + 120 = 3070 min = 51 h 10 min.
    // Overage: (3070 − 2400) / 60 = 670 / 60 = 11 1/6 h × $120 = $1,340 = 134,000 cents.
    // Total: 400,000 + 134,000 = 534,000 cents ($5,340).
    expect(sumOver(mspMain, [1, 2, 3, 4], '2026-04-01', '2026-04-30')).toBe(3070);
    const april = mspMonthCost(contract, 3070);
    expect(april.feeCents).toBe(400_000);
    expect(Math.round(april.overageHours * 60)).toBe(670);
    expect(april.overageCents).toBeCloseTo(134_000, 6);
    expect(april.totalCents).toBeCloseTo(534_000, 6);
  });

  it('11b. a month below the included hours costs exactly the monthly fee (main fixture, March 2026)', () => {
    // March 2026 MSP minutes: cat 2 Mon 03-09 60 + cat 1 Tue 03-31 60 = 120 min (2 h) < 40 h.
    // max(0, 2 − 40) = 0 → 400,000 cents.
    expect(sumOver(mspMain, [1, 2, 3, 4], '2026-03-01', '2026-03-31')).toBe(120);
    expect(mspMonthCost(contract, 120)).toEqual({ feeCents: 400_000, overageHours: 0, overageCents: 0, totalCents: 400_000 });
  });

  it('11c. cost of a hire = salary × (1 + overhead); loaded hourly = 95,000 × 1.30 / 2080 = 59.375; value = net × hourly', () => {
    // Hire: 60,000 × 1.30 = 78,000 per year.
    expect(hireAnnualCost(costs)).toBeCloseTo(78_000, 6);
    // Her loaded hourly cost: 95,000 × 1.30 = 123,500; / 2,080 = 59.375.
    expect(loadedHourlyCost(costs)).toBeCloseTo(59.375, 9);
    // Value of 100.5 net hours: 100.5 × 59.375 = 5,937.5 + 29.6875 = 5,967.1875.
    expect(reclaimedValue(100.5, costs)).toBeCloseTo(5_967.1875, 6);
    // Value of the main fixture's net 5163.5 min = 86.058333… h: × 59.375 = 5163.5 × 59.375 / 60
    //   = 306,582.8125 / 60 = 5,109.713541… (a negative net gives a negative value).
    expect(reclaimedValue(5163.5 / 60, costs)).toBeCloseTo(5_109.7135417, 6);
    expect(reclaimedValue(-2, costs)).toBeCloseTo(-118.75, 9);
  });

  it('11d. the contract in force in a month is the latest one started on or before the month\'s last day; a week counts toward the month of its 4th day', () => {
    const later: MspContract = { ...contract, id: 2, startDay: '2026-04-15', monthlyFeeCents: 450_000 };
    expect(contractForMonth([contract, later], '2026-03')?.id).toBe(1);
    expect(contractForMonth([contract, later], '2026-04')?.id).toBe(2); // started 04-15 ≤ 04-30
    expect(contractForMonth([later, contract], '2026-05')?.id).toBe(2);
    expect(contractForMonth([contract, later], '2025-12')).toBeUndefined();
  });
});

describe('what-if (hand-computed)', () => {
  it('12. "delegate Desktop support + Server admin and your average week drops from 61 h to 43 h"', () => {
    // Category averages: 1 Desktop support 14, 2 Server admin 4, 3 Tech support 12, 4 Network 20,
    // 5 Research & strategy 11 → 14 + 4 + 12 + 20 + 11 = 61 h.
    // Selected 1 + 2 → 14 + 4 = 18 h handed off; 61 − 18 = 43 h.
    // Oversight: 0.1 × 18 = 1.8 h/week. Net per year: (18 − 1.8) × 52 = 16.2 × 52 = 842.4 h.
    // MSP cost, assuming the MSP spends her 18 h/week: 18 × 52 / 12 = 78 h/month;
    //   overage (78 − 40) × $120 = $4,560; month $4,000 + $4,560 = $8,560; year × 12 = $102,720.
    // Hire: 60,000 × 1.3 = 78,000. Value: 842.4 × 59.375 = 49,701.6 + 315.9 = 50,017.5.
    const contract: MspContract = { id: 1, startDay: '2026-01-01', monthlyFeeCents: 400_000, includedMinutes: 2_400, overageRateCents: 12_000 };
    const costs: CostSettings = { managerAnnualSalary: 95_000, hireAnnualSalary: 60_000, overheadPercent: 30 };
    const averageWeeklyHours = new Map([
      [1, 14],
      [2, 4],
      [3, 12],
      [4, 20],
      [5, 11],
    ]);
    const result = whatIf({ averageWeeklyHours, windowWeeks: 8, selectedCategoryIds: [1, 2], oversightShare: 0.1, contract, costs });
    expect(result.averageWeekNow).toBeCloseTo(61, 9);
    expect(result.handedOffWeekly).toBeCloseTo(18, 9);
    expect(result.averageWeekAfter).toBeCloseTo(43, 9);
    expect(result.oversightWeekly).toBeCloseTo(1.8, 9);
    expect(result.netReclaimedPerYear).toBeCloseTo(842.4, 9);
    expect(result.mspAnnualCost).toBeCloseTo(102_720, 6);
    expect(result.hireAnnualCost).toBeCloseTo(78_000, 6);
    expect(result.netReclaimedValuePerYear).toBeCloseTo(50_017.5, 6);

    // Without a contract there is no MSP cost to show.
    expect(whatIf({ averageWeeklyHours, windowWeeks: 8, selectedCategoryIds: [1, 2], oversightShare: 0.1, contract: undefined, costs }).mspAnnualCost).toBeNull();
  });
});

describe('baseline of a delegation dated in the future', () => {
  it('averages only weeks that are over: the unfinished current week and future weeks never count', async () => {
    const { baselineFor } = await import('../../shared/domain/hours-reclaimed');
    // She logs 60 min every weekday from Mon 2026-06-01 to Fri 2026-07-17 (7 weeks × 300 min).
    // Today is Wed 2026-07-22; the delegation starts Wed 2026-08-05 (week of 08-03).
    // Weeks before the effective week: 07-27 (future), 07-20 (current, unfinished) — both skipped.
    // Window: 07-13, 07-06, 06-29, 06-22, 06-15, 06-08, 06-01 = 7 weeks (first-entry floor), 2100 min.
    // Baseline = 2100 / 7 = 300 min = 5 h a week.
    const herMinutes = (_category: number, day: string) => {
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      return day >= '2026-06-01' && day <= '2026-07-17' && weekday >= 1 && weekday <= 5 ? 60 : 0;
    };
    const baseline = baselineFor(
      { id: 1, categoryId: 7, startDay: '2026-08-05', endDay: null, estimatedWeeklyMinutes: null, note: '' },
      [],
      { settings: { weekStartsOn: 1, workingDays: [1, 2, 3, 4, 5], baselineWeeks: 8, oversightShare: 0.1 }, firstEntryDay: '2026-06-01', herMinutes, today: '2026-07-22' },
    );
    expect(baseline.windowWeeks).toEqual(['2026-07-13', '2026-07-06', '2026-06-29', '2026-06-22', '2026-06-15', '2026-06-08', '2026-06-01']);
    expect(baseline.weeklyHours * 60).toBe(300);
    expect(baseline.source).toBe('measured');
  });
});

describe('monthly figures (hand-computed)', () => {
  const settings: ReclaimedSettings = { weekStartsOn: 1, workingDays: MON_FRI, baselineWeeks: 8, oversightShare: 0.1 };
  const estimated = (id: number, startDay: LocalDay, endDay: LocalDay | null, weeklyMinutes: number): Delegation => ({
    id,
    categoryId: 7,
    startDay,
    endDay,
    estimatedWeeklyMinutes: weeklyMinutes,
    note: '',
  });

  it('split a week with Mon–Tue in March and Wed–Fri in April 2/5 to March and 3/5 to April; delivered hours by their day', () => {
    // Week of Mon 2026-03-30: baseline 10 h (estimated), f = 5/5, her hours 0 → 10 h reclaimed:
    // March 2/5 × 10 = 4 h, April 3/5 × 10 = 6 h. MSP: 2 h Tue 03-31 (March), 3 h Thu 04-02 (April).
    // Oversight 10 %: March 0.2, April 0.3. Net: March 3.8, April 5.7; total 9.5.
    const report = hoursReclaimed({
      delegations: [estimated(1, '2026-03-30', '2026-04-03', 600)],
      settings,
      today: '2026-04-10',
      firstEntryDay: null,
      herMinutes: () => 0,
      mspMinutes: (_category, day) => (day === '2026-03-31' ? 120 : day === '2026-04-02' ? 180 : 0),
    });
    expect(report.months.map((month) => [month.month, min(month.grossHours), min(month.mspDeliveredHours), min(month.oversightHours), min(month.netHours)])).toStrictEqual([
      ['2026-03', 240, 120, 12, 228],
      ['2026-04', 360, 180, 18, 342],
    ]);
    expect(min(report.months.reduce((total, month) => total + month.netHours, 0))).toBe(min(report.totals.netHours));
  });

  it('file the current week under the months its in-force days so far fall in: on Mon Nov 30 it is all November', () => {
    // Delegated from Mon 2026-11-23, estimate 10 h. Today Mon 11-30: week of 11-23 f = 1 → 10 h (November);
    // week of 11-30 f = 1/5 (only today) → 2 h, on Monday Nov 30 → November. Nothing is filed under December.
    const report = hoursReclaimed({
      delegations: [estimated(1, '2026-11-23', null, 600)],
      settings,
      today: '2026-11-30',
      firstEntryDay: null,
      herMinutes: () => 0,
      mspMinutes: () => 0,
    });
    expect(report.months.map((month) => [month.month, min(month.grossHours)])).toStrictEqual([['2026-11', 720]]);
    expect(min(report.totals.grossHours)).toBe(720);
  });

  it('add up to the total exactly over a long mixed history', () => {
    const report = hoursReclaimed({
      delegations: [estimated(1, '2025-01-15', '2025-09-03', 437), estimated(2, '2025-10-02', null, 250)],
      settings,
      today: '2026-11-18',
      firstEntryDay: null,
      herMinutes: (_category, day) => (day.endsWith('7') ? 33 : 0),
      mspMinutes: (_category, day) => (day.endsWith('1') ? 95 : 0),
    });
    const sum = (pick: (month: (typeof report.months)[number]) => number) => report.months.reduce((total, month) => total + pick(month), 0);
    expect(min(sum((month) => month.grossHours))).toBe(min(report.totals.grossHours));
    expect(min(sum((month) => month.mspDeliveredHours))).toBe(min(report.totals.mspDeliveredHours));
    expect(min(sum((month) => month.netHours))).toBe(min(report.totals.netHours));
  });
});
