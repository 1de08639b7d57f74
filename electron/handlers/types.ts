import type { CallName, CallResult, ParsedInput } from '../../shared/api/contract';
import type { DesktopStatus } from '../../shared/api/desktop-views';
import type { LocalDay } from '../../shared/domain/day';
import type { Paper } from '../../shared/domain/report-period';
import type { AppStatus } from '../../shared/domain/types';
import type { Jobs } from '../backend/jobs';
import type { BackupService } from '../services/backup-service';
import type { DataService } from '../services/data/data-service';
import type { EntryCalendar } from '../services/entry-calendar';
import type { FactsRefresh } from '../services/entry-facts-service';
import type { SqliteDatabase } from '../db/connection';
import type { SettingsStore } from '../settings/settings-store';

/**
 * Saves the app window's current page as a PDF: asks her where (the suggested name given), prints
 * it with Chromium's PDF printer and writes the file. Only the desktop app has one (electron/shell/
 * report-pdf.ts, given by main.ts); nothing the renderer sends names a path.
 */
export type PrintToPdf = (request: { fileName: string; paper: Paper }) => Promise<{ saved: true; path: string } | { saved: false }>;

export interface HandlerContext {
  db: SqliteDatabase;
  settings: SettingsStore;
  /** Epoch milliseconds; injected so tests control time. */
  now: () => number;
  status: () => AppStatus;
  /** Her time zone: the setting, or the system's. */
  timeZone: () => string;
  /** Her current calendar day in her time zone. */
  today: () => LocalDay;
  /** Long work off the call's path: progress and cancellation go out as events. */
  jobs: Jobs;
  /** Backups, restore and the recovery of an unusable database. */
  backups: BackupService;
  /** Her zone, working days, window and time off, for an entry's stored day and after-hours (one per call). */
  calendar: () => EntryCalendar;
  /** Imports and exports: files by pieces, previews and jobs in the data worker. */
  data: DataService;
  /** Recomputes stored entry facts if the zone, working days or window changed (see entry-facts-service). */
  refreshEntryFacts: () => FactsRefresh;
  /** The desktop app's PDF printer; null in browser mode and in tests that give none. */
  printToPdf: PrintToPdf | null;
  /** What the desktop shell set up (asked of the shell on the main thread when the backend runs in a worker); null in browser mode. */
  desktopStatus: () => DesktopStatus | null | Promise<DesktopStatus | null>;
}

export type Handler<Name extends CallName> = (
  input: ParsedInput<Name>,
  context: HandlerContext,
) => CallResult<Name> | Promise<CallResult<Name>>;

/** One handler per call in the contract: the compiler rejects a missing or mistyped one. */
export type Handlers = { [Name in CallName]: Handler<Name> };
