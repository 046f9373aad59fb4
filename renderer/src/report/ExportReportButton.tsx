import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import { useMutation } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/contract';
import { invokeOrThrow, type ContractError } from '../api/contract-client';
import { downloadBlob } from '../charts/csv';

/**
 * "Export report": asks the backend for the report to hand out (one self-contained HTML file)
 * and offers it as a download. The desktop app also prints it to PDF from its File menu.
 */
export function ExportReportButton({ input = {} }: { input?: ChannelInput<'report.export'> }) {
  const exporting = useMutation<ChannelOutput<'report.export'>, ContractError, ChannelInput<'report.export'>>({
    mutationFn: (request) => invokeOrThrow('report.export', request),
    onSuccess: (report) => downloadBlob(report.fileName, new Blob([report.html], { type: 'text/html;charset=utf-8' })),
  });
  return (
    <>
      <Button variant="outlined" startIcon={<DescriptionIcon />} disabled={exporting.isPending} onClick={() => exporting.mutate(input)}>
        {exporting.isPending ? 'Exporting the report…' : 'Export report'}
      </Button>
      <Snackbar open={exporting.isError} autoHideDuration={10_000} onClose={() => exporting.reset()}>
        <Alert severity="error" onClose={() => exporting.reset()}>
          The report could not be made: {exporting.error?.message}
        </Alert>
      </Snackbar>
    </>
  );
}
