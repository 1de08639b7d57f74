import fs from 'node:fs';
import path from 'node:path';
import { contract, isCallName } from '../../shared/api/contract';
import { RECOVERY_CALLS } from '../../shared/api/contract-backups';
import { AppError, type Envelope } from '../../shared/api/errors';
import type { DesktopStatus } from '../../shared/api/desktop-views';
import type { SourcedEvent } from '../../shared/api/events';
import type { LocalDay } from '../../shared/domain/day';
import type { AppStatus, Notice } from '../../shared/domain/types';
import { effectiveTimeZone, localDayOf } from '../../shared/domain/zoned-time';
import { openDatabase, optimizeBeforeClose, type SqliteDatabase } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { describeError, openingErrorOf, readOnlyAdvice } from '../db/storage-errors';
import { handlers } from '../handlers';
import { materialiseRecurring } from '../handlers/recurring-handlers';
import type { HandlerContext, PrintToPdf } from '../handlers/types';
import { settleUndatedOwners } from '../repositories/ownership';
import { createBackupService, type BackupService } from '../services/backup-service';
import { createDataService } from '../services/data/data-service';
import { entryCalendar, type EntryCalendar } from '../services/entry-calendar';
import { keepEntryFactsCurrent } from '../services/entry-facts-service';
import { hasAnyTask, listCallWrites, purgeDeletedTasks } from '../repositories/tasks';
import { compactRecentSearchStep, ERA_FILL_STEP, fillSearchEras, recentSearchNeedsCompacting, searchErasBehind } from '../repositories/search-index';
import { keepWeeklyRollupCurrent } from '../repositories/weekly-rollup';
import type { SettingsStore } from '../settings/settings-store';
import type { Clock } from './clock';
import { databaseFiles, ensurePrivateFolder, folderNotWritable, makePrivate } from './data-folder';
import { dispatch } from './dispatch';
import { createEventHub } from './events';
import { createJobs, type Jobs } from './jobs';
import { isAnotherLiveProcess, readRunMarker, removeRunMarker, closedCleanlyAndUntouched, removeCleanClose, writeCleanClose, writeRunMarker, type RunMarker } from './run-marker';
import { createWriteGate } from './write-gate';

export const DATABASE_FILE_NAME = 'offload.db';

export interface BackendOptions {
  dataDir: string;
  mode: AppStatus['mode'];
  version: string;
  settings: SettingsStore;
  /** The app's one clock (see clock.ts); tests pass their own. */
  now?: Clock;
  /** What only the desktop shell can do for a call: save the window's page as a PDF. */
  printToPdf?: PrintToPdf;
  /** Backups on start and every few hours of use (default on); tests that drive backups turn it off. */
  automaticBackups?: boolean;
  /** The desktop app's folder picker, for the second backup folder. */
  pickFolder?: () => Promise<string | null>;
  /**
   * What the desktop shell set up, for `desktop:status`; absent in browser mode. Asynchronous so
   * that a backend in a worker can ask the shell on the main thread each time (backend-host.ts).
   */
  desktopStatus?: () => DesktopStatus | Promise<DesktopStatus>;
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
  readonly backups: BackupService;
  /** The database handle, or null when it could not be opened. */
  readonly db: SqliteDatabase | null;
  /** Resolves when the housekeeping the open started (the search indexes kept) is done: for the bench and tests. */
  settled(): Promise<void>;
  /** Folds the WAL back into the database and closes it. Never throws: a failure is logged and told next time. */
  close(): void;
}

type Fatal = NonNullable<AppStatus['fatal']>;

export function openBackend(options: BackendOptions): Backend {
  const now = options.now ?? Date.now;
  const { dataDir } = options;
  const databaseFile = path.join(dataDir, DATABASE_FILE_NAME);
  ensurePrivateFolder(dataDir);
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

  /**
   * Keeps the search indexes (search-index.ts) between calls, a step at a time, never while a
   * worker holds the write lock: compacts the newest tasks' index after tasks left it (steps of
   * about 10 ms), then copies the tasks that left it into the eras of her older tasks (steps of
   * ERA_FILL_STEP tasks), so a search further back seldom has to. It stops when the database is
   * closed or swapped; a step that fails (a full disk) leaves the rest for the next open.
   */
  let housekeeping: Promise<void> = Promise.resolve();
  const keepSearchIndexes = (database: SqliteDatabase) => {
    const steps = async (what: string, needed: () => boolean, step: () => boolean) => {
      for (let first = true; ; first = false) {
        await new Promise((resolve) => setImmediate(resolve));
        await gate.whenOpen();
        if (db !== database || !database.open) return false;
        try {
          if (first && !needed()) return true;
          if (!step()) return true;
        } catch (error) {
          console.error(`[offload] ${what} stopped; it is tried again at the next start:`, describeError(error));
          return false;
        }
      }
    };
    housekeeping = (async () => {
      const compacted = await steps('compacting the search index', () => recentSearchNeedsCompacting(database), () => compactRecentSearchStep(database));
      if (compacted) await steps('filling the search eras', () => searchErasBehind(database), () => fillSearchEras(database, ERA_FILL_STEP));
    })();
  };

  const refreshEntryFacts = (database: SqliteDatabase) =>
    keepEntryFactsCurrent(database, () => options.settings.get(), timeZone, jobs, () => events.changed(['timeEntries'], null), undefined, () => gate.whenOpen());

  let db: SqliteDatabase | null = null;
  let fatal: Fatal | null = null;
  let sessionNotices: Notice[] = [];
  /** Set while a restore swaps the file: every other call waits for it. */
  let exclusive: Promise<unknown> | null = null;

  const when = (instant: number) => new Intl.DateTimeFormat('en-US', { timeZone: timeZone(), dateStyle: 'medium', timeStyle: 'short' }).format(instant);

  /** How the last session ended, told once: a close that failed (the disk was full) or one that never came. */
  const noticeOfLastSession = (marker: RunMarker | null): Notice | null => {
    if (!marker || isAnotherLiveProcess(marker)) return null;
    if (marker.closeProblem) {
      return {
        id: 'last-close-failed',
        level: 'warning',
        message: `When Offload last closed (${when(marker.closeProblem.at)}) it could not fold its latest changes into ${DATABASE_FILE_NAME} (${marker.closeProblem.message}). Nothing was lost: they were kept in ${DATABASE_FILE_NAME}-wal and are back in the database now. If the disk is nearly full, free some space.`,
      };
    }
    return {
      id: 'last-session-unfinished',
      level: 'info',
      message: `Offload did not close normally last time (it was stopped, the computer lost power, or closing failed — the session began ${when(marker.openedAt)}). Everything it had saved was recovered from ${DATABASE_FILE_NAME}-wal; nothing needs doing.`,
    };
  };

  const backups: BackupService = createBackupService({
    lifecycle: {
      dataDir,
      databaseFile,
      current: () => db,
      fatalCode: () => fatal?.code ?? null,
      close: () => closeData(),
      open: (openOptions) => openData(openOptions?.fresh ?? false),
      exclusive: (work) => runExclusive(work),
    },
    now,
    settings: () => options.settings.get(),
    timeZone,
    jobs,
    events,
    pickFolder: options.pickFolder,
    automatic: options.automaticBackups ?? true,
  });

  /**
   * Opens the database, or says precisely why not. Before SQLite is allowed near the file: a
   * read-only folder is reported as such (her data is fine), and an empty or missing file where
   * backups exist is not silently set up as a new database — she is offered the newest backup.
   */
  function openData(fresh: boolean): void {
    db = null;
    fatal = null;
    currentDay = null;
    sessionNotices = [];
    const size = fs.existsSync(databaseFile) ? fs.statSync(databaseFile).size : null;
    const newest = backups.newestGood();
    if (!fresh && (size === null || size === 0) && newest) {
      fatal = {
        code: 'DB_EMPTY',
        message:
          size === null
            ? `Offload’s database ${databaseFile} is missing, but there are backups of it. Restore the newest one (${when(newest.takenAt)}), or start with an empty database.`
            : `Offload’s database ${databaseFile} is empty (0 bytes) — a disk or sync problem can do that — but there are backups of it. Restore the newest one (${when(newest.takenAt)}), or start with an empty database.`,
      };
      return;
    }
    const notWritable = folderNotWritable(size === null ? dataDir : databaseFile) ?? folderNotWritable(dataDir);
    if (notWritable && size !== null && size > 0) {
      fatal = {
        code: 'READ_ONLY',
        message: `Offload’s data folder ${dataDir} is read-only (${notWritable.code ?? describeError(notWritable)}), so Offload cannot save anything. Your data is intact and nothing was changed. ${readOnlyAdvice(dataDir)}`,
      };
      return;
    }
    const previous = readRunMarker(dataDir);
    // A file closed cleanly and untouched since needs no quick_check (run-marker.ts, CLEAN_CLOSE_FILE).
    const untouched = previous === null && closedCleanlyAndUntouched(dataDir, databaseFile);
    let opened: SqliteDatabase | null = null;
    try {
      // A restore cut off before its rename leaves a partial copy; offload.db itself was never touched.
      fs.rmSync(`${databaseFile}.restoring`, { force: true });
      if (size === null) fs.closeSync(fs.openSync(databaseFile, 'wx', 0o600));
      opened = openDatabase(databaseFile, { now, quickCheck: !untouched, beforeMigrate: (database, from, to) => backups.beforeMigration(database, from, to) });
      makePrivate(...databaseFiles(databaseFile), options.settings.file);
      purgeDeletedTasks(opened, now());
      keepDayCurrent(opened);
      refreshEntryFacts(opened);
      keepWeeklyRollupCurrent(opened, options.settings.get().weekStartsOn);
      db = opened;
    } catch (error) {
      opened?.close();
      const known = error instanceof AppError ? error : openingErrorOf(error, databaseFile, dataDir);
      fatal = known
        ? { code: known.code, message: known.message }
        : { code: 'DB_UNREADABLE', message: `The database ${databaseFile} could not be opened: ${describeError(error)}` };
      return;
    }
    const lastSession = noticeOfLastSession(previous);
    sessionNotices = [...(lastSession ? [lastSession] : []), ...backups.notices().map((message) => ({ id: 'backup-list', level: 'warning' as const, message }))];
    writeRunMarker(dataDir, { pid: process.pid, openedAt: now() });
    removeCleanClose(dataDir);
    keepSearchIndexes(opened);
  }

  /**
   * Folds the WAL into the database and closes it. When that fails (a full disk), the WAL is kept —
   * it holds every committed change and SQLite reads it back on the next open — the run marker
   * records why, and nothing is thrown: a shutdown never turns into a crash.
   */
  function closeData(): void {
    const closing = db;
    db = null;
    if (!closing?.open) return;
    let problem: unknown = null;
    try {
      optimizeBeforeClose(closing);
    } catch {
      // Statistics are an optimisation: a failure here (a full disk) must not stop the close.
    }
    try {
      closing.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      problem = error;
    }
    try {
      closing.close();
    } catch (error) {
      problem ??= error;
    }
    if (problem === null) {
      writeCleanClose(dataDir, databaseFile);
      removeRunMarker(dataDir);
      return;
    }
    console.error(
      `[offload] closing the database could not fold the WAL into ${DATABASE_FILE_NAME} (${describeError(problem)}). Nothing was lost: the changes stay in ${DATABASE_FILE_NAME}-wal and are read back on the next start.`,
    );
    const marker = readRunMarker(dataDir) ?? { pid: process.pid, openedAt: now() };
    writeRunMarker(dataDir, { ...marker, closeProblem: { at: now(), message: describeError(problem) } });
  }

  async function runExclusive<T>(work: () => Promise<T>): Promise<T> {
    while (exclusive) await exclusive.catch(() => undefined);
    const running = work();
    exclusive = running;
    try {
      return await running;
    } finally {
      if (exclusive === running) exclusive = null;
    }
  }

  openData(false);

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
      keepWeeklyRollupCurrent(db, options.settings.get().weekStartsOn);
      currentDay = null;
      keepDayCurrent(db);
    },
  });

  const status = (): AppStatus => ({
    version: options.version,
    mode: options.mode,
    dataDir,
    databaseFile,
    schemaVersion: db ? (db.pragma('user_version', { simple: true }) as number) : LATEST_SCHEMA_VERSION,
    timeZone: timeZone(),
    systemTimeZone: effectiveTimeZone(null),
    fatal,
    notices: [...options.settings.notices, ...sessionNotices],
    firstRun: db ? !hasAnyTask(db) : false,
  });

  const context = (database: SqliteDatabase | null): HandlerContext => {
    // While the database is unusable only the recovery calls run, and none of them touches it.
    const usable = (): SqliteDatabase => {
      if (!database) throw new AppError('DB_UNAVAILABLE', fatal?.message ?? 'The database is closed.');
      return database;
    };
    let calendar: EntryCalendar | null = null;
    return {
      get db() {
        return usable();
      },
      settings: options.settings,
      now,
      status,
      timeZone,
      today,
      jobs,
      backups,
      data,
      calendar: () => (calendar ??= entryCalendar(usable(), options.settings.get(), timeZone())),
      refreshEntryFacts: () => refreshEntryFacts(usable()),
      printToPdf: options.printToPdf ?? null,
      desktopStatus: () => options.desktopStatus?.() ?? null,
    };
  };

  return {
    get db() {
      return db;
    },
    jobs,
    backups,
    subscribe: (listener) => events.subscribe(listener),
    async dispatch(name, input, caller = { source: null }) {
      while (exclusive) await exclusive.catch(() => undefined);
      if (!db && !(typeof name === 'string' && RECOVERY_CALLS.has(name))) {
        return { ok: false, error: { code: 'DB_UNAVAILABLE', message: fatal?.message ?? 'The database is closed.' } };
      }
      // While a worker holds the write lock, a write waits here instead of blocking the main thread
      // (a search's step back writes when it fills the eras first).
      const gateOpen = gate.whenOpen();
      const writes = () => isCallName(name) && (contract[name].writes.some((aggregate) => !OUTSIDE_DATABASE.has(aggregate)) || (name === 'tasks:list' && db !== null && listCallWrites(db, input)));
      if (gateOpen && writes()) {
        await gateOpen;
        if (!db) return { ok: false, error: { code: 'DB_UNAVAILABLE', message: fatal?.message ?? 'The database is closed.' } };
      }
      // A new day's occurrences are a write too: while a worker holds the lock they wait for the
      // first call after it, and the reads meanwhile go on (the import announces its end, and the
      // screens read again).
      if (db && !gate.held) keepDayCurrent(db);
      const envelope = await dispatch(handlers, context(db), name, input, (aggregates) => events.changed(aggregates, caller.source));
      if (!envelope.ok && envelope.error.code === 'DB_UNREADABLE' && db) {
        // Damage found mid-work: stop writing to the file at once; the recovery screen takes over.
        fatal = { code: 'DB_UNREADABLE', message: envelope.error.message };
        const damaged = db;
        db = null;
        try {
          damaged.close();
        } catch (error) {
          console.error('[offload] closing the damaged database failed:', error);
        }
        events.changed(['settings', 'tasks'], null);
      }
      return envelope;
    },
    settled: () => housekeeping,
    close() {
      backups.stop();
      closeData();
    },
  };
}
