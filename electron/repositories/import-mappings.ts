import type { CategoryChoice, ImportKind, WorkerChoice } from '../../shared/api/data-views';
import type { Owner } from '../../shared/domain/types';
import { preparedFor, type SqliteDatabase } from '../db/connection';

interface MappingRow {
  name_key: string;
  action: 'category' | 'none' | 'worker' | 'skip';
  category_id: number | null;
  worker: Owner | null;
  technician_id: number | null;
}

const statements = preparedFor((db) => ({
  all: db.prepare<[ImportKind], MappingRow>('SELECT name_key, action, category_id, worker, technician_id FROM import_mappings WHERE import_kind = ?'),
  save: db.prepare<[Record<string, unknown>]>(
    `INSERT INTO import_mappings (import_kind, name_key, action, category_id, worker, technician_id, updated_at)
     VALUES (:import_kind, :name_key, :action, :category_id, :worker, :technician_id, :now)
     ON CONFLICT (import_kind, name_key) DO UPDATE SET action = excluded.action, category_id = excluded.category_id,
       worker = excluded.worker, technician_id = excluded.technician_id, updated_at = excluded.updated_at`,
  ),
}));

/** Names are either category names (project:, client:, tag:, category:, service:) or people (email:, name:). */
const isPersonKey = (key: string) => key.startsWith('email:') || key.startsWith('name:');

/** What she chose for each name the last time a file of this kind named it. */
export function rememberedMappings(db: SqliteDatabase, kind: ImportKind): { categories: Map<string, CategoryChoice>; workers: Map<string, WorkerChoice> } {
  const categories = new Map<string, CategoryChoice>();
  const workers = new Map<string, WorkerChoice>();
  for (const row of statements(db).all.all(kind)) {
    if (isPersonKey(row.name_key)) {
      if (row.action === 'skip') workers.set(row.name_key, 'skip');
      else if (row.action === 'worker' && row.worker) workers.set(row.name_key, { worker: row.worker, technicianId: row.technician_id });
    } else if (row.action === 'skip') categories.set(row.name_key, 'skip');
    else if (row.action === 'none') categories.set(row.name_key, 'none');
    else if (row.action === 'category' && row.category_id !== null) categories.set(row.name_key, row.category_id);
  }
  return { categories, workers };
}

/** Remembers her choices for the next file (the caller holds the transaction). */
export function rememberMappings(
  db: SqliteDatabase,
  kind: ImportKind,
  choices: { categories: ReadonlyMap<string, CategoryChoice>; workers: ReadonlyMap<string, WorkerChoice> },
  now: number,
): void {
  const { save } = statements(db);
  const base = { import_kind: kind, category_id: null, worker: null, technician_id: null, now };
  for (const [key, choice] of choices.categories) {
    if (choice === 'skip' || choice === 'none') save.run({ ...base, name_key: key, action: choice });
    else save.run({ ...base, name_key: key, action: 'category', category_id: choice });
  }
  for (const [key, choice] of choices.workers) {
    if (choice === 'skip') save.run({ ...base, name_key: key, action: 'skip' });
    else save.run({ ...base, name_key: key, action: 'worker', worker: choice.worker, technician_id: choice.worker === 'msp' ? choice.technicianId : null });
  }
}
