import type { LocalDay } from './day';
import type { Owner } from './types';

export interface TimeEntry {
  id: number;
  /** Who did the work: her ("me") or the MSP, optionally one named technician. */
  worker: Owner;
  technicianId: number | null;
  categoryId: number;
  taskId: number | null;
  /** Epoch milliseconds (UTC). */
  startAt: number;
  /** Null while the timer runs. */
  endAt: number | null;
  /** The local day the entry starts on, in her time zone: the day it belongs to. */
  startDay: LocalDay;
  note: string;
  /** Marked unplanned itself (an interrupt without a task); time on an unplanned task counts as unplanned too. */
  unplanned: boolean;
}
