import type { ParsedInput } from '../../../shared/api/contract';
import {
  PREVIEW_ERROR_LIMIT,
  type EntryCreation,
  type ImportCounts,
  type ImportPreview,
  type ImportReady,
  type TaskCreation,
} from '../../../shared/api/data-views';
import { AppError } from '../../../shared/api/errors';
import type { LocalDay } from '../../../shared/domain/day';
import { ownerOf } from '../../../shared/domain/ownership';
import type { Settings } from '../../../shared/domain/settings';
import type { Owner, TaskStatus } from '../../../shared/domain/types';
import {
  FORMATS,
  normalizeName,
  parseTasks,
  parseTimeEntries,
  type ImportedTask,
  type ImportedTimeEntry,
  type ParsedTasks,
  type ParsedTimeEntries,
  type RowIssue,
} from '../../../shared/import';
import { findOverlaps, type Interval, type OverlapWith } from '../../../shared/import/overlaps';
import { JobCancelled } from '../../backend/jobs';
import type { SqliteDatabase } from '../../db/connection';
import { listCategories } from '../../repositories/categories';
import { listDelegations } from '../../repositories/delegations';
import { rememberedMappings, rememberMappings } from '../../repositories/import-mappings';
import { listTechnicians } from '../../repositories/msp';
import { settleTaskOwner } from '../../repositories/ownership';
import { insertImportedTask, knownTaskSourceKeys, taskTitlesInCategory } from '../../repositories/tasks';
import {
  herIntervalsBetween,
  insertImportedTimeEntries,
  knownEntrySourceKeys,
  technicianIntervalsBetween,
  writeEntriesInBulk,
} from '../../repositories/time-entries';
import { bulkEntryCalendar } from '../entry-calendar';
import {
  addSuggestions,
  choicesToRemember,
  effectiveMapping,
  mappedCategoryNames,
  mappedUserNames,
  NAME_LIST_LIMIT,
  parserMapping,
  SKIP_CATEGORY,
  skippedPeople,
  type EffectiveMapping,
  type KnownTargets,
} from './import-mapping';

export type ImportRequest = ParsedInput<'import:preview'>;

/** Everything an import needs besides the database: what she asked for, the file, her settings and the clock. */
export interface ImportInput {
  request: ImportRequest;
  fileName: string;
  /** The file's size in bytes; `text` is the file itself. */
  fileBytes: number;
  readonly text: string;
  settings: Settings;
  /** Her zone: imported entries are filed under her local days, whatever zone the file's times were read in. */
  herZone: string;
  now: number;
  today: LocalDay;
  /** Where a parse is kept for the next step of the same import (the data worker's thread keeps one). */
  kept?: KeptReads;
}

/** How a long step reports how far it got, and learns that it should stop. */
export interface ImportControl {
  progress(done: number, total: number | null): void;
  cancelled(): boolean;
}

const NO_CONTROL: ImportControl = { progress: () => {}, cancelled: () => false };

export interface ImportResult {
  kind: ImportRequest['kind'];
  created: number;
  tasksCreated: number;
  duplicates: number;
  errors: number;
  skipped: number;
  /** What she reads when the job is done. */
  message: string;
}

/** How often the write loop reports progress and checks for a cancel. */
const WRITE_STEP = 2000;

// ——— Reading the file (no lock held) ———

type Read =
  | { kind: 'time-entries'; parsed: ParsedTimeEntries; mapping: EffectiveMapping; timeZone: string }
  | { kind: 'tasks'; parsed: ParsedTasks; mapping: EffectiveMapping };

type ReadOutcome = Read | Exclude<ImportPreview, { status: 'ready' }>;

/**
 * The last file read, kept by what its parse depends on: the upload and its size, the kind, the
 * zone, the format, the date order — and what the parser is told each name means
 * (`parserMapping`), compared after the suggestions are added, since they decide it too. The
 * apply that follows a preview sends every name's choice as the screen showed it (remembered and
 * suggested ones as chosen): the same parser mapping, so the preview's rows are reused instead of
 * parsing the file again (half of an import's time), with the apply's own mapping for the rest of
 * the import. Any difference — another choice, a category renamed so another one is suggested —
 * parses again. One read is kept: a new one replaces it.
 */
export interface KeptReads {
  get(key: string): { read: Read; parserKey: string } | undefined;
  keep(key: string, read: Read): void;
}

export function keptReads(): KeptReads {
  let last: { key: string; read: Read; parserKey: string } | null = null;
  return {
    get: (key) => (last?.key === key ? last : undefined),
    keep(key, read) {
      last = { key, read, parserKey: parserKeyOf(read.mapping) };
    },
  };
}

function readKey(input: ImportInput): string {
  const { request } = input;
  return JSON.stringify([request.uploadId, input.fileBytes, request.kind, request.timeZone ?? input.herZone, request.format ?? null, request.dayMonthOrder ?? null]);
}

/** What the parser is told each name means, in a stable order. */
function parserKeyOf(mapping: EffectiveMapping): string {
  const { categories, workers } = parserMapping(mapping);
  const sorted = (record: Record<string, unknown>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([sorted(categories), sorted(workers)]);
}

function readFile(db: SqliteDatabase, input: ImportInput, control: ImportControl): ReadOutcome {
  const { request } = input;
  const known = knownTargets(db);
  const mapping = effectiveMapping(request.kind, request.mapping, rememberedMappings(db, request.kind), known);
  const key = input.kept ? readKey(input) : null;
  const kept = key === null ? undefined : input.kept?.get(key);
  if (kept) {
    const candidate: EffectiveMapping = { categories: new Map(mapping.categories), workers: new Map(mapping.workers) };
    addSuggestions(candidate, kept.read.parsed.format, kept.read.parsed.seen, known);
    if (parserKeyOf(candidate) === kept.parserKey) {
      control.progress(kept.read.parsed.totalRows, kept.read.parsed.totalRows * 2);
      return { ...kept.read, mapping: candidate };
    }
  }
  const read = parseFile(input, mapping, known, control);
  if (key !== null && 'kind' in read) input.kept?.keep(key, read);
  return read;
}

const knownTargets = (db: SqliteDatabase): KnownTargets => ({ categories: listCategories(db, true), technicians: listTechnicians(db) });

function parseFile(input: ImportInput, mapping: EffectiveMapping, known: KnownTargets, control: ImportControl): ReadOutcome {
  const { request } = input;
  // Reading is the first half of an import's progress, writing the second.
  const hooks = { onProgress: (done: number, total: number) => control.progress(done, total * 2), isCancelled: () => control.cancelled() };
  if (request.kind === 'time-entries') {
    const timeZone = request.timeZone ?? input.herZone;
    const parse = () =>
      parseTimeEntries(input.text, {
        ...hooks,
        timeZone,
        mapping: parserMapping(mapping),
        ...(request.format && request.format !== 'generic-tasks' ? { format: request.format } : {}),
        ...(request.dayMonthOrder ? { dayMonthOrder: request.dayMonthOrder } : {}),
      });
    let parsed = parse();
    if (parsed.status === 'parsed' && addSuggestions(mapping, parsed.format, parsed.seen, known)) parsed = parse();
    if (parsed.status === 'cancelled') throw new JobCancelled();
    if (parsed.status !== 'parsed') return parsed;
    return { kind: 'time-entries', parsed, mapping, timeZone };
  }
  if (request.format && request.format !== 'generic-tasks') {
    return { status: 'failed', format: request.format, message: `The ${FORMATS[request.format].label} holds time entries, not tasks: import it as time entries.` };
  }
  const parse = () =>
    parseTasks(input.text, { ...hooks, mapping: parserMapping(mapping), ...(request.dayMonthOrder ? { dayMonthOrder: request.dayMonthOrder } : {}) });
  let parsed = parse();
  if (parsed.status === 'parsed' && addSuggestions(mapping, parsed.format, parsed.seen, known)) parsed = parse();
  if (parsed.status === 'cancelled') throw new JobCancelled();
  if (parsed.status !== 'parsed') return parsed;
  return { kind: 'tasks', parsed, mapping };
}

// ——— Deciding row by row (inside the write transaction when applying) ———

interface Sorting<Row> {
  create: Row[];
  duplicates: number;
  skipped: RowIssue[];
  waiting: number;
  waitingCategories: Set<string>;
  waitingUsers: Set<string>;
  /** Rows refused here (overlaps), besides the parser's row errors; the reason is written only for those shown. */
  refused: { row: number; reason: () => string }[];
}

/** Nothing decided yet: only the rows the parser already skipped. */
function startSorting<Row>(skipped: readonly RowIssue[]): Sorting<Row> {
  return { create: [], duplicates: 0, skipped: [...skipped], waiting: 0, waitingCategories: new Set(), waitingUsers: new Set(), refused: [] };
}

const skipReason = (name: string) => `skipped: you chose not to import the rows of ${name === '' ? '(none)' : `“${name}”`}`;

interface EntryPlan extends Sorting<ImportedTimeEntry> {
  /** Tasks to make from the Task column, and the existing task each name+category links to. */
  newTasks: { key: string; title: string; categoryId: number; rows: ImportedTimeEntry[] }[];
  taskIds: Map<string, number>;
}

const taskKey = (categoryId: number, title: string) => `${categoryId}\u0000${normalizeName(title)}`;

function planEntries(db: SqliteDatabase, read: Extract<Read, { kind: 'time-entries' }>): EntryPlan {
  const { parsed, mapping } = read;
  const skipPeople = skippedPeople(mapping);
  const userNames = new Map(parsed.seen.users.map((user) => [user.key, user.name || user.email]));
  const categoryNames = new Map(parsed.seen.categories.map((name) => [name.key, name.name]));
  const plan: EntryPlan = { ...startSorting<ImportedTimeEntry>(parsed.skipped), newTasks: [], taskIds: new Map() };
  const candidates: ImportedTimeEntry[] = [];
  for (const row of parsed.rows) {
    if (row.userKey !== null && skipPeople.has(row.userKey)) {
      plan.skipped.push({ row: row.row, column: null, reason: skipReason(userNames.get(row.userKey) ?? row.userKey) });
    } else if (row.categoryId === SKIP_CATEGORY) {
      plan.skipped.push({ row: row.row, column: null, reason: skipReason(categoryNames.get(row.categoryKey) ?? row.categoryKey) });
    } else if (row.worker === null || row.categoryId === null) {
      plan.waiting += 1;
      if (row.worker === null && row.userKey !== null) plan.waitingUsers.add(row.userKey);
      if (row.categoryId === null) plan.waitingCategories.add(row.categoryKey);
    } else candidates.push(row);
  }

  const known = knownEntrySourceKeys(
    db,
    candidates.map((row) => row.sourceKey),
  );
  const fresh = candidates.filter((row) => !known.has(row.sourceKey));
  plan.duplicates = candidates.length - fresh.length;

  const refusedRows = new Set<ImportedTimeEntry>();
  const refuse = (overlaps: Map<ImportedTimeEntry, OverlapWith<ImportedTimeEntry>>, whose: string) => {
    for (const [row, other] of overlaps) {
      refusedRows.add(row);
      plan.refused.push({ row: row.row, reason: () => overlapReason(other, whose, read.timeZone) });
    }
  };
  const hers = fresh.filter((row) => row.worker === 'me');
  if (hers.length > 0) {
    const { from, to } = spanOf(hers);
    refuse(findOverlaps(herIntervalsBetween(db, from, to), hers), 'your');
  }
  const byTechnician = new Map<number, ImportedTimeEntry[]>();
  for (const row of fresh) {
    if (row.worker === 'msp' && row.technicianId !== null) {
      const rows = byTechnician.get(row.technicianId) ?? [];
      rows.push(row);
      byTechnician.set(row.technicianId, rows);
    }
  }
  const technicianNames = new Map(listTechnicians(db).map((technician) => [technician.id, technician.name]));
  for (const [technicianId, rows] of byTechnician) {
    const { from, to } = spanOf(rows);
    refuse(findOverlaps(technicianIntervalsBetween(db, technicianId, from, to), rows), `${technicianNames.get(technicianId) ?? 'this technician'}’s`);
  }
  plan.create = refusedRows.size === 0 ? fresh : fresh.filter((row) => !refusedRows.has(row));

  // Entries with a task name link to her task of that name in the category, or to a new (done) one.
  const groups = new Map<string, { title: string; categoryId: number; rows: ImportedTimeEntry[] }>();
  for (const row of plan.create) {
    if (row.taskTitle === '' || row.categoryId === null) continue;
    const key = taskKey(row.categoryId, row.taskTitle);
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { title: row.taskTitle.replace(/\s+/g, ' ').slice(0, 500), categoryId: row.categoryId, rows: [row] });
  }
  const categoriesWithTasks = new Set([...groups.values()].map((group) => group.categoryId));
  for (const categoryId of categoriesWithTasks) {
    for (const [id, title] of taskTitlesInCategory(db, categoryId)) {
      const key = taskKey(categoryId, title);
      if (groups.has(key) && !plan.taskIds.has(key)) plan.taskIds.set(key, id);
    }
  }
  for (const [key, group] of groups) if (!plan.taskIds.has(key)) plan.newTasks.push({ key, ...group });
  return plan;
}

function spanOf(rows: readonly Interval[]): { from: number; to: number } {
  let from = Infinity;
  let to = -Infinity;
  for (const row of rows) {
    if (row.startAt < from) from = row.startAt;
    if (row.endAt > to) to = row.endAt;
  }
  return { from, to };
}

function overlapReason(other: OverlapWith<ImportedTimeEntry>, whose: string, timeZone: string): string {
  const when = (interval: Interval) => {
    const day = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(interval.startAt);
    const clock = (instant: number) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
    return `${day} ${clock(interval.startAt)}–${interval.endAt === Infinity ? 'still running' : clock(interval.endAt)}`;
  };
  if (other.kind === 'new') return `overlaps row ${other.item.row} of this file (${when(other.item)}): ${whose} entries may not overlap`;
  if (other.interval.endAt === Infinity) return `overlaps ${whose} running timer, started ${when(other.interval).replace(/–still running$/, '')}`;
  return `overlaps ${whose} entry of ${when(other.interval)} already in Offload`;
}

interface TaskPlan extends Sorting<ImportedTask> {
  delegatedToMsp: Set<ImportedTask>;
}

function planTasks(db: SqliteDatabase, read: Extract<Read, { kind: 'tasks' }>, today: LocalDay): TaskPlan {
  const { parsed, mapping } = read;
  const skipPeople = skippedPeople(mapping);
  const categoryNames = new Map(parsed.seen.categories.map((name) => [name.key, name.name]));
  const ownerNames = new Map(parsed.seen.users.map((user) => [user.key, user.name]));
  const plan: TaskPlan = { ...startSorting<ImportedTask>(parsed.skipped), delegatedToMsp: new Set() };
  const candidates: ImportedTask[] = [];
  for (const row of parsed.rows) {
    if (row.ownerKey !== null && skipPeople.has(row.ownerKey)) {
      plan.skipped.push({ row: row.row, column: null, reason: skipReason(ownerNames.get(row.ownerKey) ?? row.ownerKey) });
    } else if (row.categoryId === SKIP_CATEGORY) {
      plan.skipped.push({ row: row.row, column: null, reason: skipReason(categoryNames.get(row.categoryKey ?? '') ?? '') });
    } else if (row.categoryKey !== null && !mapping.categories.has(row.categoryKey)) {
      plan.waiting += 1;
      plan.waitingCategories.add(row.categoryKey);
    } else candidates.push(row);
  }
  const known = knownTaskSourceKeys(
    db,
    candidates.map((row) => row.sourceKey),
  );
  plan.create = candidates.filter((row) => !known.has(row.sourceKey));
  plan.duplicates = candidates.length - plan.create.length;
  const delegations = listDelegations(db);
  for (const row of plan.create) {
    const owner =
      row.status === 'done'
        ? (row.owner ?? 'me')
        : ownerOf({ categoryId: row.categoryId, plannedDay: row.plannedDay, dueDay: row.dueDay, keepOwner: row.owner === 'me', handedOver: row.owner === 'msp' }, delegations, today);
    if (owner === 'msp') plan.delegatedToMsp.add(row);
  }
  return plan;
}

// ——— The preview ———

export function previewImport(db: SqliteDatabase, input: ImportInput, control: ImportControl = NO_CONTROL): ImportPreview {
  const read = readFile(db, input, control);
  if (!('kind' in read)) return read;
  if (read.kind === 'time-entries') {
    const plan = planEntries(db, read);
    return readyPreview(input, read, plan, { entries: entryCreation(plan), tasks: null });
  }
  const plan = planTasks(db, read, input.today);
  return readyPreview(input, read, plan, { entries: null, tasks: taskCreation(plan) });
}

function readyPreview<Row>(input: ImportInput, read: Read, plan: Sorting<Row>, created: Pick<ImportReady, 'entries' | 'tasks'>): ImportReady {
  const { parsed } = read;
  const issues = [...parsed.errors, ...plan.refused.map((refused) => ({ row: refused.row, column: null, reason: '' }))];
  const refusedReasons = new Map(plan.refused.map((refused) => [refused.row, refused.reason]));
  const shown = issues
    .sort((a, b) => a.row - b.row)
    .slice(0, PREVIEW_ERROR_LIMIT)
    .map((issue) => (issue.reason === '' ? { ...issue, reason: refusedReasons.get(issue.row)?.() ?? '' } : issue));
  const counts: ImportCounts = {
    rows: parsed.totalRows,
    create: plan.create.length,
    duplicates: plan.duplicates,
    errors: new Set(issues.map((issue) => issue.row)).size,
    skipped: plan.skipped.length,
    waiting: plan.waiting,
  };
  const userKind = read.kind === 'tasks' ? 'owner' : parsed.format === 'toggl' || parsed.format === 'clockify' ? 'user' : 'technician';
  const categories = mappedCategoryNames(read.parsed.seen.categories, plan.waitingCategories, read.mapping);
  const users = mappedUserNames(read.parsed.seen.users, plan.waitingUsers, read.mapping, userKind);
  // Names rows wait on come first, so a long list never hides what she must answer.
  const byNeed = <Name extends { needed: boolean; rows: number }>(a: Name, b: Name) => Number(b.needed) - Number(a.needed) || b.rows - a.rows;
  categories.sort(byNeed);
  users.sort(byNeed);
  return {
    status: 'ready',
    kind: read.kind,
    format: parsed.format,
    formatLabel: FORMATS[parsed.format].label,
    fileName: input.fileName,
    dateOrder: parsed.dateOrder,
    timeZone: read.kind === 'time-entries' ? read.timeZone : null,
    counts,
    errors: shown,
    skipped: [...plan.skipped].sort((a, b) => a.row - b.row).slice(0, 50),
    categories: categories.slice(0, NAME_LIST_LIMIT),
    users: users.slice(0, NAME_LIST_LIMIT),
    moreNames: Math.max(0, categories.length - NAME_LIST_LIMIT) + Math.max(0, users.length - NAME_LIST_LIMIT),
    ...created,
  };
}

function entryCreation(plan: EntryPlan): EntryCreation {
  const byCategory = new Map<number, { categoryId: number; entries: number; minutes: number }>();
  const summary: EntryCreation = { entries: 0, minutes: 0, firstStartAt: null, lastEndAt: null, minutesBy: { me: 0, msp: 0 }, byCategory: [], tasks: plan.newTasks.length, taskTitles: [] };
  for (const row of plan.create) {
    const minutes = (row.endAt - row.startAt) / 60_000;
    summary.entries += 1;
    summary.minutes += minutes;
    summary.minutesBy[row.worker ?? 'me'] += minutes;
    if (summary.firstStartAt === null || row.startAt < summary.firstStartAt) summary.firstStartAt = row.startAt;
    if (summary.lastEndAt === null || row.endAt > summary.lastEndAt) summary.lastEndAt = row.endAt;
    const categoryId = row.categoryId!;
    const totals = byCategory.get(categoryId) ?? { categoryId, entries: 0, minutes: 0 };
    totals.entries += 1;
    totals.minutes += minutes;
    byCategory.set(categoryId, totals);
  }
  summary.byCategory = [...byCategory.values()].sort((a, b) => b.minutes - a.minutes);
  summary.taskTitles = plan.newTasks.slice(0, 10).map((task) => task.title);
  return summary;
}

function taskCreation(plan: TaskPlan): TaskCreation {
  const byCategory = new Map<number | null, number>();
  const byStatus: Record<TaskStatus, number> = { open: 0, in_progress: 0, waiting: 0, done: 0 };
  for (const row of plan.create) {
    byCategory.set(row.categoryId, (byCategory.get(row.categoryId) ?? 0) + 1);
    byStatus[row.status] += 1;
  }
  return {
    tasks: plan.create.length,
    byCategory: [...byCategory].map(([categoryId, tasks]) => ({ categoryId, tasks })).sort((a, b) => b.tasks - a.tasks),
    byStatus,
    toMsp: plan.delegatedToMsp.size,
  };
}

// ——— Applying: one transaction, or nothing ———

/**
 * Reads the file, then — holding the write lock — decides every row again against what is in the
 * database now (duplicates, overlaps), writes the new entries or tasks and remembers her mapping,
 * all in one IMMEDIATE transaction. A cancel or any failure rolls everything back.
 */
export function applyImport(db: SqliteDatabase, input: ImportInput, control: ImportControl = NO_CONTROL): ImportResult {
  const read = readFile(db, input, control);
  if (!('kind' in read)) {
    throw new AppError('VALIDATION', read.message);
  }
  const total = read.parsed.totalRows;
  return db.transaction(() => {
    const result = read.kind === 'time-entries' ? writeEntries(db, read, input, control, total) : writeTasks(db, read, input, control, total);
    rememberMappings(db, read.kind, choicesToRemember(read.mapping, read.parsed.seen), input.now);
    return result;
  }).immediate();
}

function assertNothingWaits<Row>(plan: Sorting<Row>, read: Read): void {
  if (plan.waiting === 0) return;
  const names = [...read.parsed.seen.categories.filter((name) => plan.waitingCategories.has(name.key)).map((name) => `“${name.name || '(no project)'}”`), ...read.parsed.seen.users.filter((user) => plan.waitingUsers.has(user.key)).map((user) => `“${user.name || user.email}”`)];
  const list = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  throw new AppError('VALIDATION', `${plan.waiting.toLocaleString('en-US')} rows wait for a mapping: choose what ${list} ${names.length === 1 ? 'is' : 'are'} first. Nothing was imported.`, [
    { field: 'mapping', message: 'Map every name first' },
  ]);
}

function checkpoint(control: ImportControl, done: number, total: number): void {
  if (control.cancelled()) throw new JobCancelled();
  control.progress(total + done, total * 2);
}

function writeEntries(db: SqliteDatabase, read: Extract<Read, { kind: 'time-entries' }>, input: ImportInput, control: ImportControl, total: number): ImportResult {
  const plan = planEntries(db, read);
  assertNothingWaits(plan, read);
  const { now } = input;
  for (const task of plan.newTasks) {
    const workers = new Set(task.rows.map((row) => row.worker));
    const technicians = new Set(task.rows.map((row) => row.technicianId));
    const owner: Owner | null = workers.size === 1 && workers.has('msp') ? 'msp' : null;
    const id = insertImportedTask(
      db,
      {
        title: task.title,
        notes: '',
        categoryId: task.categoryId,
        estimateMinutes: null,
        dueDay: null,
        plannedDay: null,
        priority: 0,
        unplanned: false,
        status: 'done',
        owner,
        technicianId: owner === 'msp' && technicians.size === 1 ? [...technicians][0]! : null,
        createdAt: Math.min(...task.rows.map((row) => row.startAt)),
        completedAt: Math.max(...task.rows.map((row) => row.endAt)),
        sourceKey: null,
      },
      now,
    );
    if (id !== null) plan.taskIds.set(task.key, id);
  }
  const calendar = bulkEntryCalendar(db, input.settings, input.herZone, spanOf(plan.create.length > 0 ? plan.create : [{ startAt: now, endAt: now }]));
  const created = writeEntriesInBulk(db, () =>
    insertImportedTimeEntries(
      db,
      plan.create,
      calendar,
      now,
      { every: WRITE_STEP, run: (done) => checkpoint(control, done, total) },
      (row) => ({
        worker: row.worker!,
        technicianId: row.technicianId,
        categoryId: row.categoryId!,
        taskId: row.taskTitle === '' ? null : (plan.taskIds.get(taskKey(row.categoryId!, row.taskTitle)) ?? null),
        startAt: row.startAt,
        endAt: row.endAt,
        note: row.note,
        unplanned: row.unplanned,
        source: read.parsed.format,
        sourceKey: row.sourceKey,
      }),
    ),
  );
  checkpoint(control, total, total);
  const errors = new Set([...read.parsed.errors.map((issue) => issue.row), ...plan.refused.map((refused) => refused.row)]).size;
  const result = { kind: 'time-entries' as const, created, tasksCreated: plan.newTasks.length, duplicates: plan.duplicates, errors, skipped: plan.skipped.length };
  return { ...result, message: resultMessage(result, 'time entry', 'time entries') };
}

function writeTasks(db: SqliteDatabase, read: Extract<Read, { kind: 'tasks' }>, input: ImportInput, control: ImportControl, total: number): ImportResult {
  const plan = planTasks(db, read, input.today);
  assertNothingWaits(plan, read);
  const { now, today } = input;
  let created = 0;
  for (let index = 0; index < plan.create.length; index += 1) {
    if (index % WRITE_STEP === 0) checkpoint(control, index, total);
    const row = plan.create[index]!;
    const id = insertImportedTask(
      db,
      {
        title: row.title,
        notes: row.notes,
        categoryId: row.categoryId,
        estimateMinutes: row.estimateMinutes,
        dueDay: row.dueDay,
        plannedDay: row.plannedDay,
        priority: row.priority,
        unplanned: row.unplanned,
        status: row.status,
        owner: row.owner,
        technicianId: row.technicianId,
        createdAt: now,
        completedAt: null,
        sourceKey: row.sourceKey,
      },
      now,
    );
    if (id === null) continue;
    created += 1;
    if (row.status !== 'done') settleTaskOwner(db, id, today, now);
  }
  checkpoint(control, total, total);
  const result = { kind: 'tasks' as const, created, tasksCreated: 0, duplicates: plan.duplicates, errors: new Set(read.parsed.errors.map((issue) => issue.row)).size, skipped: plan.skipped.length };
  return { ...result, message: resultMessage(result, 'task', 'tasks') };
}

function resultMessage(result: Omit<ImportResult, 'message'>, one: string, many: string): string {
  const count = (value: number, singular: string, plural: string) => `${value.toLocaleString('en-US')} ${value === 1 ? singular : plural}`;
  const parts = [`Imported ${count(result.created, one, many)}`];
  if (result.tasksCreated > 0) parts[0] += ` and ${count(result.tasksCreated, 'task', 'tasks')} from their task names`;
  if (result.duplicates > 0) parts.push(`${count(result.duplicates, 'row was', 'rows were')} already imported`);
  if (result.errors > 0) parts.push(`${count(result.errors, 'row', 'rows')} with errors left out`);
  if (result.skipped > 0) parts.push(`${count(result.skipped, 'row', 'rows')} skipped`);
  return `${parts.join('; ')}.`;
}
