import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { channelQuery } from './api/channel-hooks';
import { adoptTokenFromUrl } from './api/contract-client';
import { App } from './App';
import { prefetchFlowPage } from './flow/flow-prefetch';
import { parseAddress } from './layout/view-address';

adoptTokenFromUrl();

// The backend is local and the data changes only when the user acts, so answers stay fresh until
// a mutation invalidates them; no refetch on focus, no retry storms against a refused workspace.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false } },
});

// Every page waits for the open workspace before it asks for its own data: ask now, while React
// renders the shell for the first time, instead of after (the same query the App reads, so one call).
void queryClient.prefetchQuery(channelQuery('workspace.current', {}));
// And the Flow page's own answers when the app opens on it (the slowest page to compute at first).
prefetchFlowPage(queryClient, parseAddress(window.location.hash));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
