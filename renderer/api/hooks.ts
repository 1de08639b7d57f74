import { useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { CallArgs, CallInput, CallName, CallResult } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { call } from './client';

/** A call's result, cached under [name, input] by TanStack Query; refreshed when what it reads changes. */
export function useCallQuery<Name extends CallName>(
  name: Name,
  args: CallArgs<Name>,
  options: Omit<UseQueryOptions<CallResult<Name>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CallResult<Name>, ApiError>({
    queryKey: [name, args[0] ?? null],
    queryFn: () => call(name, ...args),
    ...options,
  });
}

/**
 * A call that changes data. What it invalidates comes from the contract (its `writes`), through
 * live-data.ts, so no screen lists what to refetch.
 */
export function useCallMutation<Name extends CallName>(name: Name) {
  return useMutation<CallResult<Name>, ApiError, CallInput<Name>>({
    mutationFn: (input) => call(name, ...([input] as CallArgs<Name>)),
  });
}
