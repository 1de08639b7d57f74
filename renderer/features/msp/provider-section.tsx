import { useState, type FormEvent } from 'react';
import type { MspProvider } from '../../../shared/domain/msp';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { FormError, useFormErrors } from '../../ui/form-errors';

/** The company she hands work to and how to reach its help desk; it heads the handoff sheet. */
export function ProviderSection({ provider }: { provider: MspProvider }) {
  const [draft, setDraft] = useState(provider);
  const form = useFormErrors();
  const { errors } = form;
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
      form.reset();
      setSaved(true);
    } catch (caught) {
      form.fail(caught);
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
        <FormError form={form} />
      </form>
    </section>
  );
}
