import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { valueOf } from '../metrics/metrics-workspace';
import { plannedWorkspace } from '../forecast/planned-workspace';

// A card a planner makes on the board is planning, not delivery data. It is stamped with the wall
// clock (created_at), which lies after the data (the fixture ends on 2026-04-14). Counted as data,
// one card moved the data's last day to the minute it was made: every window, age, the current
// increment and the plan's odds with it (the history window then sampled the weeks in between as
// days with nothing done).

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

/** Everything that reads "the data's last day", as the contract answers it. */
async function dataEnds(backend: Backend) {
  const options = await valueOf(backend.call('metrics.scopeOptions', {}));
  const overview = await valueOf(backend.call('workspace.overview', {}));
  const dependencies = await valueOf(backend.call('coordination.dependencies', {}));
  const plan = await valueOf(backend.call('forecast.plan', { trials: 2000 }));
  const howMany = await valueOf(backend.call('forecast.when', { items: 10 }));
  const flow = await valueOf(backend.call('metrics.summary', {}));
  return {
    asOf: options.asOf,
    dateRangeTo: overview.dateRange?.to,
    dependenciesAsOf: dependencies.asOf,
    planIncrement: plan.increment.name,
    planWindow: plan.provenance.window,
    planStart: plan.provenance.start,
    planDataLastDay: plan.provenance.dataLastDay,
    forecastWindow: howMany.window,
    flowWindow: flow.scope.window,
    wipAt: flow.wip.at,
    odds: Object.fromEntries(plan.items.filter((i) => i.key !== 'New-1').map((i) => [i.key, i.probability])),
    allPlannedDone: plan.teams.find((t) => t.key === 'b')!.allPlannedDone,
  };
}

describe('cards made in Interlock are planning, not delivery data', () => {
  it('creating, moving and linking a card leaves the data’s last day, the windows and the plan odds as they were', async () => {
    const ws = await plannedWorkspace();
    dispose = ws.dispose;
    const { backend } = ws;
    const before = await dataEnds(backend);
    expect(before.asOf).toBe('2026-04-14T12:00:00.000Z');
    expect(before.planDataLastDay).toBe('2026-04-14');

    const [increment] = await valueOf(backend.call('plan.increments', {}));
    const incrementId = increment!.id;
    const iterationId = increment!.iterations[0]!.id;
    const { key } = await valueOf(backend.call('plan.item.create', { incrementId, teamKey: 'b', iterationId, title: 'Placeholder card', type: 'story' }));
    expect(key).toMatch(/^interlock:item:/);
    await valueOf(backend.call('plan.item.place', { incrementId, itemKey: key, teamKey: 'b', iterationId, beforeItemKey: null }));
    await valueOf(backend.call('plan.dependency.add', { consumerKey: key, providerKey: 'A-1' }));
    await valueOf(backend.call('plan.objective.save', { increment: 'PI 1', title: 'Placeholder objective', teamKey: 'b', businessValue: 3, itemKeys: [key] }));

    const after = await dataEnds(backend);
    // Team b's odds may move (its queue holds one more card); the data and its windows may not.
    const { odds: oddsBefore, allPlannedDone: _b, ...dataBefore } = before;
    const { odds: oddsAfter, allPlannedDone: _a, ...dataAfter } = after;
    expect(dataAfter).toEqual(dataBefore);
    // Team a's queue is unchanged: A-1 is done on a's first day in every trial.
    expect(oddsAfter['A-1']).toBe(1);
    expect(oddsAfter['A-1']).toBe(oddsBefore['A-1']);
    // And the card is on the board and in the plan's odds all the same.
    const plan = await valueOf(backend.call('forecast.plan', { trials: 2000 }));
    expect(plan.items.map((i) => i.key)).toContain(key);
  });
});
