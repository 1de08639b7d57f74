/** The timesheet's keys, for the shortcuts overlay (`?`). */
export const TIMESHEET_SHORTCUTS: { keys: string; action: string }[] = [
  { keys: '← → ↑ ↓', action: 'Timesheet week: move between cells (↑ ↓ between entries in the day)' },
  { keys: 'Enter', action: 'Timesheet: edit the focused entry (in an empty cell, add one)' },
  { keys: 'N', action: 'Timesheet: add an entry on the focused day' },
  { keys: 'Delete', action: 'Timesheet: delete the focused entries (Undo in the notification)' },
  { keys: 'Shift+← →', action: 'Timesheet week: move the focused entries to the day before or after' },
  { keys: 'W / D', action: 'Timesheet: show the week or the day' },
  { keys: '[ ]  T', action: 'Timesheet and week plan: previous or next week (day), back to today' },
];
