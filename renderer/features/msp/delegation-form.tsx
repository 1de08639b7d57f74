import { useState, type FormEvent } from 'react';
import type { DelegationPreview } from '../../../shared/api/views';
import type { Category } from '../../../shared/domain/types';
import { call } from '../../api/client';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CategorySelect } from '../tasks/task-fields';

interface Draft {
  categoryId: string;
  startDay: string;
  endDay: string;
  estimateHours: string;
  note: string;
}

/**
 * Delegate a category: she first sees which of her open tasks will move to the MSP, keeps any she
 * wants, then confirms. Nothing changes until she does.
 */
export function DelegationForm({ categories }: { categories: Category[] }) {
  const time = useTime();
  const { today } = time;
  const [draft, setDraft] = useState<Draft>({ categoryId: '', startDay: today, endDay: '', estimateHours: '', note: '' });
  const [preview, setPreview] = useState<DelegationPreview | null>(null);
  const [keep, setKeep] = useState<Set<number>>(new Set());
  const form = useFormErrors();
  const { errors } = form;
  const create = useCallMutation('delegations:create');
  const toasts = useToasts();
  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setPreview(null);
  };

  const estimateMinutes = (): number | null | 'invalid' => {
    if (draft.estimateHours.trim() === '') return null;
    const hours = Number(draft.estimateHours.replace(',', '.'));
    return Number.isFinite(hours) && hours >= 0 && hours <= 168 ? Math.round(hours * 60) : 'invalid';
  };

  const review = async (event: FormEvent) => {
    event.preventDefault();
    form.reset();
    if (draft.categoryId === '') {
      form.set({ categoryId: 'Choose the category to hand off' });
      return;
    }
    if (estimateMinutes() === 'invalid') {
      form.set({ estimatedWeeklyMinutes: 'Hours per week, from 0 to 168' });
      return;
    }
    try {
      const result = await call('delegations:preview', {
        categoryId: Number(draft.categoryId),
        startDay: draft.startDay,
        endDay: draft.endDay === '' ? null : draft.endDay,
      });
      if (result.conflict) {
        form.set({ startDay: result.conflict });
        return;
      }
      setKeep(new Set());
      setPreview(result);
    } catch (caught) {
      form.fail(caught);
    }
  };

  const confirm = async () => {
    const estimate = estimateMinutes();
    try {
      const result = await create.mutateAsync({
        categoryId: Number(draft.categoryId),
        startDay: draft.startDay,
        endDay: draft.endDay === '' ? null : draft.endDay,
        estimatedWeeklyMinutes: estimate === 'invalid' ? null : estimate,
        note: draft.note,
        keepTaskIds: [...keep],
      });
      const name = categories.find((category) => category.id === Number(draft.categoryId))?.name ?? 'The category';
      toasts.show(
        `${name} is delegated from ${draft.startDay}${result.movedTasks > 0 ? `; ${result.movedTasks} task${result.movedTasks === 1 ? '' : 's'} moved to the MSP` : ''}.`,
      );
      setPreview(null);
      setDraft({ categoryId: '', startDay: today, endDay: '', estimateHours: '', note: '' });
    } catch (caught) {
      setPreview(null);
      form.fail(caught);
    }
  };

  return (
    <form className="card stack" onSubmit={review} noValidate aria-label="Delegate a category">
      <h2>Delegate a category</h2>
      <FormError form={form} />
      <div className="field-row">
        <Field label="Category" error={errors.categoryId}>
          <CategorySelect value={draft.categoryId} onChange={(categoryId) => change({ categoryId })} categories={categories} emptyLabel="Choose a category…" />
        </Field>
        <Field label="From" error={errors.startDay}>
          <input type="date" value={draft.startDay} onChange={(event) => change({ startDay: event.target.value })} />
        </Field>
        <Field label="Until (optional)" error={errors.endDay} hint="Empty: until you take it back">
          <input type="date" value={draft.endDay} onChange={(event) => change({ endDay: event.target.value })} />
        </Field>
        <Field label="Your hours a week now (optional)" error={errors.estimatedWeeklyMinutes} hint="Used when you have no logged hours">
          <input type="text" inputMode="decimal" size={6} value={draft.estimateHours} onChange={(event) => change({ estimateHours: event.target.value })} />
        </Field>
      </div>
      <Field label="Note (optional)">
        <input type="text" value={draft.note} maxLength={2000} onChange={(event) => change({ note: event.target.value })} />
      </Field>
      {preview === null ? (
        <div>
          <button type="submit" className="button button-primary">
            Review the handoff
          </button>
        </div>
      ) : (
        <div className="stack" aria-live="polite">
          {preview.tasks.length === 0 ? (
            <p>None of your open tasks fall in this period; new ones in this category will go to the MSP.</p>
          ) : (
            <fieldset className="plain-fieldset">
              <legend>
                {preview.tasks.length} open task{preview.tasks.length === 1 ? '' : 's'} will move to the MSP. Tick any you keep:
              </legend>
              <ul className="check-list">
                {preview.tasks.map((task) => (
                  <li key={task.id}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={keep.has(task.id)}
                        onChange={(event) =>
                          setKeep((current) => {
                            const next = new Set(current);
                            if (event.target.checked) next.add(task.id);
                            else next.delete(task.id);
                            return next;
                          })
                        }
                      />
                      Keep “{task.title}”
                      {(task.plannedDay ?? task.dueDay) && <span className="muted"> · {time.describeDue((task.plannedDay ?? task.dueDay)!).text}</span>}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <div className="toolbar">
            <button type="button" className="button button-primary" onClick={() => void confirm()} disabled={create.isPending}>
              Delegate{preview.tasks.length - keep.size > 0 ? ` and move ${preview.tasks.length - keep.size}` : ''}
            </button>
            <button type="button" className="button" onClick={() => setPreview(null)}>
              Change
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
