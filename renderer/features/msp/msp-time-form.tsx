import { useState, type FormEvent } from 'react';
import { isLocalDay } from '../../../shared/domain/day';
import { formatDuration, parseDuration } from '../../../shared/domain/duration';
import type { Technician } from '../../../shared/domain/msp';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors, type FieldErrors } from '../../ui/form-errors';
import { useTime, type ZonedTime } from '../../ui/time';
import { useCategories } from '../categories/use-categories';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The "Who" choice for work logged against the MSP as a whole, not one technician. */
const TEAM = '';

interface MspTimeDraft {
  technicianId: string;
  categoryId: string;
  day: string;
  start: string;
  end: string;
  duration: string;
  /** Which of end and duration she typed; the other is derived from it. */
  endFrom: 'end' | 'duration';
  note: string;
}

/** A local date and clock time as an instant, in her time zone. */
function instant(time: ZonedTime, day: string, clock: string): number | null {
  if (!isLocalDay(day) || !CLOCK.test(clock)) return null;
  return time.instantAt(day, clock);
}

/** Keeps end and duration in step, following whichever she typed last. */
function withDerivedEnd(time: ZonedTime, draft: MspTimeDraft): MspTimeDraft {
  const startAt = instant(time, draft.day, draft.start);
  if (draft.endFrom === 'duration') {
    const minutes = parseDuration(draft.duration);
    return { ...draft, end: startAt !== null && minutes !== null && minutes > 0 ? time.clockOf(startAt + minutes * 60_000) : '' };
  }
  const endAt = instant(time, draft.day, draft.end);
  const minutes = startAt !== null && endAt !== null ? (endAt - startAt) / 60_000 : 0;
  return { ...draft, duration: minutes > 0 ? formatDuration(minutes) : '' };
}

/** The entry's instants, or what she has to fix before it is sent. */
function entryTimes(time: ZonedTime, draft: MspTimeDraft): { startAt: number; endAt: number } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!isLocalDay(draft.day)) errors.day = 'Choose the day the work was done';
  if (!CLOCK.test(draft.start)) errors.startAt = 'Give the start time';
  if (draft.endFrom === 'duration') {
    const minutes = parseDuration(draft.duration);
    if (minutes === null || minutes <= 0) errors.duration = 'Type a duration such as 1h 30m, 90m or 1:30';
  } else if (!CLOCK.test(draft.end)) {
    errors.endAt = 'Give the end time, or a duration';
  }
  if (Object.keys(errors).length > 0) return { errors };
  const startAt = instant(time, draft.day, draft.start)!;
  const endAt = draft.endFrom === 'duration' ? startAt + parseDuration(draft.duration)! * 60_000 : instant(time, draft.day, draft.end)!;
  return { startAt, endAt };
}

/** Copying the MSP's timesheet in: who, what, when, with end and duration kept in step. */
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
    endFrom: 'end',
    note: '',
  });
  const form = useFormErrors();
  const { errors } = form;
  const [logged, setLogged] = useState('');
  const create = useCallMutation('timeEntries:create');

  const change = (patch: Partial<MspTimeDraft>) => {
    setDraft((current) => withDerivedEnd(time, { ...current, ...patch }));
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
        fields: (fields) => (fields.endAt && draft.endFrom === 'duration' ? { ...fields, duration: fields.endAt } : fields),
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
          <Field label="End" error={errors.endAt}>
            <input type="time" value={draft.end} onChange={(event) => change({ end: event.target.value, endFrom: 'end' })} />
          </Field>
          <Field label="Duration" error={errors.duration} hint="or an end time">
            <input
              type="text"
              size={8}
              value={draft.duration}
              placeholder="1h 30m"
              onChange={(event) => change({ duration: event.target.value, endFrom: 'duration' })}
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
