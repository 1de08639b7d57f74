import { RECENT_SEARCH_TASKS, TASK_SORTS, type TaskSort } from '../../../shared/domain/types';
import { useCategories } from '../categories/use-categories';

export type StatusFilter = 'active' | 'done' | 'all';

/** The filters as she sets them; the search is sent once she pauses typing (tasks-screen.tsx). */
export interface TaskFilterState {
  status: StatusFilter;
  categoryId: number | null;
  owner: 'me' | 'msp' | null;
  unplanned: boolean | null;
  sort: TaskSort;
  dueBy: string;
  searchText: string;
}

export const NO_FILTERS: TaskFilterState = {
  status: 'active',
  categoryId: null,
  owner: null,
  unplanned: null,
  sort: 'urgency',
  dueBy: '',
  searchText: '',
};

const STATUSES: { value: StatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'done', label: 'Done' },
  { value: 'all', label: 'All' },
];
const SORT_LABELS: Record<TaskSort, string> = { urgency: 'Due date', priority: 'Priority', newest: 'Newest', title: 'Title' };

interface FilterProps {
  filters: TaskFilterState;
  onChange: (patch: Partial<TaskFilterState>) => void;
}

/** Active, done or all: the screen's main switch, so it sits beside the title. */
export function StatusSwitch({ filters, onChange }: FilterProps) {
  return (
    <div className="segmented" role="group" aria-label="Show">
      {STATUSES.map((entry) => (
        <button key={entry.value} type="button" aria-pressed={filters.status === entry.value} onClick={() => onChange({ status: entry.value })}>
          {entry.label}
        </button>
      ))}
    </div>
  );
}

/** Search, narrowing and order of the list. */
export function TaskFilters({ filters, onChange }: FilterProps) {
  const categories = useCategories();
  const { categoryId, owner, unplanned, sort, dueBy, searchText } = filters;
  return (
    <div className="toolbar task-filters" role="search" aria-label="Find tasks">
      <label className="inline-label grow">
        <span className="visually-hidden">Search tasks</span>
        <input type="search" placeholder="Search titles and notes…" value={searchText} onChange={(event) => onChange({ searchText: event.target.value })} />
      </label>
      <label className="inline-label">
        <span className="visually-hidden">Category filter</span>
        <select value={categoryId ?? ''} onChange={(event) => onChange({ categoryId: event.target.value === '' ? null : Number(event.target.value) })}>
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
        <select value={owner ?? ''} onChange={(event) => onChange({ owner: event.target.value === '' ? null : (event.target.value as 'me' | 'msp') })}>
          <option value="">Anyone</option>
          <option value="me">Mine</option>
          <option value="msp">The MSP’s</option>
        </select>
      </label>
      <label className="inline-label">
        <span className="visually-hidden">Planned or unplanned</span>
        <select
          value={unplanned === null ? '' : unplanned ? 'unplanned' : 'planned'}
          onChange={(event) => onChange({ unplanned: event.target.value === '' ? null : event.target.value === 'unplanned' })}
        >
          <option value="">Planned and unplanned</option>
          <option value="planned">Planned only</option>
          <option value="unplanned">Unplanned only</option>
        </select>
      </label>
      <label className="inline-label">
        Due by{' '}
        <input type="date" value={dueBy} onChange={(event) => onChange({ dueBy: event.target.value })} />
      </label>
      <label className="inline-label">
        Sort{' '}
        {searchText.trim() === '' ? (
          <select value={sort} onChange={(event) => onChange({ sort: event.target.value as TaskSort })}>
            {TASK_SORTS.map((value) => (
              <option key={value} value={value}>
                {SORT_LABELS[value]}
              </option>
            ))}
          </select>
        ) : (
          // A search lists its best matches first (tasks:list ranks them); her sort returns with an empty search.
          <select
            value="relevance"
            disabled
            title={
              filters.status === 'active'
                ? 'While searching, the best matches among all your active tasks come first'
                : `While searching, the best matches among your newest ${RECENT_SEARCH_TASKS.toLocaleString('en-US')} tasks come first, then, when you ask, the best among older ones`
            }
          >
            <option value="relevance">Best match</option>
          </select>
        )}
      </label>
    </div>
  );
}
