import { reclaimedReport, weeklyAverages } from '../services/reclaimed-service';
import type { Handlers } from './types';

export const reclaimedHandlers = {
  'reclaimed:report': (input, { db, settings, today }) => reclaimedReport(db, settings.get(), today(), input?.weeks ?? 26),
  'reclaimed:averages': (_input, { db, settings, today }) => weeklyAverages(db, settings.get(), today()),
} satisfies Partial<Handlers>;
