import { Data, Domain, PointPathHelpers, VictoryTooltip, VictoryVoronoiContainer, type D3Scale } from './victory';
import type { ChartTheme } from './chart-theme';

/** One dot: where, its radius in px, its colour, and a triangle instead of a circle when `clipped`. */
export interface CloudDot {
  x: number;
  y: number;
  size: number;
  fill: string;
  clipped?: boolean;
}

interface DotCloudProps {
  data: readonly CloudDot[];
  opacity: number;
  /** Given by VictoryChart to each child: the plot's scales and domain. */
  scale?: { x: D3Scale; y: D3Scale };
  domain?: { x: [number, number]; y: [number, number] };
}

/**
 * Dots of one path do not darken where they overlap (a path is filled once); dots of different
 * paths do, as separate dots did. Neighbours in the data (the next bin up, the next item) go to
 * different layers, so a dense cloud keeps the texture of overlapping dots.
 */
const LAYERS = 4;

/**
 * A scatter drawn as a few SVG paths per colour and shape instead of one Victory component per dot:
 * VictoryScatter's per-dot components made a chart of a thousand dots take much of a page's
 * second. Same dots (Victory's own circle and triangle paths, sizes and domain clipping). A child
 * of VictoryChart like VictoryScatter ('scatter' role, same domain rule), so the chart's axes and
 * a VictoryVoronoiContainer's tooltips (see `dotTooltips`) find its data as they found the scatter's.
 */
export function DotCloud({ data, opacity, scale, domain }: DotCloudProps) {
  if (!scale || !domain) return null;
  const paths = new Map<string, { fill: string; parts: string[] }>();
  // Victory's own steps (VictoryScatter's): accessors, then dots outside the domain dropped.
  const shown = Data.formatDataFromDomain(formattedDots(data), domain) as (CloudDot & { _x: number | null; _y: number | null })[];
  shown.forEach((d, i) => {
    if (d._x === null || d._y === null) return;
    const key = `${d.fill} ${d.clipped ? 'triangle' : 'circle'} ${i % LAYERS}`;
    const shape = d.clipped ? PointPathHelpers.triangleUp : PointPathHelpers.circle;
    let path = paths.get(key);
    if (!path) paths.set(key, (path = { fill: d.fill, parts: [] }));
    path.parts.push(shape(scale.x(d._x), scale.y(d._y), Math.max(d.size, 1)));
  });
  return (
    <g role="presentation">
      {[...paths].map(([key, { fill, parts }]) => (
        <path key={key} d={parts.join(' ')} fill={fill} opacity={opacity} role="presentation" shapeRendering="auto" />
      ))}
    </g>
  );
}
DotCloud.role = 'scatter';

// VictoryChart reads a child's data several times before the child draws: for category names, for
// the domain of each axis (Victory's `getDomain` formats the data again for x and for y), and the
// child then formats it once more. A cloud's data is formatted once per array instead: its dots
// are plain numbers, so Victory's formatting depends on the array alone (not on the other props
// the chart passes). The charts build a new array on every render (`dots` in chart-parts.tsx), so
// a result is reused within one draw and never outlives the data it came from.
const formatted = new WeakMap<readonly CloudDot[], ReturnType<typeof Data.getData>>();

/** Victory's formatted data (`Data.getData`) of these dots, computed once per array. */
export function formattedDots(data: readonly CloudDot[]): ReturnType<typeof Data.getData> {
  let done = formatted.get(data);
  if (!done) formatted.set(data, (done = Data.getData({ data: data as CloudDot[] })));
  return done;
}

/**
 * The scales of a chart of dots, given rather than inferred: without them VictoryChart reads every
 * dot of every child to see whether its values are dates. Interlock's are numbers (instants in ms).
 */
export const NUMERIC_SCALE = { x: 'linear', y: 'linear' } as const;

/** What VictoryChart calls for a child's data (category names) and domain; both from the formatted data above. */
DotCloud.getData = (props: { data: readonly CloudDot[] }) => formattedDots(props.data);
DotCloud.getDomain = Domain.createDomainFunction((props: { data: readonly CloudDot[] }, axis: 'x' | 'y') => Domain.getDomainFromData(props, axis, formattedDots(props.data)));

/**
 * A VictoryVoronoiContainer that shows the tip of the dot under the pointer (`datum.tip`) in the
 * theme's colours, one tooltip for the whole chart; lines (named `line-…`) never answer.
 */
export function dotTooltips(t: ChartTheme) {
  return (
    <VictoryVoronoiContainer
      responsive={false}
      voronoiBlacklist={[/^line/]}
      activateData={false}
      labels={({ datum }: { datum: { tip?: string } }) => datum.tip ?? ''}
      labelComponent={<VictoryTooltip style={{ fontSize: t.fontSize, fontFamily: t.fontFamily, fill: t.text }} flyoutStyle={{ fill: t.background, stroke: t.axis }} />}
    />
  );
}
