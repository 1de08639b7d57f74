import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import type { Task, TaskPage } from '../../../shared/domain/types';
import { call } from '../../api/client';
import { EmptyState } from '../../ui/empty-state';
import { Screen } from '../../ui/screen';
import { useTime } from '../../ui/time';
import { RecurringSection } from '../recurring/recurring-section';
import { BulkBar } from './bulk-bar';
import { NewTaskForm } from './new-task-form';
import { NO_FILTERS, StatusSwitch, TaskFilters, type TaskFilterState } from './task-filters';
import { TaskEditorLoader } from './task-editor';
import { VirtualTaskList } from './virtual-task-list';

const PAGE_SIZE = 100;
/** Pages kept in memory (1,000 tasks): scrolling on drops the first, scrolling back loads it again. */
const MAX_PAGES = 10;

/** Where a page starts (`after`), and where each page before it started, so a dropped page can be loaded again. */
interface PageStart {
  after: string | null;
  earlier: readonly (string | null)[];
}
const FIRST_PAGE: PageStart = { after: null, earlier: [] };

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
  const time = useTime();

  const tasks = useInfiniteQuery({
    queryKey: ['tasks:list', filter],
    queryFn: ({ pageParam }) => call('tasks:list', { ...filter, after: pageParam.after, limit: PAGE_SIZE }),
    initialPageParam: FIRST_PAGE,
    // A search's last page may offer to search further back (`further`): that page is loaded only
    // when she asks (the button below), never by scrolling.
    getNextPageParam: (last, _pages, start): PageStart | undefined => {
      const after = last.next ?? last.further;
      return after === null ? undefined : { after, earlier: [...start.earlier, start.after] };
    },
    getPreviousPageParam: (_first, _pages, start): PageStart | undefined =>
      start.earlier.length === 0 ? undefined : { after: start.earlier.at(-1) ?? null, earlier: start.earlier.slice(0, -1) },
    maxPages: MAX_PAGES,
    placeholderData: (previous) => previous,
  });
  const rows = useMemo(() => tasks.data?.pages.flatMap((page) => page.tasks) ?? [], [tasks.data]);
  // Every page before the first one kept was full: the rows kept start at this position in the list.
  const firstIndex = ((tasks.data?.pageParams[0] as PageStart | undefined)?.earlier.length ?? 0) * PAGE_SIZE;
  // The last page counts what the search has looked through so far (each step back adds its era).
  const lastPage: TaskPage | undefined = tasks.data?.pages.at(-1);
  const total = lastPage?.total ?? 0;
  const totalCapped = lastPage?.totalCapped ?? false;
  const olderLeftOut = lastPage?.olderLeftOut ?? false;
  const sinceDay = lastPage?.searchedFrom != null ? time.formatDay(time.dayOf(lastPage.searchedFrom)) : null;
  const since = sinceDay !== null ? `tasks added since ${sinceDay}` : 'your newer tasks';
  const canGoFurther = lastPage?.next === null && lastPage.further !== null;
  const searchFurtherButton = (
    <button
      type="button"
      className="button button-small"
      disabled={tasks.isFetchingNextPage}
      onClick={() => {
        if (!tasks.isFetchingNextPage) void tasks.fetchNextPage();
      }}
    >
      {tasks.isFetchingNextPage ? 'Searching…' : 'Search further back'}
    </button>
  );
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
        <EmptyState title={search ? (olderLeftOut ? `No task added since ${sinceDay ?? 'then'} matches` : 'No task matches') : status === 'done' ? 'Nothing completed yet' : 'No tasks here yet'}>
          {search && olderLeftOut ? (
            <>
              <p>
                None of the {since} has all of “{search}” in its title or notes.
              </p>
              {canGoFurther && searchFurtherButton}
            </>
          ) : search ? (
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
              {totalCapped ? `${total.toLocaleString()}+ tasks` : total === 1 ? '1 task' : `${total.toLocaleString()} tasks`}
              {olderLeftOut && ` among ${since}`}
            </p>
            {!selecting && (
              <button type="button" className="button button-small" onClick={() => setSelecting(true)}>
                Select tasks…
              </button>
            )}
          </div>
          <VirtualTaskList
            rows={rows}
            firstIndex={firstIndex}
            total={totalCapped ? null : total}
            hasMore={lastPage?.next != null}
            loadMore={() => {
              if (!tasks.isFetchingNextPage && !tasks.isFetchingPreviousPage) void tasks.fetchNextPage();
            }}
            hasEarlier={tasks.hasPreviousPage}
            loadEarlier={() => {
              if (!tasks.isFetchingNextPage && !tasks.isFetchingPreviousPage) void tasks.fetchPreviousPage();
            }}
            selecting={selecting}
            selected={selected}
            onSelect={toggleSelected}
            onEdit={setEditing}
          />
          {olderLeftOut && canGoFurther && (
            <div className="list-footer">
              <p className="muted">That is every match among the {since}.</p>
              {searchFurtherButton}
            </div>
          )}
        </>
      )}
      <RecurringSection />
      {editing && <TaskEditorLoader key={editing.id} id={editing.id} onClose={() => setEditing(null)} />}
    </Screen>
  );
}
