import CssBaseline from '@mui/material/CssBaseline';
import LinearProgress from '@mui/material/LinearProgress';
import { ThemeProvider } from '@mui/material/styles';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useChannelQuery } from './api/channel-hooks';
import { desktopBridge } from './api/desktop-bridge';
import { AppShell } from './layout/AppShell';
import { ErrorNotice } from './layout/ErrorNotice';
import { HOME_PAGE, PAGES } from './pages/page-list';
import { PresentationProvider, usePresentation } from './room/presentation';
import { PrintingProvider, usePrinting } from './room/printing';
import { roomTypeScale } from './room/type-scale';
import { appTheme, initialColorMode, storeColorMode, type ColorMode } from './theme/app-theme';
import { WelcomePage } from './workspace/WelcomePage';
import { WorkspaceDialogsProvider } from './workspace/WorkspaceDialogs';

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

  // The desktop menu opens and closes workspaces behind the page's back: refetch everything then.
  useEffect(() => desktopBridge()?.onWorkspaceChanged(() => void client.invalidateQueries()), [client]);

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
          {current.isPending && <LinearProgress aria-label="Loading" />}
          <ErrorNotice title="Interlock could not reach its backend" error={current.error} />
          {current.isSuccess &&
            (current.data ? (
              // Each page's code loads when it is first shown (pages/page-list.tsx).
              <Suspense fallback={<LinearProgress aria-label="Loading" />}>
                <Routes key={current.data.path}>
                  {PAGES.map((p) => (
                    <Route key={p.id} path={`/${p.id}`} element={<p.component />} />
                  ))}
                  <Route path="*" element={<Navigate to={`/${HOME_PAGE}`} replace />} />
                </Routes>
              </Suspense>
            ) : (
              <WelcomePage />
            ))}
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
