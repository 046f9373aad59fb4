import { describe, expect, it } from 'vitest';
import { adviseCoordination } from '../../../shared/coordination/advise';
import type { CoordinationData } from '../../../shared/coordination/coordination-data';
import type { CoordinationReport, GroupRecommendation } from '../../../shared/coordination/report-schema';
import { CoordinationReport as ReportSchema } from '../../../shared/coordination/report-schema';
import { DEFAULT_COORDINATION_SETTINGS, type CoordinationSettings } from '../../../shared/coordination/settings';
import { PortfolioBuilder, settingsWith, WINDOW } from './portfolio-builder';

function advise(data: CoordinationData, settings: CoordinationSettings = DEFAULT_COORDINATION_SETTINGS): CoordinationReport {
  const { report } = adviseCoordination(data, { window: WINDOW, settings });
  // Every answer must also pass the contract's schema.
  expect(ReportSchema.safeParse(report).success).toBe(true);
  return report;
}

function groupOf(report: CoordinationReport, team: string): GroupRecommendation {
  return report.groups.find((g) => g.teamKeys.includes(team))!;
}

/** Four teams in a chain, a → b → c → d, four dependencies per link, all through declared interfaces. */
function chain() {
  const b = new PortfolioBuilder();
  for (const k of ['a', 'b', 'c', 'd']) b.team(k, { completed: 40 }).release([k], 10).release([k], 40);
  return b.depends('a', 'b', { count: 4, interfaced: true }).depends('b', 'c', { count: 4, interfaced: true }).depends('c', 'd', { count: 4, interfaced: true });
}

/** Four teams that depend on each other both ways, own one mission together and ship in a weekly joint release. */
function tightCluster() {
  const keys = ['p', 'q', 'r', 's'];
  const b = new PortfolioBuilder();
  for (const k of keys) b.team(k, { completed: 30, valueStream: 'Journeys' }).objective(`own-${k}`, [k], 'team');
  for (const x of keys) for (const y of keys) if (x !== y) b.depends(x, y, { count: 2, blockedDays: 2 });
  return b.objective('mission', keys, 'program', 'Reduce checkout drop-off by 30 %').weeklyReleases(keys, 12);
}

/** A platform six otherwise independent teams wait on. */
function platformHub() {
  const b = new PortfolioBuilder().team('plat', { name: 'Cloud Platform', completed: 30 });
  for (let i = 1; i <= 6; i++) b.team(`c${i}`, { completed: 30 }).depends(`c${i}`, 'plat', { count: 4, blockedDays: 5 });
  return b;
}

describe('known answers', () => {
  it('independent teams need no standing forum', () => {
    const data = new PortfolioBuilder().team('x', { completed: 50 }).team('y', { completed: 50 }).team('z', { completed: 50 }).depends('x', 'y').build();
    const report = advise(data);
    expect(report.groups).toHaveLength(3);
    for (const g of report.groups) {
      expect(g.role).toBe('single');
      expect(g.model).toBe('none');
      expect(g.robustness.stable).toBe(true);
    }
    expect(report.findings.filter((f) => f.kind === 'bottleneck' || f.kind === 'boundary')).toEqual([]);
  });

  it('a chain of moderate dependencies through declared interfaces gets a Scrum of Scrums', () => {
    const report = advise(chain().build());
    const group = groupOf(report, 'a');
    expect(group.teamKeys).toEqual(['a', 'b', 'c', 'd']);
    expect(group.model).toBe('scrum-of-scrums');
    const share = group.cues.find((c) => c.id === 'dependencyShare')!;
    expect(share.value).toBeCloseTo(12 / 160, 12);
    expect(share.display).toBe('7.5 %');
    expect(group.cues.find((c) => c.id === 'interfaceClarity')!.value).toBe(1);
    expect(group.reasons[0]).toBe('Coupling is at least moderate: cross-team dependency share 7.5 % ≥ 5 %.');
    expect(group.reasons).toContain('Not high enough for Team-of-Teams: cross-team dependency share 7.5 % < 12 %.');
    expect(group.whatWouldChange).toContain('Below 5 % cross-team dependency share (now 7.5 %) and below 0.5 days waited per item (now 0 days), no standing forum would be needed.');
    expect(group.practices.attendees).toEqual(['A (one representative)', 'B (one representative)', 'C (one representative)', 'D (one representative)']);
    expect(group.practices.agenda).toEqual(['Done since last time that affects other teams', 'Next: planned work that affects other teams', 'Blockers that affect others']);
    expect(group.robustness.stable).toBe(true);
  });

  it('a tight cluster with shared objectives and frequent joint releases gets a Team-of-Teams', () => {
    const report = advise(tightCluster().build());
    const group = groupOf(report, 'p');
    expect(group.teamKeys).toEqual(['p', 'q', 'r', 's']);
    expect(group.model).toBe('team-of-teams');
    expect(group.cues.map((c) => [c.id, c.value])).toEqual([
      ['dependencyShare', 24 / 120],
      ['blockedDaysPerItem', 48 / 120],
      ['sharedObjectives', 1 / 3],
      ['jointIntegration', 1],
      ['interfaceClarity', 0],
    ]);
    expect(group.reasons).toEqual([
      'High interdependence: cross-team dependency share 20 % ≥ 12 %.',
      'Jointly owned outcomes (from objectives): shared objectives 33.3 % ≥ 25 %.',
      'Frequent joint integration (from deployments: 12 of 12 integrations hold work of two or more members; the figure is each member’s share, averaged): joint integration 100 % ≥ 50 %.',
      'Complex integration: interface clarity 0 % < 50 %.',
    ]);
    expect(group.whatWouldChange[0]).toBe('Below 12 % cross-team dependency share (now 20 %), Scrum of Scrums would suffice.');
    expect(group.practices.agenda[0]).toBe('Mission-level outcome: “Reduce checkout drop-off by 30 %” (shared by 4 of 4 teams)');
    expect(group.practices.cadence).toBe('Weekly, aligned with the joint release (integrations run about weekly)');
  });

  it('the shared-objectives cue counts every member pair, whatever weight objectives carry in the coupling', () => {
    const build = () => {
      const b = new PortfolioBuilder();
      for (const k of ['p', 'q', 'r']) b.team(k, { completed: 30 });
      // p and r share the mission but no dependency: with objectives weighted 0 their pair couples at 0.
      return b.depends('p', 'q', { count: 8 }).depends('q', 'r', { count: 8 }).objective('mission', ['p', 'q', 'r']).build();
    };
    const cue = (report: CoordinationReport) => groupOf(report, 'p').cues.find((c) => c.id === 'sharedObjectives')!.value;
    expect(groupOf(advise(build()), 'p').teamKeys).toEqual(['p', 'q', 'r']);
    expect(cue(advise(build()))).toBe(1);
    const unweighted = advise(build(), settingsWith((s) => (s.weights.objectives = 0)));
    expect(groupOf(unweighted, 'p').teamKeys).toEqual(['p', 'q', 'r']);
    expect(cue(unweighted)).toBe(1);
  });

  it('a platform many wait on is a bottleneck and a shared provider, not the glue of one big group', () => {
    const report = advise(platformHub().build());
    const platform = groupOf(report, 'plat');
    expect(platform.role).toBe('provider');
    expect(platform.model).toBe('none');
    expect(platform.reasons[0]).toContain('shared provider: 6 teams coupled to it wait on it');
    for (let i = 1; i <= 6; i++) expect(groupOf(report, `c${i}`).teamKeys).toEqual([`c${i}`]);
    const bottleneck = report.findings.find((f) => f.kind === 'bottleneck')!;
    expect(bottleneck.title).toBe('6 teams wait on Cloud Platform');
    expect(bottleneck.measures).toEqual([
      { label: 'Teams waiting', display: '6' },
      { label: 'Dependencies', display: '24' },
      { label: 'Still open', display: '0' },
      { label: 'Days waited', display: '120 days' },
    ]);
    expect(bottleneck.suggestion).toMatch(/self-service/);
  });

  it('without status history a shared provider still has the finding its consumers are pointed to', () => {
    // The platform hub with no waiting measured: no status history, so no day waited.
    const hub = new PortfolioBuilder().team('plat', { name: 'Cloud Platform', completed: 30 });
    for (let i = 1; i <= 6; i++) hub.team(`c${i}`, { completed: 30 }).depends(`c${i}`, 'plat', { count: 4, blockedDays: 0 });
    hub.recorded = { ...hub.recorded, statusHistory: false };
    const report = advise(hub.build());
    expect(groupOf(report, 'plat').role).toBe('provider');
    expect(groupOf(report, 'c1').reasons[0]).toContain('(see its finding)');
    expect(report.findings.filter((f) => f.kind === 'bottleneck').map((f) => f.title)).toEqual(['6 teams wait on Cloud Platform']);
  });

  it('without the shared-provider rule the platform would glue its consumers into one group', () => {
    const noProviders = settingsWith((s) => {
      s.bottleneck.maxDependentCohesion = 0;
    });
    const report = advise(platformHub().build(), noProviders);
    expect(groupOf(report, 'plat').teamKeys).toHaveLength(7);
    // The bottleneck is still reported: many teams still wait on it.
    expect(report.findings.some((f) => f.kind === 'bottleneck')).toBe(true);
  });
});

describe('structural findings', () => {
  it('flags a pair coupled strongly across group boundaries', () => {
    const b = new PortfolioBuilder();
    for (const k of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3']) b.team(k, { completed: 30 });
    for (const [x, y] of [['a1', 'a2'], ['a2', 'a3'], ['a1', 'a3'], ['b1', 'b2'], ['b2', 'b3'], ['b1', 'b3']] as const) b.depends(x, y, { count: 8, blockedDays: 4 });
    b.depends('a1', 'b1', { count: 6, blockedDays: 3 });
    const report = advise(b.build());
    expect(groupOf(report, 'a1').teamKeys).toEqual(['a1', 'a2', 'a3']);
    expect(groupOf(report, 'b1').teamKeys).toEqual(['b1', 'b2', 'b3']);
    const boundary = report.findings.filter((f) => f.kind === 'boundary');
    expect(boundary.map((f) => f.teamKeys)).toEqual([['a1', 'b1']]);
    expect(boundary[0]!.suggestion).toMatch(/Redraw the boundary/);
    expect(report.groupLinks).toEqual([{ groupIds: ['g-a1', 'g-b1'], coupling: expect.any(Number), dependencies: 6 }]);
  });

  it('reports a group whose coupling fell over recent periods', () => {
    const b = new PortfolioBuilder().team('a').team('b').steadyCompletions('a', 20).steadyCompletions('b', 20);
    b.objective('shared', ['a', 'b']);
    for (let week = 0; week < 25; week++) b.release(['a', 'b'], 175 - 7 * week);
    for (const daysAgo of [170, 140, 110]) b.depends('a', 'b', { count: 6, createdDaysAgo: daysAgo });
    const report = advise(b.build());
    const group = groupOf(report, 'a');
    expect(group.teamKeys).toEqual(['a', 'b']);
    expect(group.trend).toHaveLength(6);
    expect(group.trend[0]!.coupling).toBeGreaterThan(group.trend[5]!.coupling);
    const trend = report.findings.find((f) => f.kind === 'trend')!;
    expect(trend.title).toBe('Coupling fell in “A and B”');
    expect(trend.suggestion).toMatch(/Scale the forum down|no forum is needed/);
  });

  it('compares groups with declared value streams', () => {
    const b = tightCluster().team('solo', { valueStream: 'Journeys', completed: 20 });
    const report = advise(b.build());
    const journeys = report.valueStreams.find((v) => v.name === 'Journeys')!;
    expect(journeys.agrees).toBe(false);
    expect(journeys.groupIds).toEqual(['g-p', 'g-solo']);
    expect(report.findings.find((f) => f.kind === 'value-stream')!.detail).toBe('Its teams fall into 2 groups by coupling: P, Q, R and S in “P, Q, R and S”; Solo on its own.');
  });
});

describe('congruence with declared forums', () => {
  it('counts required pairs covered by forums, the uncovered ones and the coordination tax', () => {
    const b = new PortfolioBuilder();
    for (const k of ['a', 'b', 'c', 'd']) b.team(k, { completed: 30 });
    b.depends('a', 'b', { count: 3 }).depends('a', 'd', { count: 1 }).forum(1, 'Weekly sync', ['a', 'b', 'c']);
    const { congruence } = advise(b.build());
    expect(congruence.requiredPairs).toBe(2);
    expect(congruence.coveredPairs).toBe(1);
    expect(congruence.congruence).toBe(0.5);
    expect(congruence.weightedCongruence).toBe(0.75);
    expect(congruence.uncoveredPairs).toEqual([{ teamKeys: ['a', 'd'], dependencies: 1, sameGroup: false, withProvider: false }]);
    expect(congruence.coordinationTax).toEqual([{ forumId: 1, forumName: 'Weekly sync', teamKey: 'c' }]);
    expect(congruence.forums[0]).toMatchObject({ requiredPairs: 1, taxTeamKeys: ['c'] });
    expect(congruence.summary).toBe(
      'Your forums bring together 1 of the 2 pairs of teams that depend on each other (50 %; 75 % of the dependencies); 1 seat in forums has no dependency on anyone there.',
    );
  });

  it('says plainly when no forum is declared', () => {
    const { congruence } = advise(chain().build());
    expect(congruence.congruence).toBe(0);
    expect(congruence.summary).toMatch(/^No forums declared yet\. 3 pairs of teams depend on each other/);
  });
});

describe('edge cases', () => {
  it('with neither releases, deployments nor interfaces recorded, integration is said unmeasured, not "neither frequent nor complex"', () => {
    const b = new PortfolioBuilder().team('a', { completed: 20 }).team('b', { completed: 20 }).depends('a', 'b', { count: 8, blockedDays: 4 });
    b.recorded = { ...b.recorded, integration: false, interfaces: false };
    const group = groupOf(advise(b.build()), 'a');
    expect(group.model).toBe('scrum-of-scrums');
    expect(group.reasons).toContain('No releases, deployments with their work, or interfaces recorded, so no evidence of frequent or complex integration (import them to let Team-of-Teams be considered).');
    expect(group.reasons.join(' ')).not.toContain('neither frequent nor complex');
  });

  it('releases recorded, but none by any member in the window: joint integration is not measured (0 of 0), not a measured 0 %, and the advice is provisional', () => {
    const b = new PortfolioBuilder().team('a', { completed: 50 }).team('b', { completed: 50 }).team('z', { completed: 10 });
    b.depends('a', 'b', { count: 12, interfaced: true, blockedDays: 1 }).depends('b', 'a', { count: 12, interfaced: true, blockedDays: 1 }).objective('o', ['a', 'b']);
    b.release(['z'], 10);
    const group = groupOf(advise(b.build()), 'a');
    expect(group.cues.find((c) => c.id === 'jointIntegration')!.value).toBeNull();
    expect(group.robustness.level).toBe('provisional');
    expect(group.robustness.summary).toContain('joint integration is not measured and could change it');
  });

  it('a window in which the members completed nothing: the dependency share is not measured, not 1000 %, and the advice does not escalate on it', () => {
    const data = new PortfolioBuilder()
      .team('a', { completed: 0 })
      .team('b', { completed: 0 })
      .depends('a', 'b', { count: 10 })
      .objective('joint', ['a', 'b'])
      .weeklyReleases(['a', 'b'], 12)
      .build();
    const group = groupOf(advise(data), 'a');
    expect(group.teamKeys).toEqual(['a', 'b']);
    const share = group.cues.find((c) => c.id === 'dependencyShare')!;
    expect([share.value, share.source, share.detail]).toEqual([null, null, 'No item completed in the window: 10 dependencies between members, but no share of work to measure them against']);
    expect(group.model).toBe('none');
    expect(group.robustness.level).toBe('provisional');
    expect(group.robustness.summary).toContain('no item completed by its members in');
    expect(group.evidence.toFirmUp).toContain('a longer window, one in which the teams completed items');
    // Status history is there: time blocked waits for completed work, not for an import of history.
    const blocked = group.cues.find((c) => c.id === 'blockedDaysPerItem')!;
    expect(blocked.detail).toMatch(/^No item completed in the window: /);
    expect(group.evidence.toFirmUp.join(' ')).not.toMatch(/status history/);
  });

  it('an empty portfolio gives an empty, valid answer', () => {
    const report = advise(new PortfolioBuilder().build());
    expect(report.groups).toEqual([]);
    expect(report.pairs).toEqual([]);
    expect(report.congruence.congruence).toBeNull();
  });

  it('one team on its own: none, with no reasons about thresholds', () => {
    const report = advise(new PortfolioBuilder().team('only', { completed: 5 }).build());
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.model).toBe('none');
    expect(report.groups[0]!.reasons[0]).toMatch(/coupled to no other team/);
  });

  it('drops facts about teams the workspace does not hold', () => {
    const b = new PortfolioBuilder().team('a', { completed: 10 }).depends('a', 'ghost', { count: 5 }).forum(1, 'F', ['a', 'ghost']);
    const report = advise(b.build());
    expect(report.pairs).toEqual([]);
    expect(report.congruence.forums[0]!.teamKeys).toEqual(['a']);
  });

  it('without objectives data Team-of-Teams is not recommended, and the reason says why', () => {
    const b = tightCluster();
    b.recorded = { ...b.recorded, objectives: false };
    const group = groupOf(advise(b.build()), 'p');
    expect(group.model).toBe('scrum-of-scrums');
    expect(group.reasons).toContain(
      'No objectives recorded and no items with a parent (epic), so no evidence of jointly owned outcomes (import objectives, or items with their parents, to let Team-of-Teams be considered).',
    );
  });

  it('a recommendation near a threshold is called sensitive, naming the move that changes it', () => {
    const keys = ['p', 'q', 'r', 's'];
    const b = new PortfolioBuilder();
    for (const k of keys) b.team(k, { completed: 50 });
    // 26 dependencies ÷ 200 items = 13 %: just above the 12 % threshold.
    for (const [x, y, n] of [['p', 'q', 5], ['q', 'r', 5], ['r', 's', 5], ['s', 'p', 5], ['p', 'r', 3], ['q', 's', 3]] as const) b.depends(x, y, { count: n });
    b.objective('mission', keys).weeklyReleases(keys, 12);
    const group = groupOf(advise(b.build()), 'p');
    expect(group.model).toBe('team-of-teams');
    expect(group.robustness.stable).toBe(false);
    expect(group.robustness.variations).toContainEqual({ change: 'Team-of-Teams dependency-share threshold +20 % (14.4 %)', model: 'scrum-of-scrums' });
    expect(group.robustness.summary).toMatch(/^Sensitive: /);
  });
});
