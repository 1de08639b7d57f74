import type { CoverageView } from '../../shared/api/views';
import { coverageReadiness, proposeHandover } from '../../shared/domain/coverage';
import type { LocalDay } from '../../shared/domain/day';
import type { SqliteDatabase } from '../db/connection';
import { listDelegations } from '../repositories/delegations';
import { openTasksInRange } from '../repositories/plan';

/** The items shown (coverage counts them all): enough for two weeks of a busy manager's work. */
const ITEMS_SHOWN = 300;
/** Coverage is counted over at most this many tasks in a range. */
const ITEMS_COUNTED = 5000;

/**
 * Coverage readiness of a time-off range (PRODUCT.md): every open task planned or due in it —
 * recurring occurrences are tasks, created 60 days ahead — is covered when the MSP owns it or its
 * category is delegated on its day, otherwise at risk; coverage = covered ÷ all, by count. With it,
 * the handover that would cover the rest for the time off only.
 */
export function timeOffCoverage(db: SqliteDatabase, range: { startDay: LocalDay; endDay: LocalDay }): CoverageView {
  const { tasks, total } = openTasksInRange(db, range.startDay, range.endDay, ITEMS_COUNTED);
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
