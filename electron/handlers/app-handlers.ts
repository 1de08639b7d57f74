import { effectiveTimeZone } from '../../shared/domain/zoned-time';
import { reassignLocalDays } from '../repositories/time-entries';
import type { Handlers } from './types';

export const appHandlers = {
  'app:status': (_input, { status }) => status(),
  'settings:get': (_input, { settings }) => settings.get(),
  /** A new time zone moves every entry to the local day it starts on there, so every figure follows. */
  'settings:update': (patch, { db, settings }) => {
    const zoneBefore = effectiveTimeZone(settings.get().timeZone);
    const updated = settings.update(patch);
    const zoneAfter = effectiveTimeZone(updated.timeZone);
    if (zoneAfter !== zoneBefore) reassignLocalDays(db, zoneAfter);
    return updated;
  },
} satisfies Partial<Handlers>;
