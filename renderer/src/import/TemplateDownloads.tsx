import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import { IMPORT_TEMPLATES, type ImportTemplate } from '../../../shared/import/templates';
import { downloadBlob } from '../charts/csv';

function download(template: ImportTemplate): void {
  downloadBlob(template.fileName, new Blob([template.content], { type: `${template.mimeType};charset=utf-8` }));
}

/** The Interlock templates (one CSV per entity, and the JSON bundle), filled with a small example. */
export function TemplateDownloads() {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {IMPORT_TEMPLATES.map((t) => (
        <Button key={t.fileName} variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={() => download(t)}>
          {t.label}
        </Button>
      ))}
    </Stack>
  );
}
