import { portfolio, type ItemSpec } from '../../unit/metrics/metrics-fixtures';
import { valueOf, workspaceWith } from '../metrics/metrics-workspace';

function history() {
  const specs: ItemSpec[] = [];
  for (let k = 0; k < 100; k++) {
    specs.push({ key: `AH-${k}`, team: 'a', history: [['To Do', k], ['In Progress', k + 0.1], ['Done', k + 0.5]] });
    if (k % 2 === 0) specs.push({ key: `BH-${k}`, team: 'b', history: [['To Do', k], ['In Progress', k + 0.1], ['Done', k + 0.5]] });
  }
  for (const [key, team] of [['A-1', 'a'], ['A-2', 'a'], ['B-1', 'b'], ['F', null]] as const) specs.push({ key, team, type: key === 'F' ? 'feature' : 'story', history: [['To Do', 99.2]] });
  const p = portfolio(specs);
  for (const item of p.items) if (item.key === 'A-1' || item.key === 'B-1') item.parentKey = 'F';
  return p;
}

/** The hand-computed plan of plan-confidence-channel.test.ts in a real workspace file, open. */
export async function plannedWorkspace() {
  const ws = await workspaceWith(history());
  const { backend } = ws;
  const pi = await valueOf(backend.call('plan.increment.save', { name: 'PI 1', start: '2026-04-15', end: '2026-04-16' }));
  const it1 = await valueOf(backend.call('plan.iteration.save', { incrementId: pi.id, name: 'I1', start: '2026-04-15', end: '2026-04-16' }));
  const iterationId = it1.iterations[0]!.id;
  for (const [itemKey, teamKey] of [['A-1', 'a'], ['A-2', 'a'], ['B-1', 'b']] as const) await valueOf(backend.call('plan.item.place', { incrementId: pi.id, itemKey, teamKey, iterationId }));
  await valueOf(backend.call('plan.dependency.add', { consumerKey: 'A-2', providerKey: 'B-1' }));
  await valueOf(backend.call('plan.objective.save', { increment: 'PI 1', title: 'Checkout', teamKey: 'a', businessValue: 8, itemKeys: ['A-2', 'B-1'] }));
  return ws;
}


/**
 * PI 2, still to come when the data ends (2026-04-14): 2026-05-04 – 05, one iteration, with one card
 * made in Interlock for team a (which finishes one item every day).
 */
export async function planNextIncrement(backend: Awaited<ReturnType<typeof plannedWorkspace>>['backend']): Promise<string> {
  const pi = await valueOf(backend.call('plan.increment.save', { name: 'PI 2', start: '2026-05-04', end: '2026-05-05' }));
  const it = await valueOf(backend.call('plan.iteration.save', { incrementId: pi.id, name: 'I1', start: '2026-05-04', end: '2026-05-05' }));
  const { key } = await valueOf(backend.call('plan.item.create', { incrementId: pi.id, teamKey: 'a', iterationId: it.iterations[0]!.id, title: 'Next PI card', type: 'story' }));
  return key;
}
