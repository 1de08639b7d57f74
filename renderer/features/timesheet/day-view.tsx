import { useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { TimesheetDayView, TimesheetEntry } from '../../../shared/api/contract-timesheet';
import { formatDuration } from '../../../shared/domain/duration';
import type { Owner } from '../../../shared/domain/types';
import { layoutAxis } from '../../../shared/domain/timesheet-layout';
import { useTime, type ZonedTime } from '../../ui/time';
import { useNow } from '../../ui/use-now';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { useEntryActions } from './entry-actions';
import type { EntryDialogTarget } from './entry-dialog';
import { durationLabel, namesOf, rangeLabel, whoLabel, type Names } from './entry-text';

/** The axis is drawn at this many pixels an hour of real time (a DST day is 23 or 25 hours tall). */
const HOUR_PX = 52;
/** Every block is at least a line of text tall. */
const MIN_BLOCK_PX = 22;
/** A gap in her working hours shorter than this is not worth pointing out. */
const GAP_MINUTES = 15;

interface DayViewProps {
  view: TimesheetDayView;
  showWho: boolean;
  /** Who a new entry is for when no entry is focused: the MSP when only its time is shown, else her. */
  defaultWorker: Owner;
  onOpen: (target: EntryDialogTarget) => void;
}

/**
 * One day on a 00:00–24:00 axis in her zone: blocks as tall as they last, side by side where they
 * overlap (and marked so), the gaps in her working hours, the running timer growing live and a line
 * at now. ↑ ↓ move between blocks, Enter edits, Delete deletes (Undo in the toast), N adds.
 */
export function DayView({ view, showWho, defaultWorker, onOpen }: DayViewProps) {
  const time = useTime();
  const now = useNow(15_000);
  const names = useMemo(() => namesOf(view), [view]);
  const actions = useEntryActions();
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const span = view.endsAt - view.startsAt;
  const height = (span / 3_600_000) * HOUR_PX;
  const y = (instant: number) => ((Math.min(Math.max(instant, view.startsAt), view.endsAt) - view.startsAt) / span) * height;

  const shown = useMemo(
    () => view.entries.map((entry) => ({ entry, start: Math.max(entry.startAt, view.startsAt), end: Math.min(entry.endAt ?? Math.max(now, entry.startAt + 60_000), view.endsAt) })),
    [view, now],
  );
  // Overlaps are judged on real time; lanes on the drawn blocks, which are at least a line of text tall,
  // so a five-minute entry is readable and never drawn over the next one.
  const overlaps = useMemo(() => layoutAxis(shown.map(({ entry, start, end }) => ({ id: entry.id, start, end }))), [shown]);
  const minimumMs = (MIN_BLOCK_PX / height) * span;
  const placement = useMemo(
    () => layoutAxis(shown.map(({ entry, start, end }) => ({ id: entry.id, start, end: Math.max(end, start + minimumMs) }))),
    [shown, minimumMs],
  );
  const byId = useMemo(() => new Map(view.entries.map((entry) => [entry.id, entry])), [view]);
  const gaps = useMemo(() => (showGapsFor(view) ? gapsIn(view, shown, now) : []), [view, shown, now]);

  // Open at her working morning, or at the first entry when it comes earlier.
  useLayoutEffect(() => {
    const first = view.entries[0]?.startAt ?? view.workingWindow?.startAt ?? view.startsAt + 8 * 3_600_000;
    const morning = view.workingWindow?.startAt ?? first;
    if (scroller.current) scroller.current.scrollTop = Math.max(0, y(Math.min(first, morning)) - HOUR_PX / 2);
    // Only when the day changes: not each time the running timer grows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.day]);

  const hours = useMemo(() => hourMarks(view, time), [view, time]);
  const lastEnd = Math.max(0, ...view.entries.filter((entry) => entry.worker === 'me' && entry.endAt !== null).map((entry) => entry.endAt!));

  const add = (after: TimesheetEntry | null) =>
    onOpen({
      kind: 'add',
      day: view.day,
      worker: after?.worker ?? defaultWorker,
      technicianId: after?.technicianId ?? null,
      categoryId: after?.categoryId ?? null,
      task: null,
      start: after?.endAt ? time.clockOf(after.endAt) : lastEnd > view.startsAt ? time.clockOf(lastEnd) : '',
    });

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const buttons = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('button.ts-block') ?? []);
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index === -1) return;
    const entry = shown[index]!.entry;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      buttons[Math.max(0, Math.min(buttons.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (event.key === 'Home') buttons[0]?.focus();
    else if (event.key === 'End') buttons.at(-1)?.focus();
    else if (event.key === 'Delete' || event.key === 'Backspace') {
      const next = buttons[index + 1] ?? buttons[index - 1];
      void actions.deleteEntries([entry]).then((deleted) => {
        if (deleted) (next ?? document.getElementById('ts-add'))?.focus();
      });
    } else if (event.key === 'n' || event.key === 'N') add(entry);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const isToday = view.day === time.today;
  return (
    <div className="ts-day">
      {view.entries.length === 0 && (
        <p className="ts-day-empty muted">
          Nothing logged on {time.formatDay(view.day)}. Press <kbd>N</kbd> or <strong>Add entry</strong> to log time; a timer you start shows here as it runs.
        </p>
      )}
      {view.truncated && <p className="muted">This day has more entries than the axis shows; the totals count them all.</p>}
      {gaps.length > 0 && (
        <p className="visually-hidden">
          Gaps in your working hours: {gaps.map((gap) => `${time.formatTime(gap.start)} to ${time.formatTime(gap.end)} (${formatDuration(gap.minutes)})`).join('; ')}.
        </p>
      )}
      <div className="ts-axis-scroller" ref={scroller}>
        <div className="ts-axis" style={{ height }}>
          <div className="ts-hours" aria-hidden="true">
            {hours.map((mark) => (
              <div key={mark.at} className="ts-hour" style={{ top: y(mark.at) }}>
                <span>{mark.label}</span>
              </div>
            ))}
          </div>
          <div className="ts-lanes">
            {view.workingWindow && (
              <div className="ts-working" aria-hidden="true" style={{ top: y(view.workingWindow.startAt), height: y(view.workingWindow.endAt) - y(view.workingWindow.startAt) }} />
            )}
            {gaps.map((gap) => (
              <div key={gap.start} className="ts-gap" aria-hidden="true" style={{ top: y(gap.start), height: y(gap.end) - y(gap.start) }}>
                <span>gap · {formatDuration(gap.minutes)}</span>
              </div>
            ))}
            {isToday && <div className="ts-now" aria-hidden="true" style={{ top: y(now) }} />}
            <ol ref={list} className="ts-blocks" aria-label={`Entries on ${time.formatDay(view.day)}`} onKeyDown={onKeyDown}>
              {shown.map(({ entry, start, end }) => {
                const place = placement.get(entry.id)!;
                const others = overlaps.get(entry.id)!.overlaps.map((id) => byId.get(id)!);
                return (
                  <li key={entry.id}>
                    <Block
                      entry={entry}
                      names={names}
                      showWho={showWho}
                      day={view.day}
                      samePerson={others.filter((other) => other.worker === entry.worker && other.technicianId === entry.technicianId).length}
                      otherPeople={others.filter((other) => other.worker !== entry.worker || other.technicianId !== entry.technicianId).length}
                      now={now}
                      style={{
                        top: y(start),
                        height: Math.max(y(end) - y(start), MIN_BLOCK_PX),
                        left: `${(place.lane / place.lanes) * 100}%`,
                        width: `calc(${100 / place.lanes}% - 4px)`,
                      }}
                      onEdit={() => onOpen({ kind: 'edit', id: entry.id, taskTitle: names.task(entry.taskId)?.title })}
                    />
                  </li>
                );
              })}
            </ol>
          </div>
        </div>
      </div>
    </div>
  );
}

interface BlockProps {
  entry: TimesheetEntry;
  names: Names;
  showWho: boolean;
  day: string;
  /** Entries of the same person (her, the MSP team, one technician) it overlaps: a mistake to look at. */
  samePerson: number;
  /** Entries of other people at the same time: work in parallel, shown side by side. */
  otherPeople: number;
  now: number;
  style: { top: number; height: number; left: string; width: string };
  onEdit: () => void;
}

const entries = (count: number) => (count === 1 ? '1 entry' : `${count} entries`);

function Block({ entry, names, showWho, day, samePerson, otherPeople, now, style, onEdit }: BlockProps) {
  const time = useTime();
  const { byId } = useCategories();
  const category = byId.get(entry.categoryId);
  const task = names.task(entry.taskId);
  const fromDayBefore = entry.startDay !== day;
  const running = entry.endAt === null;
  const short = style.height < 40;
  const endsLater = entry.endAt !== null && time.dayOf(entry.endAt - 1) !== day;
  const flags = [
    fromDayBefore && `from ${time.formatDay(entry.startDay)}`,
    endsLater && `until ${time.formatDay(time.dayOf(entry.endAt! - 1))}`,
    samePerson > 0 && `overlaps ${entries(samePerson)} of ${entry.worker === 'me' ? 'yours' : 'the same person'}`,
    otherPeople > 0 && `overlaps ${entries(otherPeople)} of others`,
    running && 'running',
  ].filter(Boolean);
  const what = [showWho ? whoLabel(entry, names) : null, category?.name, task?.title].filter(Boolean).join(' · ');
  return (
    <button
      type="button"
      className={`ts-block${samePerson > 0 ? ' is-overlapping' : ''}${otherPeople > 0 ? ' is-parallel' : ''}${running ? ' is-running' : ''}${entry.worker === 'msp' ? ' is-msp' : ''}${short ? ' is-short' : ''}`}
      style={{ ...style, borderLeftColor: category?.color }}
      title={[`${rangeLabel(entry, time)} · ${running ? durationLabel(entry, now) : durationLabel(entry)}`, what, entry.note, ...flags].filter(Boolean).join('\n')}
      onClick={onEdit}
    >
      <span className="ts-block-time">
        {rangeLabel(entry, time)} · {running ? durationLabel(entry, now) : durationLabel(entry)}
      </span>
      <span className="ts-block-what">
        {showWho && <span className="ts-who">{whoLabel(entry, names)}</span>}
        <CategoryChip category={category} />
        {task && <span className="ts-task">{task.title}</span>}
      </span>
      {entry.note && <span className="ts-block-note">{entry.note}</span>}
      {flags.length > 0 && <span className="ts-block-flags">{flags.join(' · ')}</span>}
    </button>
  );
}

/** Her gaps are shown where her entries are: on her own or with the MSP's, not on the MSP's alone. */
function showGapsFor(view: TimesheetDayView): boolean {
  return view.workingWindow !== null && view.entries.some((entry) => entry.worker === 'me');
}

/** Stretches of her working window, up to now, that none of her entries covers. */
function gapsIn(view: TimesheetDayView, shown: { entry: TimesheetEntry; start: number; end: number }[], now: number) {
  const window = view.workingWindow!;
  const until = Math.min(window.endAt, now);
  const covered = shown.filter(({ entry }) => entry.worker === 'me').map(({ start, end }) => [start, end] as const).sort((a, b) => a[0] - b[0]);
  const gaps: { start: number; end: number; minutes: number }[] = [];
  let cursor = window.startAt;
  const push = (end: number) => {
    const minutes = Math.round((end - cursor) / 60_000);
    if (minutes >= GAP_MINUTES) gaps.push({ start: cursor, end, minutes });
  };
  for (const [start, end] of covered) {
    if (start > cursor) push(Math.min(start, until));
    cursor = Math.max(cursor, end);
    if (cursor >= until) break;
  }
  if (cursor < until) push(until);
  return gaps;
}

/** A mark at each wall-clock hour that exists on the day (a spring-forward day has no 2 AM). */
function hourMarks(view: TimesheetDayView, time: ZonedTime): { at: number; label: string }[] {
  const marks: { at: number; label: string }[] = [];
  for (let hour = 0; hour < 24; hour += 1) {
    const at = time.instantAt(view.day, `${String(hour).padStart(2, '0')}:00`);
    if (marks.some((mark) => mark.at === at) || time.clockOf(at) !== `${String(hour).padStart(2, '0')}:00`) continue;
    marks.push({ at, label: time.formatTime(at) });
  }
  return marks;
}
