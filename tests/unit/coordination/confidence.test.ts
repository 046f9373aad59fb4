import { describe, expect, it } from 'vitest';
import { adviseCoordination } from '../../../shared/coordination/advise';
import { unmeasuredThatMatter } from '../../../shared/coordination/confidence';
import { decideModel } from '../../../shared/coordination/recommendation';
import type { CoordinationData } from '../../../shared/coordination/coordination-data';
import type { CueValues } from '../../../shared/coordination/group-evidence';
import type { CoordinationReport, GroupRecommendation } from '../../../shared/coordination/report-schema';
import { DEFAULT_COORDINATION_SETTINGS, type CoordinationSettings } from '../../../shared/coordination/settings';
import { PortfolioBuilder, settingsWith, WINDOW } from './portfolio-builder';

const t = DEFAULT_COORDINATION_SETTINGS.thresholds;

function advise(data: CoordinationData, settings: CoordinationSettings = DEFAULT_COORDINATION_SETTINGS): CoordinationReport {
  return adviseCoordination(data, { window: WINDOW, settings }).report;
}

const groupOf = (report: CoordinationReport, team: string): GroupRecommendation => report.groups.find((g) => g.teamKeys.includes(team))!;

/** Three teams of 5 completed items each with 3 dependencies, a shared objective and joint releases: every cue measured, far above every threshold. */
function tinyTrio(): PortfolioBuilder {
  const b = new PortfolioBuilder();
  for (const k of ['a', 'b', 'c']) b.team(k, { completed: 5 });
  b.depends('a', 'b', { blockedDays: 10 }).depends('b', 'c', { blockedDays: 10 }).depends('c', 'a', { blockedDays: 10 });
  b.objective('o', ['a', 'b', 'c']);
  b.weeklyReleases(['a', 'b', 'c'], 10);
  return b;
}

describe('evidence and confidence', () => {
  it('3 dependencies never give "Robust", however far the cues sit from their thresholds', () => {
    const group = groupOf(advise(tinyTrio().build()), 'a');
    expect(group.model).toBe('team-of-teams');
    // 3 ÷ 15 items = 20 % ≥ 12 % × 1.2; every other cue measured and met: stable under ±20 %.
    expect(group.robustness.stable).toBe(true);
    expect(group.robustness.level).toBe('provisional');
    expect(group.evidence).toMatchObject({ measuredCues: 5, dependencies: 3, items: 15, days: 90, unmeasuredThatMatter: [] });
    expect(group.robustness.summary).toBe(
      'Provisional: Team-of-Teams on only 3 dependencies between members in 90 days (robust advice needs at least 20). To firm it up, import a longer export, or more of the teams’ dependency links.',
    );
  });

  it('the same group is robust once the documented minimum is met (here lowered to 3)', () => {
    const group = groupOf(advise(tinyTrio().build(), settingsWith((s) => void (s.evidence.minDependencies = 3))), 'a');
    expect(group.robustness.level).toBe('robust');
    expect(group.evidence.toFirmUp).toEqual([]);
  });

  it('an unmeasured cue that could change the model makes the advice provisional and says what to import', () => {
    const b = new PortfolioBuilder();
    for (const k of ['a', 'b']) b.team(k, { completed: 100 });
    b.depends('a', 'b', { count: 20 }).depends('b', 'a', { count: 4 });
    b.recorded = { ...b.recorded, objectives: false };
    // 24 ÷ 200 = 12 %: interdependent, integration complex (no interfaces); only shared outcomes are unknown.
    const group = groupOf(advise(b.build()), 'a');
    expect(group.model).toBe('scrum-of-scrums');
    expect(group.evidence.unmeasuredThatMatter).toEqual(['sharedObjectives']);
    expect(group.robustness.level).toBe('provisional');
    expect(group.evidence.toFirmUp).toEqual(['objectives, or items with their parents (Jira Parent / Epic Link, Azure DevOps Parent), for shared outcomes']);
  });

  it('shared parents stand in for objectives only for teams that have none', () => {
    const b = new PortfolioBuilder();
    for (const k of ['a', 'b', 'c', 'd']) b.team(k, { completed: 20 });
    b.depends('a', 'b', { count: 4 }).depends('c', 'd', { count: 4 });
    b.objective('o1', ['a']).objective('o2', ['b']);
    b.parent('E1', ['a', 'b']).parent('E2', ['c', 'd']).parent('E3', ['d']);
    b.recorded = { ...b.recorded, parents: true };
    const report = advise(b.build());
    const ab = groupOf(report, 'a').cues.find((c) => c.id === 'sharedObjectives')!;
    const cd = groupOf(report, 'c').cues.find((c) => c.id === 'sharedObjectives')!;
    // a and b have objectives (none shared): 0, from objectives. c and d have none: E2 of {E2, E3} = 1/2, from parents.
    expect([ab.source, ab.value]).toEqual(['objectives', 0]);
    expect([cd.source, cd.value]).toEqual(['parents', 0.5]);
    expect(cd.detail).toBe('Jaccard overlap of the parents (epics) each pair of members’ items sit under, averaged (1 of 2 parents hold two or more members’ work)');
  });
});

describe('trend sample', () => {
  it('a rise resting on 3 dependencies says the sample is too small instead of calling a trend', () => {
    const b = new PortfolioBuilder().team('a').team('b').steadyCompletions('a', 20).steadyCompletions('b', 20);
    b.objective('shared', ['a', 'b']);
    b.depends('a', 'b', { count: 3, createdDaysAgo: 40 });
    const report = advise(b.build());
    const trend = report.findings.filter((f) => f.kind === 'trend');
    expect(trend.map((f) => f.title)).toEqual(['Too small a sample to call a trend in “A and B”']);
    // Recent half: the 3 dependencies are open in periods 5 and 6 (40 days ago to 20 days ago), 3 + 3 = 6 < 5 × 3.
    expect(trend[0]!.measures).toContainEqual({ label: 'Dependencies', display: '6' });
  });

  it('with enough dependencies a period, the same rise is reported as a trend', () => {
    const b = new PortfolioBuilder().team('a').team('b').steadyCompletions('a', 20).steadyCompletions('b', 20);
    b.objective('shared', ['a', 'b']);
    b.depends('a', 'b', { count: 8, createdDaysAgo: 70 });
    const trend = advise(b.build()).findings.filter((f) => f.kind === 'trend');
    expect(trend.map((f) => f.title)).toEqual(['Coupling rose in “A and B”']);
  });
});

describe('edge cases', () => {
  it('a single team has no unmeasured cue that matters', () => {
    const cues: CueValues = { dependencyShare: 0.5, blockedDaysPerItem: null, sharedObjectives: null, jointIntegration: null, interfaceClarity: null };
    expect(unmeasuredThatMatter('none', cues, t, 1)).toEqual([]);
  });

  it('Team-of-Teams needing two unmeasured cues at once lists both', () => {
    const cues: CueValues = { dependencyShare: 0.3, blockedDaysPerItem: 1, sharedObjectives: null, jointIntegration: null, interfaceClarity: 0.9 };
    expect(unmeasuredThatMatter('scrum-of-scrums', cues, t, 3)).toEqual(['sharedObjectives', 'jointIntegration']);
  });

  it('Team-of-Teams needing outcomes and either of two integration cues names outcomes and the first of them: importing both is enough', () => {
    // A chain of teams with no objectives, releases or interfaces: 15 % share is interdependent.
    const cues: CueValues = { dependencyShare: 0.15, blockedDaysPerItem: 1, sharedObjectives: null, jointIntegration: null, interfaceClarity: null };
    expect(unmeasuredThatMatter('scrum-of-scrums', cues, t, 4)).toEqual(['sharedObjectives', 'jointIntegration']);
    // Measured, those two give the model the advice said they could.
    expect(decideModel({ ...cues, sharedObjectives: 1, jointIntegration: 1 }, t, 4)).toBe('team-of-teams');
  });

  it('cues that cannot raise the model do not count: a Team-of-Teams is not provisional for lack of status history', () => {
    const cues: CueValues = { dependencyShare: 0.3, blockedDaysPerItem: null, sharedObjectives: 0.5, jointIntegration: 1, interfaceClarity: null };
    expect(unmeasuredThatMatter('team-of-teams', cues, t, 3)).toEqual([]);
  });
});
