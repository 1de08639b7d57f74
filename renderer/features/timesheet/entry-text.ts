import type { TimesheetNames } from '../../../shared/api/contract-timesheet';
import { formatDuration } from '../../../shared/domain/duration';
import type { TimeEntry } from '../../../shared/domain/time-entry';
import type { ZonedTime } from '../../ui/time';

/** Lookups of the names a timesheet view was sent with. */
export interface Names {
  task(id: number | null): { title: string; deleted: boolean } | null;
  technician(id: number | null): string | null;
}

export function namesOf(view: TimesheetNames | undefined): Names {
  const tasks = new Map((view?.tasks ?? []).map((task) => [task.id, task]));
  const technicians = new Map((view?.technicians ?? []).map((technician) => [technician.id, technician.name]));
  return {
    task: (id) => (id === null ? null : (tasks.get(id) ?? { title: `Task #${id}`, deleted: false })),
    technician: (id) => (id === null ? null : (technicians.get(id) ?? 'Former technician')),
  };
}

/** Who did the work: “You”, “MSP team” or “MSP · Sam Ortiz”. */
export function whoLabel(entry: Pick<TimeEntry, 'worker' | 'technicianId'>, names: Names): string {
  if (entry.worker === 'me') return 'You';
  const technician = names.technician(entry.technicianId);
  return technician === null ? 'MSP team' : `MSP · ${technician}`;
}

/** “9:00 AM – 10:30 AM”, “11:00 PM – 1:00 AM next day”, or “since 9:00 AM (running)”. */
export function rangeLabel(entry: Pick<TimeEntry, 'startAt' | 'endAt'>, time: ZonedTime): string {
  if (entry.endAt === null) return `since ${time.formatTime(entry.startAt)} (running)`;
  return `${time.formatTime(entry.startAt)} – ${time.formatTime(entry.endAt)}${endsNextDay(entry, time) ? ' next day' : ''}`;
}

/** The same, as short as her locale writes a range (“9:00 – 10:30 AM”), for the week's narrow cells. */
export function shortRangeLabel(entry: Pick<TimeEntry, 'startAt' | 'endAt'>, time: ZonedTime): string {
  if (entry.endAt === null) return `${time.formatTime(entry.startAt)} – running`;
  return `${time.formatTimeRange(entry.startAt, entry.endAt)}${endsNextDay(entry, time) ? ' +1 day' : ''}`;
}

function endsNextDay(entry: Pick<TimeEntry, 'startAt' | 'endAt'>, time: ZonedTime): boolean {
  return entry.endAt !== null && time.dayOf(entry.endAt - 1) !== time.dayOf(entry.startAt);
}

export function durationLabel(entry: Pick<TimeEntry, 'startAt' | 'endAt'>, now?: number): string {
  const end = entry.endAt ?? now;
  return end === undefined ? 'running' : formatDuration((end - entry.startAt) / 60_000);
}
