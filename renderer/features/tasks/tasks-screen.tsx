import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { RECENT_SEARCH_TASKS, type Task, type TaskPage } from '../../../shared/domain/types';
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
/** Pages kept in memory (1,000 tasks): scrolling on drops the first, scrolling back loads it again. */
const MAX_PAGES = 10;

/** Where a page starts (`after`), and where each page before it started, so a dropped page can be loaded again. */
interface PageStart {
  after: string | null;
  earlier: readonly (string | null)[];
}
const FIRST_PAGE: PageStart = { after: null, earlier: [] };
const NEWEST = `your newest ${RECENT_SEARCH_TASKS.toLocaleString('en-US')}`;

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
  const shown = { status, categoryId, owner, unplanned, sort, search, dueBy: dueBy === '' ? null : dueBy };
  // A search looks through her newest tasks; the older ones when she asks, for this search and these filters only.
  const [olderAskedFor, setOlderAskedFor] = useState<string | null>(null);
  const filter = { ...shown, older: olderAskedFor === JSON.stringify(shown) ? ('include' as const) : ('on-request' as const) };

  const tasks = useInfiniteQuery({
    queryKey: ['tasks:list', filter],
    queryFn: ({ pageParam }) => call('tasks:list', { ...filter, after: pageParam.after, limit: PAGE_SIZE }),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last, _pages, start): PageStart | undefined =>
      last.next === null ? undefined : { after: last.next, earlier: [...start.earlier, start.after] },
    getPreviousPageParam: (_first, _pages, start): PageStart | undefined =>
      start.earlier.length === 0 ? undefined : { after: start.earlier.at(-1) ?? null, earlier: start.earlier.slice(0, -1) },
    maxPages: MAX_PAGES,
    placeholderData: (previous) => previous,
  });
  const rows = useMemo(() => tasks.data?.pages.flatMap((page) => page.tasks) ?? [], [tasks.data]);
  // Every page before the first one kept was full: the rows kept start at this position in the list.
  const firstIndex = ((tasks.data?.pageParams[0] as PageStart | undefined)?.earlier.length ?? 0) * PAGE_SIZE;
  const total = tasks.data?.pages[0]?.total ?? 0;
  const totalCapped = tasks.data?.pages[0]?.totalCapped ?? false;
  const lastPage: TaskPage | undefined = tasks.data?.pages.at(-1);
  const olderLeftOut = tasks.data?.pages[0]?.olderLeftOut ?? false;
  const searchOlder = () => setOlderAskedFor(JSON.stringify(shown));
  const searchOlderButton = (
    <button type="button" className="button button-small" onClick={searchOlder}>
      Search older tasks too
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
        <EmptyState title={search ? (olderLeftOut ? 'No recent task matches' : 'No task matches') : status === 'done' ? 'Nothing completed yet' : 'No tasks here yet'}>
          {search && olderLeftOut ? (
            <>
              <p>None of {NEWEST} tasks has all of “{search}” in its title or notes.</p>
              {searchOlderButton}
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
              {olderLeftOut && ` among ${NEWEST}`}
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
            hasMore={tasks.hasNextPage}
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
          {olderLeftOut && lastPage?.next === null && (
            <div className="list-footer">
              <p className="muted">That is every match among {NEWEST} tasks.</p>
              {searchOlderButton}
            </div>
          )}
        </>
      )}
      <RecurringSection />
      {editing && <TaskEditorLoader key={editing.id} id={editing.id} onClose={() => setEditing(null)} />}
    </Screen>
  );
}
