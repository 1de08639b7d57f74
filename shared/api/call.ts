import type { z } from 'zod';

/**
 * A call's declaration: the schema its input must pass and, as a phantom, the type of its result.
 * The phantom is never read at run time.
 */
export interface CallSpec<Input extends z.ZodType, Result> {
  input: Input;
  /** Boxed so a result type that includes null survives NonNullable below. */
  result?: [Result];
}

export const call = <Input extends z.ZodType>(input: Input) => ({
  returns: <Result>(): CallSpec<Input, Result> => ({ input }),
});

