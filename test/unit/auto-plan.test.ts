import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoPlan, type AutoPlan, type PlanCandidate, type PlanDay } from '../../shared/domain/auto-plan';
import type { LocalDay } from '../../shared/domain/day';
import type { Priority } from '../../shared/domain/types';

/*
 * "Plan my week", hand-computed. The week is Mon 2026-11-16 … Sun 2026-11-22; today is Tue 11-17.
 * Free room of a day = capacity − reserve − fixed load, worked out in minutes in the comments.
 */

const TODAY = '2026-11-17';
const WEEK: LocalDay[] = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];

const day = (date: LocalDay, capacityHours: number, reserveHours: number, fixedHours: number): PlanDay => ({
  day: date,
  capacityHours,
  reserveHours,
  fixedHours,
});
const task = (
  id: number,
  estimateMinutes: number | null,
  dueDay: LocalDay | null,
  priority: Priority = 0,
  createdAt = id * 1000,
): PlanCandidate => ({ id, estimateMinutes, dueDay, priority, createdAt });

const min = (hours: number): number => Math.round(hours * 60 * 1000) / 1000;
/** Per day: [day, placed min, load min, free min]. */
const dayTable = (plan: AutoPlan) => plan.days.map((d) => [d.day, min(d.placedHours), min(d.loadHours), min(d.freeHours)] as const);

describe('plan my week', () => {
  // Mon is over (no room to plan); Tue 8 − 1 − 5 = 2 h = 120 min; Wed 8 − 1 − 2 = 5 h = 300 min;
  // Thu is a day off (capacity 0); Fri 8 − 0.5 − 0 = 7 h 30 min = 450 min; the weekend has no capacity.
  const ROOMY: PlanDay[] = [
    day('2026-11-16', 8, 1, 3),
    day('2026-11-17', 8, 1, 5),
    day('2026-11-18', 8, 1, 2),
    day('2026-11-19', 0, 0, 0),
    day('2026-11-20', 8, 0.5, 0),
    day('2026-11-21', 0, 0, 0),
    day('2026-11-22', 0, 0, 0),
  ];
  const EVERYTHING_FITS: PlanCandidate[] = [
    task(1, 90, '2026-11-18', 1),
    task(2, 60, '2026-11-18', 3),
    task(3, 240, null, 3),
    task(4, 120, '2026-11-20', 0),
    task(5, 30, '2026-11-10', 0),
  ];

  it('fills the earliest day with room by due day, then priority; everything fits and nothing is overbooked', () => {
    // Order: 5 (overdue 11-10), 2 (11-18, !!!), 1 (11-18, !), 4 (11-20), 3 (undated).
    // 5: Tue 120 → 90. 2: Tue 90 → 30. 1 (90): Tue too full, Wed 300 → 210. 4 (120): Wed 210 → 90.
    // 3 (240): Tue 30 and Wed 90 too small, Thu off, Fri 450 → 210.
    const plan = autoPlan({ today: TODAY, days: ROOMY, candidates: EVERYTHING_FITS });
    expect(plan.placements).toEqual([
      { taskId: 5, day: '2026-11-17' },
      { taskId: 2, day: '2026-11-17' },
      { taskId: 1, day: '2026-11-18' },
      { taskId: 4, day: '2026-11-18' },
      { taskId: 3, day: '2026-11-20' },
    ]);
    expect(plan.unplaced).toEqual([]);
    // Load = fixed + placed + reserve. Tue 300 + 90 + 60 = 450; Wed 120 + 210 + 60 = 390; Fri 0 + 240 + 30 = 270.
    expect(dayTable(plan)).toEqual([
      ['2026-11-16', 0, 240, 0],
      ['2026-11-17', 90, 450, 30],
      ['2026-11-18', 210, 390, 90],
      ['2026-11-19', 0, 0, 0],
      ['2026-11-20', 240, 270, 210],
      ['2026-11-21', 0, 0, 0],
      ['2026-11-22', 0, 0, 0],
    ]);
  });

  it('keeps fixed items where they are: every day’s fixed load, capacity and reserve come back unchanged', () => {
    const plan = autoPlan({ today: TODAY, days: ROOMY, candidates: EVERYTHING_FITS });
    expect(plan.days.map(({ day: date, capacityHours, reserveHours, fixedHours }) => ({ day: date, capacityHours, reserveHours, fixedHours }))).toEqual(ROOMY);
  });

  it('lists the two tasks that do not fit, with why', () => {
    // Tue 8 − 1 − 5 = 120 min; Wed 8 − 0 − 7 = 60 min; Fri 8 − 1 − 4 = 180 min.
    const days = [day('2026-11-17', 8, 1, 5), day('2026-11-18', 8, 0, 7), day('2026-11-19', 0, 0, 0), day('2026-11-20', 8, 1, 4)];
    const candidates = [task(10, 150, '2026-11-18', 2), task(11, 170, '2026-11-20'), task(12, 100, null, 2), task(13, 90, null, 1)];
    // 10 (150, due Wed): Tue 120 and Wed 60 too small; Fri is after its due day → no room before due.
    // 11 (170): Tue, Wed too small; Fri 180 → 10. 12 (100): Tue 120 → 20. 13 (90): Tue 20, Wed 60, Fri 10 → no room.
    const plan = autoPlan({ today: TODAY, days, candidates });
    expect(plan.placements).toEqual([
      { taskId: 11, day: '2026-11-20' },
      { taskId: 12, day: '2026-11-17' },
    ]);
    expect(plan.unplaced).toEqual([
      { taskId: 10, reason: 'no-room-before-due' },
      { taskId: 13, reason: 'no-room' },
    ]);
  });

  it('a task larger than every day’s full free room is too big; a task without an estimate is not placed', () => {
    // Largest free room before planning: Fri 180 min. 200 min is too big although the week has 360 min free.
    const days = [day('2026-11-17', 8, 1, 5), day('2026-11-18', 8, 0, 7), day('2026-11-20', 8, 1, 4)];
    const plan = autoPlan({ today: TODAY, days, candidates: [task(20, 200, null), task(21, null, '2026-11-18', 3), task(22, 180, null)] });
    expect(plan.placements).toEqual([{ taskId: 22, day: '2026-11-20' }]);
    expect(plan.unplaced).toEqual([
      { taskId: 21, reason: 'no-estimate' },
      { taskId: 20, reason: 'too-big' },
    ]);
  });

  it('a week with no room left at all says no room, not too big', () => {
    const days = [day('2026-11-17', 8, 1, 7), day('2026-11-18', 8, 0, 9)];
    expect(autoPlan({ today: TODAY, days, candidates: [task(30, 30, null)] }).unplaced).toEqual([{ taskId: 30, reason: 'no-room' }]);
  });

  it('the reserve is held back: 8 h capacity with a 2 h reserve takes 6 h, not a minute more', () => {
    const days = [day('2026-11-17', 8, 2, 0)];
    const plan = autoPlan({ today: TODAY, days, candidates: [task(40, 361, null), task(41, 360, null)] });
    expect(plan.placements).toEqual([{ taskId: 41, day: '2026-11-17' }]);
    expect(plan.unplaced).toEqual([{ taskId: 40, reason: 'too-big' }]);
  });

  it('never uses a day before today or a day without capacity, and never books a day that is already full', () => {
    // Mon is over; Tue has fixed load beyond capacity − reserve (free room 0, not negative); Wed is a day off.
    const days = [day('2026-11-16', 8, 0, 0), day('2026-11-17', 8, 1, 8), day('2026-11-18', 0, 0, 0), day('2026-11-19', 8, 0, 0)];
    const plan = autoPlan({ today: TODAY, days, candidates: [task(50, 60, '2026-11-16')] });
    expect(plan.placements).toEqual([{ taskId: 50, day: '2026-11-19' }]);
    expect(dayTable(plan)[1]).toEqual(['2026-11-17', 0, 540, 0]);
  });

  it('a task due on a day without capacity goes on a day before it', () => {
    // Due Thu (off): Tue is full, so it goes on Wed, not on Fri.
    const days = [day('2026-11-17', 8, 0, 8), day('2026-11-18', 8, 0, 4), day('2026-11-19', 0, 0, 0), day('2026-11-20', 8, 0, 0)];
    expect(autoPlan({ today: TODAY, days, candidates: [task(60, 120, '2026-11-19')] }).placements).toEqual([
      { taskId: 60, day: '2026-11-18' },
    ]);
  });

  it('equal due days and priorities go by age, then id', () => {
    const days = [day('2026-11-17', 1, 0, 0), day('2026-11-18', 1, 0, 0), day('2026-11-19', 1, 0, 0)];
    const candidates = [task(72, 60, null, 2, 500), task(71, 60, null, 2, 500), task(70, 60, null, 2, 900)];
    expect(autoPlan({ today: TODAY, days, candidates }).placements).toEqual([
      { taskId: 71, day: '2026-11-17' },
      { taskId: 72, day: '2026-11-18' },
      { taskId: 70, day: '2026-11-19' },
    ]);
  });

  it('is deterministic: the same input twice, or in another order, gives the same plan', () => {
    const input = { today: TODAY, days: ROOMY, candidates: EVERYTHING_FITS };
    const first = autoPlan(input);
    expect(autoPlan(input)).toEqual(first);
    expect(autoPlan({ today: TODAY, days: [...ROOMY].reverse(), candidates: [...EVERYTHING_FITS].reverse() })).toEqual(first);
    const shuffled = [EVERYTHING_FITS[3]!, EVERYTHING_FITS[0]!, EVERYTHING_FITS[4]!, EVERYTHING_FITS[2]!, EVERYTHING_FITS[1]!];
    expect(autoPlan({ today: TODAY, days: ROOMY, candidates: shuffled })).toEqual(first);
  });
});

describe('plan my week, for any week', () => {
  const quarterHours = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((quarters) => quarters / 4);
  const planDay = (date: LocalDay) =>
    fc.record({
      day: fc.constant(date),
      capacityHours: fc.constantFrom(0, 4, 6.5, 8, 10),
      reserveHours: fc.oneof(quarterHours(3), fc.integer({ min: 0, max: 300 }).map((minutes) => minutes / 60 / 3)),
      fixedHours: quarterHours(10),
    });
  const dueDays = ['2026-11-10', '2026-11-15', ...WEEK, '2026-11-25'];
  const candidate = (id: number) =>
    fc.record({
      id: fc.constant(id),
      estimateMinutes: fc.option(fc.integer({ min: 0, max: 720 }), { freq: 8 }),
      dueDay: fc.option(fc.constantFrom(...dueDays), { freq: 2 }),
      priority: fc.constantFrom<Priority>(0, 1, 2, 3),
      createdAt: fc.integer({ min: 0, max: 20 }),
    });
  const week = fc.record({
    today: fc.constantFrom(...WEEK),
    days: fc.tuple(...WEEK.map(planDay)),
    candidates: fc.integer({ min: 0, max: 25 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => candidate(index + 1)))),
    shuffleKeys: fc.array(fc.integer(), { minLength: 25, maxLength: 25 }),
  });
  const NOISE = 1e-6;

  it('never books a day past capacity − reserve, nor a day before today or without capacity', () => {
    fc.assert(
      fc.property(week, ({ today, days, candidates }) => {
        const plan = autoPlan({ today, days, candidates });
        for (const planned of plan.days) {
          const placedHere = plan.placements.filter((placement) => placement.day === planned.day);
          if (placedHere.length === 0) continue;
          expect(planned.day >= today && planned.capacityHours > 0).toBe(true);
          const booked = (planned.fixedHours + planned.placedHours) * 60;
          expect(booked).toBeLessThanOrEqual((planned.capacityHours - planned.reserveHours) * 60 + NOISE);
          expect(planned.loadHours).toBeLessThanOrEqual(planned.capacityHours + NOISE);
        }
      }),
    );
  });

  it('places or lists every candidate exactly once', () => {
    fc.assert(
      fc.property(week, ({ today, days, candidates }) => {
        const plan = autoPlan({ today, days, candidates });
        const ids = [...plan.placements.map((p) => p.taskId), ...plan.unplaced.map((u) => u.taskId)].sort((a, b) => a - b);
        expect(ids).toEqual(candidates.map((c) => c.id).sort((a, b) => a - b));
      }),
    );
  });

  it('places a task due in the week on or before its due day, unless it was due before the first usable day', () => {
    fc.assert(
      fc.property(week, ({ today, days, candidates }) => {
        const plan = autoPlan({ today, days, candidates });
        const firstUsable = days.find((d) => d.day >= today && d.capacityHours > 0)?.day;
        for (const placement of plan.placements) {
          const due = candidates.find((c) => c.id === placement.taskId)?.dueDay ?? null;
          if (due !== null && firstUsable !== undefined && due >= firstUsable && due <= WEEK[6]!) {
            expect(placement.day <= due).toBe(true);
          }
        }
      }),
    );
  });

  it('a task listed for lack of room really fits on none of the days it could have taken', () => {
    fc.assert(
      fc.property(week, ({ today, days, candidates }) => {
        const plan = autoPlan({ today, days, candidates });
        for (const { taskId, reason } of plan.unplaced) {
          if (reason !== 'no-room' && reason !== 'no-room-before-due') continue;
          const task = candidates.find((c) => c.id === taskId)!;
          const open = plan.days.filter(
            (d) => d.day >= today && d.capacityHours > 0 && (reason === 'no-room' || d.day <= task.dueDay!),
          );
          for (const d of open) expect(d.freeHours * 60).toBeLessThan(task.estimateMinutes! + NOISE);
        }
      }),
    );
  });

  it('keeps fixed items and gives the same plan whatever the order of the input', () => {
    fc.assert(
      fc.property(week, ({ today, days, candidates, shuffleKeys }) => {
        const plan = autoPlan({ today, days, candidates });
        const shuffle = <T>(items: readonly T[]) =>
          items.map((item, index) => ({ item, key: shuffleKeys[index % shuffleKeys.length]! })).sort((a, b) => a.key - b.key).map(({ item }) => item);
        expect(autoPlan({ today, days: shuffle(days), candidates: shuffle(candidates) })).toEqual(plan);
        expect(plan.days.map((d) => d.fixedHours)).toEqual(days.map((d) => d.fixedHours));
      }),
    );
  });
});
