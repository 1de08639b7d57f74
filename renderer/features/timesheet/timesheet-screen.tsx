import { useEffect, useState } from 'react';
import { addDays, isLocalDay, startOfWeek, type LocalDay } from '../../../shared/domain/day';
import { formatDuration } from '../../../shared/domain/duration';
import type { Owner } from '../../../shared/domain/types';
import { useCallQuery } from '../../api/hooks';
import { Screen } from '../../ui/screen';
import { useTime } from '../../ui/time';
import { DayView } from './day-view';
import { EntryDialog, type EntryDialogTarget } from './entry-dialog';
import { useRemembered } from './remembered';
import { WeekView } from './week-view';
import './timesheet.css';
import { CategoryTotals } from './category-totals';

const VIEWS = ['week', 'day'] as const;
type View = (typeof VIEWS)[number];
const WHOSE = ['me', 'msp', 'both'] as const;
type Whose = (typeof WHOSE)[number];
const WHOSE_LABELS: Record<Whose, string> = { me: 'Me', msp: 'MSP', both: 'Both' };

/** `#/timesheet?day=2026-11-13&view=day`: where a link (Today's “See this week”) asks the timesheet to open. */
function linkedPlace(): { day: LocalDay | null; view: View | null } {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const day = params.get('day');
  const view = params.get('view');
  return { day: day !== null && isLocalDay(day) ? day : null, view: VIEWS.find((choice) => choice === view) ?? null };
}

/**
 * Every entry, hers and the MSP's, for any week or day: the week as a grid of categories and tasks
 * by day with totals, or one day on a time axis. Add, edit, split, move and delete in place, keyboard
 * first. The view and whose entries are shown are remembered.
 */
export default function TimesheetScreen() {
  const time = useTime();
  const [view, setView] = useRemembered<View>('offload.timesheet.view', VIEWS, 'week');
  const [whose, setWhose] = useRemembered<Whose>('offload.timesheet.whose', WHOSE, 'me');
  const [day, setDay] = useState<LocalDay>(() => linkedPlace().day ?? time.today);
  const [dialog, setDialog] = useState<EntryDialogTarget | null>(null);
  const settings = useCallQuery('settings:get', []);
  const worker: Owner | null = whose === 'both' ? null : whose;

  useEffect(() => {
    const follow = () => {
      const linked = linkedPlace();
      if (linked.day) setDay(linked.day);
      if (linked.view) setView(linked.view);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [setView]);

  const step = view === 'week' ? 7 : 1;
  const weekStart = startOfWeek(day, settings.data?.weekStartsOn ?? 1);
  const showingNow = view === 'week' ? weekStart === startOfWeek(time.today, settings.data?.weekStartsOn ?? 1) : day === time.today;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable], dialog');
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '[') setDay(addDays(day, -step));
      else if (event.key === ']') setDay(addDays(day, step));
      else if (event.key === 't' || event.key === 'T') setDay(time.today);
      else if (event.key === 'w' || event.key === 'W') setView('week');
      else if (event.key === 'd' || event.key === 'D') setView('day');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [day, step, time.today, setView]);

  const addOn = (on: LocalDay) => setDialog({ kind: 'add', day: on, worker: whose === 'msp' ? 'msp' : 'me', technicianId: null, categoryId: null, task: null, start: '' });

  return (
    <Screen
      title="Timesheet"
      className="timesheet"
      actions={
        <div className="toolbar">
          <div className="segmented" role="group" aria-label="View">
            {VIEWS.map((choice) => (
              <button key={choice} type="button" aria-pressed={view === choice} onClick={() => setView(choice)} aria-keyshortcuts={choice === 'week' ? 'W' : 'D'}>
                {choice === 'week' ? 'Week' : 'Day'}
              </button>
            ))}
          </div>
          <div className="segmented" role="group" aria-label="Whose time">
            {WHOSE.map((choice) => (
              <button key={choice} type="button" aria-pressed={whose === choice} onClick={() => setWhose(choice)}>
                {WHOSE_LABELS[choice]}
              </button>
            ))}
          </div>
          <button type="button" className="button button-primary" id="ts-add" onClick={() => addOn(day <= time.today ? day : time.today)}>
            Add entry
          </button>
        </div>
      }
    >
      <div className="week-toolbar">
        <div className="toolbar week-nav">
          <button type="button" className="button" onClick={() => setDay(addDays(day, -step))} aria-keyshortcuts="[">
            ← Previous<span className="visually-hidden"> {view}</span> <kbd aria-hidden="true">[</kbd>
          </button>
          <button type="button" className="button" disabled={showingNow} onClick={() => setDay(time.today)} aria-keyshortcuts="T">
            {view === 'week' ? 'This week' : 'Today'} <kbd aria-hidden="true">T</kbd>
          </button>
          <button type="button" className="button" onClick={() => setDay(addDays(day, step))} aria-keyshortcuts="]">
            Next<span className="visually-hidden"> {view}</span> → <kbd aria-hidden="true">]</kbd>
          </button>
          <label className="ts-goto">
            <span>Go to</span>
            <input
              type="date"
              value={day}
              onChange={(event) => {
                if (isLocalDay(event.target.value)) setDay(event.target.value);
              }}
            />
          </label>
        </div>
      </div>
      {view === 'week' ? (
        <WeekPanel
          day={day}
          weekStart={weekStart}
          worker={worker}
          showWho={whose !== 'me'}
          onFocusDay={setDay}
          onOpen={setDialog}
          onOpenDay={(on) => {
            setDay(on);
            setView('day');
          }}
        />
      ) : (
        <DayPanel day={day} worker={worker} showWho={whose !== 'me'} onOpen={setDialog} />
      )}
      <p id="ts-grid-keys" className="muted ts-keys">
        {view === 'week'
          ? 'Arrow keys move between cells; Enter edits, N adds on the focused day, Delete deletes (with Undo), Shift+← → moves to the day before or after, D opens the day. [ and ] change the week.'
          : '↑ ↓ move between entries; Enter edits, N adds, Delete deletes (with Undo). [ and ] change the day; W shows the week.'}
      </p>
      {dialog && <EntryDialog target={dialog} onClose={() => setDialog(null)} />}
    </Screen>
  );
}

interface PanelProps {
  day: LocalDay;
  worker: Owner | null;
  showWho: boolean;
  onOpen: (target: EntryDialogTarget) => void;
}

interface WeekPanelProps extends PanelProps {
  weekStart: LocalDay;
  onFocusDay: (day: LocalDay) => void;
  onOpenDay: (day: LocalDay) => void;
}

function WeekPanel({ day, weekStart, worker, showWho, onOpen, onFocusDay, onOpenDay }: WeekPanelProps) {
  const time = useTime();
  // Asked by the week's first day, so moving between days of the week is one cached result.
  const week = useCallQuery('timesheet:week', [{ day: weekStart, worker }], { placeholderData: (previous) => previous });
  if (week.isError) {
    return (
      <p className="form-error" role="alert">
        {week.error.message}
      </p>
    );
  }
  if (!week.data) return <p className="muted">Loading the week…</p>;
  const view = week.data;
  return (
    <>
      <p className="week-title" aria-live="polite">
        Week of {time.formatDay(view.weekStart)}
        <span className="muted">
          {' '}
          · {totalsText(view.totals, worker)}
        </span>
      </p>
      <WeekView view={view} showWho={showWho} defaultWorker={worker === 'msp' ? 'msp' : 'me'} focusDay={view.days.includes(day) ? day : view.days[0]!} onFocusDay={onFocusDay} onOpen={onOpen} onOpenDay={onOpenDay} />
      <CategoryTotals view={view} />
    </>
  );
}

function DayPanel({ day, worker, showWho, onOpen }: PanelProps) {
  const time = useTime();
  const shown = useCallQuery('timesheet:day', [{ day, worker }], { placeholderData: (previous) => previous });
  if (shown.isError) {
    return (
      <p className="form-error" role="alert">
        {shown.error.message}
      </p>
    );
  }
  if (!shown.data) return <p className="muted">Loading the day…</p>;
  const view = shown.data;
  return (
    <>
      <p className="week-title" aria-live="polite">
        {time.formatDay(view.day)}
        {view.day === time.today && ' (today)'}
        <span className="muted">
          {' '}
          · {totalsText(view.totals, worker)}
          {!view.workingWindow && ' · not a working day'}
        </span>
      </p>
      <DayView view={view} showWho={showWho} defaultWorker={worker === 'msp' ? 'msp' : 'me'} onOpen={onOpen} />
    </>
  );
}

const hoursText = (minutes: number) => (minutes === 0 ? '0h' : formatDuration(minutes));

function totalsText(totals: { herMinutes: number; mspMinutes: number; afterHoursMinutes: number }, worker: Owner | null): string {
  const parts: string[] = [];
  if (worker !== 'msp') parts.push(`yours ${hoursText(totals.herMinutes)}`);
  if (worker !== 'me') parts.push(`MSP ${hoursText(totals.mspMinutes)}`);
  if (worker !== 'msp' && totals.afterHoursMinutes > 0) parts.push(`${formatDuration(totals.afterHoursMinutes)} after hours`);
  return parts.join(' · ');
}
