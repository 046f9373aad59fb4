import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trendIntervals } from '../../../shared/coordination/advise';
import { inInterval, isActiveIn, overlapMs, type CoordinationData, type Interval } from '../../../shared/coordination/coordination-data';
import { groupEvidence, groupTrendNumbers } from '../../../shared/coordination/group-evidence';
import {
  measureIntervals,
  measuredCouplings,
  pairKey,
  scoreMeasurement,
  type MeasureOptions,
  type PairFacts,
  type PairMeasurement,
  type TeamFacts,
} from '../../../shared/coordination/pair-coupling';
import { DEFAULT_COORDINATION_SETTINGS } from '../../../shared/coordination/settings';
import { portfolio } from './portfolio-arbitrary';
import { DAY, WINDOW } from './portfolio-builder';

// The advisor counts pair facts in typed columns by pair slot, all intervals in one pass, and reads
// trend points from couplings alone. These properties hold it to the plain way: one interval at a
// time, a Map by pair key and an object per pair, trend points from the full group evidence — the
// same numbers, and the same order in every Map (the order later sums and lists are made in).

const settings = DEFAULT_COORDINATION_SETTINGS;
const MS_PER_DAY = DAY;

function emptyTeam(): TeamFacts {
  return { completed: 0, integrations: 0, objectives: 0, parents: 0, waitsOn: new Set(), waitedOnBy: new Set(), incoming: 0, incomingOpen: 0, blockedDaysCaused: 0 };
}

/** The facts of one interval, the plain way. */
function plainMeasurement(data: CoordinationData, interval: Interval, options: MeasureOptions = {}): PairMeasurement {
  const groupOf = options.sameGroupIn;
  const accept = (x: string, y: string) => !groupOf || groupOf.get(x) === groupOf.get(y);
  const teams = new Map<string, TeamFacts>(data.teams.map((t) => [t.key, emptyTeam()]));
  const team = (key: string): TeamFacts => {
    let facts = teams.get(key);
    if (!facts) teams.set(key, (facts = emptyTeam()));
    return facts;
  };
  const pairs = new Map<string, PairFacts>();
  const pair = (x: string, y: string): PairFacts => {
    const key = pairKey(x, y);
    let facts = pairs.get(key);
    if (!facts) {
      const [a, b] = x < y ? [x, y] : [y, x];
      facts = { a, b, aWaitsOnB: 0, bWaitsOnA: 0, interfaced: 0, open: 0, blockedMsAOnB: 0, blockedMsBOnA: 0, jointIntegrations: 0, sharedObjectiveKeys: [], sharedParentKeys: [] };
      pairs.set(key, facts);
    }
    return facts;
  };
  for (const c of data.completions) if (inInterval(c.at, interval)) team(c.teamKey).completed += c.count;
  for (const d of data.dependencies) {
    if (d.fromTeamKey === d.toTeamKey || !accept(d.fromTeamKey, d.toTeamKey) || !isActiveIn(d, interval)) continue;
    const p = pair(d.fromTeamKey, d.toTeamKey);
    const blockedMs = d.waits.length === 0 ? 0 : overlapMs(d.waits, interval);
    if (d.fromTeamKey === p.a) {
      p.aWaitsOnB++;
      p.blockedMsAOnB += blockedMs;
    } else {
      p.bWaitsOnA++;
      p.blockedMsBOnA += blockedMs;
    }
    const open = d.resolvedAt === null || d.resolvedAt > interval.to;
    if (d.interfaced) p.interfaced++;
    if (open) p.open++;
    if (options.skipWaiting) continue;
    team(d.fromTeamKey).waitsOn.add(d.toTeamKey);
    const provider = team(d.toTeamKey);
    provider.waitedOnBy.add(d.fromTeamKey);
    provider.incoming++;
    if (open) provider.incomingOpen++;
    provider.blockedDaysCaused += blockedMs / MS_PER_DAY;
  }
  for (const event of data.integrations) {
    if (!inInterval(event.at, interval)) continue;
    const members = [...new Set(event.teamKeys)].sort();
    for (const m of members) team(m).integrations++;
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) if (accept(members[i]!, members[j]!)) pair(members[i]!, members[j]!).jointIntegrations++;
  }
  const outcomes = [
    { list: data.objectives.filter((o) => o.level !== 'portfolio'), count: 'objectives', keys: 'sharedObjectiveKeys' },
    { list: data.parents, count: 'parents', keys: 'sharedParentKeys' },
  ] as const;
  for (const { list, count } of outcomes) {
    const counts = new Map<string, number>();
    for (const o of list) for (const k of new Set(o.teamKeys)) counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const [k, n] of counts) team(k)[count] = n;
  }
  for (const { list, keys } of outcomes) {
    for (const o of list) {
      const members = [...new Set(o.teamKeys)].sort();
      for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) if (accept(members[i]!, members[j]!)) pair(members[i]!, members[j]!)[keys].push(o.key);
    }
    for (const p of pairs.values()) p[keys].sort();
  }
  return { pairs, teams };
}

/** A measurement as plain values in Map order (sets as arrays in insertion order). */
function inOrder(m: PairMeasurement) {
  return {
    pairs: [...m.pairs.entries()],
    teams: [...m.teams.entries()].map(([k, t]) => [k, { ...t, waitsOn: [...t.waitsOn], waitedOnBy: [...t.waitedOnBy] }]),
  };
}

/** Some teams in groups (and some in none), to measure the trend periods' in-group pairs. */
const withGroups = portfolio.chain((data) =>
  fc.tuple(fc.constant(data), fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: data.teams.length, maxLength: data.teams.length })),
);

function groupsOf(data: CoordinationData, numbers: readonly (number | undefined)[]): Map<string, string> {
  const groupOf = new Map<string, string>();
  data.teams.forEach((t, i) => {
    if (numbers[i] !== undefined) groupOf.set(t.key, `g${numbers[i]}`);
  });
  return groupOf;
}

const PERIODS = trendIntervals(WINDOW, settings.trend);

describe('pair facts in columns against the plain measurement', () => {
  it('the window: the same facts, in the same order', () => {
    fc.assert(
      fc.property(portfolio, (data) => {
        expect(inOrder(measureIntervals(data, [WINDOW])[0]!)).toEqual(inOrder(plainMeasurement(data, WINDOW)));
      }),
      { numRuns: 150 },
    );
  });

  it('the window and every trend period in one pass, in-group pairs only, without who waits on whom', () => {
    fc.assert(
      fc.property(withGroups, ([data, numbers]) => {
        const options = { sameGroupIn: groupsOf(data, numbers), skipWaiting: true };
        const intervals = [WINDOW, ...PERIODS];
        const measured = measureIntervals(data, intervals, options);
        intervals.forEach((interval, i) => expect(inOrder(measured[i]!)).toEqual(inOrder(plainMeasurement(data, interval, options))));
      }),
      { numRuns: 150 },
    );
  });

  it('measuring the same data twice (its pair slots kept) gives the same answer', () => {
    fc.assert(
      fc.property(withGroups, ([data, numbers]) => {
        const first = inOrder(measureIntervals(data, PERIODS, { sameGroupIn: groupsOf(data, numbers) })[2]!);
        measureIntervals(data, [WINDOW]);
        expect(inOrder(measureIntervals(data, PERIODS, { sameGroupIn: groupsOf(data, numbers) })[2]!)).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });
});

describe('trend points from couplings alone against the full group evidence', () => {
  it('coupling, dependency share, dependencies and completed items are the same', () => {
    fc.assert(
      fc.property(withGroups, ([data, numbers]) => {
        const groupOf = groupsOf(data, numbers);
        const measurements = measureIntervals(data, PERIODS, { sameGroupIn: groupOf, skipWaiting: true });
        const members = [...new Set(groupOf.values())].map((g) => data.teams.map((t) => t.key).filter((k) => groupOf.get(k) === g).sort());
        for (const m of measurements) {
          const scored = scoreMeasurement(m, data.recorded, settings);
          const couplings = measuredCouplings(m, data.recorded, settings);
          expect([...couplings]).toEqual([...scored.scores].map(([k, s]) => [k, s.coupling]));
          for (const teamKeys of members) {
            const full = groupEvidence(teamKeys, scored, undefined, data);
            expect(groupTrendNumbers(teamKeys, m, couplings)).toEqual({
              coupling: full.coupling,
              dependencyShare: full.cues.dependencyShare,
              dependencies: full.measures.dependencies,
              completedItems: full.measures.completedItems,
            });
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('edge cases', () => {
  it('no intervals: no measurements', () => {
    fc.assert(
      fc.property(portfolio, (data) => {
        expect(measureIntervals(data, [])).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('a dependency of a team on itself and a key that is no team of the workspace', () => {
    const data: CoordinationData = {
      teams: [{ key: 'a', name: 'A', valueStream: null }],
      dependencies: [
        { key: 'd1', fromTeamKey: 'a', toTeamKey: 'a', createdAt: WINDOW.to - 5 * DAY, resolvedAt: null, interfaced: false, waits: [] },
        { key: 'd2', fromTeamKey: 'zz', toTeamKey: 'a', createdAt: WINDOW.to - 5 * DAY, resolvedAt: null, interfaced: true, waits: [[WINDOW.to - 5 * DAY, WINDOW.to - 3 * DAY]] },
      ],
      completions: [],
      integrations: [],
      objectives: [],
      parents: [],
      forums: [],
      recorded: { statusHistory: true, interfaces: true, integration: false, objectives: false, parents: false, releases: false },
    };
    const [m] = measureIntervals(data, [WINDOW]);
    expect(inOrder(m!)).toEqual(inOrder(plainMeasurement(data, WINDOW)));
    expect([...m!.pairs.values()]).toMatchObject([{ a: 'a', b: 'zz', bWaitsOnA: 1, aWaitsOnB: 0, interfaced: 1, open: 1, blockedMsBOnA: 2 * DAY }]);
    expect([...m!.teams.keys()]).toEqual(['a', 'zz']);
  });

  it('a group of one team has no pairs: coupling 0', () => {
    fc.assert(
      fc.property(portfolio, (data) => {
        const [m] = measureIntervals(data, [WINDOW]);
        const numbers = groupTrendNumbers([data.teams[0]!.key], m!, measuredCouplings(m!, data.recorded, settings));
        expect(numbers.coupling).toBe(0);
        expect(numbers.dependencies).toBe(0);
      }),
      { numRuns: 20 },
    );
  });
});
