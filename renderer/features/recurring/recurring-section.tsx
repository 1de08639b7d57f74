import { Suspense, use, useState, type FormEvent } from 'react';
import type { RecurringSeries, SeriesChange } from '../../../shared/api/contract-recurring';
import { ApiError } from '../../../shared/api/errors';
import { dayOfWeek } from '../../../shared/domain/day';
import { formatDuration, parseDuration } from '../../../shared/domain/duration';
import type * as Recurrence from '../../../shared/domain/recurrence';
import type { Nth, RecurrenceKind, RecurrenceRule, WeekdayCode } from '../../../shared/domain/recurrence';
import type { Category, Owner, Priority } from '../../../shared/domain/types';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/empty-state';
import { Field } from '../../ui/field';
import { addDays } from '../../../shared/domain/day';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { CategorySelect, PRIORITY_LABELS } from '../tasks/task-fields';
import './recurring.css';

/** Series change tasks, and so every screen that shows tasks. */

/**
 * The rule builder needs rrule (about 14 KB gzipped): it is loaded when she first opens the form,
 * not with the Tasks screen. The list needs none of it: the main process sends each description.
 */
type RecurrenceModule = typeof Recurrence;
let recurrenceModule: Promise<RecurrenceModule> | null = null;
const loadRecurrence = () => (recurrenceModule ??= import('../../../shared/domain/recurrence'));

const OWNER_LABELS: Record<'' | Owner, string> = {
  '': 'Follows delegations',
  me: 'You, even when delegated',
  msp: 'The MSP',
};

const KIND_LABELS: Record<RecurrenceKind, string> = {
  daily: 'Every N days',
  weekly: 'Every N weeks on chosen days',
  monthlyDay: 'Monthly on a day of the month',
  monthlyNth: 'Monthly on the Nth weekday',
};

const INTERVAL_UNITS: Record<RecurrenceKind, string> = { daily: 'days', weekly: 'weeks', monthlyDay: 'months', monthlyNth: 'months' };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function RecurringSection() {
  const series = useCallQuery('recurring:list', []);
  const categories = useCategories();
  const [editing, setEditing] = useState<RecurringSeries | 'new' | null>(null);
  const { today } = useTime();
  const list = series.data ?? [];

  return (
    <section className="stack recurring" aria-labelledby="recurring-title">
      <div className="section-title">
        <h2 id="recurring-title">Recurring work</h2>
        {editing === null && (
          <button type="button" className="button button-small" onClick={() => setEditing('new')}>
            New recurring task
          </button>
        )}
      </div>
      <p className="muted recurring-intro">
        Patching, backup checks, licence renewals: each occurrence becomes a task 60 days ahead, so your week plan already shows it.
        Edit one occurrence as the task it is; editing the series leaves that one alone.
      </p>
      {editing !== null && (
        <Suspense fallback={<p className="card muted">Loading the rule builder…</p>}>
          <SeriesForm
            key={editing === 'new' ? 'new' : editing.id}
            series={editing === 'new' ? null : editing}
            categories={categories.active}
            allCategories={categories.data ?? []}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
      {series.error && (
        <p className="form-error" role="alert">
          {series.error.message}
        </p>
      )}
      {series.isSuccess && list.length === 0 && editing === null && (
        <EmptyState title="No recurring work yet">
          <p>
            Add the jobs that come back: “Patch servers” on the 3rd Wednesday, “Check backups” every Monday, “Renew licences” every 12
            months. Offload creates each one as a task ahead of time.
          </p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <SeriesTable
          list={list}
          today={today}
          categoryOf={(id) => (id === null ? undefined : categories.byId.get(id))}
          onEdit={(entry) => setEditing(entry)}
        />
      )}
    </section>
  );
}

interface TableProps {
  list: RecurringSeries[];
  today: string;
  categoryOf: (id: number | null) => Category | undefined;
  onEdit: (series: RecurringSeries) => void;
}

function SeriesTable({ list, today, categoryOf, onEdit }: TableProps) {
  const { formatDay } = useTime();
  const end = useCallMutation('recurring:end');
  const remove = useCallMutation('recurring:delete');
  const restore = useCallMutation('recurring:restore');
  const toasts = useToasts();

  const failed = (error: unknown) => toasts.show(error instanceof ApiError ? error.message : String(error), { tone: 'error' });
  const undo = (series: RecurringSeries) => ({
    label: 'Undo',
    run: () =>
      restore.mutateAsync({ id: series.id }).then(
        (result) => toasts.show(`“${series.title}” runs again${result.restored > 0 ? `; ${plural(result.restored, 'occurrence')} back` : ''}.`),
        failed,
      ),
  });

  const endAfterToday = async (series: RecurringSeries) => {
    try {
      const result = await end.mutateAsync({ id: series.id, fromDay: today });
      const removed = result.removed > 0 ? `; ${plural(result.removed, 'upcoming occurrence')} removed` : '';
      toasts.show(`“${series.title}” ends after today${removed}.`, { action: undo(series) });
    } catch (error) {
      failed(error);
    }
  };

  const deleteSeries = async (series: RecurringSeries) => {
    try {
      const result = await remove.mutateAsync({ id: series.id });
      const removed = result.removed > 0 ? `; ${plural(result.removed, 'open occurrence')} removed` : '';
      toasts.show(`“${series.title}” deleted${removed}. Done occurrences stay in your history.`, { action: undo(series) });
    } catch (error) {
      failed(error);
    }
  };

  return (
    <table className="data-table recurring-table">
      <caption className="visually-hidden">Recurring series</caption>
      <thead>
        <tr>
          <th scope="col">Work</th>
          <th scope="col">Category</th>
          <th scope="col">Next</th>
          <th scope="col">Goes to</th>
          <th scope="col" className="number">
            Open
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((series) => {
          const over = series.endDay !== null && series.endDay < today;
          return (
            <tr key={series.id} className={over ? 'recurring-ended' : undefined}>
              <td>
                <span className="recurring-title">{series.title}</span>
                <span className="recurring-rule muted">
                  {series.description}
                  {series.estimateMinutes !== null && ` · ${formatDuration(series.estimateMinutes)}`}
                  {series.skipIfOpen && ' · skipped while the previous one is open'}
                </span>
              </td>
              <td>
                <CategoryChip category={categoryOf(series.categoryId)} />
              </td>
              <td>
                {series.nextOccurrence !== null ? formatDay(series.nextOccurrence) : <span className="muted">—</span>}
                {series.endDay !== null && (
                  <span className="recurring-rule muted">
                    {over ? 'Ended' : 'Ends'} after {formatDay(series.endDay)}
                  </span>
                )}
              </td>
              <td>{OWNER_LABELS[series.owner ?? '']}</td>
              <td className="number">{series.openOccurrences}</td>
              <td>
                <div className="toolbar">
                  <button type="button" className="button button-small" onClick={() => onEdit(series)} aria-label={`Edit the series ${series.title}`}>
                    Edit
                  </button>
                  {series.endDay === null ? (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void endAfterToday(series)}
                      disabled={end.isPending}
                      aria-label={`End the series ${series.title} after today`}
                    >
                      End
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void undo(series).run()}
                      disabled={restore.isPending}
                      aria-label={`Resume the series ${series.title}`}
                    >
                      Resume
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-small button-danger"
                    onClick={() => void deleteSeries(series)}
                    disabled={remove.isPending}
                    aria-label={`Delete the series ${series.title}`}
                  >
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What the form holds: text as typed, turned into a rule and a call's input on save. */
interface Draft {
  title: string;
  notes: string;
  categoryId: string;
  estimate: string;
  priority: string;
  owner: '' | Owner;
  kind: RecurrenceKind;
  interval: string;
  weekdays: WeekdayCode[];
  monthDay: string;
  nth: string;
  weekday: WeekdayCode;
  start: string;
  until: string;
  skipIfOpen: boolean;
}

function weekdayOf(recurrence: RecurrenceModule, day: string): WeekdayCode {
  return recurrence.WEEKDAY_CODES[(dayOfWeek(day) + 6) % 7]!;
}

function newDraft(recurrence: RecurrenceModule, today: string): Draft {
  const weekday = weekdayOf(recurrence, today);
  return {
    title: '',
    notes: '',
    categoryId: '',
    estimate: '',
    priority: '0',
    owner: '',
    kind: 'weekly',
    interval: '1',
    weekdays: [weekday],
    monthDay: String(Number(today.slice(8, 10))),
    nth: '1',
    weekday,
    start: today,
    until: '',
    skipIfOpen: false,
  };
}

function draftFromSeries(recurrence: RecurrenceModule, series: RecurringSeries): Draft {
  const { rule } = series;
  const draft: Draft = {
    ...newDraft(recurrence, rule.start),
    title: series.title,
    notes: series.notes,
    categoryId: series.categoryId === null ? '' : String(series.categoryId),
    estimate: series.estimateMinutes === null ? '' : formatDuration(series.estimateMinutes),
    priority: String(series.priority),
    owner: series.owner ?? '',
    kind: rule.kind,
    interval: String(rule.interval),
    start: rule.start,
    until: rule.until ?? '',
    skipIfOpen: series.skipIfOpen,
  };
  switch (rule.kind) {
    case 'weekly':
      return { ...draft, weekdays: rule.weekdays };
    case 'monthlyDay':
      return { ...draft, monthDay: String(rule.monthDay) };
    case 'monthlyNth':
      return { ...draft, nth: String(rule.nth), weekday: rule.weekday };
    case 'daily':
      return draft;
  }
}

function ruleFromDraft(draft: Draft): RecurrenceRule {
  const base = { interval: Number(draft.interval), start: draft.start, until: draft.until === '' ? null : draft.until };
  switch (draft.kind) {
    case 'daily':
      return { ...base, kind: 'daily' };
    case 'weekly':
      return { ...base, kind: 'weekly', weekdays: draft.weekdays };
    case 'monthlyDay':
      return { ...base, kind: 'monthlyDay', monthDay: Number(draft.monthDay) };
    case 'monthlyNth':
      return { ...base, kind: 'monthlyNth', nth: Number(draft.nth) as Nth, weekday: draft.weekday };
  }
}

/** The next few days the rule gives, or what is wrong with it, as she builds it. */
function preview(
  recurrence: RecurrenceModule,
  rule: RecurrenceRule,
  today: string,
  formatDay: (day: string) => string,
): { text: string; problem: boolean } {
  if (rule.start === '') return { text: 'Choose the day the series starts.', problem: true };
  const problem = recurrence.ruleProblem(rule);
  if (problem) return { text: problem.message, problem: true };
  const from = rule.start > today ? rule.start : today;
  const days = recurrence.occurrences(recurrence.toRRule(rule), from, rule.until ?? addDays(from, 3 * 366), 3);
  const next = days.length > 0 ? `Next: ${days.map(formatDay).join(', ')}` : 'No occurrence from today on';
  return { text: `${recurrence.describeRule(rule)}. ${next}.`, problem: false };
}

interface FormProps {
  series: RecurringSeries | null;
  categories: Category[];
  allCategories: Category[];
  onClose: () => void;
}

function SeriesForm({ series, categories, allCategories, onClose }: FormProps) {
  const recurrence = use(loadRecurrence());
  const time = useTime();
  const today = time.today;
  const [draft, setDraft] = useState<Draft>(() => (series ? draftFromSeries(recurrence, series) : newDraft(recurrence, today)));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCallMutation('recurring:create');
  const update = useCallMutation('recurring:update');
  const toasts = useToasts();
  const saving = create.isPending || update.isPending;

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors({});
    setFormError(null);
  };
  const toggleWeekday = (code: WeekdayCode, on: boolean) =>
    change({ weekdays: recurrence.WEEKDAY_CODES.filter((day) => (day === code ? on : draft.weekdays.includes(day))) });

  const rule = ruleFromDraft(draft);
  const shown = preview(recurrence, rule, today, time.formatDay);
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
      setErrors(problems);
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
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setErrors(error.fieldErrors());
      setFormError(error.message);
    }
  };

  const fieldError = (field: string) => errors[field];
  const weekdaysError = fieldError('rule.weekdays');
  const unit = INTERVAL_UNITS[draft.kind];

  return (
    <form className="card stack recurring-form" onSubmit={submit} noValidate aria-label={series ? `Edit the series ${series.title}` : 'New recurring task'}>
      <h3>{series ? 'Edit the series' : 'New recurring task'}</h3>
      {formError && !Object.values(errors).some(Boolean) && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field-row">
        <Field label="Title" error={fieldError('title')} className="grow">
          <input type="text" value={draft.title} maxLength={500} placeholder="e.g. Patch servers" onChange={(event) => change({ title: event.target.value })} />
        </Field>
        <Field label="Category" error={fieldError('categoryId')}>
          <CategorySelect value={draft.categoryId} onChange={(categoryId) => change({ categoryId })} categories={choosable} />
        </Field>
        <Field label="Estimate" error={fieldError('estimateMinutes')}>
          <input type="text" size={8} placeholder="30m, 1.5h" value={draft.estimate} onChange={(event) => change({ estimate: event.target.value })} />
        </Field>
        <Field label="Priority" error={fieldError('priority')}>
          <select value={draft.priority} onChange={(event) => change({ priority: event.target.value })}>
            {PRIORITY_LABELS.map((label, value) => (
              <option key={label} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Goes to" error={fieldError('owner')}>
          <select value={draft.owner} onChange={(event) => change({ owner: event.target.value as Draft['owner'] })}>
            {Object.entries(OWNER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="field-row">
        <Field label="Repeat" error={fieldError('rule.kind')}>
          <select value={draft.kind} onChange={(event) => change({ kind: event.target.value as RecurrenceKind })}>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={`Every (${unit})`} error={fieldError('rule.interval')}>
          <input
            type="number"
            min={1}
            max={recurrence.MAX_INTERVAL[draft.kind]}
            step={1}
            className="recurring-interval"
            value={draft.interval}
            onChange={(event) => change({ interval: event.target.value })}
          />
        </Field>
        {draft.kind === 'monthlyDay' && (
          <Field
            label="On day"
            error={fieldError('rule.monthDay')}
            hint={Number(draft.monthDay) > 28 ? `Months without day ${draft.monthDay} are skipped; choose “Last day” for month ends.` : undefined}
          >
            <select value={draft.monthDay} onChange={(event) => change({ monthDay: event.target.value })}>
              {Array.from({ length: 31 }, (_, index) => (
                <option key={index + 1} value={index + 1}>
                  {index + 1}
                </option>
              ))}
              <option value={recurrence.LAST_DAY_OF_MONTH}>Last day</option>
            </select>
          </Field>
        )}
        {draft.kind === 'monthlyNth' && (
          <>
            <Field label="On the" error={fieldError('rule.nth')}>
              <select value={draft.nth} onChange={(event) => change({ nth: event.target.value })}>
                {recurrence.NTH_VALUES.map((nth) => (
                  <option key={nth} value={nth}>
                    {recurrence.NTH_LABELS[nth]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Weekday" error={fieldError('rule.weekday')}>
              <select value={draft.weekday} onChange={(event) => change({ weekday: event.target.value as WeekdayCode })}>
                {recurrence.WEEKDAY_CODES.map((code) => (
                  <option key={code} value={code}>
                    {recurrence.WEEKDAY_LONG[code]}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
        <Field label="Starts" error={fieldError('rule.start')} hint={series ? 'Changes apply from today on' : undefined}>
          <input type="date" value={draft.start} onChange={(event) => change({ start: event.target.value })} />
        </Field>
        <Field label="Ends (optional)" error={fieldError('rule.until')} hint="The last day it may occur">
          <input type="date" value={draft.until} onChange={(event) => change({ until: event.target.value })} />
        </Field>
      </div>

      {draft.kind === 'weekly' && (
        <fieldset className="plain-fieldset" aria-describedby={weekdaysError ? 'recurring-weekdays-error' : undefined}>
          <legend>On</legend>
          <div className="recurring-weekdays">
            {recurrence.WEEKDAY_CODES.map((code) => (
              <label key={code} className="checkbox">
                <input type="checkbox" checked={draft.weekdays.includes(code)} onChange={(event) => toggleWeekday(code, event.target.checked)} />
                <abbr title={recurrence.WEEKDAY_LONG[code]}>{recurrence.WEEKDAY_SHORT[code]}</abbr>
              </label>
            ))}
            <button type="button" className="button button-small" onClick={() => change({ weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'], interval: '1' })}>
              Weekdays
            </button>
          </div>
          {weekdaysError && (
            <div id="recurring-weekdays-error" className="field-error" role="alert">
              {weekdaysError}
            </div>
          )}
        </fieldset>
      )}

      <Field label="Notes (optional)" error={fieldError('notes')} className="grow">
        <input type="text" value={draft.notes} maxLength={20_000} onChange={(event) => change({ notes: event.target.value })} />
      </Field>

      <label className="checkbox">
        <input type="checkbox" checked={draft.skipIfOpen} onChange={(event) => change({ skipIfOpen: event.target.checked })} />
        Skip an occurrence when its day comes and the previous one is still not done
      </label>

      {/* Once a save names the field, the message is there; the preview would only repeat it. */}
      <p className={shown.problem ? 'recurring-preview form-error' : 'recurring-preview'} aria-live="polite">
        {shown.problem && Object.values(errors).some(Boolean) ? '' : shown.text}
      </p>

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

function updatedMessage(result: SeriesChange): string {
  const parts = [
    result.updated > 0 ? `${plural(result.updated, 'upcoming occurrence')} updated` : null,
    result.removed > 0 ? `${result.removed} removed` : null,
    result.created > 0 ? `${result.created} added` : null,
  ].filter(Boolean);
  return `“${result.series.title}” saved${parts.length > 0 ? `: ${parts.join(', ')}` : ''}. Occurrences you edited, started or finished are left as they are.`;
}

export default RecurringSection;
