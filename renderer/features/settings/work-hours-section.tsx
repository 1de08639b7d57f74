import { useState } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { readNumber, TextSetting, useSaveSetting } from './setting-field';
import { TimeZoneSetting } from './time-zone-setting';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Checkboxes in the order her week runs. */
const ordered = (weekStartsOn: number) => [0, 1, 2, 3, 4, 5, 6].map((offset) => (weekStartsOn + offset) % 7);

/** Her zone, week and working hours: what every day, week, capacity and after-hours figure is measured by. */
export function WorkHoursSection({ settings, systemZone }: { settings: Settings; systemZone: string }) {
  const { save, errors, saved } = useSaveSetting();
  // Ticks show at once and stay until the saved settings arrive (a new settings object); a refused
  // change is put back at once.
  const [pendingDays, setPendingDays] = useState<{ base: Settings; days: number[] } | null>(null);
  const [pendingReserve, setPendingReserve] = useState<{ base: Settings; on: boolean } | null>(null);
  const workingDays = pendingDays?.base === settings ? pendingDays.days : settings.workingDays;
  const reserve = pendingReserve?.base === settings ? pendingReserve.on : settings.interruptReserve;
  const window = `${settings.workdayStart}–${settings.workdayEnd}`;
  return (
    <section className="settings-section" aria-labelledby="work-hours-title">
      <h2 id="work-hours-title">Your time and capacity</h2>
      <p className="muted">Days and weeks, capacity, after-hours and overtime are all measured by these.</p>
      <div className="settings-grid">
        <TimeZoneSetting settings={settings} systemZone={systemZone} />
        <div className="field setting-field">
          <label htmlFor="week-starts-on">Week starts on</label>
          <select
            id="week-starts-on"
            value={settings.weekStartsOn}
            aria-invalid={errors.weekStartsOn ? true : undefined}
            onChange={(event) => void save('weekStartsOn', { weekStartsOn: Number(event.target.value) })}
          >
            {WEEKDAYS.map((name, day) => (
              <option key={name} value={day}>
                {name}
              </option>
            ))}
          </select>
          {errors.weekStartsOn && (
            <div className="field-error" role="alert">
              {errors.weekStartsOn}
            </div>
          )}
        </div>
      </div>

      <fieldset className="weekday-picker">
        <legend>Working days</legend>
        {ordered(settings.weekStartsOn).map((day) => {
          const on = workingDays.includes(day);
          return (
            <label key={day} className="checkbox">
              <input
                type="checkbox"
                checked={on}
                onChange={() => {
                  const next = on ? workingDays.filter((other) => other !== day) : [...workingDays, day].sort();
                  setPendingDays({ base: settings, days: next });
                  void save('workingDays', { workingDays: next }).then((ok) => ok || setPendingDays(null));
                }}
              />
              {WEEKDAYS[day]}
            </label>
          );
        })}
        {errors.workingDays && (
          <div className="field-error" role="alert">
            {errors.workingDays}
          </div>
        )}
      </fieldset>

      <div className="settings-grid">
        <TextSetting
          label="Working day starts"
          type="time"
          value={settings.workdayStart}
          parse={(text) => ({ workdayStart: text })}
          error={errors.workdayStart}
          onSave={(patch) => save('workdayStart', patch)}
        />
        <TextSetting
          label="Working day ends"
          type="time"
          value={settings.workdayEnd}
          parse={(text) => ({ workdayEnd: text })}
          error={errors.workdayEnd}
          onSave={(patch) => save('workdayEnd', patch)}
          hint={`Time outside ${window} on a working day counts as after-hours.`}
        />
        <TextSetting
          label="Hours per working day"
          inputMode="decimal"
          value={String(settings.hoursPerDay)}
          parse={(text) => {
            const hours = readNumber(text);
            return hours === null ? { problem: 'Type the hours as a number, such as 8 or 7.5' } : { hoursPerDay: hours };
          }}
          error={errors.hoursPerDay}
          onSave={(patch) => save('hoursPerDay', patch)}
          hint="Each working day's capacity; days off have none."
        />
        <TextSetting
          label="Baseline weeks"
          inputMode="numeric"
          value={String(settings.baselineWeeks)}
          parse={(text) => {
            const weeks = readNumber(text);
            return weeks === null ? { problem: 'Type a whole number of weeks, such as 8' } : { baselineWeeks: weeks };
          }}
          error={errors.baselineWeeks}
          onSave={(patch) => save('baselineWeeks', patch)}
          hint="How many full weeks before a delegation its baseline averages, and the interrupt reserve looks back."
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={reserve}
          onChange={(event) => {
            setPendingReserve({ base: settings, on: event.target.checked });
            void save('interruptReserve', { interruptReserve: event.target.checked }).then((ok) => ok || setPendingReserve(null));
          }}
        />
        Hold back an interrupt reserve in the week plan (her usual unplanned hours on each weekday)
      </label>
      <p className="visually-hidden" aria-live="polite">
        {saved ? 'Saved.' : ''}
      </p>
    </section>
  );
}
