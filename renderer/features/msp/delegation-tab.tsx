import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../../shared/api/errors';
import { delegationOn, type Delegation } from '../../../shared/domain/delegation';
import type { Baseline } from '../../../shared/domain/hours-reclaimed';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/empty-state';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useTime } from '../../ui/time';
import { formatHours } from '../../ui/format-figures';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { DelegationForm } from './delegation-form';
import { WhatIfPanel } from './what-if';

export function DelegationTab() {
  const report = useCallQuery('reclaimed:report', [{ weeks: 1 }]);
  const { active, byId } = useCategories();
  const { today } = useTime();
  const delegations = report.data?.delegations ?? [];
  const baselines = new Map((report.data?.baselines ?? []).map((baseline) => [baseline.delegationId, baseline]));
  const available = active.filter((category) => !delegationOn(delegations, category.id, today));
  const history = [...delegations].sort((a, b) => (a.startDay < b.startDay ? 1 : -1));

  return (
    <div className="stack">
      <DelegationForm categories={available} />
      <WhatIfPanel />
      <section aria-labelledby="delegations-title" className="stack">
        <h2 id="delegations-title">Delegations</h2>
        {history.length === 0 ? (
          <EmptyState title="Nothing delegated yet">
            <p>
              Hand a whole category — desktop support, server patching, first-line calls — to the MSP from a date. Offload then
              measures your baseline and shows the hours you get back in Insights.
            </p>
          </EmptyState>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">Every delegation, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
                <th scope="col" className="number">Baseline</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {history.map((delegation) => (
                <DelegationRow
                  key={delegation.id}
                  delegation={delegation}
                  baseline={baselines.get(delegation.id)}
                  categoryName={byId.get(delegation.categoryId)?.name ?? 'Category'}
                  chip={<CategoryChip category={byId.get(delegation.categoryId)} />}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function BaselineCell({ baseline }: { baseline: Baseline | undefined }) {
  if (!baseline) return <>—</>;
  if (baseline.source === 'missing') {
    return (
      <span className="badge badge-warning" title="No logged hours and no estimate: nothing can be reclaimed">
        0 h — add an estimate
      </span>
    );
  }
  return (
    <>
      {formatHours(baseline.weeklyHours)}/week{' '}
      <span className="badge">{baseline.source === 'measured' ? `measured, ${baseline.windowWeeks.length} wk` : 'estimated'}</span>
    </>
  );
}

function DelegationRow({
  delegation,
  baseline,
  categoryName,
  chip,
}: {
  delegation: Delegation;
  baseline: Baseline | undefined;
  categoryName: string;
  chip: ReactNode;
}) {
  const [mode, setMode] = useState<'view' | 'end' | 'edit'>('view');
  const remove = useCallMutation('delegations:delete');
  const restore = useCallMutation('delegations:restore');
  const toasts = useToasts();
  const { today, formatDay } = useTime();
  const running = delegation.startDay <= today && (delegation.endDay === null || delegation.endDay >= today);

  const onDelete = () =>
    remove.mutate(
      { id: delegation.id },
      {
        onSuccess: () =>
          toasts.show(`Deleted the ${categoryName} delegation from ${formatDay(delegation.startDay)}`, {
            group: 'delegation-deleted',
            plural: (count) => `Deleted ${count} delegations`,
            action: {
              label: 'Undo',
              run: () => restore.mutate({ id: delegation.id }, { onError: (error) => toasts.show(error.message, { tone: 'error' }) }),
            },
          }),
        onError: (error) => toasts.show(error.message, { tone: 'error' }),
      },
    );

  return (
    <>
      <tr>
        <td>{chip}</td>
        <td>{formatDay(delegation.startDay)}</td>
        <td>{delegation.endDay ? formatDay(delegation.endDay) : running ? 'until taken back' : 'open-ended'}</td>
        <td className="number">
          <BaselineCell baseline={baseline} />
        </td>
        <td>
          <div className="toolbar">
            {running && (
              <button type="button" className="button button-small" onClick={() => setMode(mode === 'end' ? 'view' : 'end')}>
                Take back<span className="visually-hidden"> {categoryName}</span>
              </button>
            )}
            <button type="button" className="button button-small" onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}>
              Edit<span className="visually-hidden"> the {categoryName} delegation from {formatDay(delegation.startDay)}</span>
            </button>
            <button type="button" className="button button-small button-danger" onClick={onDelete}>
              Delete<span className="visually-hidden"> the {categoryName} delegation from {formatDay(delegation.startDay)}</span>
            </button>
          </div>
        </td>
      </tr>
      {mode !== 'view' && (
        <tr>
          <td colSpan={5}>
            {mode === 'end' ? (
              <TakeBackForm delegation={delegation} categoryName={categoryName} onDone={() => setMode('view')} />
            ) : (
              <EditDelegationForm delegation={delegation} categoryName={categoryName} onDone={() => setMode('view')} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function TakeBackForm({ delegation, categoryName, onDone }: { delegation: Delegation; categoryName: string; onDone: () => void }) {
  const { today, formatDay } = useTime();
  const [endDay, setEndDay] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const end = useCallMutation('delegations:end');
  const toasts = useToasts();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await end.mutateAsync({ id: delegation.id, endDay });
      toasts.show(
        `${categoryName} is yours again after ${formatDay(endDay)}${result.returnedTasks > 0 ? `; ${result.returnedTasks} open task${result.returnedTasks === 1 ? '' : 's'} came back to you` : ''}.`,
      );
      onDone();
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught.forField('endDay') ?? caught.message);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={`Take back ${categoryName}`}>
      <Field label="Last day delegated" error={error}>
        <input type="date" value={endDay} min={delegation.startDay} onChange={(event) => setEndDay(event.target.value)} />
      </Field>
      <button type="submit" className="button button-primary" disabled={end.isPending}>
        Take back
      </button>
      <button type="button" className="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

/** What the edit form has controls for; a message about anything else shows at the top. */
const EDITED_FIELDS = ['startDay', 'endDay', 'estimatedWeeklyMinutes'];

function EditDelegationForm({ delegation, categoryName, onDone }: { delegation: Delegation; categoryName: string; onDone: () => void }) {
  const [startDay, setStartDay] = useState(delegation.startDay);
  const [endDay, setEndDay] = useState(delegation.endDay ?? '');
  const [estimate, setEstimate] = useState(delegation.estimatedWeeklyMinutes === null ? '' : String(delegation.estimatedWeeklyMinutes / 60));
  const form = useFormErrors(EDITED_FIELDS);
  const { errors } = form;
  const update = useCallMutation('delegations:update');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const hours = estimate.trim() === '' ? null : Number(estimate.replace(',', '.'));
    if (hours !== null && !(Number.isFinite(hours) && hours >= 0 && hours <= 168)) {
      form.set({ estimatedWeeklyMinutes: 'Hours per week, from 0 to 168' });
      return;
    }
    try {
      await update.mutateAsync({
        id: delegation.id,
        startDay,
        endDay: endDay === '' ? null : endDay,
        estimatedWeeklyMinutes: hours === null ? null : Math.round(hours * 60),
        note: delegation.note,
      });
      onDone();
    } catch (caught) {
      form.fail(caught);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={`Edit the ${categoryName} delegation`}>
      <Field label="From" error={errors.startDay}>
        <input type="date" value={startDay} onChange={(event) => setStartDay(event.target.value)} />
      </Field>
      <Field label="Until" error={errors.endDay}>
        <input type="date" value={endDay} onChange={(event) => setEndDay(event.target.value)} />
      </Field>
      <Field label="Estimate, hours a week" error={errors.estimatedWeeklyMinutes}>
        <input type="text" inputMode="decimal" size={6} value={estimate} onChange={(event) => setEstimate(event.target.value)} />
      </Field>
      <button type="submit" className="button button-primary" disabled={update.isPending}>
        Save
      </button>
      <button type="button" className="button" onClick={onDone}>
        Cancel
      </button>
      <FormError form={form} />
    </form>
  );
}
