/**
 * The toast queue as plain data: what arrives, what merges, what is on screen. Kept apart from the
 * React provider so the rules read in one place.
 */

export type ToastTone = 'info' | 'error';

export interface ToastAction {
  label: string;
  run: () => unknown;
}

export interface ToastRequest {
  message: string;
  tone: ToastTone;
  /** Toasts of one group merge while one is shown; by default a toast's group is its message. */
  group: string;
  /** What a merged toast says for `count` of them ("Deleted 3 time entries"); else "… (×3)". */
  plural?: ((count: number) => string) | undefined;
  action?: ToastAction | undefined;
}

export interface Toast {
  id: number;
  key: string;
  tone: ToastTone;
  /** What it says, and so its accessible name. */
  message: string;
  count: number;
  /** The actions of every toast merged into this one: its one button runs them all. */
  actions: ToastAction[];
  /** Bumped on every merge, so the toast's time on screen starts again. */
  version: number;
}

/** More than three and they climb the sidebar; a burst of one kind merges instead. */
export const MAX_VISIBLE = 3;

export function visibleToasts(queue: readonly Toast[]): readonly Toast[] {
  return queue.slice(0, MAX_VISIBLE);
}

/**
 * Adds a toast, or merges it into the shown one of its group. When that makes more than can be
 * shown, the oldest information on screen makes room; an error is never pushed out by a newer toast
 * (it stays until she dismisses it or its time runs out), so a toast arriving behind three errors
 * waits its turn.
 */
export function enqueue(queue: readonly Toast[], id: number, request: ToastRequest): Toast[] {
  const key = `${request.tone}|${request.group}`;
  const same = queue.find((toast) => toast.key === key);
  if (same) {
    const count = same.count + 1;
    const merged: Toast = {
      ...same,
      count,
      message: request.plural ? request.plural(count) : `${request.message} (×${count})`,
      actions: request.action ? [...same.actions, request.action] : same.actions,
      version: same.version + 1,
    };
    return queue.map((toast) => (toast === same ? merged : toast));
  }
  const added: Toast = {
    id,
    key,
    tone: request.tone,
    message: request.message,
    count: 1,
    actions: request.action ? [request.action] : [],
    version: 0,
  };
  const next = [...queue, added];
  if (next.length <= MAX_VISIBLE) return next;
  const oldestInfo = visibleToasts(next).findIndex((toast) => toast.tone === 'info');
  return oldestInfo === -1 ? next : next.filter((_, index) => index !== oldestInfo);
}

export function dismiss(queue: readonly Toast[], id: number): Toast[] {
  return queue.filter((toast) => toast.id !== id);
}
