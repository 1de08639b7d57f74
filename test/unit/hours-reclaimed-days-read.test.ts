import { describe, expect, it } from 'vitest';
import type { LocalDay } from '../../shared/domain/day';
import type { Delegation } from '../../shared/domain/delegation';
import { daysRead, hoursReclaimed, type CategoryDays, type DailyMinutes, type ReclaimedSettings } from '../../shared/domain/hours-reclaimed';

/*
 * The report loads only the days `daysRead` names (a baseline's weeks and the days in force, per
 * category) instead of everything since her first entry. That is only right if `hoursReclaimed`
 * never reads a day outside them: every read below is recorded and checked against the spans,
 * and the figures from minutes limited to the spans equal the figures from all the minutes.
 */

const settings: ReclaimedSettings = { weekStartsOn: 1, workingDays: [1, 2, 3, 4, 5], baselineWeeks: 4, oversightShare: 0.1 };

const delegation = (id: number, categoryId: number, startDay: LocalDay, endDay: LocalDay | null, estimatedWeeklyMinutes: number | null = null): Delegation => ({
  id,
  categoryId,
  startDay,
  endDay,
  estimatedWeeklyMinutes,
  note: '',
});

/** Some minutes on every day of 2024–2026 in categories 1–4, varying by day and category. */
const minutes: DailyMinutes = (categoryId, day) => ((Number(day.slice(8, 10)) * 7 + categoryId * 13 + Number(day.slice(5, 7))) % 50) + 0.25;

function recording(spans: CategoryDays[], reads: string[]): DailyMinutes {
  return (categoryId, day) => {
    const inside = spans.some((span) => span.categoryId === categoryId && span.from <= day && day <= span.to);
    if (!inside) reads.push(`${categoryId} ${day}`);
    return inside ? minutes(categoryId, day) : 0;
  };
}

const cases: { name: string; delegations: Delegation[]; firstEntryDay: LocalDay | null }[] = [
  {
    name: 'a long delegation, one taken back and given again (weeks in force skipped by the baseline), a short one',
    delegations: [
      delegation(1, 1, '2024-03-06', null),
      delegation(2, 2, '2024-05-01', '2025-01-31'),
      delegation(3, 2, '2025-02-20', null),
      delegation(4, 3, '2025-12-22', '2026-01-04', 300),
    ],
    firstEntryDay: '2024-01-02',
  },
  {
    name: 'a baseline cut short by her first entry, a delegation dated in the future, one ending today',
    delegations: [delegation(1, 4, '2024-01-20', '2026-11-20'), delegation(2, 1, '2026-12-07', null, 120), delegation(3, 3, '2026-06-15', null)],
    firstEntryDay: '2024-01-10',
  },
  { name: 'no entries at all', delegations: [delegation(1, 1, '2025-01-01', null, 60)], firstEntryDay: null },
];

describe('the days the hours-reclaimed figures read', () => {
  for (const { name, delegations, firstEntryDay } of cases) {
    it(`are the spans daysRead names, and those alone give the same figures: ${name}`, () => {
      const dates = { delegations, settings, today: '2026-11-20', firstEntryDay };
      const spans = daysRead(dates);
      const outside: string[] = [];
      const limited = hoursReclaimed({ ...dates, herMinutes: recording(spans.her, outside), mspMinutes: recording(spans.msp, outside) });
      expect(outside).toEqual([]);
      expect(limited).toEqual(hoursReclaimed({ ...dates, herMinutes: minutes, mspMinutes: minutes }));
    });
  }
});
