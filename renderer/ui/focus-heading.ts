/**
 * When the row she acted on goes away (deleted, removed from the team), focus lands on its
 * section's heading instead of falling back to the page, so her place, and a screen reader's,
 * stays in that section. The heading needs `tabIndex={-1}`.
 */
export function focusHeading(id: string): void {
  document.getElementById(id)?.focus();
}
