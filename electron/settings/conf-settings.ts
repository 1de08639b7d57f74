import path from 'node:path';
import Conf from 'conf';
import { openSettingsStore, type SettingsStore } from './settings-store';

export const SETTINGS_FILE_NAME = 'config';
/** Her settings describe her data: only she may read them (see backend/data-folder.ts). */
export const SETTINGS_FILE_MODE = 0o600;

/** Browser mode's settings: the same `config.json` in the same folder electron-store uses. */
export function openConfSettings(dataDir: string): SettingsStore {
  return openSettingsStore(
    () => new Conf({ cwd: dataDir, configName: SETTINGS_FILE_NAME, projectName: 'offload', configFileMode: SETTINGS_FILE_MODE }),
    path.join(dataDir, `${SETTINGS_FILE_NAME}.json`),
  );
}
