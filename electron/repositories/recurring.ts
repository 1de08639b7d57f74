import { AppError } from '../../shared/api/errors';
import type { LocalDay } from '../../shared/domain/day';
import { parseRule, type RecurrenceRule } from '../../shared/domain/recurrence';
import type { Owner, Priority, TaskStatus } from '../../shared/domain/types';
import { preparedFor, type SqliteDatabase } from '../db/connection';

interface SeriesRow {
  id: number;
  title: string;
  notes: string;
  category_id: number | null;
  owner: Owner;
  keep_owner: 0 | 1;
  technician_id: number | null;
  estimate_minutes: number | null;
  priority: Priority;
  rrule: string;
  skip_if_open: 0 | 1;
  generated_until: string | null;
  skip_checked_through: string | null;
  end_day: string | null;
  ended_at: number | null;
  deleted_at: number | null;
  created_at: number;
  updated_at: number;
}

const COLUMNS = `id, title, notes, category_id, owner, keep_owner, technician_id, estimate_minutes, priority, rrule,
  skip_if_open, generated_until, skip_checked_through, end_day, ended_at, deleted_at, created_at, updated_at`;

/** What every occurrence of a series is created from. */
export interface SeriesTemplate {
  title: string;
  notes: string;
  categoryId: number | null;
  /** null follows the delegations; 'me' keeps the occurrences hers; 'msp' always hands them over. */
  owner: Owner | null;
  estimateMinutes: number | null;
  priority: Priority;
}

/** A series as stored, with its rule parsed once. */
export interface StoredSeries extends SeriesTemplate {
  id: number;
  technicianId: number | null;
  rrule: string;
  rule: RecurrenceRule;
  skipIfOpen: boolean;
  /** Occurrences up to this day have been materialised (or deliberately not: before the series existed). */
  generatedUntil: LocalDay | null;
  /** "Skip if the previous one is still open" has been decided for occurrences up to this day. */
  skipCheckedThrough: LocalDay | null;
  endDay: LocalDay | null;
  /** When she ended or deleted it; also the deleted_at stamp of the occurrences that removed. */
  endedAt: number | null;
  deletedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

function ownerOf(row: Pick<SeriesRow, 'owner' | 'keep_owner'>): Owner | null {
  if (row.owner === 'msp') return 'msp';
  return row.keep_owner === 1 ? 'me' : null;
}

function toSeries(row: SeriesRow): StoredSeries {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    categoryId: row.category_id,
    owner: ownerOf(row),
    technicianId: row.technician_id,
    estimateMinutes: row.estimate_minutes,
    priority: row.priority,
    rrule: row.rrule,
    rule: parseRule(row.rrule),
    skipIfOpen: row.skip_if_open === 1,
    generatedUntil: row.generated_until,
    skipCheckedThrough: row.skip_checked_through,
    endDay: row.end_day,
    endedAt: row.ended_at,
    deletedAt: row.deleted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface TemplateParams {
  title: string;
  notes: string;
  category_id: number | null;
  owner: Owner;
  keep_owner: 0 | 1;
  estimate_minutes: number | null;
  priority: number;
}

function templateParams(template: SeriesTemplate): TemplateParams {
  return {
    title: template.title,
    notes: template.notes,
    category_id: template.categoryId,
    owner: template.owner === 'msp' ? 'msp' : 'me',
    keep_owner: template.owner === 'me' ? 1 : 0,
    estimate_minutes: template.estimateMinutes,
    priority: template.priority,
  };
}

type SeriesParams = TemplateParams & { rrule: string; skip_if_open: 0 | 1; generated_until: string | null; skip_checked_through: string | null; now: number };

const statements = preparedFor((db) => ({
  listed: db.prepare<[], SeriesRow>(`SELECT ${COLUMNS} FROM recurring_series WHERE deleted_at IS NULL ORDER BY id LIMIT 1000`),
  byId: db.prepare<[number], SeriesRow>(`SELECT ${COLUMNS} FROM recurring_series WHERE id = ? AND deleted_at IS NULL`),
  byIdWithDeleted: db.prepare<[number], SeriesRow>(`SELECT ${COLUMNS} FROM recurring_series WHERE id = ?`),
  insert: db.prepare<[SeriesParams]>(
    `INSERT INTO recurring_series (title, notes, category_id, owner, keep_owner, estimate_minutes, priority, rrule, skip_if_open,
       generated_until, skip_checked_through, created_at, updated_at)
     VALUES (:title, :notes, :category_id, :owner, :keep_owner, :estimate_minutes, :priority, :rrule, :skip_if_open,
       :generated_until, :skip_checked_through, :now, :now)`,
  ),
  update: db.prepare<[SeriesParams & { id: number }]>(
    `UPDATE recurring_series SET title = :title, notes = :notes, category_id = :category_id, owner = :owner,
       keep_owner = :keep_owner, technician_id = NULL, estimate_minutes = :estimate_minutes, priority = :priority, rrule = :rrule,
       skip_if_open = :skip_if_open, generated_until = :generated_until, skip_checked_through = :skip_checked_through,
       updated_at = :now
     WHERE id = :id`,
  ),
  setProgress: db.prepare<[{ id: number; generated_until: string | null; skip_checked_through: string | null }]>(
    'UPDATE recurring_series SET generated_until = :generated_until, skip_checked_through = :skip_checked_through WHERE id = :id',
  ),
  setEnd: db.prepare<[{ id: number; end_day: string | null; ended_at: number | null; deleted_at: number | null; now: number }]>(
    `UPDATE recurring_series SET end_day = :end_day, ended_at = :ended_at, deleted_at = :deleted_at, updated_at = :now
     WHERE id = :id`,
  ),
  openCounts: db.prepare<[], { series_id: number; open: number }>(
    `SELECT series_id, count(*) AS open FROM tasks
     WHERE series_id IS NOT NULL AND deleted_at IS NULL AND status != 'done' GROUP BY series_id`,
  ),
}));

export function listSeries(db: SqliteDatabase): StoredSeries[] {
  return statements(db).listed.all().map(toSeries);
}

export function getSeries(db: SqliteDatabase, id: number): StoredSeries {
  const row = statements(db).byId.get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no recurring series #${id}; it may have been deleted.`);
  return toSeries(row);
}

/** A series whether or not it was deleted (for undo). */
export function getSeriesWithDeleted(db: SqliteDatabase, id: number): StoredSeries {
  const row = statements(db).byIdWithDeleted.get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no recurring series #${id}.`);
  return toSeries(row);
}

export interface SeriesWrite {
  template: SeriesTemplate;
  rrule: string;
  skipIfOpen: boolean;
  generatedUntil: LocalDay | null;
  skipCheckedThrough: LocalDay | null;
}

function seriesParams(write: SeriesWrite, now: number): SeriesParams {
  return {
    ...templateParams(write.template),
    rrule: write.rrule,
    skip_if_open: write.skipIfOpen ? 1 : 0,
    generated_until: write.generatedUntil,
    skip_checked_through: write.skipCheckedThrough,
    now,
  };
}

export function insertSeries(db: SqliteDatabase, write: SeriesWrite, now: number): StoredSeries {
  const { lastInsertRowid } = statements(db).insert.run(seriesParams(write, now));
  return getSeries(db, Number(lastInsertRowid));
}

export function updateSeries(db: SqliteDatabase, id: number, write: SeriesWrite, now: number): StoredSeries {
  statements(db).update.run({ ...seriesParams(write, now), id });
  return getSeries(db, id);
}

export function setSeriesProgress(db: SqliteDatabase, id: number, generatedUntil: LocalDay | null, skipCheckedThrough: LocalDay | null): void {
  statements(db).setProgress.run({ id, generated_until: generatedUntil, skip_checked_through: skipCheckedThrough });
}

export function setSeriesEnd(
  db: SqliteDatabase,
  id: number,
  end: { endDay: LocalDay | null; endedAt: number | null; deletedAt: number | null },
  now: number,
): void {
  statements(db).setEnd.run({ id, end_day: end.endDay, ended_at: end.endedAt, deleted_at: end.deletedAt, now });
}

/** Occurrences not done yet, per series. */
export function openOccurrenceCounts(db: SqliteDatabase): Map<number, number> {
  return new Map(statements(db).openCounts.all().map((row) => [row.series_id, row.open]));
}

// ——— Occurrences: the tasks a series materialises ———

/** Who an occurrence belongs to on its day. */
export interface OccurrenceOwner {
  owner: Owner;
  keepOwner: boolean;
  handedOver: boolean;
  technicianId: number | null;
}

interface OccurrenceParams {
  series_id: number;
  day: string;
  title: string;
  notes: string;
  category_id: number | null;
  owner: Owner;
  keep_owner: 0 | 1;
  handed_over: 0 | 1;
  technician_id: number | null;
  estimate_minutes: number | null;
  priority: number;
  now: number;
}

function occurrenceParams(series: StoredSeries, day: LocalDay, owner: OccurrenceOwner, now: number): OccurrenceParams {
  return {
    series_id: series.id,
    day,
    title: series.title,
    notes: series.notes,
    category_id: series.categoryId,
    owner: owner.owner,
    keep_owner: owner.keepOwner ? 1 : 0,
    handed_over: owner.handedOver ? 1 : 0,
    technician_id: owner.technicianId,
    estimate_minutes: series.estimateMinutes,
    priority: series.priority,
    now,
  };
}

/** An occurrence's task, as far as the series' bookkeeping needs it. */
export interface OccurrenceTask {
  id: number;
  day: LocalDay;
  status: TaskStatus;
  /** Time was logged on it. */
  started: boolean;
}

interface OccurrenceRow {
  id: number;
  occurrence_day: string;
  status: TaskStatus;
  started: 0 | 1;
}

function toOccurrence(row: OccurrenceRow): OccurrenceTask {
  return { id: row.id, day: row.occurrence_day, status: row.status, started: row.started === 1 };
}

const STARTED = 'EXISTS (SELECT 1 FROM time_entries WHERE task_id = tasks.id)';

/**
 * An occurrence is untouched when every field she could have edited on the task still equals what
 * the series generated for its day; owner is left out because delegations move it, but keeping a
 * task or giving it to a technician counts as a touch. Timestamps are not compared: moving a task
 * to the MSP bumps updated_at without her editing it.
 */
const UNTOUCHED = `title = :title AND notes = :notes AND category_id IS :category_id AND estimate_minutes IS :estimate_minutes
  AND priority = :priority AND planned_day = occurrence_day AND due_day = occurrence_day AND unplanned = 0
  AND keep_owner = :keep_owner AND handed_over = :handed_over AND technician_id IS :technician_id`;

const occurrenceStatements = preparedFor((db) => ({
  // The unique index on (series_id, occurrence_day) covers deleted tasks too: an occurrence she
  // deleted, or one skipped, is never created again. Only that conflict is ignored, not CHECKs.
  insert: db.prepare<[OccurrenceParams]>(
    `INSERT INTO tasks (title, notes, category_id, owner, keep_owner, handed_over, technician_id, estimate_minutes, due_day,
       planned_day, priority, status, unplanned, series_id, occurrence_day, created_at, updated_at)
     VALUES (:title, :notes, :category_id, :owner, :keep_owner, :handed_over, :technician_id, :estimate_minutes, :day, :day,
       :priority, 'open', 0, :series_id, :day, :now, :now)
     ON CONFLICT (series_id, occurrence_day) WHERE series_id IS NOT NULL DO NOTHING`,
  ),
  previous: db.prepare<[number, string], OccurrenceRow>(
    `SELECT id, occurrence_day, status, ${STARTED} AS started FROM tasks
     WHERE series_id = ? AND occurrence_day < ? AND deleted_at IS NULL ORDER BY occurrence_day DESC LIMIT 1`,
  ),
  arrived: db.prepare<[{ series_id: number; after: string; through: string }], OccurrenceRow>(
    `SELECT id, occurrence_day, status, ${STARTED} AS started FROM tasks
     WHERE series_id = :series_id AND occurrence_day > :after AND occurrence_day <= :through AND deleted_at IS NULL
     ORDER BY occurrence_day`,
  ),
  replaceable: db.prepare<[Omit<OccurrenceParams, 'owner' | 'now' | 'day'> & { from: string }], OccurrenceRow>(
    `SELECT id, occurrence_day, status, 0 AS started FROM tasks
     WHERE series_id = :series_id AND occurrence_day >= :from AND deleted_at IS NULL AND status = 'open'
       AND NOT ${STARTED} AND ${UNTOUCHED}
     ORDER BY occurrence_day`,
  ),
  rewrite: db.prepare<[Omit<OccurrenceParams, 'series_id' | 'day'> & { id: number }]>(
    `UPDATE tasks SET title = :title, notes = :notes, category_id = :category_id, owner = :owner, keep_owner = :keep_owner,
       handed_over = :handed_over, technician_id = :technician_id, estimate_minutes = :estimate_minutes, priority = :priority, updated_at = :now
     WHERE id = :id`,
  ),
  remove: db.prepare<[number]>('DELETE FROM tasks WHERE id = ?'),
  softDelete: db.prepare<[number, number]>('UPDATE tasks SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
  softDeleteOpenAfter: db.prepare<[{ series_id: number; after: string; now: number }]>(
    `UPDATE tasks SET deleted_at = :now
     WHERE series_id = :series_id AND occurrence_day > :after AND deleted_at IS NULL AND status = 'open' AND NOT ${STARTED}`,
  ),
  restoreRemoved: db.prepare<[{ series_id: number; after: string; stamp: number }]>(
    'UPDATE tasks SET deleted_at = NULL WHERE series_id = :series_id AND occurrence_day > :after AND deleted_at = :stamp',
  ),
}));

/** Creates the occurrence's task unless the day already has one (even a deleted one). True when created. */
export function insertOccurrence(db: SqliteDatabase, series: StoredSeries, day: LocalDay, owner: OccurrenceOwner, now: number): boolean {
  return occurrenceStatements(db).insert.run(occurrenceParams(series, day, owner, now)).changes === 1;
}

/** The latest occurrence before `day` that was not deleted or skipped. */
export function previousOccurrence(db: SqliteDatabase, seriesId: number, day: LocalDay): OccurrenceTask | null {
  const row = occurrenceStatements(db).previous.get(seriesId, day);
  return row ? toOccurrence(row) : null;
}

/** Occurrences (not deleted) on days in (after, through], in day order. */
export function occurrencesArrived(db: SqliteDatabase, seriesId: number, after: LocalDay, through: LocalDay): OccurrenceTask[] {
  return occurrenceStatements(db).arrived.all({ series_id: seriesId, after, through }).map(toOccurrence);
}

/**
 * Occurrences on or after `from` that the series may rewrite: open, never started, and untouched
 * with respect to the series as it is now stored.
 */
export function replaceableOccurrences(db: SqliteDatabase, series: StoredSeries, from: LocalDay): OccurrenceTask[] {
  // Keeping and the technician do not depend on the day; only the owner of a delegation-following series does.
  const generated: OccurrenceOwner = {
    owner: series.owner === 'msp' ? 'msp' : 'me',
    keepOwner: series.owner === 'me',
    handedOver: series.owner === 'msp',
    technicianId: series.owner === 'msp' ? series.technicianId : null,
  };
  const { owner: _owner, now: _now, day: _day, ...template } = occurrenceParams(series, from, generated, 0);
  return occurrenceStatements(db).replaceable.all({ ...template, from }).map(toOccurrence);
}

export function rewriteOccurrence(db: SqliteDatabase, taskId: number, series: StoredSeries, owner: OccurrenceOwner, now: number): void {
  const { series_id: _series, day: _day, ...fields } = occurrenceParams(series, '', owner, now);
  occurrenceStatements(db).rewrite.run({ ...fields, id: taskId });
}

/** Removes an untouched, never started occurrence for good: the series can make it again. */
export function removeOccurrence(db: SqliteDatabase, taskId: number): void {
  occurrenceStatements(db).remove.run(taskId);
}

/** Soft-deletes one occurrence (skipped): it keeps its day, so it is not generated again. */
export function skipOccurrence(db: SqliteDatabase, taskId: number, now: number): void {
  occurrenceStatements(db).softDelete.run(now, taskId);
}

/** Soft-deletes the open, never started occurrences after `after`, stamped `now` so undo finds them. */
export function softDeleteOpenOccurrencesAfter(db: SqliteDatabase, seriesId: number, after: LocalDay, now: number): number {
  return occurrenceStatements(db).softDeleteOpenAfter.run({ series_id: seriesId, after, now }).changes;
}

/** Brings back the occurrences after `after` that were soft-deleted at `stamp`. */
export function restoreRemovedOccurrences(db: SqliteDatabase, seriesId: number, after: LocalDay, stamp: number): number {
  return occurrenceStatements(db).restoreRemoved.run({ series_id: seriesId, after, stamp }).changes;
}
