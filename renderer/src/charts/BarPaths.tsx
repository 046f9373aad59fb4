import { Data, Domain, getBarPath, getBarPosition, type D3Scale } from './victory';

/** One vertical bar: its middle on x, its top (and bottom, when stacked) on y, its colour and opacity. */
export interface PathBar {
  x: number;
  y: number;
  /** The bar's base when stacked on another one; the x axis (0) otherwise. */
  y0?: number;
  fill: string;
  opacity?: number;
}

interface BarPathsProps {
  data: readonly PathBar[];
  /** Width of each bar in px. */
  barWidth: number;
  /** Given by VictoryChart to each child: the plot's scales and domain. */
  scale?: { x: D3Scale; y: D3Scale };
  domain?: { x: [number, number]; y: [number, number] };
}

const SQUARE = { topLeft: 0, topRight: 0, bottomLeft: 0, bottomRight: 0 };

/**
 * Vertical bars as plain SVG paths instead of Victory components: VictoryBar's per-bar props,
 * events and components took a good part of the Flow page's drawing. Same bars: Victory's own
 * steps (VictoryBar's accessors, domain clipping with a zero baseline, bar position and path), and
 * as a child of VictoryChart with VictoryBar's role and domain rule (the domain includes zero), so
 * the axes come out as they did. One path per bar, not one per colour: the browser smooths the
 * edges of a path of one rectangle differently from those of a path of many, and the bars are to
 * look exactly as they did.
 */
export function BarPaths({ data, barWidth, scale, domain }: BarPathsProps) {
  if (!scale || !domain) return null;
  const shown = Data.formatDataFromDomain(Data.getData({ data: data as PathBar[] }), domain, 0) as (PathBar & { _x: number | null; _y: number | null })[];
  return (
    <g role="presentation">
      {shown.map((d, i) =>
        d._x === null || d._y === null ? null : (
          // Only a custom `getPath` makes no path; these bars have none.
          <path key={i} d={getBarPath({ ...getBarPosition({ scale, domain }, d), scale }, barWidth, SQUARE)!} fill={d.fill} opacity={d.opacity} role="presentation" shapeRendering="auto" />
        ),
      )}
    </g>
  );
}
BarPaths.role = 'bar';
BarPaths.getDomain = Domain.getDomainWithZero;
