/**
 * Timers for the shell's periodic work (the tray's minute, idle polling, reminders, update
 * checks), injected so tests run them by hand instead of waiting. What they compute uses the
 * app's clock; these only decide when to look again.
 */
export interface Scheduler {
  /** Runs `task` once after `ms`; the returned function cancels it. */
  after(ms: number, task: () => void): () => void;
  /** Runs `task` every `ms`; the returned function stops it. */
  every(ms: number, task: () => void): () => void;
}

export const realScheduler: Scheduler = {
  after(ms, task) {
    const handle = setTimeout(task, ms);
    // Nothing here should keep the process alive on its own once the app is quitting.
    handle.unref?.();
    return () => clearTimeout(handle);
  },
  every(ms, task) {
    const handle = setInterval(task, ms);
    handle.unref?.();
    return () => clearInterval(handle);
  },
};
