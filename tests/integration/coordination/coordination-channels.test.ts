import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract/contract';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';

// The coordination channels end to end through the backend, on the real demo workspace file.

let dir: string;
let backend: Backend;
let demoPath: string;

async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await backend.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

function team(report: CoordinationReport, name: string) {
  return report.teams.find((t) => t.name === name)!;
}

function groupOfTeam(report: CoordinationReport, name: string) {
  const key = team(report, name).key;
  return report.groups.find((g) => g.teamKeys.includes(key))!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interlock-coordination-'));
  backend = createBackend({ log: () => undefined });
  demoPath = join(dir, 'demo.interlock');
  await call('workspace.createDemo', { path: demoPath });
});

afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('coordination.recommend on the demo workspace', () => {
  let report: CoordinationReport;
  beforeAll(async () => {
    report = await call('coordination.recommend', {});
  });

  it('covers the last 90 days of the data, not of the calendar', () => {
    expect(report.window.days).toBe(90);
    expect(report.window.to.slice(0, 10)).toBe('2026-11-15');
    expect(report.window.from.slice(0, 10)).toBe('2026-08-17');
  });

  it('yields all three models', () => {
    expect(new Set(report.groups.map((g) => g.model))).toEqual(new Set(['none', 'scrum-of-scrums', 'team-of-teams']));
    expect(groupOfTeam(report, 'Checkout').model).toBe('team-of-teams');
    expect(groupOfTeam(report, 'Checkout').teamKeys).toEqual(['basket', 'checkout', 'pricing', 'promotions']);
    expect(groupOfTeam(report, 'Merchant Onboarding').model).toBe('scrum-of-scrums');
    expect(groupOfTeam(report, 'Merchant Onboarding').teamKeys).toEqual(['merchant-portal', 'onboarding', 'reporting', 'settlements']);
    for (const name of ['Search', 'Identity', 'Notifications']) expect(groupOfTeam(report, name)).toMatchObject({ model: 'none', role: 'single' });
  });

  it('treats the platform as a shared provider with a bottleneck finding, not as the glue of one group', () => {
    expect(groupOfTeam(report, 'Cloud Platform')).toMatchObject({ role: 'provider', model: 'none', teamKeys: ['platform'] });
    const bottleneck = report.findings.filter((f) => f.kind === 'bottleneck');
    expect(bottleneck.map((f) => f.teamKeys[0])).toEqual(['platform']);
    expect(bottleneck[0]!.title).toBe('11 teams wait on Cloud Platform');
  });

  it('quotes measured values against thresholds in its reasons', () => {
    const tot = groupOfTeam(report, 'Checkout');
    expect(tot.reasons[0]).toBe('High interdependence: cross-team dependency share 26.1 % ≥ 12 %.');
    expect(tot.robustness.stable).toBe(true);
    const sos = groupOfTeam(report, 'Reporting');
    expect(sos.reasons).toContainEqual(expect.stringMatching(/^Integration is neither frequent nor complex \(from deployments: 0 of \d+ integrations hold work of two or more members; the figure is each member’s share, averaged\): joint integration 0 % < 50 %; interface clarity [5-9]\d(?:\.\d)? % ≥ 50 %\.$/));
  });

  it('gives the light groups channel exactly the shape the Flow page filters with', async () => {
    const { groups } = await call('coordination.groups', {});
    expect(groups.map((g) => Object.keys(g).sort())).toEqual(groups.map(() => ['id', 'name', 'teamKeys']));
    expect(groups.map((g) => g.id)).toEqual(report.groups.map((g) => g.id));
    expect(groups[0]).toEqual({ id: 'g-basket', name: 'Basket, Checkout, Pricing and Promotions', teamKeys: ['basket', 'checkout', 'pricing', 'promotions'] });
  });

  it('follows the window it is given', async () => {
    const short = await call('coordination.recommend', { window: { days: 30, end: '2026-10-01T00:00:00.000Z' } });
    expect(short.window).toEqual({ from: '2026-09-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z', days: 30 });
  });
});

describe('settings, forums and scenarios are stored with the workspace', () => {
  it('a stricter Team-of-Teams threshold changes the advice, and reset brings the default back', async () => {
    const { settings, defaults } = await call('coordination.settings.get', {});
    expect(settings).toEqual(defaults);
    await call('coordination.settings.put', { settings: { ...settings, thresholds: { ...settings.thresholds, totDependencyShare: 0.3 } } });
    const strict = await call('coordination.recommend', {});
    expect(groupOfTeam(strict, 'Checkout').model).toBe('scrum-of-scrums');
    expect(strict.settings.thresholds.totDependencyShare).toBe(0.3);
    await call('coordination.settings.reset', {});
    expect(groupOfTeam(await call('coordination.recommend', {}), 'Checkout').model).toBe('team-of-teams');
  });

  it('declared forums feed congruence', async () => {
    const forum = await call('coordination.forums.save', { name: 'Journeys sync', cadence: 'weekly', teamKeys: ['checkout', 'basket', 'pricing', 'promotions', 'search'] });
    expect(forum).toMatchObject({ name: 'Journeys sync', cadence: 'weekly', teamKeys: ['basket', 'checkout', 'pricing', 'promotions', 'search'] });
    const { congruence } = await call('coordination.recommend', {});
    expect(congruence.coveredPairs).toBe(6);
    expect(congruence.coordinationTax).toEqual([{ forumId: forum.id, forumName: 'Journeys sync', teamKey: 'search' }]);
    const renamed = await call('coordination.forums.save', { id: forum.id, name: 'Journeys Team-of-Teams', cadence: null, teamKeys: ['checkout', 'basket'] });
    expect(renamed).toEqual({ id: forum.id, name: 'Journeys Team-of-Teams', cadence: null, teamKeys: ['basket', 'checkout'] });
    expect(await call('coordination.forums.list', {})).toEqual([renamed]);
    expect(await call('coordination.forums.delete', { id: forum.id })).toEqual({ deleted: true });
    expect(await call('coordination.forums.list', {})).toEqual([]);
  });

  it('what-if stores nothing; saving a scenario stores it', async () => {
    const before = createHash('sha256').update(readFileSync(demoPath)).digest('hex');
    const result = await call('coordination.whatIf', { changes: [{ kind: 'merge', teamKeys: ['checkout', 'basket'] }] });
    expect(result.teamChanges.find((c) => c.teamKey === 'basket')).toMatchObject({ mergedInto: 'checkout', after: null });
    expect(createHash('sha256').update(readFileSync(demoPath)).digest('hex')).toBe(before);
    expect(await call('coordination.scenarios.list', {})).toEqual([]);

    const saved = await call('coordination.scenarios.save', { name: 'One journey team', changes: [{ kind: 'merge', teamKeys: ['checkout', 'basket'] }] });
    expect(saved).toMatchObject({ name: 'One journey team', changes: [{ kind: 'merge', teamKeys: ['checkout', 'basket'] }] });
    expect((await call('coordination.scenarios.list', {})).map((s) => s.name)).toEqual(['One journey team']);
    expect(await call('coordination.scenarios.delete', { id: saved.id })).toEqual({ deleted: true });
  });

  it('lists dependencies oldest first with who waits on whom', async () => {
    const list = await call('coordination.dependencies', { state: 'open' });
    expect(list.asOf.slice(0, 10)).toBe('2026-11-15');
    expect(list.dependencies.length).toBe(list.total);
    const ages = list.dependencies.map((d) => d.ageDays);
    expect(ages).toEqual([...ages].sort((x, y) => y - x));
    expect(list.dependencies.every((d) => d.state === 'open' && d.waitingTeam !== null)).toBe(true);
    const platform = await call('coordination.dependencies', { state: 'open', teamKey: 'platform', side: 'providing' });
    expect(platform.dependencies.every((d) => d.providingTeam?.key === 'platform')).toBe(true);
    expect(platform.total).toBe(list.teams.find((t) => t.key === 'platform')!.waitedOnBy);
  });
});

describe('edge cases', () => {
  it('a forum naming an unknown team is refused with the team named, and nothing is written', async () => {
    const result = await backend.call('coordination.forums.save', { name: 'Ghosts', teamKeys: ['checkout', 'nobody'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'No team with the key “nobody” in this workspace.' } });
    expect(await call('coordination.forums.list', {})).toEqual([]);
  });

  it('two forums cannot share a name', async () => {
    await call('coordination.forums.save', { name: 'Sync', teamKeys: [] });
    const again = await backend.call('coordination.forums.save', { name: 'Sync', teamKeys: [] });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'A forum named “Sync” already exists; choose another name.' } });
  });

  it('invalid settings are refused at the contract', async () => {
    const result = await backend.call('coordination.settings.put', { settings: { thresholds: { totDependencyShare: 2 } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('without a workspace the channels say so', async () => {
    const other = createBackend({ log: () => undefined });
    try {
      expect(await other.call('coordination.recommend', {})).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
    } finally {
      other.close();
    }
  });
});
