import type { GlobalShortcut } from 'electron';
import type { ShortcutState } from '../../shared/api/desktop-views';
import { acceleratorProblem, describeAccelerator } from '../../shared/domain/accelerator';

export interface ShortcutStatus {
  accelerator: string | null;
  state: ShortcutState;
  /** What Settings shows under the field. */
  message: string;
}

export interface ShortcutKeeper {
  /** Registers `accelerator` (null: none) in place of the previous one, and says how it went. */
  apply(accelerator: string | null): ShortcutStatus;
  status(): ShortcutStatus;
  dispose(): void;
}

export interface ShortcutEnvironment {
  platform: NodeJS.Platform;
  /** A Wayland session, where apps may not be allowed to listen for keys system-wide. */
  wayland: boolean;
}

/** A Wayland session by the variables every Wayland compositor sets. */
export function isWaylandSession(env: NodeJS.ProcessEnv): boolean {
  return env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY ?? '') !== '';
}

/**
 * The system-wide quick-add shortcut. `globalShortcut.register` answers false when the system or
 * another app holds the keys (and throws on keys it cannot parse), so each outcome gets a message
 * that says what happened and what to do; the previous shortcut is released first, and only ever
 * the one this keeper registered.
 */
export function createShortcutKeeper(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  onPress: () => void,
  environment: ShortcutEnvironment,
): ShortcutKeeper {
  const isMac = environment.platform === 'darwin';
  let registered: string | null = null;
  let status: ShortcutStatus = { accelerator: null, state: 'off', message: 'No quick-add shortcut is set.' };

  const release = () => {
    if (registered === null) return;
    try {
      globalShortcut.unregister(registered);
    } catch (error) {
      console.warn('[offload] could not release the quick-add shortcut:', error);
    }
    registered = null;
  };

  return {
    apply(accelerator) {
      if (accelerator !== null && accelerator === registered) return status;
      release();
      if (accelerator === null) {
        status = { accelerator: null, state: 'off', message: 'No quick-add shortcut is set: quick add from the tray or with an offload://quick-add link.' };
        return status;
      }
      const keys = describeAccelerator(accelerator, isMac);
      const problem = acceleratorProblem(accelerator);
      if (problem) {
        status = { accelerator, state: 'taken', message: problem };
        return status;
      }
      let ok = false;
      try {
        ok = globalShortcut.register(accelerator, onPress);
      } catch (error) {
        console.warn(`[offload] ${accelerator} could not be registered:`, error);
      }
      if (ok) {
        registered = accelerator;
        status = { accelerator, state: 'registered', message: `Press ${keys} anywhere to quick-add a task.` };
      } else if (environment.wayland) {
        status = {
          accelerator,
          state: 'unavailable',
          message: `This desktop (Wayland) did not let Offload listen for ${keys} system-wide. Bind a key in your desktop’s keyboard settings to open the link offload://quick-add instead.`,
        };
      } else {
        status = {
          accelerator,
          state: 'taken',
          message: `${keys} is already taken by the system or another app. Choose another shortcut.`,
        };
      }
      return status;
    },
    status: () => status,
    dispose: release,
  };
}
