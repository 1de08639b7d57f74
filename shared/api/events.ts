/**
 * What the backend tells every open window after the fact: which aggregates a committed write
 * touched, and how long work is getting on. Screens refresh from `changed` instead of each button
 * listing what to refetch; imports, backups and big recomputes report on the same channel.
 */

/** The parts of her data a call can read or write; a write names every part it may change. */
export const AGGREGATES = [
  'categories',
  'tasks',
  'timeEntries',
  'delegations',
  'msp',
  'recurring',
  'settings',
  'timeOff',
  'plans',
  'backups',
  /** The names she mapped in imports, remembered for the next file. */
  'imports',
  /** Files being uploaded for import and files prepared for download: not her data, but state a call changes. */
  'files',
  /** Running jobs (cancelling one). */
  'jobs',
] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** Long work that reports progress and can be cancelled. */
export type JobKind = 'import' | 'backup' | 'restore' | 'recompute' | 'export';

export interface ChangedEvent {
  type: 'changed';
  aggregates: Aggregate[];
  /**
   * True for the window whose own call made the change: it has already refreshed from the call's
   * result, so it need not refetch a second time. Set per window by the transport.
   */
  self: boolean;
}

export interface ProgressEvent {
  type: 'progress';
  job: string;
  kind: JobKind;
  /** What she sees next to the bar: "Importing toggl-2025.csv". */
  label: string;
  done: number;
  /** Null while the total is not known yet. */
  total: number | null;
}

export interface JobFinishedEvent {
  type: 'jobFinished';
  job: string;
  kind: JobKind;
  label: string;
  outcome: 'done' | 'cancelled' | 'failed';
  /** Why it failed or what it did, in her words. */
  message: string;
}

export type BackendEvent = ChangedEvent | ProgressEvent | JobFinishedEvent;

/** An event as the backend emits it, before a transport decides whether it is a window's own. */
export type SourcedEvent =
  | (Omit<ChangedEvent, 'self'> & { source: string | null })
  | ProgressEvent
  | JobFinishedEvent;

/** The per-window view of an event: `self` is true when `windowSource` made the change. */
export function eventFor(event: SourcedEvent, windowSource: string): BackendEvent {
  if (event.type !== 'changed') return event;
  const { source, ...rest } = event;
  return { ...rest, self: source !== null && source === windowSource };
}

/** The preload's second object (`window.offloadEvents`): a typed subscription, nothing generic. */
export interface OffloadEventsBridge {
  /** Calls `listener` with every backend event until the returned function is called. */
  subscribe(listener: (event: BackendEvent) => void): () => void;
}

/** The IPC channel the main process sends events on. Only the preload and the shell use it. */
export const EVENTS_CHANNEL = 'offload:events';
