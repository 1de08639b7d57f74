import type { Aggregate, SourcedEvent } from '../../shared/api/events';

export type EventListener = (event: SourcedEvent) => void;

/** The backend's event channel: transports subscribe, the backend and its jobs emit. */
export interface EventHub {
  emit(event: SourcedEvent): void;
  changed(aggregates: readonly Aggregate[], source: string | null): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  const hub: EventHub = {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // A window that went away mid-send must not keep the others from hearing about the change.
          console.warn('[offload] an event listener failed:', error);
        }
      }
    },
    changed(aggregates, source) {
      if (aggregates.length > 0) hub.emit({ type: 'changed', aggregates: [...new Set(aggregates)], source });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return hub;
}
