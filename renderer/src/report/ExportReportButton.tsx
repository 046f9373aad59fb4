import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/contract';
import { useChannelQuery } from '../api/channel-hooks';
import { invokeOrThrow, type ContractError } from '../api/contract-client';
import { downloadBlob } from '../charts/csv';

/**
 * "Export report": asks the backend for the report to hand out (one self-contained HTML file)
 * and offers it as a download — the standard set of sections, or, once decks are saved, the
 * sections a chosen deck's views show. The desktop app also prints it to PDF from its File menu.
 */
export function ExportReportButton({ input = {} }: { input?: ChannelInput<'report.export'> }) {
  const decks = useChannelQuery('deck.list', {});
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const exporting = useMutation<ChannelOutput<'report.export'>, ContractError, ChannelInput<'report.export'>>({
    mutationFn: (request) => invokeOrThrow('report.export', request),
    onSuccess: (report) => downloadBlob(report.fileName, new Blob([report.html], { type: 'text/html;charset=utf-8' })),
  });
  const choices = decks.data ?? [];
  const run = (deckId?: number) => {
    setAnchor(null);
    exporting.mutate(deckId === undefined ? input : { ...input, deckId });
  };
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<DescriptionIcon />}
        disabled={exporting.isPending}
        aria-haspopup={choices.length > 0 ? 'menu' : undefined}
        onClick={(event) => (choices.length > 0 ? setAnchor(event.currentTarget) : run())}
        data-tool
      >
        {exporting.isPending ? 'Exporting the report…' : 'Export report'}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => run()}>The standard set of sections</MenuItem>
        {choices.map((deck) => (
          <MenuItem key={deck.id} onClick={() => run(deck.id)}>
            The views of the deck “{deck.name}”
          </MenuItem>
        ))}
      </Menu>
      <Snackbar open={exporting.isError} autoHideDuration={10_000} onClose={() => exporting.reset()}>
        <Alert severity="error" onClose={() => exporting.reset()}>
          The report could not be made: {exporting.error?.message}
        </Alert>
      </Snackbar>
    </>
  );
}
