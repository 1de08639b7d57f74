import type { BackupInfo, RestorePreviewRow } from '../../../shared/api/backup-views';
import { call } from '../../api/client';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { DataTable } from '../../ui/data-table';
import { Dialog } from '../../ui/dialog';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CHECK_LABELS, formatBytes, formatChange, REASON_LABELS } from './backup-labels';
import { JobProgress } from './job-progress';
import { useJob } from './use-job';

/**
 * Restoring a backup, after a preview of what changes: rows per table now and in the backup. What
 * is there now is backed up first, so the toast's Undo restores that copy.
 */
export function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const time = useTime();
  const toasts = useToasts();
  const preview = useCallQuery('backups:preview', [{ id: backup.id }]);
  const restore = useCallMutation('backups:restore');
  const progress = useJob(null, 'restore');
  const when = time.formatInstant(backup.takenAt);

  const undo = (safetyCopy: BackupInfo) =>
    call('backups:restore', { id: safetyCopy.id }).then(
      () => toasts.show('Undone: your data is back as it was before the restore.'),
      (error: unknown) => toasts.show(error instanceof Error ? error.message : String(error), { tone: 'error' }),
    );

  const confirm = () =>
    restore.mutate(
      { id: backup.id },
      {
        onSuccess: (result) => {
          onClose();
          const { safetyCopy } = result;
          toasts.show(`Restored the backup of ${when}.`, safetyCopy ? { action: { label: 'Undo', run: () => undo(safetyCopy) } } : {});
        },
      },
    );

  return (
    <Dialog title={`Restore the backup of ${when}?`} onClose={onClose} className="restore-dialog">
      <p className="muted">
        {REASON_LABELS[backup.reason]} · {formatBytes(backup.bytes)} · {CHECK_LABELS[backup.status]}
      </p>
      {backup.status === 'suspect' && (
        <p className="notice" role="status">
          This backup holds less than half the rows of your last good backup. Check the preview before you restore it.
        </p>
      )}
      {preview.isPending && <p className="muted">Reading the backup…</p>}
      {preview.isError && (
        <p className="form-error" role="alert">
          {preview.error.message}
        </p>
      )}
      {preview.data && (
        <DataTable<RestorePreviewRow>
          caption="What the restore changes"
          rows={preview.data.rows.filter((row) => row.inBackup > 0 || (row.now ?? 0) > 0)}
          rowKey={(row) => row.table}
          columns={[
            { header: 'What', cell: (row) => row.label },
            { header: 'Now', numeric: true, cell: (row) => (row.now === null ? 'unreadable' : row.now.toLocaleString()) },
            { header: 'In the backup', numeric: true, cell: (row) => row.inBackup.toLocaleString() },
            { header: 'Change', numeric: true, cell: (row) => (row.now === null ? '—' : formatChange(row.now, row.inBackup)) },
          ]}
        />
      )}
      <p>
        Everything not listed is empty now and in the backup. Before restoring, Offload backs up what you have now, so this can be undone. Then every open Offload window shows the restored data.
      </p>
      {restore.isPending && <JobProgress state={progress} label="Restore progress" />}
      {restore.error && (
        <p className="form-error" role="alert">
          {restore.error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={restore.isPending}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={confirm} disabled={restore.isPending || !preview.data}>
          Restore this backup
        </button>
      </div>
    </Dialog>
  );
}
