import { addDays, startOfWeek } from '../../shared/domain/day';
import { insights } from '../services/insights-service';
import { leadershipReport } from '../services/leadership-report';
import { reclaimedReport, weeklyAverages } from '../services/reclaimed-service';
import type { Handlers } from './types';

export const reclaimedHandlers = {
  /** `weeks` shows the last N weeks; `from`/`to` any span; neither: all of it, from the first delegation. */
  'reclaimed:report': (input, { db, settings, today }) => {
    const config = settings.get();
    const from = input?.from ?? (input?.weeks ? addDays(startOfWeek(today(), config.weekStartsOn), -7 * (input.weeks - 1)) : null);
    return reclaimedReport(db, config, today(), { from, to: input?.to ?? null });
  },
  'reclaimed:averages': (_input, { db, settings, today }) => weeklyAverages(db, settings.get(), today()),
  'insights:charts': (query, { db, settings, today }) => insights(db, settings.get(), today(), query),
  'insights:report': ({ fromMonth, toMonth }, { db, settings, timeZone, today }) =>
    leadershipReport(db, settings.get(), timeZone(), today(), fromMonth, toMonth),
} satisfies Partial<Handlers>;
