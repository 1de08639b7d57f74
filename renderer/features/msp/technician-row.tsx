import { useId, useState, type KeyboardEvent } from 'react';
import type { Technician } from '../../../shared/domain/msp';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { focusHeading } from '../../ui/focus-heading';
import { useFormErrors, type FieldErrors } from '../../ui/form-errors';
import { useToasts } from '../../ui/toasts';

/** The cells an edited row has; a message about anything else shows at the name. */
const EDITED_FIELDS = ['name', 'role', 'email'];

/** One technician: Edit in place, or Remove, which first asks who takes their open tasks. */
export function TechnicianRow({ technician, colleagues }: { technician: Technician; colleagues: Technician[] }) {
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
        focusHeading('msp-technicians-title');
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

/** The row's cells become inputs: Enter saves, Escape leaves it as it was. */
function TechnicianEditRow({ technician, onDone }: { technician: Technician; onDone: () => void }) {
  const [draft, setDraft] = useState({ name: technician.name, role: technician.role, email: technician.email });
  const form = useFormErrors(EDITED_FIELDS);
  // A row has no room for a message at the top: one about no cell shows at the name.
  const errors: FieldErrors = { ...form.errors, name: form.errors.name ?? form.message ?? undefined };
  const update = useCallMutation('technicians:update');
  const errorId = useId();

  const save = () => {
    if (draft.name.trim() === '') {
      form.set({ name: 'Give the technician a name' });
      return;
    }
    update.mutate(
      { id: technician.id, ...draft },
      {
        onSuccess: onDone,
        onError: (caught) => form.fail(caught),
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
