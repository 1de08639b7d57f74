import { useState, type FormEvent } from 'react';
import { formatDuration } from '../../../shared/domain/duration';
import { futureEntryMessage, resolveEntryTimes } from '../../../shared/domain/entry-times';
import type { Technician } from '../../../shared/domain/msp';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors, type FieldErrors } from '../../ui/form-errors';
import { useTime, type ZonedTime } from '../../ui/time';
import { useCategories } from '../categories/use-categories';
import { entryTimeHint } from '../timesheet/entry-time-hint';

/** The "Who" choice for work logged against the MSP as a whole, not one technician. */
const TEAM = '';

interface MspTimeDraft {
  technicianId: string;
  categoryId: string;
  day: string;
  start: string;
  end: string;
  /** End and duration are both optional; given both, they must agree (never one silently wins). */
  duration: string;
  note: string;
}

/** The entry's instants, or what she has to fix before it is sent: read like every entry form (an end before the start is the next day). */
function entryTimes(time: ZonedTime, draft: MspTimeDraft): { startAt: number; endAt: number } | { errors: FieldErrors } {
  const times = resolveEntryTimes(draft, time.timeZone);
  if (!times.ok) return { errors: times.errors };
  if (times.startAt > time.now()) return { errors: { startAt: futureEntryMessage(`${time.formatDay(draft.day)} at ${time.formatTime(times.startAt)}`) } };
  return { startAt: times.startAt, endAt: times.endAt };
}

/** Copying the MSP’s timesheet in: who, what, when, with an end or a duration (given both, they must agree). */
export function LogMspTimeSection({ technicians }: { technicians: Technician[] }) {
  const categories = useCategories();
  const time = useTime();
  const active = technicians.filter((technician) => !technician.archived);
  const [draft, setDraft] = useState<MspTimeDraft>({
    technicianId: TEAM,
    categoryId: '',
    day: time.today,
    start: '',
    end: '',
    duration: '',
    note: '',
  });
  const form = useFormErrors();
  const { errors } = form;
  const [logged, setLogged] = useState('');
  const create = useCallMutation('timeEntries:create');
  const hint = entryTimeHint(draft, time) ?? undefined;

  const change = (patch: Partial<MspTimeDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setLogged('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const times = entryTimes(time, draft);
    const categoryError = draft.categoryId === '' ? 'Choose the category of the work' : undefined;
    if ('errors' in times || categoryError) {
      form.set({ ...('errors' in times ? times.errors : {}), categoryId: categoryError });
      return;
    }
    const technicianId = draft.technicianId === TEAM ? null : Number(draft.technicianId);
    try {
      await create.mutateAsync({ worker: 'msp', technicianId, categoryId: Number(draft.categoryId), ...times, note: draft.note });
      const who = active.find((technician) => technician.id === technicianId)?.name ?? 'the MSP team';
      setLogged(`Logged ${formatDuration((times.endAt - times.startAt) / 60_000)} for ${who} on ${time.formatDay(draft.day)}.`);
      // The next entry most often starts where this one ended.
      setDraft({ ...draft, start: time.clockOf(times.endAt), end: '', duration: '', note: '' });
      form.reset();
    } catch (caught) {
      form.fail(caught, {
        // The end is checked as an instant; show the problem where she typed it.
        fields: (fields) => (fields.endAt && draft.end === '' ? { ...fields, duration: fields.endAt } : fields),
        // An overlap names the other entry only in the message.
        alsoMessageOn: 'CONFLICT',
      });
    }
  };

  return (
    <section aria-labelledby="msp-log-time-title">
      <h2 id="msp-log-time-title">Log MSP time</h2>
      <p className="muted">Copy the hours from the MSP’s timesheet or invoice. Every MSP hour counts against the contract’s included hours.</p>
      <form className="card msp-form" onSubmit={submit} noValidate aria-label="Log MSP time">
        <div className="field-row top-aligned">
          <Field label="Who" error={errors.technicianId}>
            <select value={draft.technicianId} onChange={(event) => change({ technicianId: event.target.value })}>
              <option value={TEAM}>MSP team</option>
              {active.map((technician) => (
                <option key={technician.id} value={technician.id}>
                  {technician.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Category" error={errors.categoryId}>
            <select value={draft.categoryId} onChange={(event) => change({ categoryId: event.target.value })}>
              <option value="">Choose…</option>
              {categories.active.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Date" error={errors.day}>
            <input type="date" value={draft.day} onChange={(event) => change({ day: event.target.value })} />
          </Field>
          <Field label="Start" error={errors.startAt}>
            <input type="time" value={draft.start} onChange={(event) => change({ start: event.target.value })} />
          </Field>
          <Field label="End" error={errors.endAt} hint={draft.end !== '' ? hint : undefined}>
            <input type="time" value={draft.end} onChange={(event) => change({ end: event.target.value })} />
          </Field>
          <Field label="Duration" error={errors.duration} hint={draft.end === '' && hint ? hint : 'or an end time'}>
            <input
              type="text"
              size={8}
              value={draft.duration}
              placeholder="1h 30m"
              onChange={(event) => change({ duration: event.target.value })}
            />
          </Field>
        </div>
        <div className="field-row top-aligned">
          <Field label="Note" error={errors.note} className="grow">
            <input type="text" value={draft.note} maxLength={2000} placeholder="e.g. Patched the file servers" onChange={(event) => change({ note: event.target.value })} />
          </Field>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Log MSP time
          </button>
        </div>
        <FormError form={form} />
        <p role="status" className="muted logged-note">
          {logged}
        </p>
      </form>
    </section>
  );
}
