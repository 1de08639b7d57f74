import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { addDays, type LocalDay } from '../../../shared/domain/day';
import { formatDuration } from '../../../shared/domain/duration';
import { futureEntryMessage, resolveEntryTimes } from '../../../shared/domain/entry-times';
import type { TimeEntry } from '../../../shared/domain/time-entry';
import type { Owner } from '../../../shared/domain/types';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { FormError, useFormErrors, type FieldErrors } from '../../ui/form-errors';
import { useTime, type ZonedTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { useCategories } from '../categories/use-categories';
import { CategorySelect } from '../tasks/task-fields';
import { useEntryActions } from './entry-actions';
import { entryTimeHint } from './entry-time-hint';
import { TaskPicker, type PickedTask } from './task-picker';
import './timesheet.css';

/** What the dialog opens on: a new entry with what the screen already knows, or an entry by id. */
export type EntryDialogTarget =
  | {
      kind: 'add';
      day: LocalDay;
      worker: Owner;
      technicianId: number | null;
      categoryId: number | null;
      task: PickedTask | null;
      /** `HH:MM`, often where her last entry of the day ended; empty to let her type it. */
      start: string;
    }
  | { kind: 'edit'; id: number; taskTitle?: string };

/** The Who choice: her, the MSP team, or one technician (`t:<id>`). */
type Who = 'me' | 'msp' | `t:${number}`;

interface Draft {
  who: Who;
  day: string;
  start: string;
  end: string;
  duration: string;
  categoryId: string;
  task: PickedTask | null;
  note: string;
  unplanned: boolean;
}

const SHOWN_FIELDS = ['who', 'day', 'startAt', 'endAt', 'duration', 'categoryId', 'taskId', 'note', 'at'];
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const whoOf = (worker: Owner, technicianId: number | null): Who => (worker === 'me' ? 'me' : technicianId === null ? 'msp' : `t:${technicianId}`);
const workerOf = (who: Who): { worker: Owner; technicianId: number | null } =>
  who === 'me' ? { worker: 'me', technicianId: null } : who === 'msp' ? { worker: 'msp', technicianId: null } : { worker: 'msp', technicianId: Number(who.slice(2)) };

/** Add or edit one entry: who, when (past midnight too), category, task, note; split it or delete it. */
export function EntryDialog({ target, onClose }: { target: EntryDialogTarget; onClose: () => void }) {
  const entry = useCallQuery('timeEntries:get', [{ id: target.kind === 'edit' ? target.id : 0 }], { enabled: target.kind === 'edit' });
  const linked = entry.data?.taskId ?? null;
  const task = useCallQuery('tasks:get', [{ id: linked ?? 0 }], { enabled: linked !== null, retry: false });
  const title = target.kind === 'edit' ? 'Edit time entry' : 'Add time entry';

  const loading = target.kind === 'edit' && (entry.isPending || (linked !== null && task.isPending));
  const picked: PickedTask | null =
    linked === null
      ? null
      : task.data
        ? { id: task.data.id, title: task.data.title, categoryId: task.data.categoryId }
        : { id: linked, title: target.kind === 'edit' ? (target.taskTitle ?? `Task #${linked}`) : '', categoryId: null };
  // One dialog throughout: swapping a loading dialog for the form would close it, and lose her place.
  return (
    <Dialog title={title} onClose={onClose} className="entry-dialog">
      {entry.isError ? (
        <>
          <p className="form-error" role="alert">
            {entry.error.message}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : loading ? (
        <p className="muted" role="status">
          Loading the entry…
        </p>
      ) : (
        <EntryForm target={target} entry={entry.data ?? null} task={picked} onClose={onClose} />
      )}
    </Dialog>
  );
}

function initialDraft(target: EntryDialogTarget, entry: TimeEntry | null, task: PickedTask | null, time: ZonedTime): Draft {
  if (target.kind === 'add' || entry === null) {
    const add = target.kind === 'add' ? target : null;
    return {
      who: whoOf(add?.worker ?? 'me', add?.technicianId ?? null),
      day: add?.day ?? time.today,
      start: add?.start ?? '',
      end: '',
      duration: '',
      categoryId: add?.categoryId === null || add === null ? '' : String(add.categoryId),
      task: add?.task ?? null,
      note: '',
      unplanned: false,
    };
  }
  return {
    who: whoOf(entry.worker, entry.technicianId),
    day: entry.startDay,
    start: time.clockOf(entry.startAt),
    end: entry.endAt === null ? '' : time.clockOf(entry.endAt),
    duration: '',
    categoryId: String(entry.categoryId),
    task,
    note: entry.note,
    unplanned: entry.unplanned,
  };
}

function EntryForm({ target, entry, task, onClose }: { target: EntryDialogTarget; entry: TimeEntry | null; task: PickedTask | null; onClose: () => void }) {
  const time = useTime();
  const { active, byId } = useCategories();
  const msp = useCallQuery('msp:get', []);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(target, entry, task, time));
  const [splitAt, setSplitAt] = useState('');
  const form = useFormErrors(SHOWN_FIELDS);
  const { errors } = form;
  const create = useCallMutation('timeEntries:create');
  const update = useCallMutation('timeEntries:update');
  const split = useCallMutation('timeEntries:split');
  const actions = useEntryActions();
  const toasts = useToasts();
  const running = entry !== null && entry.endAt === null;
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const technicians = (msp.data?.technicians ?? []).filter((technician) => !technician.archived || draft.who === `t:${technician.id}`);
  const category = draft.categoryId === '' ? undefined : byId.get(Number(draft.categoryId));
  const categories = category && category.archived ? [...active, category] : active;
  const hint = running ? null : entryTimeHint(draft, time);

  const failed = (caught: unknown) =>
    form.fail(caught, {
      fields: (fields) => ({ ...fields, who: fields.technicianId ?? fields.worker }),
      alsoMessageOn: 'CONFLICT',
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    let startAt: number | null = null;
    let endAt: number | null = null;
    if (running) {
      if (CLOCK.test(draft.start)) startAt = time.instantAt(draft.day, draft.start);
      else found.startAt = 'Enter a start time';
    } else {
      const times = resolveEntryTimes(draft, time.timeZone);
      if (times.ok) ({ startAt, endAt } = times);
      else Object.assign(found, times.errors);
    }
    if (draft.categoryId === '') found.categoryId = 'Choose a category: every hour is counted in one';
    if (startAt !== null && startAt > time.now()) found.startAt = futureEntryMessage(`${time.formatDay(time.dayOf(startAt))} at ${time.formatTime(startAt)}`);
    if (Object.values(found).some(Boolean) || startAt === null) {
      form.set(found);
      return;
    }
    const fields = {
      ...workerOf(draft.who),
      categoryId: Number(draft.categoryId),
      taskId: draft.task?.id ?? null,
      startAt,
      note: draft.note,
      unplanned: draft.unplanned,
    };
    try {
      if (entry === null) {
        await create.mutateAsync({ ...fields, endAt: endAt! });
        toasts.show(`Logged ${formatDuration((endAt! - startAt) / 60_000)} on ${time.formatDay(draft.day)}`);
      } else {
        await update.mutateAsync({ id: entry.id, ...fields, ...(running ? {} : { endAt: endAt! }) });
      }
      onClose();
    } catch (caught) {
      failed(caught);
    }
  };

  const splitEntry = async () => {
    if (entry === null || entry.endAt === null) return;
    if (!CLOCK.test(splitAt)) {
      form.set({ at: 'Enter the time to split at' });
      return;
    }
    // A time earlier than the start is after midnight, inside work that ran into the next day.
    let at = time.instantAt(entry.startDay, splitAt);
    if (at <= entry.startAt) at = time.instantAt(addDays(entry.startDay, 1), splitAt);
    try {
      await split.mutateAsync({ id: entry.id, at });
      toasts.show(`Split the entry at ${time.formatTime(at)}`);
      onClose();
    } catch (caught) {
      failed(caught);
    }
  };

  const remove = async () => {
    if (entry === null) return;
    if (await actions.deleteEntries([entry])) onClose();
  };

  // The entry loads after the dialog opens: her focus goes to its first field then, not to the page behind.
  const formRef = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (!formRef.current?.contains(document.activeElement)) formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);

  return (
    <form ref={formRef} onSubmit={save} noValidate aria-label={entry === null ? 'New time entry' : 'Edit time entry'}>
      <div className="field-row">
        <Field label="Who" error={errors.who}>
          <select value={draft.who} disabled={running} onChange={(event) => change({ who: event.target.value as Who })}>
            <option value="me">Me</option>
            <option value="msp">MSP team</option>
            {technicians.map((technician) => (
              <option key={technician.id} value={`t:${technician.id}`}>
                MSP · {technician.name}
                {technician.archived ? ' (former)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Category" error={errors.categoryId}>
          <CategorySelect value={draft.categoryId} onChange={(categoryId) => change({ categoryId })} categories={categories} emptyLabel="Choose…" />
        </Field>
        <Field label="Task" error={errors.taskId} className="wide" hint="optional: the entry counts toward it">
          <TaskPicker
            value={draft.task}
            onChange={(picked) =>
              change({ task: picked, ...(picked?.categoryId != null && draft.categoryId === '' ? { categoryId: String(picked.categoryId) } : {}) })
            }
          />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Day" error={errors.day}>
          <input type="date" value={draft.day} max={time.today} disabled={running} onChange={(event) => change({ day: event.target.value })} />
        </Field>
        <Field label="From" error={errors.startAt}>
          <input type="time" value={draft.start} onChange={(event) => change({ start: event.target.value })} />
        </Field>
        <Field label="To" error={errors.endAt} hint={running ? 'running' : hint && draft.end !== '' ? hint : undefined}>
          <input type="time" value={draft.end} disabled={running} onChange={(event) => change({ end: event.target.value })} />
        </Field>
        <Field label="Duration" error={errors.duration} hint={!running && hint && draft.end === '' ? hint : 'or an end time'}>
          <input type="text" size={8} placeholder="1h 30m" value={draft.duration} disabled={running} onChange={(event) => change({ duration: event.target.value })} />
        </Field>
      </div>
      <Field label="Note" error={errors.note}>
        <textarea rows={2} maxLength={2000} value={draft.note} onChange={(event) => change({ note: event.target.value })} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={draft.unplanned} onChange={(event) => change({ unplanned: event.target.checked })} />
        Unplanned (an interrupt)
      </label>
      <FormError form={form} />
      {entry !== null && !running && (
        <div className="split-row">
          <Field label="Split at" error={errors.at} hint="both parts keep the category, task and note">
            <input type="time" value={splitAt} onChange={(event) => setSplitAt(event.target.value)} />
          </Field>
          <button type="button" className="button" disabled={split.isPending} onClick={() => void splitEntry()}>
            Split
          </button>
        </div>
      )}
      <div className="dialog-actions">
        {entry !== null && !running && (
          <button type="button" className="button button-danger push-left" onClick={() => void remove()}>
            Delete<span className="visually-hidden"> this entry</span>
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={create.isPending || update.isPending}>
          {entry === null ? 'Log time' : 'Save'}
        </button>
      </div>
    </form>
  );
}
