import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { RecurringSection } from '../recurring/recurring-section';
import { ApiError } from '../../../shared/api/errors';
import { formatDuration } from '../../../shared/domain/duration';
import { TASK_SORTS, type Task, type TaskSort } from '../../../shared/domain/types';
import { call } from '../../api/client';
import { useCallMutation } from '../../api/hooks';
import { EmptyState } from '../../ui/empty-state';
import { Field } from '../../ui/field';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { draftToFields, EMPTY_DRAFT, type TaskDraft } from './task-draft';
import { TaskEditorLoader } from './task-editor';
import { StartTimerButton } from '../timer/running-timer';
import { CoreTaskFields } from './task-fields';

type StatusFilter = 'active' | 'done' | 'all';
const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'done', label: 'Done' },
  { value: 'all', label: 'All' },
];
const SORT_LABELS: Record<TaskSort, string> = { urgency: 'Due date', priority: 'Priority', newest: 'Newest', title: 'Title' };
const PAGE_SIZE = 100;
const ROW_HEIGHT = 62;

export function TasksScreen() {
  const [status, setStatus] = useState<StatusFilter>('active');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [owner, setOwner] = useState<'me' | 'msp' | null>(null);
  const [unplanned, setUnplanned] = useState<boolean | null>(null);
  const [sort, setSort] = useState<TaskSort>('urgency');
  const [dueBy, setDueBy] = useState('');
  const [searchText, setSearchText] = useState('');
  const search = useDeferredValue(searchText.trim());
  const [editing, setEditing] = useState<Task | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const categories = useCategories();
  const filter = { status, categoryId, owner, unplanned, sort, search, dueBy: dueBy === '' ? null : dueBy };

  const tasks = useInfiniteQuery({
    queryKey: ['tasks:list', filter],
    queryFn: ({ pageParam }) => call('tasks:list', { ...filter, offset: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.tasks.length < last.total ? last.offset + last.tasks.length : undefined),
    placeholderData: (previous) => previous,
  });
  const rows = useMemo(() => tasks.data?.pages.flatMap((page) => page.tasks) ?? [], [tasks.data]);
  const total = tasks.data?.pages[0]?.total ?? 0;
  const toggleSelected = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title" tabIndex={-1}>
          Tasks
        </h1>
        <div className="segmented" role="group" aria-label="Show">
          {FILTERS.map((entry) => (
            <button key={entry.value} type="button" aria-pressed={status === entry.value} onClick={() => setStatus(entry.value)}>
              {entry.label}
            </button>
          ))}
        </div>
      </header>

      <NewTaskForm />

      <div className="toolbar task-filters" role="search" aria-label="Find tasks">
        <label className="inline-label grow">
          <span className="visually-hidden">Search tasks</span>
          <input type="search" placeholder="Search titles and notes…" value={searchText} onChange={(event) => setSearchText(event.target.value)} />
        </label>
        <label className="inline-label">
          <span className="visually-hidden">Category filter</span>
          <select value={categoryId ?? ''} onChange={(event) => setCategoryId(event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">All categories</option>
            {categories.active.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-label">
          <span className="visually-hidden">Owner filter</span>
          <select value={owner ?? ''} onChange={(event) => setOwner(event.target.value === '' ? null : (event.target.value as 'me' | 'msp'))}>
            <option value="">Anyone</option>
            <option value="me">Mine</option>
            <option value="msp">The MSP’s</option>
          </select>
        </label>
        <label className="inline-label">
          <span className="visually-hidden">Planned or unplanned</span>
          <select
            value={unplanned === null ? '' : unplanned ? 'unplanned' : 'planned'}
            onChange={(event) => setUnplanned(event.target.value === '' ? null : event.target.value === 'unplanned')}
          >
            <option value="">Planned and unplanned</option>
            <option value="planned">Planned only</option>
            <option value="unplanned">Unplanned only</option>
          </select>
        </label>
        <label className="inline-label">
          Due by{' '}
          <input type="date" value={dueBy} onChange={(event) => setDueBy(event.target.value)} />
        </label>
        <label className="inline-label">
          Sort{' '}
          <select value={sort} onChange={(event) => setSort(event.target.value as TaskSort)}>
            {TASK_SORTS.map((value) => (
              <option key={value} value={value}>
                {SORT_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
      </div>

      {selected.size > 0 && <BulkBar ids={[...selected]} onDone={() => setSelected(new Set())} />}

      {tasks.isError && (
        <p className="form-error" role="alert">
          {tasks.error.message}
        </p>
      )}
      {tasks.isSuccess && rows.length === 0 && (
        <EmptyState title={search ? 'No task matches' : status === 'done' ? 'Nothing completed yet' : 'No tasks here yet'}>
          {search ? (
            <p>Nothing has all of “{search}” in its title or notes. Try fewer or shorter words.</p>
          ) : status === 'done' ? (
            <p>Tasks you complete appear here, newest first.</p>
          ) : (
            <p>
              Add what is on your plate with the form above — a support call, a patch run, a licence renewal — or press N to
              add one in a single line. Give it a category and an estimate so Offload can show where your week goes.
            </p>
          )}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <>
          <p className="muted list-count" aria-live="polite">
            {total === 1 ? '1 task' : `${total.toLocaleString()} tasks`}
          </p>
          <VirtualTaskList
            rows={rows}
            total={total}
            hasMore={tasks.hasNextPage}
            loadMore={() => {
              if (!tasks.isFetchingNextPage) void tasks.fetchNextPage();
            }}
            selected={selected}
            onSelect={toggleSelected}
            onEdit={setEditing}
          />
        </>
      )}
      <RecurringSection />
      {editing && <TaskEditorLoader key={editing.id} id={editing.id} onClose={() => setEditing(null)} />}
    </section>
  );
}

/**
 * Only the rows in view are in the DOM, so ten thousand tasks scroll like ten. Pages of 200 load
 * as she nears the end of what is loaded.
 */
function VirtualTaskList({
  rows,
  total,
  hasMore,
  loadMore,
  selected,
  onSelect,
  onEdit,
}: {
  rows: Task[];
  total: number;
  hasMore: boolean;
  loadMore: () => void;
  selected: ReadonlySet<number>;
  onSelect: (id: number, on: boolean) => void;
  onEdit: (task: Task) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler, so its memoisation warning about this hook does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1);
  useEffect(() => {
    if (hasMore && last && last.index >= rows.length - 40) loadMore();
  }, [hasMore, last, rows.length, loadMore]);

  return (
    <div
      ref={scroller}
      className="task-scroller"
      tabIndex={0}
      aria-label="Task list, scrollable"
      // As tall as its rows, up to the CSS max-height; beyond that it scrolls.
      style={{ height: virtualizer.getTotalSize() + 2 }}
    >
      <ul className="task-list virtual" aria-label="Tasks" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const task = rows[item.index]!;
          return (
            <TaskRow
              key={task.id}
              task={task}
              index={item.index}
              total={total}
              offset={item.start}
              measure={virtualizer.measureElement}
              selected={selected.has(task.id)}
              onSelect={(on) => onSelect(task.id, on)}
              onEdit={() => onEdit(task)}
            />
          );
        })}
      </ul>
    </div>
  );
}

function BulkBar({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const bulk = useCallMutation('tasks:bulk');
  const toasts = useToasts();
  const [plannedDay, setPlannedDay] = useState('');
  const run = (action: Parameters<typeof bulk.mutate>[0]['action'], label: string) =>
    bulk.mutate(
      { ids, action },
      {
        onSuccess: ({ changed }) => {
          toasts.show(`${label}: ${changed} task${changed === 1 ? '' : 's'}`);
          onDone();
        },
        onError: (error) => toasts.show(error.message, { tone: 'error' }),
      },
    );
  return (
    <div className="bulk-bar card" role="region" aria-label="Selected tasks">
      <strong>{ids.length} selected</strong>
      <button type="button" className="button button-small" onClick={() => run({ kind: 'complete' }, 'Completed')}>
        Complete
      </button>
      <button type="button" className="button button-small" onClick={() => run({ kind: 'assign', owner: 'msp' }, 'Handed to the MSP')}>
        Hand to the MSP
      </button>
      <button type="button" className="button button-small" onClick={() => run({ kind: 'assign', owner: 'me' }, 'Kept by you')}>
        Keep myself
      </button>
      <label className="inline-label">
        <span className="visually-hidden">Plan for day</span>
        <input type="date" value={plannedDay} onChange={(event) => setPlannedDay(event.target.value)} />
      </label>
      <button
        type="button"
        className="button button-small"
        disabled={plannedDay === ''}
        onClick={() => run({ kind: 'plan', plannedDay }, `Planned for ${plannedDay}`)}
      >
        Plan
      </button>
      <button type="button" className="button button-small" onClick={onDone}>
        Clear selection
      </button>
    </div>
  );
}

function NewTaskForm() {
  const [draft, setDraft] = useState<TaskDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const title = useRef<HTMLInputElement>(null);
  const categories = useCategories();
  const create = useCallMutation('tasks:create');

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
      setErrors(error.fieldErrors());
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

interface TaskRowProps {
  task: Task;
  index: number;
  total: number;
  offset: number;
  measure: (node: Element | null) => void;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onEdit: () => void;
}

function TaskRow({ task, index, total, offset, measure, selected, onSelect, onEdit }: TaskRowProps) {
  const { byId } = useCategories();
  const toasts = useToasts();
  const setStatus = useCallMutation('tasks:setStatus');
  const remove = useCallMutation('tasks:delete');
  const restore = useCallMutation('tasks:restore');
  // Shown at once; the server's answer then moves the row (or reverts it on error).
  const [optimisticDone, setOptimisticDone] = useState<boolean | null>(null);
  const done = optimisticDone ?? task.status === 'done';
  const time = useTime();
  const due = task.dueDay ? time.describeDue(task.dueDay, { done }) : null;

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
    <li
      ref={measure}
      data-index={index}
      aria-setsize={total}
      aria-posinset={index + 1}
      className={`task-row${done ? ' is-done' : ''}${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${offset}px)` }}
    >
      <input
        type="checkbox"
        className="select-check"
        checked={selected}
        onChange={(event) => onSelect(event.target.checked)}
        aria-label={`Select “${task.title}”`}
      />
      <input
        type="checkbox"
        className="task-check"
        checked={done}
        onChange={toggle}
        aria-label={`Complete “${task.title}”`}
      />
      <div className="task-main">
        <button type="button" className="task-title" onClick={onEdit}>
          {task.title}
        </button>
        <div className="task-meta">
          <CategoryChip category={task.categoryId === null ? undefined : byId.get(task.categoryId)} />
          {due && <span className={due.overdue ? 'due overdue' : 'due'}>{due.text}</span>}
          {(task.estimateMinutes !== null || task.loggedMinutes > 0) && (
            <span className={task.estimateMinutes !== null && task.loggedMinutes > task.estimateMinutes ? 'overdue' : undefined}>
              {task.estimateMinutes !== null && `~${formatDuration(task.estimateMinutes)}`}
              {task.estimateMinutes !== null && task.loggedMinutes > 0 && ' · '}
              {task.loggedMinutes > 0 && `${formatDuration(task.loggedMinutes)} logged`}
            </span>
          )}
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
        {!done && task.owner === 'me' && <StartTimerButton taskId={task.id} title={task.title} />}
        {task.owner === 'msp' && <span className="tag">MSP</span>}
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
