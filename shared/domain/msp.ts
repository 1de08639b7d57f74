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
