import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useMemo } from 'react';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';
import { useChartTheme } from '../charts/chart-theme';
import { widestText } from '../charts/measure-text';
import { useElementWidth } from '../charts/use-element-width';
import { couplingFill, groupColors, pairIntegrationText } from './coordination-style';
import { plural } from '../../../shared/domain/display-numbers';

/** Up to this many rows the matrix is team × team (≤ ~2,000 cells); beyond, group × group. */
const TEAM_LIMIT = 44;
/** Labels at least this large at a desk. */
const DESK_LABEL = 14;

interface Axis {
  key: string;
  label: string;
  groupId: string;
}

interface Cell {
  value: number;
  /** Dependencies the row waits on the column for (the design structure matrix's mark). */
  marks: number;
  title: string;
}

/** The matrix's rows, cells and group blocks, computed once per report (not while drawing). */
function buildMatrix(report: CoordinationReport) {
  const byTeam = report.teams.length <= TEAM_LIMIT;
  if (byTeam) {
    const names = new Map(report.teams.map((t) => [t.key, t.name]));
    const axis: Axis[] = report.groups.flatMap((g) => g.teamKeys.map((k) => ({ key: k, label: names.get(k) ?? k, groupId: g.id })));
    const cells = new Map<string, Cell>();
    for (const p of report.pairs) {
      const [a, b] = p.teamKeys;
      const [na, nb] = [names.get(a) ?? a, names.get(b) ?? b];
      const base = `coupling ${p.coupling.toFixed(2)}; ${na} waits on ${nb} ${p.dependencies.aWaitsOnB}×, ${nb} on ${na} ${p.dependencies.bWaitsOnA}×${pairIntegrationText(p, report.recorded)}`;
      cells.set(`${a}|${b}`, { value: p.coupling, marks: p.dependencies.aWaitsOnB, title: `${na} → ${nb}: ${base}` });
      cells.set(`${b}|${a}`, { value: p.coupling, marks: p.dependencies.bWaitsOnA, title: `${nb} → ${na}: ${base}` });
    }
    return { byTeam, axis, cells };
  }
  // Group by group, the groups shown first on the page (heaviest model, then largest), at most TEAM_LIMIT.
  const axis: Axis[] = report.groups.slice(0, TEAM_LIMIT).map((g) => ({ key: g.id, label: g.name, groupId: g.id }));
  const cells = new Map<string, Cell>();
  for (const g of report.groups) {
    cells.set(`${g.id}|${g.id}`, { value: g.coupling, marks: g.measures.dependencies, title: `${g.name}: mean coupling inside ${g.coupling.toFixed(2)}` });
  }
  const groupName = new Map(report.groups.map((g) => [g.id, g.name]));
  for (const l of report.groupLinks) {
    const [a, b] = l.groupIds;
    const cell = { value: l.coupling, marks: l.dependencies, title: `${groupName.get(a) ?? a} – ${groupName.get(b) ?? b}: mean coupling ${l.coupling.toFixed(2)}, ${plural(l.dependencies, 'dependency', 'dependencies')}` };
    cells.set(`${a}|${b}`, cell);
    cells.set(`${b}|${a}`, cell);
  }
  return { byTeam, axis, cells };
}

/** Column labels lean back this far, so long team names fit above narrow columns. */
const LEAN = (50 * Math.PI) / 180;

/**
 * A design structure matrix: rows and columns ordered by group, so coupled groups show as blocks
 * on the diagonal. Drawn in real pixels: labels at the chart size (at least 14 px at a desk, the
 * room's size when presenting), cells wide enough for their numbers, room for the longest name.
 */
export function CouplingMatrix({ report }: { report: CoordinationReport }) {
  const theme = useTheme();
  const chart = useChartTheme();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const { byTeam, axis, cells } = useMemo(() => buildMatrix(report), [report]);
  const colors = useMemo(() => groupColors(report, theme), [report, theme]);
  const fontSize = Math.max(DESK_LABEL, chart.fontSize);
  const longest = useMemo(() => widestText(axis.map((a) => a.label), fontSize, chart.fontFamily), [axis, fontSize, chart.fontFamily]);
  if (axis.length === 0) return <Typography color="text.secondary">No teams in this workspace yet.</Typography>;

  const labelWidth = longest + 12;
  const top = byTeam ? Math.ceil(longest * Math.sin(LEAN) + fontSize) + 8 : 8;
  // The last column's label leans out to the right of the matrix.
  const right = byTeam ? Math.ceil(longest * Math.cos(LEAN)) : 10;
  const fits = Math.floor((width - labelWidth - right) / axis.length);
  const cell = Math.max(Math.ceil(fontSize * 2), Math.min(Math.ceil(fontSize * 3.2), fits));
  const size = axis.length * cell;
  const svgWidth = labelWidth + size + right;
  const svgHeight = top + size + 10;
  const blocks: { groupId: string; start: number; length: number }[] = [];
  axis.forEach((a, i) => {
    const last = blocks[blocks.length - 1];
    if (last && last.groupId === a.groupId) last.length++;
    else blocks.push({ groupId: a.groupId, start: i, length: 1 });
  });
  const scrolls = svgWidth > width;
  return (
    <Box ref={ref}>
      {/* Wider than its panel (many teams, a narrow window): it scrolls sideways inside the panel, never shrinks. */}
      {width > 0 && (
      <Box sx={{ overflowX: 'auto' }} tabIndex={scrolls ? 0 : undefined} role={scrolls ? 'region' : undefined} aria-label={scrolls ? 'Coupling matrix, scrolls sideways' : undefined}>
      <Box
        component="svg"
        width={svgWidth}
        height={svgHeight}
        viewBox={`0 0 ${svgWidth} ${svgHeight}`}
        role="img"
        aria-label={byTeam ? 'Team × team coupling matrix ordered by group' : 'Group × group coupling matrix'}
        data-testid="coupling-matrix"
        sx={{ display: 'block' }}
        fontFamily={chart.fontFamily}
      >
        {axis.map((a, i) => (
          <text key={`row-${a.key}`} x={labelWidth - 8} y={top + i * cell + cell / 2} textAnchor="end" dominantBaseline="central" fontSize={fontSize} fill={theme.palette.text.primary}>
            {a.label}
          </text>
        ))}
        {byTeam &&
          axis.map((a, i) => (
            <text
              key={`col-${a.key}`}
              transform={`translate(${labelWidth + i * cell + cell / 2}, ${top - 8}) rotate(-50)`}
              fontSize={fontSize}
              fill={theme.palette.text.primary}
            >
              {a.label}
            </text>
          ))}
        <rect x={labelWidth} y={top} width={size} height={size} fill="none" stroke={theme.palette.divider} />
        {axis.map((row, i) =>
          axis.map((col, j) => {
            const c = cells.get(`${row.key}|${col.key}`);
            if (!c && i !== j) return null;
            const diagonal = i === j && byTeam;
            return (
              <g key={`${row.key}|${col.key}`} data-testid="matrix-cell">
                <rect
                  x={labelWidth + j * cell + 1}
                  y={top + i * cell + 1}
                  width={cell - 2}
                  height={cell - 2}
                  rx={2}
                  fill={diagonal ? theme.palette.action.selected : couplingFill(c?.value ?? 0, theme)}
                >
                  <title>{diagonal ? row.label : (c?.title ?? '')}</title>
                </rect>
                {c && c.marks > 0 && (
                  <text
                    x={labelWidth + j * cell + cell / 2}
                    y={top + i * cell + cell / 2}
                    textAnchor="middle"
                    dominantBaseline="central"
                    fontSize={fontSize}
                    fill={(c.value ?? 0) > 0.5 ? theme.palette.primary.contrastText : theme.palette.text.primary}
                    pointerEvents="none"
                  >
                    {c.marks}
                  </text>
                )}
              </g>
            );
          }),
        )}
        {blocks
          .filter((b) => b.length > 1)
          .map((b) => (
            <rect
              key={`block-${b.groupId}`}
              x={labelWidth + b.start * cell}
              y={top + b.start * cell}
              width={b.length * cell}
              height={b.length * cell}
              fill="none"
              stroke={colors.get(b.groupId)}
              strokeWidth={3}
            />
          ))}
      </Box>
      </Box>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {byTeam
          ? 'Shade: coupling of the pair. Number: dependencies the row team waited on the column team for. Framed blocks: groups.'
          : `Shade: mean coupling between groups (inside a group on the diagonal). Number: dependencies.${report.groups.length > TEAM_LIMIT ? ` The first ${TEAM_LIMIT} of ${report.groups.length} groups.` : ''}`}
      </Typography>
    </Box>
  );
}
