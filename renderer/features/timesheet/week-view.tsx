import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TimesheetRow, TimesheetWeekEntry, TimesheetWeekView } from '../../../shared/api/contract-timesheet';
import { addDays, type LocalDay } from '../../../shared/domain/day';
import { formatDuration } from '../../../shared/domain/duration';
import type { Owner } from '../../../shared/domain/types';
import { Dialog } from '../../ui/dialog';
import { useTime } from '../../ui/time';
import { CategoryChip, useCategories } from '../categories/use-categories';
import { useEntryActions } from './entry-actions';
import type { EntryDialogTarget } from './entry-dialog';
import { durationLabel, namesOf, rangeLabel, shortRangeLabel, whoLabel, type Names } from './entry-text';

/** The row the grid always ends with: a place to add time on any day, even in an empty week. */
const NEW_ROW = 'new';

/** At most this many entries are listed in a cell; the rest are counted (“+2 more”). */
const LISTED_PER_CELL = 3;

interface Cell {
  row: TimesheetRow | null;
  day: LocalDay;
  entries: TimesheetWeekEntry[];
  /** Entries in the cell by the totals, the ones the list was cut before included. */
  count: number;
  minutes: number;
}

/** The note as the week was sent it: its first 60 characters, with an ellipsis where it goes on (the editor shows it whole). */
const notePreview = (entry: TimesheetWeekEntry) => (entry.noteTruncated ? `${entry.note.trimEnd()}…` : entry.note);

const minutesText = (minutes: number) => (minutes === 0 ? '' : formatDuration(minutes));

interface WeekViewProps {
  view: TimesheetWeekView;
  /** Whether rows say whose they are (when both hers and the MSP's are shown, or the MSP's). */
  showWho: boolean;
  /** Who a new entry outside any row is for: the MSP when only its time is shown, else her. */
  defaultWorker: Owner;
  focusDay: LocalDay;
  onFocusDay: (day: LocalDay) => void;
  onOpen: (target: EntryDialogTarget) => void;
  onOpenDay: (day: LocalDay) => void;
}

/**
 * The week as a grid: one row per person, category and task, a column per day, totals per row, per
 * day and for the week. Keyboard first: the arrows move between cells, Enter edits (or adds in an
 * empty cell), N adds on the focused day, Delete deletes the cell's entries (Undo in the toast),
 * Shift+← → moves them a day, D opens the day.
 */
export function WeekView({ view, showWho, defaultWorker, focusDay, onFocusDay, onOpen, onOpenDay }: WeekViewProps) {
  const time = useTime();
  const names = useMemo(() => namesOf(view), [view]);
  const actions = useEntryActions();
  const { byId } = useCategories();
  const table = useRef<HTMLTableElement>(null);
  // The focused row is kept by identity (who, category, task), so a row added above it or a week
  // without it does not move her focus to another row; `index` is where to fall back to.
  const [focus, setFocus] = useState<{ key: string; index: number }>({ key: NEW_ROW, index: 0 });
  const [choosing, setChoosing] = useState<Cell | null>(null);
  const dayIndex = Math.max(0, view.days.indexOf(focusDay));
  const rows = view.rows;
  const keys = [...rows.map((row) => row.key), NEW_ROW];
  const found = keys.indexOf(focus.key);
  const focusedRow = found === -1 ? Math.min(focus.index, keys.length - 1) : found;

  // An entry names its row by index; its day is the local day it starts on in her zone, the day the
  // server counted it on. Cells are keyed `row|day`.
  const { byCell, herLastEnd } = useMemo(() => {
    const cells = new Map<string, TimesheetWeekEntry[]>();
    const lastEnds = new Map<LocalDay, number>();
    for (const entry of view.entries) {
      const day = time.dayOf(entry.startAt);
      const key = `${entry.row}|${day}`;
      cells.set(key, [...(cells.get(key) ?? []), entry]);
      if (entry.endAt !== null && view.rows[entry.row]?.worker === 'me') lastEnds.set(day, Math.max(lastEnds.get(day) ?? 0, entry.endAt));
    }
    return { byCell: cells, herLastEnd: lastEnds };
  }, [view, time]);

  const cellAt = (row: number, day: number): Cell => {
    const data = rows[row] ?? null;
    const date = view.days[day]!;
    return {
      row: data,
      day: date,
      entries: data ? (byCell.get(`${row}|${date}`) ?? []) : [],
      count: data?.entriesByDay[day] ?? 0,
      minutes: data?.minutesByDay[day] ?? 0,
    };
  };

  // Focus follows the data: after a delete removes her row, a move, or another week, the grid
  // puts focus back on its focused cell; focus she has inside a cell (an entry's button) stays.
  const hadFocus = useRef(false);
  const focusing = useRef(false);
  useEffect(() => {
    // “The grid had focus last”: true from focus landing in it until focus lands anywhere else. A
    // cell removed with the data sends focus nowhere, so the grid still has it to give back.
    const onFocusIn = (event: FocusEvent) => {
      hadFocus.current = table.current?.contains(event.target as Node) ?? false;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);
  useEffect(() => {
    if (!hadFocus.current) return;
    const target = table.current?.querySelector<HTMLElement>(`[data-cell="${focusedRow}-${dayIndex}"]`);
    if (!target || target.contains(document.activeElement)) return;
    focusing.current = true;
    target.focus();
    focusing.current = false;
  });

  const focusCell = (row: number, day: number) => {
    hadFocus.current = true;
    const index = Math.max(0, Math.min(keys.length - 1, row));
    setFocus({ key: keys[index]!, index });
    onFocusDay(view.days[Math.max(0, Math.min(6, day))]!);
  };

  /** Where her last finished entry of the day ends, `HH:MM`, to start a new entry there. */
  const lastEndOn = (day: LocalDay) => {
    const end = herLastEnd.get(day);
    return end === undefined ? '' : time.clockOf(end);
  };

  const add = (cell: Cell) =>
    onOpen({
      kind: 'add',
      day: cell.day,
      worker: cell.row?.worker ?? defaultWorker,
      technicianId: cell.row?.technicianId ?? null,
      categoryId: cell.row?.categoryId ?? null,
      task: cell.row?.taskId != null ? { id: cell.row.taskId, title: names.task(cell.row.taskId)?.title ?? '', categoryId: cell.row.categoryId } : null,
      start: lastEndOn(cell.day),
    });

  const edit = (entry: TimesheetWeekEntry) => onOpen({ kind: 'edit', id: entry.id, taskTitle: names.task(rows[entry.row]?.taskId ?? null)?.title });

  const open = (cell: Cell) => {
    if (cell.entries.length === 0 && cell.count === 0) add(cell);
    else if (cell.entries.length === 1 && cell.count === 1) edit(cell.entries[0]!);
    else setChoosing(cell);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!target || event.ctrlKey || event.metaKey || event.altKey) return;
    const cell = cellAt(focusedRow, dayIndex);
    const key = event.key;
    if (event.shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
      if (cell.entries.length > 0) {
        const to = addDays(cell.day, key === 'ArrowLeft' ? -1 : 1);
        void actions.moveEntries(cell.entries, cell.day, to).then((moved) => {
          if (moved && view.days.includes(to)) focusCell(focusedRow, view.days.indexOf(to));
        });
      }
    } else if (key === 'ArrowLeft') focusCell(focusedRow, dayIndex - 1);
    else if (key === 'ArrowRight') focusCell(focusedRow, dayIndex + 1);
    else if (key === 'ArrowUp') focusCell(focusedRow - 1, dayIndex);
    else if (key === 'ArrowDown') focusCell(focusedRow + 1, dayIndex);
    else if (key === 'Home') focusCell(focusedRow, 0);
    else if (key === 'End') focusCell(focusedRow, 6);
    else if (key === 'Enter' || key === 'F2') open(cell);
    else if (key === 'n' || key === 'N') add(cell);
    else if (key === 'd' || key === 'D') onOpenDay(cell.day);
    else if (key === 'Delete' || key === 'Backspace') {
      if (cell.entries.length > 0) {
        hadFocus.current = true;
        void actions.deleteEntries(cell.entries);
      }
    } else return;
    event.preventDefault();
    // N and D are the app's and the screen's shortcuts elsewhere; here they act on the cell.
    event.stopPropagation();
  };

  const rowLabelOf = (row: TimesheetRow) =>
    [showWho ? whoLabel(row, names) : null, byId.get(row.categoryId)?.name, names.task(row.taskId)?.title].filter(Boolean).join(' · ');

  const rowHeader = (row: TimesheetRow | null) => {
    if (row === null) return <span className="muted">New entry</span>;
    const task = names.task(row.taskId);
    return <RowHeader row={row} task={task} who={showWho ? whoLabel(row, names) : null} />;
  };

  return (
    <>
      {rows.length === 0 && (
        <p className="ts-week-empty muted">
          Nothing logged this week. Move to a day in the grid and press <kbd>N</kbd> (or use <strong>Add entry</strong>) to log time you
          worked; a timer you start on a task shows here too. <kbd>[</kbd> goes back a week.
        </p>
      )}
      <div className="ts-grid-scroller">
        <table
          ref={table}
          role="grid"
          className="ts-grid"
          aria-label={`Week of ${time.formatDay(view.weekStart)}: your time and the MSP’s by category and day`}
          aria-describedby="ts-grid-keys"
          onKeyDown={onKeyDown}
        >
          <thead>
            <tr>
              <th scope="col" className="ts-row-head-col">
                Category and task
              </th>
              {view.days.map((day, index) => (
                <th key={day} scope="col" className={day === time.today ? 'is-today' : undefined}>
                  <button type="button" className="ts-day-link" tabIndex={-1} onClick={() => onOpenDay(day)}>
                    {time.formatDay(day)}
                  </button>
                  <span className="ts-day-total">{formatHoursMinutes(view.dayTotals[index]!.minutes)}</span>
                </th>
              ))}
              <th scope="col" className="number">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {[...rows, null].map((row, r) => (
              <tr key={row?.key ?? NEW_ROW} className={row === null ? 'ts-new-row' : undefined}>
                <th scope="row">{rowHeader(row)}</th>
                {view.days.map((day, d) => {
                  const cell = cellAt(r, d);
                  const focused = r === focusedRow && d === dayIndex;
                  return (
                    <td
                      key={day}
                      data-cell={`${r}-${d}`}
                      tabIndex={focused ? 0 : -1}
                      className={`ts-cell${day === time.today ? ' is-today' : day > time.today ? ' is-future' : ''}${cell.count > 0 ? ' has-entries' : ''}`}
                      onFocus={() => {
                        // Where the grid put focus itself, her chosen row stays the one it looks for.
                        if (focusing.current) return;
                        if (keys[r] !== focus.key) setFocus({ key: keys[r]!, index: r });
                        if (d !== dayIndex) onFocusDay(day);
                      }}
                      onDoubleClick={() => open(cell)}
                    >
                      <CellContent cell={cell} rowLabel={row === null ? null : rowLabelOf(row)} onEdit={edit} onAdd={() => add(cell)} />
                    </td>
                  );
                })}
                <td className="number ts-row-total">{row === null ? '' : minutesText(row.minutes)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row">Total</th>
              {view.dayTotals.map((total) => (
                <td key={total.day} className="number">
                  {formatHoursMinutes(total.minutes)}
                  {total.afterHoursMinutes > 0 && <span className="ts-after-hours">{formatDuration(total.afterHoursMinutes)} after hours</span>}
                </td>
              ))}
              <td className="number">{formatHoursMinutes(view.totals.minutes)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {view.entries.length < view.entryCount && (
        <p className="muted">
          The week has {view.entryCount.toLocaleString()} entries; the cells list the first {view.entries.length.toLocaleString()}. The totals count
          them all; open a day (D) to see every entry on it.
        </p>
      )}
      {choosing && (
        <CellChooser
          cell={choosing}
          names={names}
          onClose={() => setChoosing(null)}
          onEdit={(entry) => {
            setChoosing(null);
            edit(entry);
          }}
          onAdd={() => {
            setChoosing(null);
            add(choosing);
          }}
        />
      )}
    </>
  );
}

function formatHoursMinutes(minutes: number): string {
  return minutes === 0 ? '0h' : formatDuration(minutes);
}

function RowHeader({ row, task, who }: { row: TimesheetRow; task: { title: string; deleted: boolean } | null; who: string | null }) {
  const { byId } = useCategories();
  return (
    <div className="ts-row-head">
      {who && <span className={`ts-who${row.worker === 'msp' ? ' is-msp' : ''}`}>{who}</span>}
      <CategoryChip category={byId.get(row.categoryId)} />
      {task && (
        <span className="ts-task" title={task.title}>
          {task.title}
          {task.deleted && <span className="muted"> (deleted)</span>}
        </span>
      )}
      {row.running && <span className="badge badge-warning">running</span>}
    </div>
  );
}

function CellContent({ cell, rowLabel, onEdit, onAdd }: { cell: Cell; rowLabel: string | null; onEdit: (entry: TimesheetWeekEntry) => void; onAdd: () => void }) {
  const time = useTime();
  const listed = cell.entries.slice(0, LISTED_PER_CELL);
  const more = cell.count - listed.length;
  const where = rowLabel ? ` (${rowLabel})` : '';
  return (
    <>
      {cell.minutes > 0 && <span className="ts-cell-total">{formatDuration(cell.minutes)}</span>}
      {listed.length > 0 && (
        <ul className="ts-cell-entries">
          {listed.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                tabIndex={-1}
                className={`ts-entry${entry.endAt === null ? ' is-running' : ''}`}
                title={[rangeLabel(entry, time), notePreview(entry)].filter(Boolean).join(' · ')}
                onClick={(event) => {
                  event.stopPropagation();
                  onEdit(entry);
                }}
              >
                {shortRangeLabel(entry, time)}
                <span className="visually-hidden">, {durationLabel(entry)}{entry.note ? `, ${notePreview(entry)}` : ''}. Edit</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <span className="ts-more">+{more} more</span>}
      <button
        type="button"
        tabIndex={-1}
        className="ts-cell-add"
        onClick={(event) => {
          event.stopPropagation();
          onAdd();
        }}
      >
        <span aria-hidden="true">+</span>
        <span className="visually-hidden">
          Add time on {time.formatDay(cell.day)}
          {where}
        </span>
      </button>
    </>
  );
}

function CellChooser({ cell, names, onClose, onEdit, onAdd }: { cell: Cell; names: Names; onClose: () => void; onEdit: (entry: TimesheetWeekEntry) => void; onAdd: () => void }) {
  const time = useTime();
  const { byId } = useCategories();
  const category = cell.row ? byId.get(cell.row.categoryId)?.name : undefined;
  return (
    <Dialog title={`${time.formatDay(cell.day)}${category ? ` · ${category}` : ''}`} onClose={onClose} className="ts-chooser">
      <p className="muted">{cell.count} entries. Choose one to edit, split, move or delete.</p>
      <ul className="ts-chooser-list">
        {cell.entries.map((entry) => (
          <li key={entry.id}>
            <button type="button" className="button" onClick={() => onEdit(entry)}>
              <span>{rangeLabel(entry, time)}</span>
              <span className="muted">{durationLabel(entry)}</span>
              {entry.note && <span className="ts-chooser-note">{notePreview(entry)}</span>}
              {cell.row && <span className="visually-hidden"> · {whoLabel(cell.row, names)}</span>}
            </button>
          </li>
        ))}
      </ul>
      {cell.entries.length < cell.count && <p className="muted">More entries are on this day than the week lists: open the day to see them all.</p>}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onAdd}>
          Add another
        </button>
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
