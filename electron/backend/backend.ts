import fs from 'node:fs';
import path from 'node:path';
import { AppError, type Envelope } from '../../shared/api/errors';
import type { AppStatus } from '../../shared/domain/types';
import { effectiveTimeZone, localDayOf } from '../../shared/domain/zoned-time';
import { openDatabase, type SqliteDatabase } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { handlers } from '../handlers';
import { materialiseRecurring } from '../handlers/recurring-handlers';
import type { HandlerContext } from '../handlers/types';
import { hasAnyTask, purgeDeletedTasks } from '../repositories/tasks';
import type { SettingsStore } from '../settings/settings-store';
import { dispatch } from './dispatch';

export const DATABASE_FILE_NAME = 'offload.db';

export interface BackendOptions {
  dataDir: string;
  mode: AppStatus['mode'];
  version: string;
  settings: SettingsStore;
  now?: () => number;
}

/** The app's services over one database: what the Electron shell and the browser-mode server host. */
export interface Backend {
  dispatch(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** The database handle, or null when it could not be opened. */
  readonly db: SqliteDatabase | null;
  close(): void;
}

export function openBackend(options: BackendOptions): Backend {
  const now = options.now ?? Date.now;
  const databaseFile = path.join(options.dataDir, DATABASE_FILE_NAME);
  fs.mkdirSync(options.dataDir, { recursive: true });

  const todayFor = (instant: number) => localDayOf(instant, effectiveTimeZone(options.settings.get().timeZone));
  let db: SqliteDatabase | null = null;
  let fatal: AppStatus['fatal'] = null;
  try {
    db = openDatabase(databaseFile, { now });
    purgeDeletedTasks(db, now());
    materialiseRecurring(db, todayFor(now()), now());
  } catch (error) {
    fatal =
      error instanceof AppError
        ? { code: error.code, message: error.message }
        : { code: 'DB_UNREADABLE', message: `The database ${databaseFile} could not be opened: ${String(error)}` };
  }

  /** Recurring occurrences are generated on open and again whenever her day changes while open. */
  let materialisedFor = db ? todayFor(now()) : '';
  const keepRecurringCurrent = (database: SqliteDatabase) => {
    const today = todayFor(now());
    if (today === materialisedFor) return;
    materialisedFor = today;
    materialiseRecurring(database, today, now());
  };

  const status = (): AppStatus => ({
    version: options.version,
    mode: options.mode,
    dataDir: options.dataDir,
    databaseFile,
    schemaVersion: db ? (db.pragma('user_version', { simple: true }) as number) : LATEST_SCHEMA_VERSION,
    fatal,
    notices: options.settings.notices,
    firstRun: db ? !hasAnyTask(db) : false,
  });

  return {
    get db() {
      return db;
    },
    async dispatch(name, input) {
      if (!db) {
        if (name === 'app:status') return { ok: true, value: status() };
        return { ok: false, error: fatal ? { code: 'DB_UNAVAILABLE', message: fatal.message } : { code: 'DB_UNAVAILABLE', message: 'The database is closed.' } };
      }
      keepRecurringCurrent(db);
      const timeZone = () => effectiveTimeZone(options.settings.get().timeZone);
      const context: HandlerContext = {
        db,
        settings: options.settings,
        now,
        status,
        timeZone,
        today: () => localDayOf(now(), timeZone()),
      };
      return dispatch(handlers, context, name, input);
    },
    close() {
      const closing = db;
      db = null;
      if (!closing?.open) return;
      try {
        // Folds the WAL back into the main file so a copied or backed-up offload.db is complete.
        closing.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        closing.close();
      }
    },
  };
}
