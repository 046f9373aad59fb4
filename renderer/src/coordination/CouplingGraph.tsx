import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useMemo } from 'react';
import { layoutTeams } from '../../../shared/coordination/graph-layout';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';
import { groupColors, MODEL_SHORT } from './coordination-style';

// Wider than tall: the ring of groups is stretched sideways, where long team names have room.
const WIDTH = 880;
const HEIGHT = 620;
const MARGIN_X = 130;
const MARGIN_Y = 50;
/** At most this many edges are drawn (the strongest), so the picture stays readable and light. */
const EDGE_LIMIT = 1500;
const LEGEND_LIMIT = 10;

const SCALE_X = (WIDTH - 2 * MARGIN_X) / 2;
const SCALE_Y = (HEIGHT - 2 * MARGIN_Y) / 2;
const px = (v: number) => MARGIN_X + (v + 1) * SCALE_X;
const py = (v: number) => MARGIN_Y + (v + 1) * SCALE_Y;

/** Teams as nodes, coupling as edges; positions come from a deterministic layout of the groups. */
export function CouplingGraph({ report }: { report: CoordinationReport }) {
  const theme = useTheme();
  const layout = useMemo(() => layoutTeams(report.groups), [report.groups]);
  const colors = useMemo(() => groupColors(report, theme), [report, theme]);
  const groupOf = useMemo(() => new Map(report.teams.map((t) => [t.key, t.groupId])), [report.teams]);
  const nameOf = useMemo(() => new Map(report.teams.map((t) => [t.key, t.name])), [report.teams]);
  const edges = report.pairs.slice(0, EDGE_LIMIT);
  const showLabels = report.teams.length <= 60;
  // Smaller marks when there are many teams, so they do not cover each other.
  const r = report.teams.length <= 60 ? 12 : report.teams.length <= 200 ? 7 : 4;
  const legend = report.groups.filter((g) => g.role !== 'single');

  if (report.teams.length === 0) return <Typography color="text.secondary">No teams in this workspace yet.</Typography>;
  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Graph of ${report.teams.length} teams, edges weighted by coupling`}
        data-testid="coupling-graph"
        sx={{ width: '100%', maxWidth: WIDTH, display: 'block', mx: 'auto' }}
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
                rx={halo.r * SCALE_X}
                ry={halo.r * SCALE_Y}
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
              <title>{`${p.teamKeys.map((k) => nameOf.get(k) ?? k).join(' – ')}: coupling ${p.coupling.toFixed(2)}, ${p.dependencies.total} dependencies`}</title>
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
              x={x + towards.x * 19}
              y={y + towards.y * 19}
              textAnchor={towards.x > 0.35 ? 'start' : towards.x < -0.35 ? 'end' : 'middle'}
              dominantBaseline={towards.y > 0.35 ? 'hanging' : towards.y < -0.35 ? 'auto' : 'central'}
              fontSize={17}
              fill={theme.palette.text.primary}
              stroke={theme.palette.background.paper}
              strokeWidth={4}
              paintOrder="stroke"
            >
              {t.name}
            </text>
          );
          return (
            <g key={t.key} data-testid="graph-node">
              {t.provider ? (
                <rect x={x - r - 1} y={y - r - 1} width={2 * r + 2} height={2 * r + 2} rx={3} fill={fill} stroke={theme.palette.warning.main} strokeWidth={3} strokeDasharray="4 3" />
              ) : (
                <circle cx={x} cy={y} r={r} fill={fill} stroke={theme.palette.background.paper} strokeWidth={r > 6 ? 2 : 1} />
              )}
              <title>{`${t.name}${t.provider ? ' (shared provider)' : ''}: waits on ${t.waitsOnTeams} teams, ${t.waitedOnByTeams} teams wait on it`}</title>
              {label}
            </g>
          );
        })}
      </Box>
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
