import type { JobState } from '../../api/live-data';
import { useCallMutation } from '../../api/hooks';

/** A long import or export: its bar, with Cancel; nothing once it has ended (its outcome goes to a toast). */
export function CancellableJobProgress({ state, label }: { state: JobState | undefined; label: string }) {
  const cancel = useCallMutation('jobs:cancel');
  if (!state || state.type !== 'progress') return null;
  const percent = state.total ? Math.min(100, Math.round((state.done / state.total) * 100)) : null;
  return (
    <div className="job-progress-card" role="group" aria-label={label}>
      <div className="job-progress-line">
        <span>{state.label}</span>
        <span className="muted">{percent === null ? 'reading the file…' : `${percent} %`}</span>
      </div>
      <progress max={100} value={percent ?? undefined} aria-label={label} />
      <button type="button" className="button button-small" disabled={cancel.isPending} onClick={() => cancel.mutate({ job: state.job })}>
        Cancel
      </button>
    </div>
  );
}
