import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useMemo } from 'react';
import { layoutTeams } from '../../../shared/coordination/graph-layout';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';
import { useChartTheme } from '../charts/chart-theme';
import { fitText, widestText } from '../charts/measure-text';
import { useElementWidth } from '../charts/use-element-width';
import { groupColors, MODEL_SHORT, pairIntegrationText } from './coordination-style';
import { plural } from '../../../shared/domain/display-numbers';

/** At most this many edges are drawn (the strongest), so the picture stays readable and light. */
const EDGE_LIMIT = 1500;
const LEGEND_LIMIT = 10;
/** Labels at least this large at a desk; the room's chart size when presenting. */
const DESK_LABEL = 16;

/** The span of the teams and group halos in layout units, at least 0.5 each way (one team alone is not stretched). */
function layoutExtent(layout: ReturnType<typeof layoutTeams>): { x: [number, number]; y: [number, number] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of layout.teams.values()) {
    xs.push(p.x);
    ys.push(p.y);
  }
  for (const h of layout.groups.values()) {
    xs.push(h.x - h.r, h.x + h.r);
    ys.push(h.y - h.r, h.y + h.r);
  }
  const span = (values: number[]): [number, number] => {
    if (values.length === 0) return [-1, 1];
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const mid = (lo + hi) / 2;
    return hi - lo < 0.5 ? [mid - 0.25, mid + 0.25] : [lo, hi];
  };
  return { x: span(xs), y: span(ys) };
}

/**
 * Teams as nodes, coupling as edges; positions come from a deterministic layout of the groups.
 * Drawn in real pixels at the width it is given (never a picture scaled down), with room at the
 * sides for the longest team name: zooming in or presenting redraws it with labels the same size.
 */
export function CouplingGraph({ report }: { report: CoordinationReport }) {
  const theme = useTheme();
  const chart = useChartTheme();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const layout = useMemo(() => layoutTeams(report.groups), [report.groups]);
  const colors = useMemo(() => groupColors(report, theme), [report, theme]);
  const groupOf = useMemo(() => new Map(report.teams.map((t) => [t.key, t.groupId])), [report.teams]);
  const nameOf = useMemo(() => new Map(report.teams.map((t) => [t.key, t.name])), [report.teams]);
  const edges = report.pairs.slice(0, EDGE_LIMIT);
  const showLabels = report.teams.length <= 60;
  const fontSize = Math.max(DESK_LABEL, chart.fontSize);
  // Smaller marks when there are many teams, so they do not cover each other.
  const r = (report.teams.length <= 60 ? 12 : report.teams.length <= 200 ? 7 : 4) * chart.scale;
  const gap = r + 7 * chart.scale;
  const longest = useMemo(() => (showLabels ? widestText(report.teams.map((team) => team.name), fontSize, chart.fontFamily) : 0), [report.teams, showLabels, fontSize, chart.fontFamily]);
  const WIDTH = Math.max(320, width);
  // A label points away from its group, so the widest one may stick out sideways by its full width;
  // in a narrow box, names longer than a third of it are shortened (the node's tooltip has them whole).
  const marginX = Math.min(WIDTH / 3, longest + gap + 8);
  const labelRoom = marginX - gap - 8;
  const marginY = fontSize * 1.3 + gap + 8;
  const HEIGHT = Math.round(Math.max(360, Math.min(WIDTH * 0.62, 640 * chart.scale)));
  // The layout's own extent (an outer ring may hold only a few teams), not the whole [-1, 1] square.
  const extent = useMemo(() => layoutExtent(layout), [layout]);
  const scaleX = (WIDTH - 2 * marginX) / (extent.x[1] - extent.x[0]);
  const scaleY = (HEIGHT - 2 * marginY) / (extent.y[1] - extent.y[0]);
  const px = (v: number) => marginX + (v - extent.x[0]) * scaleX;
  const py = (v: number) => marginY + (v - extent.y[0]) * scaleY;
  const legend = report.groups.filter((g) => g.role !== 'single');

  if (report.teams.length === 0) return <Typography color="text.secondary">No teams in this workspace yet.</Typography>;
  return (
    <Box ref={ref}>
      {width > 0 && (
      <Box
        component="svg"
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Graph of ${report.teams.length} teams, edges weighted by coupling`}
        data-testid="coupling-graph"
        sx={{ display: 'block', maxWidth: '100%' }}
      >
        {report.groups
          .filter((g) => layout.groups.has(g.id))
          .map((g) => {
            const halo = layout.groups.get(g.id)!;
            return (
              <ellipse
                key={`halo-${g.id}`}
                cx={px(halo.x)}
                cy={py(halo.y)}
                rx={halo.r * scaleX}
                ry={halo.r * scaleY}
                fill={colors.get(g.id)}
                fillOpacity={0.08}
                stroke={colors.get(g.id)}
                strokeOpacity={0.4}
              />
            );
          })}
        {edges.map((p) => {
          const a = layout.teams.get(p.teamKeys[0]);
          const b = layout.teams.get(p.teamKeys[1]);
          if (!a || !b) return null;
          const same = groupOf.get(p.teamKeys[0]) === groupOf.get(p.teamKeys[1]);
          return (
            <line
              key={p.teamKeys.join('|')}
              x1={px(a.x)}
              y1={py(a.y)}
              x2={px(b.x)}
              y2={py(b.y)}
              stroke={same ? colors.get(groupOf.get(p.teamKeys[0])!) : theme.palette.text.secondary}
              strokeOpacity={0.25 + 0.65 * p.coupling}
              strokeWidth={0.75 + 7 * p.coupling}
              strokeLinecap="round"
            >
              <title>{`${p.teamKeys.map((k) => nameOf.get(k) ?? k).join(' – ')}: coupling ${p.coupling.toFixed(2)}, ${plural(p.dependencies.total, 'dependency', 'dependencies')}${pairIntegrationText(p, report.recorded)}`}</title>
            </line>
          );
        })}
        {report.teams.map((t) => {
          const point = layout.teams.get(t.key);
          if (!point) return null;
          const x = px(point.x);
          const y = py(point.y);
          const fill = colors.get(t.groupId);
          const towards = layout.labels.get(t.key) ?? { x: 0, y: 1 };
          const label = showLabels && (
            <text
              x={x + towards.x * gap}
              y={y + towards.y * gap}
              textAnchor={towards.x > 0.35 ? 'start' : towards.x < -0.35 ? 'end' : 'middle'}
              dominantBaseline={towards.y > 0.35 ? 'hanging' : towards.y < -0.35 ? 'auto' : 'central'}
              fontSize={fontSize}
              fontFamily={chart.fontFamily}
              fill={theme.palette.text.primary}
              stroke={theme.palette.background.paper}
              strokeWidth={4}
              paintOrder="stroke"
            >
              {fitText(t.name, labelRoom, fontSize, chart.fontFamily)}
            </text>
          );
          return (
            <g key={t.key} data-testid="graph-node">
              {t.provider ? (
                <rect x={x - r - 1} y={y - r - 1} width={2 * r + 2} height={2 * r + 2} rx={3} fill={fill} stroke={theme.palette.warning.main} strokeWidth={3} strokeDasharray="4 3" />
              ) : (
                <circle cx={x} cy={y} r={r} fill={fill} stroke={theme.palette.background.paper} strokeWidth={r > 6 ? 2 : 1} />
              )}
              <title>{`${t.name}${t.provider ? ' (shared provider)' : ''}: waits on ${plural(t.waitsOnTeams, 'team')}, ${plural(t.waitedOnByTeams, 'team')} ${t.waitedOnByTeams === 1 ? 'waits' : 'wait'} on it`}</title>
              {label}
            </g>
          );
        })}
      </Box>
      )}
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', justifyContent: 'center', mt: 1 }} aria-label="Legend">
        {legend
          .slice(0, LEGEND_LIMIT)
          .map((g) => (
            <Stack key={g.id} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
              <Box sx={{ width: 14, height: 14, borderRadius: g.role === 'provider' ? 0.5 : '50%', bgcolor: colors.get(g.id) }} />
              <Typography variant="body2">
                {g.name} · {g.role === 'provider' ? 'shared provider' : MODEL_SHORT[g.model]}
              </Typography>
            </Stack>
          ))}
        {legend.length > LEGEND_LIMIT && (
          <Typography variant="body2" color="text.secondary">
            and {legend.length - LEGEND_LIMIT} more groups
          </Typography>
        )}
        {report.groups.some((g) => g.role === 'single') && (
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
            <Box sx={{ width: 14, height: 14, borderRadius: '50%', bgcolor: theme.palette.text.disabled }} />
            <Typography variant="body2">on their own (outer ring)</Typography>
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
