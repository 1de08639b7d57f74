import { z } from 'zod';
import { id } from '../domain/fields';
import { call, type CallSpec } from './call';
import type { DesktopStatus, IdleResolution, RecentTask } from './desktop-views';
import { instant } from './schemas';

/**
 * Calls the desktop shell makes through the same dispatcher as the renderer: the tray's recent
 * tasks, her answer about idle time, and (for Settings) what the shell could set up. Spread into
 * the contract.
 */
export const desktopCalls = {
  /** Her open tasks she timed in the last 14 days, most recent first. */
  'timer:recent': call(
    z.object({ limit: z.number().int().min(1).max(20).default(8) }).strict().optional(),
  ).reads('tasks', 'timeEntries').returns<RecentTask[]>(),

  /**
   * Her answer after the system was idle (or locked) from `idleFrom` until `returnedAt` while the
   * timer `entryId` ran — in one transaction:
   * - keep: nothing changes; the timer runs on.
   * - discard: the entry ends at `idleFrom` (removed if it started while she was already away);
   *   the timer is stopped.
   * - split: the entry ends at `idleFrom`; the time away becomes its own finished entry in the same
   *   category, without the task and with a note saying it was split off, for her to say what it
   *   was; the timer runs on the same task from `returnedAt`.
   * Refused, changing nothing, when that timer is no longer the one running.
   */
  'timer:resolveIdle': call(
    z
      .object({
        entryId: id,
        idleFrom: instant('Not a valid time'),
        returnedAt: instant('Not a valid time'),
        choice: z.enum(['keep', 'discard', 'split'], { error: 'Keep, discard or split' }),
      })
      .strict()
      .refine((input) => input.idleFrom < input.returnedAt, { message: 'The time away must end after it starts', path: ['returnedAt'] }),
  ).writes('timeEntries').returns<IdleResolution>(),

  /** What the desktop shell set up (shortcut, tray, start at login, updates); null in browser mode. */
  'desktop:status': call(z.object({}).strict().optional()).reads('settings').returns<DesktopStatus | null>(),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
