import type { TaskFields, TaskFilter } from '../../shared/api/schemas';
import { AppError } from '../../shared/api/errors';
import type { LocalDay } from '../../shared/domain/day';
import { TASK_COUNT_CAP, type Owner, type Priority, type Task, type TaskPage, type TaskSort, type TaskStatus } from '../../shared/domain/types';
import { preparedFor, type SqliteDatabase, type Statement } from '../db/connection';
import { eraFirstId, eraTable, fillSearchEras, olderEras, recentSearchFrom, searchErasBehind } from './search-index';

interface TaskRow {
  id: number;
  title: string;
  notes: string;
  category_id: number | null;
  owner: Owner;
  keep_owner: 0 | 1;
  handed_over: 0 | 1;
  technician_id: number | null;
  estimate_minutes: number | null;
  due_day: string | null;
  planned_day: string | null;
  priority: Priority;
  status: TaskStatus;
  unplanned: 0 | 1;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  logged_ms: number;
}

/** Logged time per task comes from its entries (index time_entries_by_task), completed entries only. */
const COLUMNS = `id, title, notes, category_id, owner, keep_owner, handed_over, technician_id, estimate_minutes, due_day,
  planned_day, priority, status, unplanned, created_at, updated_at, completed_at,
  (SELECT coalesce(sum(end_at - start_at), 0) FROM time_entries WHERE task_id = tasks.id AND end_at IS NOT NULL) AS logged_ms`;

/**
 * Every multi-row read carries only the start of each task's notes, so a page of tasks with long notes stays
 * far under the 64 KB a screen may receive; the editor reads the whole task with tasks:get.
 */
export const LIST_NOTES_PREVIEW = 160;
const LIST_COLUMNS = COLUMNS.replace(/\bnotes\b/, `substr(notes, 1, ${LIST_NOTES_PREVIEW}) AS notes`);

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    categoryId: row.category_id,
    owner: row.owner,
    keepOwner: row.keep_owner === 1,
    handedOver: row.handed_over === 1,
    technicianId: row.technician_id,
    estimateMinutes: row.estimate_minutes,
    dueDay: row.due_day,
    plannedDay: row.planned_day,
    priority: row.priority,
    status: row.status,
    unplanned: row.unplanned === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    loggedMinutes: row.logged_ms / 60_000,
  };
}

export type { TaskFields } from '../../shared/api/schemas';

interface TaskParams {
  title: string;
  notes: string;
  category_id: number | null;
  estimate_minutes: number | null;
  due_day: string | null;
  planned_day: string | null;
  priority: number;
  unplanned: number;
  now: number;
}

function toParams(fields: TaskFields, now: number): TaskParams {
  return {
    title: fields.title,
    notes: fields.notes,
    category_id: fields.categoryId,
    estimate_minutes: fields.estimateMinutes,
    due_day: fields.dueDay,
    planned_day: fields.plannedDay,
    priority: fields.priority,
    unplanned: fields.unplanned ? 1 : 0,
    now,
  };
}

/**
 * The list's order per sort. Active tasks first by urgency (overdue and soonest due first, undated
 * last, then priority), done tasks by completion, newest first; by priority; newest created; by
 * title. Each is a key in an index of its own (migration 011), read from the cursor on: keyset
 * pages, never OFFSET, so the 50th page costs what the first does.
 */
interface SortShape {
  /** The list index read, in its order (`INDEXED BY`: one plan per shape, whatever the statistics say). */
  index: string;
  /** The key the cursor carries, and the order by it; ties go by id, ascending or descending. */
  key: string;
  descending: boolean;
  idDescending: boolean;
  /** Active and done as a range of the key, where the key starts with done-ness. */
  statusRange?: { active: string; done: string };
}

const SORT_SHAPES: Record<TaskSort, SortShape> = {
  urgency: {
    index: 'tasks_list_by_urgency',
    key: 'urgency_key',
    descending: false,
    idDescending: true,
    statusRange: { active: "urgency_key < '1'", done: "urgency_key >= '1'" },
  },
  priority: {
    index: 'tasks_list_by_priority',
    key: 'priority_key',
    descending: false,
    idDescending: true,
    statusRange: { active: "priority_key < '1'", done: "priority_key >= '1'" },
  },
  newest: { index: 'tasks_list_by_newest', key: 'created_at', descending: true, idDescending: true },
  title: { index: 'tasks_list_by_title', key: 'title COLLATE NOCASE', descending: false, idDescending: false },
};

/** Recurring work is listed as it is due: of a series' open occurrences, those due up to today and the next one. */
const NEXT_OCCURRENCE_ONLY = `(series_id IS NULL OR status = 'done' OR occurrence_day <= :today
  OR occurrence_day = (SELECT min(o.occurrence_day) FROM tasks o WHERE o.series_id = tasks.series_id AND o.status != 'done' AND o.deleted_at IS NULL))`;

interface ListShape {
  sort: TaskSort;
  status: TaskFilter['status'];
  category: boolean;
  owner: boolean;
  unplanned: boolean;
  dueBy: boolean;
  search: boolean;
  /**
   * The full-text index a search reads: her newest tasks' (migration 016), one era of the older
   * ones (search-index.ts), or her open tasks' (migration 017), which an open-tasks search reads alone.
   */
  index: SearchIndex;
  after: boolean;
}

/** The conditions a shape's filter sets, and only those: no `(:x IS NULL OR …)` that no index can match. */
function filterTerms(shape: ListShape, statusRange: SortShape['statusRange']): string[] {
  const terms = ['deleted_at IS NULL'];
  if (shape.status !== 'all') {
    terms.push(statusRange ? statusRange[shape.status] : shape.status === 'done' ? "status = 'done'" : "status != 'done'");
  }
  if (shape.category) terms.push('category_id = :category_id');
  if (shape.owner) terms.push('owner = :owner');
  if (shape.unplanned) terms.push('unplanned = :unplanned');
  if (shape.dueBy) terms.push('due_day <= :due_by');
  terms.push(NEXT_OCCURRENCE_ONLY);
  return terms;
}

interface ListStatements {
  /** limit + 1 rows, each with its cursor key in `sort_key`: one more than asked says whether a next page exists. */
  page: Statement;
  /** How many match, counted up to the cap and one more (so "1,000+" is known). */
  count: Statement;
  /**
   * A search where nearly every match passes the filters (all or done, nothing else set): the rows
   * are joined only for the best :candidates matches, not for every one. When fewer than limit + 1
   * of them pass, `page` (which joins every match) gives the page instead.
   */
  fewCandidates?: Statement;
  /** How many matches `fewCandidates` ranked, for when none of them passed (so it returned no row to say it). */
  rankedCount?: Statement;
}

/** Matches ranked per page by the search's quick path: twice a page and its one more. */
const SEARCH_CANDIDATES_PER_ROW = 2;

function prepareListStatements(db: SqliteDatabase, shape: ListShape): ListStatements {
  const countSql = (from: string, where: string[]) =>
    `SELECT count(*) AS total FROM (SELECT 1 FROM ${from} WHERE ${where.join(' AND ')} LIMIT ${TASK_COUNT_CAP + 1})`;
  if (shape.search) {
    // Relevance (bm25) first, then id: FTS ranks its matches, the rows are joined for the filters,
    // and only the page's rows are read whole (their notes' start and logged time). The newest
    // tasks have an index of their own (migration 016), and so have the open ones (migration 017)
    // and each era of the older ones (search-index.ts).
    const fts = searchIndexTable(shape.index);
    const terms = [...filterTerms(shape, undefined), `${fts} MATCH :search`];
    const hits = [...terms];
    if (shape.after) hits.push(`(${fts}.rank > :after_key OR (${fts}.rank = :after_key AND tasks.id > :after_id))`);
    const from = `${fts} JOIN tasks ON tasks.id = ${fts}.rowid`;
    const pageOf = (hitsSql: string) =>
      db.prepare(
        `WITH hits AS MATERIALIZED (${hitsSql})
         SELECT ${LIST_COLUMNS}, hit_rank AS sort_key FROM hits JOIN tasks ON tasks.id = hit_id ORDER BY hit_rank, hit_id`,
      );
    const quick = shape.status !== 'active' && !shape.category && !shape.owner && !shape.unplanned && !shape.dueBy;
    const ranked = `SELECT rowid AS ranked_id, rank AS ranked_rank FROM ${fts} WHERE ${fts} MATCH :search${
      shape.after ? ' AND (rank > :after_key OR (rank = :after_key AND rowid > :after_id))' : ''
    } ORDER BY rank, rowid LIMIT :candidates`;
    return {
      page: pageOf(
        `SELECT tasks.id AS hit_id, ${fts}.rank AS hit_rank FROM ${from} WHERE ${hits.join(' AND ')}
         ORDER BY ${fts}.rank, tasks.id LIMIT :limit`,
      ),
      count: db.prepare(countSql(from, terms)),
      ...(quick
        ? {
            fewCandidates: db.prepare(
              `WITH ranked AS MATERIALIZED (${ranked}),
               hits AS MATERIALIZED (
                 SELECT ranked_id AS hit_id, ranked_rank AS hit_rank FROM ranked JOIN tasks ON tasks.id = ranked_id
                 WHERE ${filterTerms(shape, undefined).join(' AND ')} ORDER BY ranked_rank, ranked_id LIMIT :limit)
               SELECT ${LIST_COLUMNS}, hit_rank AS sort_key, (SELECT count(*) FROM ranked) AS ranked
               FROM hits JOIN tasks ON tasks.id = hit_id ORDER BY hit_rank, hit_id`,
            ),
            rankedCount: db.prepare(`SELECT count(*) AS ranked FROM (${ranked})`),
          }
        : {}),
    };
  }
  const sort = SORT_SHAPES[shape.sort];
  // One category's tasks by urgency have an index of their own, led by the category.
  const index = shape.category && shape.sort === 'urgency' ? 'tasks_list_by_category' : sort.index;
  const terms = filterTerms(shape, sort.statusRange);
  const rows = [...terms];
  if (shape.after) {
    const beyond = sort.descending ? '<' : '>';
    const idBeyond = sort.idDescending ? '<' : '>';
    rows.push(`${sort.key} ${beyond}= :after_key`, `(${sort.key} ${beyond} :after_key OR id ${idBeyond} :after_id)`);
  }
  const order = `${sort.key}${sort.descending ? ' DESC' : ''}, id${sort.idDescending ? ' DESC' : ''}`;
  const from = `tasks INDEXED BY ${index}`;
  const keyColumn = shape.sort === 'title' ? 'title' : sort.key;
  return {
    page: db.prepare(`SELECT ${LIST_COLUMNS}, ${keyColumn} AS sort_key FROM ${from} WHERE ${rows.join(' AND ')} ORDER BY ${order} LIMIT :limit`),
    count: db.prepare(countSql(from, terms)),
  };
}

const listStatements = new WeakMap<SqliteDatabase, Map<string, ListStatements>>();

/** One statement (and its count) per list shape, prepared on first use. */
function listStatementsFor(db: SqliteDatabase, shape: ListShape): ListStatements {
  let cache = listStatements.get(db);
  if (!cache) {
    cache = new Map();
    listStatements.set(db, cache);
  }
  const key = JSON.stringify(shape);
  let statements = cache.get(key);
  if (!statements) {
    statements = prepareListStatements(db, shape);
    cache.set(key, statements);
  }
  return statements;
}

/**
 * Turns what she typed into an FTS5 query: every word must appear, as a prefix, so "vpn sal"
 * finds "Reset VPN for sales". Quotes make any punctuation she types literal, never syntax.
 */
export function ftsQuery(text: string): string | null {
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}

/**
 * What a cursor holds: the order it belongs to, and the last row's key and id. Opaque to the
 * renderer. One into an era of her older tasks also names the era and how many matches the newer
 * ones held; its key is null at the era's start (a page's `further`).
 */
type Cursor = [order: ListOrder, key: string | number, id: number] | [order: 'relevance-older', key: string | number | null, id: number, era: number, before: number];

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/**
 * How a list is ordered: by a sort, or by relevance, among her newest tasks ('relevance'), among one
 * era of the older ones ('relevance-older'), or among her open tasks ('relevance-open').
 */
type ListOrder = TaskSort | 'relevance' | 'relevance-older' | 'relevance-open';

type SearchIndex = 'recent' | 'open' | { era: number };

const searchIndexTable = (index: SearchIndex) => (index === 'recent' ? 'tasks_recent_fts' : index === 'open' ? 'tasks_open_fts' : eraTable(index.era));

const searchOrder = (index: SearchIndex): ListOrder => (index === 'recent' ? 'relevance' : index === 'open' ? 'relevance-open' : 'relevance-older');

/** A cursor as tasks:list makes one: after the task `id` whose key in `order` is `key`. */
export function taskListCursor(order: ListOrder, key: string | number, id: number): string {
  return encodeCursor([order, key, id]);
}

/** A cursor to the start of an era of her older tasks, as a page's `further` is (the bench steps back with it). */
export function eraSearchCursor(era: number, before: number): string {
  return encodeCursor(['relevance-older', null, 0, era, before]);
}

const BAD_CURSOR = 'This page marker is from another list or is damaged: load the list from its first page';

const badCursor = () => new AppError('VALIDATION', BAD_CURSOR, [{ field: 'after', message: BAD_CURSOR }]);

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function decodeCursor<Order extends ListOrder>(text: string, orders: readonly Order[]): { order: Order; key: string | number; id: number } {
  const cursor = decodeAnyCursor(text);
  if (!orders.includes(cursor.order as Order) || cursor.key === null || cursor.era !== undefined) throw badCursor();
  return { order: cursor.order as Order, key: cursor.key, id: cursor.id };
}

interface SearchCursor {
  order: ListOrder;
  key: string | number | null;
  id: number;
  /** Into an era of her older tasks: the era, and the matches the newer tasks held. */
  era?: number;
  before?: number;
}

/**
 * Whether a `tasks:list` call writes: a step back into an era while the eras are behind fills them
 * first (fillSearchEras, one IMMEDIATE transaction). The dispatcher holds such a call while an
 * import or a restore holds the write lock, as it holds every write, rather than let it wait in
 * SQLite's busy handler and fail. Input it cannot read is the handler's to refuse: false.
 */
export function listCallWrites(db: SqliteDatabase, input: unknown): boolean {
  const after = typeof input === 'object' && input !== null ? (input as { after?: unknown }).after : undefined;
  if (typeof after !== 'string') return false;
  try {
    return decodeAnyCursor(after).era !== undefined && searchErasBehind(db);
  } catch {
    return false;
  }
}

function decodeAnyCursor(text: string): SearchCursor {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    cursor = null;
  }
  const parts = Array.isArray(cursor) && (cursor.length === 3 || cursor.length === 5) ? (cursor as unknown[]) : [];
  const [order, key, id, era, before] = parts;
  const inEra = parts.length === 5;
  const keyOk = typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key)) || (inEra && key === null);
  if (typeof order !== 'string' || !keyOk || typeof id !== 'number' || !Number.isSafeInteger(id)) throw badCursor();
  if (inEra && (order !== 'relevance-older' || !isCount(era) || !isCount(before))) throw badCursor();
  if (!inEra && order === 'relevance-older') throw badCursor();
  return { order: order as ListOrder, key, id, ...(inEra ? { era: era as number, before: before as number } : {}) };
}

const statements = preparedFor((db) => ({
  byId: db.prepare<[number], TaskRow>(`SELECT ${COLUMNS} FROM tasks WHERE id = ? AND deleted_at IS NULL`),
  deletedById: db.prepare<[number], { id: number }>('SELECT id FROM tasks WHERE id = ? AND deleted_at IS NOT NULL'),
  insert: db.prepare<[TaskParams]>(
    `INSERT INTO tasks (title, notes, category_id, estimate_minutes, due_day, planned_day, priority, unplanned,
       created_at, updated_at)
     VALUES (:title, :notes, :category_id, :estimate_minutes, :due_day, :planned_day, :priority, :unplanned, :now, :now)`,
  ),
  update: db.prepare<[TaskParams & { id: number }]>(
    `UPDATE tasks SET title = :title, notes = :notes, category_id = :category_id, estimate_minutes = :estimate_minutes,
       due_day = :due_day, planned_day = :planned_day, priority = :priority, unplanned = :unplanned, updated_at = :now
     WHERE id = :id AND deleted_at IS NULL`,
  ),
  setStatus: db.prepare<[{ id: number; status: TaskStatus; now: number }]>(
    `UPDATE tasks SET status = :status, updated_at = :now,
       completed_at = CASE WHEN :status = 'done' THEN coalesce(completed_at, :now) ELSE NULL END
     WHERE id = :id AND deleted_at IS NULL`,
  ),
  softDelete: db.prepare<[number, number]>('UPDATE tasks SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
  restore: db.prepare<[number]>('UPDATE tasks SET deleted_at = NULL WHERE id = ?'),
  purge: db.prepare<[number]>('DELETE FROM tasks WHERE deleted_at IS NOT NULL AND deleted_at < ?'),
  // Their entries keep counting as unplanned once the task is gone for good.
  keepUnplannedOnPurge: db.prepare<[number]>(
    `UPDATE time_entries SET unplanned = 1 WHERE unplanned = 0
       AND task_id IN (SELECT id FROM tasks WHERE deleted_at IS NOT NULL AND deleted_at < ? AND unplanned = 1)`,
  ),
  anyTask: db.prepare<[], { found: 1 }>('SELECT 1 AS found FROM tasks LIMIT 1'),
  firstCreatedFrom: db.prepare<[number], number>('SELECT created_at FROM tasks WHERE id >= ? ORDER BY id LIMIT 1').pluck(),
}));

export function getTask(db: SqliteDatabase, id: number): Task {
  const row = statements(db).byId.get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no task #${id}; it may have been deleted.`);
  return toTask(row);
}

/** A list's filter; fields left out mean "any". */
export type TaskListFilter = Pick<TaskFilter, 'status' | 'categoryId' | 'limit'> & Partial<TaskFilter>;

/**
 * A page of tasks, from `after` (the `next` of the page before) on. Recurring work is listed as it
 * is due, not as 60 days of copies: of a series' open occurrences, those due up to today (missed
 * ones stay in view) and the next one after. A search lists the best matches first.
 */
export function listTasks(db: SqliteDatabase, filter: TaskListFilter, today: LocalDay): TaskPage {
  const search = ftsQuery(filter.search ?? '');
  const sort = filter.sort ?? 'urgency';
  const after = filter.after ?? null;
  const shape: ListShape = {
    sort: search !== null ? 'urgency' : sort,
    status: filter.status,
    category: filter.categoryId !== null,
    owner: filter.owner != null,
    unplanned: filter.unplanned != null,
    dueBy: filter.dueBy != null,
    search: search !== null,
    index: filter.status === 'active' ? 'open' : 'recent',
    after: false,
  };
  const params: Record<string, unknown> = { today };
  if (shape.category) params.category_id = filter.categoryId;
  if (shape.owner) params.owner = filter.owner;
  if (shape.unplanned) params.unplanned = filter.unplanned ? 1 : 0;
  if (shape.dueBy) params.due_by = filter.dueBy;
  if (search !== null) params.search = search;
  // A search of open tasks reads their own index, which holds every one of them however old and
  // nothing else (migration 017): one index for the whole list, as a list without a search has.
  if (search !== null && shape.index !== 'open') return searchTasks(db, shape, params, filter.limit, after);
  const cursor = after === null ? null : decodeCursor(after, [orderOf(shape)]);
  const { total } = listStatementsFor(db, shape).count.get(params) as { total: number };
  const rows = total > 0 ? readRows(db, { ...shape, after: cursor !== null }, withCursor(params, cursor), filter.limit + 1) : [];
  return toPage(rows, filter.limit, total, NOTHING_LEFT_OUT);
}

type ListRow = TaskRow & { sort_key: string | number; order: ListOrder };

/** The order a shape's rows are in, which their cursors name. */
const orderOf = (shape: ListShape): ListOrder => (shape.search ? searchOrder(shape.index) : shape.sort);

function withCursor(params: Record<string, unknown>, cursor: { key: string | number; id: number } | null): Record<string, unknown> {
  return cursor ? { ...params, after_key: cursor.key, after_id: cursor.id } : params;
}

/** Up to `limit` rows of one list shape, each with the order its cursor belongs to. */
function readRows(db: SqliteDatabase, shape: ListShape, params: Record<string, unknown>, limit: number): ListRow[] {
  const { page, fewCandidates, rankedCount } = listStatementsFor(db, shape);
  const order = orderOf(shape);
  type Row = TaskRow & { sort_key: string | number; ranked?: number };
  const candidates = limit * SEARCH_CANDIDATES_PER_ROW;
  let rows = fewCandidates ? (fewCandidates.all({ ...params, limit, candidates }) as Row[]) : [];
  // Too few of the best matches passed while more matches remain: rank and filter every match.
  // None passed: fewer matches than candidates (say past the last of them) still means none is left.
  const ranked = rows[0]?.ranked ?? (rankedCount ? (rankedCount.get({ ...params, candidates }) as { ranked: number }).ranked : candidates);
  const complete = fewCandidates !== undefined && (rows.length === limit || ranked < candidates);
  if (!complete) rows = page.all({ ...params, limit }) as Row[];
  return rows.map((row) => ({ ...row, order }));
}

/**
 * A search's page, through one index: her newest tasks' (migration 016) first, then, a step at a
 * time as she asks (the last page's `further`), one era of the older ones after another, newest
 * first (search-index.ts). Each index ranks and counts only its own matches, so every page costs
 * what 50,000 tasks hold, not what exists; the count carries the newer indexes' matches along in
 * the cursor ("vpn firm" on the 100-year bench file: through its 450,072 older tasks in one index,
 * 6.67 ms; through one whole era of them, 0.62–0.65 ms).
 */
function searchTasks(db: SqliteDatabase, shape: ListShape, params: Record<string, unknown>, pageSize: number, after: string | null): TaskPage {
  const cursor = after === null ? null : decodeAnyCursor(after);
  if (cursor !== null && cursor.order !== 'relevance' && cursor.order !== 'relevance-older') throw badCursor();
  const eras = olderEras(db);
  const era = cursor?.era;
  if (era !== undefined && !eras.includes(era)) throw badCursor();
  if (era !== undefined) fillSearchEras(db);
  const index: SearchIndex = era === undefined ? 'recent' : { era };
  const indexShape: ListShape = { ...shape, index };
  const before = cursor?.before ?? 0;
  // Past the cap the matches need no more counting: the total shows as "1,000+" either way.
  const counted = before > TASK_COUNT_CAP ? 0 : (listStatementsFor(db, indexShape).count.get(params) as { total: number }).total;
  const keyed = cursor !== null && cursor.key !== null ? { key: cursor.key, id: cursor.id } : null;
  const rows = counted > 0 || before > TASK_COUNT_CAP ? readRows(db, { ...indexShape, after: keyed !== null }, withCursor(params, keyed), pageSize + 1) : [];
  const total = before + counted;
  const nextEra = era === undefined ? eras[0] : eras[eras.indexOf(era) + 1];
  const searchedFrom = era === undefined ? recentSearchFrom(db) : eraFirstId(era);
  return toPage(rows, pageSize, total, {
    olderLeftOut: nextEra !== undefined,
    searchedFrom: nextEra === undefined ? null : (statements(db).firstCreatedFrom.get(searchedFrom) ?? null),
    further: rows.length <= pageSize && nextEra !== undefined ? encodeCursor(['relevance-older', null, 0, nextEra, total]) : null,
    era: era === undefined ? null : { era, before },
  });
}

interface LeftOut {
  olderLeftOut: boolean;
  searchedFrom: number | null;
  further: string | null;
  /** The era the page's rows are from, and the matches before it, for the cursor. */
  era: { era: number; before: number } | null;
}

const NOTHING_LEFT_OUT: LeftOut = { olderLeftOut: false, searchedFrom: null, further: null, era: null };

function toPage(rows: ListRow[], pageSize: number, total: number, { olderLeftOut, searchedFrom, further, era }: LeftOut): TaskPage {
  const more = rows.length > pageSize;
  if (more) rows.length = pageSize;
  const last = rows.at(-1);
  const next =
    more && last
      ? encodeCursor(era !== null ? ['relevance-older', last.sort_key, last.id, era.era, era.before] : [last.order, last.sort_key, last.id])
      : null;
  return {
    total: Math.min(total, TASK_COUNT_CAP),
    totalCapped: total > TASK_COUNT_CAP,
    tasks: rows.map(toTask),
    next,
    olderLeftOut,
    searchedFrom,
    further,
  };
}

const bulkStatements = preparedFor((db) => ({
  plan: db.prepare<[string | null, number, number]>('UPDATE tasks SET planned_day = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'),
  categorise: db.prepare<[number, number, number]>('UPDATE tasks SET category_id = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'),
}));

export function planTask(db: SqliteDatabase, id: number, plannedDay: LocalDay | null, now: number): number {
  return bulkStatements(db).plan.run(plannedDay, now, id).changes;
}

export function categoriseTask(db: SqliteDatabase, id: number, categoryId: number, now: number): number {
  return bulkStatements(db).categorise.run(categoryId, now, id).changes;
}

export function createTask(db: SqliteDatabase, fields: TaskFields, now: number): Task {
  const { lastInsertRowid } = statements(db).insert.run(toParams(fields, now));
  return getTask(db, Number(lastInsertRowid));
}

/** Changes the fields the patch names, leaving the others as they are. The caller holds the transaction. */
export function updateTask(db: SqliteDatabase, id: number, patch: Partial<TaskFields>, now: number): Task {
  const current = getTask(db, id);
  const merged: TaskFields = {
    title: patch.title ?? current.title,
    notes: patch.notes ?? current.notes,
    categoryId: patch.categoryId !== undefined ? patch.categoryId : current.categoryId,
    estimateMinutes: patch.estimateMinutes !== undefined ? patch.estimateMinutes : current.estimateMinutes,
    dueDay: patch.dueDay !== undefined ? patch.dueDay : current.dueDay,
    plannedDay: patch.plannedDay !== undefined ? patch.plannedDay : current.plannedDay,
    priority: patch.priority ?? current.priority,
    unplanned: patch.unplanned ?? current.unplanned,
  };
  statements(db).update.run({ ...toParams(merged, now), id });
  return getTask(db, id);
}

export function setTaskStatus(db: SqliteDatabase, id: number, status: TaskStatus, now: number): Task {
  getTask(db, id);
  statements(db).setStatus.run({ id, status, now });
  return getTask(db, id);
}

export function softDeleteTask(db: SqliteDatabase, id: number, now: number): void {
  getTask(db, id);
  statements(db).softDelete.run(now, id);
}

export function restoreTask(db: SqliteDatabase, id: number): Task {
  const { deletedById, restore } = statements(db);
  if (deletedById.get(id)) restore.run(id);
  return getTask(db, id);
}

/** Deleted tasks stay restorable for this long, then are removed for good. */
export const DELETED_TASK_RETENTION_MS = 30 * 86_400_000;

export function purgeDeletedTasks(db: SqliteDatabase, now: number): number {
  const { purge, keepUnplannedOnPurge } = statements(db);
  return db.transaction(() => {
    keepUnplannedOnPurge.run(now - DELETED_TASK_RETENTION_MS);
    return purge.run(now - DELETED_TASK_RETENTION_MS).changes;
  })();
}

export function hasAnyTask(db: SqliteDatabase): boolean {
  return statements(db).anyTask.get() !== undefined;
}

/**
 * Her open tasks of a category that a candidate delegation over [startDay, endDay] would hand to the
 * MSP, by the ownership rule (shared/domain/ownership.ts): a dated task when its planned (else due)
 * day falls in the period; an undated one when the period reaches today or later (it moves on the
 * day the delegation is in force). Tasks she keeps or handed over are left out.
 */
const REFERENCE_DAY = 'coalesce(planned_day, due_day)';
const MOVES_IN_PERIOD = `CASE WHEN ${REFERENCE_DAY} IS NULL THEN (:end_day IS NULL OR :end_day >= :today)
  ELSE ${REFERENCE_DAY} >= :start_day AND (:end_day IS NULL OR ${REFERENCE_DAY} <= :end_day) END`;

const delegationStatements = preparedFor((db) => ({
  moving: db.prepare<[PeriodParams & { limit: number }], TaskRow>(
    `SELECT ${LIST_COLUMNS} FROM tasks WHERE deleted_at IS NULL AND status != 'done' AND category_id = :category_id
       AND owner = 'me' AND keep_owner = 0 AND handed_over = 0 AND ${MOVES_IN_PERIOD}
     ORDER BY ${REFERENCE_DAY} IS NULL, ${REFERENCE_DAY}, id LIMIT :limit`,
  ),
  movingCount: db.prepare<[PeriodParams], { count: number }>(
    `SELECT count(*) AS count FROM tasks WHERE deleted_at IS NULL AND status != 'done' AND category_id = :category_id
       AND owner = 'me' AND keep_owner = 0 AND handed_over = 0 AND ${MOVES_IN_PERIOD}`,
  ),
  queue: db.prepare<[{ technician_id: number | null; unassigned: number; limit: number }], TaskRow>(
    `SELECT ${LIST_COLUMNS} FROM tasks WHERE deleted_at IS NULL AND owner = 'msp' AND status != 'done'
       AND (:unassigned = 0 OR technician_id IS NULL) AND (:technician_id IS NULL OR technician_id = :technician_id)
     ORDER BY created_at, id LIMIT :limit`,
  ),
  queueCounts: db.prepare<[], { technician_id: number | null; status: TaskStatus; count: number }>(
    `SELECT technician_id, status, count(*) AS count FROM tasks
     WHERE deleted_at IS NULL AND owner = 'msp' AND status != 'done' GROUP BY technician_id, status`,
  ),
  ofTechnician: db.prepare<[number], { count: number }>(
    "SELECT count(*) AS count FROM tasks WHERE deleted_at IS NULL AND status != 'done' AND technician_id = ?",
  ),
  reassign: db.prepare<[number | null, number, number]>(
    "UPDATE tasks SET technician_id = ?, updated_at = ? WHERE deleted_at IS NULL AND status != 'done' AND technician_id = ?",
  ),
}));

interface PeriodParams {
  category_id: number;
  start_day: string;
  end_day: string | null;
  today: string;
}

/** The first `limit` tasks a candidate delegation would move to the MSP, and how many there are in all. */
export function tasksMovingToMsp(
  db: SqliteDatabase,
  period: { categoryId: number; startDay: LocalDay; endDay: LocalDay | null },
  today: LocalDay,
  limit: number,
): { tasks: Task[]; total: number } {
  const params = { category_id: period.categoryId, start_day: period.startDay, end_day: period.endDay, today };
  const { moving, movingCount } = delegationStatements(db);
  return { tasks: moving.all({ ...params, limit }).map(toTask), total: movingCount.get(params)?.count ?? 0 };
}

export function mspQueue(db: SqliteDatabase, filter: { technicianId: number | null; unassigned: boolean; limit: number }): Task[] {
  return delegationStatements(db)
    .queue.all({ technician_id: filter.technicianId, unassigned: filter.unassigned ? 1 : 0, limit: filter.limit })
    .map(toTask);
}

export function mspQueueCounts(db: SqliteDatabase): { technicianId: number | null; status: TaskStatus; count: number }[] {
  return delegationStatements(db)
    .queueCounts.all()
    .map((row) => ({ technicianId: row.technician_id, status: row.status, count: row.count }));
}

export function openTaskCountOfTechnician(db: SqliteDatabase, technicianId: number): number {
  return delegationStatements(db).ofTechnician.get(technicianId)?.count ?? 0;
}

/** Hands a technician's open tasks to another one, or back to the MSP's unassigned queue (null). */
export function reassignTechnicianTasks(db: SqliteDatabase, fromId: number, toId: number | null, now: number): number {
  return delegationStatements(db).reassign.run(toId, now, fromId).changes;
}

const todayStatements = preparedFor((db) => ({
  plannedOn: db.prepare<[string], TaskRow>(
    `SELECT ${LIST_COLUMNS} FROM tasks WHERE deleted_at IS NULL AND owner = 'me' AND status != 'done'
       AND coalesce(planned_day, due_day) = ? ORDER BY priority DESC, id LIMIT 100`,
  ),
  // The open tasks' due-day index (tasks_open_by_due_day: a few hundred rows however long her
  // history is), not the owner index (all her tasks ever): the unary + keeps the planner off it.
  overdue: db.prepare<[string], TaskRow>(
    `SELECT ${LIST_COLUMNS} FROM tasks WHERE deleted_at IS NULL AND +owner = 'me' AND status != 'done'
       AND due_day < ? ORDER BY due_day, priority DESC, id LIMIT 100`,
  ),
  unplannedSince: db.prepare<[number], { count: number }>(
    'SELECT count(*) AS count FROM tasks WHERE deleted_at IS NULL AND unplanned = 1 AND created_at >= ?',
  ),
}));

/** Her open tasks planned (else due) on `day`. */
export function tasksPlannedOn(db: SqliteDatabase, day: LocalDay): Task[] {
  return todayStatements(db).plannedOn.all(day).map(toTask);
}

/** Her open tasks due before `day`. */
export function tasksOverdue(db: SqliteDatabase, day: LocalDay): Task[] {
  return todayStatements(db).overdue.all(day).map(toTask);
}

export function unplannedTasksSince(db: SqliteDatabase, since: number): number {
  return todayStatements(db).unplannedSince.get(since)?.count ?? 0;
}

/** A task from an import, with its owner as the file says it and the fingerprint of its row. */
export interface ImportedTaskRow extends TaskFields {
  status: TaskStatus;
  /** null: the delegations decide (settle it after inserting); 'me' keeps it; 'msp' hands it over. */
  owner: Owner | null;
  technicianId: number | null;
  createdAt: number;
  completedAt: number | null;
  /** null for tasks made from entries' task names (found again by name, not by key). */
  sourceKey: string | null;
}

const importStatements = preparedFor((db) => ({
  insert: db.prepare<[Record<string, unknown>]>(
    `INSERT INTO tasks (title, notes, category_id, owner, keep_owner, handed_over, technician_id, estimate_minutes, due_day,
       planned_day, priority, status, unplanned, created_at, updated_at, completed_at, responded_at, source_key)
     VALUES (:title, :notes, :category_id, :owner, :keep_owner, :handed_over, :technician_id, :estimate_minutes, :due_day,
       :planned_day, :priority, :status, :unplanned, :created_at, :now, :completed_at, :responded_at, :source_key)
     ON CONFLICT (source_key) WHERE source_key IS NOT NULL DO NOTHING`,
  ),
  knownKeys: db.prepare<[string], string>('SELECT j.value FROM json_each(?) AS j JOIN tasks AS t ON t.source_key = j.value').pluck(),
  byCategory: db
    .prepare<[number], [number, string]>('SELECT id, title FROM tasks WHERE category_id = ? AND deleted_at IS NULL ORDER BY id')
    .raw(true),
}));

/**
 * Inserts an imported task unless a task with its source key is there already; its id, or null.
 * The caller settles the owner of an open task next (settleTaskOwner) and holds the transaction.
 */
export function insertImportedTask(db: SqliteDatabase, task: ImportedTaskRow, now: number): number | null {
  const { changes, lastInsertRowid } = importStatements(db).insert.run({
    ...toParams(task, now),
    owner: task.owner ?? 'me',
    keep_owner: task.owner === 'me' ? 1 : 0,
    handed_over: task.owner === 'msp' ? 1 : 0,
    technician_id: task.owner === 'msp' ? task.technicianId : null,
    status: task.status,
    created_at: task.createdAt,
    completed_at: task.status === 'done' ? (task.completedAt ?? now) : null,
    responded_at: task.status === 'open' ? null : (task.completedAt ?? now),
    source_key: task.sourceKey,
  });
  return changes === 1 ? Number(lastInsertRowid) : null;
}

/** Which of these task source keys are already in Offload. */
export function knownTaskSourceKeys(db: SqliteDatabase, keys: readonly string[]): Set<string> {
  const known = new Set<string>();
  for (let start = 0; start < keys.length; start += 5000) {
    for (const key of importStatements(db).knownKeys.all(JSON.stringify(keys.slice(start, start + 5000)))) known.add(key);
  }
  return known;
}

/** The tasks of a category (not deleted), oldest first, as [id, title]. */
export function taskTitlesInCategory(db: SqliteDatabase, categoryId: number): [number, string][] {
  return importStatements(db).byCategory.all(categoryId);
}
