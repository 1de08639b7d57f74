import { z } from 'zod';
import { ACCELERATOR_EXAMPLE, acceleratorProblem } from './accelerator';

const onOff = z.boolean({ error: 'On or off' });

/**
 * What the desktop app adds: the tray, the global quick-add shortcut, idle detection, reminders,
 * start at login and updates. Browser mode keeps these values but uses none of them. Spread into
 * `settingFields` (settings.ts), so the same file, repair and `settings:update` cover them.
 */
export const desktopSettingFields = {
  /** Closing the window keeps Offload running in the tray (the timer stays reachable there). */
  closeToTray: onOff,
  /** The system-wide quick-add shortcut, in Electron's accelerator syntax; null turns it off. */
  quickAddShortcut: z
    .string({ error: `Type a shortcut such as ${ACCELERATOR_EXAMPLE}` })
    .superRefine((text, context) => {
      const problem = acceleratorProblem(text);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .nullable(),
  /** Ask what to do with the time when the system was idle (or locked) while the timer ran. */
  idleDetection: onOff,
  idleThresholdMinutes: z
    .number({ error: 'Type a whole number of minutes' })
    .int('Type a whole number of minutes')
    .min(1, 'At least 1 minute')
    .max(240, 'At most 240 minutes (4 hours)'),
  /** Reminder: nothing tracked for `untrackedReminderMinutes` during working hours. */
  notifyUntracked: onOff,
  untrackedReminderMinutes: z
    .number({ error: 'Type a whole number of minutes' })
    .int('Type a whole number of minutes')
    .min(15, 'At least 15 minutes')
    .max(480, 'At most 480 minutes (8 hours)'),
  /** Reminder: a task of hers due today or tomorrow. */
  notifyDueSoon: onOff,
  /** Reminder: an MSP task still open past its category's response target. */
  notifyMspOverdue: onOff,
  /** Reminder: the month's MSP hours at 80 % of the contract's included hours. */
  notifyContractUsage: onOff,
  /** Reminder: a day of this week (today or later) booked past its capacity. */
  notifyWeekOverloaded: onOff,
  /** No reminder outside her working window (working days, workdayStart–workdayEnd, not time off). */
  quietOutsideWorkingHours: onOff,
  /** Start Offload, in the tray, when she logs in. */
  startAtLogin: onOff,
  /** Check for a new version (packaged app only) and offer it. */
  checkForUpdates: onOff,
};

export type DesktopSettingKey = keyof typeof desktopSettingFields;

export type DesktopSettings = { [Key in DesktopSettingKey]: z.output<(typeof desktopSettingFields)[Key]> };

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = {
  closeToTray: false,
  quickAddShortcut: ACCELERATOR_EXAMPLE,
  idleDetection: true,
  idleThresholdMinutes: 10,
  notifyUntracked: true,
  untrackedReminderMinutes: 60,
  notifyDueSoon: true,
  notifyMspOverdue: true,
  notifyContractUsage: true,
  notifyWeekOverloaded: true,
  quietOutsideWorkingHours: true,
  startAtLogin: false,
  checkForUpdates: true,
};
