import type { CoverageView, PlanTask } from '../../shared/api/views';
import { coverageReadiness, proposeHandover } from '../../shared/domain/coverage';
import type { LocalDay } from '../../shared/domain/day';
import type { SqliteDatabase } from '../db/connection';
import { listDelegations } from '../repositories/delegations';
import { openTasksInRange } from '../repositories/plan';
import { listSeries } from '../repositories/recurring';
import { upcomingOccurrences } from './week-plan-service';

/** The items shown (coverage counts them all): enough for two weeks of a busy manager's work. */
const ITEMS_SHOWN = 300;
/** Coverage is counted over at most this many tasks in a range. */
const ITEMS_COUNTED = 5000;

/**
 * Coverage readiness of a time-off range (PRODUCT.md): every open task planned or due in it and
 * every recurring occurrence in it is covered when the MSP owns it or its category is delegated on
 * its day, otherwise at risk; coverage = covered ÷ all, by count. With it, the handover that would
 * cover the rest for the time off only. Occurrences become tasks 60 days ahead; those further out
 * are counted from their series' rules, with negative ids (they have no task yet).
 */
export function timeOffCoverage(db: SqliteDatabase, range: { startDay: LocalDay; endDay: LocalDay }): CoverageView {
  const open = openTasksInRange(db, range.startDay, range.endDay, ITEMS_COUNTED);
  const keeps = new Map(listSeries(db).map((series) => [series.id, series.owner === 'me']));
  const ahead: PlanTask[] = upcomingOccurrences(db, range.startDay, range.endDay).map((occurrence, index) => ({
    id: -(index + 1),
    title: occurrence.title,
    categoryId: occurrence.categoryId,
    owner: occurrence.owner,
    keepOwner: keeps.get(occurrence.seriesId) ?? false,
    technicianId: null,
    estimateMinutes: occurrence.estimateMinutes,
    dueDay: occurrence.day,
    plannedDay: occurrence.day,
    priority: 0,
    status: 'open',
    unplanned: false,
    seriesId: occurrence.seriesId,
  }));
  const tasks = [...open.tasks, ...ahead];
  const total = open.total + ahead.length;
  const delegations = listDelegations(db);
  const report = coverageReadiness(range, tasks, delegations);
  const proposal = proposeHandover(report, delegations);
  const byId = new Map(tasks.map((task) => [task.id, task]));
  return {
    range,
    items: report.items.slice(0, ITEMS_SHOWN).map((item) => ({ task: byId.get(item.taskId)!, day: item.day, covered: item.covered, reason: item.reason })),
    truncated: report.items.length > ITEMS_SHOWN || total > ITEMS_COUNTED,
    coveredCount: report.coveredCount,
    atRiskCount: report.atRiskCount,
    coverage: report.coverage,
    handover: {
      delegations: proposal.delegations,
      keptTaskIds: proposal.kept.map((item) => item.taskId),
      uncategorisedTaskIds: proposal.uncategorised.map((item) => item.taskId),
    },
  };
}
