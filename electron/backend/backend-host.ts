import { Worker } from 'node:worker_threads';
import type { DesktopStatus } from '../../shared/api/desktop-views';
import { AppError, type ApiErrorShape, type Envelope } from '../../shared/api/errors';
import type { SourcedEvent } from '../../shared/api/events';
import type { AppStatus } from '../../shared/domain/types';
import type { PrintToPdf } from '../handlers/types';
import type { SettingsStore } from '../settings/settings-store';
import type { Backend, Caller } from './backend';
import type { BackendWorkerInit, HostAbility, SettingsSnapshot, WorkerMessage } from './backend-worker-protocol';
import type { Clock } from './clock';

export interface BackendHostOptions {
  /**
   * The built backend worker: dist/electron/backend-worker.cjs (resolved by electron/main.ts),
   * dist/server/backend-worker.mjs (electron/browser-mode/cli.ts), or the bundle
   * test/support/global-setup.ts builds.
   */
  workerFile: string;
  dataDir: string;
  mode: AppStatus['mode'];
  version: string;
  /** The host's clock; the worker reads the same instant (the offset from the real clock crosses). */
  now?: Clock;
  automaticBackups?: boolean;
  /** The data worker the backend starts per import, export and restore (see BackendOptions). */
  dataWorkerFile?: string | null;
  /** The desktop shell's abilities; a handler that uses one asks the host for it. */
  printToPdf?: PrintToPdf;
  pickFolder?: () => Promise<string | null>;
  desktopStatus?: () => DesktopStatus | Promise<DesktopStatus>;
  /** Told once, with what to say to her, when the worker stops without being asked to. */
  onStopped?: (message: string) => void;
  /** How long close() waits for the worker's checkpoint before it stops the thread anyway (ms). */
  closeTimeoutMs?: number;
}

/** The settings the shell reads on its own thread: `get()` follows every change the worker reports. */
export type SettingsMirror = Pick<SettingsStore, 'file' | 'notices' | 'get' | 'getShellState' | 'setShellState'>;

/** The backend as its host sees it: the same calls and events as Backend, and a close to await. */
export interface HostedBackend extends Pick<Backend, 'dispatch' | 'subscribe'> {
  /** A mirror of the worker's settings store: exactly one store (the worker's) writes config.json. */
  readonly settings: SettingsMirror;
  /** Asks the worker to fold the WAL in and close; resolves once it has (or was stopped after the bounded wait). Never rejects. */
  close(): Promise<void>;
}

export const CLOSE_TIMEOUT_MS = 15_000;

const CLOSED: ApiErrorShape = { code: 'DB_UNAVAILABLE', message: 'Offload’s backend has closed; nothing more can be read or saved in this session.' };

/**
 * Starts the backend in a worker thread (electron/workers/backend-worker.ts) and resolves once it
 * has opened the database and sent her settings. A worker that cannot start rejects; one that stops
 * later is logged, told to `onStopped`, and answers every waiting and later call with a
 * DB_UNAVAILABLE envelope saying so — never a hang.
 */
export function startBackendWorker(options: BackendHostOptions): Promise<HostedBackend> {
  const now = options.now ?? Date.now;
  const init: BackendWorkerInit = {
    dataDir: options.dataDir,
    mode: options.mode,
    version: options.version,
    clockOffset: now === Date.now ? null : now() - Date.now(),
    automaticBackups: options.automaticBackups ?? true,
    dataWorkerFile: options.dataWorkerFile ?? null,
    abilities: { printToPdf: options.printToPdf !== undefined, pickFolder: options.pickFolder !== undefined, desktopStatus: options.desktopStatus !== undefined },
  };
  const closeTimeout = options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS;

  return new Promise<HostedBackend>((resolveStart, rejectStart) => {
    let worker: Worker;
    try {
      worker = new Worker(options.workerFile, { workerData: init });
    } catch (error) {
      rejectStart(new Error(`Offload’s backend worker could not start (${options.workerFile}): ${error instanceof Error ? error.message : String(error)}`));
      return;
    }

    const listeners = new Set<(event: SourcedEvent) => void>();
    const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
    let nextId = 1;
    let snapshot: SettingsSnapshot | null = null;
    /** Once set, every waiting and later call is answered with it. */
    let stopped: ApiErrorShape | null = null;
    let closeAsked = false;
    let closing: Promise<void> | null = null;
    let exited = false;
    let whenExited: (() => void) | null = null;

    const stop = (error: ApiErrorShape) => {
      stopped ??= error;
      for (const answer of pending.values()) answer({ ok: false, error: stopped });
      pending.clear();
    };

    const crashed = (what: string) => {
      if (stopped || closeAsked) return;
      const message = snapshot
        ? `Offload’s backend stopped unexpectedly (${what}). Everything it had saved is safe in the database; restart Offload to go on.`
        : `Offload’s backend could not start (${what}; worker ${options.workerFile}).`;
      console.error(`[offload] ${message}`);
      stop({ code: 'DB_UNAVAILABLE', message });
      if (snapshot) options.onStopped?.(message);
      else rejectStart(new Error(message));
    };

    const send = (message: Parameters<Worker['postMessage']>[0]) => {
      if (!exited) worker.postMessage(message);
    };

    const settings: SettingsMirror = {
      get file() {
        return snapshot?.file ?? '';
      },
      get notices() {
        return snapshot?.notices ?? [];
      },
      get: () => {
        if (!snapshot) throw new Error('The backend worker has not sent the settings yet.');
        return snapshot.settings;
      },
      getShellState: (key) => snapshot?.shellState[key],
      setShellState(key, value) {
        if (snapshot) snapshot.shellState[key] = value;
        if (stopped || closeAsked) {
          console.warn(`[offload] the backend has closed, so the shell’s ${key} was not saved.`);
          return;
        }
        send({ type: 'setShellState', key, value });
      },
    };

    const abilities: { [Name in HostAbility]: (request: never) => unknown } = {
      printToPdf: (request: Parameters<PrintToPdf>[0]) => options.printToPdf?.(request),
      pickFolder: () => options.pickFolder?.(),
      desktopStatus: () => options.desktopStatus?.(),
    };

    async function answerAbility(id: number, ability: HostAbility, request: unknown): Promise<void> {
      try {
        const value = await (abilities[ability] as (request: unknown) => unknown)(request);
        send({ type: 'abilityReply', id, ok: true, value });
      } catch (error) {
        const shape: ApiErrorShape =
          error instanceof AppError ? error.toShape() : { code: 'INTERNAL', message: `The desktop app could not do this (${error instanceof Error ? error.message : String(error)}).` };
        send({ type: 'abilityReply', id, ok: false, error: shape });
      }
    }

    const hosted: HostedBackend = {
      settings,
      dispatch(name, input, caller: Caller = { source: null }) {
        if (stopped) return Promise.resolve({ ok: false, error: stopped });
        if (closeAsked) return Promise.resolve({ ok: false, error: CLOSED });
        return new Promise<Envelope<unknown>>((resolve) => {
          const id = nextId++;
          pending.set(id, resolve);
          try {
            send({ type: 'dispatch', id, name, input, caller: { source: caller.source } });
          } catch (error) {
            // Only plain data crosses to the worker (IPC and HTTP inputs always are).
            pending.delete(id);
            resolve({ ok: false, error: { code: 'VALIDATION', message: `The request could not be read (${error instanceof Error ? error.message : String(error)}).` } });
          }
        });
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      close() {
        closing ??= new Promise<void>((resolveClose) => {
          closeAsked = true;
          if (exited) {
            stop(CLOSED);
            resolveClose();
            return;
          }
          const timer = setTimeout(() => {
            console.error(`[offload] the backend did not confirm closing within ${closeTimeout} ms; stopping it. SQLite reads its -wal back on the next start.`);
            stop(CLOSED);
            void worker.terminate();
          }, closeTimeout);
          whenExited = () => {
            clearTimeout(timer);
            resolveClose();
          };
          send({ type: 'close' });
        });
        return closing;
      },
    };

    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          snapshot = message.settings;
          resolveStart(hosted);
          return;
        case 'startFailed':
          stopped = { code: 'DB_UNAVAILABLE', message: message.message };
          rejectStart(new Error(`Offload’s backend could not start: ${message.message}`));
          void worker.terminate();
          return;
        case 'reply': {
          const answer = pending.get(message.id);
          pending.delete(message.id);
          answer?.(message.envelope);
          return;
        }
        case 'event':
          // The mirror first: a listener that follows settings (desktop.ts) reads them at once.
          if (message.settings && snapshot) snapshot.settings = message.settings;
          for (const listener of [...listeners]) {
            try {
              listener(message.event);
            } catch (error) {
              console.warn('[offload] an event listener failed:', error);
            }
          }
          return;
        case 'ability':
          void answerAbility(message.id, message.ability, message.request);
          return;
        case 'closed':
          stop(CLOSED);
          void worker.terminate();
          return;
      }
    });
    worker.on('error', (error) => crashed(error.message));
    worker.on('exit', (code) => {
      exited = true;
      crashed(`exit code ${code}`);
      stop(CLOSED);
      whenExited?.();
    });
  });
}
