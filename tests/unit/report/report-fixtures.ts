import type { MetricsSummary } from '../../../shared/contract/metrics-channels';
import type { CoordinationReport, GroupRecommendation } from '../../../shared/coordination/report-schema';
import type { Board } from '../../../shared/planning/board-schema';
import type { ReportInput } from '../../../shared/report/report-input';
import { aRisk } from '../risks/risk-fixtures';

// A small, hand-filled report input: three teams (one of them named like an attack), one group
// with a recommendation, one finding, a flow summary, an increment's objectives, risks and votes.

export const EVIL_TEAM = '<img src=x onerror=alert(1)>';

const three = (p50: number | null, p85: number | null, p95: number | null, n: number) => ({ p50, p85, p95, n });

/** Only the fields the report reads are filled; the rest of the advisor's answer is not needed here. */
function group(patch: Partial<GroupRecommendation>): GroupRecommendation {
  return {
    id: 'g-checkout',
    name: `Checkout and ${EVIL_TEAM}`,
    teamKeys: ['checkout', 'evil'],
    valueStreams: ['Journeys'],
    role: 'group',
    coupling: 0.4213,
    measures: { dependencies: 12, interfaced: 4, completedItems: 80, blockedDays: 20, integrations: 0, jointIntegrations: 0 },
    model: 'scrum-of-scrums',
    cues: [
      {
        id: 'dependencyShare',
        source: 'dependencies',
        label: 'Dependencies per item completed',
        value: 0.15,
        display: '15 %',
        detail: '12 dependencies ÷ 80 items completed',
        thresholds: [
          { model: 'scrum-of-scrums', setting: 's', comparison: 'at-least', value: 0.05, display: '≥ 5 %', met: true },
          { model: 'team-of-teams', setting: 't', comparison: 'at-least', value: 0.25, display: '≥ 25 %', met: false },
        ],
      },
      { id: 'jointIntegration', source: null, label: 'Joint integration', value: null, display: 'not measured', detail: 'no integration data', thresholds: [{ model: 'team-of-teams', setting: 'j', comparison: 'at-least', value: 0.5, display: '≥ 50 %', met: null }] },
    ],
    reasons: ['They wait on each other for 15 % of the items they complete.'],
    whatWouldChange: ['Team-of-Teams if dependencies reach 25 % of items completed.'],
    robustness: { stable: true, level: 'robust', summary: 'Stable: no threshold moved by ±20 % changes the model.', variations: [] },
    practices: { summary: 'A weekly Scrum of Scrums with one representative per team.', attendees: [], cadence: 'weekly', agenda: [], artefacts: [] },
    trend: [],
    evidence: { measuredCues: 1, cues: 2, dependencies: 12, items: 80, days: 90, minimumDependencies: 20, unmeasuredThatMatter: [], toFirmUp: [], summary: 'Provisional: 12 dependencies, fewer than 20.' },
    ...patch,
  };
}

export const COORDINATION = {
  window: { from: '2026-08-17T00:00:00.000Z', to: '2026-11-15T00:00:00.000Z', days: 90 },
  teams: [
    { key: 'checkout', name: 'Checkout' },
    { key: 'evil', name: EVIL_TEAM },
    { key: 'search', name: 'Search' },
  ],
  groups: [group({}), group({ id: 'g-search', name: 'Search', teamKeys: ['search'], role: 'single', model: 'none', cues: [], whatWouldChange: [], reasons: ['Search is coupled to no other team enough to need a forum.'] })],
  findings: [
    {
      id: 'f1',
      kind: 'bottleneck',
      title: `${EVIL_TEAM} is waited on by 2 teams`,
      detail: 'Two teams wait on it for 9 open dependencies.',
      suggestion: 'Offer its service self-service.',
      teamKeys: ['evil'],
      groupIds: ['g-checkout'],
      measures: [{ label: 'Open dependencies on it', display: '9' }],
    },
  ],
  congruence: { summary: 'No forums declared: congruence cannot be measured.' },
} as unknown as CoordinationReport;

export const FLOW = {
  scope: {
    teams: [],
    allTeams: true,
    itemTypes: [],
    window: { from: '2026-08-17T00:00:00.000Z', to: '2026-11-16T00:00:00.000Z', days: 91 },
    compare: null,
    asOf: '2026-11-15T17:00:00.000Z',
    dataFrom: '2026-01-05T09:00:00.000Z',
    percentileMethod: 'linear',
  },
  throughputPerWeek: { ...three(11, 14.6, 16, 12), total: 140, mean: 11.7 },
  leadTimeDays: three(12.25, 30, 41.5, 140),
  cycleTimeDays: three(5.5, 12, 18, 138),
  flowEfficiency: { portfolio: 0.3149, perItem: three(0.3, 0.6, 0.8, 120) },
  wip: { current: 57, at: '2026-11-15T17:00:00.000Z', perDay: three(50, 60, 62, 91), olderThanCycleP85: 9 },
  dependencyAgeing: { open: 14, overdue: 3, openAgeDays: three(8, 20, 30, 14), resolutionDays: three(4, 9, 12, 40), waitingShare: 0.18 },
  dora: {},
  excluded: { 'no-active-date': 2 },
} as unknown as MetricsSummary;

export const PLAN = {
  increment: { id: 1, name: 'PI 26.4', start: '2026-11-09', end: '2027-01-17', capacityUnit: 'items', iterations: [] },
  columns: [
    { id: 11, name: 'I1', start: '2026-11-09', end: '2026-11-22', teamKey: null, columnId: null },
    { id: 12, name: 'I2', start: '2026-11-23', end: '2026-12-06', teamKey: null, columnId: null },
  ],
  teams: [
    { key: 'checkout', name: 'Checkout', group: 'g-checkout' },
    { key: 'evil', name: EVIL_TEAM, group: 'g-checkout' },
  ],
  cells: [
    { teamKey: 'checkout', columnId: 11, cards: [{ key: 'CHK-1' }, { key: 'CHK-2' }, { key: 'CHK-3' }], load: 3, capacity: 2.5, over: true },
    { teamKey: 'evil', columnId: 12, cards: [{ key: 'EVL-1' }], load: 1, capacity: null, over: false },
  ],
  dependencies: [
    { key: 'DEP-12', consumer: { itemKey: 'CHK-2', teamKey: 'checkout', columnId: 11, iterationName: 'I1' }, provider: { itemKey: 'EVL-7', teamKey: 'evil', columnId: null, iterationName: null, done: false, cancelled: false }, state: 'unplanned', needAt: '2026-11-09' },
    { key: 'DEP-9', consumer: { itemKey: 'CHK-1', teamKey: 'checkout', columnId: 11, iterationName: 'I1' }, provider: { itemKey: 'EVL-1', teamKey: 'evil', columnId: 12, iterationName: 'I2', done: false, cancelled: false }, state: 'conflict', needAt: '2026-11-09' },
    { key: 'DEP-3', consumer: { itemKey: 'EVL-1', teamKey: 'evil', columnId: 12, iterationName: 'I2' }, provider: { itemKey: 'CHK-3', teamKey: 'checkout', columnId: 11, iterationName: 'I1', done: false, cancelled: false }, state: 'ok', needAt: '2026-11-23' },
  ],
  dependencyCounts: { ok: 1, 'same-iteration': 0, conflict: 1, unplanned: 1, 'provider-cancelled': 0 },
  objectives: [
    { key: 'O-2', title: 'Saved cards for returning shoppers', level: 'team', teamKeys: ['checkout'], businessValue: 8, actualValue: null, committed: true, parentKey: null, itemKeys: ['CHK-1', 'CHK-2'], plannedItemKeys: ['CHK-1'] },
    { key: 'O-1', title: 'One-page checkout live', level: 'program', teamKeys: ['checkout', 'evil'], businessValue: 10, actualValue: null, committed: true, parentKey: null, itemKeys: [], plannedItemKeys: [] },
    { key: 'O-3', title: 'Typo-tolerant search', level: 'team', teamKeys: ['search'], businessValue: 5, actualValue: 6, committed: false, parentKey: null, itemKeys: [], plannedItemKeys: [] },
  ],
  predictability: {
    increment: null,
    teams: [],
    bands: [
      { label: 'below 50 %', from: 0, to: 0.5, teams: 0 },
      { label: '50–80 %', from: 0.5, to: 0.8, teams: 1 },
      { label: '80–100 %', from: 0.8, to: 1, teams: 2 },
      { label: 'above 100 %', from: 1, to: null, teams: 0 },
    ],
    unscoredTeams: 1,
  },
  lint: [
    { rule: 'over-capacity', message: 'Checkout in I1: load 3 exceeds capacity 2.5.', teamKey: 'checkout', itemKeys: [], objectiveKey: null },
    { rule: 'objective-without-work', message: `Objective “One-page checkout live” of ${EVIL_TEAM} has no planned work.`, teamKey: null, itemKeys: [], objectiveKey: 'O-1' },
  ],
} as unknown as Board;

export function reportInput(patch: Partial<ReportInput> = {}): ReportInput {
  return {
    generatedAt: '2026-11-16T08:30:00.000Z',
    workspace: {
      name: 'Retail <b>demo</b>',
      counts: { teams: 3, items: 2500, transitions: 0, dependencies: 70, deployments: 0, incidents: 0, objectives: 3, plans: 12, releases: 0, risks: 3 },
      dateRange: { from: '2026-02-16T08:00:00.000Z', to: '2026-11-15T17:00:00.000Z' },
      valueStreams: ['Journeys', 'Merchants'],
    },
    coordination: { available: true, value: COORDINATION },
    flow: { available: true, value: FLOW },
    plan: { available: true, value: PLAN },
    room: {
      teams: COORDINATION.teams.map((t) => ({ key: t.key, name: t.name })),
      groups: [{ key: 'g-checkout', name: `Checkout and ${EVIL_TEAM}`, teamKeys: ['checkout', 'evil'] }],
      increments: ['PI 26.4'],
      currentIncrement: 'PI 26.4',
    },
    risks: [
      aRisk({ key: 'RISK-1', title: '</td><script>alert(1)</script>', status: 'owned', ownerTeamKey: 'evil', ownerPerson: 'Ana "the fixer"', scope: { kind: 'group', key: 'g-checkout' }, links: { items: ['CHK-1'], dependencies: ['DEP-9'], objectives: [] }, raisedFromDependency: 'DEP-9', history: [
        { at: '2026-11-10T09:00:00.000Z', from: null, to: 'unroamed', who: null, note: null },
        { at: '2026-11-11T10:00:00.000Z', from: 'unroamed', to: 'owned', who: 'RTE', note: null },
      ] }),
      aRisk({ key: 'RISK-2', title: 'Peak season freeze', status: 'accepted', scope: { kind: 'increment', key: 'PI 26.4' } }),
      // Linked to DEP-12, not raised from it: the board marks it on DEP-12's waiting card all the same.
      aRisk({ key: 'RISK-3', title: 'Index rebuild', status: 'unroamed', scope: { kind: 'team', key: 'search' }, links: { items: [], dependencies: ['DEP-12'], objectives: [] } }),
    ],
    votes: {
      increment: 'PI 26.4',
      rounds: [
        { id: 1, scope: { kind: 'team', key: 'search' }, increment: 'PI 26.4', at: '2026-11-12T10:00:00.000Z', counts: [0, 0, 0, 2, 4], note: null },
        { id: 2, scope: { kind: 'team', key: 'checkout' }, increment: 'PI 26.4', at: '2026-11-12T10:05:00.000Z', counts: [1, 3, 2, 0, 0], note: null },
        { id: 3, scope: { kind: 'team', key: 'checkout' }, increment: 'PI 26.4', at: '2026-11-12T11:00:00.000Z', counts: [0, 1, 2, 3, 0], note: null },
        { id: 4, scope: { kind: 'increment', key: 'PI 26.4' }, increment: 'PI 26.4', at: '2026-11-12T12:00:00.000Z', counts: [0, 2, 10, 20, 8], note: null },
      ],
    },
    ...patch,
  };
}
