import type { LocalDay } from './day';

export type CategoryKind = 'operational' | 'strategic';

export interface Category {
  id: number;
  name: string;
  /** `#rrggbb`, lower case. */
  color: string;
  kind: CategoryKind;
  archived: boolean;
  sortOrder: number;
}

export const TASK_STATUSES = ['open', 'in_progress', 'waiting', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** 0 none, 1 `!`, 2 `!!`, 3 `!!!`. */
export type Priority = 0 | 1 | 2 | 3;

export type Owner = 'me' | 'msp';

/** How the task list can be ordered. */
export const TASK_SORTS = ['urgency', 'priority', 'newest', 'title'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export interface Task {
  id: number;
  title: string;
  notes: string;
  categoryId: number | null;
  owner: Owner;
  /** She keeps this task although its category is delegated. */
  keepOwner: boolean;
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
  /** How many tasks match the filter in all. */
  total: number;
  offset: number;
  tasks: Task[];
}

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
  /** Set when the database could not be opened; every other call then fails with this error. */
  fatal: { code: string; message: string } | null;
  notices: Notice[];
  /** True until she has created her first task: the UI shows the first-run guide. */
  firstRun: boolean;
}
