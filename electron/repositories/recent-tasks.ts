import type { RecentTask } from '../../shared/api/desktop-views';
import { preparedFor, type SqliteDatabase } from '../db/connection';

interface RecentTaskRow {
  id: number;
  title: string;
  category_id: number | null;
  last_at: number;
}

const statements = preparedFor((db) => ({
  // time_entries_by_start (worker, start_at) bounds the scan to the window; only open tasks qualify.
  recent: db.prepare<[{ since: number; limit: number }], RecentTaskRow>(
    `SELECT t.id, t.title, t.category_id, max(e.start_at) AS last_at
       FROM time_entries e JOIN tasks t ON t.id = e.task_id
      WHERE e.worker = 'me' AND e.start_at >= :since AND e.task_id IS NOT NULL
        AND t.deleted_at IS NULL AND t.status <> 'done'
      GROUP BY t.id
      ORDER BY last_at DESC, t.id DESC
      LIMIT :limit`,
  ),
}));

/** Her open tasks with time logged on them since `since`, the most recently timed first. */
export function recentlyTimedTasks(db: SqliteDatabase, since: number, limit: number): RecentTask[] {
  return statements(db)
    .recent.all({ since, limit })
    .map((row) => ({ id: row.id, title: row.title, categoryId: row.category_id, lastTrackedAt: row.last_at }));
}
