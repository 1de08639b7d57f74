import type { CallArgs, CallName, CallResult } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { Backend } from '../backend/backend';

export type ShellBackend = Pick<Backend, 'dispatch' | 'subscribe'>;

/** The source name of the shell's own calls: the changes they cause are no window's own. */
export const SHELL_SOURCE = 'shell';

/**
 * A call from the shell (tray, idle prompt, reminders) through the backend's dispatcher, exactly
 * as a window's call arrives: the input is parsed against the contract, the handler runs in its
 * transaction, and every window hears what changed. Resolves with the result or rejects with the
 * call's ApiError.
 */
export async function callBackend<Name extends CallName>(
  backend: Pick<Backend, 'dispatch'>,
  name: Name,
  ...args: CallArgs<Name>
): Promise<CallResult<Name>> {
  const envelope = await backend.dispatch(name, args[0], { source: SHELL_SOURCE });
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as CallResult<Name>;
}
