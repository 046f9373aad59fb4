import CssBaseline from '@mui/material/CssBaseline';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import { ThemeProvider } from '@mui/material/styles';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { HashRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useChannelQuery } from './api/channel-hooks';
import { shownWorkspace } from './api/contract-client';
import { desktopBridge } from './api/desktop-bridge';
import { AppShell } from './layout/AppShell';
import { parseAddress } from './layout/view-address';
import { ErrorNotice } from './layout/ErrorNotice';
import { PageErrorBoundary } from './layout/PageErrorBoundary';
import { PageHeader } from './layout/PageHeader';
import { StaleViewNotice } from './layout/StaleViewNotice';
import { HOME_PAGE, PAGES } from './pages/page-list';
import { PresentationProvider, usePresentation } from './room/presentation';
import { PrintingProvider, usePrinting } from './room/printing';
import { roomTypeScale } from './room/type-scale';
import { appTheme, initialColorMode, storeColorMode, type ColorMode } from './theme/app-theme';
import { WelcomePage } from './workspace/WelcomePage';
import { WorkspaceDialogsProvider } from './workspace/WorkspaceDialogs';
import { WorkspaceSwitchNotice } from './workspace/WorkspaceSwitchNotice';

function useViewportSize(enabled: boolean): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    if (!enabled) return;
    const update = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [enabled]);
  return size;
}

/**
 * A key for the open workspace's pages: the same from the app's start until a workspace of another
 * path replaces the first one known (then every page starts afresh). Not the path itself: pages
 * shown before the open workspace is known would otherwise be drawn a second time once it is.
 */
function useWorkspaceKey(path: string | null | undefined): number {
  const [shown, setShown] = useState<{ path: string | undefined; key: number }>({ path: undefined, key: 0 });
  if (path && path !== shown.path) {
    const next = { path, key: shown.path === undefined ? shown.key : shown.key + 1 };
    setShown(next);
    return next.key;
  }
  return shown.key;
}

/**
 * An address that names no page ("/roadmap", kept in a deck or a link from another version): said
 * plainly, under the deck's title, rather than opening the Overview as if it were the view.
 */
function NoSuchPage() {
  const { page } = parseAddress(useLocation().pathname);
  return (
    <>
      <PageHeader title="No such page" />
      <StaleViewNotice stale={[{ kind: 'page', value: page }]} where="in Interlock" instead={null} />
      <Link href={`#/${HOME_PAGE}`}>Go to the Overview</Link>
    </>
  );
}

/** The open workspace's pages: one that fails to draw shows why, and the app around it stays. */
function RoutedPages({ pagesKey }: { pagesKey: number }) {
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary resetKey={`${pagesKey} ${pathname}`}>
      {/* Each page's code loads when it is first shown (pages/page-list.tsx). */}
      <Suspense fallback={<LinearProgress aria-label="Loading" />}>
        <Routes key={pagesKey}>
          {PAGES.map((p) => (
            <Route key={p.id} path={`/${p.id}`} element={<p.component />} />
          ))}
          <Route path="*" element={pathname.replace(/\/+/g, '') === '' ? <Navigate to={`/${HOME_PAGE}`} replace /> : <NoSuchPage />} />
        </Routes>
      </Suspense>
    </PageErrorBoundary>
  );
}

function ThemedApp() {
  const [mode, setMode] = useState<ColorMode>(initialColorMode);
  const { presenting } = usePresentation();
  const printing = usePrinting();
  const viewport = useViewportSize(presenting);
  // Paper is always light; a room gets type sized for its screen.
  const room = useMemo(() => (presenting && !printing ? roomTypeScale(viewport) : null), [presenting, printing, viewport]);
  const theme = useMemo(() => appTheme(printing ? 'light' : mode, { room }), [mode, printing, room]);
  const current = useChannelQuery('workspace.current', {});
  const client = useQueryClient();
  // Opened on a page's address (a reload, a bookmark, the desktop app's last view): draw that page
  // while the backend says which workspace is open, not after. Its calls were made as the app
  // started (main.tsx); the answer to this one waits behind the backend's first computation after
  // opening a workspace (backend.ts, schedulePrefetch), which may be the very report the page asks
  // for. Opened on no page (a first run, most likely without a workspace), it waits as before.
  const [opensOnPage] = useState(() => PAGES.some((p) => p.id === parseAddress(window.location.hash).page));
  const pagesKey = useWorkspaceKey(current.data?.path);
  const showPages = current.isSuccess ? current.data !== null : current.isPending && opensOnPage;

  // The desktop menu opens and closes workspaces behind the page's back, for this window: follow
  // without a notice (that is for another window's switch), and refetch everything.
  useEffect(
    () =>
      desktopBridge()?.onWorkspaceChanged(() => {
        shownWorkspace.forget();
        void client.invalidateQueries();
      }),
    [client],
  );

  const toggleMode = () => {
    const next = mode === 'dark' ? 'light' : 'dark';
    storeColorMode(next);
    setMode(next);
  };
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <WorkspaceDialogsProvider current={current.data ?? null}>
        <AppShell pages={PAGES} workspace={current.data ?? null} mode={mode} onToggleMode={toggleMode}>
          {current.isPending && !showPages && <LinearProgress aria-label="Loading" />}
          <ErrorNotice title="Interlock could not reach its backend" error={current.error} />
          <WorkspaceSwitchNotice />
          {showPages ? (
            <RoutedPages pagesKey={pagesKey} />
          ) : (
            current.isSuccess && <WelcomePage />
          )}
        </AppShell>
      </WorkspaceDialogsProvider>
    </ThemeProvider>
  );
}

export function App() {
  return (
    <HashRouter>
      <PrintingProvider>
        <PresentationProvider>
          <ThemedApp />
        </PresentationProvider>
      </PrintingProvider>
    </HashRouter>
  );
}
