import { useState, type FormEvent } from 'react';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useTime } from '../../ui/time';
import { formatDuration } from '../../../shared/domain/duration';
import { futureEntryMessage, resolveEntryTimes } from '../../../shared/domain/entry-times';
import { useCategories } from '../categories/use-categories';
import { nextDayHint } from '../timesheet/entry-time-hint';
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
  const [logged, setLogged] = useState<{ day: string; minutes: number } | null>(null);
  const nextDay = nextDayHint({ day, start, end }, time);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const times = resolveEntryTimes({ day, start, end }, time.timeZone);
    const found: Record<string, string> = times.ok ? {} : { ...times.errors };
    if (categoryId === '') found.categoryId = 'Choose a category';
    if (times.ok && times.startAt > time.now()) found.startAt = futureEntryMessage(`${time.formatDay(day)} at ${time.formatTime(times.startAt)}`);
    if (!times.ok || Object.keys(found).length > 0) {
      form.set(found);
      return;
    }
    try {
      await create.mutateAsync({ worker: 'me', categoryId: Number(categoryId), startAt: times.startAt, endAt: times.endAt, note });
      // Today's log lists today only: say where an entry for another day went.
      setLogged(day === time.today ? null : { day, minutes: times.minutes });
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
      <Field label="To" error={errors.endAt} hint={nextDay}>
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
      {logged && (
        <p className="form-note" role="status">
          Logged {formatDuration(logged.minutes)} on {time.formatDay(logged.day)}. <a href={`#/timesheet?day=${logged.day}`}>See it in the Timesheet</a>
        </p>
      )}
    </form>
  );
}
