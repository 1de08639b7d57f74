import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { parseQuickAdd, type QuickAddResult } from '../../../shared/domain/quick-add';
import { formatDuration } from '../../../shared/domain/duration';
import { call } from '../../api/client';
import { useCallQuery } from '../../api/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/errors';
import { describeDue, todayLocal } from '../../ui/format';
import { useToasts } from '../../ui/toasts';
import { useCategories } from '../categories/use-categories';

const PRIORITY = ['', '!', '!!', '!!!'];

/** One line in, one task out: `Reset VPN for sales #support ~30m today !`. */
export function QuickAddDialog({ onClose, initial = '' }: { onClose: () => void; initial?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const categories = useCategories();
  const setup = useCallQuery('msp:get', []);
  const settings = useCallQuery('settings:get', []);
  const queryClient = useQueryClient();
  const toasts = useToasts();

  useEffect(() => {
    const node = dialog.current;
    node?.showModal();
    return () => node?.close();
  }, []);

  const today = todayLocal();
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocking || saving) return;
    setSaving(true);
    try {
      const task = await call('tasks:create', {
        title: parsed.title,
        categoryId: parsed.categoryId,
        estimateMinutes: parsed.estimateMinutes,
        dueDay: parsed.dueDay,
        priority: parsed.priority,
        unplanned: parsed.unplanned,
      });
      if (parsed.owner !== null) {
        await call('tasks:assign', { id: task.id, owner: parsed.owner, technicianId: parsed.technicianId, keep: parsed.owner === 'me' });
      }
      await queryClient.invalidateQueries();
      toasts.show(`Added “${task.title}”`);
      onClose();
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught.message);
    } finally {
      setSaving(false);
    }
  };

  const technician = setup.data?.technicians.find((entry) => entry.id === parsed.technicianId);
  return (
    <dialog ref={dialog} className="dialog quick-add" aria-labelledby="quick-add-title" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="quick-add-title">Quick add</h2>
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
            setError(null);
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
            {parsed.dueDay !== null && <li>Due: {describeDue(parsed.dueDay, today).text}</li>}
            {parsed.priority > 0 && <li>Priority: {PRIORITY[parsed.priority]}</li>}
            {parsed.owner === 'msp' && <li>For the MSP{technician ? ` (${technician.name})` : ''}</li>}
            {parsed.owner === 'me' && <li>Kept by you</li>}
            {parsed.unplanned && <li>Unplanned</li>}
          </ul>
          {parsed.problems.length > 0 && (
            <ul className="preview-problems" aria-label="Not understood">
              {parsed.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <p id="quick-add-help" className="muted figure-note">
          #category · ~30m estimate · today, fri, next mon, 2026-12-01, in 3 days · ! to !!! priority · @me, @msp or @technician · unplanned
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={blocking || saving}>
            Add task
          </button>
        </div>
      </form>
    </dialog>
  );
}
