import { useState, type FormEvent } from 'react';
import type { MspContract } from '../../../shared/domain/cost';
import { isLocalDay, type LocalDay } from '../../../shared/domain/day';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors, type FieldErrors } from '../../ui/form-errors';
import { useToasts } from '../../ui/toasts';
import { formatStartDay } from './contract-format';

interface ContractFormProps {
  contract: MspContract | null;
  currency: string;
  defaultStartDay: LocalDay;
  /** The form's accessible name. */
  label: string;
  onDone?: () => void;
}

/** "2400", "2,400.50" and "2400,50" all read as numbers; anything else is reported at its field. */
function parseAmount(text: string): number | null {
  const value = text.trim().replace(/\s/g, '');
  const normalised = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value) ? value.replace(/,/g, '') : value.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

const amountText = (value: number) => String(Number(value.toFixed(2)));

/** One set of contract terms, new or edited; Escape cancels an edit. */
export function ContractForm({ contract, currency, defaultStartDay, label, onDone }: ContractFormProps) {
  const [draft, setDraft] = useState({
    startDay: defaultStartDay,
    monthlyFee: contract ? amountText(contract.monthlyFeeCents / 100) : '',
    includedHours: contract ? amountText(contract.includedMinutes / 60) : '',
    overageRate: contract ? amountText(contract.overageRateCents / 100) : '',
  });
  const form = useFormErrors();
  const { errors } = form;
  const save = useCallMutation('msp:saveContract');
  const toasts = useToasts();

  const change = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const monthlyFee = parseAmount(draft.monthlyFee);
    const includedHours = parseAmount(draft.includedHours);
    const overageRate = parseAmount(draft.overageRate);
    const unreadable = (text: string, name: string, example: string) =>
      text.trim() === '' ? `Enter the ${name}, or 0 if there is none` : `Type a number, such as ${example}`;
    const missing: FieldErrors = {
      startDay: isLocalDay(draft.startDay) ? undefined : 'Choose the day these terms start',
      monthlyFee: monthlyFee === null ? unreadable(draft.monthlyFee, 'monthly fee', '2400') : undefined,
      includedHours: includedHours === null ? unreadable(draft.includedHours, 'included hours', '40') : undefined,
      overageRate: overageRate === null ? unreadable(draft.overageRate, 'overage rate', '95') : undefined,
    };
    if (monthlyFee === null || includedHours === null || overageRate === null || missing.startDay) {
      form.set(missing);
      return;
    }
    try {
      const saved = await save.mutateAsync({ id: contract?.id ?? null, startDay: draft.startDay, monthlyFee, includedHours, overageRate });
      form.reset();
      toasts.show(`Saved the contract starting ${formatStartDay(saved.startDay)}`);
      onDone?.();
    } catch (caught) {
      form.fail(caught, { alsoMessageOn: 'CONFLICT' });
    }
  };

  return (
    <form
      className="inline-form top-aligned contract-form"
      onSubmit={submit}
      noValidate
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onDone) onDone();
      }}
    >
      <Field label="Starts on" error={errors.startDay}>
        <input type="date" value={draft.startDay} autoFocus={contract !== null} onChange={(event) => change({ startDay: event.target.value })} />
      </Field>
      <Field label={`Monthly fee (${currency})`} error={errors.monthlyFee}>
        <input type="text" inputMode="decimal" size={10} value={draft.monthlyFee} placeholder="e.g. 2400" onChange={(event) => change({ monthlyFee: event.target.value })} />
      </Field>
      <Field label="Included hours per month" error={errors.includedHours}>
        <input type="text" inputMode="decimal" size={8} value={draft.includedHours} placeholder="e.g. 40" onChange={(event) => change({ includedHours: event.target.value })} />
      </Field>
      <Field label={`Overage rate (${currency} per hour)`} error={errors.overageRate}>
        <input type="text" inputMode="decimal" size={8} value={draft.overageRate} placeholder="e.g. 95" onChange={(event) => change({ overageRate: event.target.value })} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {contract ? 'Save contract' : 'Add contract'}
        </button>
        {onDone && (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      <FormError form={form} />
    </form>
  );
}
