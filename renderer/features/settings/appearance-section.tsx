import type { Settings } from '../../../shared/domain/settings';
import { useSaveSetting } from './setting-field';

export function AppearanceSection({ settings }: { settings: Settings }) {
  const { save, errors } = useSaveSetting();
  return (
    <section className="settings-section" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <div className="field setting-field">
        <label htmlFor="theme">Theme</label>
        <select id="theme" value={settings.theme} onChange={(event) => void save('theme', { theme: event.target.value as Settings['theme'] })}>
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        {errors.theme && (
          <div className="field-error" role="alert">
            {errors.theme}
          </div>
        )}
      </div>
    </section>
  );
}
