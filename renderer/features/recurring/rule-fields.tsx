import { addDays } from '../../../shared/domain/day';
import type { RecurrenceKind, RecurrenceRule, WeekdayCode } from '../../../shared/domain/recurrence';
import { Field } from '../../ui/field';
import type { FieldErrors } from '../../ui/form-errors';
import type { Draft, RecurrenceModule } from './series-draft';

const KIND_LABELS: Record<RecurrenceKind, string> = {
  daily: 'Every N days',
  weekly: 'Every N weeks on chosen days',
  monthlyDay: 'Monthly on a day of the month',
  monthlyNth: 'Monthly on the Nth weekday',
};

const INTERVAL_UNITS: Record<RecurrenceKind, string> = { daily: 'days', weekly: 'weeks', monthlyDay: 'months', monthlyNth: 'months' };

interface RuleFieldsProps {
  recurrence: RecurrenceModule;
  draft: Draft;
  change: (patch: Partial<Draft>) => void;
  errors: FieldErrors;
  /** Editing a series: its changes apply from today, which the start field says. */
  editing: boolean;
}

/** When the work comes back: the kind of rule and only the fields that kind needs. */
export function RuleFields({ recurrence, draft, change, errors, editing }: RuleFieldsProps) {
  const toggleWeekday = (code: WeekdayCode, on: boolean) =>
    change({ weekdays: recurrence.WEEKDAY_CODES.filter((day) => (day === code ? on : draft.weekdays.includes(day))) });
  const weekdaysError = errors['rule.weekdays'];
  const unit = INTERVAL_UNITS[draft.kind];

  return (
    <>
      <div className="field-row">
        <Field label="Repeat" error={errors['rule.kind']}>
          <select value={draft.kind} onChange={(event) => change({ kind: event.target.value as RecurrenceKind })}>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={`Every (${unit})`} error={errors['rule.interval']}>
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
            error={errors['rule.monthDay']}
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
            <Field label="On the" error={errors['rule.nth']}>
              <select value={draft.nth} onChange={(event) => change({ nth: event.target.value })}>
                {recurrence.NTH_VALUES.map((nth) => (
                  <option key={nth} value={nth}>
                    {recurrence.NTH_LABELS[nth]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Weekday" error={errors['rule.weekday']}>
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
        <Field label="Starts" error={errors['rule.start']} hint={editing ? 'Changes apply from today on' : undefined}>
          <input type="date" value={draft.start} onChange={(event) => change({ start: event.target.value })} />
        </Field>
        <Field label="Ends (optional)" error={errors['rule.until']} hint="The last day it may occur">
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
    </>
  );
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

interface RulePreviewProps {
  recurrence: RecurrenceModule;
  rule: RecurrenceRule;
  today: string;
  formatDay: (day: string) => string;
  errors: FieldErrors;
}

export function RulePreview({ recurrence, rule, today, formatDay, errors }: RulePreviewProps) {
  const shown = preview(recurrence, rule, today, formatDay);
  return (
    // Once a save names the field, the message is there; the preview would only repeat it.
    <p className={shown.problem ? 'recurring-preview form-error' : 'recurring-preview'} aria-live="polite">
      {shown.problem && Object.values(errors).some(Boolean) ? '' : shown.text}
    </p>
  );
}
