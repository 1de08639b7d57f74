import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeOff } from '../../shared/domain/capacity';
import { coverageReadiness, proposeHandover, type CoverageReport, type CoverageTask } from '../../shared/domain/coverage';
import { addDays, type LocalDay } from '../../shared/domain/day';
import { conflictingDelegation, periodsOverlap, type Delegation } from '../../shared/domain/delegation';

/*
 * PRODUCT.md "Coverage readiness", hand-counted. Vacation: Mon 2026-12-21 … Thu 2026-12-31.
 * Categories: 1 Tech support (delegated since 06-01, open-ended), 2 Server administration
 * (temporarily delegated Thu 12-24 … Sun 12-27), 3 Desktop maintenance and 4 Network (not delegated).
 */

const VACATION: TimeOff = { startDay: '2026-12-21', endDay: '2026-12-31' };

const delegation = (id: number, categoryId: number, startDay: LocalDay, endDay: LocalDay | null): Delegation => ({
  id,
  categoryId,
  startDay,
  endDay,
  estimatedWeeklyMinutes: null,
  note: '',
});
const DELEGATIONS = [delegation(1, 1, '2026-06-01', null), delegation(2, 2, '2026-12-24', '2026-12-27')];

const task = (id: number, fields: Partial<CoverageTask>): CoverageTask => ({
  id,
  owner: 'me',
  keepOwner: false,
  categoryId: null,
  plannedDay: null,
  dueDay: null,
  seriesId: null,
  ...fields,
});

const TASKS: CoverageTask[] = [
  task(1, { categoryId: 1, plannedDay: '2026-12-22' }), // delegated category → covered
  task(2, { owner: 'msp', categoryId: 4, plannedDay: '2026-12-23' }), // the MSP owns it → covered
  task(3, { categoryId: 2, plannedDay: '2026-12-22' }), // server admin before the temporary delegation → at risk
  task(4, { categoryId: 2, dueDay: '2026-12-26' }), // due during the temporary delegation → covered
  task(5, { categoryId: 2, plannedDay: '2026-12-29', dueDay: '2026-12-29', seriesId: 7 }), // occurrence after it → at risk
  task(5, { categoryId: 2, plannedDay: '2026-12-29', dueDay: '2026-12-29', seriesId: 7 }), // the same occurrence again
  task(6, { categoryId: 1, keepOwner: true, plannedDay: '2026-12-22' }), // she keeps it, but its category is delegated → covered
  task(7, { dueDay: '2026-12-30' }), // no category → at risk
  task(8, { categoryId: 3, plannedDay: '2026-12-10', dueDay: '2026-12-28' }), // planned before, due in the range → at risk
  task(9, { categoryId: 3, plannedDay: '2026-12-19', dueDay: '2027-01-05' }), // neither planned nor due in it: left out
  task(10, { categoryId: 3, plannedDay: '2026-12-31', dueDay: '2027-01-02' }), // planned on the last day → at risk
  task(11, { categoryId: 2, plannedDay: '2027-01-04', dueDay: '2026-12-23' }), // planned after, due in it → at risk
  task(12, { categoryId: 4, plannedDay: '2026-12-20', dueDay: '2026-12-20' }), // the day before the range: left out
  task(13, { categoryId: 4, keepOwner: true, plannedDay: '2026-12-24' }), // she keeps it, Network not delegated → at risk
];

const tasksWithIds = (...ids: number[]) => ids.map((id) => TASKS.find((t) => t.id === id)!);
const itemTable = (report: CoverageReport) => report.items.map((i) => [i.taskId, i.day, i.covered, i.reason] as const);

describe('coverage readiness of a time-off range', () => {
  it('is 100 % when nothing is planned or due in the range', () => {
    const report = coverageReadiness(VACATION, tasksWithIds(9, 12), DELEGATIONS);
    expect(report).toMatchObject({ items: [], coveredCount: 0, atRiskCount: 0, coverage: 1 });
    expect(coverageReadiness(VACATION, [], []).coverage).toBe(1);
  });

  it('counts each task once, on its planned day if in the range, else its due day: 4 covered of 11', () => {
    const report = coverageReadiness(VACATION, TASKS, DELEGATIONS);
    expect(itemTable(report)).toEqual([
      [1, '2026-12-22', true, 'delegated'],
      [3, '2026-12-22', false, 'not-delegated'],
      [6, '2026-12-22', true, 'delegated'],
      [2, '2026-12-23', true, 'msp-owns'],
      [11, '2026-12-23', false, 'not-delegated'],
      [13, '2026-12-24', false, 'kept'],
      [4, '2026-12-26', true, 'delegated'],
      [8, '2026-12-28', false, 'not-delegated'],
      [5, '2026-12-29', false, 'not-delegated'],
      [7, '2026-12-30', false, 'no-category'],
      [10, '2026-12-31', false, 'not-delegated'],
    ]);
    expect(report.items.find((item) => item.taskId === 5)?.recurring).toBe(true);
    expect(report).toMatchObject({ coveredCount: 4, atRiskCount: 7, coverage: 4 / 11 });
  });

  it('a task the MSP owns is covered even with no category or a category never delegated', () => {
    const report = coverageReadiness(VACATION, [task(1, { owner: 'msp', plannedDay: '2026-12-22' })], []);
    expect(itemTable(report)).toEqual([[1, '2026-12-22', true, 'msp-owns']]);
  });

  it('a delegation counts on the task’s own day: one ending 12-23 covers a task on 12-23, not one on 12-24', () => {
    const delegations = [delegation(1, 3, '2026-12-01', '2026-12-23')];
    const report = coverageReadiness(
      VACATION,
      [task(1, { categoryId: 3, plannedDay: '2026-12-23' }), task(2, { categoryId: 3, plannedDay: '2026-12-24' })],
      delegations,
    );
    expect(itemTable(report)).toEqual([
      [1, '2026-12-23', true, 'delegated'],
      [2, '2026-12-24', false, 'not-delegated'],
    ]);
    expect(report.coverage).toBe(0.5);
  });
});

describe('proposed handover for a time-off range', () => {
  it('delegates each category with at-risk work for the whole time off, less its existing delegations; kept and uncategorised tasks are apart', () => {
    const proposal = proposeHandover(coverageReadiness(VACATION, TASKS, DELEGATIONS), DELEGATIONS);
    // Server admin is already delegated 12-24 … 12-27: the rest of the time off is split around it.
    // Desktop maintenance is not delegated at all: the whole time off. Network has only a kept task.
    expect(proposal.delegations).toEqual([
      { categoryId: 2, startDay: '2026-12-21', endDay: '2026-12-23', taskIds: [3, 11] },
      { categoryId: 2, startDay: '2026-12-28', endDay: '2026-12-31', taskIds: [5] },
      { categoryId: 3, startDay: '2026-12-21', endDay: '2026-12-31', taskIds: [8, 10] },
    ]);
    expect(proposal.kept.map((item) => item.taskId)).toEqual([13]);
    expect(proposal.uncategorised.map((item) => item.taskId)).toEqual([7]);
  });

  it('after the proposed delegations every categorised task she does not keep is covered: 9 of 11', () => {
    const proposal = proposeHandover(coverageReadiness(VACATION, TASKS, DELEGATIONS), DELEGATIONS);
    for (const period of proposal.delegations) expect(conflictingDelegation(DELEGATIONS, period)).toBeUndefined();
    const after = [
      ...DELEGATIONS,
      ...proposal.delegations.map((period, index) => delegation(100 + index, period.categoryId, period.startDay, period.endDay)),
    ];
    const report = coverageReadiness(VACATION, TASKS, after);
    expect(report.items.filter((item) => !item.covered).map((item) => [item.taskId, item.reason])).toEqual([
      [13, 'kept'],
      [7, 'no-category'],
    ]);
    expect(report.coverage).toBe(9 / 11);
  });

  it('proposes nothing when everything is covered', () => {
    const report = coverageReadiness(VACATION, tasksWithIds(1, 2, 4), DELEGATIONS);
    expect(proposeHandover(report, DELEGATIONS)).toEqual({ delegations: [], kept: [], uncategorised: [] });
  });
});

describe('proposed handover, for any tasks and delegations', () => {
  const ORIGIN = '2026-12-01';
  const RANGE: TimeOff = { startDay: '2026-12-10', endDay: '2026-12-31' };
  const at = (offset: number) => addDays(ORIGIN, offset);

  /** Up to three non-overlapping delegations per category over 45 days, the last maybe open-ended. */
  const categoryDelegations = (categoryId: number) =>
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 })), { maxLength: 3 })
      .chain((spans) => fc.boolean().map((openEnded) => ({ spans, openEnded })))
      .map(({ spans, openEnded }) => {
        let next = 0;
        return spans.map(([gap, length], index): Omit<Delegation, 'id'> => {
          const start = next + gap;
          next = start + length + 1;
          const endDay = openEnded && index === spans.length - 1 ? null : at(start + length);
          return { categoryId, startDay: at(start), endDay, estimatedWeeklyMinutes: null, note: '' };
        });
      });
  const delegationsArb = fc
    .tuple(categoryDelegations(1), categoryDelegations(2), categoryDelegations(3))
    .map((perCategory) => perCategory.flat().map((d, index): Delegation => ({ ...d, id: index + 1 })));
  const dayArb = fc.option(fc.integer({ min: 0, max: 44 }).map(at), { freq: 4 });
  const tasksArb = fc.array(
    fc.record({
      id: fc.integer({ min: 1, max: 40 }),
      owner: fc.constantFrom<'me' | 'msp'>('me', 'me', 'me', 'msp'),
      keepOwner: fc.boolean(),
      categoryId: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 5 }),
      plannedDay: dayArb,
      dueDay: dayArb,
      seriesId: fc.option(fc.constant(1), { freq: 2 }),
    }),
    { maxLength: 30 },
  );

  it('the proposal lies inside the range, overlaps no delegation of its category, and covers every categorised task she does not keep', () => {
    fc.assert(
      fc.property(delegationsArb, tasksArb, (delegations, tasks) => {
        const before = coverageReadiness(RANGE, tasks, delegations);
        const proposal = proposeHandover(before, delegations);
        const added = proposal.delegations.map((period, index) => ({
          id: 1000 + index,
          categoryId: period.categoryId,
          startDay: period.startDay,
          endDay: period.endDay,
          estimatedWeeklyMinutes: null,
          note: '',
        }));
        for (const period of added) {
          expect(RANGE.startDay <= period.startDay && period.startDay <= period.endDay && period.endDay <= RANGE.endDay).toBe(true);
          expect(conflictingDelegation(delegations, period)).toBeUndefined();
          for (const other of added) {
            if (other !== period && other.categoryId === period.categoryId) expect(periodsOverlap(other, period)).toBe(false);
          }
        }
        const after = coverageReadiness(RANGE, tasks, [...delegations, ...added]);
        for (const item of after.items) {
          if (item.reason !== 'kept' && item.reason !== 'no-category') expect(item.covered).toBe(true);
        }
        expect(after.items.map((item) => item.taskId)).toEqual(before.items.map((item) => item.taskId));
      }),
    );
  });
});
