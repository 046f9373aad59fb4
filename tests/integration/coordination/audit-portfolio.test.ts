import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { writePortfolio } from '../../../electron/backend/store/queries/portfolio-writes';
import { closeWorkspace, createWorkspace } from '../../../electron/backend/store/workspace-file';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';
import { auditPortfolio } from '../../support/audit-portfolio';
import { channelCalls } from '../../support/channel-calls';

// The coordination advice on the audit portfolio, against the auditor's hand computations
// (90 days ending 2025-03-30T12:00Z hold all the data).

let dir: string;
let backend: Backend;
let report: CoordinationReport;
const { call } = channelCalls(() => backend);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interlock-coordination-audit-'));
  const path = join(dir, 'audit.interlock');
  closeWorkspace(createWorkspace(path, { fill: (db) => db.transaction(() => writePortfolio(db, auditPortfolio))() }));
  backend = createBackend({ log: () => undefined });
  await call('workspace.open', { path });
  report = await call('coordination.recommend', {});
});

afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

const pair = (a: string, b: string) => report.pairs.find((p) => p.teamKeys[0] === a && p.teamKeys[1] === b)!;

describe('coordination on the audit portfolio', () => {
  it('counts only successful deployments as integrations: the failed DA3 ships nothing', () => {
    // Alpha R1, R2, DA4 (not DA3); Beta R1, DB2; Gamma DC1, DC2; Delta none (left out).
    const group = report.groups.find((g) => g.teamKeys.length === 4)!;
    const cue = group.cues.find((c) => c.id === 'jointIntegration')!;
    expect(cue.value).toBeCloseTo((1 / 3 + 1 / 2 + 0 / 2) / 3, 10);
    expect(cue.display).toBe('27.8 %');
    expect(group.measures.integrations).toBe(6);
    // The pair's input too: one joint release (R1) over Beta's 2 integrations.
    expect(pair('alpha', 'beta')).toMatchObject({ jointIntegrations: 1, jointIntegration: 0.5 });
    expect(pair('alpha', 'beta').coupling).toBeCloseTo(0.8125, 10);
  });
});

describe('a pair with a team that never deploys (Delta) leaves joint integration out, as a group does', () => {
  it('Delta – Gamma: joint integration not measured (0 of 0), coupling the mean of the measured cues = 1.00, not 0.75', () => {
    const p = pair('delta', 'gamma');
    // Delta has no integration in the window: there is nothing of its to share, so no 0 either.
    expect(p.jointIntegration).toBeNull();
    expect(p.components.integration).toBeNull();
    // Measured: dependencies 1 (0.30), blocked 1 (0.20), undeclared 1 (0.10); objectives none recorded.
    expect(p.components).toMatchObject({ dependencies: 1, blocked: 1, undeclared: 1, objectives: null });
    expect(p.coupling).toBeCloseTo((0.3 * 1 + 0.2 * 1 + 0.1 * 1) / (0.3 + 0.2 + 0.1), 10);
    expect(p.coupling.toFixed(2)).toBe('1.00');
  });

  it('pairs where both teams integrate keep the cue: Alpha – Beta 0.5 as before', () => {
    expect(pair('alpha', 'beta').components.integration).toBe(0.5);
  });
});

describe('the trend on the audit portfolio, whose data begins on 2025-02-01', () => {
  it('has no period that begins before the data: they are no samples, not couplings of 0.00', () => {
    // Six periods of 30 days end 2025-03-30T12:00Z; the four before Jan 29 hold no record at all, and the
    // fifth (Jan 29 – Feb 28) begins 2.5 days before the data. One period is left: too few for a trend.
    for (const g of report.groups) {
      expect(g.trend.map((p) => p.from)).toEqual(['2025-02-28T12:00:00.000Z']);
    }
    expect(report.findings.filter((f) => f.kind === 'trend')).toEqual([]);
    expect(JSON.stringify(report.findings)).not.toContain('from 0.00');
  });
});
