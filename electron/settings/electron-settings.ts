import path from 'node:path';
import ElectronStore from 'electron-store';
import { SETTINGS_FILE_MODE, SETTINGS_FILE_NAME } from './conf-settings';
import { openSettingsStore, type SettingsStore } from './settings-store';

/** The desktop app's settings: electron-store's `config.json` in the app's user-data folder. */
export function openElectronSettings(userDataDir: string): SettingsStore {
  return openSettingsStore(
    () => new ElectronStore({ cwd: userDataDir, name: SETTINGS_FILE_NAME, configFileMode: SETTINGS_FILE_MODE }),
    path.join(userDataDir, `${SETTINGS_FILE_NAME}.json`),
  );
}
