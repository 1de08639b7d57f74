import { useMemo, useState } from 'react';
import { contractForMonth, monthOf } from '../../../shared/domain/cost';
import { whatIf } from '../../../shared/domain/what-if';
import { useCallQuery } from '../../api/hooks';
import { formatHours, formatMoney } from '../../ui/format-figures';
import { useTime } from '../../ui/time';
import { useCategories } from '../categories/use-categories';

/** Before delegating: pick categories and see her average week with them handed off, and what it costs. */
export function WhatIfPanel() {
  const averages = useCallQuery('reclaimed:averages', []);
  const setup = useCallQuery('msp:get', []);
  const settings = useCallQuery('settings:get', []);
  const { byId } = useCategories();
  const [selected, setSelected] = useState<number[]>([]);
  const { today } = useTime();

  const result = useMemo(() => {
    if (!averages.data || !settings.data) return null;
    return whatIf({
      averageWeeklyHours: new Map(averages.data.categories.map((entry) => [entry.categoryId, entry.hours])),
      windowWeeks: averages.data.windowWeeks.length,
      selectedCategoryIds: selected,
      oversightShare: settings.data.oversightShare,
      contract: setup.data ? contractForMonth(setup.data.contracts, monthOf(today)) : undefined,
      costs: settings.data,
    });
  }, [averages.data, settings.data, setup.data, selected, today]);

  if (!averages.data || !settings.data || !result) return null;
  const currency = settings.data.currency;
  const weeks = averages.data.windowWeeks.length;
  const rows = [...averages.data.categories].sort((a, b) => b.hours - a.hours);

  return (
    <section className="card stack" aria-labelledby="what-if-title">
      <div className="section-title">
        <h2 id="what-if-title">What if you hand off…</h2>
        <span className="muted">your average over the last {weeks} full week{weeks === 1 ? '' : 's'}</span>
      </div>
      {weeks === 0 || rows.length === 0 ? (
        <p className="muted">
          Once you have logged a full week of time, this shows your average week by category and what handing some of it to
          the MSP would give you back.
        </p>
      ) : (
        <>
          <fieldset className="plain-fieldset">
            <legend className="visually-hidden">Categories to hand off</legend>
            <ul className="check-list columns">
              {rows.map((entry) => (
                <li key={entry.categoryId}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={selected.includes(entry.categoryId)}
                      onChange={(event) =>
                        setSelected((current) =>
                          event.target.checked ? [...current, entry.categoryId] : current.filter((id) => id !== entry.categoryId),
                        )
                      }
                    />
                    {byId.get(entry.categoryId)?.name ?? `Category ${entry.categoryId}`}
                    <span className="muted"> · {formatHours(entry.hours)}/week</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <p className="what-if-headline" aria-live="polite">
            Your average week: <strong>{formatHours(result.averageWeekNow)}</strong>
            {selected.length > 0 && (
              <>
                {' '}
                → <strong>{formatHours(result.averageWeekAfter)}</strong>, plus about {formatHours(result.oversightWeekly)} overseeing the MSP
              </>
            )}
          </p>
          {selected.length > 0 && (
            <div className="figures">
              <Figure label="Hours back a year (net)" value={formatHours(result.netReclaimedPerYear, 0)} note={`worth ${formatMoney(result.netReclaimedValuePerYear, currency)} of your time`} />
              <Figure
                label="MSP cost a year"
                value={result.mspAnnualCost === null ? '—' : formatMoney(result.mspAnnualCost, currency)}
                note={result.mspAnnualCost === null ? 'add the contract in the Contract tab' : 'if they spend the hours you spend now'}
              />
              <Figure label="Cost of a hire a year" value={formatMoney(result.hireAnnualCost, currency)} note="salary plus overhead" />
            </div>
          )}
        </>
      )}
    </section>
  );
}

export function Figure({ label, value, note, tone }: { label: string; value: string; note?: string | undefined; tone?: 'negative' }) {
  return (
    <div className="figure">
      <div className="figure-label">{label}</div>
      <div className={`figure-value${tone === 'negative' ? ' negative' : ''}`}>{value}</div>
      {note && <div className="figure-note">{note}</div>}
    </div>
  );
}
