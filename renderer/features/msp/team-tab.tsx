import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../../../shared/api/errors';
import { parseDuration } from '../../../shared/domain/duration';
import type { MspProvider, ResponseTarget, Technician } from '../../../shared/domain/msp';
import type { Category } from '../../../shared/domain/types';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Field } from '../../ui/field';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import './msp-setup.css';

type FieldErrors = Record<string, string | undefined>;

/** Provider and targets show only in MSP views; removing a technician also moves tasks. */

/** Who the MSP is, the people on their team, and how fast she expects them to respond. */
export function TeamTab() {
  const setup = useCallQuery('msp:get', []);
  if (setup.isPending) return <p className="muted">Loading the MSP team…</p>;
  if (setup.isError) {
    return (
      <p className="form-error" role="alert">
        {setup.error.message}
      </p>
    );
  }
  return (
    <div className="stack msp-setup">
      <ProviderSection provider={setup.data.provider} />
      <TechniciansSection technicians={setup.data.technicians} />
      <ResponseTargetsSection targets={setup.data.responseTargets} />
    </div>
  );
}

function ProviderSection({ provider }: { provider: MspProvider }) {
  const [draft, setDraft] = useState(provider);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useCallMutation('msp:saveProvider');

  const change = (patch: Partial<MspProvider>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setDraft(await save.mutateAsync(draft));
      setErrors({});
      setFormError(null);
      setSaved(true);
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      const fields = caught.fieldErrors();
      setErrors(fields);
      setFormError(Object.keys(fields).length === 0 ? caught.message : null);
    }
  };

  return (
    <section aria-labelledby="msp-provider-title">
      <h2 id="msp-provider-title">Provider</h2>
      <p className="muted">The company you hand work to, and how to reach its help desk. It goes on the handoff sheet.</p>
      <form className="card msp-form" onSubmit={submit} noValidate aria-label="MSP provider">
        <div className="field-row top-aligned">
          <Field label="Company" error={errors.name} className="grow">
            <input type="text" value={draft.name} maxLength={120} placeholder="e.g. Northwind IT Services" onChange={(event) => change({ name: event.target.value })} />
          </Field>
          <Field label="Help-desk email" error={errors.email} className="grow">
            <input type="email" value={draft.email} placeholder="help@msp.example" onChange={(event) => change({ email: event.target.value })} />
          </Field>
          <Field label="Help-desk phone" error={errors.phone}>
            <input type="tel" value={draft.phone} maxLength={60} onChange={(event) => change({ phone: event.target.value })} />
          </Field>
        </div>
        <Field label="Notes" error={errors.notes} hint="Account number, escalation contacts, portal address, after-hours line.">
          <textarea rows={3} value={draft.notes} maxLength={5000} onChange={(event) => change({ notes: event.target.value })} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            Save provider
          </button>
          <span role="status" className="muted">
            {saved ? 'Saved' : ''}
          </span>
        </div>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
      </form>
    </section>
  );
}

function TechniciansSection({ technicians }: { technicians: Technician[] }) {
  const [showFormer, setShowFormer] = useState(false);
  const active = technicians.filter((technician) => !technician.archived);
  const former = technicians.filter((technician) => technician.archived);

  return (
    <section aria-labelledby="msp-technicians-title">
      <h2 id="msp-technicians-title" tabIndex={-1}>Technicians</h2>
      <p className="muted">The people at the MSP who do your work. Tasks in their queue can go to one of them by name.</p>
      {active.length === 0 ? (
        <NoTechniciansYet />
      ) : (
        <table className="data-table" aria-labelledby="msp-technicians-title">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Email</th>
              <th scope="col" className="actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {active.map((technician) => (
              <TechnicianRow
                key={technician.id}
                technician={technician}
                colleagues={active.filter((other) => other.id !== technician.id)}
              />
            ))}
          </tbody>
        </table>
      )}
      <NewTechnicianForm />
      {former.length > 0 && (
        <FormerTechnicians former={former} shown={showFormer} onToggle={() => setShowFormer((shown) => !shown)} />
      )}
    </section>
  );
}

function NoTechniciansYet() {
  return (
    <div className="empty-state">
      <h3>No technicians yet</h3>
      <p>
        You do not need names to start delegating: tasks you hand to the MSP wait in their queue, unassigned, until
        someone there picks them up.
      </p>
      <p>
        Add technicians any time with the form below — the people at your MSP who do your work — to see who owns what
        and to log their hours by name.
      </p>
    </div>
  );
}

function NewTechnicianForm() {
  const empty = { name: '', role: '', email: '' };
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const create = useCallMutation('technicians:create');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.name.trim() === '') {
      setErrors({ name: 'Give the technician a name' });
      return;
    }
    try {
      await create.mutateAsync(draft);
      setDraft(empty);
      setErrors({});
      setFormError(null);
      nameInput.current?.focus();
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      const fields = caught.fieldErrors();
      setErrors(fields);
      setFormError(Object.keys(fields).length === 0 ? caught.message : null);
    }
  };

  return (
    <form className="card inline-form top-aligned msp-add-form" onSubmit={submit} noValidate aria-label="New technician">
      <Field label="Technician" error={errors.name} className="grow">
        <input
          ref={nameInput}
          type="text"
          value={draft.name}
          maxLength={80}
          placeholder="e.g. Sam Ortiz"
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
      </Field>
      <Field label="Role" error={errors.role}>
        <input type="text" value={draft.role} maxLength={80} placeholder="e.g. Desktop support" onChange={(event) => setDraft({ ...draft, role: event.target.value })} />
      </Field>
      <Field label="Email" error={errors.email}>
        <input type="email" value={draft.email} placeholder="sam@msp.example" onChange={(event) => setDraft({ ...draft, email: event.target.value })} />
      </Field>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Add technician
      </button>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
    </form>
  );
}

function TechnicianRow({ technician, colleagues }: { technician: Technician; colleagues: Technician[] }) {
  const [editing, setEditing] = useState(false);
  /** The server's explanation when she must first choose who takes the technician's open tasks. */
  const [handover, setHandover] = useState<string | null>(null);
  const toasts = useToasts();
  const remove = useCallMutation('technicians:remove');
  const restore = useCallMutation('technicians:restore');

  const removeTechnician = (reassignTo?: number | null) =>
    remove.mutate(reassignTo === undefined ? { id: technician.id } : { id: technician.id, reassignTo }, {
      onSuccess: ({ reassigned }) => {
        setHandover(null);
        // The row she acted on is gone; keep her place in the page.
        document.getElementById('msp-technicians-title')?.focus();
        const takenBy = reassignTo == null ? 'the MSP’s unassigned queue' : colleagues.find((other) => other.id === reassignTo)?.name;
        const moved = reassigned === 0 ? '' : ` ${reassigned} open task${reassigned === 1 ? '' : 's'} went to ${takenBy}.`;
        toasts.show(`Removed ${technician.name} from the team.${moved}`, {
          action: {
            label: 'Undo',
            run: () =>
              restore.mutate({ id: technician.id }, { onError: (caught) => toasts.show(caught.message, { tone: 'error' }) }),
          },
        });
      },
      onError: (caught) => {
        if (caught.code === 'CONFLICT' && caught.forField('reassignTo')) setHandover(caught.message);
        else toasts.show(caught.message, { tone: 'error' });
      },
    });

  if (editing) return <TechnicianEditRow technician={technician} onDone={() => setEditing(false)} />;

  return (
    <>
      <tr>
        <td>{technician.name}</td>
        <td>{technician.role || <span className="muted">—</span>}</td>
        <td>{technician.email || <span className="muted">—</span>}</td>
        <td className="actions">
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> {technician.name}</span>
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={remove.isPending || handover !== null}
            onClick={() => removeTechnician()}
          >
            Remove<span className="visually-hidden"> {technician.name}</span>
          </button>
        </td>
      </tr>
      {handover !== null && (
        <HandoverRow
          message={handover}
          technician={technician}
          colleagues={colleagues}
          pending={remove.isPending}
          onConfirm={(reassignTo) => removeTechnician(reassignTo)}
          onCancel={() => setHandover(null)}
        />
      )}
    </>
  );
}

interface HandoverRowProps {
  message: string;
  technician: Technician;
  colleagues: Technician[];
  pending: boolean;
  onConfirm: (reassignTo: number | null) => void;
  onCancel: () => void;
}

/** Before a technician leaves, their open tasks need a new owner: a colleague or the MSP's queue. */
function HandoverRow({ message, technician, colleagues, pending, onConfirm, onCancel }: HandoverRowProps) {
  const QUEUE = 'queue';
  const [choice, setChoice] = useState(colleagues[0] ? String(colleagues[0].id) : QUEUE);
  const messageId = useId();

  return (
    <tr className="handover-row">
      <td colSpan={4}>
        <div
          className="handover"
          role="group"
          aria-labelledby={messageId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onCancel();
          }}
        >
          <p id={messageId}>{message}</p>
          <div className="inline-form top-aligned">
            <Field label={`Hand ${technician.name}’s open tasks to`}>
              {/* Focus lands here so the choice is the next thing she meets, by keyboard too. */}
              <select value={choice} autoFocus onChange={(event) => setChoice(event.target.value)}>
                {colleagues.map((colleague) => (
                  <option key={colleague.id} value={colleague.id}>
                    {colleague.name}
                  </option>
                ))}
                <option value={QUEUE}>The MSP’s unassigned queue</option>
              </select>
            </Field>
            <button
              type="button"
              className="button button-primary"
              disabled={pending}
              onClick={() => onConfirm(choice === QUEUE ? null : Number(choice))}
            >
              Hand over and remove
            </button>
            <button type="button" className="button" onClick={onCancel}>
              Keep {technician.name}
            </button>
          </div>
        </div>
      </td>
    </tr>
  );
}

function TechnicianEditRow({ technician, onDone }: { technician: Technician; onDone: () => void }) {
  const [draft, setDraft] = useState({ name: technician.name, role: technician.role, email: technician.email });
  const [errors, setErrors] = useState<FieldErrors>({});
  const update = useCallMutation('technicians:update');
  const errorId = useId();

  const save = () => {
    if (draft.name.trim() === '') {
      setErrors({ name: 'Give the technician a name' });
      return;
    }
    update.mutate(
      { id: technician.id, ...draft },
      {
        onSuccess: onDone,
        onError: (caught) => {
          const fields = caught.fieldErrors();
          setErrors(Object.keys(fields).length === 0 ? { name: caught.message } : fields);
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    }
    if (event.key === 'Escape') onDone();
  };

  const cell = (field: 'name' | 'role' | 'email', label: string, type: 'text' | 'email') => (
    <td>
      <input
        type={type}
        className="cell-input"
        value={draft[field]}
        aria-label={`${label} of ${technician.name}`}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${errorId}-${field}` : undefined}
        autoFocus={field === 'name'}
        maxLength={field === 'email' ? undefined : 80}
        onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
        onKeyDown={onKeyDown}
      />
      {errors[field] && (
        <div id={`${errorId}-${field}`} className="field-error" role="alert">
          {errors[field]}
        </div>
      )}
    </td>
  );

  return (
    <tr className="editing-row">
      {cell('name', 'Name', 'text')}
      {cell('role', 'Role', 'text')}
      {cell('email', 'Email', 'email')}
      <td className="actions">
        <button type="button" className="button button-small button-primary" disabled={update.isPending} onClick={save}>
          Save<span className="visually-hidden"> {technician.name}</span>
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
      </td>
    </tr>
  );
}

function FormerTechnicians({ former, shown, onToggle }: { former: Technician[]; shown: boolean; onToggle: () => void }) {
  const restore = useCallMutation('technicians:restore');
  const toasts = useToasts();
  const label = `${former.length} former technician${former.length === 1 ? '' : 's'}`;

  return (
    <div className="former-technicians">
      <button type="button" className="button button-small" aria-expanded={shown} aria-controls="msp-former-technicians" onClick={onToggle}>
        {shown ? `Hide ${label}` : `Show ${label}`}
      </button>
      {shown && (
        <ul id="msp-former-technicians" className="former-list" aria-label="Former technicians">
          {former.map((technician) => (
            <li key={technician.id}>
              <span className="grow">
                {technician.name}
                {technician.role && <span className="muted"> · {technician.role}</span>}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={restore.isPending}
                onClick={() =>
                  restore.mutate({ id: technician.id }, { onError: (caught) => toasts.show(caught.message, { tone: 'error' }) })
                }
              >
                Restore<span className="visually-hidden"> {technician.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ResponseTargetsSection({ targets }: { targets: ResponseTarget[] }) {
  const categories = useCategories();
  const targetOf = new Map(targets.map((target) => [target.categoryId, target.targetMinutes]));

  return (
    <section aria-labelledby="msp-targets-title">
      <h2 id="msp-targets-title">Response-time targets</h2>
      <p className="muted">
        How soon you expect the MSP to respond to a new task in each category, in hours (0.5 is half an hour). Leave a
        category blank for no target.
      </p>
      {categories.isSuccess && categories.active.length === 0 ? (
        <p className="muted">Add categories in Settings first; targets are set per category.</p>
      ) : (
        <table className="data-table targets-table" aria-labelledby="msp-targets-title">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Target (hours)</th>
            </tr>
          </thead>
          <tbody>
            {categories.active.map((category) => (
              <ResponseTargetRow key={category.id} category={category} targetMinutes={targetOf.get(category.id) ?? null} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const hoursText = (minutes: number | null) => (minutes === null ? '' : String(Number((minutes / 60).toFixed(2))));

/** "4" and "0.5" are hours; "30m", "1h 30m" and "1:30" are read as durations. Blank means no target. */
function parseTargetMinutes(text: string): { minutes: number | null } | { error: string } {
  const value = text.trim().replace(',', '.');
  if (value === '') return { minutes: null };
  if (/^-/.test(value)) return { error: 'A target cannot be negative' };
  if (/^\d+(\.\d+)?$/.test(value)) return { minutes: Math.round(Number(value) * 60) };
  const minutes = parseDuration(value);
  return minutes === null ? { error: 'Type hours, such as 4 or 0.5, or leave it blank' } : { minutes };
}

function ResponseTargetRow({ category, targetMinutes }: { category: Category; targetMinutes: number | null }) {
  const [text, setText] = useState(hoursText(targetMinutes));
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const setTarget = useCallMutation('responseTargets:set');
  const errorId = useId();

  const save = () => {
    const parsed = parseTargetMinutes(text);
    if ('error' in parsed) {
      setError(parsed.error);
      setSaved(false);
      return;
    }
    setTarget.mutate(
      { categoryId: category.id, targetMinutes: parsed.minutes },
      {
        onSuccess: () => {
          setError(undefined);
          setSaved(true);
          setText(hoursText(parsed.minutes));
        },
        onError: (caught) => {
          setError(caught.forField('targetMinutes') ?? caught.message);
          setSaved(false);
        },
      },
    );
  };

  return (
    <tr>
      <td>
        <CategoryChip category={category} />
      </td>
      <td>
        <div className="target-cell">
          <input
            type="text"
            inputMode="decimal"
            className="target-input"
            value={text}
            size={6}
            placeholder="none"
            aria-label={`Response target for ${category.name}, in hours`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setSaved(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') save();
            }}
          />
          <button type="button" className="button button-small" disabled={setTarget.isPending} onClick={save}>
            Save<span className="visually-hidden"> target for {category.name}</span>
          </button>
          <span role="status" className="muted saved-note">
            {saved ? 'Saved' : ''}
          </span>
        </div>
        {error && (
          <div id={errorId} className="field-error" role="alert">
            {error}
          </div>
        )}
      </td>
    </tr>
  );
}
