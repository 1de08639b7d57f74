import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLiveData } from './api/live-data';
import { App } from './app/app';
import './app/theme';
import { ToastProvider } from './ui/toasts';
import './styles/app.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Local data only: no retries against a server that is not flaky, and no refetch storms on focus.
    // Results are refreshed when the backend says what they read changed (live-data.ts); the
    // stale time is only a safety net for a screen opened again later.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

startLiveData(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <App />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
