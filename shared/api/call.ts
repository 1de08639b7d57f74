import type { z } from 'zod';
import type { Aggregate } from './events';

/**
 * A call's declaration: the schema its input must pass, the aggregates it reads or writes, and, as
 * a phantom, the type of its result. The phantom is never read at run time.
 */
export interface CallSpec<Input extends z.ZodType, Result> {
  input: Input;
  /** What a query's result depends on: a change to any of these refreshes it. */
  reads: readonly Aggregate[];
  /** What a write may change: the backend announces these after the commit. Empty for queries. */
  writes: readonly Aggregate[];
  /** Boxed so a result type that includes null survives NonNullable below. */
  result?: [Result];
}

const returning =
  <Input extends z.ZodType>(input: Input, reads: readonly Aggregate[], writes: readonly Aggregate[]) =>
  <Result>(): CallSpec<Input, Result> => ({ input, reads, writes });

/**
 * `call(schema).reads('tasks').returns<Task[]>()` or `call(schema).writes('tasks').returns<Task>()`.
 * Every call says which one it is, so the renderer never keeps its own list of what to refetch.
 */
export const call = <Input extends z.ZodType>(input: Input) => ({
  reads: (...aggregates: [Aggregate, ...Aggregate[]]) => ({ returns: returning(input, aggregates, []) }),
  writes: (...aggregates: [Aggregate, ...Aggregate[]]) => ({ returns: returning(input, [], aggregates) }),
});
