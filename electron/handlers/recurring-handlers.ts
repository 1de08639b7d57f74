import type { Handlers } from './types';

/** Recurring series: rules, occurrences materialised as tasks ahead of time. */
export const recurringHandlers = {} satisfies Partial<Handlers>;
