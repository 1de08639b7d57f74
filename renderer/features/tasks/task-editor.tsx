import { useState, type FormEvent } from 'react';
import type { Task, TaskStatus } from '../../../shared/domain/types';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useCategories } from '../categories/use-categories';
import { draftFromTask, draftToFields, type TaskDraft } from './task-draft';
import { CoreTaskFields } from './task-fields';

const STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting: 'Waiting',
  done: 'Done',
};

/** Opens the editor on the whole task: list rows carry only a preview of the notes. */
export function TaskEditorLoader({ id, onClose }: { id: number; onClose: () => void }) {
  const task = useCallQuery('tasks:get', [{ id }], { staleTime: 0 });
  if (task.isError) {
    return (
      <p className="form-error" role="alert">
        {task.error.message}
      </p>
    );
  }
  return task.data ? <TaskEditor task={task.data} onClose={onClose} /> : null;
}

/** The full editor, in a modal dialog; Escape or Cancel leaves the task as it was. */
export function TaskEditor({ task, onClose }: { task: Task; onClose: () => void }) {
  const [draft, setDraft] = useState<TaskDraft>(() => draftFromTask(task));
  const form = useFormErrors();
  const { errors } = form;
  const categories = useCategories();
  const update = useCallMutation('tasks:update');

  const change = (patch: Partial<TaskDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const selectable = categories.data?.filter((category) => !category.archived || category.id === task.categoryId) ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const converted = draftToFields(draft);
    if ('errors' in converted) {
      form.set(converted.errors);
      return;
    }
    form.reset();
    try {
      await update.mutateAsync({ id: task.id, ...converted.fields, status: draft.status });
      onClose();
    } catch (caught) {
      form.fail(caught);
    }
  };

  return (
    <Dialog title="Edit task" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormError form={form} />
        <Field label="Title" error={errors.title}>
          <input type="text" value={draft.title} onChange={(event) => change({ title: event.target.value })} maxLength={500} />
        </Field>
        <div className="field-row">
          <CoreTaskFields draft={draft} onChange={change} errors={errors} categories={selectable} />
        </div>
        <div className="field-row">
          <Field label="Planned day" error={errors.plannedDay}>
            <input type="date" value={draft.plannedDay} onChange={(event) => change({ plannedDay: event.target.value })} />
          </Field>
          <Field label="Status">
            <select value={draft.status} onChange={(event) => change({ status: event.target.value as TaskStatus })}>
              {Object.entries(STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={draft.unplanned} onChange={(event) => change({ unplanned: event.target.checked })} />
            Unplanned (interrupt or emergency)
          </label>
        </div>
        <Field label="Notes" error={errors.notes}>
          <textarea rows={5} value={draft.notes} onChange={(event) => change({ notes: event.target.value })} />
        </Field>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
