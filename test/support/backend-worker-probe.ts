/**
 * A test-only entry for the backend worker: the real serving loop (serveBackend) over the real
 * backend, with two extra names the host can send that the contract never has —
 * `probe:hold { flag, then }` blocks this thread synchronously (Atomics.wait) until the host sets
 * `flag[0]`, then runs the real call `then`; `probe:exit { code }` ends the thread as a crash would.
 * Built by global-setup.ts beside the real worker; nothing in the app can reach it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Backend } from '../../electron/backend/backend';
import { openBackend } from '../../electron/backend/backend';
import type { BackendWorkerInit } from '../../electron/backend/backend-worker-protocol';
import { serveBackend } from '../../electron/backend/backend-worker-serve';

interface Hold {
  flag: SharedArrayBuffer;
  then: { name: string; input: unknown };
}

if (!parentPort) throw new Error('backend-worker-probe.ts runs as a worker thread');
serveBackend(parentPort, workerData as BackendWorkerInit, (options) => {
  const backend = openBackend(options);
  const probed: Backend = Object.create(backend) as Backend;
  return Object.assign(probed, {
    dispatch: (name: unknown, input: unknown, caller?: { source: string | null }) => {
      if (name === 'probe:hold') {
        const { flag, then } = input as Hold;
        // Synchronous, like a long query: nothing else runs on this thread until the host lets go.
        // Slot 1 tells the host this thread is inside the call; slot 0 is the host's release.
        const view = new Int32Array(flag);
        Atomics.store(view, 1, 1);
        Atomics.wait(view, 0, 0);
        return backend.dispatch(then.name, then.input, caller);
      }
      if (name === 'probe:exit') process.exit((input as { code: number }).code);
      return backend.dispatch(name, input, caller);
    },
    subscribe: backend.subscribe,
    close: backend.close,
  });
});
