import fs from 'node:fs';
import path from 'node:path';
import type { App } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLoginItem, autostartEntry, autostartFile, startedAtLogin } from '../../electron/shell/login-item';
import { fake } from '../support/fake-electron';
import { tempDir } from '../support/temp-backend';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  fake.reset();
});

/** The fake app, as the Electron type the login-item code takes. */
const electronApp = () => fake.electron.app as unknown as App;

const context = (platform: NodeJS.Platform, extra: Partial<Parameters<typeof applyLoginItem>[1]> = {}) => ({
  app: electronApp(),
  platform,
  isPackaged: true,
  executable: '/opt/Offload/offload',
  env: {},
  ...extra,
});

describe('start at login', () => {
  it('is a hidden login item on macOS', () => {
    expect(applyLoginItem(true, context('darwin'))).toStrictEqual({ supported: true, enabled: true, message: 'Offload starts in the tray when you log in.' });
    expect(fake.electron.app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({ openAtLogin: true, openAsHidden: true });
  });

  it('starts with --hidden on Windows, and is removed again', () => {
    applyLoginItem(true, context('win32'));
    expect(fake.electron.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, args: ['--hidden'] });
    expect(applyLoginItem(false, context('win32')).enabled).toBe(false);
    expect(fake.electron.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, args: ['--hidden'] });
  });

  it('writes and removes an XDG autostart entry on Linux, starting the AppImage hidden', () => {
    const config = tempDir('offload-xdg-');
    dirs.push(config);
    const env = { XDG_CONFIG_HOME: config };
    const status = applyLoginItem(true, context('linux', { env, executable: '/home/her/Apps/Offload "2".AppImage' }));
    const file = path.join(config, 'autostart', 'offload.desktop');
    expect(status).toStrictEqual({ supported: true, enabled: true, message: `Offload starts in the tray when you log in (${file}).` });
    expect(fs.readFileSync(file, 'utf8')).toBe(autostartEntry('/home/her/Apps/Offload "2".AppImage'));
    expect(fs.readFileSync(file, 'utf8')).toContain('Exec="/home/her/Apps/Offload \\"2\\".AppImage" --hidden\n');
    applyLoginItem(false, context('linux', { env }));
    expect(fs.existsSync(file)).toBe(false);
  });

  it('uses ~/.config/autostart when XDG_CONFIG_HOME is unset or not absolute', () => {
    expect(autostartFile({}, '/home/her')).toBe('/home/her/.config/autostart/offload.desktop');
    expect(autostartFile({ XDG_CONFIG_HOME: 'relative' }, '/home/her')).toBe('/home/her/.config/autostart/offload.desktop');
  });

  it('is never registered from a development build', () => {
    expect(applyLoginItem(true, context('darwin', { isPackaged: false })).supported).toBe(false);
    expect(fake.electron.app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('knows a login start by --hidden, or on macOS by the system’s word', () => {
    expect(startedAtLogin(['/opt/Offload/offload', '--hidden'], 'linux', electronApp())).toBe(true);
    expect(startedAtLogin(['/opt/Offload/offload'], 'linux', electronApp())).toBe(false);
    fake.electron.app.loginItem = { openAtLogin: true, wasOpenedAtLogin: true };
    expect(startedAtLogin(['/Applications/Offload.app/Contents/MacOS/Offload'], 'darwin', electronApp())).toBe(true);
  });
});
