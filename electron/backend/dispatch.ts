import { contract, isCallName, type CallName } from '../../shared/api/contract';
import { AppError, type ApiErrorShape, type Envelope } from '../../shared/api/errors';
import type { Aggregate } from '../../shared/api/events';
import { savingErrorOf } from '../db/storage-errors';
import type { Handler, HandlerContext, Handlers } from '../handlers/types';

/** Told after a write call's handler returned, i.e. after its transaction committed. */
export type OnCommitted = (aggregates: readonly Aggregate[]) => void;

/**
 * The one path every call takes, from IPC and from the browser-mode server alike: the name must be
 * in the contract, the input must pass its schema, and the result or error comes back as a plain
 * serialisable envelope. The renderer is untrusted: nothing it sends reaches a handler unparsed.
 * A write call that succeeds reports the aggregates it declares, so every window can refresh.
 */
export async function dispatch(
  handlers: Handlers,
  context: HandlerContext,
  name: unknown,
  rawInput: unknown,
  onCommitted: OnCommitted = () => {},
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return failure({ code: 'UNKNOWN_CALL', message: `Offload has no call named ${JSON.stringify(String(name)).slice(0, 80)}.` });
  }
  const spec = contract[name];
  const parsed = spec.input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    return failure({
      code: 'VALIDATION',
      message: issues[0]?.message ?? 'The request was not valid.',
      issues,
    });
  }
  try {
    const handler = handlers[name] as Handler<CallName>;
    const value = await handler(parsed.data, context);
    if (spec.writes.length > 0) onCommitted(spec.writes);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return failure(error.toShape());
    // A full disk, a read-only folder, a disk error or damage: SQLite rolled the transaction back.
    const storage = savingErrorOf(error);
    if (storage) return failure(storage.toShape());
    // The cause goes to the log only: an unexpected error's text is SQLite's or the runtime's
    // ("CHECK constraint failed: length(title) …"), which tells her nothing and shows the schema.
    console.error(`[offload] ${name} failed:`, error);
    return failure({
      code: 'INTERNAL',
      message: `Offload could not complete “${name}”, and nothing was changed by the failed step. The cause is in Offload’s log.`,
    });
  }
}

function failure(error: ApiErrorShape): Envelope<never> {
  return { ok: false, error };
}
