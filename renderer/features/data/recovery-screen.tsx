import { useState } from 'react';
import type { BackupInfo } from '../../../shared/api/backup-views';
import type { AppStatus } from '../../../shared/domain/types';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { DataTable } from '../../ui/data-table';
import { TimeProvider, useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { formatBytes, REASON_LABELS } from './backup-labels';
import { JobProgress } from './job-progress';
import { useJob } from './use-job';
import './backups.css';

/**
 * Instead of the fatal screen when offload.db is damaged, empty or missing: the newest good backup
 * offered first, the others below, and starting afresh as the last choice. The files that were
 * there are moved aside together, never deleted.
 */
export default function RecoveryScreen({ status }: { status: AppStatus }) {
  return (
    <TimeProvider timeZone={status.timeZone}>
      <Recovery status={status} />
    </TimeProvider>
  );
}

function Recovery({ status }: { status: AppStatus }) {
  const fatal = status.fatal;
  const overview = useCallQuery('backups:overview', []);
  const empty = fatal?.code === 'DB_EMPTY';
  const newest = overview.data?.newestGood ?? null;
  const others = (overview.data?.backups ?? []).filter((backup) => backup.id !== newest?.id && backup.status !== 'unverified');

  return (
    <main className="fatal recovery" id="main">
      <h1>{empty ? 'Offload’s database is empty or missing' : 'Offload’s database is damaged'}</h1>
      <p>{fatal?.message}</p>
      <p className="muted">
        Database file: <code>{status.databaseFile}</code>
      </p>
      {overview.isError && (
        <p className="form-error" role="alert">
          {overview.error.message}
        </p>
      )}
      {overview.data && newest && <NewestBackup backup={newest} />}
      {overview.data && !newest && (
        <p className="notice" role="status">
          No good backup was found in <code>{overview.data.folder}</code>. If you keep copies elsewhere (a second backup folder), close Offload and
          copy the newest <code>offload-….db</code> to <code>{status.databaseFile}</code>.
        </p>
      )}
      {others.length > 0 && (
        <details className="recovery-others">
          <summary>Other backups ({others.length})</summary>
          <ul className="recovery-list">
            {others.map((backup) => (
              <li key={backup.id}>
                <RestoreButton backup={backup} primary={false} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {overview.data && <StartFresh empty={empty} />}
    </main>
  );
}

function NewestBackup({ backup }: { backup: BackupInfo }) {
  const time = useTime();
  const preview = useCallQuery('backups:preview', [{ id: backup.id }]);
  return (
    <section className="card recovery-newest" aria-labelledby="newest-backup-title">
      <h2 id="newest-backup-title">Newest good backup: {time.formatInstant(backup.takenAt)}</h2>
      <p className="muted">
        {REASON_LABELS[backup.reason]} · {backup.rows.toLocaleString()} rows · {formatBytes(backup.bytes)} · verified
      </p>
      {preview.data && (
        <DataTable
          caption="What the backup holds"
          rows={preview.data.rows.filter((row) => row.inBackup > 0)}
          rowKey={(row) => row.table}
          columns={[
            { header: 'What', cell: (row) => row.label },
            { header: 'In the backup', numeric: true, cell: (row) => row.inBackup.toLocaleString() },
          ]}
        />
      )}
      <RestoreButton backup={backup} primary />
    </section>
  );
}

function RestoreButton({ backup, primary }: { backup: BackupInfo; primary: boolean }) {
  const time = useTime();
  const toasts = useToasts();
  const restore = useCallMutation('backups:restore');
  const progress = useJob(null, 'restore');
  const when = time.formatInstant(backup.takenAt);
  return (
    <div className="recovery-restore">
      <button
        type="button"
        className={primary ? 'button button-primary' : 'button'}
        disabled={restore.isPending}
        onClick={() =>
          restore.mutate(
            { id: backup.id },
            {
              onSuccess: (result) =>
                toasts.show(
                  `Restored the backup of ${when}.${result.movedAside.length > 0 ? ` The files that were there were kept as ${result.movedAside.join(', ')}.` : ''}`,
                ),
            },
          )
        }
      >
        {primary ? 'Restore this backup' : `Restore ${when}`}
        {!primary && <span className="visually-hidden"> ({REASON_LABELS[backup.reason]}, {backup.rows.toLocaleString()} rows)</span>}
      </button>
      {restore.isPending && <JobProgress state={progress} label="Restore progress" />}
      {restore.error && (
        <span className="form-error" role="alert">
          {restore.error.message}
        </span>
      )}
    </div>
  );
}

function StartFresh({ empty }: { empty: boolean }) {
  const startFresh = useCallMutation('backups:startFresh');
  const [asked, setAsked] = useState(false);
  return (
    <section className="recovery-fresh" aria-labelledby="start-fresh-title">
      <h2 id="start-fresh-title">Or start with an empty database</h2>
      <p className="muted">
        {empty
          ? 'The empty file is kept beside the new one; your backups stay where they are.'
          : 'The damaged files are kept beside the new one, under a timestamp (the database with its WAL and SHM files), so they can still be repaired; your backups stay where they are.'}
      </p>
      {!asked ? (
        <button type="button" className="button" onClick={() => setAsked(true)}>
          Start with an empty database…
        </button>
      ) : (
        <div className="toolbar">
          <button type="button" className="button button-danger" disabled={startFresh.isPending} onClick={() => startFresh.mutate(undefined)}>
            Yes, start with an empty database
          </button>
          <button type="button" className="button" onClick={() => setAsked(false)}>
            Cancel
          </button>
        </div>
      )}
      {startFresh.error && (
        <p className="form-error" role="alert">
          {startFresh.error.message}
        </p>
      )}
    </section>
  );
}
