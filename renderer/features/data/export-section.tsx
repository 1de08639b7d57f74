import { useEffect, useRef, useState } from 'react';
import type { ExportKind } from '../../../shared/api/data-views';
import { ApiError } from '../../../shared/api/errors';
import { useCallMutation } from '../../api/hooks';
import { useJobs } from '../../api/live-data';
import { useToasts } from '../../ui/toasts';
import { CancellableJobProgress } from './cancellable-job-progress';
import { downloadExport } from './transfer';
import './data.css';

const EXPORTS: { what: ExportKind; label: string; note: string }[] = [
  { what: 'tasks-csv', label: 'Export tasks (CSV)', note: 'Every task with its category, days, owner and logged time, for a spreadsheet.' },
  { what: 'time-entries-csv', label: 'Export time entries (CSV)', note: 'Every entry with its day and times in your zone, minutes and after-hours.' },
  { what: 'json', label: 'Export everything (JSON)', note: 'All your data and settings, complete: it restores into a new, empty Offload.' },
];

/** Her data out: two CSVs and the complete JSON export, each prepared as a job and saved as a file. */
export function ExportSection() {
  const start = useCallMutation('export:start');
  const jobs = useJobs();
  const toasts = useToasts();
  const [job, setJob] = useState<string | null>(null);
  const handled = useRef(new Set<string>());
  const state = job ? jobs.find((entry) => entry.job === job) : undefined;
  const running = start.isPending || state?.type === 'progress';

  useEffect(() => {
    if (!state || state.type !== 'jobFinished' || handled.current.has(state.job)) return;
    handled.current.add(state.job);
    if (state.outcome !== 'done') {
      toasts.show(state.outcome === 'cancelled' ? 'Export cancelled.' : `The export failed: ${state.message}`, { tone: state.outcome === 'failed' ? 'error' : 'info' });
      return;
    }
    downloadExport(state.job).then(
      (fileName) => toasts.show(`${state.message} Saved as ${fileName}.`),
      (error: unknown) => toasts.show(error instanceof ApiError ? error.message : 'The export could not be saved.', { tone: 'error' }),
    );
  }, [state, toasts]);

  const begin = (what: ExportKind) =>
    start.mutate(
      { what },
      {
        onSuccess: (started) => setJob(started.job),
        onError: (error) => toasts.show(error.message, { tone: 'error' }),
      },
    );

  return (
    <section className="settings-section" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p className="muted">Your data is yours: take it to a spreadsheet, or keep a complete copy you can restore into a new Offload.</p>
      <ul className="export-list">
        {EXPORTS.map((entry) => (
          <li key={entry.what}>
            <button type="button" className="button" disabled={running} onClick={() => begin(entry.what)}>
              {entry.label}
            </button>
            <span className="muted">{entry.note}</span>
          </li>
        ))}
      </ul>
      <CancellableJobProgress state={state} label="Export progress" />
    </section>
  );
}
