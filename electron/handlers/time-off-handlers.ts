import type { TimeOffRange } from '../../shared/domain/capacity';
import { assertNoOverlap, insertDelegation } from '../repositories/delegations';
import { settleCategoryOwners } from '../repositories/ownership';
import { createTimeOff, deleteTimeOff, getTimeOff, listTimeOffFrom, restoreTimeOff, updateTimeOff } from '../repositories/time-off';
import { refreshAfterHoursBetween } from '../repositories/time-entries';
import { entryCalendar } from '../services/entry-calendar';
import { timeOffCoverage } from '../services/coverage-service';
import type { HandlerContext, Handlers } from './types';

/** Days off change capacity, and the after-hours of her entries on them: those are recomputed in the same transaction. */
function afterHoursFollow(context: HandlerContext, ...ranges: Pick<TimeOffRange, 'startDay' | 'endDay'>[]): void {
  const calendar = entryCalendar(context.db, context.settings.get(), context.timeZone());
  for (const range of ranges) refreshAfterHoursBetween(context.db, calendar, range.startDay, range.endDay);
}

export const timeOffHandlers = {
  'timeOff:list': (input, { db }) => listTimeOffFrom(db, input?.from ?? null),

  'timeOff:create': ({ startDay, endDay, note }, context) =>
    context.db.transaction(() => {
      const range = createTimeOff(context.db, { startDay, endDay, note }, context.now());
      afterHoursFollow(context, range);
      return range;
    })(),

  'timeOff:update': ({ id, startDay, endDay, note }, context) =>
    context.db.transaction(() => {
      const before = getTimeOff(context.db, id);
      const range = updateTimeOff(context.db, { id, startDay, endDay, note }, context.now());
      afterHoursFollow(context, before, range);
      return range;
    })(),

  'timeOff:delete': ({ id }, context) =>
    context.db.transaction(() => {
      const range = deleteTimeOff(context.db, id, context.now());
      afterHoursFollow(context, range);
      return range;
    })(),

  'timeOff:restore': ({ id }, context) =>
    context.db.transaction(() => {
      const range = restoreTimeOff(context.db, id);
      afterHoursFollow(context, range);
      return range;
    })(),

  'timeOff:coverage': (range, { db }) => timeOffCoverage(db, range),

  /**
   * The at-risk work goes to the MSP for those days only: each proposed temporary delegation is
   * created (never overlapping an existing one of its category) and the owners of its category's
   * open tasks settle by the rule — all in one transaction. Kept and uncategorised tasks stay apart.
   */
  'timeOff:handOver': (range, { db, now, today }) =>
    db.transaction(() => {
      const proposal = timeOffCoverage(db, range).handover;
      const delegations = proposal.delegations.map((period) => {
        assertNoOverlap(db, period);
        return insertDelegation(
          db,
          { categoryId: period.categoryId, startDay: period.startDay, endDay: period.endDay, estimatedWeeklyMinutes: null, note: 'Cover while I am away' },
          now(),
        );
      });
      for (const categoryId of new Set(delegations.map((delegation) => delegation.categoryId))) settleCategoryOwners(db, categoryId, today(), now());
      return { delegations, coverage: timeOffCoverage(db, range) };
    })(),
} satisfies Partial<Handlers>;
