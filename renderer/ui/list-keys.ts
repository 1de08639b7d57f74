import type { KeyboardEvent } from 'react';

/**
 * The keys of every list of tasks, the same on each (and listed in the ? overlay):
 * j / ↓ next row, k / ↑ previous, Home / End, Space complete, E or Enter edit, S start or stop the
 * timer, X select, Delete delete (with Undo). They act on the row that has focus, never while she types in a field or a
 * control inside the row has focus (Space on a button presses that button).
 */
export interface RowActions {
  complete?: () => void;
  edit?: () => void;
  timer?: () => void;
  select?: () => void;
  remove?: () => void;
}

/** The step a key moves by in a list, or null for a key that does not move. */
export function listStep(key: string): 'next' | 'previous' | 'first' | 'last' | null {
  if (key === 'j' || key === 'ArrowDown') return 'next';
  if (key === 'k' || key === 'ArrowUp') return 'previous';
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  return null;
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;

/** Runs the row's action for the key; true when it did (the key is then consumed). */
export function rowKeyDown(event: KeyboardEvent<HTMLElement>, actions: RowActions): boolean {
  if (event.target !== event.currentTarget || !plain(event)) return false;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const action = key === ' ' ? actions.complete : key === 'e' || key === 'Enter' ? actions.edit : key === 's' ? actions.timer : key === 'x' ? actions.select : key === 'Delete' ? actions.remove : undefined;
  if (!action) return false;
  event.preventDefault();
  event.stopPropagation();
  action();
  return true;
}

/**
 * Moves focus between the rows (`[data-row]`) of a list that renders all of them; the rows are
 * one tab stop (roving tabindex is kept by the caller's markup: tabIndex 0 on rows).
 */
export function moveFocusInList(event: KeyboardEvent<HTMLElement>): void {
  const step = listStep(event.key);
  if (!step || !plain(event)) return;
  const rows = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-row]'));
  const from = rows.findIndex((row) => row === document.activeElement || row.contains(document.activeElement));
  if (from < 0 && step !== 'first' && step !== 'last') return;
  const to = step === 'first' ? 0 : step === 'last' ? rows.length - 1 : Math.min(rows.length - 1, Math.max(0, from + (step === 'next' ? 1 : -1)));
  event.preventDefault();
  rows[to]?.focus();
}
