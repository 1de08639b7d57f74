import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/errors';
import type { Task, TaskStatus } from '../../../shared/domain/types';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Field } from '../../ui/field';
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
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<TaskDraft>(() => draftFromTask(task));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const categories = useCategories();
  const update = useCallMutation('tasks:update');

  useEffect(() => {
    const node = dialog.current;
    node?.showModal();
    return () => node?.close();
  }, []);

  const change = (patch: Partial<TaskDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const selectable = categories.data?.filter((category) => !category.archived || category.id === task.categoryId) ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const converted = draftToFields(draft);
    if ('errors' in converted) {
      setErrors(converted.errors);
      return;
    }
    setErrors({});
    setFormError(null);
    try {
      await update.mutateAsync({ id: task.id, ...converted.fields, status: draft.status });
      onClose();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors());
        setFormError(error.message);
      } else throw error;
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="task-editor-title" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="task-editor-title">Edit task</h2>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
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
    </dialog>
  );
}
