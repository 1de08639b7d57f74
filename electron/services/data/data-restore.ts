import { AppError } from '../../../shared/api/errors';
import { DEFAULT_CATEGORIES } from '../../../shared/domain/default-categories';
import { repairSettings, type Settings } from '../../../shared/domain/settings';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../../shared/export/export-format';
import { JobCancelled } from '../../backend/jobs';
import type { SqliteDatabase } from '../../db/connection';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import {
  brokenReferences,
  columnSetter,
  dataTables,
  DERIVED_TABLES,
  isInstantColumn,
  rowCount,
  rowInserter,
  selfUpdatingTables,
  type TableShape,
} from '../../repositories/whole-database';
import type { ImportControl } from './import-engine';

export interface RestoreResult {
  /** Her settings from the export (invalid ones at their defaults), for the main thread to store. */
  settings: Settings;
  rejectedSettings: string[];
  rows: number;
  message: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const STEP = 5000;

const refuse = (message: string) => new AppError('VALIDATION', message);

interface CheckedTable {
  shape: TableShape;
  columns: string[];
  rows: unknown[][];
}

/**
 * Restores a complete JSON export (docs/data-export.md) into an empty database, in one IMMEDIATE
 * transaction: every table in reference order with its ids, instants back to epoch milliseconds,
 * derived tables rebuilt by the triggers as the rows go in. Anything wrong with the file — another
 * kind of file, a newer export, a table or column this Offload does not know, a value that is not
 * an instant, a reference to a row that is not there — refuses it with a specific message and
 * leaves the database as it was.
 */
export function restoreJson(db: SqliteDatabase, text: string, control: ImportControl): RestoreResult {
  const document = readDocument(text);
  const tables = checkTables(db, document.tables);
  const { settings, rejected } = repairSettings(document.settings);
  const total = tables.reduce((sum, table) => sum + table.rows.length, 0);

  const restored = db.transaction(() => {
    assertEmpty(db);
    db.pragma('defer_foreign_keys = ON');
    db.prepare('DELETE FROM categories').run();
    // What derived facts were computed for is forgotten, so they are all computed again for the
    // restored settings (an export from an older Offload lacks facts added since).
    db.prepare('DELETE FROM derived_state').run();
    const rewritten = selfUpdatingTables(db);
    let done = 0;
    for (const { shape, columns, rows } of tables) {
      const insert = rowInserter(db, shape.name, columns);
      const instants = columns.map(isInstantColumn);
      const fixUp = rewritten.has(shape.name) ? restorer(db, shape, columns) : null;
      for (const [index, row] of rows.entries()) {
        const values = row.map((value, column) => (instants[column] ? instant(value, shape.name, index, columns[column]!) : value));
        try {
          insert(values);
        } catch (error) {
          throw refuse(`Row ${index + 1} of “${shape.name}” in the export could not be stored: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`);
        }
        fixUp?.(values);
        done += 1;
        if (done % STEP === 0) {
          if (control.cancelled()) throw new JobCancelled();
          control.progress(done, total);
        }
      }
    }
    const broken = brokenReferences(db);
    if (broken.length > 0) {
      const [first] = broken;
      throw refuse(
        `The export is not complete: ${broken.length} row${broken.length === 1 ? '' : 's'} refer${broken.length === 1 ? 's' : ''} to rows that are not in it (the first: a row of “${first!.table}” refers to a missing row of “${first!.parent}”). Nothing was imported.`,
      );
    }
    return done;
  }).immediate();
  control.progress(total, total);
  const note = rejected.length > 0 ? ` Some settings were not valid and are at their defaults: ${rejected.join(', ')}.` : '';
  return {
    settings,
    rejectedSettings: rejected,
    rows: restored,
    message: `Restored ${restored.toLocaleString('en-US')} rows from ${tables.filter((table) => table.rows.length > 0).length} tables.${note}`,
  };
}

interface DocumentShape {
  tables: Record<string, unknown>;
  settings: unknown;
}

function readDocument(text: string): DocumentShape {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw refuse(`This is not a JSON file Offload can read (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw refuse(`This JSON file is not an Offload export (an export starts with "format": "${EXPORT_FORMAT}"). Choose a file made by Export everything.`);
  }
  const document = parsed as { version?: unknown; schemaVersion?: unknown; tables?: unknown; settings?: unknown; app?: { version?: unknown } };
  const madeBy = typeof document.app?.version === 'string' ? ` (made by Offload ${document.app.version})` : '';
  if (typeof document.version !== 'number' || !Number.isInteger(document.version) || document.version < 1) {
    throw refuse('This export has no valid "version"; it may have been edited by hand.');
  }
  if (document.version > EXPORT_VERSION) {
    throw refuse(`This export${madeBy} is a newer kind (export version ${document.version}; this Offload reads up to ${EXPORT_VERSION}). Update Offload, then import it. Nothing was changed.`);
  }
  if (typeof document.schemaVersion !== 'number' || !Number.isInteger(document.schemaVersion)) {
    throw refuse('This export has no valid "schemaVersion"; it may have been edited by hand.');
  }
  if (document.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw refuse(
      `This export${madeBy} holds data of a newer Offload (schema ${document.schemaVersion}; this one understands up to ${LATEST_SCHEMA_VERSION}). Update Offload, then import it. Nothing was changed.`,
    );
  }
  if (typeof document.tables !== 'object' || document.tables === null || Array.isArray(document.tables)) throw refuse('This export has no "tables".');
  return { tables: document.tables as Record<string, unknown>, settings: document.settings };
}

function checkTables(db: SqliteDatabase, exported: Record<string, unknown>): CheckedTable[] {
  const shapes = dataTables(db);
  const known = new Map(shapes.map((shape) => [shape.name, shape]));
  for (const name of Object.keys(exported)) {
    if (!known.has(name) && !DERIVED_TABLES.has(name) && !name.startsWith('tasks_fts')) throw refuse(`The export has a table “${name}” this Offload does not know. Nothing was imported.`);
  }
  const tables: CheckedTable[] = [];
  for (const shape of shapes) {
    const table = exported[shape.name];
    if (table === undefined) continue;
    const { columns, rows } = (table ?? {}) as { columns?: unknown; rows?: unknown };
    if (!Array.isArray(columns) || !columns.every((column) => typeof column === 'string') || !Array.isArray(rows)) {
      throw refuse(`The table “${shape.name}” in the export has no "columns" list or no "rows". Nothing was imported.`);
    }
    const unknown = columns.filter((column) => !shape.columns.includes(column));
    if (unknown.length > 0) throw refuse(`The table “${shape.name}” in the export has columns this Offload does not know: ${unknown.join(', ')}. Nothing was imported.`);
    rows.forEach((row, index) => {
      if (!Array.isArray(row) || row.length !== columns.length) {
        throw refuse(`Row ${index + 1} of “${shape.name}” in the export has ${Array.isArray(row) ? row.length : 'no'} values for ${columns.length} columns. Nothing was imported.`);
      }
    });
    tables.push({ shape, columns, rows: rows as unknown[][] });
  }
  return tables;
}

function instant(value: unknown, table: string, index: number, column: string): unknown {
  if (value === null) return null;
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return Date.parse(value);
  throw refuse(`Row ${index + 1} of “${table}” in the export has ${JSON.stringify(value)} as ${column}, which is not an instant written like 2026-11-16T15:00:00.000Z. Nothing was imported.`);
}

/**
 * Restores only into a database with nothing of hers in it: no rows in any table but the default
 * categories a new database starts with, unchanged.
 */
export function assertEmpty(db: SqliteDatabase): void {
  const held = dataTables(db)
    .filter((shape) => shape.name !== 'categories')
    .map((shape) => ({ name: shape.name, rows: rowCount(db, shape.name) }))
    .filter((table) => table.rows > 0);
  const categories = db.prepare<[], { name: string; changed: number }>('SELECT name, (archived_at IS NOT NULL OR updated_at != created_at) AS changed FROM categories ORDER BY id').all();
  const untouched =
    categories.length === DEFAULT_CATEGORIES.length && categories.every((category, index) => category.name === DEFAULT_CATEGORIES[index]!.name && !category.changed);
  if (held.length === 0 && untouched) return;
  const what = held.map((table) => `${table.rows.toLocaleString('en-US')} ${table.name.replace(/_/g, ' ')}`);
  if (!untouched) what.push('categories you changed');
  throw new AppError(
    'CONFLICT',
    `This database is not empty (it holds ${what.join(', ')}). A JSON export restores only into an empty database, so nothing is ever mixed or overwritten: start Offload on an empty data folder (npm start -- --data-dir <folder>) and import it there.`,
  );
}

/** After inserting a row into a table whose triggers rewrite its own rows, puts back every value the trigger changed. */
function restorer(db: SqliteDatabase, shape: TableShape, columns: string[]): (values: unknown[]) => void {
  const keyIndexes = shape.key.map((key) => columns.indexOf(key));
  if (keyIndexes.some((index) => index < 0)) return () => {};
  const read = db.prepare(`SELECT ${columns.map((column) => `"${column}"`).join(', ')} FROM "${shape.name}" WHERE ${shape.key.map((key) => `"${key}" = ?`).join(' AND ')}`).raw(true);
  const setters = columns.map((column) => columnSetter(db, shape.name, column, shape.key));
  return (values) => {
    const keys = keyIndexes.map((index) => values[index]);
    const stored = read.get(...keys) as unknown[] | undefined;
    if (!stored) return;
    stored.forEach((value, index) => {
      if (value !== values[index]) setters[index]!(values[index], keys);
    });
  };
}
