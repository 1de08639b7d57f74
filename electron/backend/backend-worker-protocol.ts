import type { DesktopStatus } from '../../shared/api/desktop-views';
import type { ApiErrorShape, Envelope } from '../../shared/api/errors';
import type { SourcedEvent } from '../../shared/api/events';
import type { Settings } from '../../shared/domain/settings';
import type { AppStatus, Notice } from '../../shared/domain/types';
import type { PrintToPdf } from '../handlers/types';
import type { Caller } from './backend';

/**
 * What the host (electron/backend/backend-host.ts, on the Electron main thread or the browser-mode
 * server's thread) and the backend worker (electron/workers/backend-worker.ts) say to each other.
 * Everything is structured-cloneable data: functions stay on their side, and what only the desktop
 * shell can do travels back to the host as a request.
 */

/** The worker's `workerData`: what `openBackend` needs that can cross a thread. */
export interface BackendWorkerInit {
  dataDir: string;
  mode: AppStatus['mode'];
  version: string;
  /**
   * The host's clock as an offset from the real one (`now() - Date.now()` measured on the host), so
   * both threads read the very same instant; null for the real clock.
   */
  clockOffset: number | null;
  automaticBackups: boolean;
  dataWorkerFile: string | null;
  /** Which desktop abilities the host has; each becomes a request to the host when a handler uses it. */
  abilities: { printToPdf: boolean; pickFolder: boolean; desktopStatus: boolean };
}

/** What the host can do for a handler, by name, with its request and answer. */
export interface HostAbilities {
  printToPdf: { request: Parameters<PrintToPdf>[0]; answer: Awaited<ReturnType<PrintToPdf>> };
  pickFolder: { request: null; answer: string | null };
  desktopStatus: { request: null; answer: DesktopStatus };
}
export type HostAbility = keyof HostAbilities;

/** The settings side the shell reads on its own thread: a snapshot, followed by every change. */
export interface SettingsSnapshot {
  file: string;
  settings: Settings;
  notices: Notice[];
  /** The shell's own state kept beside the settings (window bounds, the reminder log), by key. */
  shellState: Record<string, unknown>;
}

export type HostMessage =
  | { type: 'dispatch'; id: number; name: unknown; input: unknown; caller: Caller }
  | { type: 'setShellState'; key: string; value: unknown }
  | { type: 'abilityReply'; id: number; ok: true; value: unknown }
  | { type: 'abilityReply'; id: number; ok: false; error: ApiErrorShape }
  | { type: 'close' };

export type WorkerMessage =
  | { type: 'ready'; settings: SettingsSnapshot }
  | { type: 'startFailed'; message: string }
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  /** Every backend event; a `changed` that includes settings carries the settings as they now are. */
  | { type: 'event'; event: SourcedEvent; settings?: Settings }
  | { type: 'ability'; id: number; ability: HostAbility; request: unknown }
  | { type: 'closed' };
