import { z } from 'zod';
import { DEFAULT_DESKTOP_SETTINGS, desktopSettingFields } from './desktop-settings';

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 08:00');

/** A zone the platform knows (IANA names such as America/Chicago, or UTC). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const weekday = z.number({ error: 'A day of the week is 0 (Sunday) to 6 (Saturday)' }).int('A day of the week is 0 (Sunday) to 6 (Saturday)').min(0, 'A day of the week is 0 (Sunday) to 6 (Saturday)').max(6, 'A day of the week is 0 (Sunday) to 6 (Saturday)');

const salary = z
  .number({ error: 'Type the salary as a number' })
  .min(0, 'A salary cannot be negative')
  .max(10_000_000, 'A salary over 10,000,000 a year is not plausible');

/** Each setting's rule, without defaults so that a partial update never resets other fields. */
export const settingFields = {
  /** IANA zone; `null` follows the system's zone. */
  timeZone: z.string().refine(isTimeZone, 'Unknown time zone: choose one from the list, such as America/Chicago').nullable(),
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: weekday,
  workingDays: z
    .array(weekday)
    .max(7, 'A week has seven days')
    .refine((days) => new Set(days).size === days.length, 'A working day is listed twice'),
  workdayStart: clockTime,
  workdayEnd: clockTime,
  hoursPerDay: z
    .number({ error: 'Type the hours as a number' })
    .min(0, 'Hours per day cannot be negative')
    .max(24, 'A day has 24 hours'),
  baselineWeeks: z
    .number({ error: 'Type a whole number of weeks' })
    .int('Type a whole number of weeks')
    .min(1, 'The baseline needs at least 1 week')
    .max(52, 'The baseline looks back at most 52 weeks'),
  /** Share of MSP hours she spends overseeing them, 0–1. */
  oversightShare: z
    .number({ error: 'Type the share as a number' })
    .min(0, 'The oversight share cannot be negative')
    .max(1, 'The oversight share is at most 100 %'),
  /** Hold back her usual interrupts from each day's capacity in the week plan and the auto-plan. */
  interruptReserve: z.boolean({ error: 'On or off' }),
  managerAnnualSalary: salary,
  hireAnnualSalary: salary,
  overheadPercent: z
    .number({ error: 'Type the overhead as a number' })
    .min(0, 'Overhead cannot be negative')
    .max(500, 'Overhead over 500 % is not plausible'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD'),
  theme: z.enum(['system', 'light', 'dark'], { error: 'Follow the system, light or dark' }),
  ...desktopSettingFields,
};

export type SettingKey = keyof typeof settingFields;

/**
 * The one schema behind the settings file (electron-store in the desktop app, conf in browser
 * mode) and the `settings:update` call.
 */
export const settingsSchema = z
  .object(settingFields)
  .refine((settings) => settings.workdayStart < settings.workdayEnd, {
    message: 'The working day must end after it starts',
    path: ['workdayEnd'],
  });

export const settingsPatchSchema = z.object(settingFields).partial().strict();

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  timeZone: null,
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  workdayStart: '08:00',
  workdayEnd: '17:00',
  hoursPerDay: 8,
  baselineWeeks: 8,
  oversightShare: 0.1,
  interruptReserve: true,
  managerAnnualSalary: 95_000,
  hireAnnualSalary: 65_000,
  overheadPercent: 30,
  currency: 'USD',
  theme: 'system',
  ...DEFAULT_DESKTOP_SETTINGS,
};

/**
 * Reads whatever a settings file holds: each valid value is kept, each invalid or missing one
 * falls back to its default and is reported, so one bad field never costs her the others.
 */
export function repairSettings(stored: unknown): { settings: Settings; rejected: SettingKey[] } {
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const rejected: SettingKey[] = [];
  for (const key of Object.keys(settingFields) as SettingKey[]) {
    if (!(key in source)) continue;
    const parsed = settingFields[key].safeParse(source[key]);
    if (parsed.success) settings[key] = parsed.data;
    else rejected.push(key);
  }
  const whole = settingsSchema.safeParse(settings);
  if (whole.success) return { settings: whole.data, rejected };
  return {
    settings: { ...(settings as Settings), workdayStart: DEFAULT_SETTINGS.workdayStart, workdayEnd: DEFAULT_SETTINGS.workdayEnd },
    rejected: [...rejected, 'workdayStart', 'workdayEnd'],
  };
}
