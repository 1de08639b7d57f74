import { use, useState, type FormEvent } from 'react';
import type { RecurringSeries, SeriesChange } from '../../../shared/api/contract-recurring';
import { parseDuration } from '../../../shared/domain/duration';
import type { Category, Priority } from '../../../shared/domain/types';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CategorySelect, PRIORITY_LABELS } from '../tasks/task-fields';
import { RuleFields, RulePreview } from './rule-fields';
import { draftFromSeries, loadRecurrence, newDraft, OWNER_LABELS, plural, ruleFromDraft, updatedMessage, type Draft } from './series-draft';

interface SeriesFormProps {
  series: RecurringSeries | null;
  categories: Category[];
  allCategories: Category[];
  onClose: () => void;
}

/** A new series, or the whole series being edited; it suspends until the rule builder has loaded. */
export function SeriesForm({ series, categories, allCategories, onClose }: SeriesFormProps) {
  const recurrence = use(loadRecurrence());
  const time = useTime();
  const today = time.today;
  const [draft, setDraft] = useState<Draft>(() => (series ? draftFromSeries(recurrence, series) : newDraft(recurrence, today)));
  const form = useFormErrors();
  const { errors } = form;
  const create = useCallMutation('recurring:create');
  const update = useCallMutation('recurring:update');
  const toasts = useToasts();
  const saving = create.isPending || update.isPending;

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    form.reset();
  };

  const rule = ruleFromDraft(draft);
  // An archived category stays choosable for the series that already uses it.
  const current = series?.categoryId != null ? allCategories.find((category) => category.id === series.categoryId) : undefined;
  const choosable = current?.archived ? [...categories, current] : categories;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (draft.title.trim() === '') problems.title = 'Give the task a title';
    const estimate = draft.estimate.trim() === '' ? null : parseDuration(draft.estimate);
    if (draft.estimate.trim() !== '' && (estimate === null || estimate < 1)) problems.estimateMinutes = 'Write a duration such as 30m or 1.5h';
    if (draft.start === '') problems['rule.start'] = 'Choose the day the series starts';
    else {
      const problem = recurrence.ruleProblem(rule);
      if (problem) problems[`rule.${problem.field}`] = problem.message;
    }
    if (Object.keys(problems).length > 0) {
      form.set(problems);
      return;
    }
    const fields = {
      title: draft.title,
      notes: draft.notes,
      categoryId: draft.categoryId === '' ? null : Number(draft.categoryId),
      owner: draft.owner === '' ? null : draft.owner,
      estimateMinutes: estimate,
      priority: Number(draft.priority) as Priority,
      rule,
      skipIfOpen: draft.skipIfOpen,
    };
    try {
      const result: SeriesChange = series
        ? await update.mutateAsync({ id: series.id, scope: 'series', ...fields })
        : await create.mutateAsync(fields);
      toasts.show(series ? updatedMessage(result) : `“${result.series.title}” created with ${plural(result.created, 'occurrence')} in the next 60 days.`);
      onClose();
    } catch (caught) {
      form.fail(caught);
    }
  };

  return (
    <form className="card stack recurring-form" onSubmit={submit} noValidate aria-label={series ? `Edit the series ${series.title}` : 'New recurring task'}>
      <h3>{series ? 'Edit the series' : 'New recurring task'}</h3>
      <FormError form={form} />
      <div className="field-row">
        <Field label="Title" error={errors.title} className="grow">
          <input type="text" value={draft.title} maxLength={500} placeholder="e.g. Patch servers" onChange={(event) => change({ title: event.target.value })} />
        </Field>
        <Field label="Category" error={errors.categoryId}>
          <CategorySelect value={draft.categoryId} onChange={(categoryId) => change({ categoryId })} categories={choosable} />
        </Field>
        <Field label="Estimate" error={errors.estimateMinutes}>
          <input type="text" size={8} placeholder="30m, 1.5h" value={draft.estimate} onChange={(event) => change({ estimate: event.target.value })} />
        </Field>
        <Field label="Priority" error={errors.priority}>
          <select value={draft.priority} onChange={(event) => change({ priority: event.target.value })}>
            {PRIORITY_LABELS.map((label, value) => (
              <option key={label} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Goes to" error={errors.owner}>
          <select value={draft.owner} onChange={(event) => change({ owner: event.target.value as Draft['owner'] })}>
            {Object.entries(OWNER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <RuleFields recurrence={recurrence} draft={draft} change={change} errors={errors} editing={series !== null} />

      <Field label="Notes (optional)" error={errors.notes} className="grow">
        <input type="text" value={draft.notes} maxLength={20_000} onChange={(event) => change({ notes: event.target.value })} />
      </Field>

      <label className="checkbox">
        <input type="checkbox" checked={draft.skipIfOpen} onChange={(event) => change({ skipIfOpen: event.target.checked })} />
        Skip an occurrence when its day comes and the previous one is still not done
      </label>

      <RulePreview recurrence={recurrence} rule={rule} today={today} formatDay={time.formatDay} errors={errors} />

      <div className="toolbar">
        <button type="submit" className="button button-primary" disabled={saving}>
          {series ? 'Save the series' : 'Create the series'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
