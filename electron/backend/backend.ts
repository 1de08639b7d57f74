import fs from 'node:fs';
import path from 'node:path';
import { contract, isCallName } from '../../shared/api/contract';
import { AppError, type Envelope } from '../../shared/api/errors';
import type { SourcedEvent } from '../../shared/api/events';
import type { LocalDay } from '../../shared/domain/day';
import type { AppStatus } from '../../shared/domain/types';
import { effectiveTimeZone, localDayOf } from '../../shared/domain/zoned-time';
import { openDatabase, type SqliteDatabase } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { handlers } from '../handlers';
import { materialiseRecurring } from '../handlers/recurring-handlers';
import type { HandlerContext } from '../handlers/types';
import { settleUndatedOwners } from '../repositories/ownership';
import { createDataService } from '../services/data/data-service';
import { entryCalendar, type EntryCalendar } from '../services/entry-calendar';
import { keepEntryFactsCurrent } from '../services/entry-facts-service';
import { hasAnyTask, purgeDeletedTasks } from '../repositories/tasks';
import type { SettingsStore } from '../settings/settings-store';
import type { Clock } from './clock';
import { dispatch } from './dispatch';
import { createEventHub } from './events';
import { createJobs, type Jobs } from './jobs';
import { createWriteGate } from './write-gate';

export const DATABASE_FILE_NAME = 'offload.db';

export interface BackendOptions {
  dataDir: string;
  mode: AppStatus['mode'];
  version: string;
  settings: SettingsStore;
  /** The app's one clock (see clock.ts); tests pass their own. */
  now?: Clock;
  /**
   * The built data worker that runs imports and exports off the main thread: dist/electron/data-worker.cjs
   * (resolved by electron/main.ts), dist/server/data-worker.mjs (electron/browser-mode/cli.ts), or the
   * bundle test/support/global-setup.ts builds. Without it, import and export calls fail and say why.
   */
  dataWorkerFile?: string | null;
}

/** Calls that change only files in transit or jobs never wait for an import's write lock. */
const OUTSIDE_DATABASE = new Set(['files', 'jobs']);

/** Who made a call: the transport's name for the window, so its own changes are marked `self`. */
export interface Caller {
  source: string | null;
}

/** The app's services over one database: what the Electron shell and the browser-mode server host. */
export interface Backend {
  dispatch(name: unknown, input: unknown, caller?: Caller): Promise<Envelope<unknown>>;
  /** Every event (changes after commits, job progress) until the returned function is called. */
  subscribe(listener: (event: SourcedEvent) => void): () => void;
  readonly jobs: Jobs;
  /** The database handle, or null when it could not be opened. */
  readonly db: SqliteDatabase | null;
  close(): void;
}

export function openBackend(options: BackendOptions): Backend {
  const now = options.now ?? Date.now;
  const databaseFile = path.join(options.dataDir, DATABASE_FILE_NAME);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const events = createEventHub();
  const jobs = createJobs(events, now);
  const gate = createWriteGate();

  const timeZone = () => effectiveTimeZone(options.settings.get().timeZone);
  const today = () => localDayOf(now(), timeZone());
  /**
   * What changes when her day changes: recurring occurrences are generated ahead, and undated
   * tasks follow the delegation in force on the new today. Run on open and on the first call of
   * each new day; every open window hears about it.
   */
  let currentDay: LocalDay | null = null;
  const keepDayCurrent = (database: SqliteDatabase) => {
    const day = today();
    if (day === currentDay) return;
    const first = currentDay === null;
    currentDay = day;
    database.transaction(() => {
      materialiseRecurring(database, day, now());
      settleUndatedOwners(database, day, now());
    })();
    if (!first) events.changed(['tasks', 'recurring'], null);
  };

  const refreshEntryFacts = (database: SqliteDatabase) =>
    keepEntryFactsCurrent(database, () => options.settings.get(), timeZone, jobs, () => events.changed(['timeEntries'], null), undefined, () => gate.whenOpen());

  let db: SqliteDatabase | null = null;
  let fatal: AppStatus['fatal'] = null;
  try {
    db = openDatabase(databaseFile, { now });
    purgeDeletedTasks(db, now());
    keepDayCurrent(db);
    refreshEntryFacts(db);
  } catch (error) {
    db?.close();
    db = null;
    fatal =
      error instanceof AppError
        ? { code: error.code, message: error.message }
        : { code: 'DB_UNREADABLE', message: `The database ${databaseFile} could not be opened: ${String(error)}` };
  }

  const data = createDataService({
    workerFile: options.dataWorkerFile ?? null,
    databaseFile,
    jobs,
    gate,
    settings: () => options.settings.get(),
    herZone: timeZone,
    now,
    today,
    appVersion: options.version,
    schemaVersion: () => LATEST_SCHEMA_VERSION,
    announce: (aggregates) => events.changed(aggregates, null),
    afterRestore(settings) {
      options.settings.update(settings);
      if (!db) return;
      // Her zone and working hours may differ from this database's until now; today's recurring
      // work and undated owners follow the restored delegations.
      refreshEntryFacts(db);
      currentDay = null;
      keepDayCurrent(db);
    },
  });

  const status = (): AppStatus => ({
    version: options.version,
    mode: options.mode,
    dataDir: options.dataDir,
    databaseFile,
    schemaVersion: db ? (db.pragma('user_version', { simple: true }) as number) : LATEST_SCHEMA_VERSION,
    timeZone: timeZone(),
    fatal,
    notices: options.settings.notices,
    firstRun: db ? !hasAnyTask(db) : false,
  });

  return {
    get db() {
      return db;
    },
    jobs,
    subscribe: (listener) => events.subscribe(listener),
    async dispatch(name, input, caller = { source: null }) {
      if (!db) {
        if (name === 'app:status') return { ok: true, value: status() };
        return { ok: false, error: fatal ? { code: 'DB_UNAVAILABLE', message: fatal.message } : { code: 'DB_UNAVAILABLE', message: 'The database is closed.' } };
      }
      // While a worker holds the write lock, a write waits here instead of blocking the main thread.
      const gateOpen = gate.whenOpen();
      if (gateOpen && isCallName(name) && contract[name].writes.some((aggregate) => !OUTSIDE_DATABASE.has(aggregate))) {
        await gateOpen;
        if (!db) return { ok: false, error: { code: 'DB_UNAVAILABLE', message: 'The database is closed.' } };
      }
      keepDayCurrent(db);
      const database = db;
      let calendar: EntryCalendar | null = null;
      const context: HandlerContext = {
        db,
        settings: options.settings,
        now,
        status,
        timeZone,
        today,
        jobs,
        calendar: () => (calendar ??= entryCalendar(database, options.settings.get(), timeZone())),
        data,
        refreshEntryFacts: () => refreshEntryFacts(database),
      };
      return dispatch(handlers, context, name, input, (aggregates) => events.changed(aggregates, caller.source));
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
