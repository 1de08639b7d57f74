/**
 * Writes that must wait while a worker holds the database's write lock (an import, a restore).
 * SQLite allows one writer: a main-thread write that met the lock would wait inside better-sqlite3's
 * busy handler, synchronously, freezing the main thread until the worker commits. Instead the
 * dispatcher awaits the gate before a call that writes, so the event loop keeps running (reads,
 * progress, cancel) and the write goes ahead the moment the worker is done.
 */
export interface WriteGate {
  /** Holds the gate until the returned function is called (idempotent). */
  acquire(): () => void;
  /** Resolves when nothing holds the gate; null when nothing does now. */
  whenOpen(): Promise<void> | null;
  readonly held: boolean;
}

export function createWriteGate(): WriteGate {
  let holders = 0;
  let waiting: { promise: Promise<void>; resolve: () => void } | null = null;
  return {
    acquire() {
      holders += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders === 0 && waiting) {
          const { resolve } = waiting;
          waiting = null;
          resolve();
        }
      };
    },
    whenOpen() {
      if (holders === 0) return null;
      if (!waiting) {
        let resolve!: () => void;
        const promise = new Promise<void>((done) => (resolve = done));
        waiting = { promise, resolve };
      }
      return waiting.promise;
    },
    get held() {
      return holders > 0;
    },
  };
}
