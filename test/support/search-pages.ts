import type { LocalDay } from '../../shared/domain/day';
import type { TaskPage } from '../../shared/domain/types';
import type { SqliteDatabase } from '../../electron/db/connection';
import { listTasks, type TaskListFilter } from '../../electron/repositories/tasks';

export interface SearchedThrough {
  /** Every id listed, in order, page after page and step after step. */
  ids: number[];
  /** Every page, in order. */
  pages: TaskPage[];
  /** How many times the search stepped further back (a page's `further`). */
  steps: number;
}

/** A list read as a user who keeps scrolling and keeps asking to search further back reads it. */
export function searchThrough(db: SqliteDatabase, filter: TaskListFilter, today: LocalDay): SearchedThrough {
  const pages: TaskPage[] = [];
  let after: string | null = filter.after ?? null;
  let steps = 0;
  for (;;) {
    const page = listTasks(db, { ...filter, after }, today);
    pages.push(page);
    if (page.next !== null) after = page.next;
    else if (page.further !== null) {
      after = page.further;
      steps += 1;
    } else break;
  }
  return { ids: pages.flatMap((page) => page.tasks.map((task) => task.id)), pages, steps };
}
