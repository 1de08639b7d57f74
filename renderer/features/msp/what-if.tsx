import { useMemo, useState, type FormEvent } from 'react';
import { contractForMonth, monthOf } from '../../../shared/domain/cost';
import { delegationOn } from '../../../shared/domain/delegation';
import { whatIf } from '../../../shared/domain/what-if';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useToasts } from '../../ui/toasts';
import { formatHours, formatMoney } from '../../ui/format-figures';
import { useTime } from '../../ui/time';
import { useCategories } from '../categories/use-categories';

/**
 * Before delegating: pick categories and see her average week with them handed off, and what it
 * costs; then delegate the ticked ones in one step. Categories already delegated today are not
 * offered again.
 */
export function WhatIfPanel() {
  const averages = useCallQuery('reclaimed:averages', []);
  const setup = useCallQuery('msp:get', []);
  const settings = useCallQuery('settings:get', []);
  const delegations = useCallQuery('delegations:list', []);
  const { byId } = useCategories();
  const [ticked, setTicked] = useState<number[]>([]);
  const [delegating, setDelegating] = useState(false);
  const { today } = useTime();
  const delegatedNow = (categoryId: number) => delegationOn(delegations.data ?? [], categoryId, today) !== undefined;
  // A category delegated since she ticked it drops out of the selection.
  const selected = ticked.filter((categoryId) => !delegatedNow(categoryId));
  const setSelected = setTicked;

  const result = useMemo(() => {
    if (!averages.data || !settings.data) return null;
    return whatIf({
      averageWeeklyHours: new Map(averages.data.categories.map((entry) => [entry.categoryId, entry.hours])),
      windowWeeks: averages.data.windowWeeks.length,
      selectedCategoryIds: selected,
      oversightShare: settings.data.oversightShare,
      contract: setup.data ? contractForMonth(setup.data.contracts, monthOf(today)) : undefined,
      costs: settings.data,
    });
  }, [averages.data, settings.data, setup.data, selected, today]);

  if (!averages.data || !settings.data || !result) return null;
  const currency = settings.data.currency;
  const weeks = averages.data.windowWeeks.length;
  const all = [...averages.data.categories].sort((a, b) => b.hours - a.hours);
  const rows = all.filter((entry) => !delegatedNow(entry.categoryId));
  const alreadyDelegated = all.filter((entry) => delegatedNow(entry.categoryId)).map((entry) => byId.get(entry.categoryId)?.name ?? `Category ${entry.categoryId}`);

  return (
    <section className="card stack" aria-labelledby="what-if-title">
      <div className="section-title">
        <h2 id="what-if-title">What if you hand off…</h2>
        {weeks > 0 && (
          <span className="muted">
            your average over the last {weeks} full week{weeks === 1 ? '' : 's'}
          </span>
        )}
      </div>
      {weeks === 0 || all.length === 0 ? (
        <p className="muted">
          Once you have logged a full week of time, this shows your average week by category and what handing some of it to
          the MSP would give you back.
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">Every category you logged time in is already delegated today.</p>
      ) : (
        <>
          <fieldset className="plain-fieldset">
            <legend className="visually-hidden">Categories to hand off</legend>
            <ul className="check-list columns">
              {rows.map((entry) => (
                <li key={entry.categoryId}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={selected.includes(entry.categoryId)}
                      onChange={(event) =>
                        setSelected((current) =>
                          event.target.checked ? [...current, entry.categoryId] : current.filter((id) => id !== entry.categoryId),
                        )
                      }
                    />
                    {byId.get(entry.categoryId)?.name ?? `Category ${entry.categoryId}`}
                    <span className="muted"> · {formatHours(entry.hours)}/week</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {alreadyDelegated.length > 0 && <p className="muted">Already with the MSP today, so not offered: {alreadyDelegated.join(', ')}.</p>}
          <p className="what-if-headline" aria-live="polite">
            Your average week: <strong>{formatHours(result.averageWeekNow)}</strong>
            {selected.length > 0 && (
              <>
                {' '}
                → <strong>{formatHours(result.averageWeekAfter)}</strong>, plus about {formatHours(result.oversightWeekly)} overseeing the MSP
              </>
            )}
          </p>
          {selected.length > 0 && (
            <div className="figures">
              <Figure label="Hours back a year (net)" value={formatHours(result.netReclaimedPerYear, 0)} note={`worth ${formatMoney(result.netReclaimedValuePerYear, currency)} of your time`} />
              <Figure
                label="MSP cost a year"
                value={result.mspAnnualCost === null ? '—' : formatMoney(result.mspAnnualCost, currency)}
                note={result.mspAnnualCost === null ? 'add the contract in the Contract tab' : 'if they spend the hours you spend now'}
              />
              <Figure label="Cost of a hire a year" value={formatMoney(result.hireAnnualCost, currency)} note="salary plus overhead" />
            </div>
          )}
          {selected.length > 0 && (
            <div>
              <button type="button" className="button button-primary" onClick={() => setDelegating(true)}>
                Delegate {selected.length === 1 ? (byId.get(selected[0]!)?.name ?? 'it') : `these ${selected.length} categories`}…
              </button>
            </div>
          )}
        </>
      )}
      {delegating && (
        <DelegateTicked
          categoryIds={selected}
          names={selected.map((categoryId) => byId.get(categoryId)?.name ?? `Category ${categoryId}`)}
          onClose={() => setDelegating(false)}
          onDone={() => {
            setDelegating(false);
            setTicked([]);
          }}
        />
      )}
    </section>
  );
}

/** The ticked categories, delegated for one period in one call; a clash names the category. */
function DelegateTicked({ categoryIds, names, onClose, onDone }: { categoryIds: number[]; names: string[]; onClose: () => void; onDone: () => void }) {
  const time = useTime();
  const [startDay, setStartDay] = useState(time.today);
  const [endDay, setEndDay] = useState('');
  const form = useFormErrors();
  const create = useCallMutation('delegations:createMany');
  const toasts = useToasts();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.reset();
    try {
      const { movedTasks } = await create.mutateAsync({ categoryIds, startDay, endDay: endDay === '' ? null : endDay });
      toasts.show(
        `Delegated ${names.join(', ')} from ${time.formatDay(startDay)}${movedTasks > 0 ? `: ${movedTasks} open task${movedTasks === 1 ? '' : 's'} moved to the MSP` : ''}`,
      );
      onDone();
    } catch (caught) {
      form.fail(caught, { alsoMessageOn: 'CONFLICT' });
    }
  };
  return (
    <Dialog title={`Delegate ${names.join(', ')}?`} onClose={onClose}>
      <form className="stack" onSubmit={(event) => void submit(event)} aria-label="Delegate the ticked categories" noValidate>
        <FormError form={form} />
        <p>
          Their open tasks from the first day move to the MSP. To keep particular tasks yourself, delegate one category at a time in the
          Delegations tab, where you review them first.
        </p>
        <div className="field-row">
          <Field label="From" error={form.errors.startDay ?? form.errors.categoryIds}>
            <input type="date" data-autofocus value={startDay} onChange={(event) => setStartDay(event.target.value)} />
          </Field>
          <Field label="Until (optional)" error={form.errors.endDay}>
            <input type="date" value={endDay} min={startDay} onChange={(event) => setEndDay(event.target.value)} />
          </Field>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Delegate {names.length === 1 ? names[0] : `${names.length} categories`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function Figure({ label, value, note, tone }: { label: string; value: string; note?: string | undefined; tone?: 'negative' }) {
  return (
    <div className="figure">
      <div className="figure-label">{label}</div>
      <div className={`figure-value${tone === 'negative' ? ' negative' : ''}`}>{value}</div>
      {note && <div className="figure-note">{note}</div>}
    </div>
  );
}
