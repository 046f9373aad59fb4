import { QueryClient } from '@tanstack/react-query';
import { channelQuery } from './api/channel-hooks';
import { adoptTokenFromUrl } from './api/contract-client';
import { prefetchFlowPage } from './flow/flow-prefetch';
import { prefetchPlanPage } from './planning/plan-prefetch';
import { parseAddress } from './layout/view-address';
import { HOME_PAGE, loadPage } from './pages/page-loaders';
import { PRESENTER_PAGE } from './room/presenter-sync';

// This entry is kept small on purpose: it asks the backend for what the first page needs and
// starts loading the app's and that page's code, so that the backend computes while the browser
// fetches and parses the rest (MUI, Victory, React DOM) instead of after.

adoptTokenFromUrl();

const address = parseAddress(window.location.hash);
// The presenter view (a second window while presenting) asks the backend nothing and loads none of
// the app's pages: it shows what the window it follows sends (room/PresenterView.tsx).
if (address.page === PRESENTER_PAGE) void import('./room/start-presenter').then(({ startPresenter }) => startPresenter());
else startDesk();

function startDesk(): void {
  // The backend is local and the data changes only when the user acts, so answers stay fresh until
  // a mutation invalidates them; no refetch on focus, no retry storms against a refused workspace.
  // And calls never wait for a network: TanStack's default pauses every query and mutation while the
  // machine says it is offline (Wi-Fi dropped, a plane), which would freeze an app whose backend is
  // on this machine.
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false, networkMode: 'always' },
      mutations: { networkMode: 'always' },
    },
  });

  // The App shows the pages only once it knows a workspace is open (or, opened on a page's address,
  // draws that page meanwhile: App.tsx): ask now, while the app loads and renders the shell for the
  // first time (the same query the App reads, so one call).
  void queryClient.prefetchQuery(channelQuery('workspace.current', {}));
  // And the Flow page's own answers when the app opens on it (the slowest page to compute at first),
  // or the Plan page's board (the largest answer).
  prefetchFlowPage(queryClient, address);
  prefetchPlanPage(queryClient, address);
  // The code of the page the app opens on, loaded beside the app's (not when the router first asks
  // for it); an unknown page shows the home page.
  void (loadPage(address.page) ?? loadPage(HOME_PAGE));

  void import('./start-app').then(({ startApp }) => startApp(queryClient));
}
