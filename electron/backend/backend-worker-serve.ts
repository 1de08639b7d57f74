import type { MessagePort } from 'node:worker_threads';
import { AppError, type Envelope } from '../../shared/api/errors';
import type { Settings } from '../../shared/domain/settings';
import type { PrintToPdf } from '../handlers/types';
import { openConfSettings } from '../settings/conf-settings';
import type { SettingsStore } from '../settings/settings-store';
import { openBackend, type Backend, type BackendOptions } from './backend';
import type { BackendWorkerInit, HostAbilities, HostAbility, HostMessage, WorkerMessage } from './backend-worker-protocol';

/** The part of a worker's parentPort this uses (a MessagePort in a worker; a fake in a test). */
export type WorkerPort = Pick<MessagePort, 'postMessage' | 'on'>;

/**
 * Runs inside the backend worker: opens the real backend (openBackend) on this thread with its own
 * settings store — conf over `config.json` in the data folder, the very file electron-store writes
 * in the desktop app (`cwd` + `config`) — and serves the host's messages: each dispatch answered
 * by id, every event forwarded (a settings change with the settings as they now are), shell state
 * written, and a close that checkpoints and replies before the host lets the thread go.
 *
 * `open` is openBackend; the tests' own worker entry wraps it.
 */
export function serveBackend(port: WorkerPort, init: BackendWorkerInit, open: (options: BackendOptions) => Backend = openBackend): void {
  const post = (message: WorkerMessage) => port.postMessage(message);
  let nextAbility = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: AppError) => void }>();
  let closing = false;

  /** Asks the host to do what only it can; the handler awaits the answer. */
  const ask = <Name extends HostAbility>(ability: Name, request: HostAbilities[Name]['request']): Promise<HostAbilities[Name]['answer']> =>
    new Promise((resolve, reject) => {
      if (closing) {
        reject(new AppError('DB_UNAVAILABLE', 'Offload is closing.'));
        return;
      }
      const id = nextAbility++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      post({ type: 'ability', id, ability, request });
    });

  let settings: SettingsStore;
  let backend: Backend;
  try {
    settings = openConfSettings(init.dataDir);
    const offset = init.clockOffset;
    const printToPdf: PrintToPdf = (request) => ask('printToPdf', request);
    backend = open({
      dataDir: init.dataDir,
      mode: init.mode,
      version: init.version,
      settings,
      now: offset === null ? Date.now : () => Date.now() + offset,
      automaticBackups: init.automaticBackups,
      dataWorkerFile: init.dataWorkerFile,
      ...(init.abilities.printToPdf ? { printToPdf } : {}),
      ...(init.abilities.pickFolder ? { pickFolder: () => ask('pickFolder', null) } : {}),
      ...(init.abilities.desktopStatus ? { desktopStatus: () => ask('desktopStatus', null) } : {}),
    });
  } catch (error) {
    console.error('[offload] the backend worker could not open the backend:', error);
    post({ type: 'startFailed', message: error instanceof Error ? error.message : String(error) });
    return;
  }

  backend.subscribe((event) => {
    const withSettings: { settings?: Settings } = event.type === 'changed' && event.aggregates.includes('settings') ? { settings: settings.get() } : {};
    post({ type: 'event', event, ...withSettings });
  });

  const answer = (id: number, envelope: Envelope<unknown>) => {
    try {
      post({ type: 'reply', id, envelope });
    } catch (error) {
      // A value that cannot be cloned is a bug in a handler; the caller still gets an answer.
      console.error('[offload] a call’s result could not be sent to the host:', error);
      post({ type: 'reply', id, envelope: { ok: false, error: { code: 'INTERNAL', message: 'Offload could not send this call’s result. The cause is in Offload’s log.' } } });
    }
  };

  port.on('message', (message: HostMessage) => {
    switch (message.type) {
      case 'dispatch':
        if (closing) {
          answer(message.id, { ok: false, error: { code: 'DB_UNAVAILABLE', message: 'Offload is closing.' } });
          return;
        }
        backend.dispatch(message.name, message.input, message.caller).then(
          (envelope) => answer(message.id, envelope),
          (error: unknown) => {
            console.error('[offload] a call failed outside its handler:', error);
            answer(message.id, { ok: false, error: { code: 'INTERNAL', message: 'Offload could not complete this call. The cause is in Offload’s log.' } });
          },
        );
        return;
      case 'setShellState':
        try {
          settings.setShellState(message.key, message.value);
        } catch (error) {
          console.warn(`[offload] could not save the shell’s ${message.key}:`, error);
        }
        return;
      case 'abilityReply': {
        const pending = waiting.get(message.id);
        waiting.delete(message.id);
        if (!pending) return;
        if (message.ok) pending.resolve(message.value);
        else pending.reject(new AppError(message.error.code, message.error.message, message.error.issues));
        return;
      }
      case 'close':
        if (closing) return;
        closing = true;
        for (const pending of waiting.values()) pending.reject(new AppError('DB_UNAVAILABLE', 'Offload is closing.'));
        waiting.clear();
        backend.close();
        post({ type: 'closed' });
        return;
    }
  });

  post({ type: 'ready', settings: { file: settings.file, settings: settings.get(), notices: settings.notices, shellState: settings.allShellState() } });
}
