import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DarkModeIcon from '@mui/icons-material/DarkModeOutlined';
import LightModeIcon from '@mui/icons-material/LightModeOutlined';
import DashboardIcon from '@mui/icons-material/SpaceDashboardOutlined';
import HubIcon from '@mui/icons-material/HubOutlined';
import GroupsIcon from '@mui/icons-material/GroupsOutlined';
import TimelineIcon from '@mui/icons-material/TimelineOutlined';
import RocketIcon from '@mui/icons-material/RocketLaunchOutlined';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import ViewWeekIcon from '@mui/icons-material/ViewWeekOutlined';
import type { ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/contract/workspace-channels';
import { desktopBridge } from '../api/desktop-bridge';
import type { ColorMode } from '../theme/app-theme';
import { DemoBanner } from '../workspace/start-from-files';
import { WorkspaceTitle } from '../workspace/WorkspaceTitle';
import { WorkspaceMenu } from '../workspace/WorkspaceMenu';
import { PAGES, type PageId } from './navigation';

const DRAWER_WIDTH = 232;

const ICONS: Record<PageId, ReactNode> = {
  overview: <DashboardIcon />,
  teams: <GroupsIcon />,
  coordination: <HubIcon />,
  plan: <ViewWeekIcon />,
  flow: <TimelineIcon />,
  delivery: <RocketIcon />,
  import: <UploadIcon />,
};

export function AppShell(props: {
  page: PageId;
  onNavigate(page: PageId): void;
  workspace: WorkspaceSummary | null;
  mode: ColorMode;
  onToggleMode(): void;
  children: ReactNode;
}) {
  const desktop = desktopBridge() !== null;
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }} elevation={0}>
        <Toolbar>
          <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2 }}>
            Interlock
          </Typography>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <WorkspaceTitle workspace={props.workspace} />
          </Box>
          {!desktop && <WorkspaceMenu current={props.workspace} />}
          <Tooltip title={props.mode === 'dark' ? 'Light theme' : 'Dark theme (for projectors)'}>
            <IconButton color="inherit" onClick={props.onToggleMode} aria-label="Toggle light and dark theme">
              {props.mode === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
            </IconButton>
          </Tooltip>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <nav aria-label="Pages">
          <List>
            {PAGES.map((p) => (
              <ListItemButton
                key={p.id}
                selected={p.id === props.page}
                disabled={!props.workspace}
                onClick={() => props.onNavigate(p.id)}
                aria-current={p.id === props.page ? 'page' : undefined}
              >
                <ListItemIcon>{ICONS[p.id]}</ListItemIcon>
                <ListItemText primary={p.label} />
              </ListItemButton>
            ))}
          </List>
        </nav>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        {props.workspace?.demo && <DemoBanner />}
        {props.children}
      </Box>
    </Box>
  );
}
