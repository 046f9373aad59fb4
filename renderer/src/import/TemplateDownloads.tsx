import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import { IMPORT_TEMPLATES, type ImportTemplate } from '../../../shared/import/templates';

function download(template: ImportTemplate): void {
  const url = URL.createObjectURL(new Blob([template.content], { type: `${template.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = template.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
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
