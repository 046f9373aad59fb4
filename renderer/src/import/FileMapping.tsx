import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { ImportFileReport } from '../../../shared/contract/import-channels';
import type { ImportFormatChoice } from '../../../shared/import/format-names';
import { formatBytes, formatCount, formatDate } from '../format';
import { FORMAT_CHOICES } from './import-labels';

const NONE = '\u0000none';

/**
 * One file of the preview: what it was recognised as and how sure, and — when unsure or when a
 * needed column is missing — the format and column choices, which take effect on "Preview again".
 */
export function FileMapping(props: {
  file: ImportFileReport;
  format: ImportFormatChoice;
  columns: Record<string, string | null>;
  onFormat(format: ImportFormatChoice): void;
  onColumn(field: string, header: string | null): void;
}) {
  const { file } = props;
  // Not the file's name: names hold spaces, which split an aria-labelledby into several ids.
  const id = useId();
  const missing = file.mapping.filter((m) => m.required && m.header === null);
  const showMapping = file.headers.length > 0 && (!file.confident || missing.length > 0 || file.format === null || Object.keys(props.columns).length > 0);
  return (
    <Stack spacing={1.5} data-testid="import-file" component="section" aria-label={file.name}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h3" component="p">
          {file.name}
        </Typography>
        <Chip size="small" label={file.format ? (file.entity ? `Interlock ${file.entity}` : (FORMAT_CHOICES.find((f) => f.value === file.format)?.label ?? file.format)) : 'Format not recognised'} color={file.format ? 'primary' : 'error'} />
        {file.format && !file.confident && <Chip size="small" color="warning" label="Please check the format and columns" />}
        <Typography variant="body2" color="text.secondary">
          {formatCount(file.rows)} {file.rows === 1 ? 'row' : 'rows'} · {formatBytes(file.bytes)} · {file.encoding}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {file.detection}
      </Typography>
      {file.previouslyImportedAt && (
        <Alert severity="info">
          This exact file was imported on {formatDate(file.previouslyImportedAt)}. Importing it again updates the same records by their keys; nothing is duplicated.
        </Alert>
      )}
      <FormControl size="small" sx={{ maxWidth: 420 }}>
        <InputLabel id={`${id}-format`}>Read as</InputLabel>
        <Select labelId={`${id}-format`} label="Read as" value={props.format} onChange={(e) => props.onFormat(e.target.value as ImportFormatChoice)}>
          {FORMAT_CHOICES.map((f) => (
            <MenuItem key={f.value} value={f.value}>
              {f.label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      {showMapping && file.mapping.length > 0 && (
        <Stack spacing={1} component="section" aria-label={`Columns of ${file.name}`}>
          <Typography variant="body2">Which column holds each field? Fields marked * are needed.</Typography>
          <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {file.mapping.map((m) => {
              const chosen = props.columns[m.field];
              const value = chosen === undefined ? (m.header ?? NONE) : (chosen ?? NONE);
              return (
                <FormControl key={m.field} size="small" sx={{ minWidth: 200 }} error={m.required && value === NONE}>
                  <InputLabel id={`${id}-column-${m.field}`}>{`${m.label}${m.required ? ' *' : ''}`}</InputLabel>
                  <Select
                    labelId={`${id}-column-${m.field}`}
                    label={`${m.label}${m.required ? ' *' : ''}`}
                    value={value}
                    onChange={(e) => props.onColumn(m.field, e.target.value === NONE ? null : e.target.value)}
                  >
                    <MenuItem value={NONE}>
                      <em>none</em>
                    </MenuItem>
                    {[...new Set(file.headers)].filter(Boolean).map((h) => (
                      <MenuItem key={h} value={h}>
                        {h}
                      </MenuItem>
                    ))}
                  </Select>
                </FormControl>
              );
            })}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
