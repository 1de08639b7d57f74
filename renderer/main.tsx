// First: starts the current screen's calls before the rest of the bundle is evaluated.
import { firstScreenLoaded, queryClient } from './app/boot';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLiveData } from './api/live-data';
import { App } from './app/app';
import './app/theme';
import { ToastProvider } from './ui/toasts';
import './styles/app.css';

startLiveData(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

void firstScreenLoaded.then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <App />
        </ToastProvider>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
