import { navigate } from '../../../app/routes';

/** Settings → Your data: the way to the import screen. */
export function ImportEntry() {
  return (
    <div className="import-entry">
      <p className="muted">Bring in time from Toggl Track or Clockify, your MSP’s timesheets, a task list, or a complete Offload export.</p>
      <button type="button" className="button" onClick={() => navigate('import')}>
        Import a file…
      </button>
    </div>
  );
}
