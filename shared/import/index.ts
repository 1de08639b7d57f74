/**
 * The import layer: pure parsing of CSV files into rows the app can write, with row-level errors.
 * The worker that runs it, the apply step (one transaction, UNIQUE source keys) and the import
 * screen live elsewhere; docs/import-formats.md describes every format and rule.
 */
export { readCsv, normalizeHeader, type CsvReadResult, type CsvRecord, type CsvTable } from './csv';
export {
  dateShape,
  dayNumberOf,
  decideDayMonthOrder,
  isKnownTimeZone,
  localDayOfNumber,
  parseClock,
  parseDate,
  parseDayNumber,
  WallClock,
  type DateOrder,
  type DateShape,
  type DayMonthDecision,
  type DayMonthOrder,
} from './date-time';
export { fnv1a64, Fnv1a64 } from './fingerprint';
export {
  detectFormat,
  FORMATS,
  mapColumns,
  templateCsv,
  type ColumnMap,
  type FormatMatch,
  type FormatSpec,
  type ImportField,
  type ImportFormat,
  type ImportKind,
  type TemplateFormat,
  type TimeEntryFormat,
} from './formats';
export {
  EMPTY_MAPPING,
  mappingKey,
  normalizeName,
  suggestMapping,
  userKey,
  type ImportMapping,
  type NamedCategory,
  type NamedTechnician,
  type SourceKind,
  type WorkerMapping,
} from './mapping';
export { PROGRESS_EVERY, type ImportControl, type ImportOutcome, type RowIssue, type SeenName, type SeenUser } from './result';
export { parseTasks, type ImportedTask, type ParsedTasks, type TaskImport, type TaskImportOptions } from './tasks';
export {
  MAX_ENTRY_MS,
  parseTimeEntries,
  type ImportedTimeEntry,
  type ParsedTimeEntries,
  type TimeEntryImport,
  type TimeEntryImportOptions,
  type TimeEntrySummary,
} from './time-entries';
