import { addDays, startOfWeek } from '../../shared/domain/day';
import {
  dueReminders,
  isWorkingTime,
  rateLimit,
  readReminderLog,
  type Reminder,
  type ReminderFacts,
} from '../../shared/domain/reminders';
import type { SettingsStore } from '../settings/settings-store';
import type { Clock } from '../backend/clock';
import { localDayOf } from '../../shared/domain/zoned-time';
import { callBackend, type ShellBackend } from './backend-calls';
import type { Scheduler } from './scheduler';

/** How often the rules are looked at; each kind's own limits decide what actually goes out. */
export const REMINDER_CHECK_MS = 5 * 60_000;
/** The first look, once the app has settled after start. */
const FIRST_CHECK_MS = 60_000;
/** Where the log of what was sent lives: beside the window state, outside the settings schema. */
const LOG_KEY = 'reminders';

export interface RemindersOptions {
  backend: ShellBackend;
  now: Clock;
  scheduler: Scheduler;
  /** For the log of what was sent, kept across restarts so nothing is said twice. */
  store: Pick<SettingsStore, 'getShellState' | 'setShellState'>;
  /** Shows one notification (a system notification in the app). */
  show: (reminder: Reminder) => void;
}

export interface RemindersController {
  /** Looks at the rules now and sends what may go out; resolves with what was sent. */
  check(): Promise<Reminder[]>;
  stop(): void;
}

/**
 * Gathers the facts the reminder rules need through the backend's own calls (`today:summary`,
 * `tasks:list`, `msp:queue` and `msp:get`, `msp:burnDown`, `weekPlan:get`, `timeOff:list`),
 * applies the pure rules and the rate limits of shared/domain/reminders.ts, and shows what comes
 * out. In quiet hours it stops after reading the settings: nothing else is computed at night.
 */
export async function gatherReminderFacts(backend: ShellBackend, now: number): Promise<ReminderFacts | null> {
  const settings = await callBackend(backend, 'settings:get');
  const { timeZone } = await callBackend(backend, 'app:status');
  // Only whether she is off now matters: the ranges from today on, not all she ever took.
  const timeOff = (await callBackend(backend, 'timeOff:list', { from: localDayOf(now, timeZone) })).ranges;
  const anyOn =
    settings.notifyUntracked || settings.notifyDueSoon || settings.notifyMspOverdue || settings.notifyContractUsage || settings.notifyWeekOverloaded;
  if (!anyOn || (settings.quietOutsideWorkingHours && !isWorkingTime(now, timeZone, settings, timeOff))) return null;

  const summary = await callBackend(backend, 'today:summary');
  const timer = await callBackend(backend, 'timer:current');
  const finished = summary.entries.filter((entry) => entry.endAt !== null && entry.worker === 'me').map((entry) => entry.endAt!);

  const dueTasks = settings.notifyDueSoon
    ? (await callBackend(backend, 'tasks:list', { status: 'active', owner: 'me', dueBy: addDays(summary.today, 1), sort: 'urgency', limit: 100 })).tasks
    : [];

  let mspTasks: ReminderFacts['mspTasks'] = [];
  if (settings.notifyMspOverdue) {
    const [queue, setup] = [await callBackend(backend, 'msp:queue', {}), await callBackend(backend, 'msp:get')];
    const targets = new Map(setup.responseTargets.map((target) => [target.categoryId, target.targetMinutes]));
    mspTasks = queue.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      status: task.status,
      createdAt: task.createdAt,
      categoryId: task.categoryId,
      targetMinutes: task.categoryId === null ? null : (targets.get(task.categoryId) ?? null),
    }));
  }

  let contract: ReminderFacts['contract'] = null;
  if (settings.notifyContractUsage) {
    const burnDown = await callBackend(backend, 'msp:burnDown');
    if (burnDown.contract) {
      contract = { month: burnDown.month, usedHours: burnDown.usedHours, includedHours: burnDown.includedHours, usedShare: burnDown.usedShare };
    }
  }

  let week: ReminderFacts['week'] = null;
  if (settings.notifyWeekOverloaded) {
    const plan = await callBackend(backend, 'weekPlan:get', { weekStart: startOfWeek(summary.today, settings.weekStartsOn) });
    week = { weekStart: plan.weekStart, days: plan.days.map((day) => ({ day: day.day, overloaded: day.load.overloaded, overHours: day.load.overHours })) };
  }

  return {
    now,
    timeZone,
    settings,
    timeOff,
    timerRunning: timer !== null,
    lastTrackedAt: finished.length === 0 ? null : Math.max(...finished),
    dueTasks,
    mspTasks,
    contract,
    week,
  };
}

export function startReminders(options: RemindersOptions): RemindersController {
  const { backend, now, scheduler, store, show } = options;
  let checking: Promise<Reminder[]> | null = null;

  const check = (): Promise<Reminder[]> => {
    checking ??= (async () => {
      const at = now();
      const facts = await gatherReminderFacts(backend, at);
      if (!facts) return [];
      const log = readReminderLog(store.getShellState(LOG_KEY));
      const { send, log: next } = rateLimit(dueReminders(facts, log), log, at);
      if (send.length === 0) return [];
      store.setShellState(LOG_KEY, next);
      for (const reminder of send) show(reminder);
      return send;
    })()
      .catch((error: unknown) => {
        // A database that cannot be read right now: try again at the next look.
        console.warn('[offload] reminders could not be checked:', error);
        return [];
      })
      .finally(() => {
        checking = null;
      });
    return checking;
  };

  const cancelFirst = scheduler.after(FIRST_CHECK_MS, () => void check());
  const stopEvery = scheduler.every(REMINDER_CHECK_MS, () => void check());
  return {
    check,
    stop() {
      cancelFirst();
      stopEvery();
    },
  };
}
