import { createContext, useContext } from 'react';
import type { PlanTask } from '../../../shared/api/views';
import type { ZoneId } from './zones';

/** A card being moved with the keyboard: which, from where, and the zone it is over now. */
export interface Carried {
  task: PlanTask;
  from: ZoneId;
  at: ZoneId;
}

export interface KeyboardMove {
  carried: Carried | null;
  /** Space or Enter on a card picks it up. */
  pickUp(task: PlanTask, zone: ZoneId): void;
}

export const KeyboardMoveContext = createContext<KeyboardMove>({ carried: null, pickUp: () => {} });

export const useKeyboardMove = () => useContext(KeyboardMoveContext);

/** Whether the carried card is over this zone (it is highlighted as a drop target). */
export function useIsKeyboardTarget(zone: ZoneId): boolean {
  return useKeyboardMove().carried?.at === zone;
}

export const KEYBOARD_INSTRUCTIONS =
  'To move this task, press Space or Enter to pick it up. The arrow keys move it between the days, the backlog and the MSP lane. Press Space or Enter again to drop it there, or Escape to cancel.';
