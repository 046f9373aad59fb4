import { afterEach, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../../electron/backend/store/queries/portfolio-writes';
import { datasetFromPortfolio } from '../../../shared/metrics/dataset-from-portfolio';
import { computeDeliveryReport } from '../../../shared/metrics/delivery-report';
import { computeFlowReport } from '../../../shared/metrics/flow-report';
import { metricsContext } from '../../../shared/metrics/metrics-context';
import type { Database } from 'better-sqlite3';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { day, flowFixture, portfolio, request, TWO_WEEKS } from '../../unit/metrics/metrics-fixtures';
import { valueOf, workspaceWith } from './metrics-workspace';
import { fixture, runImport } from '../import/import-support';
import { hasMetricsSnapshot } from '../../../electron/backend/store/queries/metrics-snapshot';
import { cachedMetrics, loadMetrics, readDataset } from '../../../electron/backend/metrics/metrics-dataset-loader';
import { remembered } from '../../../electron/backend/store/workspace-memory';

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

async function open(p = flowFixture()) {
  const ws = await workspaceWith(p);
  dispose = ws.dispose;
  return ws;
}

function withDelivery() {
  return flowFixture().incidents.length === 0
    ? {
        ...flowFixture(),
        deployments: [
          { key: 'DA-1', teamKey: 'a', service: 'a-svc', at: day(1.4), succeeded: true, changeAt: day(1.3), release: null, itemKeys: [] },
          { key: 'DA-2', teamKey: 'a', service: 'a-svc', at: day(5), succeeded: true, changeAt: null, release: null, itemKeys: [] },
          { key: 'DB-1', teamKey: 'b', service: 'b-svc', at: day(3), succeeded: true, changeAt: null, release: null, itemKeys: [] },
        ],
        incidents: [
          { key: 'I-1', teamKey: 'a', service: 'a-svc', openedAt: day(5.5), resolvedAt: day(5.6), causedByDeploymentKey: null },
          { key: 'I-2', teamKey: 'b', service: 'b-svc', openedAt: day(0.2), resolvedAt: null, causedByDeploymentKey: null },
        ],
      }
    : flowFixture();
}

describe('metrics channels on a real workspace file', () => {
  it('the backend reading the file computes exactly what the pure metrics compute from the same portfolio', async () => {
    const p = withDelivery();
    const { backend } = await open(p);
    const flow = await valueOf(backend.call('metrics.flow', { window: TWO_WEEKS, compare: 'none' }));
    const ctx = metricsContext(datasetFromPortfolio(p), request({ window: TWO_WEEKS }));
    expect(flow).toEqual(computeFlowReport(ctx));
    const delivery = await valueOf(backend.call('metrics.delivery', { window: TWO_WEEKS, compare: 'none' }));
    expect(delivery).toEqual(computeDeliveryReport(ctx, { report: '2023', eliteDeployDaysPerWeek: 5 }));
    // And the hand-computed figures survive the trip through SQLite.
    expect(flow.current.cycleTimeDays).toMatchObject({ n: 5, p50: 3 });
    expect(flow.current.flowEfficiency.portfolio).toBeCloseTo(11 / 12, 12);
  });

  it('scope options list teams in workspace order, value streams, types present and the default window', async () => {
    const { backend } = await open();
    const o = await valueOf(backend.call('metrics.scopeOptions', {}));
    expect(o.teams.map((t) => t.key)).toEqual(['a', 'b']);
    expect(o.valueStreams).toEqual(['One', 'Two']);
    expect(o.itemTypes).toEqual(['feature', 'story', 'defect', 'risk', 'debt', 'task']);
    expect(o.asOf).toBe(day(9.5));
    // The data ends Wednesday 2026-01-14; its ISO week starts Monday Jan 12, and twelve weeks before that is Oct 20.
    expect(o.defaultWindow).toEqual({ from: '2025-10-20', to: '2026-01-14' });
    expect(o.settings).toEqual({ percentileMethod: 'linear', doraReport: '2023', eliteDeployDaysPerWeek: 5, defaultWindowWeeks: 13 });
  });

  it('settings persist in the workspace and change the figures', async () => {
    const { backend } = await open();
    await valueOf(backend.call('metrics.saveSettings', { percentileMethod: 'nearest-rank', defaultWindowWeeks: 2 }));
    expect(await valueOf(backend.call('metrics.settings', {}))).toMatchObject({ percentileMethod: 'nearest-rank', defaultWindowWeeks: 2, doraReport: '2023' });
    const flow = await valueOf(backend.call('metrics.flow', { compare: 'none' }));
    expect(flow.scope.window).toMatchObject({ from: day(0), to: day(10) });
    expect(flow.current.cycleTimeDays.p85).toBe(7);
    const refused = await backend.call('metrics.saveSettings', { eliteDeployDaysPerWeek: 9 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(refused.ok ? '' : refused.error.message).toContain('eliteDeployDaysPerWeek: at most 7 days a week');
  });

  it('a report asked again is answered from memory, but never past a change to the data or the settings', async () => {
    const { backend } = await open();
    const scope = { window: TWO_WEEKS, compare: 'none' as const };
    const first = await valueOf(backend.call('metrics.flow', scope));
    expect(first.current.cycleTimeDays.p85).not.toBe(7);
    expect(await valueOf(backend.call('metrics.flow', scope))).toEqual(first);
    await valueOf(backend.call('metrics.saveSettings', { percentileMethod: 'nearest-rank' }));
    const settled = await valueOf(backend.call('metrics.flow', scope));
    expect(settled.current.cycleTimeDays.p85).toBe(7);
    // A change to the items, even one made outside the metrics channels.
    const { db } = backend.context.session.require();
    db.prepare(`DELETE FROM work_items WHERE key = 'A-1'`).run();
    const changed = await valueOf(backend.call('metrics.flow', scope));
    expect(changed.current.cycleTimeDays.n).toBe(settled.current.cycleTimeDays.n - 1);
  });

  it('summary has exactly the keys the CLI promises', async () => {
    const { backend } = await open(withDelivery());
    const s = await valueOf(backend.call('metrics.summary', { window: TWO_WEEKS }));
    expect(Object.keys(s)).toEqual(['scope', 'throughputPerWeek', 'leadTimeDays', 'cycleTimeDays', 'flowEfficiency', 'wip', 'dependencyAgeing', 'dora', 'excluded']);
    expect(Object.keys(s.dora)).toEqual(['deploymentFrequency', 'leadTimeForChangesHours', 'changeFailureRate', 'timeToRestoreHours', 'bucket']);
    expect(Object.keys(s.leadTimeDays)).toEqual(['p50', 'p85', 'p95', 'n']);
    expect(s.scope.compare).toBeNull();
  });

  it('an incident’s attribution can be corrected, survives a re-import, and can be handed back', async () => {
    const { backend } = await open(withDelivery());
    const before = await valueOf(backend.call('metrics.delivery', { window: TWO_WEEKS, compare: 'none' }));
    expect(before.incidents.find((i) => i.key === 'I-1')).toMatchObject({ deploymentKey: 'DA-2', source: 'rule' });
    expect(before.current.changeFailureRate.deploymentsWithIncident).toBe(1);

    const candidates = await valueOf(backend.call('metrics.incidentCandidates', { incidentKey: 'I-1' }));
    expect(candidates.candidates.map((c) => c.key)).toEqual(['DA-2', 'DA-1', 'DB-1']);

    const corrected = await valueOf(backend.call('metrics.attributeIncident', { incidentKey: 'I-1', cause: { kind: 'deployment', deploymentKey: 'DB-1' } }));
    expect(corrected).toMatchObject({ deploymentKey: 'DB-1', source: 'user' });
    const after = await valueOf(backend.call('metrics.delivery', { window: TWO_WEEKS, compare: 'none' }));
    expect(after.incidents.find((i) => i.key === 'I-1')).toMatchObject({ deploymentKey: 'DB-1', source: 'user' });

    // A re-import of the same incident (no cause in the data) keeps the person's choice.
    const { db } = backend.context.session.require();
    upsertIncidents(db, withDelivery().incidents);
    const reimported = await valueOf(backend.call('metrics.delivery', { window: TWO_WEEKS, compare: 'none' }));
    expect(reimported.incidents.find((i) => i.key === 'I-1')).toMatchObject({ deploymentKey: 'DB-1', source: 'user' });

    await valueOf(backend.call('metrics.attributeIncident', { incidentKey: 'I-1', cause: { kind: 'none' } }));
    const none = await valueOf(backend.call('metrics.delivery', { window: TWO_WEEKS, compare: 'none' }));
    expect(none.current.changeFailureRate.deploymentsWithIncident).toBe(0);
    expect(none.incidents.find((i) => i.key === 'I-1')).toMatchObject({ deploymentKey: null, source: 'user' });

    const back = await valueOf(backend.call('metrics.attributeIncident', { incidentKey: 'I-1', cause: { kind: 'automatic' } }));
    expect(back).toMatchObject({ deploymentKey: 'DA-2', source: 'rule' });
  });

  it('reads deployments in time order with ties broken by key, as the pure dataset does (not the locale’s order)', async () => {
    const keys = ['b-2', 'B-1', 'a-3', 'A-10'];
    const p = {
      ...flowFixture(),
      deployments: keys.map((key) => ({ key, teamKey: 'a', service: 'a-svc', at: day(2), succeeded: true, changeAt: null, release: null, itemKeys: [] })),
    };
    const { backend } = await open(p);
    const { db } = backend.context.session.require();
    const expected = ['A-10', 'B-1', 'a-3', 'b-2'];
    expect(readDataset(db).deployments.map((d) => d.key)).toEqual(expected);
    expect(datasetFromPortfolio(p).deployments.map((d) => d.key)).toEqual(expected);
  });

  it.each([
    ['a deployment', { deploymentAt: day(90), openedAt: day(60), resolvedAt: day(70) }],
    ['an incident opening', { deploymentAt: day(60), openedAt: day(90), resolvedAt: null }],
    ['an incident resolved', { deploymentAt: day(60), openedAt: day(70), resolvedAt: day(90) }],
  ])('ends the data at its last time when that is %s, and reads deployments and incidents as the pure dataset does', async (_what, t) => {
    const p = {
      ...flowFixture(),
      deployments: [
        { key: 'D-late', teamKey: 'a', service: 'a-svc', at: t.deploymentAt, succeeded: false, changeAt: null, release: 'r1', itemKeys: [] },
        { key: 'D-early', teamKey: 'b', service: null, at: day(1), succeeded: true, changeAt: day(0.5), release: null, itemKeys: [] },
      ],
      incidents: [{ key: 'I-1', teamKey: 'a', service: 'a-svc', openedAt: t.openedAt, resolvedAt: t.resolvedAt, causedByDeploymentKey: null }],
    };
    const { backend } = await open(p);
    const { db } = backend.context.session.require();
    const { dataset } = loadMetrics(db);
    const pure = datasetFromPortfolio(p);
    expect(dataset.asOf).toBe(Date.parse(day(90)));
    expect(pure.asOf).toBe(Date.parse(day(90)));
    expect(dataset.deployments).toEqual(pure.deployments);
    expect(dataset.incidents).toEqual(pure.incidents);
  });

  it.each([
    ['a deployment', { deploymentAt: day(-20), openedAt: day(5), resolvedAt: day(6) }],
    ['an incident opening', { deploymentAt: day(5), openedAt: day(-20), resolvedAt: day(6) }],
  ])('begins the data at its first time when that is %s, as the pure dataset does', async (_what, t) => {
    const p = {
      ...flowFixture(),
      deployments: [{ key: 'D-1', teamKey: 'a', service: 'a-svc', at: t.deploymentAt, succeeded: true, changeAt: null, release: null, itemKeys: [] }],
      incidents: [{ key: 'I-1', teamKey: 'a', service: 'a-svc', openedAt: t.openedAt, resolvedAt: t.resolvedAt, causedByDeploymentKey: null }],
    };
    const { backend } = await open(p);
    const { dataset } = loadMetrics(backend.context.session.require().db);
    expect(dataset.firstAt).toBe(Date.parse(day(-20)));
    expect(datasetFromPortfolio(p).firstAt).toBe(Date.parse(day(-20)));
    // Without deployments and incidents, the items' first instant: the flow fixture's first creation.
    const items = await open(flowFixture());
    expect(loadMetrics(items.backend.context.session.require().db).dataset.firstAt).toBe(datasetFromPortfolio(flowFixture()).firstAt);
  });

  it('refuses to read the deployments of a dataset kept across a change of the data, and keeps those it read before', async () => {
    const { backend } = await open(withDelivery());
    const { db } = backend.context.session.require();
    const read = loadMetrics(db).dataset;
    const deployments = read.deployments;
    const unread = readDataset(db);
    upsertIncidents(db, [{ key: 'I-3', teamKey: 'a', service: 'a-svc', openedAt: day(6), resolvedAt: null, causedByDeploymentKey: null }]);
    expect(() => unread.deployments).toThrow(/deployments were asked for after the data changed/);
    expect(() => unread.incidents).toThrow(/incidents were asked for after the data changed/);
    expect(read.deployments).toBe(deployments);
    // A dataset loaded now has the new incident.
    expect(loadMetrics(db).dataset.incidents.map((i) => i.key)).toContain('I-3');
  });

  describe('edge cases', () => {
    async function fileWith(p = flowFixture()): Promise<string> {
      const { path, backend } = await open(p);
      await valueOf(backend.call('workspace.close', {}));
      return path;
    }
    const nextTick = () => new Promise((resolve) => setImmediate(resolve));
    /** A prefetching backend with the fixture open; the test fails on any error the prefetch logs. */
    async function withPrefetch(run: (backend: Backend, db: Database) => Promise<void>): Promise<void> {
      const path = await fileWith();
      const errors: unknown[] = [];
      const backend = createBackend({ prefetch: true, log: (_m, e) => errors.push(e) });
      try {
        await valueOf(backend.call('workspace.open', { path }));
        await run(backend, backend.context.session.require().db);
        expect(errors).toEqual([]);
      } finally {
        backend.close();
      }
    }

    it('a backend that prefetches loads the metrics right after a workspace opens, and the first answer uses them', async () => {
      await withPrefetch(async (backend, db) => {
        expect(cachedMetrics(db)).toBeNull();
        await nextTick();
        const prefetched = cachedMetrics(db);
        expect(prefetched?.dataset.items.count).toBe(flowFixture().items.length);
        await valueOf(backend.call('metrics.flow', { window: TWO_WEEKS }));
        expect(cachedMetrics(db)).toBe(prefetched);
      });
    });

    it('goes one step per turn of the event loop, so a request that comes meanwhile does not wait for the whole prefetch', async () => {
      await withPrefetch(async (backend, db) => {
        const reports = () => remembered<Map<string, unknown>>(db, 'metrics:flow-reports')?.size ?? 0;
        await nextTick();
        // The columns are loaded; the request answered now comes before the Flow report is computed.
        expect(cachedMetrics(db)).not.toBeNull();
        await valueOf(backend.call('workspace.current', {}));
        expect(reports()).toBe(0);
        await nextTick();
        expect(reports()).toBe(1);
      });
    });

    it('a request for the report that comes while the prefetch computes it is answered with that report, between its computing and its check', async () => {
      await withPrefetch(async (backend, db) => {
        const reports = () => [...(remembered<Map<string, unknown>>(db, 'metrics:flow-reports')?.values() ?? [])];
        const answered = () => remembered<WeakSet<object>>(db, 'metrics:flow-reports-answered');
        await nextTick();
        await nextTick();
        // Computed, not yet given to a call (nor checked).
        expect(reports()).toHaveLength(1);
        expect(answered()?.has(reports()[0] as object) ?? false).toBe(false);
        const answer = await valueOf(backend.call('metrics.flow', {}));
        // The call was given the prefetched report (and the contract checked it); nothing computed again.
        expect(reports()).toHaveLength(1);
        expect(answered()?.has(reports()[0] as object)).toBe(true);
        expect(answer).toEqual(reports()[0]);
        await nextTick();
        expect(reports()).toHaveLength(1);
      });
    });

    it('after an import (which stores the snapshot and keeps the columns it wrote) the new data is loaded before it is asked', async () => {
      await withPrefetch(async (backend, db) => {
        await nextTick();
        const status = await runImport(backend, [fixture('interlock', 'interlock-items.csv')]);
        expect(status.state).toBe('done');
        expect(hasMetricsSnapshot(db)).toBe(true);
        await nextTick();
        const reloaded = cachedMetrics(db);
        expect(reloaded?.dataset.items.count).toBe(flowFixture().items.length + status.report!.counts.items);
        expect(reloaded?.source).toBe('import');
      });
    });

    it('without prefetch nothing is loaded until asked; a workspace closed before the prefetch runs is left alone', async () => {
      const path = await fileWith();
      const plain = createBackend({ log: () => undefined });
      try {
        await valueOf(plain.call('workspace.open', { path }));
        await nextTick();
        expect(cachedMetrics(plain.context.session.require().db)).toBeNull();
      } finally {
        plain.close();
      }
      const errors: unknown[] = [];
      const eager = createBackend({ prefetch: true, log: (_m, e) => errors.push(e) });
      try {
        await valueOf(eager.call('workspace.open', { path }));
        await valueOf(eager.call('workspace.close', {}));
        await nextTick();
        expect(errors).toEqual([]);
      } finally {
        eager.close();
      }
    });

    it('refuses a deployment after the incident, unknown keys, and unknown teams, saying which', async () => {
      const { backend } = await open(withDelivery());
      const late = await backend.call('metrics.attributeIncident', { incidentKey: 'I-2', cause: { kind: 'deployment', deploymentKey: 'DB-1' } });
      expect(late).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(late.ok ? '' : late.error.message).toMatch(/after incident "I-2" opened/);
      expect(await backend.call('metrics.attributeIncident', { incidentKey: 'I-9', cause: { kind: 'none' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await backend.call('metrics.attributeIncident', { incidentKey: 'I-1', cause: { kind: 'deployment', deploymentKey: 'X' } })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
      const team = await backend.call('metrics.flow', { teamKeys: ['zz'] });
      expect(team.ok ? '' : team.error.message).toBe('This workspace has no team with key "zz" (teams: a, b).');
      const dates = await backend.call('metrics.flow', { window: { from: '2026-02-30', to: '2026-01-01' } });
      expect(dates).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(dates.ok ? '' : dates.error.message).toContain('window.from: is not a real calendar date');
    });

    it('an empty workspace answers with empty figures', async () => {
      const { backend } = await open(portfolio([]));
      const flow = await valueOf(backend.call('metrics.flow', {}));
      expect(flow.scope.asOf).toBeNull();
      expect(flow.current.throughputPerWeek.total).toBe(0);
      const delivery = await valueOf(backend.call('metrics.delivery', {}));
      expect(delivery.current.deploymentFrequency.bucket).toBeNull();
    });

    it('without an open workspace, a clear error', async () => {
      const backend = createBackend({ log: () => undefined });
      try {
        expect(await backend.call('metrics.flow', {})).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
      } finally {
        backend.close();
      }
    });

    it('a history inserted out of time order keeps its recorded order in the file too', async () => {
      const p = portfolio([{ key: 'O-1', team: 'a', history: [['To Do', 0], ['In Progress', 1], ['In Review', 2.5], ['Done', 2.25]] }]);
      const { backend } = await open(p);
      const flow = await valueOf(backend.call('metrics.flow', { window: TWO_WEEKS, compare: 'none' }));
      expect(flow.current.cycleTimeDays).toMatchObject({ n: 1, p50: 1.25, excluded: { 'history-out-of-order': 1 } });
      expect(flow.current.wip.current).toBe(0);
    });
  });
});
