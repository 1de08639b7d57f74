import type { Settings } from '../../../shared/domain/settings';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Field } from '../../ui/field';
import { Screen } from '../../ui/screen';
import { CategoriesSection } from '../categories/categories-section';
import { ExportSection } from '../data/export-section';
import { ImportEntry } from '../data/import/import-entry';

export default function SettingsScreen() {
  const settings = useCallQuery('settings:get', []);
  const status = useCallQuery('app:status', []);
  const update = useCallMutation('settings:update');

  return (
    <Screen title="Settings">
      <section className="settings-section" aria-labelledby="appearance-title">
        <h2 id="appearance-title">Appearance</h2>
        {settings.data && (
          <Field label="Theme" error={update.error?.forField('theme')}>
            <select
              value={settings.data.theme}
              onChange={(event) => update.mutate({ theme: event.target.value as Settings['theme'] })}
            >
              <option value="system">Follow the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </Field>
        )}
      </section>

      <CategoriesSection />

      <section className="settings-section" aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <p className="muted">Everything stays on this machine.</p>
        {status.data && (
          <dl className="facts">
            <dt>Database</dt>
            <dd>
              <code>{status.data.databaseFile}</code>
            </dd>
            <dt>Schema version</dt>
            <dd>{status.data.schemaVersion}</dd>
            <dt>Offload version</dt>
            <dd>
              {status.data.version} ({status.data.mode === 'electron' ? 'desktop app' : 'browser mode'})
            </dd>
          </dl>
        )}
        <ImportEntry />
      </section>
      <ExportSection />
    </Screen>
  );
}
