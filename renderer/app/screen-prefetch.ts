import type { QueryClient } from '@tanstack/react-query';
import { createElement, lazy, type ComponentType } from 'react';
import { startOfWeek } from '../../shared/domain/day';
import { localDayOf } from '../../shared/domain/zoned-time';
import { prefetchCall } from '../api/hooks';
import { presetRange } from '../features/insights/insights-range';
import type { ScreenId } from './routes';

type Chunk = () => Promise<{ default: ComponentType }>;

/**
 * The screens loaded on demand, each its own chunk. app.tsx makes its components from these very
 * functions (`lazyScreen`), so a chunk the prefetch started is the one React waits for.
 */
const SCREEN_CHUNKS = {
  settings: () => import('../features/settings/settings-screen'),
  msp: () => import('../features/msp/msp-screen'),
  handoff: () => import('../features/msp/handoff-sheet'),
  insights: () => import('../features/insights/insights-screen'),
  week: () => import('../features/week-plan/week-plan-screen'),
  'time-off': () => import('../features/time-off/time-off-screen'),
  report: () => import('../features/report/report-page'),
  timesheet: () => import('../features/timesheet/timesheet-screen'),
  import: () => import('../features/data/import/import-screen'),
  'quick-add-window': () => import('../features/quick-add/quick-add-window'),
} satisfies Partial<Record<ScreenId, Chunk>>;

type LazyScreenId = keyof typeof SCREEN_CHUNKS;

/** The screens whose chunk has loaded, by id: drawn at once from then on. */
const loaded = new Map<LazyScreenId, ComponentType>();
const loading = new Map<LazyScreenId, Promise<{ default: ComponentType }>>();

function loadScreen(id: LazyScreenId): Promise<{ default: ComponentType }> {
  let promise = loading.get(id);
  if (!promise) {
    promise = SCREEN_CHUNKS[id]().then((module) => {
      loaded.set(id, module.default);
      return module;
    });
    loading.set(id, promise);
    // A chunk that failed to load may load on the next try (the server was restarted).
    promise.catch(() => loading.delete(id));
  }
  return promise;
}

/**
 * A screen from its own chunk: drawn at once when the chunk has already loaded (the prefetch
 * started it with the screen's data), so it never suspends and React never shows, then holds,
 * the "Loading…" fallback for a chunk that is already there; else React.lazy, as usual.
 */
export function lazyScreen(id: LazyScreenId): ComponentType {
  const Lazy = lazy(() => loadScreen(id));
  function Screen() {
    const ready = loaded.get(id);
    return createElement(ready ?? Lazy);
  }
  Screen.displayName = `Screen(${id})`;
  return Screen;
}

/**
 * What a screen shows first, as the calls its components make with their first arguments (the
 * same keys: `prefetchCall` and `useCallQuery` share `callQuery`). A screen missing here, or a call
 * whose arguments come from the screen's own state, simply starts when the screen is drawn.
 */
const SCREEN_CALLS: Partial<Record<ScreenId, (queryClient: QueryClient) => Promise<unknown>>> = {
  today: (queryClient) => prefetchCall(queryClient, 'today:summary'),
  // Its range is the default preset ("last 12 weeks") in her zone, from her week start.
  insights: async (queryClient) => {
    const { today, weekStartsOn } = await herDay(queryClient);
    const range = presetRange('weeks', today, weekStartsOn);
    return prefetchCall(queryClient, 'insights:charts', { from: range.from, to: range.to, categoryIds: null });
  },
  week: async (queryClient) => {
    const { today, weekStartsOn } = await herDay(queryClient);
    return prefetchCall(queryClient, 'weekPlan:get', { weekStart: startOfWeek(today, weekStartsOn) });
  },
};

/** Her "today" as TimeProvider computes it (her zone from app:status), and her week start. */
async function herDay(queryClient: QueryClient) {
  const [status, settings] = await Promise.all([prefetchCall(queryClient, 'app:status'), prefetchCall(queryClient, 'settings:get')]);
  return { today: localDayOf(Date.now(), status.timeZone), weekStartsOn: settings.weekStartsOn };
}

/**
 * Starts everything the screen needs at once: `app:status` (which still decides whether the
 * fatal or recovery screen shows), the calls every screen of the window makes, the screen's own
 * calls and its chunk. None waits for another unless its arguments need an answer (Insights'
 * range needs her zone), and none waits for React to draw. A failure here is left to the screen,
 * whose own query shows it (a query without data fetches again when its screen mounts).
 * Resolves when the screen's chunk has loaded (at once for a screen in the main bundle).
 */
export function prefetchScreen(queryClient: QueryClient, screen: ScreenId): Promise<unknown> {
  const quiet = (promise: Promise<unknown>) => void promise.catch(() => undefined);
  quiet(prefetchCall(queryClient, 'app:status'));
  if (screen !== 'quick-add-window') {
    quiet(prefetchCall(queryClient, 'settings:get'));
    quiet(prefetchCall(queryClient, 'categories:list', { includeArchived: true }));
    quiet(prefetchCall(queryClient, 'timer:current'));
  }
  const chunk = screen in SCREEN_CHUNKS ? loadScreen(screen as LazyScreenId) : Promise.resolve();
  quiet(chunk);
  const calls = SCREEN_CALLS[screen];
  if (calls) quiet(calls(queryClient));
  return chunk;
}
