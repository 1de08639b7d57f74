import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfSettings } from '../../electron/settings/conf-settings';
import { AppError } from '../../shared/api/errors';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { tempDir } from '../support/temp-backend';

describe('the settings file (conf, as in browser mode)', () => {
  it('a fresh folder gives the defaults and no notices', () => {
    const store = openConfSettings(tempDir());
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notices).toEqual([]);
  });

  it('an update is validated, saved to config.json and read back after reopening', () => {
    const dir = tempDir();
    openConfSettings(dir).update({ hoursPerDay: 7.5, workingDays: [1, 2, 3, 4] });
    const reopened = openConfSettings(dir);
    expect(reopened.get()).toMatchObject({ hoursPerDay: 7.5, workingDays: [1, 2, 3, 4], weekStartsOn: 1 });
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { settings: { hoursPerDay: number } }).settings.hoursPerDay).toBe(7.5);
  });

  it('an invalid update is refused with the field named and changes nothing', () => {
    const store = openConfSettings(tempDir());
    let caught: unknown;
    try {
      store.update({ workdayStart: '18:00' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).issues?.[0]?.field).toBe('workdayEnd');
    expect(store.get().workdayStart).toBe('08:00');
  });

  it('a corrupt file is moved aside, not deleted, and she is told where it went', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), '{"settings": {"hoursPerDay": 6,');
    const store = openConfSettings(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notices).toHaveLength(1);
    const kept = fs.readdirSync(dir).find((name) => name.startsWith('config.unreadable-'));
    expect(kept).toBeDefined();
    expect(store.notices[0]?.message).toContain(kept);
    expect(fs.readFileSync(path.join(dir, kept!), 'utf8')).toBe('{"settings": {"hoursPerDay": 6,');
  });

  it('invalid values are reset one by one and reported; valid ones are kept', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ settings: { hoursPerDay: 'lots', baselineWeeks: 6 } }));
    const store = openConfSettings(dir);
    expect(store.get()).toMatchObject({ hoursPerDay: 8, baselineWeeks: 6 });
    expect(store.notices[0]?.message).toContain('hoursPerDay');
  });

  it('hands all of its shell state over at once, for the mirror the shell reads on its own thread', () => {
    const store = openConfSettings(tempDir());
    expect(store.allShellState()).toStrictEqual({});
    store.setShellState('window', { x: 1, y: 2, width: 800, height: 600, maximized: true });
    store.setShellState('reminders', { sent: [] });
    expect(store.allShellState()).toStrictEqual({ window: { x: 1, y: 2, width: 800, height: 600, maximized: true }, reminders: { sent: [] } });
  });

  it('shell state lives beside the settings without touching them', () => {
    const dir = tempDir();
    const store = openConfSettings(dir);
    store.setShellState('window', { width: 1200, height: 800 });
    expect(openConfSettings(dir).getShellState('window')).toEqual({ width: 1200, height: 800 });
    expect(openConfSettings(dir).get()).toEqual(DEFAULT_SETTINGS);
  });
});
