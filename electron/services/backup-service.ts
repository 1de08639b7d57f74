import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type ApiErrorCode } from '../../shared/api/errors';
import type { BackupInfo, BackupOverview, RestorePreview, RestoreResult } from '../../shared/api/backup-views';
import type { JobKind } from '../../shared/api/events';
import {
  DERIVED_TABLES,
  herRows,
  isMuchSmaller,
  retainedBackups,
  RETENTION_RULE,
  tableLabel,
  type BackupReason,
  type KeptAs,
} from '../../shared/domain/backups';
import type { Settings } from '../../shared/domain/settings';
import { backUpInWorker, backUpNow, BackupCancelled, checkInWorker, countRows, expectedBackupBytes, syncDirectory, type BackupCheck } from '../db/backup-files';
import type { SqliteDatabase } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { describeError, errorCode, storageProblemOf } from '../db/storage-errors';
import { databaseFiles, ensurePrivateFolder, isInside, makePrivate, moveDatabaseAside, PRIVATE_FILE_MODE } from '../backend/data-folder';
import type { EventHub } from '../backend/events';
import { JobCancelled, type JobContext, type Jobs } from '../backend/jobs';
import {
  backupFile,
  backupId,
  readManifest,
  sha256Of,
  sha256OfSync,
  writeJsonAtomically,
  writeManifest,
  type Manifest,
  type ManifestEntry,
} from './backup-manifest';

export const BACKUP_FOLDER_NAME = 'backups';
/** "Every few hours of use": while the app runs, a backup when the newest is this old. */
export const BACKUP_EVERY_MS = 4 * 3_600_000;
/** The backup on start waits this long, so it never competes with the first screen. */
export const START_DELAY_MS = 10_000;
const CHECK_EVERY_MS = 60_000;
/** A start within this long of the newest backup does not take another. */
const RECENT_ENOUGH_MS = 15 * 60_000;
/** After a failed backup (a full disk), the timer waits this long before trying again. */
const RETRY_AFTER_FAILURE_MS = 30 * 60_000;
const SECOND_LIST_FILE = 'offload-backups.json';

/** What the backup service needs from the backend: the connection, and opening and closing it. */
export interface DataLifecycle {
  readonly dataDir: string;
  readonly databaseFile: string;
  current(): SqliteDatabase | null;
  /** The code of the reason there is no usable database, or null. */
  fatalCode(): ApiErrorCode | string | null;
  /** Checkpoints and closes the connection; never throws. */
  close(): void;
  /** Opens the database file again. `fresh` skips offering a backup for an empty or missing file. */
  open(options?: { fresh?: boolean }): void;
  /** Runs `work` while every other call waits for it. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

export interface BackupServiceOptions {
  lifecycle: DataLifecycle;
  now: () => number;
  settings: () => Settings;
  timeZone: () => string;
  jobs: Jobs;
  events: EventHub;
  /** The desktop app's folder picker; absent in browser mode. */
  pickFolder?: (() => Promise<string | null>) | undefined;
  /** On start and every few hours of use; off in tests that drive backups themselves. */
  automatic: boolean;
}

export interface BackupService {
  overview(): BackupOverview;
  /** Starts a backup job, or returns the one already running. */
  start(reason: 'manual' | 'start' | 'scheduled'): string;
  /** The same, resolving when the backup is done (tests, and callers that need the result). */
  backUp(reason: 'manual' | 'start' | 'scheduled'): Promise<BackupInfo>;
  preview(id: string): Promise<RestorePreview>;
  restore(id: string): Promise<RestoreResult>;
  startFresh(): Promise<{ movedAside: string[] }>;
  setSecondFolder(folder: string | null): BackupOverview['secondFolder'];
  pickSecondFolder(): Promise<BackupOverview['secondFolder'] | null>;
  /** The pre-migration backup, on the open path (synchronous: nothing else runs yet). */
  beforeMigration(db: SqliteDatabase, fromVersion: number, toVersion: number): void;
  newestGood(): BackupInfo | null;
  /** Starts a backup if one is due (the timer calls this); returns its job. */
  runDue(): string | null;
  /** Problems found reading the backup list, for the notices. */
  notices(): string[];
  /** Stops the timer and cancels a running backup (on close). */
  stop(): void;
}

export function createBackupService(options: BackupServiceOptions): BackupService {
  const { lifecycle, now, jobs, events } = options;
  const folder = path.join(lifecycle.dataDir, BACKUP_FOLDER_NAME);
  const loaded = readManifest(folder, now());
  const manifest: Manifest = loaded.manifest;
  const notices = loaded.notice ? [loaded.notice] : [];
  const openedAt = now();
  let sessionStarted = false;
  let running: { job: string; done: Promise<BackupInfo> } | null = null;
  const timers: NodeJS.Timeout[] = [];

  // One backup, restore or copy at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const save = () => {
    try {
      ensurePrivateFolder(folder);
      writeManifest(folder, manifest);
    } catch (error) {
      // The backups are on disk; only the list could not be written (a full or read-only disk).
      // It is rebuilt from the files next time.
      console.error('[offload] could not write the backup list:', error);
    }
  };

  const find = (id: string): ManifestEntry => {
    const entry = manifest.backups.find((candidate) => candidate.id === id);
    if (!entry) throw new AppError('NOT_FOUND', 'That backup is no longer there: it may have been removed by the retention rule. Choose another one.');
    return entry;
  };

  const retention = () =>
    retainedBackups(manifest.backups, {
      now: now(),
      timeZone: options.timeZone(),
      weekStartsOn: options.settings().weekStartsOn,
      lastGoodId: manifest.lastGoodId,
    });

  const info = (entry: ManifestEntry, kept: Map<string, KeptAs[]> = retention()): BackupInfo => ({
    id: entry.id,
    takenAt: entry.takenAt,
    reason: entry.reason,
    bytes: entry.bytes,
    schemaVersion: entry.schemaVersion,
    rows: herRows(entry.rows),
    status: entry.status,
    keptAs: kept.get(entry.id) ?? [],
    inSecondFolder: entry.inSecondFolder,
  });

  const lastGoodEntry = () => manifest.backups.find((entry) => entry.id === manifest.lastGoodId) ?? null;
  const newestGoodEntry = () => manifest.backups.find((entry) => entry.status === 'good') ?? null;
  const when = (instant: number) =>
    new Intl.DateTimeFormat('en-US', { timeZone: options.timeZone(), dateStyle: 'medium', timeStyle: 'short' }).format(instant);

  /** Adds a verified backup to the list: good, or suspect when it is much smaller than the last good one. */
  const record = (id: string, takenAt: number, reason: BackupReason, check: BackupCheck, bytes: number, sha256: string): ManifestEntry => {
    const lastGood = lastGoodEntry();
    const suspect = isMuchSmaller(herRows(check.rows), lastGood ? herRows(lastGood.rows) : null);
    const entry: ManifestEntry = {
      id,
      takenAt,
      reason,
      schemaVersion: check.schemaVersion,
      bytes,
      sha256,
      rows: check.rows,
      status: suspect ? 'suspect' : 'good',
      checkedAt: now(),
      inSecondFolder: false,
    };
    manifest.backups = [entry, ...manifest.backups].sort(newestFirst);
    if (!suspect) manifest.lastGoodId = id;
    manifest.lastRun = { at: now(), ok: true, message: backedUpMessage(entry, lastGood) };
    return entry;
  };

  const backedUpMessage = (entry: ManifestEntry, lastGood: ManifestEntry | null): string => {
    const rows = herRows(entry.rows).toLocaleString('en-US');
    const size = formatBytes(entry.bytes);
    if (entry.status === 'suspect' && lastGood) {
      return `Backed up and verified ${rows} rows (${size}) — less than half of the ${herRows(lastGood.rows).toLocaleString('en-US')} in your last good backup (${when(lastGood.takenAt)}), so no older backup was removed.`;
    }
    return `Backed up and verified ${rows} rows (${size}).`;
  };

  /**
   * Removes the backups the retention rule no longer keeps: only ever after a new one was verified,
   * and never one that is being restored.
   */
  const prune = (protect: ReadonlySet<string>) => {
    const kept = retention();
    const keep = (entry: ManifestEntry) => kept.has(entry.id) || protect.has(entry.id);
    for (const entry of manifest.backups) {
      if (!keep(entry)) fs.rmSync(backupFile(folder, entry.id), { force: true });
    }
    manifest.backups = manifest.backups.filter(keep);
  };

  /** Copies verified backups to the second folder and prunes the copies there the same way. */
  const mirror = async (entries: ManifestEntry[]): Promise<void> => {
    const target = manifest.secondFolder;
    if (!target) return;
    let partial: string | null = null;
    try {
      if (!fs.statSync(target).isDirectory()) throw new Error(`${target} is not a folder`);
      for (const entry of entries) {
        if (entry.inSecondFolder) continue;
        const destination = path.join(target, `${entry.id}.db`);
        partial = `${destination}.partial`;
        // A finished backup is a closed file nothing writes to, so a plain copy of it is safe.
        await fs.promises.copyFile(backupFile(folder, entry.id), partial);
        makePrivate(partial);
        const copied = await sha256Of(partial);
        if (entry.sha256 !== null && copied !== entry.sha256) throw new Error('the copy does not match the backup');
        fs.renameSync(partial, destination);
        partial = null;
        entry.inSecondFolder = true;
      }
      const keptIds = new Set(manifest.backups.map((entry) => entry.id));
      for (const id of readSecondList(target)) if (!keptIds.has(id)) fs.rmSync(path.join(target, `${id}.db`), { force: true });
      writeJsonAtomically(path.join(target, SECOND_LIST_FILE), {
        version: 1,
        note: 'Copies of Offload backups. To use one, copy it to the Offload data folder as offload.db while Offload is closed.',
        backups: manifest.backups
          .filter((entry) => entry.inSecondFolder)
          .map((entry) => ({ id: entry.id, takenAt: new Date(entry.takenAt).toISOString(), reason: entry.reason, bytes: entry.bytes, sha256: entry.sha256, rows: herRows(entry.rows) })),
      });
      manifest.lastSecondCopy = { at: now(), ok: true, message: `Copied to ${target}.` };
    } catch (error) {
      if (partial) fs.rmSync(partial, { force: true });
      manifest.lastSecondCopy = {
        at: now(),
        ok: false,
        message: `The copy to ${target} failed (${describeError(error)}). The backups in ${folder} are fine; the next backup tries again.`,
      };
    }
  };

  /** Checks backups found without a manifest entry; one that fails is renamed `.damaged`, never offered. */
  const verifyUnverified = async (signal?: AbortSignal) => {
    for (const entry of manifest.backups.filter((candidate) => candidate.status === 'unverified')) {
      const file = backupFile(folder, entry.id);
      const check = await checkInWorker(file, signal ? { signal } : {});
      if (!check.ok) {
        fs.renameSync(file, `${file}.damaged`);
        manifest.backups = manifest.backups.filter((candidate) => candidate !== entry);
        continue;
      }
      const lastGood = lastGoodEntry();
      entry.rows = check.rows;
      entry.schemaVersion = check.schemaVersion;
      entry.sha256 = await sha256Of(file);
      entry.checkedAt = now();
      entry.status = isMuchSmaller(herRows(check.rows), lastGood ? herRows(lastGood.rows) : null) ? 'suspect' : 'good';
    }
  };

  const failureOf = (error: unknown, what: string): AppError => {
    if (error instanceof AppError) return error;
    const problem = storageProblemOf(error);
    const code = errorCode(error);
    const cause =
      problem === 'full'
        ? `the disk holding ${folder} is full`
        : problem === 'read-only'
          ? `${folder} cannot be written to (${code})`
          : problem === 'io'
            ? `the disk reported an error (${code})`
            : describeError(error);
    const appCode: ApiErrorCode = problem === 'full' ? 'DISK_FULL' : problem === 'read-only' ? 'READ_ONLY' : problem === 'io' ? 'IO_ERROR' : 'INTERNAL';
    return new AppError(appCode, `${what} failed: ${cause}. Your data is unaffected.`);
  };

  /** One backup: copied and verified in a worker, checksummed, then listed; older ones pruned only after. */
  const takeBackup = async (reason: BackupReason, context?: JobContext, protect: ReadonlySet<string> = new Set()): Promise<BackupInfo> => {
    const db = lifecycle.current();
    if (!db) throw new AppError('DB_UNAVAILABLE', 'There is no open database to back up.');
    const takenAt = now();
    const id = backupId(takenAt, reason, new Set(manifest.backups.map((entry) => entry.id)));
    const file = backupFile(folder, id);
    const partial = `${file}.partial`;
    const expected = expectedBackupBytes(db);
    try {
      ensurePrivateFolder(folder);
      fs.writeFileSync(partial, '', { flag: 'wx', mode: PRIVATE_FILE_MODE });
      context?.progress(0, expected);
      const check = await backUpInWorker(lifecycle.databaseFile, partial, {
        ...(context ? { signal: context.signal } : {}),
        onBytes: (bytes) => context?.progress(Math.min(bytes, expected - 1), expected),
      });
      if (!check.ok) throw new Error(`the copy failed its integrity check (${check.problems.slice(0, 2).join('; ')})`);
      const sha256 = await sha256Of(partial);
      const bytes = fs.statSync(partial).size;
      fs.renameSync(partial, file);
      syncDirectory(folder);
      const entry = record(id, takenAt, reason, check, bytes, sha256);
      prune(protect);
      await verifyUnverified(context?.signal);
      const lastGood = lastGoodEntry();
      await mirror([entry, ...(lastGood && lastGood !== entry ? [lastGood] : [])]);
      save();
      context?.progress(expected, expected);
      events.changed(['backups'], null);
      return info(entry);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      if (error instanceof BackupCancelled || context?.signal.aborted) throw new JobCancelled();
      const failure = failureOf(error, 'The backup');
      manifest.lastRun = { at: now(), ok: false, message: failure.message };
      save();
      events.changed(['backups'], null);
      throw failure;
    }
  };

  /** Runs `work` as a job whose outcome the caller can also await. */
  const startJob = <T>(kind: JobKind, label: string, work: (context: JobContext) => Promise<T>, message: (value: T) => string) => {
    let resolve: (value: T) => void = () => undefined;
    let reject: (error: unknown) => void = () => undefined;
    const done = new Promise<T>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    const job = jobs.start(kind, label, async (context) => {
      try {
        const value = await work(context);
        resolve(value);
        return message(value);
      } catch (error) {
        reject(error);
        throw error;
      }
    });
    return { job, done };
  };

  const BACKUP_LABELS: Record<'manual' | 'start' | 'scheduled', string> = {
    manual: 'Backing up your data',
    start: 'Backing up your data (on start)',
    scheduled: 'Backing up your data (every 4 hours)',
  };

  const start = (reason: 'manual' | 'start' | 'scheduled') => {
    if (running) return running;
    const started = startJob(
      'backup',
      BACKUP_LABELS[reason],
      async (context) => {
        try {
          return await serial(() => takeBackup(reason, context));
        } finally {
          // Before the result is handed out: a caller that asks again at once gets a new backup.
          running = null;
        }
      },
      () => manifest.lastRun?.message ?? 'Backed up.',
    );
    running = started;
    sessionStarted = true;
    void started.done.catch(() => undefined);
    return started;
  };

  const validateSecondFolder = (input: string): string => {
    const fail = (message: string): never => {
      throw new AppError('VALIDATION', message, [{ field: 'path', message }]);
    };
    const typed = input.trim();
    if (typed === '') fail('Type the folder’s full path, or choose one');
    if (typed.includes('\0')) fail('That is not a folder path');
    if (!path.isAbsolute(typed)) fail(`Use the folder’s full path, such as ${process.platform === 'win32' ? 'D:\\Backups\\Offload' : '/mnt/nas/offload'}`);
    const resolved = path.resolve(typed);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(resolved);
    } catch (error) {
      fail(errorCode(error) === 'ENOENT' ? `There is no folder at ${resolved}` : `Offload cannot reach ${resolved} (${errorCode(error) ?? describeError(error)})`);
    }
    if (!stat?.isDirectory()) fail(`${resolved} is a file, not a folder`);
    if (isInside(resolved, lifecycle.dataDir)) {
      fail(`Choose a folder outside Offload’s data folder (${lifecycle.dataDir}): a copy kept there is lost together with the original`);
    }
    const probe = path.join(resolved, `.offload-write-test-${crypto.randomUUID()}`);
    try {
      fs.writeFileSync(probe, '', { flag: 'wx', mode: PRIVATE_FILE_MODE });
      fs.rmSync(probe, { force: true });
    } catch (error) {
      fail(`Offload cannot write to ${resolved} (${errorCode(error) ?? describeError(error)}). Choose a folder you can write to, or fix its permissions.`);
    }
    return fs.realpathSync(resolved);
  };

  const setSecondFolder = (input: string | null): BackupOverview['secondFolder'] => {
    if (input === null) {
      manifest.secondFolder = null;
      manifest.lastSecondCopy = null;
      for (const entry of manifest.backups) entry.inSecondFolder = false;
      save();
      return null;
    }
    const target = validateSecondFolder(input);
    if (target !== manifest.secondFolder) {
      manifest.secondFolder = target;
      manifest.lastSecondCopy = null;
      for (const entry of manifest.backups) entry.inSecondFolder = false;
      save();
    }
    const newest = newestGoodEntry();
    if (newest && !newest.inSecondFolder) {
      const copy = startJob(
        'backup',
        `Copying your newest backup to ${target}`,
        () =>
          serial(async () => {
            await mirror([newest]);
            save();
            events.changed(['backups'], null);
          }),
        () => manifest.lastSecondCopy?.message ?? 'Copied.',
      );
      void copy.done.catch(() => undefined);
    }
    return { path: target, lastCopy: manifest.lastSecondCopy };
  };

  const service: BackupService = {
    overview() {
      const kept = retention();
      const backups = manifest.backups.map((entry) => info(entry, kept));
      const lastGood = lastGoodEntry();
      const newest = manifest.backups.find((entry) => entry.status !== 'unverified') ?? null;
      const newestGood = newestGoodEntry();
      const smallerThanUsual =
        newest?.status === 'suspect' && lastGood
          ? `Your newest backup (${when(newest.takenAt)}) holds ${herRows(newest.rows).toLocaleString('en-US')} rows, less than half of the ${herRows(lastGood.rows).toLocaleString('en-US')} in your last good backup (${when(lastGood.takenAt)}). Until a backup is back near that size, none of the older good backups is removed.`
          : null;
      const newestAt = manifest.backups[0]?.takenAt ?? null;
      return {
        folder,
        backups,
        lastGood: lastGood ? info(lastGood, kept) : null,
        newestGood: newestGood ? info(newestGood, kept) : null,
        lastRun: manifest.lastRun,
        smallerThanUsual,
        secondFolder: manifest.secondFolder ? { path: manifest.secondFolder, lastCopy: manifest.lastSecondCopy } : null,
        canPickFolder: options.pickFolder !== undefined,
        nextAutomaticAt: !options.automatic || !lifecycle.current() ? null : !sessionStarted ? openedAt + START_DELAY_MS : (newestAt ?? now()) + BACKUP_EVERY_MS,
        rule: RETENTION_RULE,
      };
    },

    start: (reason) => start(reason).job,
    backUp: (reason) => start(reason).done,

    async preview(id) {
      const entry = find(id);
      if (entry.status === 'unverified') {
        await serial(() => verifyUnverified());
        save();
      }
      const checked = find(id);
      const db = lifecycle.current();
      const current = db ? countRows(db) : null;
      const tables = new Set([...Object.keys(checked.rows), ...Object.keys(current ?? {})].filter((table) => !DERIVED_TABLES.has(table)));
      const rows = [...tables]
        .map((table) => ({ table, label: tableLabel(table), now: current ? (current[table] ?? 0) : null, inBackup: checked.rows[table] ?? 0 }))
        .sort((a, b) => TABLE_ORDER(a.table) - TABLE_ORDER(b.table) || a.label.localeCompare(b.label));
      return { backup: info(checked), rows };
    },

    restore(id) {
      const entry = find(id);
      const fatal = lifecycle.fatalCode();
      if (fatal !== null && fatal !== 'DB_UNREADABLE' && fatal !== 'DB_EMPTY') {
        // A newer, read-only or unreachable database is not damaged: it is never replaced.
        return Promise.reject(new AppError('CONFLICT', 'Your database is not damaged, so it is not replaced by a backup. Fix the problem the start screen names, then start Offload again.'));
      }
      return lifecycle.exclusive(() =>
        serial(
          () =>
            startJob(
              'restore',
              `Restoring the backup of ${when(entry.takenAt)}`,
              async (context) => {
                const steps = 4;
                context.progress(0, steps);
                const source = backupFile(folder, entry.id);
                if (!fs.existsSync(source)) throw new AppError('NOT_FOUND', 'That backup file is no longer there. Choose another one.');
                const check = await checkInWorker(source, { signal: context.signal });
                if (!check.ok) {
                  throw new AppError('CONFLICT', `That backup is damaged (${check.problems.slice(0, 2).join('; ')}), so it was not restored and nothing was changed. Choose another one.`);
                }
                if (entry.sha256 !== null && (await sha256Of(source)) !== entry.sha256) {
                  throw new AppError('CONFLICT', 'That backup has changed since it was verified, so it was not restored and nothing was changed. Choose another one.');
                }
                if (check.schemaVersion > LATEST_SCHEMA_VERSION) {
                  throw new AppError('DB_TOO_NEW', `That backup was made by a newer Offload (schema ${check.schemaVersion}); update Offload to restore it. Nothing was changed.`);
                }
                context.progress(1, steps);

                // What is there now is kept first, so this restore can be undone by restoring it.
                const fatal = lifecycle.fatalCode();
                const safetyCopy = lifecycle.current() ? await takeBackup('before-restore', undefined, new Set([entry.id])) : null;
                context.progress(2, steps);

                lifecycle.close();
                const movedAside =
                  fatal === 'DB_EMPTY'
                    ? moveDatabaseAside(lifecycle.databaseFile, 'empty', now())
                    : fatal !== null || databaseFiles(lifecycle.databaseFile).slice(1).some((companion) => fs.existsSync(companion))
                      ? // A damaged file, or a -wal the close could not fold in: kept aside, never under the restored file.
                        moveDatabaseAside(lifecycle.databaseFile, fatal === null ? 'replaced' : 'damaged', now())
                      : [];
                const incoming = `${lifecycle.databaseFile}.restoring`;
                try {
                  await fs.promises.copyFile(source, incoming);
                  makePrivate(incoming);
                  const fd = fs.openSync(incoming, 'r+');
                  try {
                    fs.fsyncSync(fd);
                  } finally {
                    fs.closeSync(fd);
                  }
                  fs.renameSync(incoming, lifecycle.databaseFile);
                  syncDirectory(lifecycle.dataDir);
                } catch (error) {
                  fs.rmSync(incoming, { force: true });
                  // Put back what was there, exactly as it was, and carry on with it.
                  for (const moved of movedAside) fs.renameSync(moved, moved.replace(/\.(damaged|empty|replaced)-[0-9TZ-]+\.db/, '.db'));
                  lifecycle.open();
                  throw failureOf(error, 'The restore');
                }
                context.progress(3, steps);
                lifecycle.open({ fresh: true });
                if (!lifecycle.current()) {
                  throw new AppError('DB_UNREADABLE', `The backup was put in place but could not be opened (${lifecycle.fatalCode() ?? 'unknown'}). The files that were there before are kept: ${movedAside.join(', ') || 'see the backups folder'}.`);
                }
                // She chose this one: it is the good state that later backups are compared with.
                entry.status = 'good';
                manifest.lastGoodId = entry.id;
                save();
                events.changed(['backups'], null);
                context.progress(steps, steps);
                return { restored: info(entry), safetyCopy, movedAside };
              },
              (result) => `Restored the backup of ${when(result.restored.takenAt)}.`,
            ).done,
        ),
      );
    },

    startFresh() {
      const fatal = lifecycle.fatalCode();
      if (fatal !== 'DB_EMPTY' && fatal !== 'DB_UNREADABLE') {
        return Promise.reject(new AppError('CONFLICT', 'Your database is in use and fine; there is nothing to start afresh from.'));
      }
      return lifecycle.exclusive(() =>
        serial(() => {
          const movedAside = moveDatabaseAside(lifecycle.databaseFile, fatal === 'DB_EMPTY' ? 'empty' : 'damaged', now());
          lifecycle.open({ fresh: true });
          if (!lifecycle.current()) return Promise.reject(new AppError('INTERNAL', `A new database could not be created (${lifecycle.fatalCode() ?? 'unknown'}).`));
          events.changed(['backups'], null);
          return Promise.resolve({ movedAside });
        }),
      );
    },

    setSecondFolder,

    async pickSecondFolder() {
      if (!options.pickFolder) throw new AppError('VALIDATION', 'Type the folder’s full path: this window cannot show a folder picker.', [{ field: 'path', message: 'Type the folder’s full path' }]);
      const picked = await options.pickFolder();
      return picked === null ? null : setSecondFolder(picked);
    },

    beforeMigration(db, fromVersion, toVersion) {
      const takenAt = now();
      const id = backupId(takenAt, 'before-migration', new Set(manifest.backups.map((entry) => entry.id)));
      const file = backupFile(folder, id);
      const partial = `${file}.partial`;
      try {
        ensurePrivateFolder(folder);
        fs.writeFileSync(partial, '', { flag: 'wx', mode: PRIVATE_FILE_MODE });
        const check = backUpNow(db, partial);
        if (!check.ok) throw new AppError('DB_UNREADABLE', `Before updating its database Offload backs it up and checks the copy, and the check failed (${check.problems.slice(0, 2).join('; ')}). Nothing was changed; restore a backup.`);
        const bytes = fs.statSync(partial).size;
        const sha256 = sha256OfSync(partial);
        fs.renameSync(partial, file);
        syncDirectory(folder);
        record(id, takenAt, 'before-migration', check, bytes, sha256);
        save();
      } catch (error) {
        fs.rmSync(partial, { force: true });
        const failure = failureOf(error, `The backup before updating the database (schema ${fromVersion} → ${toVersion})`);
        throw new AppError(failure.code, `${failure.message} Offload did not update the database and changed nothing.`);
      }
    },

    newestGood() {
      const entry = newestGoodEntry();
      return entry ? info(entry) : null;
    },

    runDue() {
      if (!lifecycle.current() || running) return null;
      const at = now();
      if (manifest.lastRun && !manifest.lastRun.ok && at - manifest.lastRun.at >= 0 && at - manifest.lastRun.at < RETRY_AFTER_FAILURE_MS) return null;
      const newestAt = manifest.backups[0]?.takenAt ?? null;
      if (!sessionStarted) {
        sessionStarted = true;
        if (newestAt !== null && at >= newestAt && at - newestAt < RECENT_ENOUGH_MS) return null;
        return start('start').job;
      }
      if (newestAt === null || at < newestAt || at - newestAt >= BACKUP_EVERY_MS) return start('scheduled').job;
      return null;
    },

    notices: () => notices,

    stop() {
      for (const timer of timers.splice(0)) clearTimeout(timer);
      if (running) jobs.cancel(running.job);
    },
  };

  if (options.automatic) {
    const first = setTimeout(() => service.runDue(), START_DELAY_MS);
    const every = setInterval(() => service.runDue(), CHECK_EVERY_MS);
    first.unref();
    every.unref();
    timers.push(first, every);
  }
  return service;
}

/** Newest first; backups taken in the same millisecond in the order they were taken (their ids count up). */
const newestFirst = (a: ManifestEntry, b: ManifestEntry) => b.takenAt - a.takenAt || b.id.localeCompare(a.id, 'en', { numeric: true });

function readSecondList(target: string): string[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(target, SECOND_LIST_FILE), 'utf8')) as { backups?: { id?: unknown }[] };
    return (parsed.backups ?? []).map((entry) => entry.id).filter((id): id is string => typeof id === 'string' && /^offload-[0-9A-Za-z-]+$/.test(id));
  } catch {
    return [];
  }
}

const ORDER = ['tasks', 'time_entries', 'categories', 'delegations', 'recurring_series', 'time_off', 'week_plans', 'task_plan_moves', 'msp_provider', 'msp_contracts', 'technicians', 'response_targets'];
const TABLE_ORDER = (table: string) => {
  const index = ORDER.indexOf(table);
  return index === -1 ? ORDER.length : index;
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

