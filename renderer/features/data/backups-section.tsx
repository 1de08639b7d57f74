import { useState, type FormEvent } from 'react';
import type { BackupInfo, BackupOverview } from '../../../shared/api/backup-views';
import type { ApiError } from '../../../shared/api/errors';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../ui/data-table';
import { Field } from '../../ui/field';
import { useTime } from '../../ui/time';
import { CHECK_LABELS, formatBytes, KEPT_LABELS, REASON_LABELS } from './backup-labels';
import { JobProgress } from './job-progress';
import { RestoreDialog } from './restore-dialog';
import { useJob } from './use-job';
import './backups.css';

/**
 * Settings → Your data → Backups: back up now, the second folder, every backup with its date,
 * size, rows and check, and restore one after a preview of what changes.
 */
export function BackupsSection() {
  const overview = useCallQuery('backups:overview', []);
  const time = useTime();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  if (!overview.data) return overview.isError ? <p className="form-error" role="alert">{overview.error.message}</p> : null;
  const { data } = overview;

  return (
    <div className="backups" aria-labelledby="backups-title" role="group">
      <h3 id="backups-title">Backups</h3>
      <p className="muted">
        Offload backs your database up when it starts, every 4 hours while it runs, and before every update, and checks each copy before it
        replaces an older one. {data.rule}
      </p>
      {data.lastRun && !data.lastRun.ok && (
        <p className="notice notice-error" role="alert">
          {data.lastRun.message}
        </p>
      )}
      {data.smallerThanUsual && (
        <p className="notice" role="status">
          {data.smallerThanUsual}
        </p>
      )}
      <BackUpNow overview={data} />
      <SecondFolder overview={data} />
      <DataTable
        caption="Backups"
        className="backup-table"
        rows={data.backups}
        rowKey={(backup) => backup.id}
        empty={<p className="muted">No backups yet. The first one is taken a few seconds after Offload starts, or now with “Back up now”.</p>}
        columns={backupColumns(time.formatInstant, data.secondFolder !== null, setRestoring)}
      />
      <p className="muted backups-folder">
        Stored in <code>{data.folder}</code>
      </p>
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </div>
  );
}

function backupColumns(format: (instant: number) => string, copied: boolean, restore: (backup: BackupInfo) => void): Column<BackupInfo>[] {
  return [
    { header: 'Taken', className: 'nowrap', cell: (backup) => format(backup.takenAt) },
    { header: 'Why', cell: (backup) => REASON_LABELS[backup.reason] },
    { header: 'Size', numeric: true, className: 'nowrap', cell: (backup) => formatBytes(backup.bytes) },
    { header: 'Rows', numeric: true, cell: (backup) => (backup.status === 'unverified' ? '—' : backup.rows.toLocaleString()) },
    {
      header: 'Check',
      cell: (backup) => (
        <span className="backup-check">
          <span className={backup.status === 'good' ? 'badge badge-ok' : 'badge badge-warning'}>{CHECK_LABELS[backup.status]}</span>
          {copied && backup.inSecondFolder && <span className="badge">Copied</span>}
        </span>
      ),
    },
    { header: 'Kept as', cell: (backup) => backup.keptAs.map((kept) => KEPT_LABELS[kept]).join(' · ') },
    {
      header: 'Actions',
      hideHeader: true,
      className: 'actions',
      cell: (backup) => (
        <button type="button" className="button button-small" onClick={() => restore(backup)}>
          Restore…<span className="visually-hidden"> the backup of {format(backup.takenAt)}</span>
        </button>
      ),
    },
  ];
}

function BackUpNow({ overview }: { overview: BackupOverview }) {
  const create = useCallMutation('backups:create');
  const time = useTime();
  const [job, setJob] = useState<string | null>(null);
  const state = useJob(job, 'backup');
  const running = state?.type === 'progress';
  const last = overview.lastGood;

  return (
    <div className="backup-now">
      <button
        type="button"
        className="button button-primary"
        disabled={running || create.isPending}
        onClick={() => create.mutate(undefined, { onSuccess: (started) => setJob(started.job) })}
      >
        Back up now
      </button>
      <div className="backup-now-status">
        <JobProgress state={state} label="Backup progress" />
        {!running && (
          <span className="muted">
            {last ? `Last good backup: ${time.formatInstant(last.takenAt)} · ${last.rows.toLocaleString()} rows · ${formatBytes(last.bytes)}` : 'No good backup yet.'}
            {overview.nextAutomaticAt !== null && ` · Next automatic backup: ${time.formatInstant(overview.nextAutomaticAt)}`}
          </span>
        )}
        {create.error && (
          <span className="form-error" role="alert">
            {create.error.message}
          </span>
        )}
      </div>
    </div>
  );
}

function SecondFolder({ overview }: { overview: BackupOverview }) {
  const current = overview.secondFolder;
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const save = useCallMutation('backups:setSecondFolder');
  const pick = useCallMutation('backups:pickSecondFolder');
  const time = useTime();
  const value = typed ?? current?.path ?? '';

  const fail = (caught: ApiError) => setError(caught.forField('path') ?? caught.message);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') {
      setError('Type the folder’s full path, or choose one');
      return;
    }
    save.mutate(
      { path: value },
      {
        onSuccess: () => {
          setTyped(null);
          setError(undefined);
        },
        onError: fail,
      },
    );
  };

  return (
    <form className="second-folder" onSubmit={submit} noValidate aria-label="Second backup folder">
      <Field
        label="Second backup folder"
        className="grow"
        error={error}
        hint="A NAS or a synced folder (Dropbox, OneDrive, iCloud Drive) on another disk: every verified backup is copied there too, so one failing disk cannot take both."
      >
        <input
          type="text"
          value={value}
          placeholder="/mnt/nas/offload"
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setTyped(event.target.value);
            setError(undefined);
          }}
        />
      </Field>
      <div className="toolbar second-folder-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {current ? 'Change folder' : 'Use this folder'}
        </button>
        {overview.canPickFolder && (
          <button
            type="button"
            className="button"
            disabled={pick.isPending}
            onClick={() => pick.mutate(undefined, { onSuccess: () => { setTyped(null); setError(undefined); }, onError: fail })}
          >
            Choose…
          </button>
        )}
        {current && (
          <button
            type="button"
            className="button"
            onClick={() => save.mutate({ path: null }, { onSuccess: () => { setTyped(null); setError(undefined); } })}
          >
            Stop copying
          </button>
        )}
      </div>
      {current?.lastCopy && (
        <p className={current.lastCopy.ok ? 'muted second-folder-status' : 'form-error second-folder-status'} role={current.lastCopy.ok ? undefined : 'alert'}>
          {current.lastCopy.message} ({time.formatInstant(current.lastCopy.at)})
        </p>
      )}
    </form>
  );
}
