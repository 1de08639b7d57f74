import { useState, type FormEvent } from 'react';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useTime } from '../../ui/time';
import { useCategories } from '../categories/use-categories';
import { CategorySelect } from '../tasks/task-fields';

/** What the form has controls for; a message about anything else shows at the top. */
const SHOWN_FIELDS = ['day', 'startAt', 'endAt', 'categoryId', 'note'];

/** Log time after the fact: a call that came in, an interrupt she forgot to time. */
export function TimeEntryForm() {
  const { active } = useCategories();
  const time = useTime();
  const [day, setDay] = useState(time.today);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [note, setNote] = useState('');
  const form = useFormErrors(SHOWN_FIELDS);
  const { errors } = form;
  const create = useCallMutation('timeEntries:create');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (categoryId === '') found.categoryId = 'Choose a category';
    if (!/^\d\d:\d\d$/.test(start)) found.startAt = 'Enter a start time';
    if (!/^\d\d:\d\d$/.test(end)) found.endAt = 'Enter an end time';
    if (Object.keys(found).length > 0) {
      form.set(found);
      return;
    }
    const startAt = time.instantAt(day, start);
    // An end earlier than the start is read as past midnight only when she says so: otherwise an error.
    const endAt = time.instantAt(day, end);
    try {
      await create.mutateAsync({ worker: 'me', categoryId: Number(categoryId), startAt, endAt, note });
      setStart('');
      setEnd('');
      setNote('');
      form.reset();
    } catch (caught) {
      form.fail(caught);
    }
  };

  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label="Log time">
      <Field label="Day" error={errors.day}>
        <input type="date" value={day} onChange={(event) => setDay(event.target.value)} />
      </Field>
      <Field label="From" error={errors.startAt}>
        <input type="time" value={start} onChange={(event) => setStart(event.target.value)} />
      </Field>
      <Field label="To" error={errors.endAt}>
        <input type="time" value={end} onChange={(event) => setEnd(event.target.value)} />
      </Field>
      <Field label="Category" error={errors.categoryId}>
        <CategorySelect value={categoryId} onChange={setCategoryId} categories={active} emptyLabel="Choose…" />
      </Field>
      <Field label="Note" error={errors.note} className="grow">
        <input type="text" value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Log time
      </button>
      <FormError form={form} />
    </form>
  );
}
