import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWindowDays } from '../../../electron/cli/cli-support';
import { captureCli } from '../../support/cli-capture';

// `interlock recommend` on a real demo workspace file, through the same entry point as the command line.

let dir: string;
let path: string;

const cli = (...argv: string[]) => captureCli(argv);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interlock-recommend-cli-'));
  path = join(dir, 'demo.interlock');
  expect((await cli('demo', path)).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recommend --json', () => {
  it('prints groups with team names, coupling, model, cues and reasons, then findings and congruence', async () => {
    const { code, out } = await cli('recommend', '--workspace', path, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      groups: { teams: string[]; coupling: number; model: string; cues: { id: string; value: number | null }[]; reasons: string[] }[];
      findings: { kind: string; teams: string[] }[];
      congruence: { requiredPairs: number; congruence: number | null };
    };
    expect(json.groups[0]).toMatchObject({ teams: ['Basket', 'Checkout', 'Pricing', 'Promotions'], model: 'team-of-teams' });
    expect(json.groups[0]!.coupling).toBeGreaterThan(0.5);
    expect(json.groups[0]!.cues.map((c) => c.id)).toEqual(['dependencyShare', 'blockedDaysPerItem', 'sharedObjectives', 'jointIntegration', 'interfaceClarity']);
    expect(json.groups[1]).toMatchObject({ teams: ['Merchant Portal', 'Merchant Onboarding', 'Reporting', 'Settlements'], model: 'scrum-of-scrums' });
    expect(json.groups.map((g) => g.model)).toContain('none');
    expect(json.findings.find((f) => f.kind === 'bottleneck')!.teams[0]).toBe('Cloud Platform');
    expect(json.congruence.requiredPairs).toBeGreaterThan(0);
    expect(json.congruence.congruence).toBe(0);
  });

  it('takes a window in days or weeks', async () => {
    const { out } = await cli('recommend', '--workspace', path, '--json', '--window', '4w');
    expect((JSON.parse(out) as { window: { days: number } }).window.days).toBe(28);
  });
});

describe('recommend (human output)', () => {
  it('reads per group: model, members, reasons and what would change it', async () => {
    const { code, out } = await cli('recommend', '--workspace', path);
    expect(code).toBe(0);
    expect(out).toMatch(/^Coordination advice for Interlock demo: 2026-08-17 to 2026-11-15 \(90 days\)/);
    expect(out).toContain('Team-of-Teams: Basket, Checkout, Pricing and Promotions (coupling 0.');
    expect(out).toContain('    - High interdependence: cross-team dependency share 26.1 % ≥ 12 %.');
    expect(out).toContain('Scrum of Scrums: Merchant Onboarding, Merchant Portal, Reporting and Settlements');
    expect(out).toContain('No standing forum: Cloud Platform (shared provider)');
    expect(out).toContain('  [bottleneck] 11 teams wait on Cloud Platform');
  });
});

describe('edge cases', () => {
  it('a malformed window is a usage error (exit 2) naming the option', async () => {
    const { code, err } = await cli('recommend', '--workspace', path, '--window', 'ninety');
    expect(code).toBe(2);
    expect(err).toContain('--window must look like 90d or 12w, got "ninety"');
    expect(() => parseWindowDays('3d')).toThrow('--window must be between 7 and 3650 days, got 3');
    expect(parseWindowDays('90')).toBe(90);
    expect(parseWindowDays(undefined)).toBeUndefined();
  });

  it('a missing workspace is a one-line failure, not a stack trace', async () => {
    const { code, err } = await cli('recommend', '--workspace', join(dir, 'missing.interlock'));
    expect(code).toBe(1);
    expect(err).toMatch(/^interlock recommend: There is no workspace at .*missing\.interlock\.$/);
  });

  it('no workspace given is a usage error', async () => {
    expect((await cli('recommend')).code).toBe(2);
  });
});
