import {
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useEffect, useMemo, useState } from 'react';
import type { PlanTask, WeekPlanView } from '../../../shared/api/views';
import { addDays, startOfWeek } from '../../../shared/domain/day';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { call } from '../../api/client';
import { Dialog } from '../../ui/dialog';
import { downloadText } from '../../ui/download';
import { formatHours } from '../../ui/format-figures';
import { Screen } from '../../ui/screen';
import { useTime } from '../../ui/time';
import { useToasts } from '../../ui/toasts';
import { CapacityLegend } from './capacity-bar';
import { DayColumn } from './day-column';
import { CardBody } from './plan-card';
import { PlanSuggestionDialog } from './plan-suggestion-dialog';
import { BacklogLane, MspLane } from './side-lanes';
import { WeekReview } from './week-review';
import { KEYBOARD_INSTRUCTIONS, KeyboardMoveContext, type Carried, type KeyboardMove } from './keyboard-move';
import { dayZone, nextZone, zoneOrder, type ZoneId } from './zones';

interface PendingDrop {
  task: PlanTask;
  to: ZoneId;
}

/**
 * Her week against her real capacity: seven days with their load, the backlog and the MSP lane.
 * Tasks move by drag and drop (dnd-kit's pointer sensor), or by keyboard (Space or Enter picks up,
 * the arrows move between zones, Space or Enter drops, Escape cancels), with every step announced. "Plan my week" suggests a plan she accepts or discards.
 */
export default function WeekPlanScreen() {
  const time = useTime();
  const settings = useCallQuery('settings:get', []);
  const weekStartsOn = settings.data?.weekStartsOn ?? 1;
  const thisWeek = startOfWeek(time.today, weekStartsOn);
  const [weekStart, setWeekStart] = useState<string | null>(null);
  const shown = weekStart ?? thisWeek;
  const plan = useCallQuery('weekPlan:get', [{ weekStart: shown }], { placeholderData: (previous) => previous });
  const move = useCallMutation('weekPlan:move');
  const toasts = useToasts();
  const [dragging, setDragging] = useState<PlanTask | null>(null);
  const [pending, setPending] = useState<PendingDrop | null>(null);
  const [suggesting, setSuggesting] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable], dialog');
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '[') setWeekStart(addDays(shown, -7));
      else if (event.key === ']') setWeekStart(addDays(shown, 7));
      else if (event.key === 't' || event.key === 'T') setWeekStart(null);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown]);

  const view = plan.data;
  const order = useMemo(() => zoneOrder(view?.days.map((day) => day.day) ?? []), [view]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const [carried, setCarried] = useState<Carried | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const zoneName = (zone: ZoneId | null | undefined): string => {
    if (!zone) return 'nowhere';
    if (zone === 'backlog') return 'the backlog';
    if (zone === 'msp') return 'the MSP lane';
    const day = view?.days.find((entry) => dayZone(entry.day) === zone);
    if (!day) return 'a day';
    const off = day.timeOff ? ', a day off' : '';
    return `${time.formatDay(day.day)}${off}: ${formatHours(day.load.loadHours)} of ${formatHours(day.load.capacityHours, 0)}`;
  };
  const taskOf = (data: unknown) => (data as { task?: PlanTask } | undefined)?.task;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${taskOf(active.data.current)?.title ?? 'a task'}. The arrow keys move it between the days, the backlog and the MSP lane; Space drops it, Escape cancels.`,
    onDragOver: ({ active, over }) => `${taskOf(active.data.current)?.title ?? 'The task'} is over ${zoneName(over?.id as ZoneId | undefined)}.`,
    onDragEnd: ({ active, over }) =>
      over ? `${taskOf(active.data.current)?.title ?? 'The task'} was dropped on ${zoneName(over.id as ZoneId)}.` : 'Dropped outside the plan: nothing moved.',
    onDragCancel: ({ active }) => `Moving ${taskOf(active.data.current)?.title ?? 'the task'} was cancelled; it stays where it was.`,
  };

  const apply = ({ task, to }: PendingDrop) => {
    const target = to === 'backlog' ? ({ kind: 'backlog' } as const) : to === 'msp' ? ({ kind: 'msp' } as const) : ({ kind: 'day', day: to.slice(4) } as const);
    move.mutate(
      { taskId: task.id, to: target },
      {
        onSuccess: (moved) => {
          const undo = task.plannedDay === null ? ({ kind: 'backlog' } as const) : ({ kind: 'day', day: task.plannedDay } as const);
          toasts.show(
            to === 'msp'
              ? `Handed “${task.title}” to the MSP`
              : moved.owner === 'msp' && task.owner === 'me'
                ? `Planned “${task.title}” on ${zoneName(to).split(':')[0]}: its category is delegated that day, so it went to the MSP`
                : `Moved “${task.title}” to ${zoneName(to).split(':')[0]}`,
            { action: { label: 'Undo', run: () => void call('weekPlan:move', { taskId: task.id, to: undo }) }, group: 'plan-move', plural: (count) => `Moved ${count} tasks` },
          );
        },
        onError: (error) => toasts.show(error.message, { tone: 'error' }),
      },
    );
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const task = taskOf(active.data.current);
    const to = over?.id as ZoneId | undefined;
    if (!task || !to) return;
    drop(task, (active.data.current as { zone?: ZoneId } | undefined)?.zone, to);
  };

  const onDragStart = ({ active }: DragStartEvent) => setDragging(taskOf(active.data.current) ?? null);

  /** Drops a card where it was carried to, asking first for a day off, exactly as a pointer drop does. */
  const drop = (task: PlanTask, from: ZoneId | undefined, to: ZoneId) => {
    if (to === from) return;
    const day = view?.days.find((entry) => dayZone(entry.day) === to);
    if (day?.timeOff) {
      setPending({ task, to });
      return;
    }
    apply({ task, to });
  };

  const keyboard: KeyboardMove = useMemo(
    () => ({
      carried,
      pickUp: (task, zone) => {
        setCarried({ task, from: zone, at: zone });
        setAnnouncement(`Picked up ${task.title}, on ${zoneName(zone)}. ${KEYBOARD_INSTRUCTIONS.split('. ').slice(1).join('. ')}`);
      },
    }),
    // zoneName reads the current plan; the announcement is made when she picks a card up.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [carried, view],
  );

  useEffect(() => {
    if (!carried) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === 'Tab') {
        event.preventDefault();
        setCarried(null);
        setAnnouncement(`Moving ${carried.task.title} was cancelled; it stays on ${zoneName(carried.from)}.`);
        return;
      }
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        setCarried(null);
        setAnnouncement(carried.at === carried.from ? `${carried.task.title} stays on ${zoneName(carried.from)}.` : `${carried.task.title} was dropped on ${zoneName(carried.at)}.`);
        drop(carried.task, carried.from, carried.at);
        return;
      }
      const next = nextZone(order, carried.at, event.key);
      if (next === null) return;
      event.preventDefault();
      setCarried({ ...carried, at: next });
      setAnnouncement(`${carried.task.title} is over ${zoneName(next)}.`);
    };
    // Capture: the carried card's own keys must not also reach the screen's shortcuts or scroll the page.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [carried, order]);

  return (
    <Screen
      title="Week plan"
      actions={
        <div className="toolbar week-nav">
          <button type="button" className="button" onClick={() => setWeekStart(addDays(shown, -7))}>
            ← Previous<span className="visually-hidden"> week</span> <kbd>[</kbd>
          </button>
          <button type="button" className="button" disabled={shown === thisWeek} onClick={() => setWeekStart(null)}>
            This week <kbd>T</kbd>
          </button>
          <button type="button" className="button" onClick={() => setWeekStart(addDays(shown, 7))}>
            Next<span className="visually-hidden"> week</span> → <kbd>]</kbd>
          </button>
        </div>
      }
    >
      <div className="week-toolbar">
        <p className="week-title" aria-live="polite">
          Week of {time.formatDay(shown)}
          {view && (
            <span className="muted">
              {' '}
              · {formatHours(view.totals.loadHours)} planned of {formatHours(view.totals.capacityHours, 0)} capacity
              {view.totals.overHours > 0 && <strong className="overload"> · {formatHours(view.totals.overHours)} over</strong>}
            </span>
          )}
        </p>
        <div className="toolbar no-print">
          <button type="button" className="button button-primary" onClick={() => setSuggesting(true)} disabled={!view || view.days.at(-1)!.day < time.today}>
            Plan my week
          </button>
          <DownloadIcs weekStart={shown} />
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </div>
      {view && <WeekHints view={view} />}
      <p className="visually-hidden" role="status" aria-live="assertive" aria-label="Moving a task">
        {announcement}
      </p>
      <CapacityLegend />
      {plan.isError && (
        <p className="form-error" role="alert">
          {plan.error.message}
        </p>
      )}
      {view && (
        <KeyboardMoveContext.Provider value={keyboard}>
        <DndContext
          sensors={sensors}
          collisionDetection={pointerWithin}
          accessibility={{ announcements, screenReaderInstructions: { draggable: KEYBOARD_INSTRUCTIONS } }}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(null)}
        >
          <div className="week-grid">
            {view.days.map((day) => (
              <DayColumn key={day.day} day={day} />
            ))}
          </div>
          <div className="week-lanes">
            <BacklogLane backlog={view.backlog} />
            <MspLane msp={view.mspUnplanned} oversightShare={view.oversightShare} />
          </div>
          {/* No drop animation: it flies the card back to where it came from (wrong, it moved) and, while it
              flies, covers the card so that her next press grabs the overlay instead. */}
          <DragOverlay dropAnimation={null}>{dragging && <div className="plan-card is-overlay"><CardBody task={dragging} /></div>}</DragOverlay>
        </DndContext>
        </KeyboardMoveContext.Provider>
      )}
      {pending && (
        <Dialog title="Plan it on a day off?" onClose={() => setPending(null)}>
          <p>
            {zoneName(pending.to).split(':')[0]} is one of your days off. Planning “{pending.task.title}” then adds to a day with no
            capacity.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setPending(null)}>
              Keep it where it was
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                apply(pending);
                setPending(null);
              }}
            >
              Plan it on my day off
            </button>
          </div>
        </Dialog>
      )}
      {suggesting && <PlanSuggestionDialog weekStart={shown} onClose={() => setSuggesting(false)} />}
      {view && <WeekReview weekStart={addDays(shown, -7)} />}
    </Screen>
  );
}

function WeekHints({ view }: { view: WeekPlanView }) {
  const overloaded = view.days.filter((day) => day.load.overloaded);
  const time = useTime();
  if (overloaded.length === 0) return null;
  return (
    <div className="notice notice-warning" role="status">
      <span>
        Overloaded: {overloaded.map((day) => `${time.formatDay(day.day)} by ${formatHours(day.load.overHours)}`).join(', ')}. Move work to
        another day, to the backlog, or to the MSP lane.
      </span>
    </div>
  );
}

function DownloadIcs({ weekStart }: { weekStart: string }) {
  const toasts = useToasts();
  const download = async () => {
    try {
      const { fileName, text } = await call('weekPlan:ics', { weekStart });
      downloadText(fileName, text, 'text/calendar;charset=utf-8');
    } catch (error) {
      toasts.show(error instanceof Error ? error.message : String(error), { tone: 'error' });
    }
  };
  return (
    <button type="button" className="button" onClick={() => void download()}>
      Download for your calendar (.ics)
    </button>
  );
}
