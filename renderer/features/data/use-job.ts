import { useJobs, type JobState } from '../../api/live-data';
import type { JobKind } from '../../../shared/api/events';

/** The latest state of one job, or of the newest running job of a kind (an automatic backup). */
export function useJob(job: string | null, kind: JobKind): JobState | null {
  const jobs = useJobs();
  if (job !== null) return jobs.find((state) => state.job === job) ?? null;
  return jobs.find((state) => state.kind === kind && state.type === 'progress') ?? null;
}

/** Percent done, or null while the total is unknown. */
export function percentOf(state: JobState | null): number | null {
  if (state?.type !== 'progress' || state.total === null || state.total === 0) return null;
  return Math.min(100, Math.round((state.done / state.total) * 100));
}
