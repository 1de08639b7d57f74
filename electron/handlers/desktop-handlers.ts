import { AppError } from '../../shared/api/errors';
import type { IdleResolution } from '../../shared/api/desktop-views';
import type { TimeEntry } from '../../shared/domain/time-entry';
import { getCategory } from '../repositories/categories';
import { recentlyTimedTasks } from '../repositories/recent-tasks';
import { getTask } from '../repositories/tasks';
import { deleteTimeEntry, findOverlappingEntry, insertTimeEntry, runningTimer, stopTimer } from '../repositories/time-entries';
import type { Handlers } from './types';

const RECENT_DAYS = 14;
const DAY_MS = 86_400_000;

/** The note on the entry split off for time away, so she can find it and say what it was. */
export function idleNote(from: string): string {
  return `Away from the computer (split off from “${from}”): say what this was`;
}

export const desktopHandlers = {
  'timer:recent': (input, { db, now }) => recentlyTimedTasks(db, now() - RECENT_DAYS * DAY_MS, input?.limit ?? 8),

  'timer:resolveIdle': ({ entryId, idleFrom, returnedAt, choice }, { db, now, calendar }): IdleResolution =>
    db.transaction((): IdleResolution => {
      const running = runningTimer(db);
      if (!running || running.id !== entryId) {
        throw new AppError('CONFLICT', 'The timer was stopped or restarted meanwhile, so the time away was left as it is.');
      }
      const at = now();
      if (returnedAt > at) {
        throw new AppError('VALIDATION', 'The time away cannot end in the future.', [{ field: 'returnedAt', message: 'In the future' }]);
      }
      // Time away before the timer started is not the timer's: only its own part is decided on.
      const from = Math.max(idleFrom, running.startAt);
      if (from >= returnedAt) {
        throw new AppError('VALIDATION', 'The timer started after you came back: there is no idle time to decide on.', [
          { field: 'idleFrom', message: 'After the return' },
        ]);
      }
      if (choice === 'keep') return { choice, worked: running, idle: null, running };

      if (choice === 'split' && returnedAt - from > DAY_MS) {
        throw new AppError('VALIDATION', 'You were away more than 24 hours: an entry that long is not plausible. Keep the time or discard it.', [
          { field: 'choice', message: 'Longer than 24 hours' },
        ]);
      }

      // The part before she went away: ends where the idle time began, or goes if it is all idle.
      const worked: TimeEntry | null =
        from === running.startAt ? (deleteTimeEntry(db, running.id), null) : stopTimer(db, running.id, from, calendar(), at);
      if (choice === 'discard') return { choice, worked, idle: null, running: null };

      const label = running.taskId !== null ? getTask(db, running.taskId).title : getCategory(db, running.categoryId).name;
      const idlePart = {
        worker: running.worker,
        technicianId: running.technicianId,
        categoryId: running.categoryId,
        taskId: null,
        startAt: from,
        endAt: returnedAt,
        note: idleNote(label),
        unplanned: false,
      };
      const resumed = { ...idlePart, taskId: running.taskId, startAt: returnedAt, endAt: null, note: running.note, unplanned: running.unplanned };
      if (findOverlappingEntry(db, idlePart) || findOverlappingEntry(db, resumed)) {
        throw new AppError('CONFLICT', 'Another entry of yours covers part of the time away, so nothing was changed. Edit the entries on Today.');
      }
      const idle = insertTimeEntry(db, idlePart, calendar(), at);
      const restarted = insertTimeEntry(db, resumed, calendar(), at);
      return { choice, worked, idle, running: restarted };
    })(),

  'desktop:status': (_input, { desktopStatus }) => desktopStatus(),
} satisfies Partial<Handlers>;
