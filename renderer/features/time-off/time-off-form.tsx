import { useState, type FormEvent } from 'react';
import type { TimeOffRange } from '../../../shared/domain/capacity';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { describeRange } from './range-text';

/** Adds time off, or edits a range in place. Overlapping ranges are refused at the first day, naming the one in the way. */
export function TimeOffForm({ range, onAdded, onDone }: { range?: TimeOffRange; onAdded?: (range: TimeOffRange) => void; onDone?: () => void }) {
  const time = useTime();
  const [startDay, setStartDay] = useState(range?.startDay ?? '');
  const [endDay, setEndDay] = useState(range?.endDay ?? '');
  const [note, setNote] = useState(range?.note ?? '');
  const form = useFormErrors(['startDay', 'endDay', 'note']);
  const create = useCallMutation('timeOff:create');
  const update = useCallMutation('timeOff:update');
  const toasts = useToasts();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (startDay === '') missing.startDay = 'Choose your first day off';
    if (endDay === '' && startDay === '') missing.endDay = 'Choose your last day off';
    if (Object.keys(missing).length > 0) {
      form.set(missing);
      return;
    }
    const input = { startDay, endDay: endDay === '' ? startDay : endDay, note };
    try {
      if (range) {
        await update.mutateAsync({ id: range.id, ...input });
        onDone?.();
      } else {
        const added = await create.mutateAsync(input);
        toasts.show(`You are off ${describeRange(added, time.formatDay)}: capacity 0 on those days.`);
        setStartDay('');
        setEndDay('');
        setNote('');
        onAdded?.(added);
      }
      form.reset();
    } catch (caught) {
      form.fail(caught, { alsoMessageOn: 'CONFLICT' });
    }
  };

  return (
    <form className={range ? 'inline-form' : 'card inline-form'} onSubmit={submit} noValidate aria-label={range ? 'Edit time off' : 'Add time off'}>
      <Field label="First day" error={form.errors.startDay}>
        <input type="date" value={startDay} onChange={(event) => setStartDay(event.target.value)} />
      </Field>
      <Field label="Last day" error={form.errors.endDay} hint={range ? undefined : 'Leave empty for one day'}>
        <input type="date" value={endDay} min={startDay || undefined} onChange={(event) => setEndDay(event.target.value)} />
      </Field>
      <Field label="Note" error={form.errors.note} className="grow">
        <input type="text" value={note} maxLength={200} placeholder="Vacation, training, dentist…" onChange={(event) => setNote(event.target.value)} />
      </Field>
      <button type="submit" className="button button-primary" disabled={create.isPending || update.isPending}>
        {range ? 'Save' : 'Add time off'}
      </button>
      {range && (
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      )}
      <FormError form={form} />
    </form>
  );
}
