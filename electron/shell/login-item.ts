import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from 'electron';

/** The argument a login start carries: Offload then starts in the tray, without its window. */
export const HIDDEN_ARGUMENT = '--hidden';

export interface LoginItemStatus {
  supported: boolean;
  enabled: boolean;
  message: string;
}

export interface LoginItemContext {
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** The program to start: the AppImage on Linux when run from one, else the executable. */
  executable: string;
  env: NodeJS.ProcessEnv;
  homeDir?: string;
}

/** Quotes a path for a desktop entry's Exec key (freedesktop Desktop Entry Specification). */
function execQuoted(file: string): string {
  return `"${file.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The XDG autostart entry that starts Offload in the tray at login on Linux. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Offload',
    'Comment=Track, plan and delegate IT work',
    `Exec=${execQuoted(executable)} ${HIDDEN_ARGUMENT}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function autostartFile(env: NodeJS.ProcessEnv, homeDir = os.homedir()): string {
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(homeDir, '.config');
  return path.join(config, 'autostart', 'offload.desktop');
}

/**
 * Starts Offload at login (in the tray) or stops doing so. macOS and Windows keep login items
 * themselves (`app.setLoginItemSettings`); Linux has no such API, so the XDG autostart entry is
 * written or removed. A development build is never registered: it would start a bare Electron.
 */
export function applyLoginItem(enabled: boolean, context: LoginItemContext): LoginItemStatus {
  if (!context.isPackaged) {
    return { supported: false, enabled: false, message: 'Start at login works in the installed app, not in a development build.' };
  }
  try {
    if (context.platform === 'darwin' || context.platform === 'win32') {
      context.app.setLoginItemSettings({
        openAtLogin: enabled,
        ...(context.platform === 'darwin' ? { openAsHidden: true } : { args: [HIDDEN_ARGUMENT] }),
      });
      const now = context.app.getLoginItemSettings().openAtLogin;
      return { supported: true, enabled: now, message: now ? 'Offload starts in the tray when you log in.' : 'Offload does not start at login.' };
    }
    if (context.platform === 'linux') {
      const file = autostartFile(context.env, context.homeDir);
      if (enabled) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, autostartEntry(context.executable));
      } else {
        fs.rmSync(file, { force: true });
      }
      return { supported: true, enabled, message: enabled ? `Offload starts in the tray when you log in (${file}).` : 'Offload does not start at login.' };
    }
  } catch (error) {
    return { supported: true, enabled: false, message: `Offload could not change its login item: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { supported: false, enabled: false, message: 'Start at login is not available on this system.' };
}

/** Whether this start came from the login item, so the window stays closed and the tray is all. */
export function startedAtLogin(argv: readonly string[], platform: NodeJS.Platform, app: Pick<App, 'getLoginItemSettings'>): boolean {
  if (argv.includes(HIDDEN_ARGUMENT)) return true;
  if (platform !== 'darwin') return false;
  try {
    return app.getLoginItemSettings().wasOpenedAtLogin === true;
  } catch {
    return false;
  }
}
