import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/day';
import type { Delegation } from '../../shared/domain/delegation';
import { ownerOf } from '../../shared/domain/ownership';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { insertDelegation, listDelegations } from '../../electron/repositories/delegations';
import { setOwnerChoice, settleCategoryOwners, settleTaskOwner, settleUndatedOwners } from '../../electron/repositories/ownership';
import { createTask, getTask } from '../../electron/repositories/tasks';
import { tempDir } from '../support/temp-backend';

const NOW = Date.parse('2026-11-16T14:00:00Z');
const FIRST_DAY = '2026-11-01';
const CATEGORIES = [1, 2];

let db: SqliteDatabase;
beforeAll(() => {
  db = openDatabase(path.join(tempDir('offload-ownership-'), 'offload.db'), { now: () => NOW });
});
afterAll(() => db.close());

const day = fc.integer({ min: 0, max: 40 }).map((offset) => addDays(FIRST_DAY, offset));
const maybeDay = fc.option(day, { nil: null });

/** Non-overlapping delegations of one category: sorted cut points become [start, end] periods. */
const delegationsOf = (categoryId: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 6 })
    .chain((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const periods: { startDay: string; endDay: string | null }[] = [];
      for (let index = 0; index + 1 < sorted.length; index += 2) {
        periods.push({ startDay: addDays(FIRST_DAY, sorted[index]!), endDay: addDays(FIRST_DAY, sorted[index + 1]!) });
      }
      return fc.boolean().map((openEnded) => {
        const last = periods.at(-1);
        if (openEnded && last) last.endDay = null;
        return periods.map((period) => ({ categoryId, ...period }));
      });
    });

const task = fc.record({
  categoryId: fc.constantFrom<number | null>(null, 1, 2),
  plannedDay: maybeDay,
  dueDay: maybeDay,
  choice: fc.constantFrom('none', 'keep', 'handOver'),
});

describe('the ownership rule', () => {
  it('is the same in the domain function and in the set-based SQL, on generated tasks and delegations', () => {
    fc.assert(
      fc.property(delegationsOf(1), delegationsOf(2), fc.array(task, { minLength: 1, maxLength: 12 }), day, (first, second, tasks, today) => {
        db.exec('DELETE FROM tasks; DELETE FROM delegations;');
        for (const delegation of [...first, ...second]) {
          insertDelegation(db, { ...delegation, estimatedWeeklyMinutes: null, note: '' }, NOW);
        }
        const delegations: Delegation[] = listDelegations(db);
        const ids = tasks.map((generated) => {
          const { id } = createTask(
            db,
            { title: 'T', notes: '', categoryId: generated.categoryId, estimateMinutes: null, dueDay: generated.dueDay, plannedDay: generated.plannedDay, priority: 0, unplanned: false },
            NOW,
          );
          setOwnerChoice(db, id, { keepOwner: generated.choice === 'keep', handedOver: generated.choice === 'handOver', technicianId: null }, NOW);
          return id;
        });
        for (const categoryId of CATEGORIES) settleCategoryOwners(db, categoryId, today, NOW);
        for (const id of ids) settleTaskOwner(db, id, today, NOW);
        for (const id of ids) {
          const stored = getTask(db, id);
          expect(stored.owner).toBe(ownerOf(stored, delegations, today));
        }
      }),
      { numRuns: 150 },
    );
    // 150 generated cases take ~2 s alone and 7–10 s when the suite shares two busy cores.
  }, 30_000);

  it('settling undated tasks for a new day moves exactly those whose owner changes that day', () => {
    db.exec('DELETE FROM tasks; DELETE FROM delegations;');
    insertDelegation(db, { categoryId: 1, startDay: '2026-11-18', endDay: '2026-11-20', estimatedWeeklyMinutes: null, note: '' }, NOW);
    const undated = createTask(db, { title: 'Undated', notes: '', categoryId: 1, estimateMinutes: null, dueDay: null, plannedDay: null, priority: 0, unplanned: false }, NOW);
    const dated = createTask(db, { title: 'Dated', notes: '', categoryId: 1, estimateMinutes: null, dueDay: '2026-11-25', plannedDay: null, priority: 0, unplanned: false }, NOW);
    expect(settleUndatedOwners(db, '2026-11-17', NOW)).toStrictEqual({ toMsp: 0, toMe: 0 });
    expect(settleUndatedOwners(db, '2026-11-18', NOW)).toStrictEqual({ toMsp: 1, toMe: 0 });
    expect(getTask(db, undated.id).owner).toBe('msp');
    expect(settleUndatedOwners(db, '2026-11-21', NOW)).toStrictEqual({ toMsp: 0, toMe: 1 });
    expect(getTask(db, dated.id).owner).toBe('me');
  });
});
