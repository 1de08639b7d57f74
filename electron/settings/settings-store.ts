import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import {
  repairSettings,
  settingsSchema,
  type Settings,
} from '../../shared/domain/settings';
import type { Notice } from '../../shared/domain/types';

/** The part of conf / electron-store we use; both implement it. */
export interface KeyValueFile {
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface SettingsStore {
  readonly file: string;
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
  /** Window bounds and other shell state, kept beside the settings but outside their schema. */
  getShellState(key: string): unknown;
  setShellState(key: string, value: unknown): void;
  /** Every shell-state key and its value, for the mirror the shell reads on another thread. */
  allShellState(): Record<string, unknown>;
  /** Problems found while loading the file, shown to her once in the UI. */
  readonly notices: Notice[];
}

/**
 * Opens the settings file through `openFile` (conf in browser mode, electron-store in the desktop
 * app). An unreadable file is moved aside, never deleted, and she is told where it went; a file
 * with some invalid values keeps the valid ones.
 */
export function openSettingsStore(openFile: () => KeyValueFile, expectedFile: string, now = Date.now()): SettingsStore {
  const notices: Notice[] = [];
  let file: KeyValueFile;
  try {
    file = openFile();
  } catch (error) {
    const keptAt = moveAside(expectedFile, now);
    file = openFile();
    notices.push({
      id: 'settings-unreadable',
      level: 'warning',
      message: `Your settings file could not be read (${error instanceof Error ? error.message : String(error)}), so defaults are in use. The unreadable file was kept at ${keptAt}.`,
    });
  }

  const { settings: loaded, rejected } = repairSettings(file.get('settings'));
  let current = loaded;
  if (rejected.length > 0) {
    notices.push({
      id: 'settings-repaired',
      level: 'warning',
      message: `Some settings had invalid values and were reset to their defaults: ${rejected.join(', ')}.`,
    });
  }

  return {
    file: file.path,
    notices,
    get: () => current,
    update(patch) {
      const parsed = settingsSchema.safeParse({ ...current, ...patch });
      if (!parsed.success) {
        throw new AppError(
          'VALIDATION',
          parsed.error.issues[0]?.message ?? 'Those settings are not valid',
          parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
        );
      }
      file.set('settings', parsed.data);
      current = parsed.data;
      return current;
    },
    getShellState: (key) => file.get(`shell.${key}`),
    setShellState: (key, value) => file.set(`shell.${key}`, value),
    allShellState() {
      const state = file.get('shell');
      return state !== null && typeof state === 'object' && !Array.isArray(state) ? { ...(state as Record<string, unknown>) } : {};
    },
  };
}

function moveAside(file: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const target = path.join(path.dirname(file), `${path.basename(file, '.json')}.unreadable-${stamp}.json`);
  if (fs.existsSync(file)) fs.renameSync(file, target);
  return target;
}
