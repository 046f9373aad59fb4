import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ImageIcon from '@mui/icons-material/ImageOutlined';
import TableIcon from '@mui/icons-material/TableChartOutlined';
import ListIcon from '@mui/icons-material/ViewListOutlined';
import { useState, type ReactNode } from 'react';
import { useChartTheme } from './chart-theme';
import { useReportDrawn } from './charts-drawn';
import { downloadCsv, fileSlug, type CsvCell } from './csv';
import { exportChartPng } from './export-png';
import { ChartDataTable } from './ChartDataTable';
import { useElementWidth } from './use-element-width';

export interface ChartFrameProps {
  /** Stable id: `data-chart` attribute, file names, the page's "all charts drawn" mark. */
  name: string;
  title: string;
  /** What the numbers are in, e.g. "items per week". */
  unit: string;
  /** One line on how to read it. */
  howToRead: string;
  /** Figures shown between the description and the chart (headline values). */
  header?: ReactNode;
  /** Figures and exclusions shown under the chart. */
  footer?: ReactNode;
  /** The chart's data as a table, for CSV export. */
  csv?: () => readonly (readonly CsvCell[])[];
  height?: number;
  /** True when there is nothing to draw: a sentence instead of an empty grid. */
  empty?: string | false;
  /**
   * The data is still being computed: the frame is drawn (title, tools, the plot's room) and
   * measured now, so that when the answer comes only the chart itself is left to draw.
   */
  pending?: boolean;
  children?: (size: ChartSize) => ReactNode;
}

/** What a chart's frame says before it has data: enough to draw it while the data is computed. */
export type ChartFrameText = Pick<ChartFrameProps, 'name' | 'title' | 'unit' | 'howToRead'>;

/** What a chart draws into: its size in real pixels, and its name and description for screen readers (VictoryChart's title and desc). */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
  readonly a11y: { readonly title: string; readonly desc: string };
}

/**
 * Every chart's frame: title, unit, how to read it, export to PNG (and the data to CSV), the same
 * data as a table on request (the tooltips answer only a mouse), and a container measured in real
 * pixels so that text keeps its size on any screen.
 */
export function ChartFrame({ name, title, unit, howToRead, header, footer, csv, height = 300, empty, pending = false, children }: ChartFrameProps) {
  const theme = useChartTheme();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const [error, setError] = useState<string | null>(null);
  const [showData, setShowData] = useState(false);
  useReportDrawn(name, width > 0 && !pending);
  // Taller with the room's larger labels, so the plot keeps its share of the chart.
  const drawnHeight = Math.round(height * theme.scale);
  const exportPng = async () => {
    setError(null);
    try {
      await exportChartPng(ref.current!, {
        title,
        subtitle: `${unit} · ${howToRead}`,
        fileName: `${fileSlug(title)}.png`,
        background: theme.background,
        color: theme.text,
        fontFamily: theme.fontFamily,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card component="figure" sx={{ m: 0, height: '100%' }} aria-label={title} aria-busy={pending}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 1 }}>
          <Box>
            <Typography variant="h3" component="figcaption">
              {title}{' '}
              <Typography component="span" variant="body2" color="text.secondary">
                ({unit})
              </Typography>
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {howToRead}
            </Typography>
          </Box>
          <Stack direction="row" sx={{ flexShrink: 0 }} data-tool>
            {/* While pending the tools are in place but off (no tooltip: a disabled button gets no hover), so the frame does not change shape when the data comes. */}
            <Tooltip title={pending ? '' : 'Save this chart as a PNG image'}>
              <Button size="small" startIcon={<ImageIcon />} disabled={pending} onClick={() => void exportPng()} aria-label={`Export ${title} as PNG`}>
                PNG
              </Button>
            </Tooltip>
            {(csv || pending) && (
              <Tooltip title={pending ? '' : "Show the chart's numbers as a table (for keyboards, screen readers and exact values)"}>
                <Button size="small" startIcon={<ListIcon />} disabled={pending} onClick={() => setShowData(!showData)} aria-expanded={showData} aria-controls={`${name}-data`} aria-label={`${showData ? 'Hide' : 'Show'} ${title} data as a table`}>
                  Data
                </Button>
              </Tooltip>
            )}
            {(csv || pending) && (
              <Tooltip title={pending ? '' : "Save the chart's data as a CSV table"}>
                <Button size="small" startIcon={<TableIcon />} disabled={pending} onClick={() => csv && downloadCsv(`${fileSlug(title)}.csv`, csv())} aria-label={`Export ${title} data as CSV`}>
                  CSV
                </Button>
              </Tooltip>
            )}
          </Stack>
        </Stack>
        {header}
        <Box ref={ref} data-chart={name} sx={{ mt: 1, minHeight: drawnHeight, position: 'relative' }}>
          {width > 0 &&
            (pending || empty ? (
              <Typography color="text.secondary" sx={{ height: drawnHeight, display: 'flex', alignItems: 'center', justifyContent: 'center', textAlign: 'center', px: 2 }}>
                {pending ? 'Computing…' : empty}
              </Typography>
            ) : (
              children?.({ width, height: drawnHeight, a11y: { title: `${title} (${unit})`, desc: howToRead } })
            ))}
        </Box>
        {error && (
          <Typography variant="body2" color="error" role="alert">
            {error}
          </Typography>
        )}
        {footer}
        {csv && showData && <ChartDataTable id={`${name}-data`} title={title} rows={csv()} />}
      </CardContent>
    </Card>
  );
}
