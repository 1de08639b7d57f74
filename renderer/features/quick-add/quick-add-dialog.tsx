import { useMemo, useState, type FormEvent } from 'react';
import { delegationOn, referenceDay } from '../../../shared/domain/delegation';
import { formatDuration } from '../../../shared/domain/duration';
import { ownerOf } from '../../../shared/domain/ownership';
import { parseQuickAdd, type QuickAddResult } from '../../../shared/domain/quick-add';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Dialog } from '../../ui/dialog';
import { FormError, useFormErrors } from '../../ui/form-errors';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { useCategories } from '../categories/use-categories';
import type { Category, Task } from '../../../shared/domain/types';

const PRIORITY = ['', '!', '!!', '!!!'];
/** One line has no field to show a message at: every message goes under the preview. */
const NO_FIELDS: string[] = [];

interface QuickAddDialogProps {
  onClose: () => void;
  initial?: string;
  /**
   * Offer "Interrupt": the new task is unplanned and hers, and the timer starts on it at once. The
   * desktop app's quick-add window offers it; an `offload://quick-add?…&interrupt=1` link ticks it.
   */
  offerInterrupt?: boolean;
  initialInterrupt?: boolean;
}

/**
 * The category an interrupt's timer counts under until she categorises the task: every hour
 * belongs to one. "Other" when she still has it, else her last active category.
 */
export function interruptCategory(categories: readonly Category[]): Category | undefined {
  const active = categories.filter((category) => !category.archived);
  return active.find((category) => category.name.toLowerCase() === 'other') ?? active.at(-1);
}

/** One line in, one task out: `Reset VPN for sales #support ~30m today !`. */
export function QuickAddDialog({ onClose, initial = '', offerInterrupt = false, initialInterrupt = false }: QuickAddDialogProps) {
  const [text, setText] = useState(initial);
  const [interrupt, setInterrupt] = useState(offerInterrupt && initialInterrupt);
  const [created, setCreated] = useState<Task | null>(null);
  const form = useFormErrors(NO_FIELDS);
  const [keep, setKeep] = useState(false);
  const categories = useCategories();
  const setup = useCallQuery('msp:get', []);
  const settings = useCallQuery('settings:get', []);
  const delegations = useCallQuery('delegations:list', []);
  const create = useCallMutation('tasks:create');
  const startTimer = useCallMutation('timer:start');
  const assign = useCallMutation('tasks:assign');
  const time = useTime();
  const toasts = useToasts();

  const today = time.today;
  const parsed: QuickAddResult = useMemo(
    () =>
      parseQuickAdd(text, {
        today,
        weekStartsOn: settings.data?.weekStartsOn ?? 1,
        categories: categories.data ?? [],
        technicians: setup.data?.technicians ?? [],
      }),
    [text, today, settings.data, categories.data, setup.data],
  );
  const blocking = parsed.title === '';
  /** Her explicit choice: typed (@me, @msp) or "Keep it myself" ticked in the preview; an interrupt she is on is hers. */
  const ownerChoice = interrupt ? 'me' : (parsed.owner ?? (keep ? 'me' : null));
  const timerCategory = parsed.categoryId !== null ? categories.byId.get(parsed.categoryId) : interruptCategory(categories.data ?? []);
  const facts = { categoryId: parsed.categoryId, plannedDay: null, dueDay: parsed.dueDay, keepOwner: ownerChoice === 'me', handedOver: ownerChoice === 'msp' };
  const owner = ownerOf(facts, delegations.data ?? [], today);
  const delegatedCategory =
    parsed.categoryId !== null && delegationOn(delegations.data ?? [], parsed.categoryId, referenceDay(facts, today)) !== undefined
      ? categories.byId.get(parsed.categoryId)
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocking || create.isPending || startTimer.isPending) return;
    try {
      // After a timer that failed to start, pressing Add again retries the timer, not the task.
      const task =
        created ??
        (await create.mutateAsync({
          title: parsed.title,
          categoryId: parsed.categoryId,
          estimateMinutes: parsed.estimateMinutes,
          dueDay: parsed.dueDay,
          priority: parsed.priority,
          unplanned: parsed.unplanned || interrupt,
          owner: ownerChoice,
          technicianId: interrupt ? null : parsed.technicianId,
        }));
      setCreated(task);
      if (interrupt) {
        await startTimer.mutateAsync({ taskId: task.id, categoryId: task.categoryId ?? timerCategory?.id ?? null });
        toasts.show(`Timer started on “${task.title}”`);
      } else {
        if (task.owner === 'msp') {
          // The category is delegated: say so, and let her keep it in one step (the preview offered it too).
          toasts.show(`Added “${task.title}” to the MSP’s queue`, {
            action: {
              label: 'Keep it mine',
              // The dialog is gone by the time she clicks: a promise, since mutate's callbacks die with it.
              run: () =>
                void assign.mutateAsync({ id: task.id, owner: 'me', technicianId: null, keep: true }).then(
                  () => toasts.show(`You kept “${task.title}”`),
                  (error: unknown) => toasts.show(error instanceof Error ? error.message : String(error), { tone: 'error' }),
                ),
            },
          });
        } else {
          toasts.show(`Added “${task.title}”`);
        }
      }
      onClose();
    } catch (caught) {
      form.fail(caught);
    }
  };

  const technician = setup.data?.technicians.find((entry) => entry.id === parsed.technicianId);
  return (
    <Dialog title="Quick add" className="quick-add" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <label htmlFor="quick-add-input" className="visually-hidden">
          Task in one line
        </label>
        <input
          id="quick-add-input"
          type="text"
          className="quick-add-input"
          autoComplete="off"
          placeholder="Reset VPN for sales #support ~30m today !"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            form.reset();
          }}
          aria-describedby="quick-add-preview quick-add-help"
        />
        <div id="quick-add-preview" className="quick-add-preview" aria-live="polite">
          <div>
            <span className="muted">Title:</span> {parsed.title === '' ? <em className="muted">none yet</em> : <strong>{parsed.title}</strong>}
          </div>
          <ul className="preview-chips" aria-label="Understood">
            {parsed.categoryId !== null && <li>Category: {categories.byId.get(parsed.categoryId)?.name}</li>}
            {parsed.estimateMinutes !== null && <li>Estimate: {formatDuration(parsed.estimateMinutes)}</li>}
            {parsed.dueDay !== null && <li>Due: {time.describeDue(parsed.dueDay).text}</li>}
            {parsed.priority > 0 && <li>Priority: {PRIORITY[parsed.priority]}</li>}
            {parsed.unplanned && <li>Unplanned</li>}
          </ul>
          <p className="quick-add-owner">
            {owner === 'msp' ? (
              <>
                <strong>Goes to the MSP</strong>
                {technician ? ` (${technician.name})` : ''}
                {parsed.owner === null && delegatedCategory ? ` — ${delegatedCategory.name} is delegated` : ''}
              </>
            ) : (
              <>
                <strong>Yours</strong>
                {ownerChoice === 'me' && delegatedCategory ? ` — kept, although ${delegatedCategory.name} is delegated` : ''}
              </>
            )}
          </p>
          {parsed.owner === null && delegatedCategory && (
            <label className="checkbox">
              <input type="checkbox" checked={keep} onChange={(event) => setKeep(event.target.checked)} />
              Keep it myself
            </label>
          )}
          {offerInterrupt && (
            <label className="checkbox">
              <input type="checkbox" checked={interrupt} onChange={(event) => setInterrupt(event.target.checked)} />
              Interrupt: start the timer on it now
            </label>
          )}
          {interrupt && (
            <p className="muted figure-note">
              {parsed.categoryId === null
                ? timerCategory
                  ? `The task and its time go under ${timerCategory.name}; give it its own category whenever you like.`
                  : 'Add a category first: every hour is counted in one.'
                : `The time counts under ${timerCategory?.name ?? 'its category'}.`}
            </p>
          )}
          {parsed.problems.length > 0 && (
            <ul className="preview-problems" aria-label="Not understood">
              {parsed.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          <FormError form={form} />
        </div>
        <p id="quick-add-help" className="muted figure-note">
          #category · ~30m estimate · today, fri, next mon, 2026-12-01, in 3 days · ! to !!! priority · @me, @msp or @technician · unplanned
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={blocking || create.isPending || startTimer.isPending}>
            {interrupt ? 'Add and start timer' : 'Add task'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
