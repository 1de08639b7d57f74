import type { MspContract } from './cost';

export interface MspProvider {
  name: string;
  email: string;
  phone: string;
  notes: string;
}

export interface Technician {
  id: number;
  name: string;
  role: string;
  email: string;
  archived: boolean;
}

export interface ResponseTarget {
  categoryId: number;
  /** How soon the MSP should respond to a task in this category. */
  targetMinutes: number;
}

export interface MspSetup {
  provider: MspProvider;
  contracts: MspContract[];
  technicians: Technician[];
  responseTargets: ResponseTarget[];
}

/**
 * An MSP task is past its response target when it is still open (not yet picked up) and older
 * than its category's target. Ages run from when the task was created.
 */
export function pastResponseTarget(
  task: { status: string; createdAt: number; categoryId: number | null },
  targetMinutes: number | null,
  now: number,
): boolean {
  return task.status === 'open' && targetMinutes !== null && (now - task.createdAt) / 60_000 > targetMinutes;
}
