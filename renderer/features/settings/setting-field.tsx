import { useState, type ReactNode } from 'react';
import { ApiError } from '../../../shared/api/errors';
import type { Settings } from '../../../shared/domain/settings';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';

export type SettingsPatch = Partial<Settings>;

/**
 * Saves one change to her settings and reports where it went wrong: a refused value is shown at
 * the field she changed, with the backend's own message, and nothing is saved.
 */
export function useSaveSetting() {
  const update = useCallMutation('settings:update');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (field: string, patch: SettingsPatch): Promise<boolean> => {
    try {
      await update.mutateAsync(patch);
      setErrors((current) => ({ ...current, [field]: undefined }));
      setSaved(field);
      return true;
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      // A rule across fields (the window's end before its start) is shown at the field she changed.
      setErrors((current) => ({ ...current, [field]: caught.issues[0]?.message ?? caught.message }));
      setSaved(null);
      return false;
    }
  };
  return { save, errors, saved, pending: update.isPending };
}

interface TextSettingProps {
  label: string;
  /** The value as it is saved, written for the field. */
  value: string;
  /** Turns what she typed into the patch to save, or a message when it cannot be read at all. */
  parse: (text: string) => SettingsPatch | { problem: string };
  error: string | undefined;
  onSave: (patch: SettingsPatch) => Promise<boolean>;
  hint?: ReactNode;
  inputMode?: 'text' | 'decimal' | 'numeric';
  type?: 'text' | 'time';
  suffix?: string;
  width?: string;
}

/**
 * A setting typed in a text box: saved when she leaves the field or presses Enter, if it changed.
 * While a refused value is shown she can keep editing it; nothing is saved until it is valid.
 */
export function TextSetting({ label, value, parse, error, onSave, hint, inputMode = 'text', type = 'text', suffix, width }: TextSettingProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const shown = draft ?? value;
  const commit = async () => {
    if (draft === null || draft === value) {
      setDraft(null);
      return;
    }
    const parsed = parse(draft.trim());
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(undefined);
    if (await onSave(parsed)) setDraft(null);
  };
  return (
    <Field label={label} error={problem ?? error} hint={hint} className="setting-field">
      <input
        type={type}
        inputMode={inputMode}
        value={shown}
        style={width ? { width } : undefined}
        aria-label={suffix ? `${label} (${suffix})` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit();
          }
          if (event.key === 'Escape' && draft !== null) {
            event.preventDefault();
            setDraft(null);
            setProblem(undefined);
          }
        }}
      />
    </Field>
  );
}

/** Reads a number she typed, allowing a comma as the decimal point; null when it is not one. */
export function readNumber(text: string): number | null {
  const normalised = text.replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}
