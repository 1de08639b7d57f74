import type { JobState } from '../../api/live-data';
import { percentOf } from './use-job';

/** A running job's bar and label, or how it ended; announced politely as it changes. */
export function JobProgress({ state, label }: { state: JobState | null; label: string }) {
  if (!state) return null;
  if (state.type === 'progress') {
    const percent = percentOf(state);
    return (
      <span className="job-progress" role="status">
        <progress max={100} value={percent ?? undefined} aria-label={label} />
        <span>
          {state.label}
          {percent !== null && ` · ${percent} %`}
        </span>
      </span>
    );
  }
  return (
    <span className={state.outcome === 'failed' ? 'form-error' : 'muted'} role="status">
      {state.message}
    </span>
  );
}
