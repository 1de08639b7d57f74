import { useState, type KeyboardEvent } from 'react';
import type { DesktopStatus } from '../../../shared/api/desktop-views';
import { acceleratorFromKeys, describeAccelerator } from '../../../shared/domain/accelerator';
import type { DesktopSettings } from '../../../shared/domain/desktop-settings';
import type { Settings } from '../../../shared/domain/settings';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Field } from '../../ui/field';
import './desktop-section.css';

type Toggle = { [Key in keyof DesktopSettings]: DesktopSettings[Key] extends boolean ? Key : never }[keyof DesktopSettings];
type Minutes = 'idleThresholdMinutes' | 'untrackedReminderMinutes';

/**
 * Settings of the desktop app: the tray, the quick-add shortcut, idle time, reminders, start at
 * login and updates. Shown in the desktop app only; browser mode says where they are.
 */
export function DesktopSection() {
  const status = useCallQuery('app:status', []);
  if (!status.data) return null;
  return (
    <section className="settings-section desktop-settings" aria-labelledby="desktop-title">
      <h2 id="desktop-title">Desktop</h2>
      {status.data.mode === 'electron' ? (
        <DesktopSettingsForm />
      ) : (
        <p className="muted">
          The tray timer, the system-wide quick-add shortcut, idle detection, reminders, start at login and updates live in the
          desktop app. Open Offload there to set them: it reads the same settings file.
        </p>
      )}
    </section>
  );
}

function DesktopSettingsForm() {
  const settings = useCallQuery('settings:get', []);
  const desktop = useCallQuery('desktop:status', []);
  const update = useCallMutation('settings:update');
  // Her clicks, shown at once and until the settings are read again after the save.
  const [chosen, setChosen] = useState<{ basis: Settings | undefined; values: Partial<Record<Toggle, boolean>> }>({ basis: undefined, values: {} });
  if (!settings.data || desktop.data === undefined) return null;
  if (desktop.data === null) return <p className="muted">The desktop shell is not running.</p>;
  const current = settings.data;
  const shell = desktop.data;

  const overrides = chosen.basis === settings.data ? chosen.values : {};
  const toggle = (key: Toggle, label: string, options: { hint?: string; disabled?: boolean } = {}) => (
    <div className="desktop-toggle">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={overrides[key] ?? current[key]}
          disabled={options.disabled}
          aria-describedby={options.hint ? `${key}-hint` : undefined}
          onChange={(event) => {
            const checked = event.target.checked;
            setChosen({ basis: settings.data, values: { ...overrides, [key]: checked } });
            update.mutate({ [key]: checked }, { onError: () => setChosen({ basis: undefined, values: {} }) });
          }}
        />
        {label}
      </label>
      {options.hint && (
        <div id={`${key}-hint`} className="field-hint">
          {options.hint}
        </div>
      )}
    </div>
  );

  return (
    <>
      <h3>Tray and window</h3>
      {toggle('closeToTray', 'Keep Offload in the tray when its window closes', {
        hint: shell.tray.message,
        disabled: !shell.tray.available,
      })}
      {toggle('startAtLogin', 'Start Offload in the tray when I log in', {
        hint: shell.loginItem.message,
        disabled: !shell.loginItem.supported,
      })}

      <h3>Quick add from anywhere</h3>
      <ShortcutField key={current.quickAddShortcut ?? ''} saved={current.quickAddShortcut} shell={shell} />
      <p className="field-hint">{shell.links.message}</p>

      <h3>Idle time</h3>
      {toggle('idleDetection', 'When I come back to a running timer after being away, ask what to do with the time')}
      <MinutesField
        key={`idle-${current.idleThresholdMinutes}`}
        settingKey="idleThresholdMinutes"
        label="Away after (minutes idle or locked)"
        saved={current.idleThresholdMinutes}
        disabled={!current.idleDetection}
      />

      <h3>Reminders</h3>
      {!shell.notifications.supported && <p className="field-error">This system shows no notifications, so reminders cannot appear.</p>}
      {toggle('notifyUntracked', 'Nothing tracked for a while during working hours')}
      <MinutesField
        key={`untracked-${current.untrackedReminderMinutes}`}
        settingKey="untrackedReminderMinutes"
        label="Remind after (minutes with nothing tracked)"
        saved={current.untrackedReminderMinutes}
        disabled={!current.notifyUntracked}
      />
      {toggle('notifyDueSoon', 'A task of mine due today or tomorrow')}
      {toggle('notifyMspOverdue', 'An MSP task past its response target')}
      {toggle('notifyContractUsage', 'The MSP contract at 80 % of its included hours')}
      {toggle('notifyWeekOverloaded', 'A day this week booked past my capacity')}
      {toggle('quietOutsideWorkingHours', 'Only during my working hours', {
        hint: `${windowText(current)}. Reminders are rate limited: at most three an hour, and each one once.`,
      })}

      <h3>Updates</h3>
      {toggle('checkForUpdates', 'Check for new versions and offer them', {
        hint: shell.updates.message,
        disabled: shell.updates.state === 'development',
      })}
      {update.error && !update.error.issues.some((issue) => issue.field === 'quickAddShortcut') && (
        <p className="field-error" role="alert">
          {update.error.message}
        </p>
      )}
    </>
  );
}

function windowText(settings: Settings): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const working = [...settings.workingDays].sort((a, b) => a - b).map((day) => days[day]);
  return `Your working hours: ${working.join(', ') || 'no working days'}, ${settings.workdayStart}–${settings.workdayEnd}, not on time off`;
}

function ShortcutField({ saved, shell }: { saved: string | null; shell: DesktopStatus }) {
  const [text, setText] = useState(saved ?? '');
  const [recording, setRecording] = useState(false);
  const update = useCallMutation('settings:update');
  const isMac = shell.platform === 'darwin';

  const save = (value: string | null) => update.mutate({ quickAddShortcut: value });

  const record = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setRecording(false);
      return;
    }
    if (event.key === 'Tab') return;
    const accelerator = acceleratorFromKeys({
      key: event.key,
      code: event.code,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      shiftKey: event.shiftKey,
      isMac,
    });
    event.preventDefault();
    if (accelerator === null) return;
    setText(accelerator);
    setRecording(false);
  };

  // The shell's word is about the saved shortcut: shown while the field still holds that one.
  const aboutSaved = shell.shortcut.accelerator === saved && text === (saved ?? '');
  const refused = aboutSaved && (shell.shortcut.state === 'taken' || shell.shortcut.state === 'unavailable');
  const fieldError = update.error?.forField('quickAddShortcut') ?? update.error?.message;
  const hint = aboutSaved || saved === null ? shell.shortcut.message : `Save to use ${describeAccelerator(text, isMac)} instead.`;

  return (
    <div className="shortcut-field">
      <Field label="Shortcut" error={fieldError ?? (refused ? shell.shortcut.message : undefined)} hint={refused ? undefined : hint}>
        <input
          type="text"
          value={text}
          spellCheck={false}
          autoComplete="off"
          placeholder="CommandOrControl+Shift+Space"
          className="shortcut-input"
          onChange={(event) => {
            setText(event.target.value);
            update.reset();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save(text.trim() === '' ? null : text.trim());
          }}
        />
      </Field>
      <div className="shortcut-actions">
        <button type="button" className="button" aria-pressed={recording} onClick={() => setRecording((on) => !on)} onKeyDown={record}>
          {recording ? 'Press the keys… (Esc to stop)' : 'Record keys'}
        </button>
        <button type="button" className="button button-primary" disabled={update.isPending} onClick={() => save(text.trim() === '' ? null : text.trim())}>
          Save shortcut
        </button>
        {saved !== null && (
          <button type="button" className="button" onClick={() => save(null)}>
            Turn off
          </button>
        )}
      </div>
    </div>
  );
}

function MinutesField({ settingKey, label, saved, disabled }: { settingKey: Minutes; label: string; saved: number; disabled: boolean }) {
  const [text, setText] = useState(String(saved));
  const [local, setLocal] = useState<string | undefined>();
  const update = useCallMutation('settings:update');
  const save = () => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      setLocal('Type a whole number of minutes');
      return;
    }
    setLocal(undefined);
    if (value !== saved) update.mutate({ [settingKey]: value });
  };
  return (
    <Field label={label} error={local ?? update.error?.forField(settingKey) ?? update.error?.message}>
      <input
        type="number"
        inputMode="numeric"
        className="minutes-input"
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
        }}
      />
    </Field>
  );
}
