import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/contract';
import { valueOf } from '../metrics/metrics-workspace';
import { planNextIncrement, plannedWorkspace } from './planned-workspace';

// forecast.plan on a real workspace: a plan simple enough that every odd is computed by hand.
//
// 100 days of history (2026-01-05 … 2026-04-14): team a finishes one item every day, team b one on
// every second day, so over the last 84 days a samples 1 always and b samples 1 half the time.
// The increment is two days, 2026-04-15 and 16, one iteration. Planned: A-1 then A-2 for a, B-1
// for b; A-2 waits on B-1. Feature F (the parent of A-1 and B-1), objective O (A-2 and B-1).
// - a's first day always delivers it: 1.
// - B-1: at least one of two coin flips: 1 − ½² = 0.75.
// - workable the day after B-1 is done, so only if B-1 is done on day one: ½. Without the
//   dependency a does it on day two: 1. Dependency cost ½, the costliest dependency is the only one.
// - The line B-1 → A-2 is needed by the iteration's first day: B-1 is never done before it: 0.
// - F: A-1 and B-1: 0.75. O: A-2 and B-1 (A-2 done implies B-1 done): ½, committed, below 70 %.
// - Team a all planned done ½, team b 0.75, the whole increment ½.

const TOLERANCE = 0.02; // over four standard errors of a proportion near ½ at 10,000 trials

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

async function planned() {
  const ws = await plannedWorkspace();
  dispose = ws.dispose;
  return ws.backend;
}

const near = (actual: number | null, expected: number) => expect(Math.abs(actual! - expected)).toBeLessThan(TOLERANCE);

describe('forecast.plan', () => {
  it('gives every item, feature, objective, line and team the odds computed by hand', async () => {
    const backend = await planned();
    const c = await valueOf(backend.call('forecast.plan', {}));
    expect(c.increment).toEqual({ name: 'PI 1', start: '2026-04-15', end: '2026-04-16' });
    expect(c.provenance).toMatchObject({ window: { from: '2026-01-21', to: '2026-04-14', days: 84 }, trials: 10_000, seed: 1, start: '2026-04-15', dataLastDay: '2026-04-14', uncommitBelow: 0.7 });
    const item = (key: string) => c.items.find((i) => i.key === key)!;
    expect(item('A-1')).toMatchObject({ probability: 1, p85Date: '2026-04-15', dependencyCost: 0, teamKey: 'a', iterationName: 'I1', due: '2026-04-16' });
    near(item('B-1').probability, 0.75);
    near(item('A-2').probability, 0.5);
    expect(item('A-2').probabilityWithoutDependencies).toBe(1);
    near(item('A-2').dependencyCost, 0.5);
    expect(item('A-2').costliestDependency?.key).toBe(c.dependencies[0]!.key);
    expect(c.dependencies).toEqual([expect.objectContaining({ providerKey: 'B-1', consumerKey: 'A-2', needBy: '2026-04-15', onTimeProbability: 0 })]);
    expect(c.features).toHaveLength(1);
    expect(c.features[0]).toMatchObject({ key: 'F', title: 'Title of F', teamKeys: ['a', 'b'], itemKeys: ['A-1', 'B-1'] });
    near(c.features[0]!.probability, 0.75);
    expect(c.objectives[0]).toMatchObject({ title: 'Checkout', committed: true, suggestUncommitted: true, unplannedItemKeys: [] });
    near(c.objectives[0]!.probability, 0.5);
    expect(c.suggestedUncommitted).toEqual([c.objectives[0]!.key]);
    const team = (key: string) => c.teams.find((t) => t.key === key)!;
    expect(team('a')).toMatchObject({ samples: 84, meanPerDay: 1, plannedItems: 2 });
    near(team('a').allPlannedDone, 0.5);
    near(team('b').allPlannedDone, 0.75);
    near(team('b').meanPerDay, 0.5);
    near(c.allPlannedDone, 0.5);
    near(c.expectedCommittedMet, 0.5);
  });

  it('simulates an increment still to come from its first day, the current one from the day after the data; a start given wins', async () => {
    const backend = await planned();
    const card = await planNextIncrement(backend);
    const next = await valueOf(backend.call('forecast.plan', { increment: 'PI 2', trials: 2000 }));
    expect(next.provenance).toMatchObject({ start: '2026-05-04', startFrom: 'increment', dataLastDay: '2026-04-14' });
    // Team a finishes one a day: the card is done on the increment's first day, not on 2026-04-15.
    expect(next.items).toEqual([expect.objectContaining({ key: card, probability: 1, p85Date: '2026-05-04' })]);
    const current = await valueOf(backend.call('forecast.plan', { increment: 'PI 1', trials: 2000 }));
    expect(current.provenance).toMatchObject({ start: '2026-04-15', startFrom: 'data' });
    const given = await valueOf(backend.call('forecast.plan', { increment: 'PI 2', trials: 2000, start: '2026-04-20' }));
    expect(given.provenance).toMatchObject({ start: '2026-04-20', startFrom: 'given' });
    expect(given.items[0]!.p85Date).toBe('2026-04-20');
  });

  it('suggests, never changes: the objective stays committed; a plan edit changes the odds', async () => {
    const backend = await planned();
    await valueOf(backend.call('forecast.plan', {}));
    const board = await valueOf(backend.call('plan.board', {}));
    expect(board.objectives[0]!.committed).toBe(true);
    await valueOf(backend.call('plan.dependency.remove', { key: board.dependencies[0]!.key }));
    const after = await valueOf(backend.call('forecast.plan', {}));
    expect(after.items.find((i) => i.key === 'A-2')!.probability).toBe(1);
    expect(after.suggestedUncommitted).toEqual([]);
  });

  it('is seeded: the same question gives the same answer bit for bit', async () => {
    const backend = await planned();
    const ask = (seed: number) => valueOf(backend.call('forecast.plan', { seed, trials: 2000 }));
    expect(await ask(3)).toEqual(await ask(3));
    expect(contract['forecast.plan'].mutates).toBeNull();
    // A move on the board changes the plan's odds: the board's writes say so.
    expect(contract['plan.item.place'].mutates).toContain('forecast.plan');
  });
});

describe('edge cases', () => {
  it('an unknown increment or an out-of-range threshold is refused with what is wrong', async () => {
    const backend = await planned();
    const unknown = await backend.call('forecast.plan', { increment: 'PI 9' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toContain('PI 9');
    const bad = await backend.call('forecast.plan', { uncommitBelow: 1.5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!bad.ok) expect(bad.error.message).toContain('uncommitBelow');
  });

  it('a dependency resolved before the forecast starts is no wait, though its provider is still open', async () => {
    const backend = await planned();
    await valueOf(backend.call('plan.dependency.add', { consumerKey: 'A-1', providerKey: 'F' }));
    // Resolved in the tracker (imported so), while B-1 and F are still open: the board shows both ✓.
    backend.context.session.require().db.prepare('UPDATE dependencies SET resolved_at = ?').run(Date.UTC(2026, 3, 10));
    const board = await valueOf(backend.call('plan.board', {}));
    expect(board.dependencies.map((d) => d.state)).toEqual(['ok', 'ok']);
    const c = await valueOf(backend.call('forecast.plan', {}));
    // A-2 is now a's second item, done on day two in every trial: 1, as without the dependency.
    expect(c.items.find((i) => i.key === 'A-2')).toMatchObject({ probability: 1, dependencyCost: 0, costliestDependency: null });
    expect(c.dependencies).toEqual([]);
    expect(c.ignoredDependencies).toEqual([]);
  });

  it('a dependency on open work not planned in the increment is listed as ignored, not simulated', async () => {
    const backend = await planned();
    await valueOf(backend.call('plan.dependency.add', { consumerKey: 'A-1', providerKey: 'F' }));
    const c = await valueOf(backend.call('forecast.plan', {}));
    expect(c.ignoredDependencies).toEqual([expect.objectContaining({ reason: 'provider-not-planned' })]);
    expect(c.items.find((i) => i.key === 'A-1')!.probability).toBe(1);
  });

  it('a dependency on a team with no item named is not simulated, as a provider not planned: the board counts it so', async () => {
    const backend = await planned();
    // A-1 needs something from team b, before b has an item for it (as the tracker's import stores it).
    backend.context.session
      .require()
      .db.prepare(
        `INSERT INTO dependencies (key, from_item_key, from_item_id, from_team_id, to_item_key, to_team_id, kind, created_at)
         SELECT 'DEP-T', w.key, w.id, w.team_id, NULL, (SELECT id FROM teams WHERE key = 'b'), 'blocks', ? FROM work_items w WHERE w.key = 'A-1'`,
      )
      .run(Date.UTC(2026, 3, 1));
    const board = await valueOf(backend.call('plan.board', {}));
    expect(board.dependencies.find((d) => d.key === 'DEP-T')).toMatchObject({ state: 'unplanned', provider: { itemKey: null, teamKey: 'b' } });
    const c = await valueOf(backend.call('forecast.plan', {}));
    expect(c.ignoredDependencies).toEqual([{ key: 'DEP-T', reason: 'provider-not-planned' }]);
    // Nothing to wait for in a trial: A-1's odds and the one line simulated (B-1 → A-2) stay as computed by hand.
    expect(c.items.find((i) => i.key === 'A-1')!.probability).toBe(1);
    expect(c.dependencies.map((d) => [d.providerKey, d.consumerKey])).toEqual([['B-1', 'A-2']]);
  });

  it('a dependency on a cancelled provider, planned or not, is not simulated and says its provider was cancelled, as the board does', async () => {
    const backend = await planned();
    await valueOf(backend.call('plan.dependency.add', { consumerKey: 'A-1', providerKey: 'F' }));
    // B-1 (planned, A-2 waits on it) and F (not planned) closed as Won't Do before the forecast starts.
    backend.context.session.require().db.prepare("UPDATE work_items SET status = 'Won''t Do', status_category = 'cancelled', done_at = ? WHERE key IN ('B-1', 'F')").run(Date.UTC(2026, 3, 10));
    const board = await valueOf(backend.call('plan.board', {}));
    expect(board.dependencies.map((d) => [d.state, d.provider.cancelled])).toEqual([
      ['unplanned', true],
      ['unplanned', true],
    ]);
    const c = await valueOf(backend.call('forecast.plan', {}));
    // B-1 was taken as done: A-2's wait vanished without a word, where the board calls it a conflict.
    expect(c.ignoredDependencies.map((d) => d.reason)).toEqual(['provider-cancelled', 'provider-cancelled']);
    expect(c.dependencies).toEqual([]);
  });
});
