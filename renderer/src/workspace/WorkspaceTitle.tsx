import ButtonBase from '@mui/material/ButtonBase';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { WorkspaceSummary } from '../../../shared/contract/workspace-channels';
import { useWorkspaceDialogs } from './WorkspaceDialogs';

/** The open workspace's name; a click renames it. */
export function WorkspaceTitle({ workspace }: { workspace: WorkspaceSummary | null }) {
  const open = useWorkspaceDialogs();
  if (!workspace) {
    return (
      <Typography variant="body1" component="span" sx={{ opacity: 0.85 }} noWrap data-testid="workspace-name">
        No workspace open
      </Typography>
    );
  }
  return (
    <Tooltip title={`${workspace.path} — click to rename`}>
      <ButtonBase onClick={() => open('rename')} aria-label={`${workspace.name} (rename)`} sx={{ borderRadius: 1, px: 0.5, maxWidth: '100%' }}>
        <Typography variant="body1" component="span" sx={{ opacity: 0.85 }} noWrap data-testid="workspace-name">
          {workspace.name}
        </Typography>
      </ButtonBase>
    </Tooltip>
  );
}
