import { useCallQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/empty-state';

export function TodayScreen() {
  const status = useCallQuery('app:status', []);
  const firstRun = status.data?.firstRun ?? false;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title" tabIndex={-1}>
          Today
        </h1>
      </header>
      {firstRun ? (
        <div className="welcome">
          <h2>Welcome to Offload</h2>
          <p>
            Offload helps you see where your hours go, hand whole categories of work to your MSP, and show leadership the
            hours you get back. Start here:
          </p>
          <ol>
            <li>
              <strong>Add the work on your plate</strong> in <a href="#/tasks">Tasks</a>: title, category, estimate and due
              date.
            </li>
            <li>
              <strong>Check your categories</strong> in <a href="#/settings">Settings</a>. Nine are ready; mark which are
              strategic and recolour or rename them to fit how you work.
            </li>
            <li>
              <strong>Come back here each morning.</strong> Time tracking, the day’s plan and delegation to your MSP build on
              the tasks you enter.
            </li>
          </ol>
        </div>
      ) : (
        <EmptyState title="Your day at a glance is coming">
          <p>
            Today will show what is planned for today, what is overdue, the running timer, and today’s logged hours against
            your capacity. Until then, your open work is in <a href="#/tasks">Tasks</a>.
          </p>
        </EmptyState>
      )}
    </section>
  );
}
