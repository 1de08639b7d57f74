/** Placeholder until the recurring-work section lands (owned by the recurring feature). */
export function RecurringSection() {
  return null;
}
