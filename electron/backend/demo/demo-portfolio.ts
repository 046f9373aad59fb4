import type { Dependency, Deployment, Incident, Objective, Portfolio, StatusTransition, Team, WorkItem } from '../../../shared/domain/entities';
import { MS_PER_DAY, MS_PER_HOUR } from '../../../shared/domain/time';
import type { ItemType, StatusCategory } from '../../../shared/domain/vocabulary';
import { SeededRandom } from './seeded-random';

// The demo portfolio: a made-up retailer with three value streams and twelve teams, built so that
// every part of Interlock has something true to show — a tightly coupled group that shares
// objectives and ships in a joint release train, a moderately coupled group that talks through
// declared interfaces, independent teams, and one platform team many others wait on.
// Everything is derived from the seed and a fixed end date, so the same options give the same file.

export interface DemoPortfolioOptions {
  items: number;
  seed: number;
  /** The last instant of the data; fixed by default so the demo never changes with the calendar. */
  endMs?: number;
  /** Length of the history in days. */
  spanDays?: number;
}

export const DEMO_END_MS = Date.UTC(2026, 10, 16, 0, 0, 0);
export const DEMO_SPAN_DAYS = 273;

type Profile = 'tight' | 'moderate' | 'independent' | 'platform';

interface TeamSpec {
  key: string;
  name: string;
  project: string;
  valueStream: string;
  profile: Profile;
  /** Share of all items that belong to this team. */
  weight: number;
  /** Mean days between deployments (the tight group ships in a weekly joint release instead). */
  deployEveryDays: number;
  /** Whether the team's pipeline records commit times (DORA lead time for changes). */
  recordsCommits: boolean;
}

const CJ = 'Customer Journeys';
const MS = 'Merchant Services';
const PE = 'Platform & Enablement';

export const DEMO_TEAMS: readonly TeamSpec[] = [
  { key: 'checkout', name: 'Checkout', project: 'CHK', valueStream: CJ, profile: 'tight', weight: 1, deployEveryDays: 7, recordsCommits: true },
  { key: 'basket', name: 'Basket', project: 'BSK', valueStream: CJ, profile: 'tight', weight: 1, deployEveryDays: 7, recordsCommits: true },
  { key: 'pricing', name: 'Pricing', project: 'PRC', valueStream: CJ, profile: 'tight', weight: 1, deployEveryDays: 7, recordsCommits: true },
  { key: 'promotions', name: 'Promotions', project: 'PRM', valueStream: CJ, profile: 'tight', weight: 0.9, deployEveryDays: 7, recordsCommits: true },
  { key: 'search', name: 'Search', project: 'SRC', valueStream: CJ, profile: 'independent', weight: 1, deployEveryDays: 1.6, recordsCommits: true },
  { key: 'onboarding', name: 'Merchant Onboarding', project: 'ONB', valueStream: MS, profile: 'moderate', weight: 1, deployEveryDays: 3, recordsCommits: true },
  { key: 'merchant-portal', name: 'Merchant Portal', project: 'MPT', valueStream: MS, profile: 'moderate', weight: 1.1, deployEveryDays: 2.5, recordsCommits: true },
  { key: 'reporting', name: 'Reporting', project: 'RPT', valueStream: MS, profile: 'moderate', weight: 0.9, deployEveryDays: 4, recordsCommits: true },
  { key: 'settlements', name: 'Settlements', project: 'STL', valueStream: MS, profile: 'moderate', weight: 0.9, deployEveryDays: 5, recordsCommits: false },
  { key: 'identity', name: 'Identity', project: 'IDN', valueStream: PE, profile: 'independent', weight: 0.8, deployEveryDays: 6, recordsCommits: true },
  { key: 'notifications', name: 'Notifications', project: 'NTF', valueStream: PE, profile: 'independent', weight: 0.7, deployEveryDays: 4, recordsCommits: false },
  { key: 'platform', name: 'Cloud Platform', project: 'PLT', valueStream: PE, profile: 'platform', weight: 0.9, deployEveryDays: 1.2, recordsCommits: true },
];

/** Per profile: chance that a deliverable item depends on another team of its group, on the platform, or on anyone else. */
const DEPENDENCY_ODDS: Record<Profile, { group: number; platform: number; elsewhere: number; viaInterface: number }> = {
  tight: { group: 0.2, platform: 0.035, elsewhere: 0.004, viaInterface: 0.1 },
  moderate: { group: 0.085, platform: 0.035, elsewhere: 0.004, viaInterface: 0.85 },
  independent: { group: 0, platform: 0.035, elsewhere: 0.006, viaInterface: 0.5 },
  platform: { group: 0, platform: 0, elsewhere: 0.01, viaInterface: 0.5 },
};

const INTERFACES: Record<Profile, readonly string[]> = {
  tight: ['Cart API'],
  moderate: ['Merchant API v2', 'Settlement events', 'Reporting feed', 'Onboarding webhooks'],
  independent: ['Identity OIDC', 'Notification API'],
  platform: ['Platform self-service portal', 'Terraform modules'],
};

const TYPE_WEIGHTS: Record<ItemType, number> = { epic: 3, feature: 12, story: 52, defect: 15, risk: 3, debt: 8, task: 7 };

/** Median active days per type (log-normal, so the tail is long as real cycle times are). */
const WORK_MEDIAN_DAYS: Record<ItemType, number> = { epic: 35, feature: 12, story: 3.5, defect: 1.2, risk: 3, debt: 3, task: 1 };

interface Step {
  status: string;
  category: StatusCategory;
  at: number;
}

interface DraftItem {
  item: WorkItem;
  team: TeamSpec;
  steps: Step[];
}

const iso = (ms: number) => new Date(Math.round(ms)).toISOString();

/** Moves timestamps forward into working-ish hours (07:00–19:00 UTC) so that scatterplots look like real data. */
function toWorkingHours(ms: number, rnd: SeededRandom): number {
  const day = Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
  const hour = (ms - day) / MS_PER_HOUR;
  if (hour >= 7 && hour < 19) return ms;
  // Never earlier than asked: an evening event moves to the next morning.
  const morning = hour < 7 ? day : day + MS_PER_DAY;
  return morning + (7 + rnd.next() * 2) * MS_PER_HOUR;
}

export function generateDemoPortfolio(options: DemoPortfolioOptions): Portfolio {
  const rnd = new SeededRandom(options.seed);
  const end = options.endMs ?? DEMO_END_MS;
  const spanDays = options.spanDays ?? DEMO_SPAN_DAYS;
  const start = end - spanDays * MS_PER_DAY;
  const teams: Team[] = DEMO_TEAMS.map((t) => ({ key: t.key, name: t.name, valueStream: t.valueStream }));
  const teamByKey = new Map(DEMO_TEAMS.map((t) => [t.key, t]));

  const objectives = demoObjectives();
  const teamObjective = new Map(objectives.filter((o) => o.level === 'team').map((o) => [o.teamKeys[0]!, o]));

  // Creation times first, sorted, so that parents and provider items always exist before they are referenced.
  const teamWeights = Object.fromEntries(DEMO_TEAMS.map((t) => [t.key, t.weight])) as Record<string, number>;
  const creations = Array.from({ length: options.items }, () => ({
    at: toWorkingHours(start + rnd.next() * (spanDays - 1) * MS_PER_DAY, rnd),
    team: teamByKey.get(rnd.weighted(teamWeights))!,
    type: rnd.weighted(TYPE_WEIGHTS),
  })).sort((a, b) => a.at - b.at);

  const counters = new Map<string, number>();
  const openParents = new Map<string, { epics: string[]; features: string[] }>();
  const itemsByTeam = new Map<string, string[]>();
  const drafts: DraftItem[] = [];
  const dependencies: Dependency[] = [];

  for (const c of creations) {
    const number = (counters.get(c.team.project) ?? 0) + 1;
    counters.set(c.team.project, number);
    const key = `${c.team.project}-${number}`;
    const parents = openParents.get(c.team.key) ?? { epics: [], features: [] };
    openParents.set(c.team.key, parents);

    let parentKey: string | null = null;
    if (c.type === 'feature' && parents.epics.length > 0) parentKey = rnd.pick(parents.epics.slice(-4));
    else if (c.type !== 'epic' && c.type !== 'feature' && parents.features.length > 0) parentKey = rnd.pick(parents.features.slice(-6));

    const objectiveKeys: string[] = [];
    if (c.type === 'epic') {
      const own = teamObjective.get(c.team.key);
      if (own) {
        objectiveKeys.push(own.key);
        if (own.parentKey && rnd.chance(0.5)) objectiveKeys.push(own.parentKey);
      }
    }

    const dependency = c.type === 'epic' ? null : drawDependency(rnd, c.team, itemsByTeam);
    const steps = drawHistory(rnd, c.type, c.at, end, dependency);
    const last = steps[steps.length - 1]!;
    const firstActive = steps.find((s) => s.category === 'active');
    const finished = last.category === 'done' || last.category === 'cancelled';
    const item: WorkItem = {
      key,
      title: demoTitle(rnd, c.type, c.team),
      type: c.type,
      teamKey: c.team.key,
      status: last.status,
      statusCategory: last.category,
      createdAt: iso(c.at),
      firstActiveAt: firstActive ? iso(firstActive.at) : null,
      doneAt: finished ? iso(last.at) : null,
      parentKey,
      objectiveKeys,
    };
    drafts.push({ item, team: c.team, steps });
    if (c.type === 'epic') parents.epics.push(key);
    if (c.type === 'feature') parents.features.push(key);
    const list = itemsByTeam.get(c.team.key) ?? [];
    list.push(key);
    itemsByTeam.set(c.team.key, list);

    if (dependency) {
      const blocked = steps.find((s) => s.status === 'Blocked');
      const blockedEnd = blocked ? steps[steps.indexOf(blocked) + 1]?.at ?? null : null;
      const createdAt = Math.max(c.at, (blocked?.at ?? c.at + MS_PER_DAY) - rnd.exponential(3) * MS_PER_DAY);
      // A dependency that never blocked was settled before the work needed it.
      const notStarted = last.category === 'todo';
      // Dependencies of work not yet started often stay open: nobody chases them until they are needed.
      const resolvedAt = blocked
        ? blockedEnd
        : notStarted && rnd.chance(0.7)
          ? null
          : Math.min(end, createdAt + rnd.logNormal(dependency.provider.profile === 'platform' ? 12 : 6, 1) * MS_PER_DAY);
      dependencies.push({
        key: `DEP-${dependencies.length + 1}`,
        fromItemKey: key,
        fromTeamKey: c.team.key,
        toItemKey: dependency.providerItem,
        toTeamKey: dependency.provider.key,
        kind: 'blocks',
        interfaceName: dependency.interfaceName,
        createdAt: iso(createdAt),
        neededBy: rnd.chance(0.6) ? iso(createdAt + rnd.int(7, 28) * MS_PER_DAY) : null,
        resolvedAt: resolvedAt === null || resolvedAt >= end ? null : iso(resolvedAt),
      });
    }
  }

  const items = drafts.map((d) => d.item);
  const transitions: StatusTransition[] = [];
  for (const d of drafts) {
    let previous: string | null = null;
    for (const s of d.steps) {
      transitions.push({ itemKey: d.item.key, fromStatus: previous, toStatus: s.status, at: iso(s.at) });
      previous = s.status;
    }
  }

  const deployments = demoDeployments(rnd, drafts, start, end);
  const incidents = demoIncidents(rnd, deployments, start, end);
  return { teams, items, transitions, dependencies, deployments, incidents, objectives };
}

interface DrawnDependency {
  provider: TeamSpec;
  providerItem: string | null;
  interfaceName: string | null;
  blocks: boolean;
  platform: boolean;
}

function drawDependency(rnd: SeededRandom, team: TeamSpec, itemsByTeam: Map<string, string[]>): DrawnDependency | null {
  const odds = DEPENDENCY_ODDS[team.profile];
  const r = rnd.next();
  let provider: TeamSpec | undefined;
  if (r < odds.group) {
    provider = rnd.pick(DEMO_TEAMS.filter((t) => t.profile === team.profile && t.key !== team.key));
  } else if (r < odds.group + odds.platform) {
    provider = DEMO_TEAMS.find((t) => t.profile === 'platform');
  } else if (r < odds.group + odds.platform + odds.elsewhere) {
    provider = rnd.pick(DEMO_TEAMS.filter((t) => t.key !== team.key && t.profile !== team.profile));
  }
  if (!provider || provider.key === team.key) return null;
  const platform = provider.profile === 'platform';
  const candidates = itemsByTeam.get(provider.key) ?? [];
  const viaInterface = rnd.chance(platform ? 0.3 : odds.viaInterface);
  return {
    provider,
    providerItem: candidates.length > 0 ? rnd.pick(candidates.slice(-30)) : null,
    interfaceName: viaInterface ? rnd.pick(INTERFACES[platform ? 'platform' : team.profile === 'independent' ? 'independent' : team.profile]) : null,
    // Platform requests queue longer and block more often: that is what makes a bottleneck.
    blocks: rnd.chance(platform ? 0.75 : 0.55),
    platform,
  };
}

/**
 * One item's status history: To Do, then work (In Progress, In Review, a queue before Testing,
 * Testing), sometimes Blocked on a dependency, sometimes reopened or cancelled, cut off at `end`.
 */
function drawHistory(rnd: SeededRandom, type: ItemType, createdAt: number, end: number, dependency: DrawnDependency | null): Step[] {
  const steps: Step[] = [{ status: 'To Do', category: 'todo', at: createdAt }];
  let t = createdAt;
  const add = (status: string, category: StatusCategory, afterDays: number): boolean => {
    t = toWorkingHours(t + afterDays * MS_PER_DAY, rnd);
    if (t >= end) return false;
    steps.push({ status, category, at: t });
    return true;
  };

  // Backlogs are long: most items wait weeks to start, and a few are parked for good.
  const parked = rnd.chance(0.06) ? 400 : 0;
  const waitToStart = parked + (type === 'epic' ? rnd.exponential(15) : rnd.exponential(type === 'defect' ? 3 : 14));
  if (rnd.chance(0.03)) {
    add("Won't Do", 'cancelled', waitToStart + rnd.exponential(10));
    return steps;
  }
  if (!add('In Progress', 'active', waitToStart)) return steps;

  // A few items stall in progress for weeks: the ageing WIP a coordinator should see.
  const work = rnd.logNormal(WORK_MEDIAN_DAYS[type], 0.8) + (rnd.chance(0.04) ? rnd.logNormal(25, 0.5) : 0);
  if (dependency?.blocks) {
    if (!add('Blocked', 'waiting', work * rnd.next() * 0.5)) return steps;
    if (!add('In Progress', 'active', rnd.logNormal(dependency.platform ? 8 : 4, 0.9))) return steps;
  }
  if (type !== 'epic' && type !== 'feature') {
    if (!add('In Review', 'active', work * 0.6)) return steps;
    if (!add('Ready for Test', 'waiting', rnd.logNormal(0.4, 1) + (rnd.chance(0.1) ? rnd.exponential(4) : 0))) return steps;
    if (!add('Testing', 'active', rnd.logNormal(0.6, 0.7))) return steps;
    if (!add('Done', 'done', rnd.logNormal(0.7, 0.7))) return steps;
  } else {
    if (!add('Done', 'done', work)) return steps;
  }
  if (rnd.chance(0.05)) {
    // Reopened: found broken after release; the item counts to its final Done.
    if (!add('In Progress', 'active', rnd.exponential(3))) return steps;
    if (!add('Testing', 'active', rnd.logNormal(1, 0.6))) return steps;
    add('Done', 'done', rnd.logNormal(0.5, 0.6));
  }
  return steps;
}

function demoDeployments(rnd: SeededRandom, drafts: DraftItem[], start: number, end: number): Deployment[] {
  const doneByTeam = new Map<string, { key: string; at: number }[]>();
  for (const d of drafts) {
    if (d.item.statusCategory !== 'done' || d.item.doneAt === null) continue;
    const list = doneByTeam.get(d.team.key) ?? [];
    list.push({ key: d.item.key, at: Date.parse(d.item.doneAt) });
    doneByTeam.set(d.team.key, list);
  }
  for (const list of doneByTeam.values()) list.sort((a, b) => a.at - b.at);

  const deployments: Deployment[] = [];
  const schedule = (team: TeamSpec): { at: number; release: string | null }[] => {
    const times: { at: number; release: string | null }[] = [];
    if (team.profile === 'tight') {
      // The joint release train: every Wednesday 14:00 UTC all four teams ship together, plus rare hotfixes.
      let week = 0;
      for (let t = start + ((3 - new Date(start).getUTCDay() + 7) % 7) * MS_PER_DAY + 14 * MS_PER_HOUR; t < end; t += 7 * MS_PER_DAY) {
        week++;
        times.push({ at: t + rnd.int(0, 50) * 60_000, release: `Journeys R${week}` });
        if (rnd.chance(0.15)) times.push({ at: t + rnd.int(1, 5) * MS_PER_DAY, release: null });
      }
    } else {
      for (let t = start + rnd.exponential(team.deployEveryDays) * MS_PER_DAY; t < end; t += rnd.exponential(team.deployEveryDays) * MS_PER_DAY) {
        times.push({ at: toWorkingHours(t, rnd), release: null });
      }
    }
    return times.filter((x) => x.at < end).sort((a, b) => a.at - b.at);
  };

  for (const team of DEMO_TEAMS) {
    const done = doneByTeam.get(team.key) ?? [];
    let cursor = 0;
    let n = 0;
    for (const { at, release } of schedule(team)) {
      const shipped: string[] = [];
      while (cursor < done.length && done[cursor]!.at <= at) shipped.push(done[cursor++]!.key);
      const succeeded = !rnd.chance(0.06);
      if (!succeeded) cursor -= Math.min(shipped.length, cursor); // a failed deployment ships nothing; the next one takes the items
      n++;
      deployments.push({
        key: `${team.project}-DEPLOY-${n}`,
        teamKey: team.key,
        service: `${team.key}-service`,
        at: iso(at),
        succeeded,
        changeAt: team.recordsCommits ? iso(at - rnd.logNormal(team.profile === 'tight' ? 60 : 18, 0.9) * MS_PER_HOUR) : null,
        release,
        itemKeys: succeeded ? shipped : [],
      });
    }
  }
  return deployments.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}

function demoIncidents(rnd: SeededRandom, deployments: Deployment[], start: number, end: number): Incident[] {
  const incidents: Incident[] = [];
  let n = 0;
  for (const d of deployments) {
    if (!d.succeeded || !rnd.chance(d.release ? 0.12 : 0.06)) continue;
    const opened = Date.parse(d.at) + rnd.exponential(10) * MS_PER_HOUR;
    if (opened >= end) continue;
    const resolved = opened + rnd.logNormal(3, 1.3) * MS_PER_HOUR;
    incidents.push({
      key: `INC-${++n}`,
      teamKey: d.teamKey,
      service: d.service,
      openedAt: iso(opened),
      resolvedAt: resolved < end ? iso(resolved) : null,
      // Only some incident tools record the causing change; the rest are attributed by rule in the metrics.
      causedByDeploymentKey: rnd.chance(0.6) ? d.key : null,
    });
  }
  // A few incidents with no deployment behind them (infrastructure, third parties), one before any deployment.
  for (const team of ['search', 'notifications', 'identity']) {
    const opened = start + rnd.next() * 6 * MS_PER_HOUR;
    incidents.push({ key: `INC-${++n}`, teamKey: team, service: `${team}-service`, openedAt: iso(opened), resolvedAt: iso(opened + 2 * MS_PER_HOUR), causedByDeploymentKey: null });
  }
  return incidents.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.key.localeCompare(b.key));
}

function demoObjectives(): Objective[] {
  const o = (key: string, title: string, level: Objective['level'], parentKey: string | null, teamKeys: string[]): Objective => ({
    key,
    title,
    level,
    parentKey,
    teamKeys,
  });
  const tight = ['checkout', 'basket', 'pricing', 'promotions'];
  return [
    o('P1', 'Grow online revenue by 15 %', 'portfolio', null, []),
    o('P2', 'Halve the time it takes a merchant to go live', 'portfolio', null, []),
    o('P3', 'Run a reliable, secure platform', 'portfolio', null, []),
    o('CJ-1', 'Reduce checkout drop-off by 30 %', 'program', 'P1', tight),
    o('CJ-2', 'Launch dynamic pricing and promotions together', 'program', 'P1', tight),
    o('CJ-3', 'Faster, more relevant search', 'program', 'P1', ['search']),
    o('MS-1', 'Self-serve merchant onboarding', 'program', 'P2', ['onboarding', 'merchant-portal']),
    o('MS-2', 'Daily settlement reports for every merchant', 'program', 'P2', ['reporting', 'settlements']),
    o('PE-1', '99.95 % availability for customer-facing services', 'program', 'P3', ['platform', 'identity', 'notifications']),
    o('T-checkout', 'One-page checkout', 'team', 'CJ-1', ['checkout']),
    o('T-basket', 'Persistent basket across devices', 'team', 'CJ-1', ['basket']),
    o('T-pricing', 'Real-time price engine', 'team', 'CJ-2', ['pricing']),
    o('T-promotions', 'Stackable promotions', 'team', 'CJ-2', ['promotions']),
    o('T-search', 'Typo-tolerant search', 'team', 'CJ-3', ['search']),
    o('T-onboarding', 'Document checks in minutes, not days', 'team', 'MS-1', ['onboarding']),
    o('T-merchant-portal', 'Merchant self-service settings', 'team', 'MS-1', ['merchant-portal']),
    o('T-reporting', 'Report builder', 'team', 'MS-2', ['reporting']),
    o('T-settlements', 'Same-day settlement', 'team', 'MS-2', ['settlements']),
    o('T-identity', 'Single sign-on for merchants', 'team', 'PE-1', ['identity']),
    o('T-notifications', 'Delivery receipts for every message', 'team', 'PE-1', ['notifications']),
    o('T-platform', 'Self-service environments', 'team', 'PE-1', ['platform']),
  ];
}

const VERBS = ['Add', 'Improve', 'Fix', 'Refactor', 'Support', 'Remove', 'Migrate', 'Validate', 'Speed up', 'Log'];
const NOUNS = ['address form', 'coupon rules', 'price cache', 'payment retry', 'search ranking', 'KYC upload', 'invoice export', 'settlement batch', 'login flow', 'email template', 'build pipeline', 'feature flags', 'audit trail', 'tax rounding', 'session timeout'];

function demoTitle(rnd: SeededRandom, type: ItemType, team: TeamSpec): string {
  const noun = rnd.pick(NOUNS);
  switch (type) {
    case 'epic':
      return `${team.name}: ${noun} overhaul`;
    case 'defect':
      return `${noun} fails when ${rnd.pick(['the basket is empty', 'the user is offline', 'two tabs are open', 'the merchant is new', 'a timezone changes'])}`;
    case 'risk':
      return `Risk: ${noun} may not scale for peak season`;
    case 'debt':
      return `Pay down debt in ${noun}`;
    default:
      return `${rnd.pick(VERBS)} ${noun}`;
  }
}
