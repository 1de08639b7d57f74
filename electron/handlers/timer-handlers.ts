import { AppError } from '../../shared/api/errors';
import { capacityHours } from '../../shared/domain/capacity';
import { instantAt } from '../../shared/domain/zoned-time';
import { assertUsableCategory } from '../repositories/categories';
import { timeOffBetween } from '../repositories/time-off';
import { settleTaskOwner } from '../repositories/ownership';
import { categoriseTask, getTask, tasksOverdue, tasksPlannedOn, unplannedTasksSince } from '../repositories/tasks';
import {
  getTimeEntry,
  insertTimeEntry,
  listTimeEntries,
  runningTimer,
  stopTimer,
  totalMinutes,
  updateTimeEntry,
} from '../repositories/time-entries';
import { assertActiveTechnician } from '../repositories/msp';
import { withTaskTitles } from '../repositories/task-titles';
import { assertNoOverlap, assertPlausibleSpan, assertStartsByNow, assertWorker } from '../services/entry-rules';
import type { Handlers } from './types';

export const timerHandlers = {
  'timer:current': (_input, { db }) => runningTimer(db),

  /** One timer at a time: starting another stops the first at the same instant. */
  'timer:start': ({ taskId, categoryId, note }, { db, now, today, calendar }) =>
    db.transaction(() => {
      const at = now();
      let category = categoryId;
      if (taskId !== null) {
        const task = getTask(db, taskId);
        category ??= task.categoryId;
        if (category === null) {
          throw new AppError('VALIDATION', `Give “${task.title}” a category first: every hour is counted in one.`, [
            { field: 'categoryId', message: 'The task has no category' },
          ]);
        }
      }
      assertUsableCategory(db, category!);
      // The category she names for an uncategorised task's timer becomes the task's too.
      if (taskId !== null && getTask(db, taskId).categoryId === null) {
        categoriseTask(db, taskId, category!, at);
        settleTaskOwner(db, taskId, today(), at);
      }
      const running = runningTimer(db);
      const stopped = running ? stopTimer(db, running.id, Math.max(at, running.startAt + 1), calendar(), at) : null;
      const started = insertTimeEntry(
        db,
        { worker: 'me', technicianId: null, categoryId: category!, taskId, startAt: at, endAt: null, note },
        calendar(),
        at,
      );
      return { started, stopped };
    })(),

  'timer:stop': (_input, { db, now, calendar }) => {
    const running = runningTimer(db);
    if (!running) return null;
    return stopTimer(db, running.id, Math.max(now(), running.startAt + 1), calendar(), now());
  },

  /** Any of an entry's fields; a new start may not be in the future, and who did it can be corrected. */
  'timeEntries:update': ({ id, ...patch }, { db, now, timeZone, calendar }) =>
    db.transaction(() => {
      const current = getTimeEntry(db, id);
      const next = { ...current, ...patch };
      if (patch.worker === 'me' && patch.technicianId === undefined) next.technicianId = null;
      if (current.endAt === null && next.worker !== current.worker) {
        throw new AppError('VALIDATION', 'Stop the timer before changing who did the work.', [{ field: 'worker', message: 'The timer is running' }]);
      }
      assertPlausibleSpan(next.startAt, next.endAt);
      assertWorker(next.worker, next.technicianId);
      if (patch.startAt !== undefined && patch.startAt !== current.startAt) assertStartsByNow(next.startAt, now(), timeZone());
      if (patch.categoryId !== undefined) assertUsableCategory(db, patch.categoryId);
      if (patch.taskId != null) getTask(db, patch.taskId);
      if (next.technicianId !== null && next.technicianId !== current.technicianId) assertActiveTechnician(db, next.technicianId);
      assertNoOverlap(db, next, id, timeZone(), now());
      return updateTimeEntry(db, next, calendar(), now());
    })(),

  /** Splits a finished entry in two at a moment inside it; both halves keep everything else. */
  'timeEntries:split': ({ id, at }, { db, now, timeZone, calendar }) =>
    db.transaction(() => {
      const entry = getTimeEntry(db, id);
      if (entry.endAt === null) throw new AppError('VALIDATION', 'Stop the timer before splitting its entry.');
      if (at <= entry.startAt || at >= entry.endAt) {
        throw new AppError('VALIDATION', 'Split at a moment inside the entry.', [{ field: 'at', message: 'Split at a time between its start and its end' }]);
      }
      assertStartsByNow(at, now(), timeZone(), 'at');
      const first = updateTimeEntry(db, { ...entry, endAt: at }, calendar(), now());
      const second = insertTimeEntry(db, { ...entry, startAt: at, endAt: entry.endAt }, calendar(), now());
      return [first, second] as [typeof first, typeof second];
    })(),

  'today:summary': (_input, { db, settings, today, timeZone }) => {
    const day = today();
    const config = settings.get();
    return {
      today: day,
      loggedHours: totalMinutes(db, 'me', day, day) / 60,
      capacityHours: capacityHours(config, day, timeOffBetween(db, day, day)),
      entries: withTaskTitles(db, listTimeEntries(db, { from: day, to: day, worker: 'me', limit: 100 })),
      planned: tasksPlannedOn(db, day),
      overdue: tasksOverdue(db, day),
      unplannedToday: unplannedTasksSince(db, instantAt(day, '00:00', timeZone())),
    };
  },
} satisfies Partial<Handlers>;
