import type { call } from './call';

/** Calls for recurring work (series of tasks from RFC 5545 rules). Spread into the contract. */
export const recurringCalls = {} satisfies Record<string, ReturnType<ReturnType<typeof call>['returns']>>;
