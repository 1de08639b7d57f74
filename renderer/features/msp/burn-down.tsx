import { useId } from 'react';
import type { BurnDown } from '../../../shared/api/views';
import { formatHours, formatMoney } from '../../ui/format-figures';
import { useTime } from '../../ui/time';
import { money, monthDays, monthName } from './contract-format';

/** This month's included hours: used, left, the 80 % warning and where the month is heading. */
export function BurnDownSection({ burnDown, currency }: { burnDown: BurnDown; currency: string }) {
  const { contract, usedHours, includedHours, overageHours, projectedHours, usedShare, warning, projectedCostCents } = burnDown;
  const meterId = useId();
  const name = monthName(burnDown.month);
  const { count } = monthDays(burnDown.month);
  const { today } = useTime();
  const daysLeft = Math.max(0, count - Number(today.slice(8, 10)));
  const percent = usedShare === null ? null : Math.round(usedShare * 100);
  const rate = contract ? `${money(contract.overageRateCents, currency)} per hour` : '';

  return (
    <section aria-labelledby="msp-burn-down-title">
      <h2 id="msp-burn-down-title">Included hours in {name}</h2>
      {contract === null && (
        <p className="muted">No contract is in force in {name} yet, so there are no included hours to count against.</p>
      )}
      {warning && percent !== null && (
        <div className="burn-down-warning">
          <strong>{percent} % of included hours used</strong>
          <span>
            {' '}
            — past the 80 % mark with {daysLeft} day{daysLeft === 1 ? '' : 's'} of {name} left.{' '}
            {usedShare !== null && usedShare < 1
              ? `${formatHours(includedHours - usedHours)} left before overage at ${rate}.`
              : `Every further hour is overage at ${rate}.`}
          </span>
        </div>
      )}
      {contract !== null && usedShare !== null && (
        <div className="burn-down-bar">
          <label htmlFor={meterId}>
            {formatHours(usedHours)} of {formatHours(includedHours)} included hours used ({percent} %)
          </label>
          <meter
            id={meterId}
            min={0}
            max={includedHours}
            value={Math.min(usedHours, includedHours)}
            low={includedHours * 0.8}
            high={includedHours * 0.9999}
            optimum={0}
          />
        </div>
      )}
      {contract !== null && usedShare === null && (
        <p className="muted">This contract includes no hours: every MSP hour is billed at {rate}.</p>
      )}
      <dl className="figures">
        <Figure label="MSP hours used" value={formatHours(usedHours)} note={contract ? `of ${formatHours(includedHours)} included` : 'no contract in force'} />
        <Figure
          label="Overage hours"
          value={formatHours(overageHours)}
          note={contract ? `billed at ${rate}` : '—'}
          tone={overageHours > 0 ? 'negative' : undefined}
        />
        <Figure
          label="Projected by month end"
          value={projectedHours === null ? '—' : formatHours(projectedHours)}
          // Without history to average there is no projection; the backend says why.
          note={projectionNote(burnDown.projectionBasis)}
        />
        {projectedCostCents !== null && contract && (
          <Figure
            label="Projected cost"
            value={formatMoney(projectedCostCents / 100, currency)}
            note={`fee ${money(contract.monthlyFeeCents, currency)} + projected overage`}
          />
        )}
      </dl>
    </section>
  );
}

/** What the projection rests on, in her words: the brief's 20-working-day average, or why there is none. */
function projectionNote(basis: BurnDown['projectionBasis']): string {
  if (basis.kind === 'none') return basis.reason;
  const days = (count: number) => `${count} working day${count === 1 ? '' : 's'}`;
  return `${formatHours(basis.hoursPerWorkingDay)} a working day over the last ${days(basis.workingDays)}, for the ${days(basis.remainingWorkingDays)} left`;
}

/** A figure as a term and its values, so the burn-down's figures read as one description list. */
function Figure({ label, value, note, tone }: { label: string; value: string; note: string; tone?: 'negative' | undefined }) {
  return (
    <div className="figure">
      <dt className="figure-label">{label}</dt>
      <dd className={`figure-value${tone ? ` ${tone}` : ''}`}>{value}</dd>
      <dd className="figure-note">{note}</dd>
    </div>
  );
}
