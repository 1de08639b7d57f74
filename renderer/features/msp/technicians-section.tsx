import { useRef, useState, type FormEvent } from 'react';
import type { Technician } from '../../../shared/domain/msp';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useToasts } from '../../ui/toasts';
import { TechnicianRow } from './technician-row';

/** The people at the MSP who do her work; former ones are kept, out of the way, and can come back. */
export function TechniciansSection({ technicians }: { technicians: Technician[] }) {
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
        // Rows turn into editors and grow a hand-over row, so this table is written out rather than a DataTable.
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

/** Names are not needed to start delegating; the empty state says so before it asks for any. */
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

/** Add a technician; focus goes back to the name for the next one. */
function NewTechnicianForm() {
  const empty = { name: '', role: '', email: '' };
  const [draft, setDraft] = useState(empty);
  const form = useFormErrors();
  const { errors } = form;
  const nameInput = useRef<HTMLInputElement>(null);
  const create = useCallMutation('technicians:create');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.name.trim() === '') {
      form.set({ name: 'Give the technician a name' });
      return;
    }
    try {
      await create.mutateAsync(draft);
      setDraft(empty);
      form.reset();
      nameInput.current?.focus();
    } catch (caught) {
      form.fail(caught);
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
      <FormError form={form} />
    </form>
  );
}

/** Former technicians keep their history; Restore puts one back on the team. */
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
