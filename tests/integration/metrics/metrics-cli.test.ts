import { describe, expect, it } from 'vitest';
import { captureCli } from '../../support/cli-capture';
import { flowFixture, TWO_WEEKS } from '../../unit/metrics/metrics-fixtures';
import { workspaceFileForTheseTests } from './metrics-workspace';

const workspacePath = workspaceFileForTheseTests(flowFixture);

const cli = (...args: string[]) => captureCli(['metrics', ...args]);

describe('interlock metrics', () => {
  it('--json prints the promised keys with the hand-computed values', async () => {
    const r = await cli('--workspace', workspacePath(), '--from', TWO_WEEKS.from, '--to', TWO_WEEKS.to, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['scope', 'throughputPerWeek', 'leadTimeDays', 'cycleTimeDays', 'flowEfficiency', 'wip', 'dependencyAgeing', 'dora', 'excluded']);
    expect(json.cycleTimeDays.p50).toBe(3);
    expect(json.cycleTimeDays.n).toBe(5);
    expect(json.throughputPerWeek).toMatchObject({ total: 6, n: 1, p50: 5 });
    expect(json.excluded).toMatchObject({ 'done-before-created': 1, 'no-active-date': 1 });
    expect(json.dora.bucket.report).toBe('2023');
  });

  it('--team takes a name or a key, case-insensitively, and may repeat', async () => {
    const r = await cli('--workspace', workspacePath(), '--team', 'alpha', '--from', TWO_WEEKS.from, '--to', TWO_WEEKS.to, '--json');
    const json = JSON.parse(r.out);
    expect(json.scope.teams.map((t: { key: string }) => t.key)).toEqual(['a']);
    expect(json.throughputPerWeek.total).toBe(3);
    const both = JSON.parse((await cli('--workspace', workspacePath(), '--team', 'a', '--team', 'Bravo', '--json')).out);
    expect(both.scope.teams).toHaveLength(2);
  });

  it('prints a readable summary without --json, exclusions included', async () => {
    const r = await cli('--workspace', workspacePath(), '--from', TWO_WEEKS.from, '--to', TWO_WEEKS.to, '--dora-report', '2021');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Window       2026-01-05 – 2026-01-18 (14 days)');
    expect(r.out).toContain('Cycle time   p50 3 d · p85 5.8 d · p95 6.6 d (n 5)');
    expect(r.out).toContain('1 done before it was created');
  });

  describe('edge cases', () => {
    it('wrong usage exits 2 with the reason and the usage line', async () => {
      for (const args of [[], ['--workspace', workspacePath(), '--from', '5/1/2026'], ['--workspace', workspacePath(), '--team', 'Nobody'], ['--workspace', workspacePath(), '--dora-report', '2019']]) {
        const r = await cli(...args);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/usage: interlock metrics --workspace FILE/);
      }
      expect((await cli('--workspace', workspacePath(), '--team', 'Nobody')).err).toContain('no team "Nobody"; teams: Alpha, Bravo');
    });

    it('a missing file exits 1 with a one-line message', async () => {
      const r = await cli('--workspace', `${workspacePath()}.missing`);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^interlock metrics: There is no workspace at .*\.missing\.$/);
    });

    it('a window with nothing in it prints no data rather than failing', async () => {
      const r = await cli('--workspace', workspacePath(), '--from', '2020-01-01', '--to', '2020-01-31');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Lead time    no data');
    });
  });
});
