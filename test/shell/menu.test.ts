import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, installAppMenu } from '../../electron/shell/menu';

const electron = vi.hoisted(() => ({
  Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
  app: { isPackaged: true, getPath: vi.fn((name: string) => `/home/her/.config/Offload#${name}`) },
  shell: { openPath: vi.fn(() => Promise.resolve('')) },
}));

vi.mock('electron', () => electron);

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

const template = (platform: NodeJS.Platform, isPackaged: boolean) =>
  appMenuTemplate({ platform, isPackaged, openDataFolder: () => undefined });

describe('the application menu', () => {
  it('offers developer tools and reload only in an unpackaged build', () => {
    expect(roles(template('linux', false))).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
    expect(roles(template('linux', true))).not.toContain('toggleDevTools');
    expect(roles(template('linux', true))).not.toContain('reload');
  });

  it('has the app menu on macOS only, and Quit in File elsewhere', () => {
    expect(roles(template('darwin', true))).toContain('appMenu');
    expect(roles(template('win32', true))).not.toContain('appMenu');
    expect(roles(template('win32', true))).toContain('quit');
  });

  it('offers editing, zoom and full screen everywhere', () => {
    expect(roles(template('linux', true))).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'windowMenu']),
    );
  });

  it('opens the app’s own data folder from Help', () => {
    installAppMenu();
    const installed = electron.Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    const help = installed.find((item) => item.role === 'help');
    const open = (help?.submenu as MenuItemConstructorOptions[]).find((item) => item.label === 'Open Data Folder');
    (open?.click as () => void)();
    expect(electron.app.getPath).toHaveBeenCalledWith('userData');
    expect(electron.shell.openPath).toHaveBeenCalledExactlyOnceWith('/home/her/.config/Offload#userData');
  });
});
