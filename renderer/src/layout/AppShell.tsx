import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DarkModeIcon from '@mui/icons-material/DarkModeOutlined';
import LightModeIcon from '@mui/icons-material/LightModeOutlined';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAddOutlined';
import PresentIcon from '@mui/icons-material/PresentToAllOutlined';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { WorkspaceSummary } from '../../../shared/contract/workspace-channels';
import { desktopBridge } from '../api/desktop-bridge';
import type { PageEntry } from '../pages/page-list';
import { AddToDeckDialog } from '../room/AddToDeckDialog';
import { PresentationBar } from '../room/PresentationBar';
import { usePresentation } from '../room/presentation';
import type { ColorMode } from '../theme/app-theme';
import { DemoBanner } from '../workspace/start-from-files';
import { WorkspaceTitle } from '../workspace/WorkspaceTitle';
import { WorkspaceMenu } from '../workspace/WorkspaceMenu';
import { documentTitle, pageOf } from './navigation';
import { useMenuTargets } from './use-view-memory';
import { pinnedAddress } from './view-address';
import { useViewPinsQuery, useViewTitleDetail } from './view-title';

const DRAWER_WIDTH = 232;
export const MAIN_ID = 'main-content';

/** Jumps over the menu to the page's content; shown only when it has the keyboard focus. */
function SkipLink() {
  return (
    <Box
      component="a"
      href={`#${MAIN_ID}`}
      // The hash is the router's: move the focus instead of following the link.
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
      sx={{
        position: 'absolute',
        left: 8,
        top: -64,
        zIndex: (t) => t.zIndex.tooltip + 1,
        px: 2,
        py: 1,
        borderRadius: 1,
        bgcolor: 'background.paper',
        color: 'text.primary',
        fontWeight: 600,
        '&:focus': { top: 8 },
      }}
      data-no-print
    >
      Skip to the page’s content
    </Box>
  );
}

/** The page's name in the window's title bar (and the history list), with the view it shows. */
function useDocumentTitle(pages: readonly PageEntry[]) {
  const location = useLocation();
  const detail = useViewTitleDetail();
  const { deck, index, presenting } = usePresentation();
  const slide = presenting ? deck?.entries[index] : undefined;
  const title = slide ? documentTitle(slide.title, null) : documentTitle(pageOf(pages, location.pathname)?.label, detail);
  useEffect(() => {
    document.title = title;
  }, [title]);
}

export function AppShell(props: { pages: readonly PageEntry[]; workspace: WorkspaceSummary | null; mode: ColorMode; onToggleMode(): void; children: ReactNode }) {
  const desktop = desktopBridge() !== null;
  const location = useLocation();
  const { presenting, present } = usePresentation();
  const menuTarget = useMenuTargets(props.pages);
  const [adding, setAdding] = useState(false);
  const pins = useViewPinsQuery();
  const current = pageOf(props.pages, location.pathname);
  useDocumentTitle(props.pages);
  const open = props.workspace !== null;
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      {!presenting && <SkipLink />}
      {!presenting && (
        <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }} elevation={0}>
          <Toolbar>
            <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2 }}>
              Interlock
            </Typography>
            <Box sx={{ flexGrow: 1, minWidth: 0 }}>
              <WorkspaceTitle workspace={props.workspace} />
            </Box>
            {open && (
              <Tooltip title="Add the view on screen to a deck for presenting" describeChild>
                <Button color="inherit" startIcon={<PlaylistAddIcon />} onClick={() => setAdding(true)}>
                  Add to deck
                </Button>
              </Tooltip>
            )}
            {open && (
              <Tooltip title="Present this view full screen, in type sized for a room (F5 or P; Esc leaves)" describeChild>
                <Button color="inherit" startIcon={<PresentIcon />} onClick={() => present()} aria-keyshortcuts="F5 P">
                  Present
                </Button>
              </Tooltip>
            )}
            {!desktop && <WorkspaceMenu current={props.workspace} />}
            <Tooltip title={props.mode === 'dark' ? 'Light theme' : 'Dark theme (for projectors)'}>
              <IconButton color="inherit" onClick={props.onToggleMode} aria-label="Toggle light and dark theme">
                {props.mode === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
              </IconButton>
            </Tooltip>
          </Toolbar>
        </AppBar>
      )}
      {!presenting && (
        <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}>
          <Toolbar />
          <nav aria-label="Pages">
            <List>
              {props.pages.map((p) => (
                <ListItem key={p.id} disablePadding>
                  <ListItemButton component={Link} to={menuTarget(p)} selected={p.id === current?.id} disabled={!open} aria-current={p.id === current?.id ? 'page' : undefined}>
                    <ListItemIcon>
                      <p.icon />
                    </ListItemIcon>
                    <ListItemText primary={p.label} />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          </nav>
        </Drawer>
      )}
      <Box component="main" id={MAIN_ID} tabIndex={-1} sx={{ flexGrow: 1, p: 3, pb: presenting ? 10 : 3, minWidth: 0, outline: 'none' }}>
        {!presenting && <Toolbar data-no-print />}
        {!presenting && props.workspace?.demo && (
          <Box data-tool>
            <DemoBanner />
          </Box>
        )}
        {props.children}
      </Box>
      {presenting && <PresentationBar />}
      {adding && current && <AddToDeckDialog pageLabel={current.label} address={pinnedAddress(`${location.pathname}${location.search}`, pins)} onClose={() => setAdding(false)} />}
    </Box>
  );
}
