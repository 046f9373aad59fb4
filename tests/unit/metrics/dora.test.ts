import { describe, expect, it } from 'vitest';
import { DeliveryReport } from '../../../shared/contract/metrics-channels';
import type { Deployment, Incident, Portfolio } from '../../../shared/domain/entities';
import { datasetFromPortfolio } from '../../../shared/metrics/dataset-from-portfolio';
import { computeDeliveryReport } from '../../../shared/metrics/delivery-report';
import { attributeIncidents } from '../../../shared/metrics/dora';
import { changeFailureRateBucket, deploymentFrequencyBucket, leadTimeBucket, timeToRestoreBucket } from '../../../shared/metrics/dora-buckets';
import { contextOf, day, portfolio } from './metrics-fixtures';

// Hand-made delivery data, days after Monday T0 (hours as fractions):
//   Alpha: DA-1 day 1 10:00 (change 06:00), DA-2 day 1 15:00 (change 14:00), DA-3 day 3 10:00 FAILED,
//          DA-4 day 4 10:00 (no change time).  Bravo: DB-1 day 2 10:00 (no change time).
//   I-1 Alpha opened day 1 16:00, resolved 18:00 → rule: DA-2.
//   I-2 Bravo opened day 0 08:00, before any Bravo deployment → none; resolved 08:30.
//   I-3 Alpha opened day 4 12:00, the data names DA-1; unresolved.
//   I-4 Alpha opened day 6 22:00 names "NOPE" (not in the data); resolved 23:00. It is the data's last timestamp.
//   Items done: X-1 Bravo day 1 12:00 → DB-1 (22 h, proxy); X-2 Alpha day 3 12:00 → DA-4, the next
//   successful one (22 h); X-3 Alpha day 1 08:00 → DA-1, which has a change time (its own sample stands);
//   X-4 Bravo day 5 → no later deployment; X-5 no team, day 2.
const h = (d: number, hour: number) => d + hour / 24;

function deployment(key: string, team: string, at: number, succeeded: boolean, changeAt: number | null): Deployment {
  return { key, teamKey: team, service: `${team}-svc`, at: day(at), succeeded, changeAt: changeAt === null ? null : day(changeAt), release: null, itemKeys: [] };
}

function incident(key: string, team: string, opened: number, resolved: number | null, causedBy: string | null = null): Incident {
  return { key, teamKey: team, service: `${team}-svc`, openedAt: day(opened), resolvedAt: resolved === null ? null : day(resolved), causedByDeploymentKey: causedBy };
}

function deliveryFixture(extra: Parameters<typeof portfolio>[0] = []): Portfolio {
  const done = (key: string, team: string | null, at: number) => ({ key, team, history: [['To Do', 0], ['In Progress', 0.1], ['Done', at]] as [string, number][] });
  return portfolio([done('X-1', 'b', h(1, 12)), done('X-2', 'a', h(3, 12)), done('X-3', 'a', h(1, 8)), done('X-4', 'b', 5), done('X-5', null, 2), ...extra], {
    deployments: [
      deployment('DA-1', 'a', h(1, 10), true, h(1, 6)),
      deployment('DA-2', 'a', h(1, 15), true, h(1, 14)),
      deployment('DA-3', 'a', h(3, 10), false, null),
      deployment('DA-4', 'a', h(4, 10), true, null),
      deployment('DB-1', 'b', h(2, 10), true, null),
    ],
    incidents: [incident('I-1', 'a', h(1, 16), h(1, 18)), incident('I-2', 'b', h(0, 8), h(0, 8.5)), incident('I-3', 'a', h(4, 12), null, 'DA-1'), incident('I-4', 'a', h(6, 22), h(6, 23), 'NOPE')],
  });
}

const WEEK = { from: '2026-01-05', to: '2026-01-11' };

function delivery(p = deliveryFixture(), report: '2021' | '2023' = '2023', elite = 5) {
  return DeliveryReport.parse(computeDeliveryReport(contextOf(p, { window: WEEK }), { report, eliteDeployDaysPerWeek: elite }));
}

describe('DORA four keys: hand-computed', () => {
  const d = delivery();
  const c = d.current;

  it('deployment frequency: deployment days 1, 2 and 4 → 3 days in the one whole week', () => {
    expect(c.deploymentFrequency).toMatchObject({ deployDaysPerWeek: 3, deployments: 4, deployDays: 3, failedDeployments: 1, fullWeeks: 1, fullMonths: 0, bucket: 'high' });
    // No whole month in the window: the rate, 3 days × 30.4375 / 7.
    expect(c.deploymentFrequency.deployDaysPerMonth).toBeCloseTo((3 * 30.4375) / 7, 9);
  });

  it('lead time for changes: commit samples 4 h and 1 h, proxy samples 22 h and 22 h → median 13 h, mixed', () => {
    const l = c.leadTimeForChangesHours;
    expect(l).toMatchObject({ n: 4, method: 'mixed', commitSamples: 2, itemDoneSamples: 2, bucket: 'elite' });
    expect(l.p50).toBeCloseTo(13, 9);
    expect(l.excluded).toEqual({ 'not-deployed-yet': 1, 'no-team': 1 });
  });

  it('lead time for changes leaves out, without listing them, items of a team that records no deployments, and every item of a workspace without deployments', () => {
    const base = deliveryFixture();
    const withC = deliveryFixture([{ key: 'X-6', team: 'c', history: [['To Do', 0], ['In Progress', 0.1], ['Done', 3]] }]);
    withC.teams.push({ key: 'c', name: 'Charlie', valueStream: 'Two' });
    expect(delivery(withC).current.leadTimeForChangesHours.excluded).toEqual({ 'not-deployed-yet': 1, 'no-team': 1 });
    const none = delivery({ ...base, deployments: [], incidents: [] }).current;
    expect(none.leadTimeForChangesHours).toMatchObject({ n: 0, excluded: {} });
  });

  it('change failure rate: DA-2 (I-1 by rule) and DA-1 (I-3, named by the data) of 4 successful deployments', () => {
    expect(c.changeFailureRate).toMatchObject({ rate: 0.5, deploymentsWithIncident: 2, deployments: 4, bucket: 'low' });
    expect(c.changeFailureRate.excluded).toEqual({ 'incident-no-prior-deployment': 1, 'incident-unknown-deployment': 1 });
  });

  it('time to restore: 0.5 h, 1 h, 2 h → median 1 h ("high": not under an hour); I-3 unresolved is excluded', () => {
    expect(c.timeToRestoreHours).toMatchObject({ n: 3, p50: 1, bucket: 'high', excluded: { 'incident-unresolved': 1 } });
    // Failed deployment recovery (2023): I-1 resolved 18:00 − DA-2 at 15:00.
    expect(c.failedDeploymentRecoveryHours).toMatchObject({ n: 1, p50: 3 });
  });

  it('lists every incident with where its attribution came from', () => {
    expect(d.incidents.map((i) => [i.key, i.deploymentKey, i.source])).toEqual([
      ['I-4', 'NOPE', 'data'],
      ['I-3', 'DA-1', 'data'],
      ['I-1', 'DA-2', 'rule'],
      ['I-2', null, 'none'],
    ]);
  });

  it('the 2021 buckets: lead time 13 h is "high" (not under an hour), deployment frequency "high", CFR "low"', () => {
    const old = delivery(deliveryFixture(), '2021').current;
    expect(old.leadTimeForChangesHours.bucket).toBe('high');
    expect(old.deploymentFrequency.bucket).toBe('high');
    expect(old.changeFailureRate.bucket).toBe('low');
    expect(delivery(deliveryFixture(), '2021').benchmarks.rules.changeFailureRate.elite).toBe('≤ 15 %');
  });

  it('the elite threshold is a setting: at 3 deployment days a week, 3 days is elite', () => {
    expect(delivery(deliveryFixture(), '2023', 3).current.deploymentFrequency.bucket).toBe('elite');
  });
});

describe('incident attribution', () => {
  it('a person’s choice wins over the data and the rule, and "none" stays theirs', () => {
    const dataset = datasetFromPortfolio(deliveryFixture());
    const incidents = dataset.incidents.map((i) =>
      i.key === 'I-1' ? { ...i, causedBy: null, attribution: 'user' as const } : i.key === 'I-3' ? { ...i, causedBy: 'DA-4', attribution: 'user' as const } : i,
    );
    const byKey = new Map(incidents.map((i, k) => [i.key, attributeIncidents({ deployments: dataset.deployments, incidents })[k]!]));
    expect(byKey.get('I-1')).toEqual({ deployment: null, source: 'user', unknownKey: false });
    expect(byKey.get('I-3')!.deployment!.key).toBe('DA-4');
    expect(byKey.get('I-3')!.source).toBe('user');
  });

  describe('edge cases', () => {
    it('an incident with no prior deployment is attributed to none and counted beside the rate', () => {
      const p = portfolio([], { deployments: [deployment('D-1', 'a', 2, true, null)], incidents: [incident('I-1', 'a', 1, 1.5)] });
      const d = delivery(p);
      expect(d.incidents[0]).toMatchObject({ deploymentKey: null, source: 'none' });
      expect(d.current.changeFailureRate).toMatchObject({ rate: 0, deploymentsWithIncident: 0, excluded: { 'incident-no-prior-deployment': 1 } });
    });

    it('a deployment at the very instant the incident opened is not "before" it', () => {
      const p = portfolio([], { deployments: [deployment('D-0', 'a', 0.5, true, null), deployment('D-1', 'a', 1, true, null)], incidents: [incident('I-1', 'a', 1, 1.5)] });
      expect(delivery(p).incidents[0]!.deploymentKey).toBe('D-0');
    });

    it('a failed deployment is never blamed by the rule', () => {
      const p = portfolio([], { deployments: [deployment('D-0', 'a', 0.5, true, null), deployment('D-1', 'a', 0.9, false, null)], incidents: [incident('I-1', 'a', 1, 1.5)] });
      expect(delivery(p).incidents[0]!.deploymentKey).toBe('D-0');
    });

    it('an incident the data attributes to a failed deployment is not a change failure of the successful ones, and is said beside the rate', () => {
      const p = portfolio([], { deployments: [deployment('D-0', 'a', 0.5, true, null), deployment('D-1', 'a', 0.9, false, null)], incidents: [incident('I-1', 'a', 1, 1.5, 'D-1')] });
      const d = delivery(p);
      expect(d.incidents[0]!.deploymentKey).toBe('D-1');
      expect(d.current.changeFailureRate).toMatchObject({ rate: 0, deploymentsWithIncident: 0, deployments: 1, excluded: { 'incident-failed-deployment': 1 } });
    });

    it('no deployments and no incidents: no figures, no buckets', () => {
      const c = delivery(portfolio([])).current;
      expect(c.deploymentFrequency).toMatchObject({ deployments: 0, bucket: null });
      expect(c.changeFailureRate).toMatchObject({ rate: null, bucket: null });
      expect(c.leadTimeForChangesHours).toMatchObject({ n: 0, method: 'none', bucket: null });
      expect(c.timeToRestoreHours).toMatchObject({ n: 0, p50: null, bucket: null });
    });

    it('a change time after its deployment is excluded and said so', () => {
      const p = portfolio([], { deployments: [deployment('D-1', 'a', 1, true, 2)] });
      expect(delivery(p).current.leadTimeForChangesHours).toMatchObject({ n: 0, excluded: { 'change-after-deployment': 1 } });
    });
  });
});

describe('DORA buckets at their edges', () => {
  const t2023 = { report: '2023' as const, eliteDeployDaysPerWeek: 5 };
  const t2021 = { report: '2021' as const, eliteDeployDaysPerWeek: 5 };

  it('deployment frequency', () => {
    const f = (week: number | null, month: number | null, days = 1, windowDays = 91) => ({ deployDaysPerWeek: week, deployDaysPerMonth: month, deployDays: days, windowDays });
    expect(deploymentFrequencyBucket(t2023, f(5, 20))).toBe('elite');
    expect(deploymentFrequencyBucket(t2023, f(1, 4))).toBe('high');
    expect(deploymentFrequencyBucket(t2023, f(0, 1))).toBe('medium');
    expect(deploymentFrequencyBucket(t2023, f(0, 0))).toBe('low');
    expect(deploymentFrequencyBucket(t2021, f(1, 4))).toBe('high');
    expect(deploymentFrequencyBucket(t2021, f(0, 0.5, 1, 91))).toBe('medium'); // 1 day in 91 → 2 per half year
    expect(deploymentFrequencyBucket(t2021, f(0, 0, 1, 365))).toBe('low'); // 0.5 per half year
    expect(deploymentFrequencyBucket(t2023, f(null, null, 0))).toBeNull();
  });

  it('lead time, change failure rate, time to restore', () => {
    expect([leadTimeBucket(t2023, 23.9), leadTimeBucket(t2023, 24), leadTimeBucket(t2023, 168), leadTimeBucket(t2023, 720)]).toEqual(['elite', 'high', 'medium', 'low']);
    expect([leadTimeBucket(t2021, 0.9), leadTimeBucket(t2021, 1), leadTimeBucket(t2021, 4379), leadTimeBucket(t2021, 4380)]).toEqual(['elite', 'high', 'medium', 'low']);
    expect([changeFailureRateBucket(t2023, 0.05), changeFailureRateBucket(t2023, 0.1), changeFailureRateBucket(t2023, 0.15), changeFailureRateBucket(t2023, 0.151)]).toEqual(['elite', 'high', 'medium', 'low']);
    expect([changeFailureRateBucket(t2021, 0.15), changeFailureRateBucket(t2021, 0.2), changeFailureRateBucket(t2021, 0.3), changeFailureRateBucket(t2021, 0.31)]).toEqual(['elite', 'high', 'medium', 'low']);
    expect([timeToRestoreBucket(t2023, 0.99), timeToRestoreBucket(t2023, 1), timeToRestoreBucket(t2023, 24), timeToRestoreBucket(t2023, 168)]).toEqual(['elite', 'high', 'medium', 'low']);
  });
});
