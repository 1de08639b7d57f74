import { useInfiniteQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/errors';
import { formatDuration } from '../../../shared/domain/duration';
import type { Task } from '../../../shared/domain/types';
import { call } from '../../api/client';
import { useCallMutation } from '../../api/hooks';
import { EmptyState } from '../../ui/empty-state';
import { Field } from '../../ui/field';
import { describeDue, todayLocal } from '../../ui/format';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { draftToFields, EMPTY_DRAFT, type TaskDraft } from './task-draft';
import { TaskEditor } from './task-editor';
import { CoreTaskFields } from './task-fields';

type StatusFilter = 'active' | 'done' | 'all';
const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'done', label: 'Done' },
  { value: 'all', label: 'All' },
];
const PAGE_SIZE = 100;
const TASK_QUERIES = ['tasks:', 'app:status'];

export function TasksScreen() {
  const [status, setStatus] = useState<StatusFilter>('active');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Task | null>(null);
  const categories = useCategories();

  const tasks = useInfiniteQuery({
    queryKey: ['tasks:list', { status, categoryId }],
    queryFn: ({ pageParam }) => call('tasks:list', { status, categoryId, offset: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.tasks.length < last.total ? last.offset + last.tasks.length : undefined),
  });
  const rows = tasks.data?.pages.flatMap((page) => page.tasks) ?? [];
  const total = tasks.data?.pages[0]?.total ?? 0;

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title" tabIndex={-1}>
          Tasks
        </h1>
        <div className="toolbar" role="group" aria-label="Filter tasks">
          <div className="segmented">
            {FILTERS.map((filter) => (
              <button
                key={filter.value}
                type="button"
                aria-pressed={status === filter.value}
                onClick={() => setStatus(filter.value)}
              >
                {filter.label}
              </button>
            ))}
          </div>
          <label className="inline-label">
            <span className="visually-hidden">Category filter</span>
            <select
              value={categoryId ?? ''}
              onChange={(event) => setCategoryId(event.target.value === '' ? null : Number(event.target.value))}
            >
              <option value="">All categories</option>
              {categories.active.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>

      <NewTaskForm />

      {tasks.isError && (
        <p className="form-error" role="alert">
          {tasks.error.message}
        </p>
      )}
      {tasks.isSuccess && rows.length === 0 && (
        <EmptyState title={status === 'done' ? 'Nothing completed yet' : 'No tasks here yet'}>
          {status === 'done' ? (
            <p>Tasks you complete appear here, newest first.</p>
          ) : (
            <p>
              Add what is on your plate with the form above — a support call, a patch run, a licence renewal. Give it a
              category and an estimate so Offload can later show where your week goes.
            </p>
          )}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <>
          <p className="muted list-count" aria-live="polite">
            {total === 1 ? '1 task' : `${total.toLocaleString()} tasks`}
          </p>
          <ul className="task-list" aria-label="Tasks">
            {rows.map((task) => (
              <TaskRow key={task.id} task={task} onEdit={() => setEditing(task)} />
            ))}
          </ul>
          {tasks.hasNextPage && (
            <button type="button" className="button" onClick={() => void tasks.fetchNextPage()} disabled={tasks.isFetchingNextPage}>
              {tasks.isFetchingNextPage ? 'Loading…' : `Show more (${(total - rows.length).toLocaleString()} left)`}
            </button>
          )}
        </>
      )}
      {editing && <TaskEditor key={editing.id} task={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

function NewTaskForm() {
  const [draft, setDraft] = useState<TaskDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const title = useRef<HTMLInputElement>(null);
  const categories = useCategories();
  const create = useCallMutation('tasks:create', TASK_QUERIES);

  const change = (patch: Partial<TaskDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const converted = draftToFields(draft);
    if ('errors' in converted) {
      setErrors(converted.errors);
      setFormError(null);
      return;
    }
    try {
      await create.mutateAsync(converted.fields);
      setDraft({ ...EMPTY_DRAFT, categoryId: draft.categoryId });
      setErrors({});
      setFormError(null);
      title.current?.focus();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setErrors(Object.fromEntries(error.issues.map((issue) => [issue.field, issue.message])));
      setFormError(error.message);
    }
  };

  return (
    <form className="new-task card" onSubmit={submit} noValidate aria-label="New task">
      <Field label="New task" error={errors.title} className="grow">
        <input
          ref={title}
          type="text"
          placeholder="e.g. Renew the firewall licence"
          value={draft.title}
          onChange={(event) => change({ title: event.target.value })}
          maxLength={500}
        />
      </Field>
      <CoreTaskFields draft={draft} onChange={change} errors={errors} categories={categories.active} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Add task
      </button>
      {formError && !Object.values(errors).some(Boolean) && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
    </form>
  );
}

function TaskRow({ task, onEdit }: { task: Task; onEdit: () => void }) {
  const { byId } = useCategories();
  const toasts = useToasts();
  const setStatus = useCallMutation('tasks:setStatus', TASK_QUERIES);
  const remove = useCallMutation('tasks:delete', TASK_QUERIES);
  const restore = useCallMutation('tasks:restore', TASK_QUERIES);
  // Shown at once; the server's answer then moves the row (or reverts it on error).
  const [optimisticDone, setOptimisticDone] = useState<boolean | null>(null);
  const done = optimisticDone ?? task.status === 'done';
  const due = task.dueDay ? describeDue(task.dueDay, todayLocal()) : null;

  const fail = (error: unknown) => toasts.show(error instanceof Error ? error.message : String(error), { tone: 'error' });

  const toggle = () => {
    const previous = task.status;
    setOptimisticDone(!done);
    setStatus.mutate(
      { id: task.id, status: done ? 'open' : 'done' },
      {
        onError: (error) => {
          setOptimisticDone(null);
          fail(error);
        },
        onSuccess: (updated) => {
          if (updated.status !== 'done') return;
          toasts.show(`Completed “${task.title}”`, {
            action: { label: 'Undo', run: () => setStatus.mutate({ id: task.id, status: previous }, { onError: fail }) },
          });
        },
      },
    );
  };

  const onDelete = () =>
    remove.mutate(
      { id: task.id },
      {
        onError: fail,
        onSuccess: () =>
          toasts.show(`Deleted “${task.title}”`, {
            action: { label: 'Undo', run: () => restore.mutate({ id: task.id }, { onError: fail }) },
          }),
      },
    );

  return (
    <li className={`task-row${done ? ' is-done' : ''}`}>
      <input
        type="checkbox"
        className="task-check"
        checked={done}
        onChange={toggle}
        aria-label={done ? `Reopen “${task.title}”` : `Complete “${task.title}”`}
      />
      <div className="task-main">
        <button type="button" className="task-title" onClick={onEdit}>
          {task.title}
        </button>
        <div className="task-meta">
          <CategoryChip category={task.categoryId === null ? undefined : byId.get(task.categoryId)} />
          {due && <span className={due.overdue && !done ? 'due overdue' : 'due'}>{due.text}</span>}
          {task.estimateMinutes !== null && <span>~{formatDuration(task.estimateMinutes)}</span>}
          {task.priority > 0 && (
            <span className="priority" aria-label={`Priority ${task.priority} of 3`}>
              {'!'.repeat(task.priority)}
            </span>
          )}
          {task.unplanned && <span className="tag">Unplanned</span>}
          {task.status === 'in_progress' && <span className="tag">In progress</span>}
          {task.status === 'waiting' && <span className="tag">Waiting</span>}
        </div>
      </div>
      <div className="task-actions">
        <button type="button" className="button button-small" onClick={onEdit} aria-label={`Edit “${task.title}”`}>
          Edit
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          onClick={onDelete}
          aria-label={`Delete “${task.title}”`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
