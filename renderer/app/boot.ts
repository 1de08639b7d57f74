import { QueryClient } from '@tanstack/react-query';
import { screenFromHash } from './routes';
import { prefetchScreen } from './screen-prefetch';

/**
 * The first module the window evaluates (main.tsx imports it first): it makes the query cache and
 * starts the current screen's calls and chunk before React, react-dom and the screens are even
 * evaluated, so the answers travel while the rest of the bundle runs. Imports nothing heavy.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    // Local data only: no retries against a server that is not flaky, and no refetch storms on focus.
    // Results are refreshed when the backend says what they read changed (live-data.ts); the
    // stale time is only a safety net for a screen opened again later.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

/**
 * Settles when the first screen's chunk has loaded (it loads while its calls travel). main.tsx
 * draws then, so the screen never suspends: React would show its fallback and then hold it for
 * 300 ms (its fallback throttle) even for a chunk that arrives a moment later.
 */
export const firstScreenLoaded: Promise<unknown> = prefetchScreen(queryClient, screenFromHash(window.location.hash)).catch(() => undefined);
// Registered before React's own listener: the next screen's calls and chunk start before it renders.
window.addEventListener('hashchange', () => void prefetchScreen(queryClient, screenFromHash(window.location.hash)));
