import type { InsightsHeadline } from '../../../shared/api/views';
import { EmptyState } from '../../ui/empty-state';
import { formatHours, formatMoney } from '../../ui/format-figures';
import { useTime } from '../../ui/time';
import { Figure } from '../msp/what-if';
import { formatShare } from './chart-data';

type Side = NonNullable<InsightsHeadline['comparison']>['before'];

/** "50.0 h → 40.0 h" and what changed, lower being better for all of these. */
function change(before: number, after: number, format: (value: number) => string): string {
  const delta = after - before;
  if (Math.abs(delta) < 0.05) return 'no change';
  return `${format(Math.abs(delta))} ${delta < 0 ? 'less' : 'more'}`;
}

const sharePoints = (value: number) => `${Math.round(value * 100)} points`;

/**
 * The figures on top of Insights: this month's net hours reclaimed and their value, and her average
 * week before delegating against the most recent full weeks — hours, overtime, after-hours, the
 * unplanned (break–fix) and strategic shares. Not filtered: they speak of all her work.
 */
export function HeadlineFigures({ headline, currency, delegated, baselineWeeks }: { headline: InsightsHeadline; currency: string; delegated: boolean; baselineWeeks: number }) {
  const { formatMonth } = useTime();
  const { comparison } = headline;
  const weeks = (side: Side, when: string) => `${when}: ${side.weeks} full week${side.weeks === 1 ? '' : 's'}`;
  return (
    <section aria-labelledby="headline-title" className="stack headline">
      <h2 id="headline-title" className="visually-hidden">
        Headline figures
      </h2>
      <div className="figures">
        <Figure
          label={`Net hours reclaimed in ${formatMonth(headline.month)}`}
          value={formatHours(headline.netReclaimedThisMonth)}
          tone={headline.netReclaimedThisMonth < 0 ? 'negative' : undefined}
          note={`worth ${formatMoney(headline.netReclaimedValueThisMonth, currency)} of your time`}
        />
        {comparison && (
          <>
            <Figure
              label="Your average week"
              value={`${formatHours(comparison.before.hours)} → ${formatHours(comparison.after.hours)}`}
              note={`${change(comparison.before.hours, comparison.after.hours, formatHours)} · ${weeks(comparison.before, 'before')}, ${weeks(comparison.after, 'now')}`}
            />
            <Figure
              label="Overtime a week"
              value={`${formatHours(comparison.before.overtimeHours)} → ${formatHours(comparison.after.overtimeHours)}`}
              note={`${change(comparison.before.overtimeHours, comparison.after.overtimeHours, formatHours)}; after-hours ${formatHours(comparison.before.afterHoursHours)} → ${formatHours(comparison.after.afterHoursHours)}`}
            />
            <Figure
              label="Unplanned share"
              value={`${formatShare(comparison.before.unplannedShare)} → ${formatShare(comparison.after.unplannedShare)}`}
              note={
                comparison.before.unplannedShare !== null && comparison.after.unplannedShare !== null
                  ? `${change(comparison.before.unplannedShare, comparison.after.unplannedShare, sharePoints)}: the break–fix indicator, lower is better`
                  : 'the break–fix indicator, lower is better'
              }
            />
            <Figure
              label="Strategic share"
              value={`${formatShare(comparison.before.strategicShare)} → ${formatShare(comparison.after.strategicShare)}`}
              note="of your hours in strategic categories"
            />
          </>
        )}
      </div>
      {!comparison && (
        <EmptyState title="Your week before and after delegating">
          <p>
            {delegated
              ? `Offload compares your average week over the ${baselineWeeks} full weeks before your first delegation with your most recent ${baselineWeeks} full weeks after it. It needs at least one full week of logged time before the week your first delegation started, and one full week after that week has ended.`
              : `Once you delegate a category to your MSP (MSP → Delegation), Offload compares your average week before it — over up to ${baselineWeeks} full weeks of logged time — with your weeks after it: hours, overtime, after-hours and the unplanned share.`}
          </p>
        </EmptyState>
      )}
    </section>
  );
}
