import Alert from '@mui/material/Alert';
import Button, { type ButtonProps } from '@mui/material/Button';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import type { ReactNode } from 'react';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { ErrorNotice } from '../layout/ErrorNotice';

// "Start from your files": the files chosen here wait for the Import page of the workspace made
// for them, which starts its preview with them as soon as it opens.

/** The files, and the workspace that was open when they were chosen (null on the welcome page). */
let pending: { files: File[]; chosenIn: string | null } | null = null;

/** Hands files to the Import page of the next workspace to open. */
export function setPendingImport(files: File[], chosenIn: string | null): void {
  pending = { files, chosenIn };
}

/**
 * The files waiting for the Import page of the workspace at `path`, once. The workspace they were
 * chosen in never takes them: its own Import page may open (the address goes there first) before
 * the new workspace does.
 */
export function takePendingImport(path: string | null): File[] | null {
  if (!pending || pending.chosenIn === path) return null;
  const { files } = pending;
  pending = null;
  return files;
}

/** Drops files that no workspace will take (the new one could not be made). */
export function dropPendingImport(): void {
  pending = null;
}

/** The types the Import page reads. */
export const IMPORT_FILE_TYPES = '.csv,.tsv,.txt,.json';

export function goToPage(page: string): void {
  window.location.hash = `#/${page}`;
}

/**
 * Makes a new workspace named after the chosen files in the default folder, opens it and takes the
 * files to its Import page. One click and the system's file dialog; no path to type.
 */
export function useStartFromFiles() {
  const create = useChannelMutation('workspace.createForFiles');
  const current = useChannelQuery('workspace.current', {});
  const start = (files: File[], options: { copyOfOpen?: boolean } = {}) => {
    if (files.length === 0) return;
    // Handed over before the workspace changes: the page showing this button is replaced by the new
    // workspace's pages as soon as it opens, so a callback of this mutation might never run.
    setPendingImport(files, current.data?.path ?? null);
    // The address changes first too: when the new workspace's pages appear, a route that is not yet
    // the Import page would send them to the home page, and a later change of address loses that race.
    const before = window.location.hash;
    goToPage('import');
    create.mutateAsync({ fileNames: files.map((f) => f.name), copyOfOpen: options.copyOfOpen ?? false }).catch(() => {
      dropPendingImport();
      window.location.hash = before;
    });
  };
  return { start, pending: create.isPending, error: create.error };
}

export function StartFromFilesButton({ children = 'Start from your files', size, variant = 'contained' }: { children?: ReactNode; size?: ButtonProps['size']; variant?: ButtonProps['variant'] }) {
  const { start, pending: busy, error } = useStartFromFiles();
  return (
    <>
      <Button variant={variant} size={size} component="label" startIcon={<UploadIcon />} disabled={busy}>
        {children}
        <input
          hidden
          type="file"
          multiple
          accept={IMPORT_FILE_TYPES}
          data-testid="start-from-files-input"
          aria-label="Your files to start from"
          onChange={(e) => {
            start([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </Button>
      <ErrorNotice title="No workspace could be made for these files" error={error} />
    </>
  );
}

/** While the demo is open: what it is, and the way to one's own data. */
export function DemoBanner() {
  return (
    <Alert severity="info" sx={{ mb: 2, alignItems: 'center' }} action={<StartFromFilesButton size="small" />} data-testid="demo-banner">
      This is the demo: a fictional retailer with 12 teams. Start from your own exports (Jira, Azure DevOps, CSV) to see the same advice on your data.
    </Alert>
  );
}
