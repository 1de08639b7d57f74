import { useCallback, useMemo } from 'react';
import type { LocalDay } from '../../../shared/domain/day';
import type { TimeEntry } from '../../../shared/domain/time-entry';
import { ApiError } from '../../../shared/api/errors';
import { call } from '../../api/client';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';

type Shown = Pick<TimeEntry, 'id' | 'endAt'>;

/** Logs a deleted entry again as it was (the delete returned it whole, its note included). */
const logAgain = (entry: TimeEntry) =>
  call('timeEntries:create', {
    worker: entry.worker,
    technicianId: entry.technicianId,
    categoryId: entry.categoryId,
    taskId: entry.taskId,
    startAt: entry.startAt,
    endAt: entry.endAt!,
    note: entry.note,
    unplanned: entry.unplanned,
  });

const messageOf = (caught: unknown) => (caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught));

/**
 * Delete and move for the timesheet, each with Undo in a toast: deleted entries are logged again
 * exactly as they were; moved entries go back to the day they came from (with their wall-clock times).
 */
export function useEntryActions() {
  const toasts = useToasts();
  const time = useTime();

  const deleteEntries = useCallback(
    async (entries: readonly Shown[]): Promise<boolean> => {
      if (entries.some((entry) => entry.endAt === null)) {
        toasts.show('Stop the timer before deleting its entry.', { tone: 'error' });
        return false;
      }
      const deleted: TimeEntry[] = [];
      try {
        for (const entry of entries) deleted.push(await call('timeEntries:delete', { id: entry.id }));
      } catch (caught) {
        toasts.show(messageOf(caught), { tone: 'error' });
      }
      if (deleted.length === 0) return false;
      toasts.show(deleted.length === 1 ? 'Deleted the time entry' : `Deleted ${deleted.length} time entries`, {
        group: 'timesheet-deleted',
        plural: () => 'Deleted time entries',
        action: {
          label: 'Undo',
          run: async () => {
            try {
              for (const entry of deleted) await logAgain(entry);
            } catch (caught) {
              toasts.show(messageOf(caught), { tone: 'error' });
            }
          },
        },
      });
      return true;
    },
    [toasts],
  );

  const moveEntries = useCallback(
    async (entries: readonly Shown[], from: LocalDay, to: LocalDay): Promise<boolean> => {
      const ids = entries.map((entry) => entry.id);
      try {
        await call('timeEntries:move', { ids, day: to });
      } catch (caught) {
        toasts.show(messageOf(caught), { tone: 'error' });
        return false;
      }
      const what = ids.length === 1 ? 'the entry' : `${ids.length} entries`;
      toasts.show(`Moved ${what} to ${time.formatDay(to)}`, {
        group: `timesheet-moved-${ids.join(',')}`,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await call('timeEntries:move', { ids, day: from });
            } catch (caught) {
              toasts.show(messageOf(caught), { tone: 'error' });
            }
          },
        },
      });
      return true;
    },
    [toasts, time],
  );

  return useMemo(() => ({ deleteEntries, moveEntries }), [deleteEntries, moveEntries]);
}
