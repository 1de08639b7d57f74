import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CallArgs, CallInput, CallName, CallResult } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { call } from './client';

/** A call's result, cached under [name, input] by TanStack Query. */
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
 * A call that changes data. `invalidates` lists the prefixes of the queries whose results it can
 * change (`'tasks:'`, `'app:status'`), so every screen showing them refreshes.
 */
export function useCallMutation<Name extends CallName>(name: Name, invalidates: readonly string[]) {
  const queryClient = useQueryClient();
  return useMutation<CallResult<Name>, ApiError, CallInput<Name>>({
    mutationFn: (input) => call(name, ...([input] as CallArgs<Name>)),
    onSettled: () =>
      queryClient.invalidateQueries({
        predicate: (query) => {
          const key = query.queryKey[0];
          return typeof key === 'string' && invalidates.some((prefix) => key.startsWith(prefix));
        },
      }),
  });
}
