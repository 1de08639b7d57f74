import { useId, useState } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { isTimeZone } from '../../../shared/domain/settings';
import { call } from '../../api/client';
import { Dialog } from '../../ui/dialog';
import { useSaveSetting } from './setting-field';

/** Every zone the platform knows, for the searchable list. */
function zones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

const SYSTEM = 'System';

/**
 * Her time zone: any IANA zone, searched as she types, or the system's. A new zone re-files time
 * entries to their local days there, so she is told how many move before it is saved.
 */
export function TimeZoneSetting({ settings, systemZone }: { settings: Settings; systemZone: string }) {
  const listId = useId();
  const inputId = useId();
  const { save, errors } = useSaveSetting();
  const current = settings.timeZone ?? SYSTEM;
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [confirm, setConfirm] = useState<{ zone: string | null; entriesMoving: number; entries: number } | null>(null);

  const commit = async () => {
    const typed = (draft ?? current).trim();
    if (draft === null || typed === current) {
      setDraft(null);
      return;
    }
    const zone = typed === SYSTEM || typed === '' ? null : typed;
    if (zone !== null && !isTimeZone(zone)) {
      setProblem('Unknown time zone: choose one from the list, such as America/Chicago');
      return;
    }
    setProblem(undefined);
    let preview: { entriesMoving: number; entries: number };
    try {
      preview = await call('settings:zonePreview', { timeZone: zone ?? systemZone });
    } catch (error) {
      // Said at the field, like any refusal; nothing is saved.
      setProblem(error instanceof Error ? error.message : String(error));
      return;
    }
    if (preview.entriesMoving === 0) {
      if (await save('timeZone', { timeZone: zone })) setDraft(null);
      return;
    }
    setConfirm({ zone, entriesMoving: preview.entriesMoving, entries: preview.entries });
  };

  return (
    <div className="field setting-field">
      <label htmlFor={inputId}>Time zone</label>
      <input
        id={inputId}
        type="text"
        list={listId}
        value={draft ?? current}
        autoComplete="off"
        aria-invalid={problem ?? errors.timeZone ? true : undefined}
        aria-describedby={`${inputId}-hint${problem ?? errors.timeZone ? ` ${inputId}-error` : ''}`}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit();
          }
        }}
      />
      <datalist id={listId}>
        <option value={SYSTEM}>{`Follow this computer (${systemZone})`}</option>
        {zones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <div id={`${inputId}-hint`} className="field-hint">
        {settings.timeZone === null ? `Following this computer: ${systemZone}.` : 'Type to search; “System” follows this computer.'}
      </div>
      {(problem ?? errors.timeZone) && (
        <div id={`${inputId}-error`} className="field-error" role="alert">
          {problem ?? errors.timeZone}
        </div>
      )}
      {confirm && (
        <Dialog title="Change your time zone?" onClose={() => setConfirm(null)}>
          <p>
            In {confirm.zone ?? `this computer's zone (${systemZone})`}, {confirm.entriesMoving.toLocaleString()} of your{' '}
            {confirm.entries.toLocaleString()} time entries start on another local day. They will be re-filed to those days, and
            every figure follows.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirm(null)}>
              Keep {current === SYSTEM ? 'the current zone' : current}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() =>
                void save('timeZone', { timeZone: confirm.zone }).then((ok) => {
                  setConfirm(null);
                  if (ok) setDraft(null);
                })
              }
            >
              Change and re-file {confirm.entriesMoving.toLocaleString()} {confirm.entriesMoving === 1 ? 'entry' : 'entries'}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
