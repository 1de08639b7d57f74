import { AppError } from '../../shared/api/errors';
import type { Category, CategoryKind } from '../../shared/domain/types';
import { isUniqueViolation, preparedFor, type SqliteDatabase } from '../db/connection';

interface CategoryRow {
  id: number;
  name: string;
  color: string;
  kind: CategoryKind;
  sort_order: number;
  archived_at: number | null;
}

const COLUMNS = 'id, name, color, kind, sort_order, archived_at';

function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    kind: row.kind,
    archived: row.archived_at !== null,
    sortOrder: row.sort_order,
  };
}

const statements = preparedFor((db) => ({
  all: db.prepare<[], CategoryRow>(`SELECT ${COLUMNS} FROM categories ORDER BY archived_at IS NOT NULL, sort_order, name`),
  active: db.prepare<[], CategoryRow>(
    `SELECT ${COLUMNS} FROM categories WHERE archived_at IS NULL ORDER BY sort_order, name`,
  ),
  byId: db.prepare<[number], CategoryRow>(`SELECT ${COLUMNS} FROM categories WHERE id = ?`),
  insert: db.prepare<[string, string, CategoryKind, number, number]>(
    `INSERT INTO categories (name, color, kind, sort_order, created_at, updated_at)
     VALUES (?, ?, ?, (SELECT coalesce(max(sort_order), -1) + 1 FROM categories), ?, ?)`,
  ),
  update: db.prepare<[string, string, CategoryKind, number, number]>(
    'UPDATE categories SET name = ?, color = ?, kind = ?, updated_at = ? WHERE id = ?',
  ),
  setArchived: db.prepare<[number | null, number, number]>(
    'UPDATE categories SET archived_at = ?, updated_at = ? WHERE id = ?',
  ),
}));

export function listCategories(db: SqliteDatabase, includeArchived: boolean): Category[] {
  const { all, active } = statements(db);
  return (includeArchived ? all : active).all().map(toCategory);
}

export function getCategory(db: SqliteDatabase, id: number): Category {
  const row = statements(db).byId.get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no category #${id}; it may have been removed.`);
  return toCategory(row);
}

/** A category a new task or entry may use: it exists and is not archived. */
export function assertUsableCategory(db: SqliteDatabase, id: number): void {
  const category = getCategory(db, id);
  if (category.archived) {
    throw new AppError('VALIDATION', `The category “${category.name}” is archived; restore it first or pick another.`, [
      { field: 'categoryId', message: 'This category is archived' },
    ]);
  }
}

export function createCategory(
  db: SqliteDatabase,
  fields: { name: string; color: string; kind: CategoryKind },
  now: number,
): Category {
  try {
    const { lastInsertRowid } = statements(db).insert.run(fields.name, fields.color, fields.kind, now, now);
    return getCategory(db, Number(lastInsertRowid));
  } catch (error) {
    throw duplicateNameError(error, fields.name);
  }
}

export function updateCategory(
  db: SqliteDatabase,
  id: number,
  patch: { name?: string | undefined; color?: string | undefined; kind?: CategoryKind | undefined },
  now: number,
): Category {
  const current = getCategory(db, id);
  const name = patch.name ?? current.name;
  try {
    statements(db).update.run(name, patch.color ?? current.color, patch.kind ?? current.kind, now, id);
  } catch (error) {
    throw duplicateNameError(error, name);
  }
  return getCategory(db, id);
}

export function setCategoryArchived(db: SqliteDatabase, id: number, archived: boolean, now: number): Category {
  getCategory(db, id);
  statements(db).setArchived.run(archived ? now : null, now, id);
  return getCategory(db, id);
}

function duplicateNameError(error: unknown, name: string): unknown {
  if (!isUniqueViolation(error)) return error;
  return new AppError('CONFLICT', `A category named “${name}” already exists (perhaps archived).`, [
    { field: 'name', message: 'That name is taken' },
  ]);
}
