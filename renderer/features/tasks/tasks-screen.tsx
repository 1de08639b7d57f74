import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import type { Task } from '../../../shared/domain/types';
import { call } from '../../api/client';
import { EmptyState } from '../../ui/empty-state';
import { Screen } from '../../ui/screen';
import { RecurringSection } from '../recurring/recurring-section';
import { BulkBar } from './bulk-bar';
import { NewTaskForm } from './new-task-form';
import { NO_FILTERS, StatusSwitch, TaskFilters, type TaskFilterState } from './task-filters';
import { TaskEditorLoader } from './task-editor';
import { VirtualTaskList } from './virtual-task-list';

const PAGE_SIZE = 100;

/** Every task: add one, find and filter, act on one or many, and the recurring work that makes them. */
export function TasksScreen() {
  const [filters, setFilters] = useState<TaskFilterState>(NO_FILTERS);
  const changeFilters = (patch: Partial<TaskFilterState>) => setFilters((current) => ({ ...current, ...patch }));
  const search = useDeferredValue(filters.searchText.trim());
  const [editing, setEditing] = useState<Task | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const stopSelecting = () => {
    setSelecting(false);
    setSelected(new Set());
  };
  const { status, categoryId, owner, unplanned, sort, dueBy } = filters;
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
  const toggleSelected = (id: number, on: boolean) => {
    setSelecting(true);
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  return (
    <Screen title="Tasks" actions={<StatusSwitch filters={filters} onChange={changeFilters} />}>
      <NewTaskForm />
      <TaskFilters filters={filters} onChange={changeFilters} />

      {selecting && (
        <BulkBar
          ids={[...selected]}
          loaded={rows.length}
          onSelectAll={() => setSelected(new Set(rows.map((task) => task.id)))}
          onClear={() => setSelected(new Set())}
          onDone={stopSelecting}
        />
      )}

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
          <div className="list-header">
            <p className="muted list-count" aria-live="polite">
              {total === 1 ? '1 task' : `${total.toLocaleString()} tasks`}
            </p>
            {!selecting && (
              <button type="button" className="button button-small" onClick={() => setSelecting(true)}>
                Select tasks…
              </button>
            )}
          </div>
          <VirtualTaskList
            rows={rows}
            total={total}
            hasMore={tasks.hasNextPage}
            loadMore={() => {
              if (!tasks.isFetchingNextPage) void tasks.fetchNextPage();
            }}
            selecting={selecting}
            selected={selected}
            onSelect={toggleSelected}
            onEdit={setEditing}
          />
        </>
      )}
      <RecurringSection />
      {editing && <TaskEditorLoader key={editing.id} id={editing.id} onClose={() => setEditing(null)} />}
    </Screen>
  );
}
