import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadCompletions,
  loadCoordinationData,
  loadDependencies,
  loadIntegrations,
  loadObjectives,
  loadRecordedEvidence,
} from '../../../electron/backend/coordination/coordination-queries';
import { listDependencies } from '../../../electron/backend/coordination/dependency-list';
import { writePortfolio } from '../../../electron/backend/store/queries/portfolio-writes';
import { closeWorkspace, createWorkspace, openWorkspace, type Workspace } from '../../../electron/backend/store/workspace-file';
import type { Portfolio, WorkItem } from '../../../shared/domain/entities';

// The SQL that feeds the advisor, on a real workspace file whose every row was placed by hand.

const DAY = 86_400_000;
const T = Date.UTC(2026, 5, 30);
const at = (daysAgo: number, hours = 0) => new Date(T - daysAgo * DAY + hours * 3_600_000).toISOString();
const RANGE = { from: T - 180 * DAY, to: T };
const WINDOW = { from: T - 90 * DAY, to: T };

function item(key: string, teamKey: string, fields: Partial<WorkItem>): WorkItem {
  return {
    key,
    title: `Item ${key}`,
    type: 'story',
    teamKey,
    status: 'Done',
    statusCategory: 'done',
    createdAt: at(30),
    firstActiveAt: null,
    doneAt: null,
    parentKey: null,
    objectiveKeys: [],
    ...fields,
  };
}

const portfolio: Portfolio = {
  teams: [
    { key: 'a', name: 'Alpha', valueStream: 'S' },
    { key: 'b', name: 'Beta', valueStream: 'S' },
    { key: 'c', name: 'Gamma', valueStream: null },
  ],
  items: [
    item('A-1', 'a', { doneAt: at(5), firstActiveAt: at(25) }),
    item('A-2', 'a', { doneAt: at(20) }),
    item('A-old', 'a', { createdAt: at(260), doneAt: at(200) }),
    item('B-1', 'b', { doneAt: at(3) }),
    item('B-2', 'b', { status: "Won't Do", statusCategory: 'cancelled', doneAt: at(2) }),
    item('C-1', 'c', { status: 'To Do', statusCategory: 'todo', createdAt: at(10), objectiveKeys: ['O2'] }),
  ],
  transitions: [
    { itemKey: 'A-1', fromStatus: null, toStatus: 'To Do', at: at(30) },
    { itemKey: 'A-1', fromStatus: 'To Do', toStatus: 'In Progress', at: at(25) },
    { itemKey: 'A-1', fromStatus: 'In Progress', toStatus: 'Blocked', at: at(20) },
    { itemKey: 'A-1', fromStatus: 'Blocked', toStatus: 'In Progress', at: at(15) },
    { itemKey: 'A-1', fromStatus: 'In Progress', toStatus: 'Done', at: at(5) },
  ],
  dependencies: [
    { key: 'D1', fromItemKey: 'A-1', fromTeamKey: 'a', toItemKey: 'B-1', toTeamKey: 'b', kind: 'blocks', interfaceName: 'Cart API', createdAt: at(22), neededBy: at(18), resolvedAt: at(16) },
    { key: 'D2', fromItemKey: 'A-1', fromTeamKey: 'a', toItemKey: null, toTeamKey: 'b', kind: 'blocks', interfaceName: null, createdAt: at(18), neededBy: at(10), resolvedAt: null },
    { key: 'D3', fromItemKey: 'A-2', fromTeamKey: 'a', toItemKey: null, toTeamKey: 'a', kind: 'blocks', interfaceName: null, createdAt: at(18), neededBy: null, resolvedAt: null },
    { key: 'D4', fromItemKey: 'C-1', fromTeamKey: 'c', toItemKey: null, toTeamKey: null, kind: 'blocks', interfaceName: null, createdAt: at(8), neededBy: null, resolvedAt: null },
    { key: 'D5', fromItemKey: null, fromTeamKey: 'b', toItemKey: null, toTeamKey: 'c', kind: 'blocks', interfaceName: null, createdAt: at(400), neededBy: null, resolvedAt: at(300) },
  ],
  deployments: [
    { key: 'R1-a', teamKey: 'a', service: null, at: at(10), succeeded: true, changeAt: null, release: 'Train 1', itemKeys: ['A-2'] },
    { key: 'R1-b', teamKey: 'b', service: null, at: at(10, 1), succeeded: true, changeAt: null, release: 'Train 1', itemKeys: [] },
    { key: 'DEP-C', teamKey: 'c', service: null, at: at(4), succeeded: true, changeAt: null, release: null, itemKeys: ['B-1'] },
    { key: 'DEP-OLD', teamKey: 'a', service: null, at: at(300), succeeded: true, changeAt: null, release: null, itemKeys: [] },
  ],
  incidents: [],
  objectives: [
    { key: 'O1', title: 'Faster checkout', level: 'program', parentKey: null, teamKeys: ['a', 'b'] },
    { key: 'O2', title: 'Gamma goal', level: 'team', parentKey: null, teamKeys: [] },
    { key: 'P', title: 'Grow', level: 'portfolio', parentKey: null, teamKeys: ['a'] },
  ],
};

let dir: string;
let workspace: Workspace;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'interlock-coordination-queries-'));
  const path = join(dir, 'hand-built.interlock');
  closeWorkspace(createWorkspace(path, { fill: (db) => db.transaction(() => writePortfolio(db, portfolio))() }));
  workspace = openWorkspace(path);
});

afterAll(() => {
  closeWorkspace(workspace);
  rmSync(dir, { recursive: true, force: true });
});

describe('coordination queries on a hand-built workspace', () => {
  it('loads cross-team dependencies of the range with the waiting spans while each was open', () => {
    const deps = loadDependencies(workspace.db, RANGE);
    expect(deps).toEqual([
      { key: 'D1', fromTeamKey: 'a', toTeamKey: 'b', createdAt: T - 22 * DAY, resolvedAt: T - 16 * DAY, interfaced: true, waits: [[T - 20 * DAY, T - 16 * DAY]] },
      { key: 'D2', fromTeamKey: 'a', toTeamKey: 'b', createdAt: T - 18 * DAY, resolvedAt: null, interfaced: false, waits: [[T - 18 * DAY, T - 15 * DAY]] },
    ]);
  });

  it('counts completed items per team per day back from the end, leaving cancelled and older items out', () => {
    const bins = loadCompletions(workspace.db, RANGE).sort((x, y) => x.teamKey.localeCompare(y.teamKey) || x.at - y.at);
    expect(bins).toEqual([
      { teamKey: 'a', at: T - 20 * DAY, count: 1 },
      { teamKey: 'a', at: T - 5 * DAY, count: 1 },
      { teamKey: 'b', at: T - 3 * DAY, count: 1 },
    ]);
  });

  it('joins a release across its deployments and a deployment with the teams whose items it shipped', () => {
    expect(loadIntegrations(workspace.db, RANGE)).toEqual([
      { key: 'deployment:DEP-C', at: T - 4 * DAY, teamKeys: ['b', 'c'] },
      { key: 'release:Train 1', at: T - 10 * DAY, teamKeys: ['a', 'b'] },
    ]);
  });

  it('takes objectives from declarations and from items alive in the window', () => {
    expect(loadObjectives(workspace.db, WINDOW)).toEqual([
      { key: 'O1', title: 'Faster checkout', level: 'program', teamKeys: ['a', 'b'] },
      { key: 'O2', title: 'Gamma goal', level: 'team', teamKeys: ['c'] },
      { key: 'P', title: 'Grow', level: 'portfolio', teamKeys: ['a'] },
    ]);
  });

  it('knows which kinds of evidence the workspace holds', () => {
    expect(loadRecordedEvidence(workspace.db)).toEqual({ statusHistory: true, interfaces: true, integration: true, objectives: true, parents: false, releases: false });
  });

  it('lists dependencies open at the end first, oldest first, with age, overdue and days blocked', () => {
    const list = listDependencies(workspace.db, WINDOW, { state: 'all', side: 'either', limit: 10 });
    expect(list.total).toBe(3);
    expect(list.dependencies.map((d) => [d.key, d.state, d.ageDays, d.overdue, d.blockedDays])).toEqual([
      ['D2', 'open', 18, true, 3],
      ['D4', 'open', 8, false, 0],
      ['D1', 'resolved', 6, false, 4],
    ]);
    expect(list.dependencies[0]!.waitingTeam).toEqual({ key: 'a', name: 'Alpha' });
    expect(list.dependencies[1]!.providingTeam).toBeNull();
    expect(list.teams).toEqual([
      { key: 'a', name: 'Alpha', valueStream: 'S', waitingOn: 1, waitedOnBy: 0 },
      { key: 'b', name: 'Beta', valueStream: 'S', waitingOn: 0, waitedOnBy: 1 },
      { key: 'c', name: 'Gamma', valueStream: null, waitingOn: 1, waitedOnBy: 0 },
    ]);
  });

  it('filters the dependency list by state, team and side', () => {
    const db = workspace.db;
    expect(listDependencies(db, WINDOW, { state: 'resolved', side: 'either', limit: 10 }).dependencies.map((d) => d.key)).toEqual(['D1']);
    expect(listDependencies(db, WINDOW, { state: 'all', teamKey: 'b', side: 'providing', limit: 10 }).dependencies.map((d) => d.key)).toEqual(['D2', 'D1']);
    expect(listDependencies(db, WINDOW, { state: 'all', teamKey: 'b', side: 'waiting', limit: 10 }).total).toBe(0);
    const limited = listDependencies(db, WINDOW, { state: 'all', side: 'either', limit: 1 });
    expect([limited.total, limited.dependencies.length]).toEqual([3, 1]);
  });
});

describe('edge cases', () => {
  it('a range before any data loads nothing but the teams and forums', () => {
    const data = loadCoordinationData(workspace.db, { from: T - 2000 * DAY, to: T - 1000 * DAY }, { from: T - 1090 * DAY, to: T - 1000 * DAY });
    expect(data.teams.map((t) => t.key)).toEqual(['a', 'b', 'c']);
    expect([data.dependencies, data.completions, data.integrations]).toEqual([[], [], []]);
  });

  it('a dependency seen at an end before it was resolved is open, and its age runs to that end', () => {
    const earlier = { from: T - 107 * DAY, to: T - 17 * DAY };
    const row = listDependencies(workspace.db, earlier, { state: 'all', side: 'either', limit: 10 }).dependencies.find((d) => d.key === 'D1')!;
    expect([row.state, row.resolvedAt, row.ageDays, row.blockedDays]).toEqual(['open', null, 5, 3]);
  });
});
