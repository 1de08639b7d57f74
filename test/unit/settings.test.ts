import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, repairSettings, settingsSchema } from '../../shared/domain/settings';

describe('settings', () => {
  it('defaults are the brief’s: Mon–Fri 08:00–17:00, 8 h a day, weeks from Monday, 8 baseline weeks, 10 % oversight', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      workingDays: [1, 2, 3, 4, 5],
      workdayStart: '08:00',
      workdayEnd: '17:00',
      hoursPerDay: 8,
      weekStartsOn: 1,
      baselineWeeks: 8,
      oversightShare: 0.1,
      timeZone: null,
    });
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });

  it('a file with some invalid values keeps the valid ones and reports the rest', () => {
    const { settings, rejected } = repairSettings({ hoursPerDay: 6, weekStartsOn: 9, theme: 'neon', unknown: 1 });
    expect(settings.hoursPerDay).toBe(6);
    expect(settings.weekStartsOn).toBe(DEFAULT_SETTINGS.weekStartsOn);
    expect(settings.theme).toBe('system');
    expect(rejected.sort()).toEqual(['theme', 'weekStartsOn']);
  });

  it('anything that is not an object yields the defaults', () => {
    expect(repairSettings('garbage')).toEqual({ settings: DEFAULT_SETTINGS, rejected: [] });
    expect(repairSettings(null).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('a working day that ends before it starts is reset to the default window', () => {
    const { settings, rejected } = repairSettings({ workdayStart: '18:00', workdayEnd: '09:00' });
    expect([settings.workdayStart, settings.workdayEnd]).toEqual(['08:00', '17:00']);
    expect(rejected).toEqual(['workdayStart', 'workdayEnd']);
  });
});
