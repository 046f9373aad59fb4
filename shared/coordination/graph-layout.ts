// A calm, deterministic layout for the team graph: shared providers in the middle, groups of coupled
// teams on an inner ring (each group's members on its own small circle), teams that stand alone on
// an outer ring. Same groups, same picture: no force simulation that moves between renders.

export interface LayoutGroup {
  readonly id: string;
  readonly teamKeys: readonly string[];
  readonly role: 'group' | 'single' | 'provider';
}

export interface LayoutPoint {
  readonly x: number;
  readonly y: number;
}

/** Team positions in [-1, 1]², each multi-team group's circle (for a halo), and which way each label points (a unit vector away from the crowd). */
export interface TeamLayout {
  readonly teams: ReadonlyMap<string, LayoutPoint>;
  readonly groups: ReadonlyMap<string, LayoutPoint & { readonly r: number }>;
  readonly labels: ReadonlyMap<string, LayoutPoint>;
}

function direction(from: LayoutPoint, to: LayoutPoint, fallback: LayoutPoint): LayoutPoint {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  return length < 1e-9 ? fallback : { x: dx / length, y: dy / length };
}

function circle(count: number, radius: number, cx: number, cy: number, startAngle = -Math.PI / 2): LayoutPoint[] {
  if (count === 1 && radius === 0) return [{ x: cx, y: cy }];
  return Array.from({ length: count }, (_, i) => {
    const angle = startAngle + (2 * Math.PI * i) / count;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  });
}

export function layoutTeams(groups: readonly LayoutGroup[]): TeamLayout {
  const teams = new Map<string, LayoutPoint>();
  const halos = new Map<string, LayoutPoint & { r: number }>();
  const labels = new Map<string, LayoutPoint>();
  const below = { x: 0, y: 1 };
  const providers = groups.filter((g) => g.role === 'provider').flatMap((g) => g.teamKeys);
  const multi = groups.filter((g) => g.role === 'group' && g.teamKeys.length > 1);
  const singles = groups.filter((g) => g.role !== 'provider' && !(g.role === 'group' && g.teamKeys.length > 1)).flatMap((g) => g.teamKeys);

  circle(providers.length, providers.length > 1 ? 0.12 : 0, 0, 0).forEach((p, i) => {
    teams.set(providers[i]!, p);
    labels.set(providers[i]!, direction({ x: 0, y: 0 }, p, below));
  });

  const radius = (n: number) => Math.min(0.34, 0.1 + 0.07 * Math.sqrt(n));
  const total = multi.reduce((sum, g) => sum + radius(g.teamKeys.length) + 0.04, 0);
  const ring = singles.length > 0 ? 0.64 : 0.66;
  let angle = -Math.PI / 2;
  for (const g of multi) {
    const r = radius(g.teamKeys.length);
    const share = (r + 0.04) / total;
    const centre = multi.length === 1 && providers.length === 0 ? 0 : angle + Math.PI * share;
    const ringRadius = multi.length === 1 && providers.length === 0 ? 0 : ring;
    const cx = ringRadius * Math.cos(centre);
    const cy = ringRadius * Math.sin(centre);
    halos.set(g.id, { x: cx, y: cy, r: r + 0.05 });
    // Turned so that no member sits on the line to the centre, where the providers' labels are.
    const towardsCentre = Math.atan2(-cy, -cx);
    circle(g.teamKeys.length, r, cx, cy, towardsCentre + Math.PI / g.teamKeys.length).forEach((p, i) => {
      teams.set(g.teamKeys[i]!, p);
      labels.set(g.teamKeys[i]!, direction({ x: cx, y: cy }, p, below));
    });
    angle += 2 * Math.PI * share;
  }
  circle(singles.length, 0.92, 0, 0, -Math.PI / 2 + Math.PI / Math.max(1, singles.length)).forEach((p, i) => {
    teams.set(singles[i]!, p);
    labels.set(singles[i]!, direction({ x: 0, y: 0 }, p, below));
  });
  return { teams, groups: halos, labels };
}
