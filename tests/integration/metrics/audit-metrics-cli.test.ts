import { describe, expect, it } from 'vitest';
import { captureCli } from '../../support/cli-capture';
import { auditPortfolio } from '../../support/audit-portfolio';
import { workspaceFileForTheseTests } from './metrics-workspace';

// `interlock metrics` on the audit portfolio, 2025-03-03 … 03-30, against the auditor's hand values.

const workspacePath = workspaceFileForTheseTests(() => auditPortfolio);
const cli = (...args: string[]) => captureCli(['metrics', '--workspace', workspacePath(), '--from', '2025-03-03', '--to', '2025-03-30', ...args]);

describe('interlock metrics on the audit portfolio', () => {
  it('stores the exact percentiles and prints them rounded as the page does (3.55 → 3.6, 7.65 → 7.7, 8.55 → 8.6)', async () => {
    const json = JSON.parse((await cli('--json')).out);
    // Weekly throughput 2, 4, 1, 3.
    expect(json.throughputPerWeek).toMatchObject({ p50: 2.5, p85: 3.55, p95: 3.85, total: 10 });
    const text = (await cli()).out;
    expect(text).toContain('Throughput   2.5 items/week median (p85 3.6, 4 full weeks); 10 done');
    // Alpha's cycle times 2, 4, 6, 9.
    const alpha = await cli('--team', 'Alpha');
    expect(alpha.out).toContain('Cycle time   p50 5 d · p85 7.7 d · p95 8.6 d (n 4)');
  });
});
