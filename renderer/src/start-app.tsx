import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadContractOnFirstInput } from './api/channel-hooks';

/** Renders the app into #root with the query client main.tsx made (and already asked with). */
export function startApp(queryClient: QueryClient): void {
  loadContractOnFirstInput();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
