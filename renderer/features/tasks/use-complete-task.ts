import { useState } from 'react';
import type { Task } from '../../../shared/domain/types';
import { useCallMutation } from '../../api/hooks';
import { useToasts } from '../../ui/toasts';

/**
 * Completing a task (or reopening it): the tick shows at once, the server's answer then moves the
 * row (or puts the tick back on error), and a toast offers Undo, merged when she completes a run
 * of tasks in a row.
 */
export function useCompleteTask(task: Pick<Task, 'id' | 'title' | 'status'>) {
  const toasts = useToasts();
  const setStatus = useCallMutation('tasks:setStatus');
  const [optimisticDone, setOptimisticDone] = useState<boolean | null>(null);
  const done = optimisticDone ?? task.status === 'done';
  const fail = (error: unknown) => toasts.show(error instanceof Error ? error.message : String(error), { tone: 'error' });

  const toggle = () => {
    const previous = task.status;
    setOptimisticDone(!done);
    setStatus.mutate(
      { id: task.id, status: done ? 'open' : 'done' },
      {
        onError: (error) => {
          setOptimisticDone(null);
          fail(error);
        },
        onSuccess: (updated) => {
          if (updated.status !== 'done') return;
          toasts.show(`Completed “${task.title}”`, {
            group: 'tasks-completed',
            plural: (count) => `Completed ${count} tasks`,
            action: { label: 'Undo', run: () => setStatus.mutate({ id: task.id, status: previous }, { onError: fail }) },
          });
        },
      },
    );
  };
  return { done, toggle, fail };
}
