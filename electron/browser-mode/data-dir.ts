import os from 'node:os';
import path from 'node:path';

/**
 * Electron's `userData` folder for Offload on this platform, so browser mode and the desktop app
 * open the same database and settings by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Offload');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Offload');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Offload');
}
