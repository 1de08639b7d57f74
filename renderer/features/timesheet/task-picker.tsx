import { useId, useState, type KeyboardEvent } from 'react';
import { RECENT_SEARCH_TASKS, type Task } from '../../../shared/domain/types';
import { useCallQuery } from '../../api/hooks';

export interface PickedTask {
  id: number;
  title: string;
  categoryId: number | null;
}

interface TaskPickerProps {
  /** From the surrounding Field: the input is the labelled control. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  value: PickedTask | null;
  onChange: (task: PickedTask | null) => void;
}

const SUGGESTIONS = 8;

/**
 * Links an entry to a task: a combobox that searches her tasks by title and notes as she types
 * (the full-text search of the task list), open ones first. ↑ ↓ move through the matches, Enter
 * picks one, Escape closes the list; “No task” unlinks.
 */
export function TaskPicker({ id, value, onChange, ...aria }: TaskPickerProps) {
  const listId = useId();
  const [text, setText] = useState(value?.title ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = text.trim() === value?.title.trim() ? '' : text.trim();
  const matches = useCallQuery(
    'tasks:list',
    [{ search, status: search === '' ? 'active' : 'all', sort: 'urgency', limit: SUGGESTIONS }],
    { enabled: open, placeholderData: (previous) => previous },
  );
  const tasks: Task[] = open ? (matches.data?.tasks ?? []) : [];

  const pick = (task: Task) => {
    onChange({ id: task.id, title: task.title, categoryId: task.categoryId });
    setText(task.title);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (tasks.length === 0 ? 0 : (current + step + tasks.length) % tasks.length));
    } else if (event.key === 'Enter' && open) {
      // Enter picks the highlighted task; it must not also save the form.
      event.preventDefault();
      const task = tasks[active];
      if (task) pick(task);
    } else if (event.key === 'Escape' && open) {
      // The list closes; the dialog around it stays open.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setText(value?.title ?? '');
    }
  };

  const activeId = open && tasks[active] ? `${listId}-${tasks[active].id}` : undefined;
  return (
    <div className="task-picker">
      <div className="task-picker-input">
        <input
          id={id}
          {...aria}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          autoComplete="off"
          placeholder="Search your tasks…"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setText(value?.title ?? '');
          }}
          onKeyDown={onKeyDown}
        />
        {value && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              onChange(null);
              setText('');
            }}
          >
            No task<span className="visually-hidden"> (unlink “{value.title}”)</span>
          </button>
        )}
      </div>
      <ul id={listId} role="listbox" aria-label="Matching tasks" className="task-picker-list" hidden={!open || tasks.length === 0}>
        {tasks.map((task, index) => (
          <li
            key={task.id}
            id={`${listId}-${task.id}`}
            role="option"
            aria-selected={index === active}
            className={task.status === 'done' ? 'is-done' : undefined}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(task);
            }}
          >
            {task.title}
            {task.status === 'done' && <span className="muted"> · done</span>}
          </li>
        ))}
      </ul>
      {open && search !== '' && matches.isSuccess && tasks.length === 0 && (
        <p className="field-hint" role="status">
          {matches.data?.olderLeftOut
            ? `None of your newest ${RECENT_SEARCH_TASKS.toLocaleString('en-US')} tasks matches “${search}”; the Tasks screen searches older ones too.`
            : `No task matches “${search}”.`}
        </p>
      )}
    </div>
  );
}
