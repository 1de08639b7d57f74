import { useCallQuery } from '../../api/hooks';
import { Screen } from '../../ui/screen';
import { CategoriesSection } from '../categories/categories-section';
import { AppearanceSection } from './appearance-section';
import { CostsSection } from './costs-section';
import { DataFacts } from './data-facts';
import { WorkHoursSection } from './work-hours-section';
import { BackupsSection } from '../data/backups-section';
import { DesktopSection } from './desktop-section';
import { ExportSection } from '../data/export-section';
import { ImportEntry } from '../data/import/import-entry';

/** Every setting of the brief, each validated at its field and saved as she leaves it. */
export default function SettingsScreen() {
  const settings = useCallQuery('settings:get', []);
  const status = useCallQuery('app:status', []);
  return (
    <Screen title="Settings">
      {settings.data && status.data && (
        <>
          <WorkHoursSection settings={settings.data} systemZone={status.data.systemTimeZone} />
          <CostsSection settings={settings.data} />
          <AppearanceSection settings={settings.data} />
        </>
      )}
      <CategoriesSection />

      <DesktopSection />

      <section className="settings-section" aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <p className="muted">Everything stays on this machine.</p>
        {status.data && <DataFacts status={status.data} />}
        <BackupsSection />
        <ImportEntry />
      </section>
      <ExportSection />
    </Screen>
  );
}
