import { isDayOff, isWorkingDay, workingWindow, type TimeOff } from './capacity';
import { addDays, dayOfWeek, type LocalDay } from './day';
import type { DesktopSettings } from './desktop-settings';
import { formatDuration } from './duration';
import { pastResponseTarget } from './msp';
import type { Settings } from './settings';
import { localDayOf } from './zoned-time';

/**
 * The desktop app's reminders, as pure functions of plain data: what is worth telling her now
 * (`dueReminders`) and which of those may go out without nagging (`rateLimit`). The shell
 * gathers the facts through the backend's calls and shows what comes back; nothing here reads a
 * clock, a database or a setting of its own.
 *
 * Rules:
 * - untracked: on a working day (not time off), inside her working window, no timer running and
 *   nothing logged for `untrackedReminderMinutes` — counted from the end of her latest entry today,
 *   or from the window's start. Once per such stretch.
 * - dueSoon: her open tasks due today or tomorrow. Once per task per day.
 * - mspOverdue: MSP tasks still open past their category's response target. Once per task.
 * - contractUsage: the month's MSP hours at or past 80 % of the contract's included hours. Once a month.
 * - weekOverloaded: a day of the current week, today or later, whose load exceeds its capacity.
 *   Once per day that becomes overloaded.
 * - Quiet hours: with `quietOutsideWorkingHours` (the default) nothing at all is sent outside the
 *   working window; untracked is only ever about working hours.
 * - Several items of one kind go out as one notification.
 */

export type ReminderKind = 'untracked' | 'dueSoon' | 'mspOverdue' | 'contractUsage' | 'weekOverloaded';

export type ReminderSettings = Pick<Settings, 'workingDays' | 'workdayStart' | 'workdayEnd'> &
  Pick<
    DesktopSettings,
    | 'notifyUntracked'
    | 'untrackedReminderMinutes'
    | 'notifyDueSoon'
    | 'notifyMspOverdue'
    | 'notifyContractUsage'
    | 'notifyWeekOverloaded'
    | 'quietOutsideWorkingHours'
  >;

export interface ReminderFacts {
  now: number;
  /** Her zone: the working window and "today" are hers. */
  timeZone: string;
  settings: ReminderSettings;
  timeOff: readonly TimeOff[];
  timerRunning: boolean;
  /** The end of her latest finished entry on today's local day, or null when there is none. */
  lastTrackedAt: number | null;
  /** Her open tasks with a due day (the caller may pass more than the ones due soon). */
  dueTasks: readonly { id: number; title: string; dueDay: LocalDay | null }[];
  /** The MSP's open work with its category's response target (null: none set). */
  mspTasks: readonly { id: number; title: string; status: string; createdAt: number; categoryId: number | null; targetMinutes: number | null }[];
  /** This month's contract use; null without a contract. */
  contract: { month: string; usedHours: number; includedHours: number; usedShare: number | null } | null;
  /** The current week's days with their load; null when not known. */
  week: { weekStart: LocalDay; days: readonly { day: LocalDay; overloaded: boolean; overHours: number }[] } | null;
}

export interface Reminder {
  kind: ReminderKind;
  /** What it is about: a key that was sent once is never sent again. */
  keys: string[];
  title: string;
  body: string;
  /** The screen a click on it opens. */
  screen: 'today' | 'tasks' | 'msp' | 'week';
}

export const CONTRACT_WARNING_SHARE = 0.8;

/** Whether `now` lies in her working window on a working day that is not time off. */
export function isWorkingTime(now: number, timeZone: string, settings: ReminderFacts['settings'], timeOff: readonly TimeOff[]): boolean {
  const day = localDayOf(now, timeZone);
  if (!isWorkingDay(settings, day) || isDayOff(timeOff, day)) return false;
  const window = workingWindow(settings, day, timeZone);
  return now >= window.start && now < window.end;
}

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "A, B and 3 more": keeps a notification to one glance. */
function listed(items: readonly string[], shown = 3): string {
  if (items.length <= shown) return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

const quoted = (title: string) => `“${title.length > 60 ? `${title.slice(0, 59)}…` : title}”`;

const hours = (value: number) => formatDuration(Math.round(value * 60));

/**
 * Every reminder the facts call for now, leaving out what `log` says was already sent (so a
 * notification about three overdue MSP tasks names only the ones not mentioned before); empty in
 * quiet hours. Rate limits are `rateLimit`'s.
 */
export function dueReminders(facts: ReminderFacts, log: ReminderLog = EMPTY_REMINDER_LOG): Reminder[] {
  const { settings, now, timeZone } = facts;
  const unsent = (key: string) => !Object.hasOwn(log.keys, key);
  const working = isWorkingTime(now, timeZone, settings, facts.timeOff);
  if (settings.quietOutsideWorkingHours && !working) return [];
  const today = localDayOf(now, timeZone);
  const reminders: Reminder[] = [];

  if (settings.notifyMspOverdue) {
    const overdue = facts.mspTasks.filter((task) => pastResponseTarget(task, task.targetMinutes, now) && unsent(`msp:${task.id}`));
    if (overdue.length > 0) {
      reminders.push({
        kind: 'mspOverdue',
        keys: overdue.map((task) => `msp:${task.id}`),
        title: overdue.length === 1 ? 'An MSP task is past its response target' : `${overdue.length} MSP tasks are past their response target`,
        body: `${listed(overdue.map((task) => quoted(task.title)))} ${overdue.length === 1 ? 'is' : 'are'} still open. Follow up with the MSP.`,
        screen: 'msp',
      });
    }
  }

  if (settings.notifyDueSoon) {
    const tomorrow = addDays(today, 1);
    const soon = facts.dueTasks.filter((task) => (task.dueDay === today || task.dueDay === tomorrow) && unsent(`due:${task.id}:${today}`));
    if (soon.length > 0) {
      const dueToday = soon.filter((task) => task.dueDay === today).map((task) => quoted(task.title));
      const dueTomorrow = soon.filter((task) => task.dueDay === tomorrow).map((task) => quoted(task.title));
      reminders.push({
        kind: 'dueSoon',
        keys: soon.map((task) => `due:${task.id}:${today}`),
        title: soon.length === 1 ? `Due ${dueToday.length === 1 ? 'today' : 'tomorrow'}: ${soon[0]!.title}` : `${soon.length} tasks due soon`,
        body: [dueToday.length > 0 ? `Today: ${listed(dueToday)}.` : '', dueTomorrow.length > 0 ? `Tomorrow: ${listed(dueTomorrow)}.` : '']
          .filter((line) => line !== '')
          .join(' '),
        screen: 'today',
      });
    }
  }

  if (settings.notifyWeekOverloaded && facts.week) {
    const over = facts.week.days.filter((day) => day.day >= today && day.overloaded && unsent(`overloaded:${day.day}`));
    if (over.length > 0) {
      reminders.push({
        kind: 'weekOverloaded',
        keys: over.map((day) => `overloaded:${day.day}`),
        title: over.length === 1 ? `${WEEKDAY[dayOfWeek(over[0]!.day)]} is booked past your capacity` : 'This week is booked past your capacity',
        body: `${listed(over.map((day) => `${WEEKDAY[dayOfWeek(day.day)]} ${hours(day.overHours)} over`), 5)}. Move some work or hand it to the MSP.`,
        screen: 'week',
      });
    }
  }

  const contract = facts.contract;
  if (
    settings.notifyContractUsage &&
    contract &&
    contract.usedShare !== null &&
    contract.usedShare >= CONTRACT_WARNING_SHARE &&
    unsent(`contract:${contract.month}`)
  ) {
    reminders.push({
      kind: 'contractUsage',
      keys: [`contract:${contract.month}`],
      title: `The MSP contract is at ${Math.floor(contract.usedShare * 100)} % of its included hours`,
      body: `${hours(contract.usedHours)} of the ${hours(contract.includedHours)} included this month are used.`,
      screen: 'msp',
    });
  }

  if (settings.notifyUntracked && working && !facts.timerRunning) {
    const windowStart = workingWindow(settings, today, timeZone).start;
    const since = Math.max(facts.lastTrackedAt ?? windowStart, windowStart);
    const minutes = (now - since) / 60_000;
    if (minutes >= settings.untrackedReminderMinutes && unsent(`untracked:${since}`)) {
      reminders.push({
        kind: 'untracked',
        keys: [`untracked:${since}`],
        title: 'Nothing tracked for a while',
        body: `No time logged for ${formatDuration(Math.floor(minutes))}. Start the timer, or log what you did.`,
        screen: 'today',
      });
    }
  }
  return reminders;
}

/** What was sent: each key once, and when each notification went out (for the limits). */
export interface ReminderLog {
  keys: Record<string, number>;
  sent: { kind: ReminderKind; at: number }[];
}

export const EMPTY_REMINDER_LOG: ReminderLog = { keys: {}, sent: [] };

export const REMINDER_LIMITS = {
  /** At most this many notifications of all kinds in any hour. */
  perHour: 3,
  /** Between two notifications of one kind. */
  kindGapMinutes: 30,
  /** How long a sent key is remembered (far longer than any key stays relevant). */
  keyMemoryDays: 45,
} as const;

const HOUR = 3_600_000;

/**
 * Which reminders may go out now, and the log after sending them: a reminder whose keys were all
 * sent before is dropped, a kind sent in the last 30 minutes
 * waits, and no more than three go out in any hour — in the order `dueReminders` gives them, the
 * most pressing first. Whatever waits is sent on a later call if it still applies.
 */
export function rateLimit(reminders: readonly Reminder[], log: ReminderLog, now: number): { send: Reminder[]; log: ReminderLog } {
  const keys = Object.fromEntries(
    Object.entries(log.keys).filter(([, at]) => at <= now && now - at < REMINDER_LIMITS.keyMemoryDays * 24 * HOUR),
  );
  const sent = log.sent.filter((entry) => entry.at <= now && now - entry.at < HOUR);
  const send: Reminder[] = [];
  for (const reminder of reminders) {
    if (reminder.keys.every((key) => Object.hasOwn(keys, key))) continue;
    if (sent.length >= REMINDER_LIMITS.perHour) break;
    if (sent.some((entry) => entry.kind === reminder.kind && now - entry.at < REMINDER_LIMITS.kindGapMinutes * 60_000)) continue;
    send.push(reminder);
    sent.push({ kind: reminder.kind, at: now });
    for (const key of reminder.keys) keys[key] = now;
  }
  return { send, log: { keys, sent } };
}

/** Reads a stored log back; anything malformed (a hand-edited file) starts a fresh one. */
export function readReminderLog(stored: unknown): ReminderLog {
  if (typeof stored !== 'object' || stored === null) return EMPTY_REMINDER_LOG;
  const { keys, sent } = stored as { keys?: unknown; sent?: unknown };
  const goodKeys =
    typeof keys === 'object' && keys !== null
      ? Object.fromEntries(Object.entries(keys).filter((entry): entry is [string, number] => Number.isFinite(entry[1])))
      : {};
  const kinds: readonly string[] = ['untracked', 'dueSoon', 'mspOverdue', 'contractUsage', 'weekOverloaded'];
  const goodSent = Array.isArray(sent)
    ? sent.filter(
        (entry): entry is ReminderLog['sent'][number] =>
          typeof entry === 'object' && entry !== null && kinds.includes((entry as { kind?: unknown }).kind as string) && Number.isFinite((entry as { at?: unknown }).at),
      )
    : [];
  return { keys: goodKeys, sent: goodSent };
}
