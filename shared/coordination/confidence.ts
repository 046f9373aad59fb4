import { formatValue, plural } from './format';
import type { CueSources, CueValues } from './group-evidence';
import { decideModel } from './recommendation';
import { CUE_IDS, MODEL_LABELS, type CoordinationModel, type CueId, type GroupEvidenceSummary, type GroupRole, type Robustness } from './report-schema';
import type { ModelThresholds } from './settings';

// Honest confidence: advice is "robust" only when it stands on enough data and on measured cues.
// Moving thresholds (robustnessOf) says how close the measured values sit to them; it cannot say
// what a cue nobody measured would do, nor whether three dependencies mean anything.

/** The value of an unmeasured cue that would meet its condition: not measured is "not met", so measuring it can only raise the model. */
const MEETING_VALUE: Record<Exclude<CueId, 'dependencyShare'>, number> = {
  blockedDaysPerItem: Number.MAX_VALUE,
  sharedObjectives: 1,
  jointIntegration: 1,
  // Few interfaces mean complex integration.
  interfaceClarity: 0,
};

/** What to import to measure each cue. */
export const TO_MEASURE: Record<Exclude<CueId, 'dependencyShare'>, string> = {
  blockedDaysPerItem: 'status history for days waited (Jira: the REST export with expand=changelog; Azure DevOps: the revisions export)',
  sharedObjectives: 'objectives, or items with their parents (Jira Parent / Epic Link, Azure DevOps Parent), for shared outcomes',
  jointIntegration: 'releases (Jira Fix Version/s, an Azure DevOps release column) or deployments with their release or items, for joint integration',
  interfaceClarity: 'the interface each dependency goes through (the Interlock dependencies template), for interface clarity',
};

const CUE_NAMES: Record<CueId, string> = {
  dependencyShare: 'cross-team dependency share',
  blockedDaysPerItem: 'days waited on each other',
  sharedObjectives: 'shared outcomes',
  jointIntegration: 'joint integration',
  interfaceClarity: 'interface clarity',
};

const SOURCE_NAMES: Record<string, string> = {
  parents: 'shared outcomes from parents (epics)',
  releases: 'joint integration from releases (fix versions)',
};

/**
 * The unmeasured cues that, measured, could change the model: each is tried at the value that meets
 * its condition, alone and together with the others (Team-of-Teams may need two at once).
 */
export function unmeasuredThatMatter(model: CoordinationModel, cues: CueValues, thresholds: ModelThresholds, size: number): CueId[] {
  const unmeasured = CUE_IDS.filter((id): id is Exclude<CueId, 'dependencyShare'> => id !== 'dependencyShare' && cues[id] === null);
  if (unmeasured.length === 0 || size < 2) return [];
  const meeting = (ids: readonly Exclude<CueId, 'dependencyShare'>[]): CueValues => ({ ...cues, ...Object.fromEntries(ids.map((id) => [id, MEETING_VALUE[id]])) });
  const allMet = decideModel(meeting(unmeasured), thresholds, size);
  const named = unmeasured.filter(
    (id) =>
      decideModel(meeting([id]), thresholds, size) !== model ||
      (allMet !== model &&
        decideModel(
          meeting(unmeasured.filter((x) => x !== id)),
          thresholds,
          size,
        ) === model),
  );
  // Cues that can stand in for each other (frequent or complex integration) are each left out
  // above; when those named could not change the model alone, the first that completes them is
  // named too, so that importing what is asked for is enough.
  if (allMet === model || decideModel(meeting(named), thresholds, size) !== model) return named;
  const completing = unmeasured.find((id) => !named.includes(id) && decideModel(meeting([...named, id]), thresholds, size) !== model);
  const withIt = completing === undefined ? unmeasured : [...named, completing];
  return unmeasured.filter((id) => withIt.includes(id));
}

export interface EvidenceFacts {
  readonly model: CoordinationModel;
  readonly role: GroupRole;
  readonly size: number;
  readonly cues: CueValues;
  readonly sources: CueSources;
  /** Dependencies between members; for a team on its own or a shared provider, the workspace's. */
  readonly dependencies: number;
  readonly items: number;
  readonly days: number;
}

/** The evidence a group's advice stands on, and its confidence: robust, sensitive or provisional. */
export function judgeEvidence(
  facts: EvidenceFacts,
  robustness: Robustness,
  thresholds: ModelThresholds,
  minimumDependencies: number,
): { evidence: GroupEvidenceSummary; robustness: Robustness } {
  const measured = CUE_IDS.filter((id) => facts.cues[id] !== null);
  const matter = facts.role === 'group' ? unmeasuredThatMatter(facts.model, facts.cues, thresholds, facts.size) : [];
  const enough = facts.dependencies >= minimumDependencies;
  // Dependencies measured against no completed work: the share the models rest on is unknown.
  const nothingCompleted = facts.role === 'group' && facts.cues.dependencyShare === null;
  const scope = facts.role === 'group' ? 'between members' : 'in the workspace';
  const toFirmUp: string[] = [];
  if (!enough || nothingCompleted) {
    toFirmUp.push(nothingCompleted ? 'a longer window, one in which the teams completed items' : 'a longer export, or more of the teams’ dependency links');
  }
  // Time blocked unmeasured for want of completed work, not of history: the longer window above covers it.
  for (const id of matter) if (!(nothingCompleted && id === 'blockedDaysPerItem')) toFirmUp.push(TO_MEASURE[id as Exclude<CueId, 'dependencyShare'>]);

  const named = (['sharedObjectives', 'jointIntegration'] as const).map((id) => facts.sources[id]).filter((s) => s === 'parents' || s === 'releases');
  const summary =
    (facts.role === 'group' ? `${measured.length} of ${CUE_IDS.length} cues measured` : 'Standing alone') +
    (named.length > 0 ? ` (${named.map((s) => SOURCE_NAMES[s!]).join(', ')})` : '') +
    ` over ${plural(facts.dependencies, 'dependency', 'dependencies')} ${scope}, ${plural(facts.items, 'item')} completed and ${formatValue(facts.days, 'days', 0)}.`;
  const evidence: GroupEvidenceSummary = {
    measuredCues: measured.length,
    cues: CUE_IDS.length,
    dependencies: facts.dependencies,
    items: facts.items,
    days: facts.days,
    minimumDependencies,
    unmeasuredThatMatter: matter,
    toFirmUp,
    summary,
  };
  if (enough && !nothingCompleted && matter.length === 0) {
    if (!robustness.stable) return { evidence, robustness };
    return {
      evidence,
      robustness: { ...robustness, summary: `${robustness.summary.replace(/\.$/, '')}, over ${plural(facts.dependencies, 'dependency', 'dependencies')} ${scope}; no unmeasured cue could change it.` },
    };
  }
  const why: string[] = [];
  if (nothingCompleted) why.push(`no item completed by its members in ${facts.days} days, so their dependency share cannot be measured`);
  else if (!enough) why.push(`only ${plural(facts.dependencies, 'dependency', 'dependencies')} ${scope} in ${facts.days} days (robust advice needs at least ${minimumDependencies})`);
  if (matter.length > 0) why.push(`${matter.map((id) => CUE_NAMES[id]).join(' and ')} ${matter.length === 1 ? 'is' : 'are'} not measured and could change it`);
  const summaryText =
    `Provisional: ${MODEL_LABELS[facts.model]} on ${why.join('; ')}. To firm it up, import ${toFirmUp.join('; and ')}.` +
    (robustness.stable ? '' : ` ${robustness.summary}`);
  return { evidence, robustness: { ...robustness, level: 'provisional', summary: summaryText } };
}
