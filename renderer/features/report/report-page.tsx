import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { LeadershipReport } from '../../../shared/api/views';
import { formatDuration } from '../../../shared/domain/duration';
import { paperForLocale } from '../../../shared/domain/report-period';
import { reportSummary } from '../../../shared/domain/report-summary';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Field } from '../../ui/field';
import { formatHours, formatMoney } from '../../ui/format-figures';
import { Screen } from '../../ui/screen';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { useCategories } from '../categories/use-categories';
import { Swatch } from '../insights/charts/chart-card';
import { formatShare } from '../insights/chart-data';
import { CategoriesSvg, NetReclaimedSvg, WeeksSvg } from './report-charts';
import { strategicHoursGained, summaryFacts } from './report-figures';
import './report.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Prints the page through the browser with the report's name as the title, which browsers offer as the PDF's file name. */
function printAs(fileName: string): void {
  const previous = document.title;
  document.title = fileName.replace(/\.pdf$/i, '');
  const restore = () => {
    document.title = previous;
    window.removeEventListener('afterprint', restore);
  };
  window.addEventListener('afterprint', restore);
  window.print();
}

/**
 * The one-page report for leadership: a month (this one by default) or a run of months. Prints on
 * one A4 or Letter page (report.css); "Save as PDF" goes through `report:pdf` — the desktop app
 * asks where and writes it, browser mode answers with the browser's Print (Save as PDF).
 */
export default function ReportPage() {
  const { today, formatMonth } = useTime();
  const thisMonth = today.slice(0, 7);
  const [run, setRun] = useState(false);
  const [months, setMonths] = useState({ from: thisMonth, to: thisMonth });
  const fromMonth = months.from;
  const toMonth = run ? months.to : months.from;
  const invalid = !MONTH.test(fromMonth) ? 'Choose a month' : run && !MONTH.test(toMonth) ? 'Choose a month' : run && toMonth < fromMonth ? 'The last month cannot be before the first' : undefined;
  const report = useCallQuery('insights:report', [{ fromMonth, toMonth }], { enabled: invalid === undefined, placeholderData: keepPreviousData });
  const pdf = useCallMutation('report:pdf');
  const toasts = useToasts();

  const save = () => {
    if (!report.data) return;
    const { period } = report.data;
    pdf.mutate(
      { fromMonth: period.fromMonth, toMonth: period.toMonth, paper: paperForLocale(navigator.language) },
      {
        onSuccess: (result) => {
          if (result.kind === 'print-in-browser') {
            toasts.show(result.message);
            printAs(result.fileName);
          } else if (result.kind === 'saved') toasts.show(`Saved the report as ${result.path}`);
        },
        onError: (error) => toasts.show(error.message, { tone: 'error' }),
      },
    );
  };

  return (
    <Screen
      title="Leadership report"
      className="report-screen"
      actions={
        <div className="toolbar no-print">
          <a className="button" href="#/insights">
            Back to Insights
          </a>
          <button type="button" className="button" onClick={() => window.print()} disabled={!report.data}>
            Print
          </button>
          <button type="button" className="button button-primary" onClick={save} disabled={!report.data || pdf.isPending}>
            {pdf.isPending ? 'Saving…' : 'Save as PDF'}
          </button>
        </div>
      }
    >
      <form className="report-period card no-print" aria-label="Report period" onSubmit={(event) => event.preventDefault()}>
        <div className="segmented" role="group" aria-label="Period">
          <button type="button" aria-pressed={!run} onClick={() => setRun(false)}>
            One month
          </button>
          <button type="button" aria-pressed={run} onClick={() => setRun(true)}>
            A run of months
          </button>
        </div>
        <Field label={run ? 'From' : 'Month'} error={!MONTH.test(fromMonth) ? invalid : undefined}>
          <input type="month" value={fromMonth} max={thisMonth} placeholder="YYYY-MM" onChange={(event) => setMonths({ ...months, from: event.target.value })} />
        </Field>
        {run && (
          <Field label="To" error={MONTH.test(fromMonth) ? invalid : undefined}>
            <input type="month" value={months.to} max={thisMonth} placeholder="YYYY-MM" onChange={(event) => setMonths({ ...months, to: event.target.value })} />
          </Field>
        )}
        {!run && fromMonth !== thisMonth && (
          <button type="button" className="button" onClick={() => setMonths({ from: thisMonth, to: thisMonth })}>
            This month ({formatMonth(thisMonth)})
          </button>
        )}
      </form>
      {report.isError && (
        <p className="form-error" role="alert">
          {report.error.message}
        </p>
      )}
      {report.data && <ReportSheet report={report.data} />}
    </Screen>
  );
}

const longDay = new Intl.DateTimeFormat(undefined, { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const calendarDay = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

function ReportSheet({ report }: { report: LeadershipReport }) {
  const { formatMonth, today } = useTime();
  const { byId } = useCategories();
  const { period, currency, reclaimed, cost, workload, msp } = report;
  const money = (amount: number) => formatMoney(amount, currency);
  const periodName = period.fromMonth === period.toMonth ? formatMonth(period.fromMonth) : `${formatMonth(period.fromMonth)} – ${formatMonth(period.toMonth)}`;
  const summary = reportSummary(summaryFacts(report, periodName), { hours: (value) => formatHours(value), money });
  const strategic = strategicHoursGained(workload);
  const toDate = period.to === today && period.to.slice(0, 7) === period.toMonth;
  const saving = cost.hireCost - cost.mspCost;

  return (
    <article className="report-sheet" aria-labelledby="report-period-title">
      <header className="report-header">
        <div>
          <p className="report-kicker">IT report for leadership</p>
          <h2 id="report-period-title">{periodName}</h2>
        </div>
        <p className="muted report-dates">
          {longDay.format(calendarDay(period.from))} – {longDay.format(calendarDay(period.to))}
          {toDate ? ' (to date)' : ''}
          <br />
          Prepared {longDay.format(calendarDay(today))} with Offload
        </p>
      </header>

      <p className="report-summary">{summary}</p>

      <dl className="report-figures">
        <div className="report-figure">
          <dt>Net hours reclaimed</dt>
          <dd className="report-value">{formatHours(reclaimed.netHours)}</dd>
          <dd className="report-note">
            worth {money(reclaimed.netValue)} of IT management time · {formatHours(reclaimed.grossHours)} handed off, less {formatHours(reclaimed.oversightHours)} overseeing the MSP
          </dd>
        </div>
        <div className="report-figure">
          <dt>MSP cost against a hire</dt>
          <dd className="report-value">{cost.hasContract ? `${money(cost.mspCost)} vs ${money(cost.hireCost)}` : 'No contract'}</dd>
          <dd className="report-note">
            {cost.hasContract
              ? `${saving >= 0 ? `${money(saving)} less than` : `${money(-saving)} more than`} one hire with overhead, for ${cost.months} month${cost.months === 1 ? '' : 's'}`
              : `a hire would cost ${money(cost.hireCost)} for the same ${cost.months === 1 ? 'month' : 'months'}`}
          </dd>
        </div>
        <div className="report-figure">
          <dt>Average week, before → after delegating</dt>
          <dd className="report-value">{workload ? `${formatHours(workload.before.hours)} → ${formatHours(workload.after.hours)}` : '—'}</dd>
          <dd className="report-note">
            {workload
              ? `${workload.before.weeks} weeks before the first delegation; ${workload.after.weeks} full week${workload.after.weeks === 1 ? '' : 's'} of this period after it`
              : 'No full week of this period after the first delegation to compare yet'}
          </dd>
        </div>
        <div className="report-figure">
          <dt>Overtime and after-hours a week</dt>
          <dd className="report-value">{workload ? `${formatHours(workload.before.overtimeHours)} → ${formatHours(workload.after.overtimeHours)}` : '—'}</dd>
          <dd className="report-note">{workload ? `overtime; after-hours ${formatHours(workload.before.afterHoursHours)} → ${formatHours(workload.after.afterHoursHours)}` : 'before → after delegating'}</dd>
        </div>
        <div className="report-figure">
          <dt>Strategic time gained</dt>
          <dd className="report-value">{strategic === null ? '—' : `${strategic >= 0 ? '+' : '−'}${formatHours(Math.abs(strategic))} a week`}</dd>
          <dd className="report-note">
            {workload ? `strategic categories: ${formatShare(workload.before.strategicShare)} → ${formatShare(workload.after.strategicShare)} of the week` : 'once there are weeks before and after delegating'}
          </dd>
        </div>
        <div className="report-figure">
          <dt>MSP service</dt>
          <dd className="report-value">
            {msp.completed} task{msp.completed === 1 ? '' : 's'} completed
          </dd>
          <dd className="report-note">
            {msp.averageResponseMinutes === null
              ? 'no responses in the period'
              : `responded to ${msp.responded} in ${msp.averageResponseMinutes < 1 ? 'under a minute' : formatDuration(msp.averageResponseMinutes)} on average${
                  msp.withTarget > 0
                    ? `; ${msp.withinTarget} of ${msp.withTarget} within their response target (${Math.round((msp.withinTarget / msp.withTarget) * 100)} %)`
                    : '; none in a category with a response target'
                }`}
          </dd>
        </div>
      </dl>

      {report.weeks.length > 0 ? (
        <div className="report-charts">
          <figure>
            <figcaption>Net hours reclaimed per week</figcaption>
            <NetReclaimedSvg weeks={report.weeks} />
          </figure>
          <figure>
            <figcaption>Hours per week against capacity</figcaption>
            <WeeksSvg weeks={report.weeks} />
            <ul className="chart-legend report-legend">
              <li><Swatch colour="var(--chart-her)" />Within capacity</li>
              <li><Swatch colour="var(--chart-overtime)" />Overtime</li>
              <li><Swatch colour="var(--chart-capacity)" kind="dashed" />Capacity</li>
              <li><Swatch colour="var(--chart-after-hours)" kind="line" />After-hours</li>
            </ul>
          </figure>
        </div>
      ) : (
        <p className="muted">Runs of months over two years have no weekly charts; choose a shorter run to see them.</p>
      )}
      {report.categories.length > 0 && (
        <figure className="report-categories">
          <figcaption>
            Hours by category in the period — IT management’s own (solid) and the MSP’s (striped)
          </figcaption>
          <CategoriesSvg categories={report.categories} byId={byId} />
        </figure>
      )}

      <footer className="report-footer muted">
        Hours reclaimed: each delegated category’s weekly baseline (the average of the weeks before it was delegated) less the hours still spent on it,
        split across months by working days; net of {formatHours(reclaimed.oversightHours)} spent overseeing the MSP. Valued at a loaded cost of {formatMoney(report.loadedHourlyCost, currency, 2)} an hour. A hire: salary and overhead,
        months × annual cost ÷ 12.
      </footer>
    </article>
  );
}
