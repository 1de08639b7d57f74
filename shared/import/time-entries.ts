import type { Owner } from '../domain/types';
import { isKnownTimeZone, WallClock, type DayMonthOrder } from './date-time';
import { Fnv1a64, OccurrenceKeys } from './fingerprint';
import type { ImportField, TimeEntryFormat } from './formats';
import { EMPTY_MAPPING, mappingKey, userKey, type ImportMapping, type SourceKind, type WorkerMapping } from './mapping';
import { cellOf, chooseDateOrder, ClockCells, DateCells, extraCellsIssue, openImportFile, parseYesNo } from './open-file';
import { PROGRESS_EVERY, type ImportControl, type ImportOutcome, type ParsedBase, type RowIssue, type SeenName, type SeenUser } from './result';

export interface TimeEntryImportOptions extends ImportControl {
  /** Skip detection and read the file as this format. */
  format?: TimeEntryFormat;
  /** Her answer when the file's dates do not decide day/month order themselves. */
  dayMonthOrder?: DayMonthOrder;
  /** The IANA zone the file's wall-clock times are in (she confirms it; default hers). */
  timeZone: string;
  mapping?: ImportMapping;
}

/** One row ready to become a time entry. */
export interface ImportedTimeEntry {
  row: number;
  /** null: the file's user is not mapped yet (see `unmapped.users`). */
  worker: Owner | null;
  technicianId: number | null;
  /** null: none of the row's names is mapped yet; `categoryKey` is the name to ask about. */
  categoryId: number | null;
  /** The mapping key that decided the category, or the one to ask about when none did. */
  categoryKey: string;
  /** The mapping key of the row's user or technician (null: generic rows done by her). */
  userKey: string | null;
  /** The file's task name, if any (Toggl and Clockify `Task`, Offload `task`). */
  taskTitle: string;
  note: string;
  /** Only Offload's own CSV can mark an entry unplanned. */
  unplanned: boolean;
  /** Epoch milliseconds (UTC). */
  startAt: number;
  endAt: number;
  /** A stable fingerprint of the row: the same row in the same file always gets the same key. */
  sourceKey: string;
}

export interface TimeEntrySummary {
  entries: number;
  minutes: number;
  firstStartAt: number | null;
  lastEndAt: number | null;
  /** Minutes by who did the work ('unknown': user not mapped yet). */
  minutesBy: { me: number; msp: number; unknown: number };
}

export interface ParsedTimeEntries extends ParsedBase<ImportedTimeEntry> {
  format: TimeEntryFormat;
  /** Every name in the file that maps to a category or a worker, with its row count and current mapping. */
  seen: { categories: SeenName[]; users: SeenUser[] };
  /** What she still has to map: the category key and user of rows without a mapping. */
  unmapped: { categories: SeenName[]; users: SeenUser[] };
  summary: TimeEntrySummary;
}

export type TimeEntryImport = ImportOutcome<ParsedTimeEntries>;

const DAY_MS = 86_400_000;
const MAX_NOTE = 2000;

/** The app refuses entries over 24 hours; the import says so per row. */
export const MAX_ENTRY_MS = DAY_MS;

interface CategoryChoice {
  categoryId: number | null;
  categoryKey: string;
  keys: { kind: SourceKind; name: string }[];
}

/**
 * Reads time entries from a Toggl Track or Clockify detailed export, Offload's own time-entry CSV
 * or an MSP timesheet. Start and end come from the date and time columns only (exporters format
 * their Duration columns for display). See docs/import-formats.md for every rule.
 */
export function parseTimeEntries(text: string, options: TimeEntryImportOptions): TimeEntryImport {
  const opened = openImportFile(text, 'time-entries', options.format);
  if ('status' in opened) return opened;
  const format = opened.format as TimeEntryFormat;
  if (!isKnownTimeZone(options.timeZone)) {
    return { status: 'failed', format, message: `"${options.timeZone}" is not a time zone Offload knows; choose one such as Europe/London.` };
  }
  const at = (field: ImportField) => opened.columns[field]?.index ?? -1;
  const dateOrder = chooseDateOrder(opened, [opened.columns.startDate?.index, opened.columns.endDate?.index], options.dayMonthOrder);
  if ('status' in dateOrder) return dateOrder;

  const mapping = options.mapping ?? EMPTY_MAPPING;
  const columns = opened.columns;
  const name = (field: ImportField) => columns[field]?.header ?? field;
  const index = {
    user: at('user'),
    email: at('email'),
    client: at('client'),
    project: at('project'),
    task: at('task'),
    note: at('note'),
    tags: at('tags'),
    startDate: at('startDate'),
    startTime: at('startTime'),
    endDate: at('endDate'),
    endTime: at('endTime'),
    category: at('category'),
    service: at('service'),
    ticket: at('ticket'),
    worker: at('worker'),
    technician: at('technician'),
    unplanned: at('unplanned'),
  };
  const dates = new DateCells(dateOrder.parseOrder);
  const clocks = new ClockCells();
  const wallClock = new WallClock(options.timeZone);
  const categories = new CategoryResolver(format, mapping);
  const users = new UserTally(mapping);
  const occurrences = new OccurrenceKeys();
  const hash = new Fnv1a64();
  const headerLength = opened.table.header.length;

  const rows: ImportedTimeEntry[] = [];
  const errors: RowIssue[] = [];
  const skipped: RowIssue[] = [];
  const summary: TimeEntrySummary = { entries: 0, minutes: 0, firstStartAt: null, lastEndAt: null, minutesBy: { me: 0, msp: 0, unknown: 0 } };
  const records = opened.table.rows;
  const total = records.length;

  let currentRow = 0;
  const fail = (field: ImportField | null, reason: string) => errors.push({ row: currentRow, column: field === null ? null : name(field), reason });

  for (let position = 0; position < total; position++) {
    if (position % PROGRESS_EVERY === 0 && position > 0) {
      if (options.isCancelled?.()) return { status: 'cancelled', format };
      options.onProgress?.(position, total);
    }
    const { row, cells } = records[position]!;
    currentRow = row;
    const errorsBefore = errors.length;

    const extra = extraCellsIssue(cells, headerLength);
    if (extra) {
      errors.push({ row, column: null, reason: extra });
      continue;
    }

    const startDateText = cellOf(cells, index.startDate);
    const startTimeText = cellOf(cells, index.startTime);
    const endDateText = cellOf(cells, index.endDate);
    const endTimeText = cellOf(cells, index.endTime);
    let startDay = -1;
    let startSeconds = -1;
    let endDay = -1;
    let endSeconds = -1;
    if (startDateText === '') fail('startDate', 'no start date');
    else {
      const parsed = dates.parse(startDateText);
      if (typeof parsed === 'string') fail('startDate', parsed);
      else startDay = parsed;
    }
    if (startTimeText === '') fail('startTime', 'no start time');
    else {
      const parsed = clocks.parse(startTimeText);
      if (typeof parsed === 'string') fail('startTime', parsed);
      else startSeconds = parsed;
    }
    if (endTimeText === '') fail('endTime', 'no end time: a running timer cannot be imported');
    else {
      const parsed = clocks.parse(endTimeText);
      if (typeof parsed === 'string') fail('endTime', parsed);
      else endSeconds = parsed;
    }
    if (endDateText !== '') {
      const parsed = dates.parse(endDateText);
      if (typeof parsed === 'string') fail('endDate', parsed);
      else endDay = parsed;
    }

    const note = noteOf(format, cells, index.note, index.ticket);
    if (note.length > MAX_NOTE) fail('note', `longer than ${MAX_NOTE.toLocaleString('en-US')} characters (${note.length.toLocaleString('en-US')}): shorten it`);

    const person = workerSource(format, cells, index, fail);

    let unplanned = false;
    if (index.unplanned >= 0) {
      const value = parseYesNo(cellOf(cells, index.unplanned));
      if (value === null) fail('unplanned', `"${cellOf(cells, index.unplanned)}" is not yes or no`);
      else unplanned = value;
    }

    if (errors.length > errorsBefore) continue;

    // Without an end date, an end time before the start time is on the next day (a night shift).
    if (endDay === -1) endDay = endSeconds < startSeconds ? startDay + 1 : startDay;
    const startAt = wallClock.instant(startDay, startSeconds);
    const endAt = wallClock.instant(endDay, endSeconds);
    const endColumn: ImportField = endDateText !== '' ? 'endDate' : 'endTime';
    if (endAt === startAt) {
      skipped.push({ row, column: name('endTime'), reason: 'zero-length entry (it ends the moment it starts): nothing to import' });
      continue;
    }
    if (endAt < startAt) {
      errors.push({ row, column: name(endColumn), reason: `ends before it starts (${startDateText} ${startTimeText} → ${endDateText || startDateText} ${endTimeText})` });
      continue;
    }
    if (endAt - startAt > MAX_ENTRY_MS) {
      errors.push({ row, column: name(endColumn), reason: `longer than 24 hours (${hoursText(endAt - startAt)}): Offload refuses entries over 24 hours; split it` });
      continue;
    }

    const who = person.name === null ? person.fallback : users.lookup(person.name, person.email, person.fallback);
    const taskTitle = cellOf(cells, index.task);
    const category = categories.resolve(cells, index);
    // The row's identity is who worked when (and, for the MSP, on which ticket): not its note or
    // project, so a later export of the same period with a corrected description adds nothing.
    const fingerprint = hash
      .reset()
      .field(format)
      .field(who.userKey ?? `worker:${who.worker}`)
      .field(startDay * 86_400 + startSeconds)
      .field(endDay * 86_400 + endSeconds)
      .field(cellOf(cells, index.ticket));
    const sourceKey = occurrences.keyOf(fingerprint);

    rows.push({
      row,
      worker: who.worker,
      technicianId: who.technicianId,
      categoryId: category.categoryId,
      categoryKey: category.categoryKey,
      userKey: who.userKey,
      taskTitle,
      note,
      unplanned,
      startAt,
      endAt,
      sourceKey,
    });
    const minutes = (endAt - startAt) / 60_000;
    summary.entries++;
    summary.minutes += minutes;
    summary.minutesBy[who.worker ?? 'unknown'] += minutes;
    if (summary.firstStartAt === null || startAt < summary.firstStartAt) summary.firstStartAt = startAt;
    if (summary.lastEndAt === null || endAt > summary.lastEndAt) summary.lastEndAt = endAt;
  }
  options.onProgress?.(total, total);

  const seenCategories = categories.seen();
  return {
    status: 'parsed',
    format,
    dateOrder: { order: dateOrder.order, from: dateOrder.from },
    rows,
    errors,
    skipped,
    totalRows: total,
    seen: { categories: seenCategories, users: users.seen() },
    unmapped: { categories: categories.unmapped(), users: users.unmapped() },
    summary,
  };
}

function noteOf(format: TimeEntryFormat, cells: readonly string[], noteIndex: number, ticketIndex: number): string {
  const note = cellOf(cells, noteIndex);
  if (format !== 'msp-timesheet') return note;
  const ticket = cellOf(cells, ticketIndex).replace(/^#/, '');
  if (ticket === '') return note;
  return note === '' ? `#${ticket}` : `#${ticket} ${note}`;
}

function hoursText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const text = `${Math.floor(seconds / 3600)} h ${Math.floor(seconds / 60) % 60} min`;
  return seconds % 60 === 0 ? text : `${text} ${seconds % 60} s`;
}

interface Who {
  worker: Owner | null;
  technicianId: number | null;
  userKey: string | null;
}

const ME: Who = { worker: 'me', technicianId: null, userKey: null };
const MSP: Who = { worker: 'msp', technicianId: null, userKey: null };

/** Whose row it is: a fixed answer, or a person to look up in the mapping (falling back to `fallback`). */
type WorkerSource = { name: null; email: ''; fallback: Who } | { name: string; email: string; fallback: Who | null };

function workerSource(
  format: TimeEntryFormat,
  cells: readonly string[],
  index: { user: number; email: number; worker: number; technician: number },
  fail: (field: ImportField | null, reason: string) => void,
): WorkerSource {
  const fixed = (who: Who): WorkerSource => ({ name: null, email: '', fallback: who });
  // A vendor file's users are people only she can place: unmapped, the row waits for her answer.
  if (format === 'toggl' || format === 'clockify') return { name: cellOf(cells, index.user), email: cellOf(cells, index.email), fallback: null };
  const technician = cellOf(cells, index.technician);
  if (format === 'msp-timesheet') return technician === '' ? fixed(MSP) : { name: technician, email: '', fallback: MSP };
  const worker = cellOf(cells, index.worker).toLowerCase();
  if (worker !== '' && worker !== 'me' && worker !== 'msp') {
    fail('worker', `"${cellOf(cells, index.worker)}" is not a worker: write me or msp`);
    return fixed(ME);
  }
  if (technician === '') return fixed(worker === 'msp' ? MSP : ME);
  if (worker === 'me') {
    fail('technician', 'a technician is only for MSP work: write msp as the worker or leave the technician empty');
    return fixed(ME);
  }
  return { name: technician, email: '', fallback: MSP };
}

interface UserCount {
  name: string;
  email: string;
  rows: number;
  mapping: WorkerMapping | null;
}

/** Counts the file's users and technicians and looks up their mapping. */
class UserTally {
  private readonly byKey = new Map<string, UserCount>();
  /** name → email → the answer, so a repeated person costs two lookups and no allocation. */
  private readonly byName = new Map<string, Map<string, Who & { tally: UserCount }>>();

  constructor(private readonly mapping: ImportMapping) {}

  /** The mapped worker, else `fallback` (null for vendor files: the UI must ask who it was). */
  lookup(name: string, email: string, fallback: Who | null): Who {
    let byEmail = this.byName.get(name);
    if (!byEmail) {
      byEmail = new Map();
      this.byName.set(name, byEmail);
    }
    let who = byEmail.get(email);
    if (!who) {
      const key = userKey(name, email);
      let entry = this.byKey.get(key);
      if (!entry) {
        entry = { name, email, rows: 0, mapping: this.mapping.workers[key] ?? null };
        this.byKey.set(key, entry);
      }
      const mapped = entry.mapping;
      who = {
        worker: mapped ? mapped.worker : (fallback?.worker ?? null),
        technicianId: mapped ? mapped.technicianId : null,
        userKey: key,
        tally: entry,
      };
      byEmail.set(email, who);
    }
    who.tally.rows++;
    return who;
  }

  seen(): SeenUser[] {
    return [...this.byKey].map(([key, entry]) => ({ key, ...entry })).sort(byRows);
  }

  unmapped(): SeenUser[] {
    return this.seen().filter((user) => user.mapping === null);
  }
}

/**
 * A vendor row's category comes from the first mapped name among its project, its client and its
 * tags, in that order. Rows repeat the same combination, so each combination is resolved once.
 */
class CategoryResolver {
  /** project → client → tags (or category/service → '' → '') → the combination's answer. */
  private readonly combos = new Map<string, Map<string, Map<string, CategoryChoice & { rows: number }>>>();

  constructor(
    private readonly format: TimeEntryFormat,
    private readonly mapping: ImportMapping,
  ) {}

  resolve(cells: readonly string[], index: { project: number; client: number; tags: number; category: number; service: number }): CategoryChoice {
    const vendor = this.format === 'toggl' || this.format === 'clockify';
    const first = vendor ? cellOf(cells, index.project) : cellOf(cells, this.format === 'generic-time' ? index.category : index.service);
    const second = vendor ? cellOf(cells, index.client) : '';
    const third = vendor ? cellOf(cells, index.tags) : '';
    let byClient = this.combos.get(first);
    if (!byClient) {
      byClient = new Map();
      this.combos.set(first, byClient);
    }
    let byTags = byClient.get(second);
    if (!byTags) {
      byTags = new Map();
      byClient.set(second, byTags);
    }
    let combo = byTags.get(third);
    if (!combo) {
      combo = { ...this.choose(vendor ? [first, second, third] : [first]), rows: 0 };
      byTags.set(third, combo);
    }
    combo.rows++;
    return combo;
  }

  private *all(): Generator<CategoryChoice & { rows: number }> {
    for (const byClient of this.combos.values()) for (const byTags of byClient.values()) yield* byTags.values();
  }

  private choose(parts: string[]): CategoryChoice {
    const keys: { kind: SourceKind; name: string }[] = [];
    if (this.format === 'toggl' || this.format === 'clockify') {
      const [project, client, tags] = parts as [string, string, string];
      if (project !== '') keys.push({ kind: 'project', name: project });
      if (client !== '') keys.push({ kind: 'client', name: client });
      for (const tag of tags.split(',')) if (tag.trim() !== '') keys.push({ kind: 'tag', name: tag.trim() });
      if (keys.length === 0) keys.push({ kind: 'project', name: '' });
    } else {
      keys.push({ kind: this.format === 'generic-time' ? 'category' : 'service', name: parts[0]! });
    }
    for (const key of keys) {
      const mapped = this.mapping.categories[mappingKey(key.kind, key.name)];
      if (mapped != null) return { categoryId: mapped, categoryKey: mappingKey(key.kind, key.name), keys };
    }
    return { categoryId: null, categoryKey: mappingKey(keys[0]!.kind, keys[0]!.name), keys };
  }

  seen(): SeenName[] {
    const counts = new Map<string, { name: string; rows: number }>();
    for (const combo of this.all()) {
      for (const { kind, name } of combo.keys) {
        const key = mappingKey(kind, name);
        const entry = counts.get(key);
        if (entry) entry.rows += combo.rows;
        else counts.set(key, { name, rows: combo.rows });
      }
    }
    return [...counts].map(([key, { name, rows }]) => ({ key, name, rows, categoryId: this.mapping.categories[key] ?? null })).sort(byRows);
  }

  unmapped(): SeenName[] {
    const counts = new Map<string, SeenName>();
    for (const combo of this.all()) {
      if (combo.categoryId !== null) continue;
      const entry = counts.get(combo.categoryKey);
      if (entry) entry.rows += combo.rows;
      else counts.set(combo.categoryKey, { key: combo.categoryKey, name: combo.keys[0]!.name, rows: combo.rows, categoryId: null });
    }
    return [...counts.values()].sort(byRows);
  }
}

function byRows(a: { rows: number; key: string }, b: { rows: number; key: string }): number {
  return b.rows - a.rows || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
