import { useEffect } from 'react';
import type { CoverageView } from '../../../shared/api/views';
import { formatDuration } from '../../../shared/domain/duration';
import { useCallQuery } from '../../api/hooks';
import { useTime } from '../../ui/time';
import { useCategories } from '../categories/use-categories';

const PRIORITY = ['—', '!', '!!', '!!!'];

/**
 * The handover she sends the MSP before she leaves: the period, who to reach, and every task and
 * recurring job the MSP covers then, with its day and details. Shown over the screen and printed.
 */
export function HandoverSheet({ view, title, onClose }: { view: CoverageView; title: string; onClose: () => void }) {
  const setup = useCallQuery('msp:get', []);
  const { byId } = useCategories();
  const time = useTime();
  const items = view.items.filter((item) => item.covered);
  useEffect(() => {
    document.body.classList.add('printing-sheet');
    return () => document.body.classList.remove('printing-sheet');
  }, []);
  const provider = setup.data?.provider;
  return (
    <div className="print-sheet" role="region" aria-label="Handover for the MSP">
      <div className="toolbar no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <h2>Handover for {provider?.name || 'the MSP'}: {title}</h2>
      <p>
        I am away {title}. These tasks and recurring jobs are yours for those days.
        {provider && (provider.email || provider.phone) ? ` Your contact details on file: ${[provider.email, provider.phone].filter(Boolean).join(', ')}.` : ''}
      </p>
      {provider?.notes && <p className="sheet-notes">{provider.notes}</p>}
      <table className="data-table">
        <caption className="visually-hidden">Tasks for the MSP while I am away</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Task</th>
            <th scope="col">Category</th>
            <th scope="col">Priority</th>
            <th scope="col" className="number">
              Estimate
            </th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.task.id}>
              <td>{time.formatDay(item.day)}</td>
              <td>
                <strong>{item.task.title}</strong>
                {item.task.seriesId !== null && ' (recurring)'}
              </td>
              <td>{item.task.categoryId === null ? '' : byId.get(item.task.categoryId)?.name}</td>
              <td>{PRIORITY[item.task.priority]}</td>
              <td className="number">{item.task.estimateMinutes === null ? '' : formatDuration(item.task.estimateMinutes)}</td>
              <td>{item.task.dueDay ? time.formatDay(item.task.dueDay) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 && <p className="muted">Nothing is covered yet: hand over the at-risk work first.</p>}
    </div>
  );
}
