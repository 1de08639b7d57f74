import { describe, expect, it } from 'vitest';
import { dismiss, enqueue, MAX_VISIBLE, visibleToasts, type Toast, type ToastRequest } from '../../renderer/ui/toast-queue';

const info = (message: string, extra: Partial<ToastRequest> = {}): ToastRequest => ({ message, tone: 'info', group: message, ...extra });
const error = (message: string): ToastRequest => ({ message, tone: 'error', group: message });

function queueOf(...requests: ToastRequest[]): Toast[] {
  return requests.reduce<Toast[]>((queue, request, index) => enqueue(queue, index + 1, request), []);
}

describe('the toast queue', () => {
  it('merges a burst of one group into one toast that counts them, with every Undo behind its one button', () => {
    const undone: number[] = [];
    const deleted = (n: number) => info('Deleted the time entry', { plural: (count) => `Deleted ${count} time entries`, action: { label: 'Undo', run: () => undone.push(n) } });
    const queue = queueOf(deleted(1), deleted(2), deleted(3));
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ message: 'Deleted 3 time entries', count: 3, version: 2 });
    for (const action of queue[0]!.actions) action.run();
    expect(undone).toStrictEqual([1, 2, 3]);
  });

  it('says ×N for a merged toast without its own plural', () => {
    expect(queueOf(info('Saved'), info('Saved'))[0]?.message).toBe('Saved (×2)');
  });

  it('keeps an error and an information of the same words apart', () => {
    expect(queueOf(info('Saved'), error('Saved')).map((toast) => toast.tone)).toStrictEqual(['info', 'error']);
  });

  it(`shows at most ${MAX_VISIBLE}: the oldest information makes room, an error never does`, () => {
    expect(queueOf(info('a'), error('b'), info('c'), info('d')).map((toast) => toast.message)).toStrictEqual(['b', 'c', 'd']);
    const errors = queueOf(error('a'), error('b'), error('c'), info('d'));
    expect(errors.map((toast) => toast.message)).toStrictEqual(['a', 'b', 'c', 'd']);
    expect(visibleToasts(errors).map((toast) => toast.message)).toStrictEqual(['a', 'b', 'c']);
    // Dismissing an error lets the waiting toast in.
    expect(visibleToasts(dismiss(errors, errors[0]!.id)).map((toast) => toast.message)).toStrictEqual(['b', 'c', 'd']);
  });
});
