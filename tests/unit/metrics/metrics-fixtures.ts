import type { Portfolio, WorkItem } from '../../../shared/domain/entities';
import { MS_PER_DAY } from '../../../shared/domain/time';
import type { ItemType } from '../../../shared/domain/vocabulary';
import { datasetFromPortfolio } from '../../../shared/metrics/dataset-from-portfolio';
import { metricsContext, type MetricsRequest } from '../../../shared/metrics/metrics-context';

/** Monday 2026-01-05 00:00 UTC: day 0 of every hand-made fixture. */
export const T0 = Date.UTC(2026, 0, 5);
/** The instant `days` (fractional) after T0, as the contract's ISO string. */
export const day = (days: number) => new Date(T0 + Math.round(days * MS_PER_DAY)).toISOString();

export interface ItemSpec {
  key: string;
  team: string | null;
  type?: ItemType;
  /** [status, day] in recorded order; the first is usually To Do at creation. */
  history?: [string, number][];
  created?: number;
  /** Only for items without history. */
  fields?: { firstActive: number | null; done: number | null; category: WorkItem['statusCategory']; status: string };
}

export function portfolio(specs: ItemSpec[], extra: Partial<Portfolio> = {}): Portfolio {
  const items: WorkItem[] = specs.map((s) => {
    const history = s.history ?? [];
    const created = s.created ?? history[0]?.[1] ?? 0;
    const last = history[history.length - 1];
    const firstActive = history.find(([status]) => /progress/i.test(status));
    return {
      key: s.key,
      title: `Title of ${s.key}`,
      type: s.type ?? 'story',
      teamKey: s.team,
      status: s.fields?.status ?? last?.[0] ?? 'To Do',
      statusCategory: s.fields?.category ?? (last ? (/done/i.test(last[0]) ? 'done' : /won't/i.test(last[0]) ? 'cancelled' : /blocked/i.test(last[0]) ? 'waiting' : /progress/i.test(last[0]) ? 'active' : 'todo') : 'todo'),
      createdAt: day(created),
      firstActiveAt: s.fields ? (s.fields.firstActive === null ? null : day(s.fields.firstActive)) : firstActive ? day(firstActive[1]) : null,
      doneAt: s.fields ? (s.fields.done === null ? null : day(s.fields.done)) : last && /done|won't/i.test(last[0]) ? day(last[1]) : null,
      parentKey: null,
      objectiveKeys: [],
    };
  });
  const transitions = specs.flatMap((s) =>
    (s.history ?? []).map(([status, at], k, all) => ({ itemKey: s.key, fromStatus: k === 0 ? null : all[k - 1]![0], toStatus: status, at: day(at) })),
  );
  return {
    teams: [
      { key: 'a', name: 'Alpha', valueStream: 'One' },
      { key: 'b', name: 'Bravo', valueStream: 'Two' },
    ],
    items,
    transitions,
    dependencies: [],
    deployments: [],
    incidents: [],
    objectives: [],
    ...extra,
  };
}

export function request(overrides: Partial<MetricsRequest> = {}): MetricsRequest {
  return { compare: 'none', percentileMethod: 'linear', defaultWindowWeeks: 13, fallbackNow: T0, ...overrides };
}

export function contextOf(p: Portfolio, overrides: Partial<MetricsRequest> = {}) {
  return metricsContext(datasetFromPortfolio(p), request(overrides));
}

/**
 * The flow fixture every hand computation in flow-report.test.ts refers to (days after T0):
 * A-1 story  To Do 0.375, In Progress 1.375, Blocked 2.375, In Progress 3.375, Done 4.375
 * A-2 defect To Do/In Progress/Done all at 2.5 (done the same instant it started)
 * A-3 story  To Do 0.5, In Progress 1.5, Done 2.5, In Progress 5.5 (reopened), Done 6.5
 * A-4 story  To Do 0.5, In Progress 1.5, Won't Do 2.5 (cancelled)
 * B-1 feature To Do 0.5, In Progress 2.5, Done 9.5   (the data's last timestamp: as of = 9.5)
 * B-2 debt   To Do 1.5, Done 3.5                    (never active)
 * B-3 risk   To Do 8.5, In Progress 8.75            (open)
 * B-4 task   To Do 3.5                              (backlog)
 * B-5 story  no history: created 6.5, first active 4.5, done 5.5 (done before it was created)
 * Dependencies: D-1 A-1 waits on Bravo 2.0 → 3.0; D-2 B-3 waits on Alpha via "API" from 8.0,
 * needed by 9.0, open; D-3 B-4 raised 4.0, "resolved" 3.0.
 */
export function flowFixture(): Portfolio {
  return portfolio(
    [
      { key: 'A-1', team: 'a', history: [['To Do', 0.375], ['In Progress', 1.375], ['Blocked', 2.375], ['In Progress', 3.375], ['Done', 4.375]] },
      { key: 'A-2', team: 'a', type: 'defect', history: [['To Do', 2.5], ['In Progress', 2.5], ['Done', 2.5]] },
      { key: 'A-3', team: 'a', history: [['To Do', 0.5], ['In Progress', 1.5], ['Done', 2.5], ['In Progress', 5.5], ['Done', 6.5]] },
      { key: 'A-4', team: 'a', history: [['To Do', 0.5], ['In Progress', 1.5], ["Won't Do", 2.5]] },
      { key: 'B-1', team: 'b', type: 'feature', history: [['To Do', 0.5], ['In Progress', 2.5], ['Done', 9.5]] },
      { key: 'B-2', team: 'b', type: 'debt', history: [['To Do', 1.5], ['Done', 3.5]] },
      { key: 'B-3', team: 'b', type: 'risk', history: [['To Do', 8.5], ['In Progress', 8.75]] },
      { key: 'B-4', team: 'b', type: 'task', history: [['To Do', 3.5]] },
      { key: 'B-5', team: 'b', created: 6.5, fields: { firstActive: 4.5, done: 5.5, category: 'done', status: 'Done' } },
    ],
    {
      dependencies: [
        { key: 'D-1', fromItemKey: 'A-1', fromTeamKey: 'a', toItemKey: null, toTeamKey: 'b', kind: 'blocks', interfaceName: null, createdAt: day(2), neededBy: null, resolvedAt: day(3) },
        { key: 'D-2', fromItemKey: 'B-3', fromTeamKey: 'b', toItemKey: null, toTeamKey: 'a', kind: 'blocks', interfaceName: 'API', createdAt: day(8), neededBy: day(9), resolvedAt: null },
        { key: 'D-3', fromItemKey: 'B-4', fromTeamKey: 'b', toItemKey: null, toTeamKey: 'a', kind: 'blocks', interfaceName: null, createdAt: day(4), neededBy: null, resolvedAt: day(3) },
      ],
    },
  );
}

/** The two weeks starting T0, both ends inclusive as the contract takes them. */
export const TWO_WEEKS = { from: '2026-01-05', to: '2026-01-18' };
