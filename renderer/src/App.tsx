import CssBaseline from '@mui/material/CssBaseline';
import LinearProgress from '@mui/material/LinearProgress';
import { ThemeProvider } from '@mui/material/styles';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ComponentType } from 'react';
import { useChannelQuery } from './api/channel-hooks';
import { desktopBridge } from './api/desktop-bridge';
import { AppShell } from './layout/AppShell';
import { ErrorNotice } from './layout/ErrorNotice';
import { useCurrentPage, type PageId } from './layout/navigation';
import { CoordinationPage } from './pages/CoordinationPage';
import { DeliveryPage } from './pages/DeliveryPage';
import { FlowPage } from './pages/FlowPage';
import { ImportPage } from './pages/ImportPage';
import { OverviewPage } from './pages/OverviewPage';
import { PlanPage } from './pages/PlanPage';
import { TeamsPage } from './pages/TeamsPage';
import { appTheme, initialColorMode, storeColorMode, type ColorMode } from './theme/app-theme';
import { WelcomePage } from './workspace/WelcomePage';
import { WorkspaceDialogsProvider } from './workspace/WorkspaceDialogs';

const PAGE_COMPONENTS: Record<PageId, ComponentType> = {
  overview: OverviewPage,
  teams: TeamsPage,
  coordination: CoordinationPage,
  plan: PlanPage,
  flow: FlowPage,
  delivery: DeliveryPage,
  import: ImportPage,
};

export function App() {
  const [mode, setMode] = useState<ColorMode>(initialColorMode);
  const theme = useMemo(() => appTheme(mode), [mode]);
  const [page, navigate] = useCurrentPage();
  const current = useChannelQuery('workspace.current', {});
  const client = useQueryClient();

  // The desktop menu opens and closes workspaces behind the page's back: refetch everything then.
  useEffect(() => desktopBridge()?.onWorkspaceChanged(() => void client.invalidateQueries()), [client]);

  const Page = PAGE_COMPONENTS[page];
  const toggleMode = () => {
    const next = mode === 'dark' ? 'light' : 'dark';
    storeColorMode(next);
    setMode(next);
  };
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <WorkspaceDialogsProvider current={current.data ?? null}>
        <AppShell page={page} onNavigate={navigate} workspace={current.data ?? null} mode={mode} onToggleMode={toggleMode}>
          {current.isPending && <LinearProgress aria-label="Loading" />}
          <ErrorNotice title="Interlock could not reach its backend" error={current.error} />
          {current.isSuccess && (current.data ? <Page key={current.data.path} /> : <WelcomePage />)}
        </AppShell>
      </WorkspaceDialogsProvider>
    </ThemeProvider>
  );
}
