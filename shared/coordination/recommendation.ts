import { MS_PER_DAY } from '../domain/time';
import { formatApart, formatValue, listNames, plural, type CueUnit } from './format';
import type { CueSources, CueValues, GroupEvidence, GroupParents } from './group-evidence';
import { MODEL_LABELS, type CoordinationModel, type Cue, type CueThreshold, type Practices, type Robustness } from './report-schema';
import { scaleThresholds, THRESHOLD_KEYS, type ModelThresholds } from './settings';

// The selection rule, after the seeds: Team-of-Teams when interdependence is high AND outcomes are
// jointly owned AND integration is frequent or complex; otherwise Scrum of Scrums when coupling is
// at least moderate; otherwise no standing forum. Always the lightest model whose cues are met.

interface Conditions {
  interdependent: boolean;
  jointOutcomes: boolean;
  frequentIntegration: boolean;
  complexIntegration: boolean;
  moderateShare: boolean;
  moderateBlocked: boolean;
}

function conditions(cues: CueValues, t: ModelThresholds): Conditions {
  return {
    interdependent: cues.dependencyShare !== null && cues.dependencyShare >= t.totDependencyShare,
    jointOutcomes: cues.sharedObjectives !== null && cues.sharedObjectives >= t.totSharedObjectives,
    frequentIntegration: cues.jointIntegration !== null && cues.jointIntegration >= t.totJointIntegration,
    complexIntegration: cues.interfaceClarity !== null && cues.interfaceClarity < t.totInterfaceClarityBelow,
    moderateShare: cues.dependencyShare !== null && cues.dependencyShare >= t.sosDependencyShare,
    moderateBlocked: cues.blockedDaysPerItem !== null && cues.blockedDaysPerItem >= t.sosBlockedDaysPerItem,
  };
}

export function decideModel(cues: CueValues, thresholds: ModelThresholds, size: number): CoordinationModel {
  if (size < 2) return 'none';
  const c = conditions(cues, thresholds);
  if (c.interdependent && c.jointOutcomes && (c.frequentIntegration || c.complexIntegration)) return 'team-of-teams';
  if (c.moderateShare || c.moderateBlocked) return 'scrum-of-scrums';
  return 'none';
}

interface CueSpec {
  id: Cue['id'];
  label: string;
  unit: CueUnit;
  value: (cues: CueValues) => number | null;
  thresholds: { key: keyof ModelThresholds; model: CueThreshold['model']; comparison: CueThreshold['comparison'] }[];
}

const CUE_SPECS: readonly CueSpec[] = [
  {
    id: 'dependencyShare',
    label: 'Cross-team dependency share',
    unit: 'percent',
    value: (c) => c.dependencyShare,
    thresholds: [
      { key: 'sosDependencyShare', model: 'scrum-of-scrums', comparison: 'at-least' },
      { key: 'totDependencyShare', model: 'team-of-teams', comparison: 'at-least' },
    ],
  },
  {
    id: 'blockedDaysPerItem',
    label: 'Days waited on each other per item completed',
    unit: 'days',
    value: (c) => c.blockedDaysPerItem,
    thresholds: [{ key: 'sosBlockedDaysPerItem', model: 'scrum-of-scrums', comparison: 'at-least' }],
  },
  {
    id: 'sharedObjectives',
    label: 'Shared objectives (mean overlap of member pairs)',
    unit: 'percent',
    value: (c) => c.sharedObjectives,
    thresholds: [{ key: 'totSharedObjectives', model: 'team-of-teams', comparison: 'at-least' }],
  },
  {
    id: 'jointIntegration',
    label: 'Joint integration (a member’s releases that also ship another member’s work)',
    unit: 'percent',
    value: (c) => c.jointIntegration,
    thresholds: [{ key: 'totJointIntegration', model: 'team-of-teams', comparison: 'at-least' }],
  },
  {
    id: 'interfaceClarity',
    label: 'Interface clarity (dependencies through a declared interface)',
    unit: 'percent',
    value: (c) => c.interfaceClarity,
    thresholds: [{ key: 'totInterfaceClarityBelow', model: 'team-of-teams', comparison: 'below' }],
  },
];

const SPEC_BY_ID = new Map(CUE_SPECS.map((s) => [s.id, s]));

function compare(value: number | null, threshold: number, comparison: CueThreshold['comparison']): boolean | null {
  if (value === null) return null;
  return comparison === 'at-least' ? value >= threshold : value < threshold;
}

/** "cross-team dependency share 23.4 % ≥ 12 %" */
function quote(id: Cue['id'], cues: CueValues, thresholds: ModelThresholds, key: keyof ModelThresholds): string {
  const spec = SPEC_BY_ID.get(id)!;
  const value = spec.value(cues);
  const threshold = thresholds[key];
  const comparison = spec.thresholds.find((t) => t.key === key)!.comparison;
  const name = spec.label.replace(/ \(.*\)$/, '').toLowerCase();
  if (value === null) return `${name} not measured`;
  const met = compare(value, threshold, comparison);
  const sign = comparison === 'at-least' ? (met ? '≥' : '<') : met ? '<' : '≥';
  // The value as the cue table and "what would change it" show it, so one figure reads one way in a group's advice.
  return `${name} ${cueValueText(spec, value, thresholds)} ${sign} ${thresholdText(key, thresholds)}`;
}

function thresholdText(key: keyof ModelThresholds, thresholds: ModelThresholds): string {
  const spec = CUE_SPECS.find((s) => s.thresholds.some((t) => t.key === key))!;
  return formatValue(thresholds[key], spec.unit, spec.unit === 'percent' ? 2 : 3);
}

function nowText(id: Cue['id'], cues: CueValues, thresholds: ModelThresholds): string {
  const spec = SPEC_BY_ID.get(id)!;
  const value = spec.value(cues);
  return value === null ? 'not measured' : `now ${cueValueText(spec, value, thresholds)}`;
}

/** A cue's value with one decimal (days: two), more where it would read as one of its thresholds. */
function cueValueText(spec: (typeof CUE_SPECS)[number], value: number, thresholds: ModelThresholds): string {
  return formatApart(value, spec.unit, spec.thresholds.map((t) => thresholds[t.key]), spec.unit === 'percent' ? 1 : 2);
}

export interface CueContext {
  dependencies: number;
  completed: number;
  blockedDays: number;
  interfaced: number;
  integrations: number;
  jointIntegrations: number;
  /** Where each cue comes from; without it, objectives and deployments are assumed. */
  sources?: CueSources;
  parents?: GroupParents;
}

/** Where the shared-outcome and joint-integration numbers come from, in the group's own counts. */
function sourceNote(id: 'sharedObjectives' | 'jointIntegration', context: CueContext | undefined): string {
  const source = context?.sources?.[id];
  if (!context || !source) return '';
  // The count is the group's; the figure after it is an average over members (or pairs), so "13 of
  // 24" beside 82.8 % says which is which rather than reading as a sum gone wrong.
  switch (source) {
    case 'parents':
      return ` (from shared epics: ${context.parents?.shared ?? 0} of ${plural(context.parents?.total ?? 0, 'parent')} of their items hold work of two or more members; the figure is each pair of members’ overlap, averaged)`;
    case 'releases':
      return ` (from releases: ${context.jointIntegrations} of ${plural(context.integrations, 'release')} ship work of two or more members; the figure is each member’s share, averaged)`;
    case 'deployments':
      return ` (from deployments: ${context.jointIntegrations} of ${plural(context.integrations, 'integration')} hold work of two or more members; the figure is each member’s share, averaged)`;
    default:
      return ' (from objectives)';
  }
}

function cueDetail(id: Cue['id'], context: CueContext, cues: CueValues): string {
  switch (id) {
    case 'dependencyShare':
      return cues.dependencyShare === null
        ? `No item completed in the window: ${plural(context.dependencies, 'dependency', 'dependencies')} between members, but no share of work to measure them against`
        : `${plural(context.dependencies, 'dependency', 'dependencies')} between members ÷ ${plural(context.completed, 'item')} they completed`;
    case 'blockedDaysPerItem':
      return cues.blockedDaysPerItem === null
        ? context.completed === 0
          ? `No item completed in the window: ${formatValue(context.blockedDays, 'days', 1)} waited on other members, but no work to measure them against`
          : 'No status history: time blocked cannot be measured'
        : `${formatValue(context.blockedDays, 'days', 1)} waited on other members ÷ ${plural(context.completed, 'item')} completed`;
    case 'sharedObjectives':
      if (cues.sharedObjectives === null) return 'No objectives recorded, and no items with a parent (epic)';
      return context.sources?.sharedObjectives === 'parents'
        ? `Jaccard overlap of the parents (epics) each pair of members’ items sit under, averaged (${context.parents?.shared ?? 0} of ${plural(context.parents?.total ?? 0, 'parent')} hold two or more members’ work)`
        : 'Jaccard overlap of the objectives each pair of members contributes to, averaged';
    case 'jointIntegration':
      if (cues.jointIntegration === null) return 'No releases (fix versions) or deployment contents recorded';
      return context.sources?.jointIntegration === 'releases'
        ? `Share of each member’s releases (fix versions) that also shipped another member’s work, averaged (${context.jointIntegrations} of the group’s ${plural(context.integrations, 'release')} were joint)`
        : `Share of each member’s integrations that also held another member’s work, averaged (${context.jointIntegrations} of the group’s ${plural(context.integrations, 'integration')} were joint)`;
    case 'interfaceClarity':
      return cues.interfaceClarity === null
        ? context.dependencies === 0
          ? 'No dependencies between members'
          : 'No interfaces recorded on dependencies'
        : `${context.interfaced} of ${plural(context.dependencies, 'dependency', 'dependencies')} name a declared interface or contract`;
  }
}

const DEFAULT_SOURCES: CueSources = {
  dependencyShare: 'dependencies',
  blockedDaysPerItem: 'history',
  sharedObjectives: 'objectives',
  jointIntegration: 'deployments',
  interfaceClarity: 'interfaces',
};

export function describeCues(cues: CueValues, thresholds: ModelThresholds, context: CueContext): Cue[] {
  return CUE_SPECS.map((spec) => {
    const value = spec.value(cues);
    return {
      id: spec.id,
      source: value === null ? null : (context.sources?.[spec.id] ?? DEFAULT_SOURCES[spec.id]),
      label: spec.label,
      value,
      display: value === null ? 'not measured' : cueValueText(spec, value, thresholds),
      detail: cueDetail(spec.id, context, cues),
      thresholds: spec.thresholds.map((t) => ({
        model: t.model,
        setting: t.key,
        comparison: t.comparison,
        value: thresholds[t.key],
        display: `${t.comparison === 'at-least' ? '≥' : '<'} ${thresholdText(t.key, thresholds)}`,
        met: compare(value, thresholds[t.key], t.comparison),
      })),
    };
  });
}

export function reasonsFor(model: CoordinationModel, cues: CueValues, t: ModelThresholds, context?: CueContext): string[] {
  const c = conditions(cues, t);
  const reasons: string[] = [];
  if (model === 'team-of-teams') {
    reasons.push(`High interdependence: ${quote('dependencyShare', cues, t, 'totDependencyShare')}.`);
    reasons.push(`Jointly owned outcomes${sourceNote('sharedObjectives', context)}: ${quote('sharedObjectives', cues, t, 'totSharedObjectives')}.`);
    if (c.frequentIntegration) reasons.push(`Frequent joint integration${sourceNote('jointIntegration', context)}: ${quote('jointIntegration', cues, t, 'totJointIntegration')}.`);
    if (c.complexIntegration) reasons.push(`Complex integration: ${quote('interfaceClarity', cues, t, 'totInterfaceClarityBelow')}.`);
    return reasons;
  }
  if (model === 'scrum-of-scrums') {
    if (c.moderateShare) reasons.push(`Coupling is at least moderate: ${quote('dependencyShare', cues, t, 'sosDependencyShare')}.`);
    if (c.moderateBlocked) reasons.push(`Members wait on each other: ${quote('blockedDaysPerItem', cues, t, 'sosBlockedDaysPerItem')}.`);
    // Why not heavier: name every Team-of-Teams condition that is missing.
    if (c.interdependent) reasons.push(`Interdependence is high (${quote('dependencyShare', cues, t, 'totDependencyShare')}), but Team-of-Teams also needs jointly owned outcomes and frequent or complex integration.`);
    if (!c.interdependent) reasons.push(`Not high enough for Team-of-Teams: ${quote('dependencyShare', cues, t, 'totDependencyShare')}.`);
    if (!c.jointOutcomes) {
      reasons.push(
        cues.sharedObjectives === null
          ? 'No objectives recorded and no items with a parent (epic), so no evidence of jointly owned outcomes (import objectives, or items with their parents, to let Team-of-Teams be considered).'
          : `Outcomes are not jointly owned${sourceNote('sharedObjectives', context)}: ${quote('sharedObjectives', cues, t, 'totSharedObjectives')}.`,
      );
    }
    if (!c.frequentIntegration && !c.complexIntegration) {
      if (cues.jointIntegration === null && cues.interfaceClarity === null) {
        // Nothing measured is no evidence either way: said as such, not as a finding about integration.
        reasons.push('No releases, deployments with their work, or interfaces recorded, so no evidence of frequent or complex integration (import them to let Team-of-Teams be considered).');
      } else {
        const parts = [quote('jointIntegration', cues, t, 'totJointIntegration')];
        if (cues.interfaceClarity !== null) parts.push(quote('interfaceClarity', cues, t, 'totInterfaceClarityBelow'));
        reasons.push(`Integration is neither frequent nor complex${cues.jointIntegration === null ? '' : sourceNote('jointIntegration', context)}: ${parts.join('; ')}.`);
      }
    }
    return reasons;
  }
  const parts = [quote('dependencyShare', cues, t, 'sosDependencyShare')];
  if (cues.blockedDaysPerItem !== null) parts.push(quote('blockedDaysPerItem', cues, t, 'sosBlockedDaysPerItem'));
  reasons.push(`Teams barely depend on each other: ${parts.join('; ')}.`);
  return reasons;
}

export function whatWouldChange(model: CoordinationModel, cues: CueValues, t: ModelThresholds): string[] {
  const c = conditions(cues, t);
  const lines: string[] = [];
  // The model the rule would give with some cues moved just across their thresholds.
  const just = (value: number, below: boolean) => (below ? value - 1e-9 : value);
  const modelIf = (changed: Partial<CueValues>) => MODEL_LABELS[decideModel({ ...cues, ...changed }, t, 2)];
  const suffice = (label: string) => (label === MODEL_LABELS.none ? 'no standing forum would be needed' : `${label} would suffice`);
  if (model === 'team-of-teams') {
    const withoutShare = modelIf({ dependencyShare: just(t.totDependencyShare, true) });
    lines.push(`Below ${thresholdText('totDependencyShare', t)} cross-team dependency share (${nowText('dependencyShare', cues, t)}), ${suffice(withoutShare)}.`);
    const withoutObjectives = modelIf({ sharedObjectives: just(t.totSharedObjectives, true) });
    lines.push(`With shared objectives below ${thresholdText('totSharedObjectives', t)} (${nowText('sharedObjectives', cues, t)}), ${suffice(withoutObjectives)}.`);
    const integration: string[] = [];
    if (c.frequentIntegration) integration.push(`joint integration fell below ${thresholdText('totJointIntegration', t)} (${nowText('jointIntegration', cues, t)})`);
    if (c.complexIntegration)
      integration.push(`at least ${thresholdText('totInterfaceClarityBelow', t)} of dependencies went through declared interfaces (${nowText('interfaceClarity', cues, t)})`);
    const withoutIntegration = modelIf({ jointIntegration: 0, interfaceClarity: cues.interfaceClarity === null ? null : 1 });
    lines.push(`If ${integration.join(' and ')}, ${suffice(withoutIntegration)}.`);
    return lines;
  }
  if (model === 'scrum-of-scrums') {
    const missing: string[] = [];
    if (!c.interdependent) missing.push(`cross-team dependency share reached ${thresholdText('totDependencyShare', t)} (${nowText('dependencyShare', cues, t)})`);
    if (!c.jointOutcomes) missing.push(`shared objectives reached ${thresholdText('totSharedObjectives', t)} (${nowText('sharedObjectives', cues, t)})`);
    if (!c.frequentIntegration && !c.complexIntegration) {
      missing.push(
        `integration became frequent (joint integration ${thresholdText('totJointIntegration', t)}, ${nowText('jointIntegration', cues, t)}) or complex (interface clarity below ${thresholdText('totInterfaceClarityBelow', t)}, ${nowText('interfaceClarity', cues, t)})`,
      );
    }
    lines.push(`Team-of-Teams would be needed if ${missing.join('; and ')}.`);
    const below = [`below ${thresholdText('sosDependencyShare', t)} cross-team dependency share (${nowText('dependencyShare', cues, t)})`];
    if (cues.blockedDaysPerItem !== null) below.push(`below ${thresholdText('sosBlockedDaysPerItem', t)} waited per item (${nowText('blockedDaysPerItem', cues, t)})`);
    lines.push(`${capitalise(below.join(' and '))}, no standing forum would be needed.`);
    return lines;
  }
  const up = [`${thresholdText('sosDependencyShare', t)} cross-team dependency share (${nowText('dependencyShare', cues, t)})`];
  if (cues.blockedDaysPerItem !== null) up.push(`${thresholdText('sosBlockedDaysPerItem', t)} waited per item (${nowText('blockedDaysPerItem', cues, t)})`);
  lines.push(`From ${up.join(' or ')}, a Scrum of Scrums would be needed.`);
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const THRESHOLD_NAMES: Record<keyof ModelThresholds, string> = {
  sosDependencyShare: 'Scrum of Scrums dependency-share threshold',
  sosBlockedDaysPerItem: 'Scrum of Scrums waiting threshold',
  totDependencyShare: 'Team-of-Teams dependency-share threshold',
  totSharedObjectives: 'Team-of-Teams shared-objectives threshold',
  totJointIntegration: 'Team-of-Teams joint-integration threshold',
  totInterfaceClarityBelow: 'Team-of-Teams interface-clarity threshold',
};

/** Moves each threshold by −20 % and +20 %, alone and all together, and lists the moves that change the model. */
export function robustnessOf(model: CoordinationModel, cues: CueValues, thresholds: ModelThresholds, size: number): Robustness {
  const variations: Robustness['variations'] = [];
  for (const factor of [0.8, 1.2]) {
    const sign = factor < 1 ? '−20 %' : '+20 %';
    const all = decideModel(cues, scaleThresholds(thresholds, factor), size);
    if (all !== model) variations.push({ change: `all thresholds ${sign}`, model: all });
    for (const key of THRESHOLD_KEYS) {
      const scaled = scaleThresholds(thresholds, factor, key);
      const moved = decideModel(cues, scaled, size);
      if (moved !== model) variations.push({ change: `${THRESHOLD_NAMES[key]} ${sign} (${thresholdText(key, scaled)})`, model: moved });
    }
  }
  const stable = variations.length === 0;
  const level = stable ? 'robust' : 'sensitive';
  const summary = stable
    ? `Robust: ${MODEL_LABELS[model]} holds with any threshold moved 20 % either way, alone or all together.`
    : `Sensitive: ${variations
        .slice(0, 2)
        .map((v) => `with ${v.change.startsWith('all') ? '' : 'the '}${v.change}, ${MODEL_LABELS[v.model]}`)
        .join('; ')}${variations.length > 2 ? ` (and ${variations.length - 2} more variations)` : ''}.`;
  return { stable, level, summary, variations };
}

export interface PracticeContext {
  memberNames: readonly string[];
  windowDays: number;
  /** The objective most members share, with how many of them share it. */
  mission: { title: string; members: number } | null;
}

function reviewCadence(jointTimes: readonly number[]): string {
  if (jointTimes.length < 2) return 'Every two weeks (no joint release rhythm found to align with)';
  const gaps = jointTimes.slice(1).map((t, i) => (t - jointTimes[i]!) / MS_PER_DAY).sort((a, b) => a - b);
  const median = gaps[Math.floor((gaps.length - 1) / 2)]!;
  if (median <= 8) return 'Weekly, aligned with the joint release (integrations run about weekly)';
  if (median <= 16) return 'Every two weeks, aligned with the joint release';
  return 'Monthly, aligned with the joint release';
}

export function practicesFor(model: CoordinationModel, evidence: GroupEvidence, context: PracticeContext): Practices {
  if (model === 'none') {
    return {
      summary:
        evidence.size < 2
          ? 'No standing forum: keep dependencies on other teams visible on the dependency board and settle them directly.'
          : 'No standing forum: asynchronous updates when something affects another team, and a visible dependency board.',
      attendees: [],
      cadence: null,
      agenda: [],
      artefacts: ['Asynchronous updates (a short written note when a change affects another team)', 'A visible dependency board (Teams & dependencies)'],
    };
  }
  if (model === 'scrum-of-scrums') {
    const fortnights = Math.max(1, context.windowDays / 14);
    const perTeamPerFortnight = evidence.measures.dependencies / evidence.size / fortnights;
    return {
      summary: `Scrum of Scrums: one representative of each of ${listNames(context.memberNames)} meets on a short, fixed cadence to coordinate dependencies, not to report status.`,
      attendees: context.memberNames.map((n) => `${n} (one representative)`),
      cadence:
        perTeamPerFortnight >= 1
          ? `Weekly (each team meets about ${perTeamPerFortnight.toFixed(1)} cross-team dependencies a fortnight)`
          : `Every two weeks (each team meets about ${perTeamPerFortnight.toFixed(1)} cross-team dependencies a fortnight)`,
      agenda: ['Done since last time that affects other teams', 'Next: planned work that affects other teams', 'Blockers that affect others'],
      artefacts: ['A cross-team action backlog with an owner per action', 'The dependency board of the group'],
    };
  }
  return {
    summary: `Team-of-Teams: ${listNames(context.memberNames)} align on one mission-level outcome, review integrated progress together and manage risks on one board.`,
    attendees: context.memberNames.map((n) => `${n} (whole team at reviews; leads at planning)`),
    cadence: reviewCadence(evidence.jointIntegrationTimes),
    agenda: [
      context.mission
        ? `Mission-level outcome: “${context.mission.title}” (shared by ${context.mission.members} of ${evidence.size} teams)`
        : 'Agree one mission-level outcome the teams own together',
      'Synchronised reviews of the integrated increment',
      'Shared risks: mitigations and escalations across teams',
    ],
    artefacts: ['A shared risk board', 'Shared outcome metrics (lead time to integrated value, cross-team defects)', 'A cross-team Definition of Done'],
  };
}

