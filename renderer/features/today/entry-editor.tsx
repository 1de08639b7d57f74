import { useState, type FormEvent } from 'react';
import { addDays } from '../../../shared/domain/day';
import type { TimeEntry } from '../../../shared/domain/time-entry';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useTime } from '../../ui/time';
import { resolveEntryTimes } from '../../../shared/domain/entry-times';
import { useCategories } from '../categories/use-categories';
import { nextDayHint } from '../timesheet/entry-time-hint';
import { CategorySelect } from '../tasks/task-fields';

/** What the editor has controls for; a message about anything else shows at the top. */
const SHOWN_FIELDS = ['startAt', 'endAt', 'categoryId', 'at'];

/** Edit an entry's times and category, or split it in two at a moment inside it. */
export function EntryEditor({ entry, onDone }: { entry: TimeEntry & { endAt: number }; onDone: () => void }) {
  const { active } = useCategories();
  const time = useTime();
  /** The entry's own day, at another wall-clock time. */
  const at = (instant: number, clock: string) => time.instantAt(time.dayOf(instant), clock);
  const [start, setStart] = useState(time.clockOf(entry.startAt));
  const [end, setEnd] = useState(time.clockOf(entry.endAt));
  const [categoryId, setCategoryId] = useState(String(entry.categoryId));
  const [splitAt, setSplitAt] = useState('');
  const form = useFormErrors(SHOWN_FIELDS);
  const { errors } = form;
  const update = useCallMutation('timeEntries:update');
  const split = useCallMutation('timeEntries:split');
  const nextDay = nextDayHint({ day: entry.startDay, start, end }, time);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // On the entry's own day; an end earlier than the start is past midnight.
    const times = resolveEntryTimes({ day: entry.startDay, start, end }, time.timeZone);
    if (!times.ok) {
      form.set(times.errors);
      return;
    }
    try {
      await update.mutateAsync({ id: entry.id, startAt: times.startAt, endAt: times.endAt, categoryId: Number(categoryId) });
      onDone();
    } catch (caught) {
      form.fail(caught);
    }
  };

  const splitEntry = async () => {
    if (!/^\d\d:\d\d$/.test(splitAt)) {
      form.set({ at: 'Enter the time to split at' });
      return;
    }
    try {
      let splitInstant = at(entry.startAt, splitAt);
      // A time before the start is after midnight, in work that ran into the next day.
      if (splitInstant <= entry.startAt) splitInstant = time.instantAt(addDays(entry.startDay, 1), splitAt);
      await split.mutateAsync({ id: entry.id, at: splitInstant });
      onDone();
    } catch (caught) {
      form.fail(caught);
    }
  };

  return (
    <form className="inline-form" onSubmit={save} noValidate aria-label="Edit time entry">
      <Field label="From" error={errors.startAt}>
        <input type="time" value={start} onChange={(event) => setStart(event.target.value)} />
      </Field>
      <Field label="To" error={errors.endAt} hint={nextDay}>
        <input type="time" value={end} onChange={(event) => setEnd(event.target.value)} />
      </Field>
      <Field label="Category" error={errors.categoryId}>
        <CategorySelect value={categoryId} onChange={setCategoryId} categories={active} emptyLabel="Choose…" />
      </Field>
      <button type="submit" className="button button-primary" disabled={update.isPending}>
        Save
      </button>
      <Field label="Split at" error={errors.at}>
        <input type="time" value={splitAt} onChange={(event) => setSplitAt(event.target.value)} />
      </Field>
      <button type="button" className="button" onClick={() => void splitEntry()} disabled={split.isPending}>
        Split
      </button>
      <button type="button" className="button" onClick={onDone}>
        Cancel
      </button>
      <FormError form={form} />
    </form>
  );
}
