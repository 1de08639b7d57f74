import { delegationOn, referenceDay, type Delegation } from './delegation';
import type { LocalDay } from './day';
import type { Owner } from './fields';

/** What ownership is decided from: her explicit choices, the category and the task's days. */
export interface OwnershipFacts {
  categoryId: number | null;
  plannedDay: LocalDay | null;
  dueDay: LocalDay | null;
  /** She keeps it although its category is delegated. */
  keepOwner: boolean;
  /** She handed it to the MSP herself. */
  handedOver: boolean;
}

/**
 * The owner of a task, the one home of the brief's rule: "A task in a category delegated on its
 * reference day is owned by the MSP unless she explicitly keeps it. The reference day is the planned
 * day, else the due day, else (an undated task) today: undated open tasks follow the delegation in
 * force today, so they move to the MSP on the day a delegation starts and come back to her the day
 * after it ends." A task she handed over herself stays the MSP's whatever the delegations say.
 *
 * The database keeps each open task's owner materialised; `electron/repositories/ownership.ts`
 * recomputes it with the same rule in one set-based statement (after a delegation changes, a task's
 * days or category change, and when her day changes), and a test compares the two on the same cases.
 */
export function ownerOf(task: OwnershipFacts, delegations: readonly Delegation[], today: LocalDay): Owner {
  if (task.keepOwner) return 'me';
  if (task.handedOver) return 'msp';
  if (task.categoryId === null) return 'me';
  return delegationOn(delegations, task.categoryId, referenceDay(task, today)) ? 'msp' : 'me';
}
