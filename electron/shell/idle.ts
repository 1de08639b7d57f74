import type { PowerMonitor } from 'electron';
import type { IdleChoice } from '../../shared/api/desktop-views';
import { formatDuration } from '../../shared/domain/duration';
import type { DesktopSettings } from '../../shared/domain/desktop-settings';
import { clockOf } from '../../shared/domain/zoned-time';
import type { Clock } from '../backend/clock';
import { callBackend, type ShellBackend } from './backend-calls';
import { NOT_AWAY, nextIdleState, type IdleSignal, type IdleWatchState, type TimeAway } from './idle-watch';
import type { Scheduler } from './scheduler';

/** How often the system's idle time is read: a return is noticed within this long. */
export const IDLE_POLL_MS = 15_000;

export interface IdleQuestion {
  /** The running timer's task (or category). */
  label: string;
  /** When the timer's idle part began: her idle start, or the timer's start if that was later. */
  idleFrom: number;
  returnedAt: number;
  timeZone: string;
}

/** The three answers, in the order of the buttons; Escape and closing the box mean keep. */
export const IDLE_CHOICES: readonly IdleChoice[] = ['keep', 'discard', 'split'];

/** The words of the question, for a native message box. */
export function idlePrompt(question: IdleQuestion): { message: string; detail: string; buttons: string[] } {
  const from = clockOf(question.idleFrom, question.timeZone);
  const to = clockOf(question.returnedAt, question.timeZone);
  return {
    message: `You were away for ${formatDuration(Math.round((question.returnedAt - question.idleFrom) / 60_000))}`,
    detail:
      `The timer on “${question.label}” kept running from ${from} to ${to}.\n\n` +
      `Keep: count that time on it.\n` +
      `Discard: stop the timer at ${from}.\n` +
      `Split: log ${from}–${to} as its own entry, to say what it was, and carry on.`,
    buttons: ['Keep the time', 'Discard it', 'Split it off'],
  };
}

export interface IdleOptions {
  backend: ShellBackend;
  now: Clock;
  powerMonitor: Pick<PowerMonitor, 'getSystemIdleTime' | 'on' | 'removeListener'>;
  scheduler: Scheduler;
  settings: () => Pick<DesktopSettings, 'idleDetection' | 'idleThresholdMinutes'>;
  /** Asks her (a message box) and resolves with her answer. */
  ask: (question: IdleQuestion) => Promise<IdleChoice>;
  /** Tells her something went wrong (the answer could not be applied). */
  report: (message: string) => void;
}

export interface IdleWatch {
  /** Feeds one signal (powerMonitor does this; tests call it directly). */
  signal(signal: IdleSignal): void;
  /** Resolves once the question under way (if any) has been answered and applied. */
  settled(): Promise<void>;
  stop(): void;
}

/**
 * Notices when she was away while the timer ran and applies her answer through the backend
 * (`timer:resolveIdle`, one transaction): keep, discard, or split. Asks once at a time; a return
 * with no timer running, or with a timer started after she came back, asks nothing.
 */
export function startIdleWatch(options: IdleOptions): IdleWatch {
  const { backend, now, powerMonitor, scheduler } = options;
  let state: IdleWatchState = NOT_AWAY;
  let asking: Promise<void> | null = null;

  const onReturn = async (away: TimeAway) => {
    const running = await callBackend(backend, 'timer:current');
    if (!running || running.startAt >= away.returnedAt) return;
    const idleFrom = Math.max(away.idleFrom, running.startAt);
    const label =
      running.taskId !== null
        ? (await callBackend(backend, 'tasks:get', { id: running.taskId })).title
        : ((await callBackend(backend, 'categories:list', { includeArchived: true })).find((category) => category.id === running.categoryId)?.name ??
          'Timer');
    const { timeZone } = await callBackend(backend, 'app:status');
    const choice = await options.ask({ label, idleFrom, returnedAt: away.returnedAt, timeZone });
    if (choice === 'keep') return;
    await callBackend(backend, 'timer:resolveIdle', { entryId: running.id, idleFrom, returnedAt: away.returnedAt, choice });
  };

  const signal = (next: IdleSignal) => {
    const settings = options.settings();
    if (!settings.idleDetection) {
      state = NOT_AWAY;
      return;
    }
    // While she answers, the box itself is her activity: nothing new is noticed until she has.
    if (asking) return;
    const result = nextIdleState(state, next, settings.idleThresholdMinutes * 60_000);
    state = result.state;
    if (!result.returned) return;
    asking = onReturn(result.returned)
      .catch((error: unknown) => {
        console.warn('[offload] the idle time could not be settled:', error);
        options.report(error instanceof Error ? error.message : String(error));
      })
      .finally(() => {
        asking = null;
      });
  };

  const away = () => signal({ type: 'away', at: now() });
  const back = () => signal({ type: 'back', at: now() });
  powerMonitor.on('lock-screen', away);
  powerMonitor.on('suspend', away);
  powerMonitor.on('unlock-screen', back);
  powerMonitor.on('resume', back);
  const stopPolling = scheduler.every(IDLE_POLL_MS, () => signal({ type: 'idleTime', at: now(), idleSeconds: powerMonitor.getSystemIdleTime() }));

  return {
    signal,
    settled: () => asking ?? Promise.resolve(),
    stop() {
      stopPolling();
      powerMonitor.removeListener('lock-screen', away);
      powerMonitor.removeListener('suspend', away);
      powerMonitor.removeListener('unlock-screen', back);
      powerMonitor.removeListener('resume', back);
    },
  };
}
