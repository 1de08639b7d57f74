import { useState } from 'react';
import type { CoverageItemView, CoverageView } from '../../../shared/api/views';
import type { TimeOffRange } from '../../../shared/domain/capacity';
import { formatDuration } from '../../../shared/domain/duration';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../ui/data-table';
import { Dialog } from '../../ui/dialog';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { Figure } from '../msp/what-if';
import { HandoverSheet } from './handover-sheet';
import { describeRange } from './range-text';

const REASONS: Record<CoverageItemView['reason'], string> = {
  'msp-owns': 'The MSP has it',
  delegated: 'Its category is delegated that day',
  kept: 'You keep it: hand it over or do it before you leave',
  'no-category': 'No category: give it one, or hand it over',
  'not-delegated': 'Its category is not delegated that day',
};

/**
 * Coverage readiness of one range, by the brief's definition: every open task and recurring
 * occurrence planned or due in it is covered when the MSP owns it or its category is delegated
 * that day; coverage = covered ÷ all, by count.
 */
export function CoveragePanel({ range }: { range: TimeOffRange }) {
  const time = useTime();
  const coverage = useCallQuery('timeOff:coverage', [{ startDay: range.startDay, endDay: range.endDay }]);
  const [confirming, setConfirming] = useState(false);
  const [printing, setPrinting] = useState(false);
  const title = describeRange(range, time.formatDay);
  const view = coverage.data;

  return (
    <section aria-labelledby="coverage-title" className="stack coverage">
      <div className="section-title">
        <h2 id="coverage-title">Coverage while you are off {title}</h2>
        {view && view.items.length > 0 && (
          <button type="button" className="button button-small no-print" onClick={() => setPrinting(true)}>
            Print a handover for the MSP
          </button>
        )}
      </div>
      {coverage.isError && (
        <p className="form-error" role="alert">
          {coverage.error.message}
        </p>
      )}
      {view && (
        <>
          <div className="figures">
            <Figure
              label="Coverage"
              value={`${Math.round(view.coverage * 100)} %`}
              note={view.items.length === 0 ? 'nothing is planned or due on these days' : `${view.coveredCount} covered of ${view.coveredCount + view.atRiskCount}`}
              tone={view.atRiskCount > 0 ? 'negative' : undefined}
            />
            <Figure label="At risk" value={String(view.atRiskCount)} note="open tasks and recurring jobs nobody covers" tone={view.atRiskCount > 0 ? 'negative' : undefined} />
          </div>
          {view.handover.delegations.length > 0 && (
            <div className="notice no-print">
              <span>
                Hand {view.atRiskCount - view.handover.keptTaskIds.length - view.handover.uncategorisedTaskIds.length} at-risk task
                {view.atRiskCount - view.handover.keptTaskIds.length - view.handover.uncategorisedTaskIds.length === 1 ? '' : 's'} to the MSP for
                these days only.
              </span>
              <button type="button" className="button button-primary button-small" onClick={() => setConfirming(true)}>
                Hand over the at-risk work
              </button>
            </div>
          )}
          <CoverageTable view={view} />
          {view.truncated && <p className="muted">The first 300 tasks are listed; the figures count them all.</p>}
          {confirming && <HandOverDialog view={view} title={title} onClose={() => setConfirming(false)} />}
          {printing && <HandoverSheet view={view} title={title} onClose={() => setPrinting(false)} />}
        </>
      )}
    </section>
  );
}

function CoverageTable({ view }: { view: CoverageView }) {
  const { byId } = useCategories();
  const time = useTime();
  const columns: Column<CoverageItemView>[] = [
    { header: 'Day', cell: (item) => time.formatDay(item.day) },
    {
      header: 'Task',
      cell: (item) => (
        <>
          {item.task.title}
          {item.task.seriesId !== null && <span className="tag">Recurring</span>}
        </>
      ),
    },
    { header: 'Category', cell: (item) => <CategoryChip category={item.task.categoryId === null ? undefined : byId.get(item.task.categoryId)} /> },
    { header: 'Estimate', numeric: true, cell: (item) => (item.task.estimateMinutes === null ? '—' : formatDuration(item.task.estimateMinutes)) },
    {
      header: 'Covered',
      cell: (item) => (
        <span className={item.covered ? 'badge badge-ok' : 'badge badge-danger'}>
          {item.covered ? 'Covered' : 'At risk'}
          <span className="visually-hidden">: </span>
        </span>
      ),
    },
    { header: 'Why', cell: (item) => REASONS[item.reason] },
  ];
  return (
    <DataTable
      caption="Tasks and recurring jobs on these days"
      columns={columns}
      rows={view.items}
      rowKey={(item) => item.task.id}
      rowClassName={(item) => (item.covered ? undefined : 'at-risk')}
      empty={<p className="muted">Nothing is planned or due on these days: you are covered.</p>}
    />
  );
}

function HandOverDialog({ view, title, onClose }: { view: CoverageView; title: string; onClose: () => void }) {
  const { byId } = useCategories();
  const time = useTime();
  const handOver = useCallMutation('timeOff:handOver');
  const remove = useCallMutation('delegations:delete');
  const toasts = useToasts();
  const titles = new Map(view.items.map((item) => [item.task.id, item.task.title]));
  const confirm = () =>
    handOver.mutate(view.range, {
      onSuccess: ({ delegations, coverage }) => {
        onClose();
        toasts.show(`Handed over for ${title}: coverage is now ${Math.round(coverage.coverage * 100)} %.`, {
          action: {
            label: 'Undo',
            run: () => {
              for (const delegation of delegations) remove.mutate({ id: delegation.id });
            },
          },
        });
      },
      onError: (error) => toasts.show(error.message, { tone: 'error' }),
    });
  return (
    <Dialog title="Hand the at-risk work to the MSP?" onClose={onClose}>
      <p>These categories are delegated to the MSP for these days only; their open tasks on those days go to the MSP, and come back to you after.</p>
      <ul>
        {view.handover.delegations.map((period) => (
          <li key={`${period.categoryId}-${period.startDay}`}>
            <strong>{byId.get(period.categoryId)?.name ?? 'A category'}</strong> from {time.formatDay(period.startDay)} to {time.formatDay(period.endDay)} (
            {period.taskIds.length} task{period.taskIds.length === 1 ? '' : 's'})
          </li>
        ))}
      </ul>
      {view.handover.keptTaskIds.length > 0 && (
        <>
          <h3>You keep these</h3>
          <p className="muted">You chose to keep them, so they stay yours: hand them over one by one, or do them before you leave.</p>
          <ul>
            {view.handover.keptTaskIds.map((id) => (
              <li key={id}>{titles.get(id)}</li>
            ))}
          </ul>
        </>
      )}
      {view.handover.uncategorisedTaskIds.length > 0 && (
        <>
          <h3>No category</h3>
          <p className="muted">No delegation can reach these: give them a category or hand them over.</p>
          <ul>
            {view.handover.uncategorisedTaskIds.map((id) => (
              <li key={id}>{titles.get(id)}</li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" disabled={handOver.isPending} onClick={confirm}>
          Hand over for {title}
        </button>
      </div>
    </Dialog>
  );
}
