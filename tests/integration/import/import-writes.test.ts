import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PortfolioWriter, WRITER_CHECKED_CONSTRAINTS } from '../../../electron/backend/store/queries/portfolio-writes';
import { flowDatesOf } from '../../../shared/import/flow-dates';
import type { StatusCategory } from '../../../shared/domain/vocabulary';
import { db, dumpWorkspace, runImport, tempWorkspace, type TempWorkspace } from './import-support';

// The import's write path at more than one batch of rows per statement: new rows inserted many at a
// time with ids the writer assigns, rows of known keys updated in place, histories replaced per item
// and flow dates derived from them, whatever order and mix the files bring.

let ws: TempWorkspace;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(() => ws.dispose());

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();
const WORKFLOW: [string, StatusCategory][] = [
  ['To Do', 'todo'],
  ['In Progress', 'active'],
  ['Blocked', 'waiting'],
  ['In Review', 'active'],
  ['Done', 'done'],
  ['Reopened', 'todo'],
  ["Won't Do", 'cancelled'],
];
const categoryOf = (status: string) => WORKFLOW.find(([s]) => s === status)![1];

function write(name: string, header: string, rows: string[]): string {
  const path = join(ws.dir, name);
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  return path;
}

/** A deterministic history for item n: some end open, some done, some reopened, some cancelled. */
function historyOf(n: number): [string | null, string, number][] {
  const steps = ['To Do', 'In Progress', n % 5 === 0 ? 'Blocked' : 'In Review', 'In Progress', 'Done'];
  if (n % 7 === 0) steps.push('Reopened', 'In Progress');
  if (n % 11 === 0) steps.push("Won't Do");
  const length = n % 4 === 0 ? 2 : steps.length;
  return steps.slice(0, length).map((to, i) => [i === 0 ? null : steps[i - 1]!, to, T0 + n * DAY + i * 3_600_000]);
}

interface Files {
  teams: string;
  items: string;
  transitions: string;
  dependencies: string;
  deployments: string;
  incidents: string;
}

/** 130 items (one key twice, the last row winning), their histories interleaved, and what refers to them. */
function portfolioFiles(prefix: string, titleSuffix = ''): Files {
  const items = Array.from({ length: 130 }, (_, i) => {
    const n = i + 1;
    const team = n % 9 === 0 ? '' : `t${n % 3}`;
    return `${prefix}-${n},Item ${n}${titleSuffix},story,${team},To Do,todo,${iso(T0 + n * DAY)},,,${n > 1 ? `${prefix}-${n - 1}` : ''},`;
  });
  items.push(`${prefix}-3,Item 3 again${titleSuffix},defect,t2,To Do,todo,${iso(T0 + 3 * DAY)},,,,`);
  // Histories of odd items first, then even ones: an item's changes need not be together.
  const transitions: string[] = [];
  for (const parity of [1, 0]) {
    for (let n = 1; n <= 130; n++) {
      if (n % 2 !== parity || n % 13 === 0) continue;
      for (const [from, to, at] of historyOf(n)) transitions.push(`${prefix}-${n},${from ?? ''},${to},${iso(at)}`);
    }
  }
  const dependencies = Array.from({ length: 70 }, (_, i) => {
    const n = i + 1;
    // Without from_team: the waiting item's team is taken.
    return `D${prefix}-${n},${prefix}-${n},${n % 2 ? '' : 't0'},${prefix}-${n + 1},t1,blocks,API ${n},${iso(T0 + n * DAY)},,`;
  });
  dependencies.push(`D${prefix}-5,${prefix}-50,,${prefix}-51,t2,blocks,again,${iso(T0)},,`);
  const deployments = Array.from({ length: 60 }, (_, i) => {
    const n = i + 1;
    return `R${prefix}-${n},t${n % 3},svc,${iso(T0 + n * DAY)},${n % 4 ? 'true' : 'false'},,rel ${n},${prefix}-${n};${prefix}-${n + 1}`;
  });
  const incidents = Array.from({ length: 55 }, (_, i) => {
    const n = i + 1;
    return `I${prefix}-${n},t${n % 3},svc,${iso(T0 + n * DAY + 1000)},,R${prefix}-${n}`;
  });
  return {
    teams: write('interlock-teams.csv', 'key,name,value_stream', ['t0,Team 0,', 't1,Team 1,', 't2,Team 2,']),
    items: write('interlock-items.csv', 'key,title,type,team,status,status_category,created_at,first_active_at,done_at,parent,objectives', items),
    transitions: write('interlock-transitions.csv', 'item,from_status,to_status,at', transitions),
    dependencies: write('interlock-dependencies.csv', 'key,from_item,from_team,to_item,to_team,kind,interface,created_at,needed_by,resolved_at', dependencies),
    deployments: write('interlock-deployments.csv', 'key,team,service,at,succeeded,change_at,release,items', deployments),
    incidents: write('interlock-incidents.csv', 'key,team,service,opened_at,resolved_at,caused_by_deployment', incidents),
  };
}

const count = (table: string) => db(ws).prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const itemRow = (key: string) =>
  db(ws)
    .prepare('SELECT w.id, w.title, w.type, t.key AS team, w.status, w.status_category, w.first_active_at, w.done_at FROM work_items w LEFT JOIN teams t ON t.id = w.team_id WHERE w.key = ?')
    .get(key) as {
    id: number;
    title: string;
    type: string;
    status: string;
    status_category: string;
    team: string | null;
    first_active_at: number | null;
    done_at: number | null;
  };
const storedHistory = (key: string) =>
  db(ws).prepare('SELECT from_status, to_status, to_category, at FROM status_transitions WHERE item_id = (SELECT id FROM work_items WHERE key = ?) ORDER BY at').raw().all(key);

function expectDerivedDates(prefix: string): void {
  for (let n = 1; n <= 130; n++) {
    const row = itemRow(`${prefix}-${n}`);
    if (n % 13 === 0) {
      expect(row.first_active_at).toBeNull();
      continue;
    }
    const expected = flowDatesOf(
      historyOf(n).map(([, status, at]) => ({ status, at })),
      categoryOf,
    );
    expect([n, row.first_active_at, row.done_at]).toEqual([n, expected.firstActiveAt, expected.doneAt]);
  }
}

describe('the import’s writes', () => {
  it('writes every record once, many rows per statement, with histories, flow dates and references', async () => {
    const files = portfolioFiles('A');
    const schema = () => db(ws).prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY name").all();
    const before = schema();
    // Files in reverse dependency order: the import writes what others refer to first.
    const status = await runImport(ws.backend, Object.values(files).reverse());
    expect(status.state).toBe('done');
    // Indexes dropped for the bulk insert are back, as they were.
    expect(schema()).toEqual(before);
    expect(db(ws).pragma('integrity_check', { simple: true })).toBe('ok');
    // The planner's statistics for what was written, committed with it (not left to the close).
    const statistics = db(ws).prepare("SELECT tbl, stat FROM sqlite_stat1 WHERE idx = 'status_transitions_item'").raw().all() as [string, string][];
    expect(statistics.map(([table, stat]) => [table, Number(stat.split(' ')[0])])).toEqual([['status_transitions', count('status_transitions')]]);
    const expectedTransitions = [...Array(130).keys()].map((i) => i + 1).filter((n) => n % 13 !== 0).reduce((sum, n) => sum + historyOf(n).length, 0);
    // A key given twice is one record, counted once, as it is written once.
    expect(status.report!.counts).toEqual({ teams: 3, objectives: 0, items: 130, transitions: expectedTransitions, dependencies: 70, deployments: 60, incidents: 55, plans: 0, releases: 0, risks: 0 });
    expect(status.report!.added).toEqual({ teams: 3, objectives: 0, items: 130, transitions: expectedTransitions, dependencies: 70, deployments: 60, incidents: 55, plans: 0, releases: 0, risks: 0 });
    expect(count('status_transitions')).toBe(expectedTransitions);
    // Ids follow the rows of the file; the key given twice is one item, as its last row says.
    expect(itemRow('A-1').id).toBe(1);
    expect(itemRow('A-130').id).toBe(130);
    expect(itemRow('A-3')).toMatchObject({ id: 3, title: 'Item 3 again', type: 'defect', team: 't2' });
    expect(storedHistory('A-22')).toEqual(historyOf(22).map(([from, to, at]) => [from, to, categoryOf(to), at]));
    expectDerivedDates('A');
    const dependency = (key: string) =>
      db(ws).prepare('SELECT f.key AS fromTeam, t.key AS toTeam, d.interface_name AS api FROM dependencies d LEFT JOIN teams f ON f.id = d.from_team_id LEFT JOIN teams t ON t.id = d.to_team_id WHERE d.key = ?').get(key);
    expect(dependency('DA-1')).toEqual({ fromTeam: 't1', toTeam: 't1', api: 'API 1' });
    expect(dependency('DA-2')).toEqual({ fromTeam: 't0', toTeam: 't1', api: 'API 2' });
    expect(dependency('DA-9')).toEqual({ fromTeam: null, toTeam: 't1', api: 'API 9' });
    expect(dependency('DA-5')).toEqual({ fromTeam: 't2', toTeam: 't2', api: 'again' });
    expect(count('deployment_items')).toBe(120);
    expect(db(ws).prepare("SELECT item_key FROM deployment_items WHERE deployment_id = (SELECT id FROM deployments WHERE key = 'RA-60') ORDER BY item_key").pluck().all()).toEqual(['A-60', 'A-61']);
    expect(db(ws).prepare("SELECT caused_by_deployment_key FROM incidents WHERE key = 'IA-55'").pluck().get()).toBe('RA-55');
    expect(db(ws).pragma('foreign_key_check')).toEqual([]);
  });

  it('a re-import updates every row in place, and histories of workspace items are replaced', async () => {
    const files = portfolioFiles('A');
    await runImport(ws.backend, Object.values(files));
    const withoutLog = () => dumpWorkspace(db(ws), { skip: ['imports'], withoutIds: ['status_transitions'] });
    const first = withoutLog();
    const again = await runImport(ws.backend, Object.values(files));
    expect(again.report!.added).toEqual({ teams: 0, items: 0, transitions: 0, dependencies: 0, deployments: 0, incidents: 0, objectives: 0, plans: 0, releases: 0, risks: 0 });
    expect(withoutLog()).toBe(first);

    // A hand-made attribution survives; the changed titles land on the same rows.
    db(ws).prepare("UPDATE incidents SET caused_by_deployment_key = 'RA-1', attribution = 'user' WHERE key = 'IA-2'").run();
    const renamed = portfolioFiles('A', ' (renamed)');
    const third = await runImport(ws.backend, [renamed.items, renamed.incidents, renamed.deployments]);
    expect(third.report!.added).toMatchObject({ items: 0, deployments: 0, incidents: 0 });
    expect(itemRow('A-7')).toMatchObject({ id: 7, title: 'Item 7 (renamed)' });
    expect(db(ws).prepare("SELECT caused_by_deployment_key FROM incidents WHERE key = 'IA-2'").pluck().get()).toBe('RA-1');
    expect(count('deployment_items')).toBe(120);
    // The items file alone says nothing of histories: they stay, and so do the dates they imply
    // (the file's empty first-active and done columns do not overwrite them).
    expect(count('status_transitions')).toBe(again.report!.counts.transitions);
    expectDerivedDates('A');

    // Histories alone, for items only the workspace holds: replaced, their dates derived again and
    // their status where the history ends (the file's rows out of order; at one instant, open wins
    // as it does for the done date).
    const path = write('interlock-transitions.csv', 'item,from_status,to_status,at', [
      `A-8,To Do,Done,${iso(T0 + DAY)}`,
      `A-8,,To Do,${iso(T0)}`,
      `A-13,,In Progress,${iso(T0 + 2 * DAY)}`,
      `A-14,,To Do,${iso(T0)}`,
      `A-14,To Do,Done,${iso(T0 + DAY)}`,
      `A-14,Done,Reopened,${iso(T0 + DAY)}`,
    ]);
    expect(itemRow('A-8')).toMatchObject({ status: 'To Do', status_category: 'todo' });
    const histories = await runImport(ws.backend, [path]);
    expect(histories.report!.counts.transitions).toBe(6);
    expect(storedHistory('A-8')).toEqual([
      [null, 'To Do', 'todo', T0],
      ['To Do', 'Done', 'done', T0 + DAY],
    ]);
    expect(itemRow('A-8')).toMatchObject({ status: 'Done', status_category: 'done', first_active_at: null, done_at: T0 + DAY });
    expect(itemRow('A-13')).toMatchObject({ status: 'In Progress', status_category: 'active', first_active_at: T0 + 2 * DAY, done_at: null });
    expect(itemRow('A-14')).toMatchObject({ status: 'Reopened', status_category: 'todo', done_at: null });
    expect(storedHistory('A-9')).toHaveLength(historyOf(9).length);
    expect(db(ws).pragma('foreign_key_check')).toEqual([]);
  });
});

describe('a status history with a row that cannot be read', () => {
  it('keeps the history the item has, whole, instead of replacing it with the rows that could be read; other items of the file are imported', async () => {
    const items = write('items.csv', 'key,title,type,team,status,created_at', [`C-2,Two,story,t,Done,${iso(T0)}`, `C-3,Three,story,t,To Do,${iso(T0)}`]);
    const history = write('history.csv', 'item,from_status,to_status,at', [`C-2,,To Do,${iso(T0)}`, `C-2,To Do,In Progress,${iso(T0 + DAY)}`, `C-2,In Progress,Done,${iso(T0 + 3 * DAY)}`]);
    await runImport(ws.backend, [items, history]);
    expect(itemRow('C-2')).toMatchObject({ status: 'Done', done_at: T0 + 3 * DAY });
    const stored = storedHistory('C-2');

    // The same history again with a typo in its last date, and a good one for C-3.
    const typo = write('history-typo.csv', 'item,from_status,to_status,at', [
      `C-2,,To Do,${iso(T0)}`,
      `C-2,To Do,In Progress,${iso(T0 + DAY)}`,
      'C-2,In Progress,Done,2024-03-32T16:00:00Z',
      `C-3,,In Progress,${iso(T0 + 2 * DAY)}`,
    ]);
    const status = await runImport(ws.backend, [typo]);
    expect(status.state).toBe('done');
    expect(status.report!.issues.map((i) => [i.severity, i.code, i.line])).toEqual([
      ['error', 'invalid-date', 4],
      ['warning', 'history-kept', 4],
    ]);
    expect(storedHistory('C-2')).toEqual(stored);
    expect(itemRow('C-2')).toMatchObject({ status: 'Done', status_category: 'done', done_at: T0 + 3 * DAY });
    expect(storedHistory('C-3')).toEqual([[null, 'In Progress', 'active', T0 + 2 * DAY]]);
  });

  describe('edge cases', () => {
    it('in a bundle too: a change that fails its check keeps the item’s history', async () => {
      const history = write('history.csv', 'item,from_status,to_status,at', [`B-1,,To Do,${iso(T0)}`, `B-1,To Do,Done,${iso(T0 + DAY)}`]);
      await runImport(ws.backend, [write('items.csv', 'key,title,type,team,status,created_at', [`B-1,One,story,t,Done,${iso(T0)}`]), history]);
      const bundle = join(ws.dir, 'bundle.json');
      writeFileSync(bundle, JSON.stringify({ transitions: [{ itemKey: 'B-1', fromStatus: null, toStatus: 'To Do', at: iso(T0) }, { itemKey: 'B-1', fromStatus: 'To Do', toStatus: 'Done', at: 'soon' }] }));
      const status = await runImport(ws.backend, [bundle]);
      expect(status.report!.issues.map((i) => i.code)).toEqual(['invalid-value', 'history-kept']);
      expect(storedHistory('B-1')).toHaveLength(2);
      expect(itemRow('B-1')).toMatchObject({ status: 'Done', done_at: T0 + DAY });
    });
  });
});

describe('status changes at one instant', () => {
  // A tool that rounds times to the minute (or a hand-made file) gives "In Progress" and "Done" one
  // instant. The order they were recorded in decides, as the metrics read a history: the Flow page
  // and the advisor then agree on whether the item is finished.
  const history = () =>
    write('history.csv', 'item,from_status,to_status,at', [
      `T-1,,To Do,${iso(T0)}`,
      `T-1,To Do,In Progress,${iso(T0 + DAY)}`,
      `T-1,In Progress,Done,${iso(T0 + DAY)}`,
      `T-2,,To Do,${iso(T0)}`,
      `T-2,To Do,Done,${iso(T0 + DAY)}`,
      `T-2,Done,In Progress,${iso(T0 + DAY)}`,
    ]);

  it('the change recorded last decides: done then, or reopened then', async () => {
    const items = write('items.csv', 'key,title,type,team,status,created_at', [`T-1,One,story,t,Done,${iso(T0)}`, `T-2,Two,story,t,In Progress,${iso(T0)}`]);
    const status = await runImport(ws.backend, [items, history()]);
    expect(status.state).toBe('done');
    expect(itemRow('T-1')).toMatchObject({ status: 'Done', status_category: 'done', first_active_at: T0 + DAY, done_at: T0 + DAY });
    expect(itemRow('T-2')).toMatchObject({ status: 'In Progress', status_category: 'active', first_active_at: T0 + DAY, done_at: null });
    const flow = await ws.backend.call('metrics.flow', { window: { from: '2024-01-01', to: '2024-01-31' } });
    if (!flow.ok) throw new Error(flow.error.message);
    // The Flow page counted T-1 done from its history all along; the workspace's done date now says so too.
    expect(flow.value.current.throughputPerWeek.total).toBe(1);
    expect(db(ws).prepare('SELECT count(*) FROM work_items WHERE done_at IS NOT NULL').pluck().get()).toBe(1);
  });

  describe('edge cases', () => {
    it('a history imported alone leaves its workspace item where the last recorded change does', async () => {
      await runImport(ws.backend, [write('items.csv', 'key,title,type,team,status,created_at', [`T-1,One,story,t,To Do,${iso(T0)}`, `T-2,Two,story,t,To Do,${iso(T0)}`])]);
      await runImport(ws.backend, [history()]);
      expect(itemRow('T-1')).toMatchObject({ status: 'Done', status_category: 'done', done_at: T0 + DAY });
      expect(itemRow('T-2')).toMatchObject({ status: 'In Progress', status_category: 'active', done_at: null });
    });

    it('dates derived again after a status is given another category follow the same rule', async () => {
      const items = write('items.csv', 'key,title,type,team,status,created_at', [`T-1,One,story,t,Done,${iso(T0)}`, `T-2,Two,story,t,In Progress,${iso(T0)}`]);
      await runImport(ws.backend, [items, history()]);
      const set = await ws.backend.call('import.setStatusCategory', { status: 'In Progress', category: 'active' });
      expect(set.ok).toBe(true);
      expect(itemRow('T-1')).toMatchObject({ done_at: T0 + DAY });
      expect(itemRow('T-2')).toMatchObject({ done_at: null });
    });
  });
});

describe('a teams file after an import that made teams from references', () => {
  it('a declared team that a reference made before (same key in another case, or its name) is that team, renamed, not a second one', async () => {
    // A tracker's export names teams by their display name: "Checkout" and "Payments" become bare teams.
    const items = write('items.csv', 'key,title,type,team,status,created_at', [`C-1,One,story,Checkout,To Do,${iso(T0)}`, `P-1,Two,story,Payments,To Do,${iso(T0)}`, `S-1,Three,story,search,To Do,${iso(T0)}`]);
    await runImport(ws.backend, [items]);
    const teams = write('teams.csv', 'key,name,value_stream', ['checkout,Checkout,Shop', 'pay,Payments,Shop', 'srch,Search,Shop', 'search-2,search,Shop']);
    const status = await runImport(ws.backend, [teams]);
    expect(status.state).toBe('done');
    const rows = db(ws).prepare('SELECT key, name, value_stream FROM teams ORDER BY key').raw().all();
    // checkout: by key in another case; pay: by name; srch: by name in another case; search-2 names
    // the same bare team again, so it is a repeat of srch (the last row wins: its name "search").
    expect(rows).toEqual([
      ['Checkout', 'Checkout', 'Shop'],
      ['Payments', 'Payments', 'Shop'],
      ['search', 'search', 'Shop'],
    ]);
    expect(status.report!.issues.filter((i) => i.code === 'team-matched').map((i) => i.value)).toEqual(['checkout', 'pay', 'srch', 'search-2']);
    expect(db(ws).prepare("SELECT t.key FROM work_items w JOIN teams t ON t.id = w.team_id WHERE w.key = 'C-1'").pluck().get()).toBe('Checkout');
  });

  describe('edge cases', () => {
    it('a team declared with a key of its own is never merged with another by name', async () => {
      await runImport(ws.backend, [write('teams-1.csv', 'key,name', ['pay,Payments'])]);
      const status = await runImport(ws.backend, [write('teams-2.csv', 'key,name', ['payments,Payments'])]);
      expect(status.report!.issues.filter((i) => i.code === 'team-matched')).toEqual([]);
      expect(db(ws).prepare('SELECT key FROM teams ORDER BY key').pluck().all()).toEqual(['pay', 'payments']);
    });
  });
});

describe('a re-import from a file without some columns', () => {
  it('keeps what the workspace holds for the columns it lacks, and takes an empty cell of a column it has as empty', async () => {
    const items = write('items.csv', 'key,title,type,team,status,created_at,first_active_at,done_at,parent', [
      `P-1,The epic,epic,alpha,In Progress,${iso(T0)},${iso(T0 + DAY)},,`,
      `C-1,A story,story,beta,Done,${iso(T0)},${iso(T0 + DAY)},${iso(T0 + 3 * DAY)},P-1`,
    ]);
    const objectives = write('objectives.csv', 'key,title,level,parent,teams', ['O-1,Grow,portfolio,,', 'O-2,Ship it,program,O-1,alpha;beta']);
    await runImport(ws.backend, [items, objectives]);

    // Statuses and types only: titles, teams, dates and parents stay; a new item gets none of them.
    const statuses = write('statuses.csv', 'key,type,status,created_at', [`C-1,story,Done,${iso(T0)}`, `N-1,story,To Do,${iso(T0)}`]);
    const objectivesAgain = write('objectives-titles.csv', 'key,title,level', ['O-2,Ship it all,program']);
    const again = await runImport(ws.backend, [statuses, objectivesAgain]);
    expect(again.state).toBe('done');
    expect(again.report!.issues.map((i) => i.message).join('\n')).toContain('those it holds keep theirs');
    expect(itemRow('C-1')).toMatchObject({ title: 'A story', team: 'beta', first_active_at: T0 + DAY, done_at: T0 + 3 * DAY });
    expect(db(ws).prepare("SELECT parent_key FROM work_items WHERE key = 'C-1'").pluck().get()).toBe('P-1');
    expect(itemRow('N-1')).toMatchObject({ title: '', team: null, first_active_at: null, done_at: null });
    const objective = () => db(ws).prepare("SELECT o.title, o.parent_key, group_concat(t.key) AS teams FROM objectives o LEFT JOIN objective_teams ot ON ot.objective_id = o.id LEFT JOIN teams t ON t.id = ot.team_id WHERE o.key = 'O-2' GROUP BY o.id").get();
    expect(objective()).toEqual({ title: 'Ship it all', parent_key: 'O-1', teams: 'alpha,beta' });

    // A column that is there speaks, empty cells included.
    const emptied = write('emptied.csv', 'key,type,status,created_at,parent,team', [`C-1,story,Done,${iso(T0)},,alpha`]);
    await runImport(ws.backend, [emptied]);
    expect(itemRow('C-1')).toMatchObject({ title: 'A story', team: 'alpha', done_at: T0 + 3 * DAY });
    expect(db(ws).prepare("SELECT parent_key FROM work_items WHERE key = 'C-1'").pluck().get()).toBeNull();
    const objectivesEmptied = write('objectives-emptied.csv', 'key,title,level,parent,teams', ['O-2,Ship it all,program,,']);
    await runImport(ws.backend, [objectivesEmptied]);
    expect(objective()).toEqual({ title: 'Ship it all', parent_key: null, teams: null });
  });
});

describe('what the preview says, the import does', () => {
  it('an objective of an increment no file declares and the workspace lacks is a rejected row in both, not a clean preview and a refused import', async () => {
    const objectives = write('objectives.csv', 'key,title,level,parent,teams,increment,business_value,actual_value,committed,items', ['OBJ-1,Ship,team,,alpha,PI 24.3,8,,yes,', 'OBJ-2,Grow,portfolio,,,,,,,']);
    const preview = await runImport(ws.backend, [objectives], 'preview');
    const rejected = (r: typeof preview) => r.report!.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.code]);
    expect(rejected(preview)).toEqual([[2, 'invalid-reference']]);
    expect(preview.report!.counts.objectives).toBe(1);
    const done = await runImport(ws.backend, [objectives]);
    expect(done.state).toBe('done');
    expect(rejected(done)).toEqual([[2, 'invalid-reference']]);
    expect(db(ws).prepare('SELECT key FROM objectives').pluck().all()).toEqual(['OBJ-2']);
  });
});

describe('deployments and incidents without keys', () => {
  it('two of one team at one minute, for two services, are two records, found again by a re-import', async () => {
    const deployments = write('deploys.csv', 'deployed_at,service,team,result', ['2024-03-05 09:05,checkout-web,checkout,success', '2024-03-05 09:05,checkout-api,checkout,failed', '2024-03-05 10:00,checkout-web,checkout,success']);
    await runImport(ws.backend, [deployments]);
    const keys = () => db(ws).prepare('SELECT key, service, succeeded FROM deployments ORDER BY key').raw().all();
    const first = keys();
    expect(first).toEqual([
      ['checkout@2024-03-05T09:05:00.000Z', 'checkout-web', 1],
      ['checkout@2024-03-05T09:05:00.000Z/checkout-api', 'checkout-api', 0],
      ['checkout@2024-03-05T10:00:00.000Z', 'checkout-web', 1],
    ]);
    await runImport(ws.backend, [deployments]);
    expect(keys()).toEqual(first);
    const incidents = write('incidents.csv', 'opened_at,resolved_at,service,team', ['2024-03-05 11:00,2024-03-05 12:00,checkout-web,checkout', '2024-03-05 11:00,2024-03-05 11:30,checkout-api,checkout']);
    await runImport(ws.backend, [incidents]);
    expect(count('incidents')).toBe(2);
  });
});

describe('references that differ only in case', () => {
  it('a status change for t-1 joins the history of T-1 (a history is replaced: dropped, it cut T-1’s short); items find a team of the same import by key or name in any case', async () => {
    const teams = write('teams.csv', 'key,name,value_stream', ['checkout,Checkout,Shop', 'platform,Cloud Platform,Core']);
    const items = write('items.csv', 'key,title,type,team,status,created_at', [`T-1,One,story,Checkout,Done,${iso(T0)}`, `T-2,Two,story,Cloud Platform,To Do,${iso(T0)}`, `T-3,Three,story,PLATFORM,To Do,${iso(T0)}`]);
    const history = write('history.csv', 'item,from_status,to_status,at', [`T-1,,To Do,${iso(T0)}`, `t-1,To Do,In Progress,${iso(T0 + DAY)}`, `t-1,In Progress,Done,${iso(T0 + 2 * DAY)}`]);
    const done = await runImport(ws.backend, [teams, items, history]);
    expect(done.state).toBe('done');
    expect(db(ws).prepare('SELECT key FROM teams ORDER BY key').pluck().all()).toEqual(['checkout', 'platform']);
    expect([itemRow('T-1').team, itemRow('T-2').team, itemRow('T-3').team]).toEqual(['checkout', 'platform', 'platform']);
    expect((storedHistory('T-1') as [string | null, string][]).map(([, to]) => to)).toEqual(['To Do', 'In Progress', 'Done']);
    expect(done.report!.issues.filter((i) => i.code === 'item-key-case').map((i) => [i.line, i.message])).toEqual([
      [3, 't-1 is taken as item T-1 (the keys differ only in case).'],
      [4, 't-1 is taken as item T-1 (the keys differ only in case).'],
    ]);
    // Later, from the workspace alone.
    const again = await runImport(ws.backend, [write('again.csv', 'item,from_status,to_status,at', [`t-2,,To Do,${iso(T0)}`, `t-2,To Do,In Progress,${iso(T0 + DAY)}`])]);
    expect(again.report!.issueCounts['item-key-case']).toBe(2);
    expect(storedHistory('T-2')).toHaveLength(2);
    expect(db(ws).prepare("SELECT count(*) FROM work_items WHERE key = 't-2'").pluck().get()).toBe(0);
  });

  it('a status change or dependency whose key holds a character that does not show (pasted with it) or a no-break space joins its item too, said so with the character written out', async () => {
    const items = write('items.csv', 'key,title,type,team,status,created_at', [`T-1,One,story,checkout,Done,${iso(T0)}`, `T 2,Two,story,checkout,To Do,${iso(T0)}`]);
    const history = write('history.csv', 'item,from_status,to_status,at', [`T-1,,To Do,${iso(T0)}`, `T-1\u200B,To Do,In Progress,${iso(T0 + DAY)}`, `t-1\u200B,In Progress,Done,${iso(T0 + 2 * DAY)}`]);
    const links = write('dependencies.csv', 'key,from_item,to_item,from_team,to_team,created_at', [`D-1,T\u00A02,T-1,checkout,checkout,${iso(T0)}`]);
    const done = await runImport(ws.backend, [items, history, links]);
    expect(done.state).toBe('done');
    expect((storedHistory('T-1') as [string | null, string][]).map(([, to]) => to)).toEqual(['To Do', 'In Progress', 'Done']);
    expect(done.report!.issues.filter((i) => i.code === 'look-alike-key').map((i) => [i.file, i.line, i.message])).toEqual([
      ['history.csv', 3, 'T-1<U+200B> is taken as item T-1 (the keys differ only by a zero-width space (U+200B)).'],
      ['history.csv', 4, 't-1<U+200B> is taken as item T-1 (the keys differ only in letter case and by a zero-width space (U+200B)).'],
      ['dependencies.csv', 2, 'T<U+00A0>2 is taken as item T 2 (the keys differ only by a no-break space (U+00A0) for a space).'],
    ]);
    expect(done.report!.issueCounts['unknown-item']).toBeUndefined();
    expect(db(ws).prepare('SELECT from_item_key, to_item_key FROM dependencies').raw().all()).toEqual([['T 2', 'T-1']]);
  });
});

describe('the writer’s own checks', () => {
  it('a status seen only as where a change came from is not added to the status map', async () => {
    const items = write('items.csv', 'key,title,type,team,status,status_category,created_at', ['A-1,A,story,t,Done,done,2024-01-01T00:00:00Z']);
    const changes = write('transitions.csv', 'item,from_status,to_status,at', ['A-1,Legacy Weird Status,Done,2024-01-02T00:00:00Z']);
    expect((await runImport(ws.backend, [items, changes])).state).toBe('done');
    expect(db(ws).prepare('SELECT status FROM status_map ORDER BY status').pluck().all()).toEqual(['Done']);
    expect(db(ws).prepare('SELECT from_status FROM status_transitions').pluck().get()).toBe('Legacy Weird Status');
  });

  it('a failure mid-write, while indexes and snapshot triggers are dropped, leaves the workspace exactly as it was', async () => {
    await runImport(ws.backend, Object.values(portfolioFiles('A')));
    await ws.backend.call('metrics.flow', {});
    // Stands for any failure inside the write: the batch holding B-100 is refused halfway through the items.
    db(ws).exec("CREATE TRIGGER test_refuse BEFORE INSERT ON work_items WHEN NEW.key = 'B-100' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    const schema = () => db(ws).prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
    const schemaBefore = schema();
    // The items' key index too (migration 010), which the import drops with the others.
    expect(schemaBefore).toContainEqual({ type: 'index', name: 'work_items_key', sql: 'CREATE UNIQUE INDEX work_items_key ON work_items(key)' });
    const contentBefore = dumpWorkspace(db(ws));
    expect(db(ws).prepare('SELECT count(*) FROM metrics_snapshot').pluck().get()).toBe(1);
    // 131 items of B into a workspace of 130: the import drops the items' indexes and the snapshot's triggers first.
    const status = await runImport(ws.backend, Object.values(portfolioFiles('B')));
    expect(status.state).toBe('failed');
    expect(status.error!.message).toContain('refused by the test');
    expect(schema()).toEqual(schemaBefore);
    expect(dumpWorkspace(db(ws))).toBe(contentBefore);
    expect(db(ws).pragma('ignore_check_constraints', { simple: true })).toBe(0);
    expect(db(ws).pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a failure while the status changes are written leaves no status list behind, and the next import writes them all', async () => {
    const files = Object.values(portfolioFiles('A'));
    db(ws).exec("CREATE TRIGGER test_refuse BEFORE INSERT ON status_transitions WHEN NEW.item_id = 120 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    const failed = await runImport(ws.backend, files);
    expect(failed.state).toBe('failed');
    expect(failed.error!.message).toContain('refused by the test');
    const statusLists = () => db(ws).prepare("SELECT count(*) FROM temp.sqlite_master WHERE name = 'import_statuses'").pluck().get();
    expect(statusLists()).toBe(0);
    expect(db(ws).prepare('SELECT count(*) FROM status_transitions').pluck().get()).toBe(0);
    db(ws).exec('DROP TRIGGER test_refuse');
    const done = await runImport(ws.backend, files);
    expect(done.state).toBe('done');
    expect(statusLists()).toBe(0);
    // Every change as the file has it, numbered in the file's order (odd items first), its statuses and category spelled out.
    const expected: unknown[] = [];
    for (const parity of [1, 0]) {
      for (let n = 1; n <= 130; n++) {
        if (n % 2 === parity && n % 13 !== 0) for (const [from, to, at] of historyOf(n)) expected.push([`A-${n}`, from, to, categoryOf(to), at]);
      }
    }
    const rows = db(ws).prepare('SELECT w.key, t.from_status, t.to_status, t.to_category, t.at FROM status_transitions t JOIN work_items w ON w.id = t.item_id ORDER BY t.id').raw().all();
    expect(rows).toEqual(expected);
    expect(db(ws).prepare('SELECT min(id), max(id) FROM status_transitions').raw().get()).toEqual([1, expected.length]);
  });

  it('an import without items or status changes keeps the metrics snapshot and its triggers', async () => {
    const items = write('items.csv', 'key,title,type,team,status,status_category,created_at', ['A-1,A,story,t,Done,done,2024-01-01T00:00:00Z']);
    await runImport(ws.backend, [items]);
    await ws.backend.call('metrics.flow', {});
    const held = () => db(ws).prepare('SELECT count(*) FROM metrics_snapshot').pluck().get();
    expect(held()).toBe(1);
    const incidents = write('incidents.csv', 'key,team,service,opened_at,resolved_at,caused_by_deployment', ['INC-1,t,web,2024-01-03T00:00:00Z,2024-01-03T02:00:00Z,']);
    expect((await runImport(ws.backend, [incidents])).state).toBe('done');
    expect(held()).toBe(1);
    expect(db(ws).prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBe(6);
  });

  it('dependencies from links resolve when the item waited on is done, even one only in the workspace, never before they were raised', async () => {
    const items = write('items.csv', 'key,title,type,team,status,status_category,created_at,first_active_at,done_at', [
      'B-1,B,story,t,Done,done,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z,2024-01-05T00:00:00Z',
      'B-2,B,story,t,Done,done,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z,2024-01-20T00:00:00Z',
    ]);
    await runImport(ws.backend, [items]);
    // Jira CSV: A-1 is blocked by B-1 and B-2, which are only in the workspace.
    const jira = write('jira.csv', 'Summary,Issue key,Issue id,Issue Type,Status,Created,Inward issue link (Blocks),Inward issue link (Blocks)', [
      'A,A-1,10,Story,In Progress,2024-01-10T00:00:00Z,B-1,B-2',
    ]);
    expect((await runImport(ws.backend, [jira])).state).toBe('done');
    const resolved = db(ws).prepare('SELECT key, resolved_at FROM dependencies ORDER BY key').raw().all();
    expect(resolved).toEqual([
      // B-1 was done before A-1 (and so the link) existed: resolved when raised.
      ['A-1->B-1', Date.parse('2024-01-10T00:00:00Z')],
      ['A-1->B-2', Date.parse('2024-01-20T00:00:00Z')],
    ]);
  });

  it('a file naming one item key twice writes one item, the last record winning, with the key index dropped meanwhile', async () => {
    const items = write('items.csv', 'key,title,type,team,status,status_category,created_at,done_at', [
      'A-1,First,story,t,To Do,todo,2024-01-01T00:00:00Z,',
      'A-2,Other,story,t,To Do,todo,2024-01-01T00:00:00Z,',
      'A-1,Second,defect,t,Done,done,2024-01-02T00:00:00Z,2024-01-05T00:00:00Z',
    ]);
    // Two items into an empty workspace: the writer drops work_items_key and builds it at the end.
    const status = await runImport(ws.backend, [items]);
    expect(status.state).toBe('done');
    expect(db(ws).prepare("SELECT key, title, type, done_at FROM work_items ORDER BY key").raw().all()).toEqual([
      ['A-1', 'Second', 'defect', Date.parse('2024-01-05T00:00:00Z')],
      ['A-2', 'Other', 'story', null],
    ]);
    expect(db(ws).prepare("SELECT count(*) FROM sqlite_master WHERE name = 'work_items_key'").pluck().get()).toBe(1);
    expect(() => db(ws).prepare("INSERT INTO work_items (key, title, type, status, status_category, created_at) VALUES ('A-1', 'x', 'story', 'Open', 'todo', 0)").run()).toThrow(/UNIQUE constraint failed: work_items.key/);
  });

  it('a dependency written before the item it waits on, or whose item’s done date changed after, is looked up again', () => {
    const database = db(ws);
    database.prepare("INSERT INTO work_items (id, key, title, type, status, status_category, created_at, done_at) VALUES (1, 'B-1', 'B', 'story', 'Done', 'done', 0, 900)").run();
    const link = { fromItemKey: 'A-1', fromTeamKey: null, toTeamKey: null, kind: 'blocks', interfaceName: null, createdAt: 100, neededBy: null, resolvedAt: null, resolvedWhenDone: true, line: null };
    const item = { key: 'C-1', title: 'C', type: 'story', teamKey: null, status: 'Done', createdAt: 0, firstActiveAt: null, doneAt: 1200, parentKey: null, objectiveKeys: null, line: null } as const;
    const resolved = () => database.prepare('SELECT key, resolved_at FROM dependencies ORDER BY key').raw().all();
    const writer = new PortfolioWriter(database, () => 'done');
    database.transaction(() => {
      writer.dependency({ ...link, key: 'D-1', toItemKey: 'B-1' });
      // Not there yet when its dependency is written.
      writer.dependency({ ...link, key: 'D-2', toItemKey: 'C-1' });
      writer.item(item);
      writer.resolveDependenciesWhenDone(false);
    })();
    expect(resolved()).toEqual([
      ['D-1', 900],
      ['D-2', 1200],
    ]);
    // Done dates the caller changed itself (flow dates refreshed from a stored history, say).
    for (const changed of [false, true]) {
      const later = new PortfolioWriter(database, () => 'done');
      database.transaction(() => {
        later.dependency({ ...link, key: 'D-1', toItemKey: 'B-1' });
        database.prepare('UPDATE work_items SET done_at = done_at + 1000 WHERE key = ?').run('B-1');
        later.resolveDependenciesWhenDone(changed);
      })();
      // Without being told, the writer keeps the date it knew when it wrote the dependency.
      expect([changed, resolved()[0]]).toEqual([changed, ['D-1', changed ? 2900 : 900]]);
    }
  });

  it('a dependency on an item whose stored history decides its done date resolves at that date, not the file’s', async () => {
    const items = write('items.csv', 'key,title,type,team,status,status_category,created_at', ['B-1,B,story,t,Done,done,2024-01-01T00:00:00Z']);
    const history = write('transitions.csv', 'item,from_status,to_status,at', ['B-1,,To Do,2024-01-01T00:00:00Z', 'B-1,To Do,Done,2024-01-05T00:00:00Z']);
    await runImport(ws.backend, [items, history]);
    // Jira CSV without a history or resolution date for B-1: the one stored decides B-1's done date,
    // set after the writer wrote the link (refreshFlowDates).
    const jira = write('jira.csv', 'Summary,Issue key,Issue id,Issue Type,Status,Created,Inward issue link (Blocks)', [
      'A,A-1,10,Story,In Progress,2024-01-02T00:00:00Z,B-1',
      'B,B-1,11,Story,Done,2024-01-01T00:00:00Z,',
    ]);
    expect((await runImport(ws.backend, [jira])).state).toBe('done');
    expect(db(ws).prepare("SELECT done_at FROM work_items WHERE key = 'B-1'").pluck().get()).toBe(Date.parse('2024-01-05T00:00:00Z'));
    expect(db(ws).prepare('SELECT key, resolved_at FROM dependencies').raw().all()).toEqual([['A-1->B-1', Date.parse('2024-01-05T00:00:00Z')]]);
  });

  it('of two records of one dependency in an import, the last decides its resolution, a stated date included', () => {
    const database = db(ws);
    database.prepare("INSERT INTO work_items (id, key, title, type, status, status_category, created_at, done_at) VALUES (1, 'B-1', 'B', 'story', 'Done', 'done', 0, 900)").run();
    const writer = new PortfolioWriter(database, () => 'todo');
    const link = { key: 'A-1->B-1', fromItemKey: 'A-1', fromTeamKey: null, toItemKey: 'B-1', toTeamKey: null, kind: 'blocks', interfaceName: null, createdAt: 100, neededBy: null, line: null };
    database.transaction(() => {
      writer.dependency({ ...link, resolvedAt: null, resolvedWhenDone: true });
      writer.dependency({ ...link, resolvedAt: 500 });
      writer.resolveDependenciesWhenDone(false);
    })();
    expect(database.prepare('SELECT resolved_at FROM dependencies').pluck().get()).toBe(500);
  });

  it('a dependency without teams takes those of its items: as the workspace holds them, or as this writer last wrote them', () => {
    const database = db(ws);
    database.prepare("INSERT INTO teams (id, key, name) VALUES (1, 't1', 'One'), (2, 't2', 'Two')").run();
    database.prepare("INSERT INTO work_items (id, key, title, type, team_id, status, status_category, created_at) VALUES (1, 'B-1', 'B', 'story', 2, 'Open', 'todo', 0), (2, 'C-1', 'C', 'story', 2, 'Open', 'todo', 0)").run();
    const writer = new PortfolioWriter(database, () => 'todo');
    const item = { title: 'x', type: 'story', status: 'Open', createdAt: 0, firstActiveAt: null, doneAt: null, parentKey: null, objectiveKeys: null, line: null } as const;
    const link = { fromTeamKey: null, toTeamKey: null, kind: 'blocks', interfaceName: null, createdAt: 100, neededBy: null, resolvedAt: null, line: null };
    database.transaction(() => {
      writer.item({ ...item, key: 'A-1', teamKey: 't1' });
      writer.item({ ...item, key: 'C-1', teamKey: 't1' });
      writer.dependency({ ...link, key: 'A-1->B-1', fromItemKey: 'A-1', toItemKey: 'B-1' });
      writer.dependency({ ...link, key: 'A-1->C-1', fromItemKey: 'A-1', toItemKey: 'C-1' });
      writer.dependency({ ...link, key: 'X-1->A-1', fromItemKey: 'X-1', toItemKey: 'A-1' });
      writer.dependency({ ...link, key: 'B-1->A-1', fromItemKey: 'B-1', toItemKey: 'A-1', fromTeamKey: 't1', toTeamKey: 't2' });
      writer.flush();
    })();
    const teams = database
      .prepare('SELECT d.key, f.key, t.key FROM dependencies d LEFT JOIN teams f ON f.id = d.from_team_id LEFT JOIN teams t ON t.id = d.to_team_id ORDER BY d.key')
      .raw()
      .all();
    expect(teams).toEqual([
      ['A-1->B-1', 't1', 't2'],
      ['A-1->C-1', 't1', 't1'],
      ['B-1->A-1', 't1', 't2'],
      ['X-1->A-1', null, 't1'],
    ]);
  });

  it('covers every CHECK constraint of the tables it bulk-writes with SQLite’s checks off', () => {
    for (const [table, columns] of Object.entries(WRITER_CHECKED_CONSTRAINTS)) {
      const sql = db(ws).prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
      const checked = [...sql.matchAll(/(\w+)[^,(]*\bCHECK\s*\(/gi)].map((m) => m[1]);
      // A new CHECK on these tables must be checked by PortfolioWriter too (item, transitionRow).
      expect([table, checked]).toEqual([table, [...columns]]);
    }
  });

  it('refuses a value the schema would refuse, and turns SQLite’s checks back on', () => {
    const database = db(ws);
    database.prepare("INSERT INTO work_items (id, key, title, type, status, status_category, created_at) VALUES (1, 'A-1', 'A', 'story', 'Open', 'todo', 0)").run();
    const writer = new PortfolioWriter(database, () => 'todo');
    const bogus = (write: () => void) => () => database.transaction(() => writer.withoutSqlChecks(write))();
    expect(bogus(() => writer.transitionRow(1, null, 'Open', 'someday' as never, 0))).toThrow(/status category "someday"/);
    expect(bogus(() => writer.statusList(['Open', 'Later'], ['todo', 'someday' as never]))).toThrow(/status category "someday"/);
    const item = { key: 'A-2', title: 'B', type: 'saga' as never, teamKey: null, status: 'Open', createdAt: 0, firstActiveAt: null, doneAt: null, parentKey: null, objectiveKeys: null, line: null };
    expect(bogus(() => writer.item(item))).toThrow(/item type "saga"/);
    expect(database.pragma('ignore_check_constraints', { simple: true })).toBe(0);
    expect(database.prepare('SELECT count(*) FROM status_transitions').pluck().get()).toBe(0);
    expect(() => database.prepare("INSERT INTO status_transitions (item_id, to_status, to_category, at) VALUES (1, 'Open', 'someday', 0)").run()).toThrow(/CHECK constraint failed/);
  });
});

describe('an item’s row against its status history', () => {
  const ITEMS = 'key,title,type,team,status,status_category,created_at,first_active_at,done_at,parent,objectives';
  const CHANGES = 'item,from_status,to_status,at';
  const flowIssues = (status: Awaited<ReturnType<typeof runImport>>) =>
    status.report!.issues.filter((i) => i.code === 'status-history-mismatch' || i.code === 'change-before-created').map((i) => [i.file, i.line, i.column, i.value, i.code, i.message]);
  const stored = () => db(ws).prepare('SELECT key, status, status_category, done_at FROM work_items ORDER BY key').raw().all();

  it('a row saying Done whose changes end In Progress is warned about, naming both, in the preview as in the import; it is stored Done without a finished date, as said', async () => {
    const items = write('items.csv', ITEMS, ['P-1,One,story,checkout,Done,done,2024-03-01T00:00:00Z,,,,', 'P-9,Fine,story,checkout,Done,done,2024-03-01T00:00:00Z,,,,']);
    const changes = write('transitions.csv', CHANGES, [
      'P-1,,To Do,2024-03-01T00:00:00Z',
      'P-1,To Do,Done,2024-03-05T00:00:00Z',
      'P-1,Done,In Progress,2024-03-10T00:00:00Z',
      'P-9,,To Do,2024-03-01T00:00:00Z',
      'P-9,To Do,Done,2024-03-05T00:00:00Z',
    ]);
    const expected = [
      [
        'items.csv',
        2,
        'Status',
        'Done',
        'status-history-mismatch',
        'P-1 is Done (done) in its row, but its status changes end in In Progress (active) on 2024-03-10: it is stored as Done without a finished date, so it counts in no throughput, lead or cycle time. Correct its status or its status changes and import again.',
      ],
    ];
    const preview = await runImport(ws.backend, [items, changes], 'preview');
    expect(flowIssues(preview)).toEqual(expected);
    const real = await runImport(ws.backend, [items, changes]);
    expect(flowIssues(real)).toEqual(expected);
    expect(real.report!.issueCounts['status-history-mismatch']).toBe(1);
    expect(real.report!.files.find((f) => f.name === 'items.csv')).toBeDefined();
    expect(stored()).toEqual([
      ['P-1', 'Done', 'done', null],
      ['P-9', 'Done', 'done', Date.parse('2024-03-05T00:00:00Z')],
    ]);
    const logged = db(ws).prepare("SELECT warnings FROM imports WHERE file_name = 'items.csv'").pluck().get();
    expect(logged).toBe(1);
  });

  describe('edge cases', () => {
    it('changes out of time order (the file’s last change Done, dated before an open one), a row open whose changes end Done, and a change before the item was created', async () => {
      const items = write('items.csv', ITEMS, [
        'P-2,Two,story,platform,Done,done,2024-03-01T00:00:00Z,,,,',
        'P-3,Three,story,platform,In Progress,active,2024-03-01T00:00:00Z,,,,',
        'P-4,Four,story,platform,Cancelled,cancelled,2024-03-01T00:00:00Z,,,,',
      ]);
      const changes = write('transitions.csv', CHANGES, [
        'P-2,,To Do,2024-03-01T00:00:00Z',
        'P-2,In Review,Done,2024-02-01T00:00:00Z',
        'P-3,,To Do,2024-03-01T00:00:00Z',
        'P-3,To Do,Done,2024-03-04T00:00:00Z',
        // At one instant, the change recorded last decides (as the metrics read it): cancelled, no warning.
        'P-4,,In Progress,2024-03-02T00:00:00Z',
        'P-4,In Progress,Cancelled,2024-03-02T00:00:00Z',
      ]);
      const expected = [
        [
          'items.csv',
          2,
          'Status',
          'Done',
          'status-history-mismatch',
          'P-2 is Done (done) in its row, but its status changes end in To Do (todo) on 2024-03-01, the latest by date (the change to Done comes last in the file but is dated earlier): it is stored as Done without a finished date, so it counts in no throughput, lead or cycle time. Correct its status or its status changes and import again.',
        ],
        [
          'items.csv',
          2,
          'Created',
          '2024-02-01T00:00:00.000Z',
          'change-before-created',
          'P-2 has a status change on 2024-02-01, before it was created (2024-03-01): the change is kept, so its history starts before its creation; check the dates (a day and month swapped, a time zone) of its row and its status changes.',
        ],
        [
          'items.csv',
          3,
          'Status',
          'In Progress',
          'status-history-mismatch',
          'P-3 is In Progress (active) in its row, but its status changes end in Done (done) on 2024-03-04: it is stored as In Progress (active), with the finished date 2024-03-04 its status changes give. Correct its status or its status changes and import again.',
        ],
      ];
      expect(flowIssues(await runImport(ws.backend, [items, changes], 'preview'))).toEqual(expected);
      expect(flowIssues(await runImport(ws.backend, [items, changes]))).toEqual(expected);
      expect(stored()).toEqual([
        ['P-2', 'Done', 'done', null],
        ['P-3', 'In Progress', 'active', Date.parse('2024-03-04T00:00:00Z')],
        ['P-4', 'Cancelled', 'cancelled', Date.parse('2024-03-02T00:00:00Z')],
      ]);
    });

    it('a history imported alone for a workspace item, and an item whose history cannot be read, are not checked against a row', async () => {
      const items = write('items.csv', ITEMS, ['P-5,Five,story,checkout,To Do,todo,2024-03-01T00:00:00Z,,,,']);
      await runImport(ws.backend, [items]);
      const alone = write('alone.csv', CHANGES, ['P-5,,To Do,2024-03-01T00:00:00Z', 'P-5,To Do,Done,2024-03-03T00:00:00Z']);
      expect(flowIssues(await runImport(ws.backend, [alone]))).toEqual([]);
      const done = write('done.csv', ITEMS, ['P-5,Five,story,checkout,Done,done,2024-03-01T00:00:00Z,,,,']);
      const unread = write('unread.csv', CHANGES, ['P-5,,To Do,2024-03-01T00:00:00Z', 'P-5,To Do,In Progress,not a date']);
      const kept = await runImport(ws.backend, [done, unread]);
      expect(flowIssues(kept)).toEqual([]);
      expect(kept.report!.issueCounts['history-kept']).toBe(1);
    });
  });
});

describe('parents and dependencies that point nowhere or at themselves', () => {
  const ITEMS = 'key,title,type,team,status,status_category,created_at,first_active_at,done_at,parent,objectives';
  const DEPS = 'key,from_item,from_team,to_item,to_team,kind,interface,created_at,needed_by,resolved_at';
  const referenceIssues = (status: Awaited<ReturnType<typeof runImport>>) =>
    status.report!.issues.filter((i) => i.code === 'unknown-item' || i.code === 'self-reference').map((i) => [i.file, i.line, i.column, i.value, i.code, i.message]);

  it('an unknown parent, an item its own parent and a dependency of an item on itself are each warned about at their line and column, in the preview as in the import; all are imported as written', async () => {
    const items = write('items.csv', ITEMS, [
      'F-1,x,story,checkout,Done,done,2024-03-01,,2024-03-05,NOPE-9,',
      'F-2,y,story,checkout,Done,done,2024-03-01,,2024-03-05,F-1,',
      'F-3,z,story,checkout,Done,done,2024-03-01,,2024-03-05,F-3,',
    ]);
    const deps = write('dependencies.csv', DEPS, ['D-1,F-1,checkout,F-2,checkout,blocks,,2024-03-02,,', 'D-3,F-3,checkout,F-3,checkout,blocks,,2024-03-02,,']);
    const expected = [
      ['items.csv', 2, 'Parent', 'NOPE-9', 'unknown-item', 'The parent of F-1 is NOPE-9, which is neither in this import nor in the workspace; it is kept as written and links to nothing until NOPE-9 is imported.'],
      ['items.csv', 4, 'Parent', 'F-3', 'self-reference', 'F-3 is its own parent; it is imported as it is, but check its parent.'],
      ['dependencies.csv', 3, 'Item waited on', 'F-3', 'self-reference', 'Dependency D-3 has F-3 wait on itself; it is imported as it is, but no item can wait on itself: check its two items.'],
    ];
    const sorted = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    expect(sorted(referenceIssues(await runImport(ws.backend, [items, deps], 'preview')))).toEqual(sorted(expected));
    const real = await runImport(ws.backend, [items, deps]);
    expect(sorted(referenceIssues(real))).toEqual(sorted(expected));
    expect(db(ws).prepare('SELECT key, parent_key FROM work_items ORDER BY key').raw().all()).toEqual([
      ['F-1', 'NOPE-9'],
      ['F-2', 'F-1'],
      ['F-3', 'F-3'],
    ]);
    expect(db(ws).prepare("SELECT warnings FROM imports WHERE file_name = 'items.csv'").pluck().get()).toBe(2);
  });

  describe('edge cases', () => {
    it('a parent in a later row, in another file of the import or in the workspace is no warning; an empty parent is none', async () => {
      await runImport(ws.backend, [write('base.csv', ITEMS, ['W-1,w,epic,checkout,To Do,todo,2024-03-01,,,,'])]);
      const children = write('children.csv', ITEMS, ['C-1,a,story,checkout,To Do,todo,2024-03-01,,,E-1,', 'C-2,b,story,checkout,To Do,todo,2024-03-01,,,W-1,', 'C-3,c,story,checkout,To Do,todo,2024-03-01,,,E-2,', 'C-4,d,story,checkout,To Do,todo,2024-03-01,,,,', 'E-1,e,epic,checkout,To Do,todo,2024-03-01,,,,']);
      const epics = write('epics.csv', ITEMS, ['E-2,f,epic,checkout,To Do,todo,2024-03-01,,,,']);
      expect(referenceIssues(await runImport(ws.backend, [children, epics], 'preview'))).toEqual([]);
      expect(referenceIssues(await runImport(ws.backend, [children, epics]))).toEqual([]);
    });
  });
});
