import type { SeriesChange } from '../../shared/api/contract-recurring';
import { addDays, type LocalDay } from '../../shared/domain/day';
import type { SqliteDatabase } from '../db/connection';
import { assertUsableCategory } from '../repositories/categories';
import { getSeries } from '../repositories/recurring';
import {
  createSeries,
  endSeries,
  listSeriesSummaries,
  materialise,
  restoreSeries,
  summaryOf,
  updateSeriesAndOccurrences,
  type MaterialiseResult,
  type SeriesOutcome,
} from '../services/recurrence-service';
import type { Handlers } from './types';

function change(db: SqliteDatabase, outcome: SeriesOutcome, today: LocalDay): SeriesChange {
  const { series, ...counts } = outcome;
  return { series: summaryOf(db, series, today), ...counts };
}

/**
 * Brings every recurring series up to date: occurrences materialised as tasks through today + 60
 * days, and "skip if the previous one is still open" decided for the days that have arrived.
 * Idempotent; call it when the database opens and when her day changes.
 */
export function materialiseRecurring(db: SqliteDatabase, today: LocalDay, now: number): MaterialiseResult {
  return materialise(db, today, now);
}

/** Recurring series: rules, occurrences materialised as tasks ahead of time. */
export const recurringHandlers = {
  'recurring:list': (_input, { db, today }) => listSeriesSummaries(db, today()),

  'recurring:create': ({ rule, skipIfOpen, ...fields }, { db, now, today }) =>
    db.transaction(() => {
      if (fields.categoryId !== null) assertUsableCategory(db, fields.categoryId);
      return change(db, createSeries(db, { ...fields, rule, skipIfOpen }, today(), now()), today());
    })(),

  'recurring:update': ({ id, scope: _scope, rule, skipIfOpen, ...fields }, { db, now, today }) =>
    db.transaction(() => {
      const current = getSeries(db, id);
      if (fields.categoryId !== null && fields.categoryId !== current.categoryId) assertUsableCategory(db, fields.categoryId);
      return change(db, updateSeriesAndOccurrences(db, id, { ...fields, rule, skipIfOpen }, today(), now()), today());
    })(),

  'recurring:end': ({ id, fromDay }, { db, now, today }) =>
    db.transaction(() => change(db, endSeries(db, id, fromDay, today(), now(), false), today()))(),

  'recurring:delete': ({ id }, { db, now, today }) =>
    db.transaction(() => change(db, endSeries(db, id, addDays(today(), -1), today(), now(), true), today()))(),

  'recurring:restore': ({ id }, { db, now, today }) =>
    db.transaction(() => change(db, restoreSeries(db, id, today(), now()), today()))(),
} satisfies Partial<Handlers>;
