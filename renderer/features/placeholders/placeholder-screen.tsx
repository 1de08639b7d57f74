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
  'time-off': {
    title: 'Time off',
    intro: 'Mark the days you are away and see what is covered.',
    items: [
      'Every task and recurring job in the window',
      'Which are covered by delegated categories and which are at risk',
      'Hand the rest to the MSP for that period only',
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
