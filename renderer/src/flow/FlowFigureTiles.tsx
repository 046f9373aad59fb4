import Grid from '@mui/material/Grid';
import { useTheme } from '@mui/material/styles';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { ExclusionNote } from '../charts/ExclusionNote';
import { FigureTile } from '../charts/FigureTile';
import { comparisonName, comparisonShown } from '../charts/comparison-name';
import { formatDays, formatNumber, formatShare } from '../charts/format-metrics';
import { plural } from '../../../shared/domain/display-numbers';

/** The tiles in their order, named before their values are known (the page draws them while the report is computed). */
const TILES = [
  { id: 'throughput', label: 'Throughput (median week)' },
  { id: 'lead-time', label: 'Lead time (85 % within)' },
  { id: 'cycle-time', label: 'Cycle time (85 % within)' },
  { id: 'flow-efficiency', label: 'Flow efficiency' },
  { id: 'wip', label: 'Work in progress now' },
  { id: 'dependencies', label: 'Waiting on dependencies' },
] as const;

/** The page's headline figures; every one with its comparison value and its exclusions. */
export function FlowFigureTiles({ report }: { report: FlowReport | undefined }) {
  // In a room's type, six figures do not fit one row: three a row, each on one line.
  const { room } = useTheme();
  const tiles = report ? figures(report) : TILES.map((t) => ({ ...t, value: '…', detail: undefined, previous: null, excluded: {} }));
  return (
    <Grid container spacing={2} component="section" aria-label="Headline figures" sx={{ mb: 3 }}>
      {tiles.map((t) => (
        <Grid key={t.id} size={room ? { xs: 12, sm: 6, md: 4 } : { xs: 12, sm: 6, md: 4, lg: 2 }}>
          <FigureTile testId={`figure-${t.id}`} label={t.label} value={t.value} detail={t.detail} previous={t.previous} previousName={report && comparisonName(report.scope)}>
            <ExclusionNote excluded={t.excluded} />
          </FigureTile>
        </Grid>
      ))}
    </Grid>
  );
}

/** Every tile's value, detail, comparison value and exclusions from the report. */
function figures(report: FlowReport) {
  const c = report.current;
  // A period before that ends before the data begins says so on every tile: its 0 and "–" are no measurement.
  const before = (shown: (p: NonNullable<FlowReport['previous']>) => string) => comparisonShown(report, shown);
  return [
    {
      ...TILES[0],
      value: plural(formatNumber(c.throughputPerWeek.p50), 'item'),
      detail: `${c.throughputPerWeek.total} done in ${report.scope.window.days} days`,
      previous: before((p) => plural(formatNumber(p.throughputPerWeek.p50), 'item')),
      excluded: c.throughputPerWeek.excluded,
    },
    {
      ...TILES[1],
      value: formatDays(c.leadTimeDays.p85),
      detail: `median ${formatDays(c.leadTimeDays.p50)} · n = ${c.leadTimeDays.n}`,
      previous: before((p) => formatDays(p.leadTimeDays.p85)),
      excluded: c.leadTimeDays.excluded,
    },
    {
      ...TILES[2],
      value: formatDays(c.cycleTimeDays.p85),
      detail: `median ${formatDays(c.cycleTimeDays.p50)} · n = ${c.cycleTimeDays.n}`,
      previous: before((p) => formatDays(p.cycleTimeDays.p85)),
      excluded: c.cycleTimeDays.excluded,
    },
    {
      ...TILES[3],
      value: formatShare(c.flowEfficiency.portfolio),
      // A no-break space keeps each number with its unit ("43 d" never wraps to a lone "d").
      detail: `active ${formatNumber(c.flowEfficiency.activeDays, 0)}\u00a0d of ${formatNumber(c.flowEfficiency.activeDays + c.flowEfficiency.waitingDays, 0)}\u00a0d`,
      previous: before((p) => formatShare(p.flowEfficiency.portfolio)),
      excluded: c.flowEfficiency.excluded,
    },
    {
      ...TILES[4],
      value: plural(c.wip.current, 'item'),
      detail: `${c.wip.olderThanCycleP85} older than the cycle-time p85`,
      previous: before((p) => plural(p.wip.current, 'item')),
      excluded: {},
    },
    {
      ...TILES[5],
      value: formatShare(c.dependencyAgeing.waitingShare),
      detail: `${c.dependencyAgeing.open} open, ${c.dependencyAgeing.overdue} overdue`,
      previous: before((p) => formatShare(p.dependencyAgeing.waitingShare)),
      excluded: c.dependencyAgeing.excluded,
    },
  ];
}
