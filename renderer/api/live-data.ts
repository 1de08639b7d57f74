import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { contract, isCallName } from '../../shared/api/contract';
import type { Aggregate, JobFinishedEvent, ProgressEvent } from '../../shared/api/events';
import { onOwnWrite, subscribeToEvents } from './client';

/**
 * Keeps every cached result current from the backend's own account of what changed: a write this
 * page made (from the contract's `writes`), or a `changed` event for a write made anywhere else —
 * another window, an import job, the API called directly. A query is refreshed when its call reads
 * any aggregate that changed; nothing in the UI keeps its own list of what to refetch.
 */
export function startLiveData(queryClient: QueryClient): () => void {
  const refresh = (aggregates: readonly Aggregate[]) =>
    queryClient.invalidateQueries({
      predicate: (query) => {
        const name = query.queryKey[0];
        return isCallName(name) && contract[name].reads.some((aggregate) => aggregates.includes(aggregate));
      },
    });
  const stopOwnWrites = onOwnWrite((aggregates) => void refresh(aggregates));
  const stopEvents = subscribeToEvents({
    onEvent(event) {
      if (event.type === 'changed') {
        if (!event.self) void refresh(event.aggregates);
      } else jobs.record(event);
    },
    // Events may have been missed while disconnected: refresh everything on screen.
    onReconnected: () => void queryClient.invalidateQueries(),
  });
  return () => {
    stopOwnWrites();
    stopEvents();
  };
}

/** A job as the UI shows it: its latest progress, or how it ended. */
export type JobState = ProgressEvent | JobFinishedEvent;

/** The latest state of every job this page has heard of, newest first. */
const jobs = (() => {
  let states: JobState[] = [];
  const listeners = new Set<() => void>();
  return {
    record(event: JobState) {
      states = [event, ...states.filter((state) => state.job !== event.job)].slice(0, 20);
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => states,
  };
})();

/** Jobs (imports, backups, recomputes) with their progress, for progress bars and cancel buttons. */
export function useJobs(): JobState[] {
  return useSyncExternalStore(jobs.subscribe, jobs.snapshot);
}
