import { useCallback, useMemo, useState } from 'react';
import { ApiError, type ApiErrorCode } from '../../shared/api/errors';

/** A message per input field, by the field's name in the call (`startAt`, `rule.weekdays`). */
export type FieldErrors = Record<string, string | undefined>;

interface FailOptions {
  /**
   * Moves a message to the control she actually typed in, e.g. a checked end instant shown at the
   * duration she gave instead.
   */
  fields?: (fields: FieldErrors) => FieldErrors;
  /**
   * An error of this code keeps its message at the top even when a field shows one: a clash names
   * the other record ("A contract already starts on 2026-11-01") only in the message.
   */
  alsoMessageOn?: ApiErrorCode;
}

export interface FormErrors {
  /** What to show at each field. */
  errors: FieldErrors;
  /** What to show at the top of the form: null while a field already shows the problem. */
  message: string | null;
  /** Shows a failed call's problems where she will look; anything but an ApiError is a bug and is rethrown. */
  fail(caught: unknown, options?: FailOptions): void;
  /** Shows problems found before calling (a missing title), with no message at the top. */
  set(errors: FieldErrors): void;
  reset(): void;
}

interface Shown {
  errors: FieldErrors;
  message: string | null;
  messageWithFields: boolean;
}

const NOTHING: Shown = { errors: {}, message: null, messageWithFields: false };

/**
 * Messages are sentences for her ("Give the task a title"). The backend stopped prefixing them with
 * the field's name ("title: …"); this keeps a prefix from ever reaching the screen again.
 */
function withoutFieldName(message: string, fields: readonly string[]): string {
  const field = fields.find((name) => message.startsWith(`${name}: `));
  return field === undefined ? message : message.slice(field.length + 2);
}

/**
 * The error state every form keeps: a message at each field, and one at the top only when no field
 * shows one, so she never reads the same problem twice.
 *
 * `shownFields` lists the fields the form has controls for, when the call takes more than it shows:
 * a message about a field she cannot see then goes to the top instead of nowhere.
 */
export function useFormErrors(shownFields?: readonly string[]): FormErrors {
  const [shown, setShown] = useState<Shown>(NOTHING);

  const fail = useCallback((caught: unknown, options: FailOptions = {}) => {
    if (!(caught instanceof ApiError)) throw caught;
    const names = caught.issues.map((issue) => issue.field);
    const fields = Object.fromEntries(Object.entries(caught.fieldErrors()).map(([field, text]) => [field, withoutFieldName(text, [field])]));
    setShown({
      errors: options.fields ? options.fields(fields) : fields,
      message: withoutFieldName(caught.message, names),
      messageWithFields: options.alsoMessageOn !== undefined && caught.code === options.alsoMessageOn,
    });
  }, []);
  const set = useCallback((errors: FieldErrors) => setShown({ errors, message: null, messageWithFields: false }), []);
  const reset = useCallback(() => setShown(NOTHING), []);

  return useMemo(() => {
    const atAField = Object.entries(shown.errors).some(([field, text]) => Boolean(text) && (!shownFields || shownFields.includes(field)));
    return {
      errors: shown.errors,
      message: shown.message !== null && (shown.messageWithFields || !atAField) ? shown.message : null,
      fail,
      set,
      reset,
    };
  }, [shown, shownFields, fail, set, reset]);
}

/** The form's top message, where one is due (see useFormErrors). */
export function FormError({ form }: { form: FormErrors }) {
  if (form.message === null) return null;
  return (
    <p className="form-error" role="alert">
      {form.message}
    </p>
  );
}
