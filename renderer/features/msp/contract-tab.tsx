import { useId, useState, type FormEvent } from 'react';
import type { BurnDown } from '../../../shared/api/views';
import { ApiError } from '../../../shared/api/errors';
import { contractForMonth, type MspContract } from '../../../shared/domain/cost';
import { daysInMonth, isLocalDay, type LocalDay } from '../../../shared/domain/day';
import { formatDuration, parseDuration } from '../../../shared/domain/duration';
import type { Technician } from '../../../shared/domain/msp';
import type { TimeEntry } from '../../../shared/domain/time-entry';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/empty-state';
import { Field } from '../../ui/field';
import { useTime, type ZonedTime } from '../../ui/time';
import { formatHours, formatMoney } from '../../ui/format-figures';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import './msp-setup.css';

type FieldErrors = Record<string, string | undefined>;

/** A contract changes what every MSP cost figure says; MSP time changes the burn-down and hours reclaimed. */

/** When the focused row goes away, focus lands on its section's heading rather than on the page. */
const focusHeading = (id: string) => document.getElementById(id)?.focus();

const money = (cents: number, currency: string) => formatMoney(cents / 100, currency, Number.isInteger(cents / 100) ? 0 : 2);

function monthDays(month: string): { first: LocalDay; last: LocalDay; count: number } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const count = daysInMonth(year, monthNumber);
  return { first: `${month}-01`, last: `${month}-${String(count).padStart(2, '0')}`, count };
}

const startDayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** Contracts span years, so their start days carry the year: "Jan 1, 2026". */
function formatStartDay(day: LocalDay): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return startDayFormat.format(Date.UTC(year, month - 1, date));
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

function monthName(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthFormat.format(Date.UTC(year, monthNumber - 1, 1));
}

/** What the MSP costs: the contract's terms over time, this month's included hours, and the MSP's logged time. */
export function ContractTab() {
  const setup = useCallQuery('msp:get', []);
  const settings = useCallQuery('settings:get', []);
  const burnDown = useCallQuery('msp:burnDown', []);
  const { today } = useTime();

  if (setup.isError || settings.isError) {
    return (
      <p className="form-error" role="alert">
        {(setup.error ?? settings.error)?.message}
      </p>
    );
  }
  if (!setup.isSuccess || !settings.isSuccess) return <p className="muted">Loading the contract…</p>;
  const currency = settings.data.currency;
  const { contracts, technicians } = setup.data;
  const month = burnDown.data?.month ?? today.slice(0, 7);

  return (
    <div className="stack msp-setup">
      {contracts.length === 0 ? (
        <NoContractYet currency={currency} />
      ) : (
        burnDown.data && <BurnDownSection burnDown={burnDown.data} currency={currency} />
      )}
      <LogMspTimeSection technicians={technicians} />
      <MspTimeThisMonth month={month} technicians={technicians} />
      {contracts.length > 0 && <ContractHistory contracts={contracts} currency={currency} month={month} />}
    </div>
  );
}

function NoContractYet({ currency }: { currency: string }) {
  const { today } = useTime();
  return (
    <section aria-labelledby="msp-contract-form-title" className="stack">
      <EmptyState title="No contract yet">
        <p>
          Enter the terms of your MSP contract — the monthly fee, the hours it includes and the rate for hours beyond
          them. They drive this month’s burn-down of included hours, the warning when 80 % are used, and the comparison of
          what the MSP costs against the cost of a hire.
        </p>
        <p>When the terms change, add new ones from the day they start; past months keep the terms they had.</p>
      </EmptyState>
      <div className="card">
        <h2 id="msp-contract-form-title">Add the contract</h2>
        <ContractForm contract={null} currency={currency} defaultStartDay={`${today.slice(0, 7)}-01`} label="New contract" />
      </div>
    </section>
  );
}

function BurnDownSection({ burnDown, currency }: { burnDown: BurnDown; currency: string }) {
  const { contract, usedHours, includedHours, overageHours, projectedHours, usedShare, warning, projectedCostCents } = burnDown;
  const meterId = useId();
  const name = monthName(burnDown.month);
  const { count } = monthDays(burnDown.month);
  const { today } = useTime();
  const daysLeft = Math.max(0, count - Number(today.slice(8, 10)));
  const percent = usedShare === null ? null : Math.round(usedShare * 100);
  const rate = contract ? `${money(contract.overageRateCents, currency)} per hour` : '';

  return (
    <section aria-labelledby="msp-burn-down-title">
      <h2 id="msp-burn-down-title">Included hours in {name}</h2>
      {contract === null && (
        <p className="muted">No contract is in force in {name} yet, so there are no included hours to count against.</p>
      )}
      {warning && percent !== null && (
        <div className="burn-down-warning">
          <strong>{percent} % of included hours used</strong>
          <span>
            {' '}
            — past the 80 % mark with {daysLeft} day{daysLeft === 1 ? '' : 's'} of {name} left.{' '}
            {usedShare !== null && usedShare < 1
              ? `${formatHours(includedHours - usedHours)} left before overage at ${rate}.`
              : `Every further hour is overage at ${rate}.`}
          </span>
        </div>
      )}
      {contract !== null && usedShare !== null && (
        <div className="burn-down-bar">
          <label htmlFor={meterId}>
            {formatHours(usedHours)} of {formatHours(includedHours)} included hours used ({percent} %)
          </label>
          <meter
            id={meterId}
            min={0}
            max={includedHours}
            value={Math.min(usedHours, includedHours)}
            low={includedHours * 0.8}
            high={includedHours * 0.9999}
            optimum={0}
          />
        </div>
      )}
      {contract !== null && usedShare === null && (
        <p className="muted">This contract includes no hours: every MSP hour is billed at {rate}.</p>
      )}
      <dl className="figures">
        <Figure label="MSP hours used" value={formatHours(usedHours)} note={contract ? `of ${formatHours(includedHours)} included` : 'no contract in force'} />
        <Figure
          label="Overage hours"
          value={formatHours(overageHours)}
          note={contract ? `billed at ${rate}` : '—'}
          tone={overageHours > 0 ? 'negative' : undefined}
        />
        <Figure label="Projected by month end" value={formatHours(projectedHours)} note="at this month’s daily pace" />
        {projectedCostCents !== null && contract && (
          <Figure
            label="Projected cost"
            value={formatMoney(projectedCostCents / 100, currency)}
            note={`fee ${money(contract.monthlyFeeCents, currency)} + projected overage`}
          />
        )}
      </dl>
    </section>
  );
}

function Figure({ label, value, note, tone }: { label: string; value: string; note: string; tone?: 'negative' | undefined }) {
  return (
    <div className="figure">
      <dt className="figure-label">{label}</dt>
      <dd className={`figure-value${tone ? ` ${tone}` : ''}`}>{value}</dd>
      <dd className="figure-note">{note}</dd>
    </div>
  );
}

function ContractHistory({ contracts, currency, month }: { contracts: MspContract[]; currency: string; month: string }) {
  const [adding, setAdding] = useState(false);
  const inForce = contractForMonth(contracts, month);
  const latest = contracts[contracts.length - 1];
  const nextMonthStart = (() => {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    return monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  })();

  return (
    <section aria-labelledby="msp-contracts-title">
      <div className="section-title">
        <h2 id="msp-contracts-title" tabIndex={-1}>Contracts over time</h2>
        <button type="button" className="button button-small" aria-expanded={adding} onClick={() => setAdding((open) => !open)}>
          {adding ? 'Close new terms' : 'Add new terms'}
        </button>
      </div>
      <p className="muted">Each contract holds from its start day until the next one starts; every month is costed with the terms in force then.</p>
      {adding && (
        <div className="card msp-add-form">
          <ContractForm
            contract={null}
            currency={currency}
            defaultStartDay={latest && latest.startDay >= nextMonthStart ? '' : nextMonthStart}
            label="New contract terms"
            onDone={() => setAdding(false)}
          />
        </div>
      )}
      <table className="data-table" aria-labelledby="msp-contracts-title">
        <thead>
          <tr>
            <th scope="col">Starts</th>
            <th scope="col" className="number">
              Monthly fee
            </th>
            <th scope="col" className="number">
              Included hours
            </th>
            <th scope="col" className="number">
              Overage per hour
            </th>
            <th scope="col" className="actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((contract) => (
            <ContractRow key={contract.id} contract={contract} currency={currency} inForce={contract.id === inForce?.id} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ContractRow({ contract, currency, inForce }: { contract: MspContract; currency: string; inForce: boolean }) {
  const [editing, setEditing] = useState(false);
  const toasts = useToasts();
  const remove = useCallMutation('msp:deleteContract');
  const save = useCallMutation('msp:saveContract');
  const starts = formatStartDay(contract.startDay);

  if (editing) {
    return (
      <tr className="editing-row">
        <td colSpan={5}>
          <ContractForm
            contract={contract}
            currency={currency}
            defaultStartDay={contract.startDay}
            label={`Edit the contract starting ${starts}`}
            onDone={() => setEditing(false)}
          />
        </td>
      </tr>
    );
  }

  const onDelete = () =>
    remove.mutate(
      { id: contract.id },
      {
        onError: (caught) => toasts.show(caught.message, { tone: 'error' }),
        onSuccess: (deleted) => {
          focusHeading('msp-contracts-title');
          toasts.show(`Deleted the contract starting ${starts}`, {
            action: {
              label: 'Undo',
              run: () =>
                save.mutate(
                  {
                    id: null,
                    startDay: deleted.startDay,
                    monthlyFee: deleted.monthlyFeeCents / 100,
                    includedHours: deleted.includedMinutes / 60,
                    overageRate: deleted.overageRateCents / 100,
                  },
                  { onError: (caught) => toasts.show(caught.message, { tone: 'error' }) },
                ),
            },
          });
        },
      },
    );

  return (
    <tr>
      <td>
        {starts} {inForce && <span className="badge">In force</span>}
      </td>
      <td className="number">{money(contract.monthlyFeeCents, currency)}</td>
      <td className="number">{formatHours(contract.includedMinutes / 60)}</td>
      <td className="number">{money(contract.overageRateCents, currency)}</td>
      <td className="actions">
        <button type="button" className="button button-small" onClick={() => setEditing(true)}>
          Edit<span className="visually-hidden"> the contract starting {starts}</span>
        </button>
        <button type="button" className="button button-small button-danger" disabled={remove.isPending} onClick={onDelete}>
          Delete<span className="visually-hidden"> the contract starting {starts}</span>
        </button>
      </td>
    </tr>
  );
}

interface ContractFormProps {
  contract: MspContract | null;
  currency: string;
  defaultStartDay: LocalDay;
  /** The form's accessible name. */
  label: string;
  onDone?: () => void;
}

/** "2400", "2,400.50" and "2400,50" all read as numbers; anything else is reported at its field. */
function parseAmount(text: string): number | null {
  const value = text.trim().replace(/\s/g, '');
  const normalised = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value) ? value.replace(/,/g, '') : value.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

const amountText = (value: number) => String(Number(value.toFixed(2)));

function ContractForm({ contract, currency, defaultStartDay, label, onDone }: ContractFormProps) {
  const [draft, setDraft] = useState({
    startDay: defaultStartDay,
    monthlyFee: contract ? amountText(contract.monthlyFeeCents / 100) : '',
    includedHours: contract ? amountText(contract.includedMinutes / 60) : '',
    overageRate: contract ? amountText(contract.overageRateCents / 100) : '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useCallMutation('msp:saveContract');
  const toasts = useToasts();

  const change = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const monthlyFee = parseAmount(draft.monthlyFee);
    const includedHours = parseAmount(draft.includedHours);
    const overageRate = parseAmount(draft.overageRate);
    const unreadable = (text: string, name: string, example: string) =>
      text.trim() === '' ? `Enter the ${name}, or 0 if there is none` : `Type a number, such as ${example}`;
    const missing: FieldErrors = {
      startDay: isLocalDay(draft.startDay) ? undefined : 'Choose the day these terms start',
      monthlyFee: monthlyFee === null ? unreadable(draft.monthlyFee, 'monthly fee', '2400') : undefined,
      includedHours: includedHours === null ? unreadable(draft.includedHours, 'included hours', '40') : undefined,
      overageRate: overageRate === null ? unreadable(draft.overageRate, 'overage rate', '95') : undefined,
    };
    if (monthlyFee === null || includedHours === null || overageRate === null || missing.startDay) {
      setErrors(missing);
      setFormError(null);
      return;
    }
    try {
      const saved = await save.mutateAsync({ id: contract?.id ?? null, startDay: draft.startDay, monthlyFee, includedHours, overageRate });
      setErrors({});
      setFormError(null);
      toasts.show(`Saved the contract starting ${formatStartDay(saved.startDay)}`);
      onDone?.();
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      const fields = caught.fieldErrors();
      setErrors(fields);
      // A clash names the other contract only in the message, so show that too.
      setFormError(Object.keys(fields).length === 0 || caught.code === 'CONFLICT' ? caught.message : null);
    }
  };

  return (
    <form
      className="inline-form top-aligned contract-form"
      onSubmit={submit}
      noValidate
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onDone) onDone();
      }}
    >
      <Field label="Starts on" error={errors.startDay}>
        <input type="date" value={draft.startDay} autoFocus={contract !== null} onChange={(event) => change({ startDay: event.target.value })} />
      </Field>
      <Field label={`Monthly fee (${currency})`} error={errors.monthlyFee}>
        <input type="text" inputMode="decimal" size={10} value={draft.monthlyFee} placeholder="e.g. 2400" onChange={(event) => change({ monthlyFee: event.target.value })} />
      </Field>
      <Field label="Included hours per month" error={errors.includedHours}>
        <input type="text" inputMode="decimal" size={8} value={draft.includedHours} placeholder="e.g. 40" onChange={(event) => change({ includedHours: event.target.value })} />
      </Field>
      <Field label={`Overage rate (${currency} per hour)`} error={errors.overageRate}>
        <input type="text" inputMode="decimal" size={8} value={draft.overageRate} placeholder="e.g. 95" onChange={(event) => change({ overageRate: event.target.value })} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {contract ? 'Save contract' : 'Add contract'}
        </button>
        {onDone && (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
    </form>
  );
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const TEAM = '';

interface MspTimeDraft {
  technicianId: string;
  categoryId: string;
  day: string;
  start: string;
  end: string;
  duration: string;
  /** Which of end and duration she typed; the other is derived from it. */
  endFrom: 'end' | 'duration';
  note: string;
}

/** A local date and clock time as an instant, in her time zone. */
function instant(time: ZonedTime, day: string, clock: string): number | null {
  if (!isLocalDay(day) || !CLOCK.test(clock)) return null;
  return time.instantAt(day, clock);
}

/** Keeps end and duration in step, following whichever she typed last. */
function withDerivedEnd(time: ZonedTime, draft: MspTimeDraft): MspTimeDraft {
  const startAt = instant(time, draft.day, draft.start);
  if (draft.endFrom === 'duration') {
    const minutes = parseDuration(draft.duration);
    return { ...draft, end: startAt !== null && minutes !== null && minutes > 0 ? time.clockOf(startAt + minutes * 60_000) : '' };
  }
  const endAt = instant(time, draft.day, draft.end);
  const minutes = startAt !== null && endAt !== null ? (endAt - startAt) / 60_000 : 0;
  return { ...draft, duration: minutes > 0 ? formatDuration(minutes) : '' };
}

function entryTimes(time: ZonedTime, draft: MspTimeDraft): { startAt: number; endAt: number } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!isLocalDay(draft.day)) errors.day = 'Choose the day the work was done';
  if (!CLOCK.test(draft.start)) errors.startAt = 'Give the start time';
  if (draft.endFrom === 'duration') {
    const minutes = parseDuration(draft.duration);
    if (minutes === null || minutes <= 0) errors.duration = 'Type a duration such as 1h 30m, 90m or 1:30';
  } else if (!CLOCK.test(draft.end)) {
    errors.endAt = 'Give the end time, or a duration';
  }
  if (Object.keys(errors).length > 0) return { errors };
  const startAt = instant(time, draft.day, draft.start)!;
  const endAt = draft.endFrom === 'duration' ? startAt + parseDuration(draft.duration)! * 60_000 : instant(time, draft.day, draft.end)!;
  return { startAt, endAt };
}

function LogMspTimeSection({ technicians }: { technicians: Technician[] }) {
  const categories = useCategories();
  const time = useTime();
  const active = technicians.filter((technician) => !technician.archived);
  const [draft, setDraft] = useState<MspTimeDraft>({
    technicianId: TEAM,
    categoryId: '',
    day: time.today,
    start: '',
    end: '',
    duration: '',
    endFrom: 'end',
    note: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [logged, setLogged] = useState('');
  const create = useCallMutation('timeEntries:create');

  const change = (patch: Partial<MspTimeDraft>) => {
    setDraft((current) => withDerivedEnd(time, { ...current, ...patch }));
    setLogged('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const times = entryTimes(time, draft);
    const categoryError = draft.categoryId === '' ? 'Choose the category of the work' : undefined;
    if ('errors' in times || categoryError) {
      setErrors({ ...('errors' in times ? times.errors : {}), categoryId: categoryError });
      setFormError(null);
      return;
    }
    const technicianId = draft.technicianId === TEAM ? null : Number(draft.technicianId);
    try {
      await create.mutateAsync({ worker: 'msp', technicianId, categoryId: Number(draft.categoryId), ...times, note: draft.note });
      const who = active.find((technician) => technician.id === technicianId)?.name ?? 'the MSP team';
      setLogged(`Logged ${formatDuration((times.endAt - times.startAt) / 60_000)} for ${who} on ${time.formatDay(draft.day)}.`);
      // The next entry most often starts where this one ended.
      setDraft({ ...draft, start: time.clockOf(times.endAt), end: '', duration: '', note: '' });
      setErrors({});
      setFormError(null);
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      const fields = caught.fieldErrors();
      // The end is checked as an instant; show the problem where she typed it.
      if (fields.endAt && draft.endFrom === 'duration') fields.duration = fields.endAt;
      setErrors(fields);
      setFormError(Object.keys(fields).length === 0 || caught.code === 'CONFLICT' ? caught.message : null);
    }
  };

  return (
    <section aria-labelledby="msp-log-time-title">
      <h2 id="msp-log-time-title">Log MSP time</h2>
      <p className="muted">Copy the hours from the MSP’s timesheet or invoice. Every MSP hour counts against the contract’s included hours.</p>
      <form className="card msp-form" onSubmit={submit} noValidate aria-label="Log MSP time">
        <div className="field-row top-aligned">
          <Field label="Who" error={errors.technicianId}>
            <select value={draft.technicianId} onChange={(event) => change({ technicianId: event.target.value })}>
              <option value={TEAM}>MSP team</option>
              {active.map((technician) => (
                <option key={technician.id} value={technician.id}>
                  {technician.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Category" error={errors.categoryId}>
            <select value={draft.categoryId} onChange={(event) => change({ categoryId: event.target.value })}>
              <option value="">Choose…</option>
              {categories.active.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Date" error={errors.day}>
            <input type="date" value={draft.day} onChange={(event) => change({ day: event.target.value })} />
          </Field>
          <Field label="Start" error={errors.startAt}>
            <input type="time" value={draft.start} onChange={(event) => change({ start: event.target.value })} />
          </Field>
          <Field label="End" error={errors.endAt}>
            <input type="time" value={draft.end} onChange={(event) => change({ end: event.target.value, endFrom: 'end' })} />
          </Field>
          <Field label="Duration" error={errors.duration} hint="or an end time">
            <input
              type="text"
              size={8}
              value={draft.duration}
              placeholder="1h 30m"
              onChange={(event) => change({ duration: event.target.value, endFrom: 'duration' })}
            />
          </Field>
        </div>
        <div className="field-row top-aligned">
          <Field label="Note" error={errors.note} className="grow">
            <input type="text" value={draft.note} maxLength={2000} placeholder="e.g. Patched the file servers" onChange={(event) => change({ note: event.target.value })} />
          </Field>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Log MSP time
          </button>
        </div>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <p role="status" className="muted logged-note">
          {logged}
        </p>
      </form>
    </section>
  );
}

const LIST_LIMIT = 200;

function MspTimeThisMonth({ month, technicians }: { month: string; technicians: Technician[] }) {
  const { first, last } = monthDays(month);
  const entries = useCallQuery('timeEntries:list', [{ from: first, to: last, worker: 'msp', limit: LIST_LIMIT }]);
  const nameOf = new Map(technicians.map((technician) => [technician.id, technician.name]));
  const name = monthName(month);

  return (
    <section aria-labelledby="msp-time-title">
      <h2 id="msp-time-title" tabIndex={-1}>MSP time in {name}</h2>
      {entries.isError && (
        <p className="form-error" role="alert">
          {entries.error.message}
        </p>
      )}
      {entries.isSuccess && entries.data.length === 0 && (
        <p className="muted">No MSP time logged in {name} yet. Each entry you log appears here, newest first, and can be deleted if it was wrong.</p>
      )}
      {entries.isSuccess && entries.data.length > 0 && (
        <>
          <table className="data-table" aria-labelledby="msp-time-title">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Time</th>
                <th scope="col" className="number">
                  Hours
                </th>
                <th scope="col">Who</th>
                <th scope="col">Category</th>
                <th scope="col">Note</th>
                <th scope="col" className="actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.data.map((entry) => (
                <MspTimeRow key={entry.id} entry={entry} who={entry.technicianId === null ? 'MSP team' : (nameOf.get(entry.technicianId) ?? 'Former technician')} />
              ))}
            </tbody>
          </table>
          {entries.data.length === LIST_LIMIT && (
            <p className="muted">Showing the latest {LIST_LIMIT} entries; the included-hours figures count them all.</p>
          )}
        </>
      )}
    </section>
  );
}

function MspTimeRow({ entry, who }: { entry: TimeEntry; who: string }) {
  const { byId } = useCategories();
  const toasts = useToasts();
  const remove = useCallMutation('timeEntries:delete');
  const create = useCallMutation('timeEntries:create');
  const { formatDay, formatTime } = useTime();
  const { endAt } = entry;
  const hours = endAt === null ? null : (endAt - entry.startAt) / 3_600_000;
  const description = `${hours === null ? 'running' : formatHours(hours)} of MSP time on ${formatDay(entry.startDay)}`;

  const onDelete = () =>
    remove.mutate(
      { id: entry.id },
      {
        onError: (caught) => toasts.show(caught.message, { tone: 'error' }),
        onSuccess: () => {
          focusHeading('msp-time-title');
          toasts.show(`Deleted ${description}`, {
            action:
              endAt === null
                ? undefined
                : {
                    label: 'Undo',
                    run: () =>
                      create.mutate(
                        {
                          worker: 'msp',
                          technicianId: entry.technicianId,
                          categoryId: entry.categoryId,
                          taskId: entry.taskId,
                          startAt: entry.startAt,
                          endAt,
                          note: entry.note,
                        },
                        { onError: (caught) => toasts.show(caught.message, { tone: 'error' }) },
                      ),
                  },
          });
        },
      },
    );

  return (
    <tr>
      <td>{formatDay(entry.startDay)}</td>
      <td>
        {formatTime(entry.startAt)}–{endAt === null ? 'running' : formatTime(endAt)}
      </td>
      <td className="number">{hours === null ? '—' : formatHours(hours)}</td>
      <td>{who}</td>
      <td>
        <CategoryChip category={byId.get(entry.categoryId)} />
      </td>
      <td className="note-cell">{entry.note}</td>
      <td className="actions">
        <button type="button" className="button button-small button-danger" disabled={remove.isPending} onClick={onDelete}>
          Delete<span className="visually-hidden"> {description}</span>
        </button>
      </td>
    </tr>
  );
}
