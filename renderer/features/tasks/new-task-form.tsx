import { useRef, useState, type FormEvent } from 'react';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useCategories } from '../categories/use-categories';
import { draftToFields, EMPTY_DRAFT, type TaskDraft } from './task-draft';
import { CoreTaskFields } from './task-fields';

/** The one-row form at the top of Tasks; the category stays for the next task, which is often alike. */
export function NewTaskForm() {
  const [draft, setDraft] = useState<TaskDraft>(EMPTY_DRAFT);
  const form = useFormErrors();
  const title = useRef<HTMLInputElement>(null);
  const categories = useCategories();
  const create = useCallMutation('tasks:create');

  const change = (patch: Partial<TaskDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const converted = draftToFields(draft);
    if ('errors' in converted) {
      form.set(converted.errors);
      return;
    }
    try {
      await create.mutateAsync(converted.fields);
      setDraft({ ...EMPTY_DRAFT, categoryId: draft.categoryId });
      form.reset();
      title.current?.focus();
    } catch (caught) {
      form.fail(caught);
    }
  };

  return (
    <form className="new-task card" onSubmit={submit} noValidate aria-label="New task">
      <Field label="New task" error={form.errors.title} className="grow">
        <input
          ref={title}
          type="text"
          placeholder="e.g. Renew the firewall licence"
          value={draft.title}
          onChange={(event) => change({ title: event.target.value })}
          maxLength={500}
        />
      </Field>
      <CoreTaskFields draft={draft} onChange={change} errors={form.errors} categories={categories.active} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Add task
      </button>
      <FormError form={form} />
    </form>
  );
}
