import type { LocalDay } from '../domain/day';
import { parseDuration } from '../domain/duration';
import type { Owner, Priority, TaskStatus } from '../domain/types';
import { localDayOfNumber, type DayMonthOrder } from './date-time';
import { Fnv1a64, OccurrenceKeys } from './fingerprint';
import type { ImportField } from './formats';
import { EMPTY_MAPPING, mappingKey, normalizeName, userKey, type ImportMapping, type WorkerMapping } from './mapping';
import { cellOf, chooseDateOrder, DateCells, extraCellsIssue, openImportFile, parseYesNo } from './open-file';
import { PROGRESS_EVERY, type ImportControl, type ImportOutcome, type ParsedBase, type RowIssue, type SeenName, type SeenUser } from './result';

export interface TaskImportOptions extends ImportControl {
  /** Her answer when the file's dates do not decide day/month order themselves. */
  dayMonthOrder?: DayMonthOrder;
  /**
   * `category:<name>` → category id. For tasks `null` is an answer: "import without a category";
   * a name missing from the map is unmapped and listed for her to decide.
   */
  mapping?: ImportMapping;
}

/** One row ready to become a task, in the app's task fields. */
export interface ImportedTask {
  row: number;
  title: string;
  notes: string;
  categoryId: number | null;
  /** The category name's mapping key; null when the row names no category. */
  categoryKey: string | null;
  estimateMinutes: number | null;
  dueDay: LocalDay | null;
  plannedDay: LocalDay | null;
  priority: Priority;
  status: TaskStatus;
  /** null: the file does not say; the delegations decide, as for a task she types. */
  owner: Owner | null;
  technicianId: number | null;
  /** The mapping key of a technician named as owner. */
  ownerKey: string | null;
  unplanned: boolean;
  sourceKey: string;
}

export interface ParsedTasks extends ParsedBase<ImportedTask> {
  format: 'generic-tasks';
  seen: { categories: SeenName[]; users: SeenUser[] };
  unmapped: { categories: SeenName[]; users: SeenUser[] };
}

export type TaskImport = ImportOutcome<ParsedTasks>;

const MAX_TITLE = 500;
const MAX_NOTES = 20_000;
const MAX_ESTIMATE = 10_080;

const PRIORITIES: Readonly<Record<string, Priority>> = {
  '': 0,
  '0': 0,
  '1': 1,
  '2': 2,
  '3': 3,
  '!': 1,
  '!!': 2,
  '!!!': 3,
  none: 0,
  low: 1,
  medium: 2,
  high: 3,
};

const STATUSES: Readonly<Record<string, TaskStatus>> = {
  '': 'open',
  open: 'open',
  todo: 'open',
  'to do': 'open',
  in_progress: 'in_progress',
  'in progress': 'in_progress',
  'in-progress': 'in_progress',
  waiting: 'waiting',
  done: 'done',
  completed: 'done',
};

/** Reads Offload's task CSV (see docs/import-formats.md). */
export function parseTasks(text: string, options: TaskImportOptions = {}): TaskImport {
  const opened = openImportFile(text, 'tasks', 'generic-tasks');
  if ('status' in opened) return opened;
  const columns = opened.columns;
  const at = (field: ImportField) => columns[field]?.index ?? -1;
  const dateOrder = chooseDateOrder(opened, [columns.due?.index, columns.planned?.index], options.dayMonthOrder);
  if ('status' in dateOrder) return dateOrder;

  const mapping = options.mapping ?? EMPTY_MAPPING;
  const name = (field: ImportField) => columns[field]?.header ?? field;
  const index = {
    title: at('title'),
    category: at('category'),
    estimate: at('estimate'),
    due: at('due'),
    planned: at('planned'),
    priority: at('priority'),
    status: at('status'),
    owner: at('owner'),
    notes: at('note'),
    unplanned: at('unplanned'),
  };
  const dates = new DateCells(dateOrder.parseOrder);
  const occurrences = new OccurrenceKeys();
  const categories = new Map<string, SeenName>();
  const owners = new Map<string, SeenUser>();
  const headerLength = opened.table.header.length;
  const rows: ImportedTask[] = [];
  const errors: RowIssue[] = [];
  const records = opened.table.rows;
  const total = records.length;
  let currentRow = 0;
  const fail = (field: ImportField | null, reason: string) => errors.push({ row: currentRow, column: field === null ? null : name(field), reason });

  for (let position = 0; position < total; position++) {
    if (position % PROGRESS_EVERY === 0 && position > 0) {
      if (options.isCancelled?.()) return { status: 'cancelled', format: 'generic-tasks' };
      options.onProgress?.(position, total);
    }
    const { row, cells } = records[position]!;
    currentRow = row;
    const errorsBefore = errors.length;
    const extra = extraCellsIssue(cells, headerLength);
    if (extra) {
      fail(null, extra);
      continue;
    }

    const title = cellOf(cells, index.title).replace(/\s+/g, ' ');
    if (title === '') fail('title', 'no title');
    else if (title.length > MAX_TITLE) fail('title', `longer than ${MAX_TITLE} characters (${title.length}): shorten it`);

    const notes = index.notes >= 0 ? (cells[index.notes] ?? '').trim() : '';
    if (notes.length > MAX_NOTES) fail('note', `longer than 20,000 characters (${notes.length.toLocaleString('en-US')}): shorten it`);

    const estimateText = cellOf(cells, index.estimate);
    let estimateMinutes: number | null = null;
    if (estimateText !== '') {
      estimateMinutes = parseDuration(estimateText);
      if (estimateMinutes === null) fail('estimate', `"${estimateText}" is not a duration (write it like 30m, 1.5h, 1h 15m or 1:30)`);
      else if (estimateMinutes < 1) fail('estimate', 'an estimate is at least one minute');
      else if (estimateMinutes > MAX_ESTIMATE) fail('estimate', `"${estimateText}" is over a week (168 h): split the task`);
    }

    const day = (field: 'due' | 'planned', cellIndex: number): LocalDay | null => {
      const value = cellOf(cells, cellIndex);
      if (value === '') return null;
      const parsed = dates.parse(value);
      if (typeof parsed === 'string') {
        fail(field, parsed);
        return null;
      }
      return localDayOfNumber(parsed);
    };
    const dueDay = day('due', index.due);
    const plannedDay = day('planned', index.planned);

    const priorityText = cellOf(cells, index.priority);
    const priority = PRIORITIES[priorityText.toLowerCase()];
    if (priority === undefined) fail('priority', `"${priorityText}" is not a priority: write 0–3, ! to !!!, or none, low, medium, high`);

    const statusText = cellOf(cells, index.status);
    const status = STATUSES[statusText.toLowerCase().replace(/\s+/g, ' ')];
    if (status === undefined) fail('status', `"${statusText}" is not a status: write open, in progress, waiting or done`);

    const unplannedText = cellOf(cells, index.unplanned);
    const unplanned = parseYesNo(unplannedText);
    if (unplanned === null) fail('unplanned', `"${unplannedText}" is not yes or no`);

    if (errors.length > errorsBefore || priority === undefined || status === undefined || unplanned === null) continue;

    const categoryName = cellOf(cells, index.category);
    let categoryId: number | null = null;
    let categoryKey: string | null = null;
    if (categoryName !== '') {
      categoryKey = mappingKey('category', categoryName);
      const mapped = mapping.categories[categoryKey];
      categoryId = mapped ?? null;
      const seen = categories.get(categoryKey);
      if (seen) seen.rows++;
      else categories.set(categoryKey, { key: categoryKey, name: categoryName, rows: 1, categoryId });
    }

    const ownerText = cellOf(cells, index.owner);
    const ownerWord = ownerText.toLowerCase();
    let owner: Owner | null = null;
    let technicianId: number | null = null;
    let ownerKey: string | null = null;
    if (ownerWord === 'me' || ownerWord === 'msp') owner = ownerWord;
    else if (ownerText !== '') {
      ownerKey = userKey(ownerText);
      const mapped: WorkerMapping | null = mapping.workers[ownerKey] ?? null;
      owner = mapped?.worker ?? 'msp';
      technicianId = mapped?.technicianId ?? null;
      const seen = owners.get(ownerKey);
      if (seen) seen.rows++;
      else owners.set(ownerKey, { key: ownerKey, name: ownerText, email: '', rows: 1, mapping: mapped });
    }

    const fingerprint = new Fnv1a64()
      .field('generic-tasks')
      .field(normalizeName(title))
      .field(normalizeName(categoryName))
      .field(dueDay ?? '')
      .field(plannedDay ?? '');

    rows.push({
      row,
      title,
      notes,
      categoryId,
      categoryKey,
      estimateMinutes,
      dueDay,
      plannedDay,
      priority,
      status,
      owner,
      technicianId,
      ownerKey,
      unplanned,
      sourceKey: occurrences.keyOf(fingerprint),
    });
  }
  options.onProgress?.(total, total);

  const seenCategories = [...categories.values()].sort(byRows);
  const seenUsers = [...owners.values()].sort(byRows);
  return {
    status: 'parsed',
    format: 'generic-tasks',
    dateOrder: { order: dateOrder.order, from: dateOrder.from },
    rows,
    errors,
    skipped: [],
    totalRows: total,
    seen: { categories: seenCategories, users: seenUsers },
    unmapped: {
      categories: seenCategories.filter((category) => !(category.key in mapping.categories)),
      users: seenUsers.filter((user) => user.mapping === null),
    },
  };
}

function byRows(a: { rows: number; key: string }, b: { rows: number; key: string }): number {
  return b.rows - a.rows || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
