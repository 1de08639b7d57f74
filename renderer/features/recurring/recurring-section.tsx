import { Suspense, useState } from 'react';
import type { RecurringSeries } from '../../../shared/api/contract-recurring';
import { useCallQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/empty-state';
import { useTime } from '../../ui/time';
import { useCategories } from '../categories/use-categories';
import { SeriesForm } from './series-form';
import { SeriesList } from './series-list';
import './recurring.css';

/** Recurring work on the Tasks screen: the series she has, and the form for a new or edited one. */
export function RecurringSection() {
  const series = useCallQuery('recurring:list', []);
  const categories = useCategories();
  const [editing, setEditing] = useState<RecurringSeries | 'new' | null>(null);
  const { today } = useTime();
  const list = series.data ?? [];

  return (
    <section className="stack recurring" aria-labelledby="recurring-title">
      <div className="section-title">
        <h2 id="recurring-title">Recurring work</h2>
        {editing === null && (
          <button type="button" className="button button-small" onClick={() => setEditing('new')}>
            New recurring task
          </button>
        )}
      </div>
      <p className="muted recurring-intro">
        Patching, backup checks, licence renewals: each occurrence becomes a task 60 days ahead, so your week plan already shows it.
        Edit one occurrence as the task it is; editing the series leaves that one alone.
      </p>
      {editing !== null && (
        <Suspense fallback={<p className="card muted">Loading the rule builder…</p>}>
          <SeriesForm
            key={editing === 'new' ? 'new' : editing.id}
            series={editing === 'new' ? null : editing}
            categories={categories.active}
            allCategories={categories.data ?? []}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
      {series.error && (
        <p className="form-error" role="alert">
          {series.error.message}
        </p>
      )}
      {series.isSuccess && list.length === 0 && editing === null && (
        <EmptyState title="No recurring work yet">
          <p>
            Add the jobs that come back: “Patch servers” on the 3rd Wednesday, “Check backups” every Monday, “Renew licences” every 12
            months. Offload creates each one as a task ahead of time.
          </p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <SeriesList
          list={list}
          today={today}
          categoryOf={(id) => (id === null ? undefined : categories.byId.get(id))}
          onEdit={(entry) => setEditing(entry)}
        />
      )}
    </section>
  );
}

export default RecurringSection;
