import type { ScreenId } from '../../app/routes';
import { EmptyState } from '../../ui/empty-state';

/** Screens whose capability has not landed yet say what they will hold, and show no invented data. */
const PLANNED: Partial<Record<ScreenId, { title: string; intro: string; items: string[] }>> = {
  week: {
    title: 'Week plan',
    intro: 'Plan the week against your real capacity.',
    items: [
      'Last week’s actual hours beside this week’s plan',
      'Planned tasks per day against your capacity, with a warning when a day is overbooked',
      'Recurring work — patching, backup checks, licence renewals — already placed',
    ],
  },
  msp: {
    title: 'MSP',
    intro: 'Hand whole categories of work to your Managed Service Provider and oversee them.',
    items: [
      'Delegate a category from a date, take it back, see the history',
      'A what-if: your average week with those categories handed off',
      'The MSP queue by technician and status, response-time targets, the contract’s hours',
      'A handoff sheet to send them',
    ],
  },
  'time-off': {
    title: 'Time off',
    intro: 'Mark the days you are away and see what is covered.',
    items: [
      'Every task and recurring job in the window',
      'Which are covered by delegated categories and which are at risk',
      'Hand the rest to the MSP for that period only',
    ],
  },
  insights: {
    title: 'Insights',
    intro: 'The numbers behind the transition, for you and your leadership.',
    items: [
      'Hours per week by category, yours vs the MSP’s',
      'Overtime and after-hours trend, planned vs unplanned share, strategic vs operational time',
      'Hours reclaimed and MSP cost against the cost of a hire, in a one-page PDF report',
    ],
  },
};

export function PlaceholderScreen({ id }: { id: ScreenId }) {
  const planned = PLANNED[id];
  if (!planned) return null;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title" tabIndex={-1}>
          {planned.title}
        </h1>
      </header>
      <EmptyState title="Not built yet">
        <p>{planned.intro} This screen is coming; it will show:</p>
        <ul>
          {planned.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>
          Meanwhile, add your work in <a href="#/tasks">Tasks</a> and tune your categories in{' '}
          <a href="#/settings">Settings</a>: everything you enter now feeds these figures later.
        </p>
      </EmptyState>
    </section>
  );
}
