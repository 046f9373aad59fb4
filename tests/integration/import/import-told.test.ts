import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../shared/contract/import-channels';
import { db, runImport, tempWorkspace, type TempWorkspace } from './import-support';

// What an import would once take without a word, and now says — what, in which file, line and
// column — while it imports everything it did before.

let ws: TempWorkspace;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(() => ws.dispose());

const CREATED = '2024-03-01T09:00:00Z';
const ITEMS = 'key,title,type,team,status,created_at';

function write(name: string, lines: string[]): string {
  const path = join(ws.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function writeJson(name: string, value: unknown): string {
  const path = join(ws.dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

const itemRow = (key: string, title = key) => `${key},${title},story,checkout,To Do,${CREATED}`;

/** A Jira issue as the REST search answer gives it, with `fields` added. */
const jiraIssue = (key: string, fields: Record<string, unknown> = {}) => ({
  key,
  fields: { summary: key, issuetype: { name: 'Story' }, status: { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } }, created: '2024-03-01T09:00:00.000+0000', ...fields },
  // As a search made with expand=changelog gives it.
  changelog: { startAt: 0, maxResults: 100, total: 0, histories: [] },
});

/** An item as an Interlock bundle holds it. */
const bundleItem = (key: string, title: string) => ({ key, title, type: 'story', teamKey: null, status: 'To Do', statusCategory: 'todo', createdAt: CREATED, firstActiveAt: null, doneAt: null, parentKey: null, objectiveKeys: [] });

/** The warnings of one code: file, line, column, value, message. */
function told(status: ImportJobStatus, code: string): (string | number | null)[][] {
  return status.report!.issues.filter((i) => i.code === code).map((i) => [i.file, i.line, i.column, i.value, i.message]);
}

const storedItems = () => db(ws).prepare('SELECT key, title FROM work_items ORDER BY key').raw().all() as [string, string][];

describe('an item key given twice', () => {
  it('is warned at the later row, naming the row it repeats, in its file or another; the last row wins and the item counts once', async () => {
    const first = write('items.csv', [ITEMS, itemRow('PAY-12', 'first'), itemRow('PAY-13'), itemRow('PAY-12', 'second')]);
    const second = write('more-items.csv', [ITEMS, itemRow('PAY-14'), itemRow('PAY-12', 'third')]);
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [first, second], mode);
      expect(told(status, 'duplicate-key')).toEqual([
        ['items.csv', 4, 'Key', 'PAY-12', 'Item PAY-12 appears more than once in this import (also at items.csv, line 2); the last row wins.'],
        ['more-items.csv', 3, 'Key', 'PAY-12', 'Item PAY-12 appears more than once in this import (also at items.csv, line 4); the last row wins.'],
      ]);
      expect(status.report!.counts.items).toBe(3);
    }
    expect(storedItems()).toEqual([
      ['PAY-12', 'third'],
      ['PAY-13', 'PAY-13'],
      ['PAY-14', 'PAY-14'],
    ]);
  });

  describe('edge cases', () => {
    it("in JSON: a bundle's item is named by its place in the bundle, a Jira page's by its place in its file", async () => {
      const bundle = writeJson('bundle.json', { items: [bundleItem('B-1', 'first'), bundleItem('B-2', 'two'), bundleItem('B-1', 'second')] });
      const page1 = writeJson('page1.json', { issues: [jiraIssue('J-1')] });
      const page2 = writeJson('page2.json', { issues: [jiraIssue('J-1')] });
      const status = await runImport(ws.backend, [bundle, page1, page2]);
      expect(told(status, 'duplicate-key')).toEqual([
        ['bundle.json', null, 'items[2].key', 'B-1', 'Item B-1 appears more than once in this import (also at bundle.json, items[0]); the last row wins.'],
        ['page2.json', null, 'issues[0].key', 'J-1', 'Item J-1 appears more than once in this import (also at page1.json, issues[0]); the last row wins.'],
      ]);
      expect(storedItems()).toEqual([
        ['B-1', 'second'],
        ['B-2', 'two'],
        ['J-1', 'J-1'],
      ]);
    });

    it('a Jira issue given twice, in one file of several pages or across files, is named by its path in its file at both ends; so is a look-alike key, and an issue repeating a CSV row names its line', async () => {
      const page = (...keys: string[]) => ({ startAt: 0, maxResults: 2, issues: keys.map((key) => jiraIssue(key)) });
      const paged = writeJson('jira-search-001.json', [page('J-1', 'J-2'), page('J-3', 'J-1')]);
      const later = writeJson('jira-search-002.json', page('J-4', 'J-2', 'j-3'));
      const items = write('items.csv', [ITEMS, itemRow('J-1', 'from the CSV')]);
      for (const mode of ['preview', 'import'] as const) {
        const status = await runImport(ws.backend, [paged, later, items], mode);
        // The CSV is read first (CSVs before JSON): the first issue J-1 repeats its row.
        expect(told(status, 'duplicate-key')).toEqual([
          ['jira-search-001.json', null, '[0].issues[0].key', 'J-1', 'Item J-1 appears more than once in this import (also at items.csv, line 2); the last row wins.'],
          ['jira-search-001.json', null, '[1].issues[1].key', 'J-1', 'Item J-1 appears more than once in this import (also at jira-search-001.json, [0].issues[0]); the last row wins.'],
          ['jira-search-002.json', null, 'issues[1].key', 'J-2', 'Item J-2 appears more than once in this import (also at jira-search-001.json, [0].issues[1]); the last row wins.'],
        ]);
        expect(told(status, 'look-alike-key')).toEqual([
          ['jira-search-002.json', null, 'issues[2].key', 'j-3', 'Item "j-3" looks like item "J-3" of this import, at jira-search-001.json, [1].issues[0]: the keys differ only in letter case. Both are imported, as two items; if they are one, correct the key in the file and import it again.'],
        ]);
        expect(status.report!.counts.items).toBe(5);
      }
      expect(storedItems()).toEqual([
        ['J-1', 'J-1'],
        ['J-2', 'J-2'],
        ['J-3', 'J-3'],
        ['J-4', 'J-4'],
        ['j-3', 'j-3'],
      ]);
    });

    it('keys that differ in case are not repeats, and a key the workspace holds is an update, not a repeat', async () => {
      await runImport(ws.backend, [write('before.csv', [ITEMS, itemRow('PAY-1')])]);
      const status = await runImport(ws.backend, [write('items.csv', [ITEMS, itemRow('PAY-1', 'again'), itemRow('PAY-2'), itemRow('Pay-2')])]);
      expect(told(status, 'duplicate-key')).toEqual([]);
      expect(status.report!.counts.items).toBe(3);
    });
  });
});

describe('another kind of key given twice (teams, dependencies, objectives…)', () => {
  it('is warned at the later row naming the row it repeats, in its file, another, or a bundle without lines', async () => {
    const teams = write('teams.csv', ['key,name,value_stream', 'pay,Payments,Money', 'cards,Cards,Money', 'pay,Payments again,Money']);
    const more = write('more-teams.csv', ['key,name,value_stream', 'cards,Cards again,Money']);
    const bundle = writeJson('bundle.json', { teams: [{ key: 'ops', name: 'Ops', valueStream: null }, { key: 'ops', name: 'Ops again', valueStream: null }] });
    const status = await runImport(ws.backend, [teams, more, bundle]);
    expect(told(status, 'duplicate-key')).toEqual([
      ['teams.csv', 4, 'Key', 'pay', 'teams key pay appears more than once in this import (also at teams.csv, line 2); the last one wins.'],
      ['more-teams.csv', 2, 'Key', 'cards', 'teams key cards appears more than once in this import (also at teams.csv, line 3); the last one wins.'],
      ['bundle.json', null, 'teams[1].key', 'ops', 'teams key ops appears more than once in this import (also at bundle.json, teams[0]); the last one wins.'],
    ]);
    expect(status.report!.counts.teams).toBe(3);
    expect(db(ws).prepare('SELECT key, name FROM teams ORDER BY key').raw().all()).toEqual([
      ['cards', 'Cards again'],
      ['ops', 'Ops again'],
      ['pay', 'Payments again'],
    ]);
  });

  describe('edge cases', () => {
    it("in a bundle, every kind is named by its path at both ends, as items are; across files, by the other file's line or path", async () => {
      const team = (key: string, name: string) => ({ key, name, valueStream: null });
      const objective = (key: string, title: string) => ({ key, title, level: 'team', parentKey: null, teamKeys: ['ops'] });
      const dependency = (key: string, kind: string) => ({ key, fromItemKey: null, fromTeamKey: 'ops', toItemKey: null, toTeamKey: 'pay', kind, interfaceName: null, createdAt: CREATED, neededBy: null, resolvedAt: null });
      const deployment = (key: string, service: string) => ({ key, teamKey: 'ops', service, at: CREATED, succeeded: true, changeAt: null, release: null, itemKeys: [] });
      const incident = (key: string, service: string) => ({ key, teamKey: 'ops', service, openedAt: CREATED, resolvedAt: null, causedByDeploymentKey: null });
      const risk = (key: string, title: string) => ({ key, title, scope: { kind: 'team', key: 'ops' } });
      const increment = (name: string, end: string) => ({ name, start: '2024-03-04', end });
      const teams = write('teams.csv', ['key,name,value_stream', 'pay,Payments,Money']);
      const bundle = writeJson('bundle.json', {
        teams: [team('ops', 'Ops'), team('pay', 'Payments again'), team('ops', 'Ops again')],
        objectives: [objective('O-1', 'first'), objective('O-2', 'two'), objective('O-1', 'second')],
        dependencies: [dependency('D-1', 'blocks'), dependency('D-1', 'needs')],
        deployments: [deployment('DEP-1', 'web'), deployment('DEP-1', 'api')],
        incidents: [incident('INC-1', 'web'), incident('INC-1', 'api')],
        risks: [risk('R-1', 'first'), risk('R-1', 'second')],
        increments: [increment('PI 1', '2024-04-26'), increment('PI 1', '2024-04-28')],
      });
      const later = writeJson('later.json', { teams: [team('ops', 'Ops at last')] });
      for (const mode of ['preview', 'import'] as const) {
        const status = await runImport(ws.backend, [teams, bundle, later], mode);
        expect(told(status, 'duplicate-key')).toEqual([
          ['bundle.json', null, 'teams[1].key', 'pay', 'teams key pay appears more than once in this import (also at teams.csv, line 2); the last one wins.'],
          ['bundle.json', null, 'teams[2].key', 'ops', 'teams key ops appears more than once in this import (also at bundle.json, teams[0]); the last one wins.'],
          ['bundle.json', null, 'dependencies[1].key', 'D-1', 'dependencies key D-1 appears more than once in this import (also at bundle.json, dependencies[0]); the last one wins.'],
          ['bundle.json', null, 'deployments[1].key', 'DEP-1', 'deployments key DEP-1 appears more than once in this import (also at bundle.json, deployments[0]); the last one wins.'],
          ['bundle.json', null, 'incidents[1].key', 'INC-1', 'incidents key INC-1 appears more than once in this import (also at bundle.json, incidents[0]); the last one wins.'],
          ['bundle.json', null, 'risks[1].key', 'R-1', 'risks key R-1 appears more than once in this import (also at bundle.json, risks[0]); the last one wins.'],
          ['later.json', null, 'teams[0].key', 'ops', 'teams key ops appears more than once in this import (also at bundle.json, teams[2]); the last one wins.'],
          // Objectives and planning rows are judged once every file is read.
          ['bundle.json', null, 'objectives[2].key', 'O-1', 'objectives key O-1 appears more than once in this import (also at bundle.json, objectives[0]); the last one wins.'],
          ['bundle.json', null, 'increments[1].name', 'PI 1', 'Increment PI 1 is given twice in this import (first at bundle.json, increments[0]); the last row wins.'],
        ]);
        expect(status.report!.counts).toMatchObject({ teams: 2, objectives: 2, dependencies: 1, deployments: 1, incidents: 1, risks: 1 });
      }
      expect(db(ws).prepare('SELECT key, name FROM teams ORDER BY key').raw().all()).toEqual([
        ['ops', 'Ops at last'],
        ['pay', 'Payments again'],
      ]);
    });
  });
});

describe('item keys that look alike', () => {
  const history = (rows: string[]) => write('history.csv', ['item,from_status,to_status,at', ...rows]);
  const storedHistory = (key: string) => db(ws).prepare('SELECT t.to_status FROM status_transitions t JOIN work_items w ON w.id = t.item_id WHERE w.key = ? ORDER BY t.id').pluck().all(key);

  it('differing only in letter case, by a zero-width space or a no-break space for a space: both are kept as two items, and the later row is warned, naming the earlier and where it is', async () => {
    const items = write('items.csv', [ITEMS, itemRow('PAY-12'), itemRow('PAY-13'), itemRow('pay-12'), itemRow('PAY-13\u200B'), itemRow('Story 7'), itemRow('Story\u00A07')]);
    const more = write('more-items.csv', [ITEMS, itemRow('PAY-14'), itemRow('P\u00ADAY-14'), itemRow('pAy-12')]);
    const changes = history([`pay-12,,To Do,${CREATED}`, `pay-12,To Do,In Progress,2024-03-02T09:00:00Z`, `PAY-12,,To Do,${CREATED}`]);
    const expected = [
      ['items.csv', 4, 'Key', 'pay-12', 'Item "pay-12" looks like item "PAY-12" of this import, at items.csv, line 2: the keys differ only in letter case. Both are imported, as two items; if they are one, correct the key in the file and import it again.'],
      ['items.csv', 5, 'Key', 'PAY-13\u200B', 'Item "PAY-13<U+200B>" looks like item "PAY-13" of this import, at items.csv, line 3: the keys differ only by a zero-width space (U+200B). Both are imported, as two items; if they are one, correct the key in the file and import it again.'],
      ['items.csv', 7, 'Key', 'Story\u00A07', 'Item "Story<U+00A0>7" looks like item "Story 7" of this import, at items.csv, line 6: the keys differ only by a no-break space (U+00A0) for a space. Both are imported, as two items; if they are one, correct the key in the file and import it again.'],
      ['more-items.csv', 3, 'Key', 'P\u00ADAY-14', 'Item "P<U+00AD>AY-14" looks like item "PAY-14" of this import, at more-items.csv, line 2: the keys differ only by a soft hyphen (U+00AD). Both are imported, as two items; if they are one, correct the key in the file and import it again.'],
      ['more-items.csv', 4, 'Key', 'pAy-12', 'Item "pAy-12" looks like item "PAY-12" of this import, at items.csv, line 2: the keys differ only in letter case. Both are imported, as two items; if they are one, correct the key in the file and import it again.'],
    ];
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [items, more, changes], mode);
      expect(told(status, 'look-alike-key')).toEqual(expected);
      expect(status.report!.counts.items).toBe(9);
      expect(status.report!.issueCounts['item-key-case']).toBeUndefined();
    }
    expect(storedItems().map(([key]) => key)).toEqual(['PAY-12', 'PAY-13', 'PAY-13\u200B', 'PAY-14', 'P\u00ADAY-14', 'Story 7', 'Story\u00A07', 'pAy-12', 'pay-12']);
    // Nothing merged: each history stays with its own key.
    expect(storedHistory('pay-12')).toEqual(['To Do', 'In Progress']);
    expect(storedHistory('PAY-12')).toEqual(['To Do']);
  });

  it("a key new to the workspace that looks like one of its items is warned naming the workspace's item; a key the workspace holds is an update", async () => {
    await runImport(ws.backend, [write('before.csv', [ITEMS, itemRow('PAY-12'), itemRow('pay-30'), itemRow('Ops\u200B-1')])]);
    const status = await runImport(ws.backend, [write('items.csv', [ITEMS, itemRow('Pay-12'), itemRow('PAY-30'), itemRow('pay-30', 'again'), itemRow('OPS-1'), itemRow('PAY-12', 'again')])]);
    expect(told(status, 'look-alike-key')).toEqual([
      ['items.csv', 2, 'Key', 'Pay-12', 'Item "Pay-12" looks like the workspace\'s item "PAY-12": the keys differ only in letter case. "Pay-12" is imported as a new item beside it; if they are one, correct the key in the file and import it again.'],
      ['items.csv', 3, 'Key', 'PAY-30', 'Item "PAY-30" looks like the workspace\'s item "pay-30": the keys differ only in letter case. "PAY-30" is imported as a new item beside it; if they are one, correct the key in the file and import it again.'],
      ['items.csv', 4, 'Key', 'pay-30', 'Item "pay-30" looks like item "PAY-30" of this import, at items.csv, line 3: the keys differ only in letter case. Both are imported, as two items; if they are one, correct the key in the file and import it again.'],
      ['items.csv', 5, 'Key', 'OPS-1', 'Item "OPS-1" looks like the workspace\'s item "Ops<U+200B>-1": the keys differ only in letter case and by a zero-width space (U+200B). "OPS-1" is imported as a new item beside it; if they are one, correct the key in the file and import it again.'],
      ['items.csv', 6, 'Key', 'PAY-12', 'Item "PAY-12" looks like item "Pay-12" of this import, at items.csv, line 2: the keys differ only in letter case. Both are imported, as two items; if they are one, correct the key in the file and import it again.'],
    ]);
    expect(storedItems()).toEqual([
      ['OPS-1', 'OPS-1'],
      ['Ops\u200B-1', 'Ops\u200B-1'],
      ['PAY-12', 'again'],
      ['PAY-30', 'PAY-30'],
      ['Pay-12', 'Pay-12'],
      ['pay-30', 'again'],
    ]);
  });

  describe('edge cases', () => {
    it('keys that differ by more, a key repeated as written, and a re-import of the same keys are no look-alikes', async () => {
      const items = write('items.csv', [ITEMS, itemRow('pay-1'), itemRow('pay-11'), itemRow('PAY 1'), itemRow('PAY-1a'), itemRow('pay-1', 'again')]);
      const status = await runImport(ws.backend, [items]);
      expect(told(status, 'look-alike-key')).toEqual([]);
      expect(told(status, 'duplicate-key').map(([, line]) => line)).toEqual([6]);
      const again = await runImport(ws.backend, [items]);
      expect(again.report!.warnings).toBe(1);
      expect(storedItems()).toHaveLength(4);
    });

    it('a key that looks like two earlier ones names the first; letters beyond ASCII compare by their case too; a repeat of a look-alike is a repeat only', async () => {
      const status = await runImport(ws.backend, [write('items.csv', [ITEMS, itemRow('café-1'), itemRow('CAFÉ-1'), itemRow('Café-1'), itemRow('Café-1')])]);
      expect(told(status, 'look-alike-key').map(([, line, , value, message]) => [line, value, (message as string).split(':')[0]])).toEqual([
        [3, 'CAFÉ-1', 'Item "CAFÉ-1" looks like item "café-1" of this import, at items.csv, line 2'],
        [4, 'Café-1', 'Item "Café-1" looks like item "café-1" of this import, at items.csv, line 2'],
      ]);
      expect(told(status, 'duplicate-key').map(([, line]) => line)).toEqual([5]);
      expect(storedItems()).toHaveLength(3);
    });
  });
});

describe('increment and iteration names that look alike', () => {
  const INCREMENTS = 'name,start,end,capacity_unit';
  const ITERATIONS = 'increment,name,start,end,team';
  const storedPlan = () => db(ws).prepare('SELECT i.name, t.name, coalesce(k.key, \'\') FROM iterations t JOIN increments i ON i.id = t.increment_id LEFT JOIN teams k ON k.id = t.team_id ORDER BY t.start_at, t.name').raw().all();
  const increments = () => db(ws).prepare('SELECT name FROM increments ORDER BY start_at').pluck().all();

  it('are both kept, as two, and the later row is warned naming the other and where it is, in one increment across cadences', async () => {
    const incrementsFile = write('increments.csv', [INCREMENTS, 'PI 24.2,2024-03-04,2024-04-28,items', 'pi 24.2,2024-05-06,2024-06-30,items']);
    const iterationsFile = write('iterations.csv', [
      ITERATIONS,
      'PI 24.2,Iteration 1,2024-03-04,2024-03-17,',
      'PI 24.2,Iteration 2,2024-03-18,2024-03-31,',
      'PI 24.2,ITERATION 2,2024-04-01,2024-04-14,',
      'PI 24.2,iteration 1,2024-03-04,2024-03-10,platform',
      'pi 24.2,Iteration 1,2024-05-06,2024-05-19,',
    ]);
    const expected = [
      ['increments.csv', 3, 'name', 'pi 24.2', 'Increment "pi 24.2" looks like increment "PI 24.2" of this import, at increments.csv, line 2: the names differ only in letter case. Both are imported, as two increments; if they are one, correct the name in the file and import it again.'],
      ['iterations.csv', 4, 'name', 'ITERATION 2', 'Iteration "ITERATION 2" of PI 24.2 looks like iteration "Iteration 2" of this import, at iterations.csv, line 3: the names differ only in letter case. Both are imported, as two iterations; if they are one, correct the name in the file and import it again.'],
      ['iterations.csv', 5, 'name', 'iteration 1', 'Iteration "iteration 1" of PI 24.2 (a sprint of platform) looks like iteration "Iteration 1" of this import, at iterations.csv, line 2: the names differ only in letter case. Both are imported, as two iterations; if they are one, correct the name in the file and import it again.'],
    ];
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [iterationsFile, incrementsFile], mode);
      expect(status.report!.refusal).toBeNull();
      expect(told(status, 'look-alike-key')).toEqual(expected);
    }
    expect(increments()).toEqual(['PI 24.2', 'pi 24.2']);
    expect(storedPlan()).toEqual([
      ['PI 24.2', 'Iteration 1', ''],
      ['PI 24.2', 'iteration 1', 'platform'],
      ['PI 24.2', 'Iteration 2', ''],
      ['PI 24.2', 'ITERATION 2', ''],
      ['pi 24.2', 'Iteration 1', ''],
    ]);
  });

  it("against the workspace's: a bundle's iteration is named by its place; one the import also names is named at the import's row", async () => {
    await runImport(ws.backend, [write('increments.csv', [INCREMENTS, 'PI 24.2,2024-03-04,2024-04-28,items']), write('iterations.csv', [ITERATIONS, 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,', 'PI 24.2,Iteration 2,2024-03-18,2024-03-31,'])]);
    const iteration = (name: string, start: string, end: string) => ({ increment: 'PI 24.2', name, start, end, team: null });
    const bundle = writeJson('plan.json', { iterations: [iteration('Iteration\u00A01', '2024-04-01', '2024-04-07'), iteration('Iteration 2', '2024-03-18', '2024-03-31'), iteration('iteration 2', '2024-04-08', '2024-04-14')] });
    const status = await runImport(ws.backend, [bundle]);
    expect(told(status, 'look-alike-key')).toEqual([
      ['plan.json', null, 'iterations[0].name', 'Iteration\u00A01', 'Iteration "Iteration<U+00A0>1" of PI 24.2 looks like the workspace\'s iteration "Iteration 1": the names differ only by a no-break space (U+00A0) for a space. Both are imported, as two iterations; if they are one, correct the name in the file and import it again.'],
      ['plan.json', null, 'iterations[2].name', 'iteration 2', 'Iteration "iteration 2" of PI 24.2 looks like iteration "Iteration 2" of this import, at plan.json, iterations[1]: the names differ only in letter case. Both are imported, as two iterations; if they are one, correct the name in the file and import it again.'],
    ]);
    expect(storedPlan()).toHaveLength(4);
  });

  describe('edge cases', () => {
    it('names that differ by more, one name in two increments, the same name for two teams, and a re-import of the same names are no look-alikes', async () => {
      const files = [
        write('increments.csv', [INCREMENTS, 'PI 1,2024-03-04,2024-04-28,items', 'PI 2,2024-05-06,2024-06-30,items']),
        write('iterations.csv', [ITERATIONS, 'PI 1,Iteration 1,2024-03-04,2024-03-17,', 'PI 1,Iteration 10,2024-03-18,2024-03-31,', 'PI 2,iteration 1,2024-05-06,2024-05-19,', 'PI 1,Sprint A,2024-03-04,2024-03-10,checkout', 'PI 1,Sprint A,2024-03-04,2024-03-10,platform']),
      ];
      const status = await runImport(ws.backend, files);
      expect(status.report!.issueCounts['look-alike-key']).toBeUndefined();
      const again = await runImport(ws.backend, files);
      expect(again.report!.issueCounts['look-alike-key']).toBeUndefined();
      expect(storedPlan()).toHaveLength(5);
    });

    it('an iteration that looks like another and overlaps it in one cadence: the refusal comes with the warning that says why there are two', async () => {
      const files = [write('increments.csv', [INCREMENTS, 'PI 24.2,2024-03-04,2024-04-28,items']), write('iterations.csv', [ITERATIONS, 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,', 'PI 24.2,iteration 1,2024-03-04,2024-03-17,'])];
      const status = await runImport(ws.backend, files);
      expect(status.state).toBe('failed');
      expect(status.report!.issues.filter((i) => i.line === 3).map((i) => i.code)).toEqual(['look-alike-key', 'plan-inconsistent']);
      expect(increments()).toEqual([]);
    });
  });
});

describe('a planning row naming an increment or iteration only like one there is', () => {
  it('is rejected as before, and the message names the one it looks like and how they differ', async () => {
    const increments = write('increments.csv', ['name,start,end,capacity_unit', 'PI 24.2,2024-03-04,2024-04-28,items']);
    const iterations = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,']);
    const capacity = write('capacity.csv', ['increment,iteration,team,amount', 'PI 24.2,iteration 1,checkout,4', 'PI\u00A024.2,Iteration 1,checkout,4', 'PI 24.2,Iteration 9,checkout,4']);
    const status = await runImport(ws.backend, [increments, iterations, capacity], 'preview');
    expect(status.report!.issues.filter((i) => i.code === 'invalid-reference').map((i) => [i.file, i.line, i.column, i.message])).toEqual([
      ['capacity.csv', 2, 'iteration', 'PI 24.2 has no iteration "iteration 1" (there is an iteration "Iteration 1": the names differ only in letter case); add it to the iterations template first.'],
      ['capacity.csv', 3, 'increment', 'There is no increment "PI<U+00A0>24.2" in this import or the workspace (there is an increment "PI 24.2": the names differ only by a no-break space (U+00A0) for a space); add it to the increments template first.'],
      // Nothing like it: said as before.
      ['capacity.csv', 4, 'iteration', 'PI 24.2 has no iteration "Iteration 9"; add it to the iterations template first.'],
    ]);
  });
});

describe('milestone names that look alike', () => {
  const INCREMENTS = 'name,start,end,capacity_unit';
  const MILESTONES = 'increment,name,date,team';
  const storedMilestones = () => db(ws).prepare('SELECT i.name, m.name, m.at FROM milestones m JOIN increments i ON i.id = m.increment_id ORDER BY i.name, m.id').raw().all();
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

  it("in one increment, are both kept, as two, and the later row is warned naming the other: the import's row or the workspace's milestone", async () => {
    await runImport(ws.backend, [write('increments.csv', [INCREMENTS, 'PI 24.2,2024-03-04,2024-04-28,items']), write('before.csv', [MILESTONES, 'PI 24.2,Release 1,2024-04-10,'])]);
    const milestones = write('milestones.csv', [
      MILESTONES,
      'PI 24.2,Payments go-live,2024-03-20,',
      'PI 24.2,payments go-live,2024-03-21,checkout',
      'PI 24.2,release\u00A01,2024-04-11,',
      'PI 24.2,Release 1,2024-04-12,',
    ]);
    const expected = [
      ['milestones.csv', 3, 'name', 'payments go-live', 'Milestone "payments go-live" of PI 24.2 looks like milestone "Payments go-live" of this import, at milestones.csv, line 2: the names differ only in letter case. Both are imported, as two milestones; if they are one, correct the name in the file and import it again.'],
      ['milestones.csv', 4, 'name', 'release\u00A01', 'Milestone "release<U+00A0>1" of PI 24.2 looks like the workspace\'s milestone "Release 1": the names differ only in letter case and by a no-break space (U+00A0) for a space. Both are imported, as two milestones; if they are one, correct the name in the file and import it again.'],
    ];
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [milestones], mode);
      expect(status.report!.refusal).toBeNull();
      expect(told(status, 'look-alike-key')).toEqual(expected);
      expect(status.report!.counts.plans).toBe(4);
    }
    // The workspace's Release 1 is updated by the row of its very name; the look-alikes are new.
    expect(storedMilestones()).toEqual([
      ['PI 24.2', 'Release 1', day('2024-04-12')],
      ['PI 24.2', 'Payments go-live', day('2024-03-20')],
      ['PI 24.2', 'payments go-live', day('2024-03-21')],
      ['PI 24.2', 'release\u00A01', day('2024-04-11')],
    ]);
  });

  describe('edge cases', () => {
    it("one name in two increments, a milestone named like an iteration, a repeat as written and a re-import are no look-alikes; a bundle's is named by its place; a row naming an increment only like one there is is refused naming it", async () => {
      const increments = write('increments.csv', [INCREMENTS, 'PI 1,2024-03-04,2024-04-28,items', 'PI 2,2024-05-06,2024-06-30,items']);
      const iterations = write('iterations.csv', ['increment,name,start,end,team', 'PI 1,Iteration 1,2024-03-04,2024-03-17,']);
      const milestones = write('milestones.csv', [MILESTONES, 'PI 1,Go-live,2024-03-20,', 'PI 2,go-live,2024-05-20,', 'PI 1,iteration 1,2024-03-10,', 'PI 1,Go-live,2024-03-21,', 'pi 1,Demo,2024-03-22,']);
      const bundle = writeJson('plan.json', { milestones: [{ increment: 'PI 2', name: 'Demo', date: '2024-05-21', team: null }, { increment: 'PI 2', name: 'DEMO', date: '2024-05-22', team: null }] });
      const status = await runImport(ws.backend, [increments, iterations, milestones, bundle]);
      expect(told(status, 'look-alike-key')).toEqual([
        ['plan.json', null, 'milestones[1].name', 'DEMO', 'Milestone "DEMO" of PI 2 looks like milestone "Demo" of this import, at plan.json, milestones[0]: the names differ only in letter case. Both are imported, as two milestones; if they are one, correct the name in the file and import it again.'],
      ]);
      expect(told(status, 'duplicate-key').map(([file, line]) => [file, line])).toEqual([['milestones.csv', 5]]);
      // As any planning row's, and so before milestones were looked at for look-alikes.
      expect(status.report!.issues.filter((i) => i.code === 'invalid-reference').map((i) => [i.line, i.column, i.message])).toEqual([
        [6, 'increment', 'There is no increment "pi 1" in this import or the workspace (there is an increment "PI 1": the names differ only in letter case); add it to the increments template first.'],
      ]);
      const again = await runImport(ws.backend, [milestones]);
      expect(again.report!.issueCounts['look-alike-key']).toBeUndefined();
      expect(storedMilestones()).toHaveLength(5);
    });
  });
});

describe('objectives an item names that are not there', () => {
  const OBJECTIVES = 'key,title,level,parent,teams,increment';
  const ITEMS_WITH_OBJECTIVES = `${ITEMS},objectives`;
  const links = () => db(ws).prepare('SELECT w.key, o.objective_key FROM item_objectives o JOIN work_items w ON w.id = o.item_id ORDER BY w.key, o.objective_key').raw().all();

  it('are warned at the item\'s line and column, with a key of another case when there is one; the link is kept as written, and an objective of any file or the workspace counts', async () => {
    await runImport(ws.backend, [write('earlier.csv', [OBJECTIVES, 'OBJ-0,Earlier,portfolio,,,'])]);
    const objectives = write('objectives.csv', [OBJECTIVES, 'OBJ-1,One,program,,,', 'OBJ-2,Two,program,,,']);
    const items = write('items.csv', [ITEMS_WITH_OBJECTIVES, `${itemRow('CHK-1')},OBJ-1;OBJ-9`, `${itemRow('CHK-2')},obj-2`, `${itemRow('CHK-3')},OBJ-0;OBJ-7`]);
    // Read after the items (a bundle comes after the templates), yet its objective counts.
    const bundle = writeJson('objectives.json', { objectives: [{ key: 'OBJ-7', title: 'Seven', level: 'team', parentKey: null, teamKeys: [] }] });
    const expected = [
      ['items.csv', 2, 'objectives', 'OBJ-9', 'CHK-1 names the objective "OBJ-9", which is neither in this import nor in the workspace; the link is kept as written, and links to nothing until an objective "OBJ-9" is imported.'],
      ['items.csv', 3, 'objectives', 'obj-2', 'CHK-2 names the objective "obj-2", which is neither in this import nor in the workspace (there is an objective "OBJ-2": the keys differ only in letter case); the link is kept as written, and links to nothing until an objective "obj-2" is imported.'],
    ];
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [items, bundle, objectives], mode);
      expect(told(status, 'unknown-objective')).toEqual(expected);
      expect(status.report!.warnings).toBe(2);
    }
    // Counted in the file of the row, as its other warnings.
    expect(db(ws).prepare("SELECT file_name, warnings FROM imports WHERE file_name <> 'earlier.csv' ORDER BY file_name").raw().all()).toEqual([
      ['items.csv', 2],
      ['objectives.csv', 0],
      ['objectives.json', 0],
    ]);
    expect(links()).toEqual([
      ['CHK-1', 'OBJ-1'],
      ['CHK-1', 'OBJ-9'],
      ['CHK-2', 'obj-2'],
      ['CHK-3', 'OBJ-0'],
      ['CHK-3', 'OBJ-7'],
    ]);
    // Imported later, the objective is the one the link names.
    const later = await runImport(ws.backend, [write('later.csv', [OBJECTIVES, 'OBJ-9,Nine,team,,,']), write('items-again.csv', [ITEMS_WITH_OBJECTIVES, `${itemRow('CHK-1')},OBJ-1;OBJ-9`])]);
    expect(told(later, 'unknown-objective')).toEqual([]);
  });

  describe('edge cases', () => {
    it("a bundle's item is named by its place and the key's; an objective rejected for its increment does not count; an items file without the column says nothing", async () => {
      const bundleItem = { key: 'B-1', title: 'B', type: 'story', teamKey: null, status: 'To Do', statusCategory: 'todo', createdAt: CREATED, firstActiveAt: null, doneAt: null, parentKey: null, objectiveKeys: ['OBJ-1', 'NOPE\u200B'] };
      const bundle = writeJson('bundle.json', { items: [bundleItem] });
      const objectives = write('objectives.csv', [OBJECTIVES, 'OBJ-1,One,program,,,', 'OBJ-3,Three,team,,,PI 99']);
      const items = write('items.csv', [ITEMS_WITH_OBJECTIVES, `${itemRow('CHK-1')},OBJ-3`, `${itemRow('CHK-2')},`]);
      const plain = write('plain-items.csv', [ITEMS, itemRow('CHK-4')]);
      const status = await runImport(ws.backend, [bundle, objectives, items, plain]);
      expect(status.report!.issues.filter((i) => i.code === 'invalid-reference').map((i) => i.value)).toEqual(['PI 99']);
      expect(told(status, 'unknown-objective').map(([file, line, column, value]) => [file, line, column, value])).toEqual([
        ['items.csv', 2, 'objectives', 'OBJ-3'],
        ['bundle.json', null, 'items[0].objectiveKeys[1]', 'NOPE\u200B'],
      ]);
      expect(told(status, 'unknown-objective')[1]![4]).toContain('names the objective "NOPE<U+200B>"');
    });
  });
});

describe('items an objective lists that are not there', () => {
  const OBJECTIVES = 'key,title,level,parent,teams,increment,items';
  const links = () => db(ws).prepare('SELECT w.key, o.objective_key FROM item_objectives o JOIN work_items w ON w.id = o.item_id ORDER BY w.key, o.objective_key').raw().all();

  it("are warned at the objective's line and items column, and the link left out; a key of another case is taken for its item, as a status change's is", async () => {
    const items = write('items.csv', [ITEMS, itemRow('CHK-1'), itemRow('CHK-2')]);
    const objectives = write('objectives.csv', [OBJECTIVES, 'OBJ-1,One,program,,,,CHK-1;CHK-9;chk-2']);
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [objectives, items], mode);
      expect(told(status, 'unknown-item')).toEqual([
        ['objectives.csv', 2, 'items', 'CHK-9', 'Objective OBJ-1 lists item "CHK-9", which is neither in this import nor in the workspace; that link is left out. Import the item, then the objective again (or name the objective in the item\'s objectives column).'],
      ]);
      expect(told(status, 'item-key-case').map(([file, line, column, value]) => [file, line, column, value])).toEqual([['objectives.csv', 2, 'items', 'chk-2']]);
    }
    expect(links()).toEqual([
      ['CHK-1', 'OBJ-1'],
      ['CHK-2', 'OBJ-1'],
    ]);
  });

  describe('edge cases', () => {
    it("an item the workspace holds counts; an objectives file without the items column, or an empty cell, says nothing", async () => {
      await runImport(ws.backend, [write('items.csv', [ITEMS, itemRow('CHK-1')])]);
      const status = await runImport(ws.backend, [write('objectives.csv', [OBJECTIVES, 'OBJ-1,One,program,,,,CHK-1', 'OBJ-2,Two,program,,,,']), write('plain.csv', ['key,title,level', 'OBJ-3,Three,team'])]);
      expect(told(status, 'unknown-item')).toEqual([]);
      expect(links()).toEqual([['CHK-1', 'OBJ-1']]);
    });
  });
});

describe('a parent that is not there, in JSON', () => {
  it("is warned at the Jira issue's place in its file, or at a bundle item's parentKey, as a CSV row's is at its line and Parent column", async () => {
    const page = (...issues: unknown[]) => ({ startAt: 0, issues });
    const jira = writeJson('jira-search-001.json', [page(jiraIssue('J-1')), page(jiraIssue('J-2', { parent: { key: 'NOPE-1' } }), jiraIssue('J-3', { parent: { key: 'J-3' } }))]);
    const bundle = writeJson('bundle.json', { items: [bundleItem('B-1', 'one'), { ...bundleItem('B-2', 'two'), parentKey: 'NOPE-2' }] });
    const status = await runImport(ws.backend, [jira, bundle]);
    expect([...told(status, 'unknown-item'), ...told(status, 'self-reference')]).toEqual([
      ['jira-search-001.json', null, '[1].issues[0]', 'NOPE-1', 'The parent of J-2 is NOPE-1, which is neither in this import nor in the workspace; it is kept as written and links to nothing until NOPE-1 is imported.'],
      ['bundle.json', null, 'items[1].parentKey', 'NOPE-2', 'The parent of B-2 is NOPE-2, which is neither in this import nor in the workspace; it is kept as written and links to nothing until NOPE-2 is imported.'],
      ['jira-search-001.json', null, '[1].issues[1]', 'J-3', 'J-3 is its own parent; it is imported as it is, but check its parent.'],
    ]);
  });
});

describe("a bundle record's other warnings", () => {
  it('are said at the field of its place in the bundle (a Jira issue at its place), as a CSV row is at its line and column', async () => {
    const FUTURE = '2099-01-01T09:00:00.000Z';
    const bundle = writeJson('bundle.json', {
      teams: [{ key: 'ops', name: 'Ops', valueStream: null }],
      items: [bundleItem('B-1', 'one'), { ...bundleItem('B-2', 'two'), teamKey: 'web', createdAt: FUTURE }, { ...bundleItem('B-3', 'three'), doneAt: '2024-02-01T09:00:00Z', statusCategory: 'done', status: 'Done' }],
      objectives: [{ key: 'O-1', title: 'Faster refunds', level: 'team', parentKey: null, teamKeys: ['ops', 'money'] }],
      dependencies: [
        { key: 'D-1', fromItemKey: 'NOPE-1', fromTeamKey: null, toItemKey: 'b-1', toTeamKey: 'pay', kind: 'blocks', interfaceName: null, createdAt: CREATED, neededBy: null, resolvedAt: null },
        { key: 'D-2', fromItemKey: 'B-2', fromTeamKey: null, toItemKey: 'B-2', toTeamKey: null, kind: 'blocks', interfaceName: null, createdAt: CREATED, neededBy: null, resolvedAt: null },
      ],
      deployments: [{ key: 'DEP-1', teamKey: 'cards', service: null, at: FUTURE, succeeded: true, changeAt: null, release: null, itemKeys: [] }],
      incidents: [{ key: 'INC-1', teamKey: 'ops', service: null, openedAt: FUTURE, resolvedAt: null, causedByDeploymentKey: null }],
    });
    const jira = writeJson('jira-search-001.json', { startAt: 0, issues: [jiraIssue('J-1', { created: '2099-01-01T09:00:00.000+0000' })] });
    const status = await runImport(ws.backend, [bundle, jira]);
    const codes = ['unknown-team', 'unknown-item', 'item-key-case', 'self-reference', 'future-date', 'done-before-created'];
    expect(status.report!.issues.filter((i) => codes.includes(i.code)).map((i) => [i.file, i.line, i.column, i.value, i.code])).toEqual([
      ['bundle.json', null, 'items[1].createdAt', FUTURE, 'future-date'],
      ['bundle.json', null, 'items[1].teamKey', 'web', 'unknown-team'],
      ['bundle.json', null, 'items[2].doneAt', '2024-02-01T09:00:00.000Z', 'done-before-created'],
      ['bundle.json', null, 'dependencies[0].toItemKey', 'b-1', 'item-key-case'],
      ['bundle.json', null, 'dependencies[0].fromItemKey', 'NOPE-1', 'unknown-item'],
      ['bundle.json', null, 'dependencies[0].toTeamKey', 'pay', 'unknown-team'],
      ['bundle.json', null, 'dependencies[1].toItemKey', 'B-2', 'self-reference'],
      ['bundle.json', null, 'deployments[0].teamKey', 'cards', 'unknown-team'],
      ['bundle.json', null, 'deployments[0].at', FUTURE, 'future-date'],
      ['bundle.json', null, 'incidents[0].openedAt', FUTURE, 'future-date'],
      ['jira-search-001.json', null, 'issues[0]', FUTURE, 'future-date'],
      // The status change a Jira issue's creation makes holds no place of its own in the file.
      ['jira-search-001.json', null, 'At', FUTURE, 'future-date'],
      // Objectives are judged once every file is read.
      ['bundle.json', null, 'objectives[0].teamKeys[1]', 'money', 'unknown-team'],
    ]);
  });
});

describe("a dependency's teams not in the workspace", () => {
  it('are warned at the column of the team, the waiting one or the one waited on, as its items are', async () => {
    const teams = write('teams.csv', ['key,name,value_stream', 'ops,Ops,Core']);
    const dependencies = write('dependencies.csv', ['key,from_item,from_team,to_item,to_team,kind,interface,created_at,needed_by,resolved_at', `DEP-1,,web,,ops,blocks,,${CREATED},,`, `DEP-2,,ops,,pay,blocks,,${CREATED},,`]);
    const status = await runImport(ws.backend, [teams, dependencies], 'preview');
    expect(told(status, 'unknown-team').map(([file, line, column, value]) => [file, line, column, value])).toEqual([
      ['dependencies.csv', 2, 'Waiting team', 'web'],
      ['dependencies.csv', 3, 'Team waited on', 'pay'],
    ]);
  });
});

describe('Jira JSON story points that are no number', () => {
  const sizes = () => db(ws).prepare('SELECT key, size FROM work_items ORDER BY key').raw().all();
  const page = (issues: [string, unknown][]) => ({ names: { customfield_10016: 'Story Points' }, issues: issues.map(([key, points]) => jiraIssue(key, { customfield_10016: points })) });

  it('are warned at the issue and field, as the CSV warns its cell, and the item is imported without that size; a number in text or an option reads as the CSV would read it', async () => {
    const path = writeJson('jira.json', page([['PAY-1', 3], ['PAY-2', '5'], ['PAY-3', '3 pts'], ['PAY-4', -2], ['PAY-5', { value: '8', id: '10042' }], ['PAY-6', true], ['PAY-7', null], ['PAY-8', '1,000'], ['PAY-9', '2,5']]));
    const expected = [
      ['jira.json', null, 'issues[2].fields.customfield_10016', '3 pts', 'Story Points of PAY-3 is "3 pts": not a number. PAY-3 is imported without this size (one already in the workspace keeps its own).'],
      ['jira.json', null, 'issues[3].fields.customfield_10016', '-2', 'Story Points of PAY-4 is "-2": a size is not negative. PAY-4 is imported without this size (one already in the workspace keeps its own).'],
      ['jira.json', null, 'issues[5].fields.customfield_10016', 'true', 'Story Points of PAY-6 is true: not a number. PAY-6 is imported without this size (one already in the workspace keeps its own).'],
      ['jira.json', null, 'issues[7].fields.customfield_10016', '1,000', 'Story Points of PAY-8 is "1,000": 1000 with a thousands comma, or 1.0 with a decimal comma? Interlock does not guess: write 1000 or 1.0. PAY-8 is imported without this size (one already in the workspace keeps its own).'],
    ];
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [path], mode);
      expect(told(status, 'value-ignored')).toEqual(expected);
      expect(status.report!.counts.items).toBe(9);
    }
    expect(sizes()).toEqual([
      ['PAY-1', 3],
      ['PAY-2', 5],
      ['PAY-3', null],
      ['PAY-4', null],
      ['PAY-5', 8],
      ['PAY-6', null],
      ['PAY-7', null],
      ['PAY-8', null],
      ['PAY-9', 2.5],
    ]);
  });

  describe('edge cases', () => {
    it('a size the workspace holds stays when the new one is no number; an option without text is none; an empty text and a page without the field say nothing', async () => {
      await runImport(ws.backend, [writeJson('before.json', page([['PAY-1', 5], ['PAY-2', 8]]))]);
      const status = await runImport(ws.backend, [writeJson('again.json', page([['PAY-1', 'five'], ['PAY-2', '  '], ['PAY-3', { value: '' }], ['PAY-4', [3]]]))]);
      expect(told(status, 'value-ignored').map(([, , column, value]) => [column, value])).toEqual([
        ['issues[0].fields.customfield_10016', 'five'],
        ['issues[2].fields.customfield_10016', '{"value":""}'],
        ['issues[3].fields.customfield_10016', '[3]'],
      ]);
      expect(told(status, 'value-ignored')[2]![4]).toBe('Story Points of PAY-4 is [3]: not a number. PAY-4 is imported without this size (one already in the workspace keeps its own).');
      expect(sizes()).toEqual([
        ['PAY-1', 5],
        ['PAY-2', 8],
        ['PAY-3', null],
        ['PAY-4', null],
      ]);
      const without = await runImport(ws.backend, [writeJson('plain.json', { issues: [jiraIssue('PAY-5', { customfield_10016: 'five' })] })]);
      expect(without.report!.issueCounts['value-ignored']).toBeUndefined();
    });
  });
});

describe('a name an unquoted comma cut in two, the row still as wide as the header', () => {
  const storedTeams = () => db(ws).prepare('SELECT key, name, value_stream FROM teams ORDER BY key').raw().all();

  it('is warned at the name, showing it as it was probably meant and how to quote it; the row is imported as it reads', async () => {
    const teams = write('teams.csv', ['key,name,valueStream', 'pay,Payments, Inc', 'acme,Acme, Ltd,', 'ops,Operations,Platform', 'bank,"Bank, Corp",Money']);
    const expected = [
      ['teams.csv', 2, 'name', 'Payments, Inc', '"Payments, Inc" may be one name, cut in two by the comma before " Inc": name is read as "Payments" and valueStream as "Inc". If it is one name, put it in double quotes ("Payments, Inc"); if not, remove the space after the comma.'],
      // A delimiter at the end of the row makes an empty cell past the header, which the header allows.
      ['teams.csv', 3, 'name', 'Acme, Ltd', '"Acme, Ltd" may be one name, cut in two by the comma before " Ltd": name is read as "Acme" and valueStream as "Ltd". If it is one name, put it in double quotes ("Acme, Ltd"); if not, remove the space after the comma.'],
    ];
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [teams], mode);
      expect(told(status, 'unquoted-delimiter')).toEqual(expected);
      expect(status.report!.counts.teams).toBe(4);
      expect(status.report!.rejectedRows).toBe(0);
    }
    expect(storedTeams()).toEqual([
      ['acme', 'Acme', 'Ltd'],
      ['bank', 'Bank, Corp', 'Money'],
      ['ops', 'Operations', 'Platform'],
      ['pay', 'Payments', 'Inc'],
    ]);
  });

  describe('edge cases', () => {
    it("a semicolon file names its delimiter; a deployment's release cut into its items is said too, and an end cut into a column nobody reads", async () => {
      const teams = write('teams.csv', ['key;name;value_stream', 'pay;Payments; Inc']);
      const notes = write('notes.csv', ['key,name,notes', 'ops,Operations, Europe']);
      const deployments = write('deployments.csv', ['key,team,service,at,succeeded,change_at,release,items', 'DEP-1,pay,web,2024-03-12T17:00:00Z,true,,Journeys, R12']);
      const status = await runImport(ws.backend, [teams, notes, deployments], 'preview');
      expect(told(status, 'unquoted-delimiter').map(([file, line, column, value, message]) => [file, line, column, value, (message as string).split('. If')[0]])).toEqual([
        ['teams.csv', 2, 'name', 'Payments; Inc', '"Payments; Inc" may be one name, cut in two by the semicolon before " Inc": name is read as "Payments" and value_stream as "Inc"'],
        ['notes.csv', 2, 'name', 'Operations, Europe', '"Operations, Europe" may be one name, cut in two by the comma before " Europe": name is read as "Operations" and notes (a column Interlock does not read) as "Europe"'],
        ['deployments.csv', 2, 'release', 'Journeys, R12', '"Journeys, R12" may be one release, cut in two by the comma before " R12": release is read as "Journeys" and items as "R12"'],
      ]);
    });

    it('no false alarms: spaces after every delimiter, a space before a date or a word the import checks, a tracker export, a quoted name', async () => {
      const spaced = write('spaced.csv', ['key,name,value_stream', 'pay, Payments, Money', 'ops,Operations , Platform']);
      const milestones = write('milestones.csv', ['increment,name,date,team', 'PI 24.2,Payments go-live, 2024-04-10,']);
      const increments = write('increments.csv', ['name,start,end,capacity_unit', 'PI 24.2,2024-03-04,2024-04-28,items']);
      const items = write('items.csv', [ITEMS, `CHK-1,One-page checkout, story,checkout,To Do,${CREATED}`]);
      const jira = write('jira.csv', ['Issue key,Summary,Custom field (Team),Issue Type,Status,Created', 'PAY-2,Cards, Payments,Story,To Do,01/Mar/24 9:00 AM']);
      const quoted = write('quoted.csv', ['key,name,value_stream', 'bank,"Bank, Corp",', 'web,Web,']);
      const status = await runImport(ws.backend, [spaced, milestones, increments, items, jira, quoted]);
      expect(status.report!.issueCounts['unquoted-delimiter']).toBeUndefined();
      expect(status.report!.counts).toMatchObject({ teams: 4, items: 2, plans: 2 });
      expect(status.report!.rejectedRows).toBe(0);
    });
  });
});

describe('a row an unquoted comma in a name made wider than the header, rejected', () => {
  /** The errors of the rows: line, column, value, message. */
  const rejected = (status: ImportJobStatus) => status.report!.issues.filter((i) => i.severity === 'error').map((i) => [i.file, i.line, i.column, i.value, i.message]);
  const TYPES = 'epic, feature, story, defect, risk, debt, task';

  it('says at its line and column that the text before may hold an unquoted comma, and how to quote it: in a column read strictly (a word from a list, a date), or past the header', async () => {
    const items = write('items.csv', [`${ITEMS},done_at`, `ITEM-1,Fix login, then logout,story,checkout,To Do,${CREATED},`, `ITEM-2,Fix login,story,checkout,To Do,${CREATED},`]);
    const narrow = write('narrow-items.csv', [ITEMS, `ITEM-3,Fix login, then logout,story,checkout,To Do,${CREATED}`]);
    const teams = write('teams.csv', ['key,name,value_stream', 'pay,Payments, Inc,Money', 'ops,Operations,Platform']);
    const dependencies = write('dependencies.csv', ['key,from_item,from_team,to_item,to_team,kind,interface,created_at,needed_by,resolved_at', `DEP-1,ITEM-2,,,ops,blocks,Card API, v2,${CREATED},,`]);
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [items, narrow, teams, dependencies], mode);
      expect(rejected(status)).toEqual([
        ['teams.csv', 2, 'column 4', 'Money', 'This row has 4 cells but the header has 3: column 4 has no header, so a delimiter is extra (an unquoted delimiter inside a cell, or a quote that is not closed). The name "Payments" may have been cut in two by an unquoted comma, which makes the row wider than the header: if it is one name, put it in double quotes ("Payments, Inc").'],
        ['items.csv', 2, 'type', 'then logout', `"then logout" is not one of ${TYPES}. The title "Fix login" may have been cut in two by an unquoted comma, which makes the row wider than the header: if it is one title, put it in double quotes ("Fix login, then logout").`],
        ['narrow-items.csv', 2, 'column 7', CREATED, 'This row has 7 cells but the header has 6: column 7 has no header, so a delimiter is extra (an unquoted delimiter inside a cell, or a quote that is not closed). The title "Fix login" may have been cut in two by an unquoted comma, which makes the row wider than the header: if it is one title, put it in double quotes ("Fix login, then logout").'],
        ['dependencies.csv', 2, 'created_at', 'v2', '"v2" is not a date Interlock can read (use ISO 8601 like 2024-03-12T15:45:00Z, or 12/Mar/24 3:45 PM). The interface "Card API" may have been cut in two by an unquoted comma, which makes the row wider than the header: if it is one interface, put it in double quotes ("Card API, v2").'],
      ]);
      expect(status.report!.rejectedRows).toBe(4);
      expect(status.report!.counts).toMatchObject({ items: 1, teams: 1, dependencies: 0 });
    }
    expect(storedItems()).toEqual([['ITEM-2', 'Fix login']]);
  });

  describe('edge cases', () => {
    it('no hint for an ordinary bad value, even typed after a space, for a wider row without a space after the comma, nor for a column before the name', async () => {
      const items = write('items.csv', [
        `${ITEMS},done_at`,
        `ITEM-1,Fix login, storey,checkout,To Do,${CREATED},`,
        `ITEM-2,Fix login,then logout,story,checkout,To Do,${CREATED},`,
        `,Fix login, then logout,story,checkout,To Do,${CREATED},`,
      ]);
      const status = await runImport(ws.backend, [items], 'preview');
      expect(rejected(status)).toEqual([
        ['items.csv', 2, 'type', 'storey', `"storey" is not one of ${TYPES}.`],
        ['items.csv', 3, 'type', 'then logout', `"then logout" is not one of ${TYPES}.`],
        ['items.csv', 4, 'key', null, 'key is empty; it needs a key.'],
      ]);
    });
  });
});
