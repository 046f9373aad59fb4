import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { MAX_CHART_MARKS } from '../../../shared/metrics/metrics-vocabulary';
import { valueOf } from './metrics-workspace';

// A demo workspace ten times the default: enough items that the backend must bin and sample.
// (No timing here: speed is measured by the benchmark, never asserted in a test.)
let backend: Backend;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interlock-metrics-scale-'));
  backend = createBackend({ log: () => undefined });
  await valueOf(backend.call('workspace.createDemo', { path: join(dir, 'big.interlock'), items: 25_000, seed: 7 }));
}, 120_000);

afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

function marks(charts: FlowReport['charts']): Record<string, number> {
  return {
    throughput: charts.throughput.length,
    cycleTimeScatter: charts.cycleTimeScatter.points.length + charts.cycleTimeScatter.bins.length,
    leadTimeHistogram: charts.leadTimeHistogram.bins.length * 2,
    cycleTimeHistogram: charts.cycleTimeHistogram.bins.length * 2,
    cumulativeFlow: charts.cumulativeFlow.days.length * 4,
    wip: charts.wip.days.length,
    ageingWip: charts.ageingWip.points.length + charts.ageingWip.bins.length,
    flowEfficiency: charts.flowEfficiency.length,
    flowDistribution: charts.flowDistribution.length * 5,
    dependencyAgeing: charts.dependencyAgeing.points.length + charts.dependencyAgeing.bins.length,
    dependencyResolution: charts.dependencyResolution.bins.length * 2,
  };
}

describe('metrics at scale', () => {
  it('no chart of a 25,000-item workspace carries more than the mark budget, and binned charts keep every count', async () => {
    const flow = await valueOf(backend.call('metrics.flow', { window: { from: '2026-02-16', to: '2026-11-15' } }));
    for (const [chart, n] of Object.entries(marks(flow.charts))) expect(n, chart).toBeLessThanOrEqual(MAX_CHART_MARKS + 4);
    const scatter = flow.charts.cycleTimeScatter;
    expect(scatter.binned).toBe(true);
    expect(scatter.bins.reduce((n, b) => n + b.count, 0)).toBe(scatter.total);
    expect(scatter.total).toBe(flow.current.cycleTimeDays.n + (flow.previous?.cycleTimeDays.n ?? 0));
  });

  describe('edge cases', () => {
    it('a single team of the same workspace still answers in full', async () => {
      const flow = await valueOf(backend.call('metrics.flow', { teamKeys: ['platform'] }));
      expect(flow.scope.teams.map((t) => t.key)).toEqual(['platform']);
      expect(flow.current.throughputPerWeek.total).toBeGreaterThan(0);
    });
  });
});
