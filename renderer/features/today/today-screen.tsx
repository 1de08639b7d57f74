import { useState } from 'react';
import type { TodaySummary } from '../../../shared/api/views';
import { formatDuration } from '../../../shared/domain/duration';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { Screen } from '../../ui/screen';
import { useTime } from '../../ui/time';
import { formatHours } from '../../ui/format-figures';
import { useToasts } from '../../ui/toasts';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { Figure } from '../msp/what-if';
import { EntryEditor } from './entry-editor';
import { TimeEntryForm } from './time-entry-form';
import { TaskSection } from './today-task-list';

/** The main process sends at most this many tasks per Today list (see tasks.ts). */
const TODAY_LIST_LIMIT = 100;

export function TodayScreen() {
  const status = useCallQuery('app:status', []);
  const summary = useCallQuery('today:summary', []);
  const firstRun = status.data?.firstRun ?? false;
  const data = summary.data;

  return (
    <Screen title="Today">
      {firstRun && <Welcome />}
      {data && (
        <div className="stack">
          <div className="figures">
            <Figure
              label="Logged today"
              value={formatHours(data.loggedHours)}
              note={data.capacityHours > 0 ? `of ${formatHours(data.capacityHours, 0)} capacity` : 'not a working day'}
              tone={data.capacityHours > 0 && data.loggedHours > data.capacityHours ? 'negative' : undefined}
            />
            <Figure
              label="Planned for today"
              value={data.planned.length >= TODAY_LIST_LIMIT ? `${TODAY_LIST_LIMIT}+` : String(data.planned.length)}
              note="open tasks of yours"
            />
            <Figure
              label="Overdue"
              value={data.overdue.length >= TODAY_LIST_LIMIT ? `${TODAY_LIST_LIMIT}+` : String(data.overdue.length)}
              tone={data.overdue.length > 0 ? 'negative' : undefined}
            />
            <Figure label="Interrupts today" value={String(data.unplannedToday)} note="unplanned tasks added" />
          </div>
          <TaskSection title="Planned for today" tasks={data.planned} empty="Nothing planned or due today. Plan a task for today, or press N to add one." />
          {data.overdue.length > 0 && <TaskSection title="Overdue" tasks={data.overdue} empty="" />}
          <section aria-labelledby="log-title" className="stack">
            <div className="section-title">
              <h2 id="log-title">Today’s log</h2>
              <a href="#/timesheet">See this week in the Timesheet</a>
            </div>
            <TimeEntryForm />
            {data.entries.length === 0 ? (
              <p className="muted">No time logged today. Start a timer on a task, or log time above.</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Task</th>
                    <th scope="col">Category</th>
                    <th scope="col">Note</th>
                    <th scope="col" className="number">Duration</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entries.map((entry) => (
                    <EntryRow key={entry.id} entry={entry} />
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </Screen>
  );
}

function EntryRow({ entry }: { entry: TodaySummary['entries'][number] }) {
  const { byId } = useCategories();
  const remove = useCallMutation('timeEntries:delete');
  const recreate = useCallMutation('timeEntries:create');
  const toasts = useToasts();
  const time = useTime();
  const [editing, setEditing] = useState(false);
  const from = time.formatTime(entry.startAt);
  const onDelete = () =>
    remove.mutate(
      { id: entry.id },
      {
        onSuccess: (deleted) =>
          toasts.show('Deleted the time entry', {
            plural: (count) => `Deleted ${count} time entries`,
            action: {
              label: 'Undo',
              run: () =>
                recreate.mutate({
                  worker: deleted.worker,
                  technicianId: deleted.technicianId,
                  categoryId: deleted.categoryId,
                  taskId: deleted.taskId,
                  startAt: deleted.startAt,
                  endAt: deleted.endAt!,
                  note: deleted.note,
                }),
            },
          }),
      },
    );
  const finished = entry.endAt !== null;
  return (
    <>
      <tr>
        <td>
          {from} – {finished ? time.formatTime(entry.endAt!) : 'running'}
        </td>
        <td className="entry-task">{entry.taskTitle ?? <span className="muted">No task</span>}</td>
        <td>
          <CategoryChip category={byId.get(entry.categoryId)} />
        </td>
        <td>{entry.note}</td>
        <td className="number">{finished ? formatDuration((entry.endAt! - entry.startAt) / 60_000) : '—'}</td>
        <td>
          {finished && (
            <div className="toolbar">
              <button type="button" className="button button-small" onClick={() => setEditing(!editing)}>
                Edit<span className="visually-hidden"> the entry from {from}</span>
              </button>
              <button type="button" className="button button-small button-danger" onClick={onDelete}>
                Delete<span className="visually-hidden"> the entry from {from}</span>
              </button>
            </div>
          )}
        </td>
      </tr>
      {editing && finished && (
        <tr>
          <td colSpan={5}>
            <EntryEditor entry={{ ...entry, endAt: entry.endAt! }} onDone={() => setEditing(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

function Welcome() {
  return (
    <div className="welcome">
      <h2>Welcome to Offload</h2>
      <p>
        Offload helps you see where your hours go, hand whole categories of work to your MSP, and show leadership the hours
        you get back. Start here:
      </p>
      <ol>
        <li>
          <strong>Add the work on your plate</strong>: press <kbd>N</kbd> anywhere, or use <a href="#/tasks">Tasks</a>.
        </li>
        <li>
          <strong>Track your time</strong>: start a timer on a task, or log time below.
        </li>
        <li>
          <strong>Check your categories</strong> in <a href="#/settings">Settings</a>, then hand some to your MSP in{' '}
          <a href="#/msp">MSP</a>.
        </li>
      </ol>
    </div>
  );
}
