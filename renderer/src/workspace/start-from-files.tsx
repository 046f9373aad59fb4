import Alert from '@mui/material/Alert';
import Button, { type ButtonProps } from '@mui/material/Button';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import type { ReactNode } from 'react';
import { useChannelMutation } from '../api/channel-hooks';
import { ErrorNotice } from '../layout/ErrorNotice';

// "Start from your files": the files chosen here wait for the Import page of the workspace made
// for them, which starts its preview with them as soon as it opens.

let pending: File[] | null = null;

/** Hands files to the next Import page to open. */
export function setPendingImport(files: File[]): void {
  pending = files;
}

/** The files waiting for the Import page, once: the page that takes them starts their preview. */
export function takePendingImport(): File[] | null {
  const files = pending;
  pending = null;
  return files;
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
  const start = (files: File[], options: { copyOfOpen?: boolean } = {}) => {
    if (files.length === 0) return;
    // Handed over before the workspace changes: the page showing this button is replaced by the new
    // workspace's pages as soon as it opens, so a callback of this mutation might never run.
    setPendingImport(files);
    create.mutateAsync({ fileNames: files.map((f) => f.name), copyOfOpen: options.copyOfOpen ?? false }).then(
      () => goToPage('import'),
      () => takePendingImport(),
    );
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
