import { useMutation, useQuery, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CallArgs, CallInput, CallName, CallResult } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { call } from './client';

/** The cache key and fetcher of one call's result: the same for a screen's hook and for a prefetch. */
export function callQuery<Name extends CallName>(name: Name, args: CallArgs<Name>) {
  return {
    queryKey: [name, args[0] ?? null] as const,
    queryFn: () => call(name, ...args),
  };
}

/** A call's result, cached under [name, input] by TanStack Query; refreshed when what it reads changes. */
export function useCallQuery<Name extends CallName>(
  name: Name,
  args: CallArgs<Name>,
  options: Omit<UseQueryOptions<CallResult<Name>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CallResult<Name>, ApiError>({
    ...callQuery(name, args),
    ...options,
  });
}

/**
 * Starts a call before the screen that shows it is drawn (see app/screen-prefetch.ts); the screen's
 * `useCallQuery` with the same arguments then takes the answer, or the call still under way.
 */
export function prefetchCall<Name extends CallName>(queryClient: QueryClient, name: Name, ...args: CallArgs<Name>): Promise<CallResult<Name>> {
  return queryClient.fetchQuery<CallResult<Name>, ApiError>(callQuery(name, args));
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
