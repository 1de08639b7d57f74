import { DERIVED_TABLES } from '../../shared/domain/backups';
import type { SqliteDatabase } from '../db/connection';

/**
 * The database as a whole, table by table, for the complete JSON export and for restoring one:
 * which tables hold her data (every table but the derived ones, so a table a later migration adds
 * is exported without anyone remembering to), their columns, their rows, and the order to insert
 * them in so that every reference points at a row already there.
 */

export { DERIVED_TABLES };

export interface TableShape {
  name: string;
  columns: string[];
  /** Columns of the primary key, in key order (`rowid` for a table without one). */
  key: string[];
  /** Tables this one refers to. */
  references: string[];
}

/** Integers that are instants (epoch ms): `*_at` columns, and `msp_since`. Exported as ISO 8601 UTC. */
export function isInstantColumn(column: string): boolean {
  return column.endsWith('_at') || column === 'msp_since';
}

export function dataTables(db: SqliteDatabase): TableShape[] {
  const tables = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  // Full-text indexes are virtual tables with shadow tables (`tasks_fts_data`, …): both rebuilt by triggers.
  const virtual = tables.filter((table) => /^CREATE VIRTUAL TABLE/i.test(table.sql)).map((table) => table.name);
  const isFullText = (name: string) => virtual.some((table) => name === table || name.startsWith(`${table}_`));
  const shapes = tables
    .filter((table) => !DERIVED_TABLES.has(table.name) && !isFullText(table.name))
    .map((table): TableShape => {
      const info = db.prepare<[], { name: string; pk: number }>(`SELECT name, pk FROM pragma_table_info('${table.name}')`).all();
      const key = info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
      const references = db.prepare<[], { table: string }>(`SELECT DISTINCT "table" FROM pragma_foreign_key_list('${table.name}')`).all().map((row) => row.table);
      return { name: table.name, columns: info.map((column) => column.name), key: key.length > 0 ? key : ['rowid'], references };
    });
  return insertionOrder(shapes);
}

/** Referenced tables first (a table's own references to itself are left to deferred checks). */
function insertionOrder(shapes: TableShape[]): TableShape[] {
  const byName = new Map(shapes.map((shape) => [shape.name, shape]));
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (shape: TableShape) => {
    if (placed.has(shape.name) || visiting.has(shape.name)) return;
    visiting.add(shape.name);
    for (const reference of shape.references) {
      const target = byName.get(reference);
      if (target && target !== shape) place(target);
    }
    visiting.delete(shape.name);
    placed.add(shape.name);
    ordered.push(shape);
  };
  for (const shape of shapes) place(shape);
  return ordered;
}

/** Every row of a table as arrays in `shape.columns` order, by primary key. */
export function tableRows(db: SqliteDatabase, shape: TableShape): IterableIterator<unknown[]> {
  const columns = shape.columns.map((column) => `"${column}"`).join(', ');
  return db
    .prepare(`SELECT ${columns} FROM "${shape.name}" ORDER BY ${shape.key.map((column) => `"${column}"`).join(', ')}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
}

export function rowCount(db: SqliteDatabase, table: string): number {
  return (db.prepare(`SELECT count(*) AS count FROM "${table}"`).get() as { count: number }).count;
}

/** A prepared insert of whole rows (the given columns, in order) into a table. */
export function rowInserter(db: SqliteDatabase, table: string, columns: readonly string[]): (values: unknown[]) => number {
  const statement = db.prepare(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return (values) => Number(statement.run(values).lastInsertRowid);
}

/**
 * Tables with a trigger that rewrites the table's own rows after an insert (tasks.msp_since is set
 * from created_at): after restoring them, the stored values are put back as exported.
 */
export function selfUpdatingTables(db: SqliteDatabase): Set<string> {
  const triggers = db.prepare<[], { tbl_name: string; sql: string }>("SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'").all();
  return new Set(triggers.filter((trigger) => new RegExp(`\\bUPDATE\\s+"?${trigger.tbl_name}"?\\s+SET\\b`, 'i').test(trigger.sql)).map((trigger) => trigger.tbl_name));
}

/** Puts one column of one row back to a value (after a trigger changed it). */
export function columnSetter(db: SqliteDatabase, table: string, column: string, key: readonly string[]): (value: unknown, keyValues: unknown[]) => void {
  const statement = db.prepare(
    `UPDATE "${table}" SET "${column}" = ? WHERE ${key.map((part) => `"${part}" = ?`).join(' AND ')} AND "${column}" IS NOT ?`,
  );
  return (value, keyValues) => statement.run(value, ...keyValues, value);
}

/** Rows that refer to a row that is not there, as SQLite's foreign_key_check reports them. */
export function brokenReferences(db: SqliteDatabase): { table: string; rowid: number; parent: string }[] {
  return db.prepare<[], { table: string; rowid: number; parent: string }>('SELECT "table", rowid, parent FROM pragma_foreign_key_check').all();
}
