import type { RecurringSeries } from '../../shared/api/contract-recurring';
import { addDays, type LocalDay } from '../../shared/domain/day';
import type { Delegation } from '../../shared/domain/delegation';
import { ownerOf } from '../../shared/domain/ownership';
import { describeRule, nextOccurrence, occurrences, toRRule, type RecurrenceRule } from '../../shared/domain/recurrence';
import type { SqliteDatabase } from '../db/connection';
import { listDelegations } from '../repositories/delegations';
import {
  getSeries,
  getSeriesWithDeleted,
  insertOccurrence,
  insertSeries,
  listSeries,
  occurrencesArrived,
  openOccurrenceCounts,
  previousOccurrence,
  removeOccurrence,
  replaceableOccurrences,
  restoreRemovedOccurrences,
  rewriteOccurrence,
  setSeriesEnd,
  setSeriesProgress,
  skipOccurrence,
  softDeleteOpenOccurrencesAfter,
  updateSeries,
  type OccurrenceOwner,
  type SeriesTemplate,
  type StoredSeries,
} from '../repositories/recurring';

/** How far ahead occurrences exist as tasks, so the week plan and time-off views see them. */
export const RECURRING_HORIZON_DAYS = 60;

const maxDay = (a: LocalDay | null, b: LocalDay): LocalDay => (a !== null && a > b ? a : b);
const minDay = (a: LocalDay, b: LocalDay | null): LocalDay => (b !== null && b < a ? b : a);

/**
 * Who an occurrence belongs to on its day, by the one ownership rule: a series kept as hers makes
 * kept tasks, one given to the MSP makes handed-over tasks, and otherwise the occurrence follows the
 * delegation of its category on its day, as a new task planned that day would.
 */
export function occurrenceOwner(series: StoredSeries, day: LocalDay, delegations: readonly Delegation[]): OccurrenceOwner {
  const keepOwner = series.owner === 'me';
  const handedOver = series.owner === 'msp';
  const owner = ownerOf({ categoryId: series.categoryId, plannedDay: day, dueDay: day, keepOwner, handedOver }, delegations, day);
  return { owner, keepOwner, handedOver, technicianId: handedOver ? series.technicianId : null };
}

export interface MaterialiseResult {
  created: number;
  skipped: number;
}

/**
 * Brings one series up to date; the caller holds the transaction.
 *
 * 1. Occurrences from the day after `generated_until` (never before the rule's start) through
 *    today + horizon (never after the day the series was ended) become tasks planned and due on
 *    their day. A day that already has a task of the series — even a deleted one — is left alone.
 * 2. "Skip if the previous one is still open" is decided once per occurrence, on the first run on
 *    or after its day: if the latest earlier occurrence that was not deleted or skipped is not done,
 *    the arrived occurrence is skipped — soft-deleted, so its day is never generated again and
 *    nothing is lost — unless she already started or changed its status. Deciding on arrival rather
 *    than at creation lets the week plan show every future occurrence ahead of time.
 */
export function materialiseSeries(
  db: SqliteDatabase,
  series: StoredSeries,
  today: LocalDay,
  now: number,
  delegations: readonly Delegation[],
  horizonDays = RECURRING_HORIZON_DAYS,
): MaterialiseResult {
  const { start } = series.rule;
  let created = 0;
  let skipped = 0;

  let generatedUntil = series.generatedUntil;
  const lastDay = minDay(addDays(today, horizonDays), series.endDay);
  const from = maxDay(generatedUntil === null ? null : addDays(generatedUntil, 1), start);
  if (from <= lastDay) {
    for (const day of occurrences(series.rrule, from, lastDay)) {
      if (insertOccurrence(db, series, day, occurrenceOwner(series, day, delegations), now)) created += 1;
    }
    generatedUntil = maxDay(generatedUntil, lastDay);
  }

  let checkedThrough = series.skipCheckedThrough;
  const judgeThrough = minDay(today, series.endDay);
  const judgedAfter = checkedThrough ?? addDays(start, -1);
  if (judgeThrough > judgedAfter) {
    if (series.skipIfOpen) {
      for (const occurrence of occurrencesArrived(db, series.id, judgedAfter, judgeThrough)) {
        if (occurrence.status !== 'open' || occurrence.started) continue;
        const previous = previousOccurrence(db, series.id, occurrence.day);
        if (previous !== null && previous.status !== 'done') {
          skipOccurrence(db, occurrence.id, now);
          skipped += 1;
        }
      }
    }
    checkedThrough = judgeThrough;
  }

  if (generatedUntil !== series.generatedUntil || checkedThrough !== series.skipCheckedThrough) {
    setSeriesProgress(db, series.id, generatedUntil, checkedThrough);
  }
  return { created, skipped };
}

/**
 * Brings every series up to date for `today`: on opening the app, and whenever the day changes.
 * Each series in its own transaction, so one cannot hold the others back.
 */
export function materialise(db: SqliteDatabase, today: LocalDay, now: number, horizonDays = RECURRING_HORIZON_DAYS): MaterialiseResult {
  const delegations = listDelegations(db);
  const total: MaterialiseResult = { created: 0, skipped: 0 };
  for (const { id } of listSeries(db)) {
    const result = db.transaction(() => materialiseSeries(db, getSeries(db, id), today, now, delegations, horizonDays))();
    total.created += result.created;
    total.skipped += result.skipped;
  }
  return total;
}

export interface SeriesInput extends SeriesTemplate {
  rule: RecurrenceRule;
  skipIfOpen: boolean;
}

export interface SeriesOutcome {
  series: StoredSeries;
  created: number;
  updated: number;
  removed: number;
  restored: number;
}

/** Nothing is generated before the day a series is saved: a start in the past only fixes its rhythm. */
function dayBeforeFirst(rule: RecurrenceRule, today: LocalDay): LocalDay {
  return addDays(maxDay(rule.start, today), -1);
}

function template(input: SeriesInput): SeriesTemplate {
  return {
    title: input.title,
    notes: input.notes,
    categoryId: input.categoryId,
    owner: input.owner,
    estimateMinutes: input.estimateMinutes,
    priority: input.priority,
  };
}

/** Saves a series and materialises its occurrences for the horizon; the caller holds the transaction. */
export function createSeries(db: SqliteDatabase, input: SeriesInput, today: LocalDay, now: number): SeriesOutcome {
  const before = dayBeforeFirst(input.rule, today);
  const series = insertSeries(
    db,
    { template: template(input), rrule: toRRule(input.rule), skipIfOpen: input.skipIfOpen, generatedUntil: before, skipCheckedThrough: before },
    now,
  );
  const { created } = materialiseSeries(db, series, today, now, listDelegations(db));
  return { series: getSeries(db, series.id), created, updated: 0, removed: 0, restored: 0 };
}

/**
 * Replaces a series' template and rule. Its occurrences from today on that are open, never
 * started and untouched (still exactly as the series made them) follow: rewritten where the new
 * rule still has their day, removed where it does not; the new rule's other days are created.
 * Done, started, individually edited and past occurrences are hers and stay as they are.
 */
export function updateSeriesAndOccurrences(db: SqliteDatabase, id: number, input: SeriesInput, today: LocalDay, now: number): SeriesOutcome {
  const previous = getSeries(db, id);
  const replaceable = replaceableOccurrences(db, previous, today);
  const before = dayBeforeFirst(input.rule, today);
  const series = updateSeries(
    db,
    id,
    {
      template: template(input),
      rrule: toRRule(input.rule),
      skipIfOpen: input.skipIfOpen,
      generatedUntil: before,
      skipCheckedThrough: maxDay(previous.skipCheckedThrough, addDays(today, -1)),
    },
    now,
  );
  const delegations = listDelegations(db);
  const lastDay = minDay(addDays(today, RECURRING_HORIZON_DAYS), series.endDay);
  const newDays = new Set(occurrences(series.rrule, maxDay(series.rule.start, today), lastDay));
  let updated = 0;
  let removed = 0;
  for (const occurrence of replaceable) {
    if (newDays.has(occurrence.day)) {
      rewriteOccurrence(db, occurrence.id, series, occurrenceOwner(series, occurrence.day, delegations), now);
      updated += 1;
    } else {
      removeOccurrence(db, occurrence.id);
      removed += 1;
    }
  }
  const { created } = materialiseSeries(db, series, today, now, delegations);
  return { series: getSeries(db, id), created, updated, removed, restored: 0 };
}

/**
 * Ends a series after `lastDay`: its open, never started occurrences after that day (and from
 * today on — past ones are real work still to do) are soft-deleted with the series' end stamp, so
 * undo brings exactly those back. `hide` also deletes the series from the list.
 */
export function endSeries(db: SqliteDatabase, id: number, lastDay: LocalDay, today: LocalDay, now: number, hide: boolean): SeriesOutcome {
  getSeries(db, id);
  const removed = softDeleteOpenOccurrencesAfter(db, id, maxDay(lastDay, addDays(today, -1)), now);
  setSeriesEnd(db, id, { endDay: lastDay, endedAt: now, deletedAt: hide ? now : null }, now);
  return { series: getSeriesWithDeleted(db, id), created: 0, updated: 0, removed, restored: 0 };
}

/** Undoes end or delete: the series runs again and the occurrences the end removed come back. */
export function restoreSeries(db: SqliteDatabase, id: number, today: LocalDay, now: number): SeriesOutcome {
  const ended = getSeriesWithDeleted(db, id);
  let restored = 0;
  if (ended.endedAt !== null) {
    restored = restoreRemovedOccurrences(db, id, ended.endDay ?? addDays(today, -1), ended.endedAt);
  }
  setSeriesEnd(db, id, { endDay: null, endedAt: null, deletedAt: null }, now);
  const yesterday = addDays(today, -1);
  // Days it was stopped on stay in the past: nothing overdue is made up after the fact.
  setSeriesProgress(db, id, maxDay(ended.generatedUntil, yesterday), maxDay(ended.skipCheckedThrough, yesterday));
  const { created } = materialiseSeries(db, getSeries(db, id), today, now, listDelegations(db));
  return { series: getSeries(db, id), created, updated: 0, removed: 0, restored };
}

export function seriesSummary(series: StoredSeries, today: LocalDay, openOccurrences: number): RecurringSeries {
  const over = series.endDay !== null && series.endDay < today;
  return {
    id: series.id,
    title: series.title,
    notes: series.notes,
    categoryId: series.categoryId,
    owner: series.owner,
    estimateMinutes: series.estimateMinutes,
    priority: series.priority,
    rule: series.rule,
    rrule: series.rrule,
    description: describeRule(series.rule),
    skipIfOpen: series.skipIfOpen,
    nextOccurrence: over ? null : nextOccurrence(series.rrule, today, series.endDay),
    openOccurrences,
    endDay: series.endDay,
    createdAt: series.createdAt,
    updatedAt: series.updatedAt,
  };
}

/** Every series not deleted: running ones by their next occurrence, then ended ones by title. */
export function listSeriesSummaries(db: SqliteDatabase, today: LocalDay): RecurringSeries[] {
  const open = openOccurrenceCounts(db);
  return listSeries(db)
    .map((series) => seriesSummary(series, today, open.get(series.id) ?? 0))
    .sort((a, b) => {
      if (a.nextOccurrence !== b.nextOccurrence) {
        if (a.nextOccurrence === null) return 1;
        if (b.nextOccurrence === null) return -1;
        return a.nextOccurrence < b.nextOccurrence ? -1 : 1;
      }
      return a.title.localeCompare(b.title);
    });
}

export function summaryOf(db: SqliteDatabase, series: StoredSeries, today: LocalDay): RecurringSeries {
  return seriesSummary(series, today, openOccurrenceCounts(db).get(series.id) ?? 0);
}
