import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { CallInput } from '../../../../shared/api/contract';
import type { CategoryChoice, ImportMappingInput, ImportPreview, ImportReady, WorkerChoice } from '../../../../shared/api/data-views';
import { ApiError } from '../../../../shared/api/errors';
import { navigate } from '../../../app/routes';
import { useCallMutation, useCallQuery } from '../../../api/hooks';
import { useJobs, type JobState } from '../../../api/live-data';
import { EmptyState } from '../../../ui/empty-state';
import { Screen } from '../../../ui/screen';
import { useTime } from '../../../ui/time';
import { useToasts } from '../../../ui/toasts';
import { CancellableJobProgress } from '../cancellable-job-progress';
import { discardUpload, downloadTemplate, uploadFile } from '../transfer';
import { DayMonthQuestion } from './day-month-question';
import { ReadyPreview } from './import-preview';
import '../data.css';

type Kind = 'time-entries' | 'tasks' | 'json';

const KINDS: { kind: Kind; label: string; accept: string }[] = [
  { kind: 'time-entries', label: 'Time entries: Toggl Track, Clockify, the Offload CSV or an MSP timesheet', accept: '.csv,.tsv,.txt,text/csv' },
  { kind: 'tasks', label: 'Tasks: the Offload task CSV', accept: '.csv,.tsv,.txt,text/csv' },
  { kind: 'json', label: 'Everything: a complete Offload export (JSON), into an empty Offload', accept: '.json,application/json' },
];

type Upload =
  | { step: 'none' }
  | { step: 'sending'; fileName: string; sent: number; pieces: number }
  | { step: 'ready'; fileName: string; uploadId: string }
  | { step: 'failed'; fileName: string; message: string };

const EMPTY_MAPPING: ImportMappingInput = { categories: {}, workers: {} };

/**
 * Bringing her history in: choose a file, see what it holds and what it would create — the
 * day/month question when the dates leave it open, the zone its times are in, the names to map and
 * every row error — then import it as one job she can cancel.
 */
export default function ImportScreen() {
  const time = useTime();
  const toasts = useToasts();
  const [kind, setKind] = useState<Kind>('time-entries');
  const [upload, setUpload] = useState<Upload>({ step: 'none' });
  const [dayMonthOrder, setDayMonthOrder] = useState<'DMY' | 'MDY' | undefined>();
  const [timeZone, setTimeZone] = useState(time.timeZone);
  const [mapping, setMapping] = useState<ImportMappingInput>(EMPTY_MAPPING);
  const [job, setJob] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const setup = useCallQuery('msp:get', []);
  const apply = useCallMutation('import:apply');
  const restore = useCallMutation('import:json');
  const jobs = useJobs();
  const jobState = job ? jobs.find((state) => state.job === job) : undefined;
  const finished = jobState?.type === 'jobFinished' ? jobState : null;
  const toasted = useRef(new Set<string>());

  const uploadId = upload.step === 'ready' ? upload.uploadId : null;
  const request: CallInput<'import:preview'> | null =
    uploadId && kind !== 'json'
      ? { uploadId, kind, ...(dayMonthOrder ? { dayMonthOrder } : {}), ...(kind === 'time-entries' ? { timeZone } : {}), mapping }
      : null;
  const preview = useCallQuery('import:preview', [request ?? { uploadId: '0'.repeat(32), kind: 'tasks' }], {
    enabled: request !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });

  // The main process drops an upload (its bytes, the worker keeping its parsed rows) once another
  // file replaces it or the screen is left, instead of holding it until it expires.
  useEffect(() => () => (uploadId ? discardUpload(uploadId) : undefined), [uploadId]);

  useEffect(() => {
    if (!finished || toasted.current.has(finished.job)) return;
    toasted.current.add(finished.job);
    toasts.show(finished.outcome === 'cancelled' ? 'Import cancelled; nothing was changed.' : finished.message, { tone: finished.outcome === 'failed' ? 'error' : 'info' });
  }, [finished, toasts]);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setDayMonthOrder(undefined);
    setMapping(EMPTY_MAPPING);
    setJob(null);
    setUpload({ step: 'sending', fileName: file.name, sent: 0, pieces: 1 });
    try {
      const id = await uploadFile(file, (sent, pieces) => setUpload({ step: 'sending', fileName: file.name, sent, pieces }));
      setUpload({ step: 'ready', fileName: file.name, uploadId: id });
    } catch (caught) {
      setUpload({ step: 'failed', fileName: file.name, message: caught instanceof ApiError ? caught.message : `${file.name} could not be read: ${String(caught)}` });
    }
  };

  const startOver = () => {
    setUpload({ step: 'none' });
    setJob(null);
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  };

  const mapCategory = (key: string, choice: CategoryChoice | null) =>
    setMapping((current) => {
      const categories = { ...current.categories };
      if (choice === null) delete categories[key];
      else categories[key] = choice;
      return { ...current, categories };
    });
  const mapPerson = (key: string, choice: WorkerChoice | null) =>
    setMapping((current) => {
      const workers = { ...current.workers };
      if (choice === null) delete workers[key];
      else workers[key] = choice;
      return { ...current, workers };
    });

  const startImport = (ready: ImportReady) => {
    if (!request) return;
    // Every name's choice as the preview shows it (suggestions she accepted included), so it is remembered.
    const everything: ImportMappingInput = { categories: {}, workers: {} };
    for (const name of ready.categories) if (name.choice !== null) everything.categories[name.key] = name.choice;
    for (const name of ready.users) if (name.choice !== null) everything.workers[name.key] = name.choice;
    apply.mutate({ ...request, mapping: everything }, { onSuccess: ({ job: id }) => setJob(id), onError: (error) => toasts.show(error.message, { tone: 'error' }) });
  };

  const running = jobState?.type === 'progress';
  const current = KINDS.find((entry) => entry.kind === kind)!;

  return (
    <Screen title="Import" actions={<button type="button" className="button" onClick={() => navigate('settings')}>Back to Settings</button>}>
      <form className="card import-chooser" aria-label="Choose a file to import" onSubmit={(event) => event.preventDefault()}>
        <fieldset className="plain-fieldset">
          <legend>What is in the file?</legend>
          {KINDS.map((entry) => (
            <label key={entry.kind} className="checkbox">
              <input type="radio" name="import-kind" value={entry.kind} checked={kind === entry.kind} disabled={running} onChange={() => { setKind(entry.kind); startOver(); }} />
              {entry.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="import-file">File to import</label>
          <input id="import-file" ref={fileInput} type="file" accept={current.accept} disabled={running || upload.step === 'sending'} onChange={(event) => void chooseFile(event)} />
        </div>
      </form>

      {upload.step === 'none' && <Teaching kind={kind} />}
      {upload.step === 'sending' && (
        <div className="job-progress-card" role="status">
          <div className="job-progress-line">
            <span>Reading {upload.fileName}…</span>
            <span className="muted">{Math.round((upload.sent / upload.pieces) * 100)} %</span>
          </div>
          <progress max={upload.pieces} value={upload.sent} aria-label="Upload progress" />
        </div>
      )}
      {upload.step === 'failed' && (
        <p className="form-error" role="alert">
          {upload.message}
        </p>
      )}

      <CancellableJobProgress state={jobState} label="Import progress" />
      {finished && <Result state={finished} onAnother={startOver} />}

      {upload.step === 'ready' && kind === 'json' && (
        <RestorePanel
          fileName={upload.fileName}
          disabled={running || restore.isPending || finished?.outcome === 'done'}
          onRestore={() => restore.mutate({ uploadId: upload.uploadId }, { onSuccess: ({ job: id }) => setJob(id), onError: (error) => toasts.show(error.message, { tone: 'error' }) })}
        />
      )}

      {request && (
        <PreviewArea
          preview={preview.data}
          error={preview.error}
          loading={preview.isPending || (preview.isFetching && preview.isPlaceholderData)}
          onAnswer={setDayMonthOrder}
          render={(ready) => (
            <ReadyPreview
              preview={ready}
              technicians={setup.data?.technicians ?? []}
              timeZone={timeZone}
              onTimeZone={setTimeZone}
              onChangeOrder={() => setDayMonthOrder(undefined)}
              onMapCategory={mapCategory}
              onMapPerson={mapPerson}
              action={running || finished?.outcome === 'done' ? null : <ImportButton ready={ready} busy={apply.isPending || preview.isFetching} onImport={() => startImport(ready)} />}
            />
          )}
        />
      )}
    </Screen>
  );
}

function Teaching({ kind }: { kind: Kind }) {
  if (kind === 'json') {
    return (
      <EmptyState title="Restore a complete export">
        <p>Choose a file made by Settings → Export → Export everything. It restores every task, entry, delegation and setting, exactly, into an Offload that holds nothing yet.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={kind === 'tasks' ? 'Bring your task list' : 'Bring your time history'}>
      <p>
        {kind === 'tasks'
          ? 'Offload reads its own task CSV: one task a row, with its category, estimate, days, priority, status and owner.'
          : 'Export a Detailed report as CSV from Toggl Track or Clockify and choose it here, or fill in the Offload time-entry CSV. Nothing is changed until you press Import: first you see what the file holds, what it would create and every row it cannot read.'}
      </p>
      <p>Start from a template:</p>
      <div className="toolbar">
        {kind === 'tasks' ? (
          <button type="button" className="button" onClick={() => downloadTemplate('generic-tasks')}>
            Download the task template (CSV)
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={() => downloadTemplate('generic-time')}>
              Download the time-entry template (CSV)
            </button>
            <button type="button" className="button" onClick={() => downloadTemplate('msp-timesheet')}>
              Download the MSP timesheet template (CSV)
            </button>
          </>
        )}
      </div>
    </EmptyState>
  );
}

function PreviewArea({
  preview,
  error,
  loading,
  onAnswer,
  render,
}: {
  preview: ImportPreview | undefined;
  error: ApiError | null;
  loading: boolean;
  onAnswer: (order: 'DMY' | 'MDY') => void;
  render: (ready: ImportReady) => React.ReactNode;
}) {
  if (error) {
    return (
      <p className="form-error" role="alert">
        {error.message}
      </p>
    );
  }
  if (!preview) return <p className="muted" role="status">Reading the file…</p>;
  return (
    <div aria-busy={loading}>
      {loading && <p className="muted" role="status">Updating the preview…</p>}
      {preview.status === 'failed' && (
        <div className="card notice-error" role="alert">
          <strong>This file cannot be imported.</strong> {preview.message}
        </div>
      )}
      {preview.status === 'needs-day-month-order' && <DayMonthQuestion message={preview.message} examples={preview.examples} onAnswer={onAnswer} />}
      {preview.status === 'ready' && render(preview)}
    </div>
  );
}

function ImportButton({ ready, busy, onImport }: { ready: ImportReady; busy: boolean; onImport: () => void }) {
  const { counts } = ready;
  const what = ready.kind === 'tasks' ? (counts.create === 1 ? 'task' : 'tasks') : counts.create === 1 ? 'time entry' : 'time entries';
  const reason =
    counts.waiting > 0
      ? `${counts.waiting.toLocaleString()} rows wait for a mapping: choose what the names marked “needed” are first.`
      : counts.create === 0
        ? counts.duplicates > 0
          ? 'Nothing new to import: every readable row is already in Offload.'
          : 'Nothing to import: no row of this file can be imported.'
        : null;
  return (
    <div className="import-actions">
      <button type="button" className="button button-primary" disabled={reason !== null || busy} onClick={onImport} aria-describedby={reason ? 'import-blocked' : undefined}>
        Import {counts.create.toLocaleString()} {what}
      </button>
      {reason && (
        <span id="import-blocked" className="muted">
          {reason}
        </span>
      )}
    </div>
  );
}

function RestorePanel({ fileName, disabled, onRestore }: { fileName: string; disabled: boolean; onRestore: () => void }) {
  return (
    <div className="card stack">
      <p>
        Restore <strong>{fileName}</strong>: every table it holds and its settings, exactly as exported. It works only while this Offload holds nothing of yours (no tasks, entries or
        changed categories); otherwise nothing is changed and you are told why.
      </p>
      <div>
        <button type="button" className="button button-primary" disabled={disabled} onClick={onRestore}>
          Restore everything
        </button>
      </div>
    </div>
  );
}

function Result({ state, onAnother }: { state: Extract<JobState, { type: 'jobFinished' }>; onAnother: () => void }) {
  const headline = state.outcome === 'done' ? 'Done' : state.outcome === 'cancelled' ? 'Cancelled' : 'The import failed';
  return (
    <div className={`card import-result${state.outcome === 'failed' ? ' notice-error' : ''}`} role="status">
      <h2>{headline}</h2>
      <p>{state.outcome === 'cancelled' ? 'Nothing was changed.' : state.message}</p>
      <div className="toolbar">
        {state.outcome === 'done' && (
          <button type="button" className="button button-primary" onClick={() => navigate('today')}>
            See Today
          </button>
        )}
        <button type="button" className="button" onClick={onAnother}>
          Import another file
        </button>
      </div>
    </div>
  );
}
