import type { LocalDay } from './day';
import type { CategoryKind, Owner, Priority, TaskStatus } from './fields';

export { TASK_SORTS, TASK_STATUSES, type CategoryKind, type Owner, type Priority, type TaskSort, type TaskStatus } from './fields';

export interface Category {
  id: number;
  name: string;
  /** `#rrggbb`, lower case. */
  color: string;
  kind: CategoryKind;
  archived: boolean;
  sortOrder: number;
}

export interface Task {
  id: number;
  title: string;
  notes: string;
  categoryId: number | null;
  owner: Owner;
  /** She keeps this task although its category is delegated. */
  keepOwner: boolean;
  /** She handed this task to the MSP herself: it stays the MSP's whatever the delegations say. */
  handedOver: boolean;
  technicianId: number | null;
  estimateMinutes: number | null;
  dueDay: LocalDay | null;
  plannedDay: LocalDay | null;
  priority: Priority;
  status: TaskStatus;
  /** An interrupt or emergency: counts toward the break–fix indicator. */
  unplanned: boolean;
  /** Instants are epoch milliseconds (UTC). */
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
  /** Time logged on the task (finished entries), to set against the estimate. */
  loggedMinutes: number;
}

export interface TaskPage {
  /** How many tasks match the filter in all, counted up to TASK_COUNT_CAP. */
  total: number;
  /** More than `total` match: show it as "1,000+". */
  totalCapped: boolean;
  tasks: Task[];
  /** Pass as `after` for the page that follows; null on the last page. */
  next: string | null;
  /**
   * A search that has looked through only her newer tasks so far, while she has older ones: `total`
   * and the pages leave the older out, so the list offers to search further back (`further`).
   * A search looks through her newest RECENT_SEARCH_TASKS tasks, then one era of ERA_TASKS older
   * ones at a time as she asks. Never for a search of open tasks, which looks through every open task.
   */
  olderLeftOut: boolean;
  /** With `olderLeftOut`: when the oldest task the search has looked through was added (epoch ms). */
  searchedFrom: number | null;
  /**
   * On a search's last page, while older tasks are left out: pass as `after` to search the next
   * older era, whose pages follow (and count with) the ones before.
   */
  further: string | null;
}

/** Counting stops here: a list says "1,000+ tasks" rather than count ten years of them. */
export const TASK_COUNT_CAP = 1000;

/**
 * A search ranks the matches among her newest this many tasks first, then those among the older
 * ones (migration 016 keeps their index). Changing it needs a migration that moves the window.
 */
export const RECENT_SEARCH_TASKS = 50_000;

export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface AppStatus {
  version: string;
  mode: 'electron' | 'browser';
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  /** Her time zone: the setting, or the system's when she has not chosen one. Every day and time she sees is in it. */
  timeZone: string;
  /** The zone of the machine running Offload: what "follow the system" means. */
  systemTimeZone: string;
  /** Set when the database could not be opened; every other call then fails with this error. */
  fatal: { code: string; message: string } | null;
  notices: Notice[];
  /** True until she has created her first task: the UI shows the first-run guide. */
  firstRun: boolean;
}
