import type { AppStatus } from '../../../shared/domain/types';

/** Where her data lives and which versions read it. */
export function DataFacts({ status }: { status: AppStatus }) {
  return (
    <dl className="facts">
      <dt>Database</dt>
      <dd>
        <code>{status.databaseFile}</code>
      </dd>
      <dt>Schema version</dt>
      <dd>{status.schemaVersion}</dd>
      <dt>Offload version</dt>
      <dd>
        {status.version} ({status.mode === 'electron' ? 'desktop app' : 'browser mode'})
      </dd>
    </dl>
  );
}
