import { AppError } from '../../shared/api/errors';
import { startOfWeek } from '../../shared/domain/day';
import { clearPlannedDay, setPlannedDay } from '../repositories/plan';
import { setOwnerChoice, settleTaskOwner } from '../repositories/ownership';
import { getTask } from '../repositories/tasks';
import { entriesMovingToZone } from '../repositories/time-entries';
import { weekPlanIcs } from '../services/ics/week-plan-ics';
import { suggestPlan, weekPlan, weekReview, type PlanContext } from '../services/week-plan-service';
import { workloadWeeks } from '../services/workload-service';
import type { HandlerContext, Handlers } from './types';

const planContext = ({ db, settings, timeZone, today }: HandlerContext): PlanContext => ({
  db,
  settings: settings.get(),
  timeZone: timeZone(),
  today: today(),
});

/** The week (by her week start) that holds the day asked for. */
const weekOf = (day: string, context: HandlerContext) => startOfWeek(day, context.settings.get().weekStartsOn);

export const planningHandlers = {
  'workload:weeks': ({ from, to }, { db, settings }) => workloadWeeks(db, settings.get(), from, to),

  'weekPlan:get': ({ weekStart }, context) => weekPlan(planContext(context), weekOf(weekStart, context)),
  'weekPlan:review': ({ weekStart }, context) => weekReview(planContext(context), weekOf(weekStart, context)),
  'weekPlan:suggest': ({ weekStart }, context) => suggestPlan(planContext(context), weekOf(weekStart, context)),
  'weekPlan:ics': ({ weekStart }, context) => weekPlanIcs({ ...planContext(context), now: context.now() }, weekOf(weekStart, context)),

  /**
   * Plans each task on its day, all or nothing. Only her open tasks are planned this way; owners
   * follow their new days (a day in a delegated period hands the task to the MSP, as the rule says).
   */
  'weekPlan:apply': ({ placements }, { db, now, today }) =>
    db.transaction(() => {
      const at = now();
      for (const { taskId, day } of placements) {
        const task = getTask(db, taskId);
        if (task.status === 'done') {
          throw new AppError('CONFLICT', `“${task.title}” is done already; nothing was planned. Ask for a new suggestion.`, [
            { field: 'placements', message: 'A task in the suggestion is done' },
          ]);
        }
        setPlannedDay(db, taskId, day, at);
        settleTaskOwner(db, taskId, today(), at);
      }
      return { planned: placements.length };
    })(),

  'weekPlan:move': ({ taskId, to }, { db, now, today }) =>
    db.transaction(() => {
      const task = getTask(db, taskId);
      if (task.status === 'done') {
        throw new AppError('CONFLICT', `“${task.title}” is done; reopen it to plan it again.`, [{ field: 'taskId', message: 'The task is done' }]);
      }
      const at = now();
      if (to.kind === 'day') {
        setPlannedDay(db, taskId, to.day, at);
      } else if (to.kind === 'backlog') {
        clearPlannedDay(db, taskId, at);
        if (task.owner === 'msp') setOwnerChoice(db, taskId, { keepOwner: true, handedOver: false, technicianId: null }, at);
      } else if (task.owner !== 'msp') {
        setOwnerChoice(db, taskId, { keepOwner: false, handedOver: true, technicianId: null }, at);
      }
      settleTaskOwner(db, taskId, today(), at);
      return getTask(db, taskId);
    })(),

  'settings:zonePreview': ({ timeZone }, { db }) => ({ timeZone, ...entriesMovingToZone(db, timeZone) }),
} satisfies Partial<Handlers>;
