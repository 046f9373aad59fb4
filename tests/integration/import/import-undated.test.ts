import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../shared/contract/import-channels';
import { db, runImport, tempWorkspace, type TempWorkspace } from './import-support';

// Rows that once dropped out of the metrics without a word: a done item nothing dates (neither a
// column, nor a status history of the import, nor what the workspace keeps), and a deployment whose
// result cell is blank in a file that has a result column. Each is now said at its file, line and
// column, in the preview as in the import, and stored as before.

let ws: TempWorkspace;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(() => ws.dispose());

const TEAMS = ['key,name,value_stream', 'checkout,Checkout,Customer Journeys'];

function write(name: string, lines: string[]): string {
  const path = join(ws.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const issuesOf = (status: ImportJobStatus, code: string) => status.report!.issues.filter((i) => i.code === code).map((i) => [i.file, i.line, i.column, i.value, i.message]);
/** The issues of `code` the preview gives, which the import (of the files in `importOrder`, if given) gives too; the import's status. */
async function toldAlike(paths: string[], code: string, expected: unknown[], importOrder = paths): Promise<ImportJobStatus> {
  expect(issuesOf(await runImport(ws.backend, paths, 'preview'), code)).toEqual(expected);
  const real = await runImport(ws.backend, importOrder);
  expect(issuesOf(real, code)).toEqual(expected);
  return real;
}
const doneAt = () => db(ws).prepare('SELECT key, status_category, done_at FROM work_items ORDER BY key').raw().all();
const told = (key: string, status: string, why: string, fix: string) =>
  `${key} is ${status} (done), but nothing gives the date it was done: ${why}. It counts in no throughput and is not open either (no WIP), so it is in no flow figure. To count it, ${fix}.`;

describe('a done item that nothing dates (done-without-date)', () => {
  const HAND = 'key,title,type,team,status,created_at';
  const DATED = `${HAND},done_at`;
  /** An items row of checkout created on 2024-03-01, with a done_at cell (blank unless given) or none. */
  const row = (key: string, status: string, done: string | null = '') => `${key},${key},story,checkout,${status},2024-03-01T09:00:00Z${done === null ? '' : `,${done}`}`;
  const NO_DONE_AT = 'the file has no done_at column, and no status history for it is imported';
  const ADD_DONE_AT = 'add a done_at column, or import its status changes (the transitions template) with it';

  it('a hand-made items file without done_at: each done row is warned at its line and status cell, in the preview as in the import, and stored without a date', async () => {
    const teams = write('teams.csv', TEAMS);
    const items = write('items-minimal-done.csv', [
      HAND,
      'MIN-1,Minimal done,story,checkout,Done,2024-03-01T09:00:00Z',
      'MIN-2,Minimal closed,story,checkout,Closed,2024-03-01T09:00:00Z',
      'MIN-3,Minimal resolved,story,checkout,Resolved,2024-03-02T09:00:00Z',
      'MIN-4,Still open,story,checkout,In Progress,2024-03-02T09:00:00Z',
    ]);
    const expected = [
      ['items-minimal-done.csv', 2, 'status', 'Done', told('MIN-1', 'Done', NO_DONE_AT, ADD_DONE_AT)],
      ['items-minimal-done.csv', 3, 'status', 'Closed', told('MIN-2', 'Closed', NO_DONE_AT, ADD_DONE_AT)],
      ['items-minimal-done.csv', 4, 'status', 'Resolved', told('MIN-3', 'Resolved', NO_DONE_AT, ADD_DONE_AT)],
    ];
    const real = await toldAlike([teams, items], 'done-without-date', expected);
    expect(real.report!.warnings).toBe(3);
    expect(real.report!.issueCounts['done-without-date']).toBe(3);
    // Stored as before: done, no date invented.
    expect(doneAt()).toEqual([
      ['MIN-1', 'done', null],
      ['MIN-2', 'done', null],
      ['MIN-3', 'done', null],
      ['MIN-4', 'active', null],
    ]);
    expect(db(ws).prepare("SELECT warnings FROM imports WHERE file_name = 'items-minimal-done.csv'").pluck().get()).toBe(3);
  });

  it('a blank done_at cell is warned at that cell; a status history in a later file of the import dates the item, with no warning', async () => {
    const teams = write('teams.csv', TEAMS);
    const items = write('items.csv', [DATED, row('P-1', 'Done'), row('P-2', 'Done'), row('P-3', 'Done', '2024-03-04T09:00:00Z')]);
    const changes = write('transitions.csv', ['item,from_status,to_status,at', 'P-2,,To Do,2024-03-01T09:00:00Z', 'P-2,To Do,Done,2024-03-06T09:00:00Z']);
    const expected = [['items.csv', 2, 'done_at', 'Done', told('P-1', 'Done', 'its done_at cell is blank, and no status history for it is imported', 'fill in done_at, or import its status changes (the transitions template) with it')]];
    const real = await toldAlike([teams, items, changes], 'done-without-date', expected, [changes, items, teams]);
    expect(real.report!.warnings).toBe(1);
    expect(doneAt()).toEqual([
      ['P-1', 'done', null],
      ['P-2', 'done', Date.parse('2024-03-06T09:00:00Z')],
      ['P-3', 'done', Date.parse('2024-03-04T09:00:00Z')],
    ]);
  });

  it('what the workspace keeps dates it: its stored date (the file has no done_at column) or its stored history; a later row of the key with a date; a stored history ending open does not', async () => {
    const teams = write('teams.csv', TEAMS);
    const first = write('first.csv', [DATED, row('W-1', 'Done', '2024-03-03T09:00:00Z'), row('W-2', 'Done'), row('W-3', 'In Progress')]);
    const history = write('history.csv', [
      'item,from_status,to_status,at',
      'W-2,,To Do,2024-03-01T09:00:00Z',
      'W-2,To Do,Done,2024-03-05T09:00:00Z',
      'W-3,,To Do,2024-03-01T09:00:00Z',
      'W-3,To Do,In Progress,2024-03-02T09:00:00Z',
    ]);
    expect(issuesOf(await runImport(ws.backend, [teams, first, history]), 'done-without-date')).toEqual([]);
    const again = write('again.csv', [HAND, ...['W-1', 'W-2', 'W-3', 'W-4'].map((key) => row(key, 'Done', null))]);
    const later = write('later.csv', [DATED, row('W-4', 'Done', '2024-03-07T09:00:00Z')]);
    const expected = [
      ['again.csv', 4, 'status', 'Done', told('W-3', 'Done', 'the status history the workspace holds for it ends in an open status', 'correct its status, or import its status history again with its change to done')],
    ];
    await toldAlike([again, later], 'done-without-date', expected);
    expect(doneAt()).toEqual([
      ['W-1', 'done', Date.parse('2024-03-03T09:00:00Z')],
      ['W-2', 'done', Date.parse('2024-03-05T09:00:00Z')],
      ['W-3', 'done', null],
      ['W-4', 'done', Date.parse('2024-03-07T09:00:00Z')],
    ]);
  });

  it('a done row WITH a date, no history in the import, whose stored history ends open: its date is not stored, and that is said at its done_at cell (status-history-mismatch); a stored history ending done or none says nothing', async () => {
    const teams = write('teams.csv', TEAMS);
    const first = write('first.csv', [DATED, row('H-1', 'In Progress'), row('H-2', 'Done', '2024-03-05T09:00:00Z'), row('H-3', 'In Progress')]);
    const history = write('history.csv', [
      'item,from_status,to_status,at',
      'H-1,,To Do,2024-03-01T09:00:00Z',
      'H-1,To Do,In Progress,2024-03-02T09:00:00Z',
      'H-2,,To Do,2024-03-01T09:00:00Z',
      'H-2,To Do,Done,2024-03-05T09:00:00Z',
    ]);
    expect((await runImport(ws.backend, [teams, first, history])).report!.warnings).toBe(0);
    // A new export of the items: all three are done now, each with the date it was done.
    const now = write('items-now.csv', [DATED, row('H-1', 'Done', '2024-03-09T09:00:00Z'), row('H-2', 'Done', '2024-03-05T09:00:00Z'), row('H-3', 'Done', '2024-03-08T09:00:00Z')]);
    const expected = [
      [
        'items-now.csv',
        2,
        'done_at',
        '2024-03-09',
        'H-1 is Done (done) in its row, done on 2024-03-09, but the status history the workspace holds for it ends in an open status, and this import brings none: that history decides its dates, so it is stored as Done without a finished date and counts in no throughput, lead or cycle time. To count it, import its status changes (the transitions template) with it.',
      ],
    ];
    const real = await toldAlike([now], 'status-history-mismatch', expected);
    expect(real.report!.warnings).toBe(1);
    expect(doneAt()).toEqual([
      ['H-1', 'done', null],
      ['H-2', 'done', Date.parse('2024-03-05T09:00:00Z')],
      ['H-3', 'done', Date.parse('2024-03-08T09:00:00Z')],
    ]);
    // With its status changes in the same import, the history decides, and nothing is said.
    const more = write('history-more.csv', ['item,from_status,to_status,at', 'H-1,,To Do,2024-03-01T09:00:00Z', 'H-1,To Do,In Progress,2024-03-02T09:00:00Z', 'H-1,In Progress,Done,2024-03-09T09:00:00Z']);
    expect(issuesOf(await runImport(ws.backend, [now, more]), 'status-history-mismatch')).toEqual([]);
    expect(doneAt()[0]).toEqual(['H-1', 'done', Date.parse('2024-03-09T09:00:00Z')]);
  });

  it('a Jira "current fields" CSV without Resolved: no date is taken from Updated, and each done issue is warned; a blank Resolved cell is warned at it', async () => {
    const current = write('jira-current-fields.csv', [
      'Issue key,Summary,Issue Type,Status,Created,Updated',
      'ABC-1,Done thing,Story,Done,12/Mar/24 3:45 PM,20/Mar/24 3:45 PM',
      'ABC-2,Closed thing,Story,Closed,12/Mar/24 3:45 PM,21/Mar/24 3:45 PM',
    ]);
    const why = 'the file has no Resolved or Status Category Changed column (Updated is when it was last edited, not when it was done, so it is not taken), and no status history for it is imported';
    const fix = 'export it with the Resolved (or Status Category Changed) column, or import its history instead (Jira JSON from the REST API with expand=changelog)';
    const real = await runImport(ws.backend, [current]);
    expect(issuesOf(real, 'done-without-date')).toEqual([
      ['jira-current-fields.csv', 2, 'Status', 'Done', told('ABC-1', 'Done', why, fix)],
      ['jira-current-fields.csv', 3, 'Status', 'Closed', told('ABC-2', 'Closed', why, fix)],
    ]);
    expect(doneAt()).toEqual([
      ['ABC-1', 'done', null],
      ['ABC-2', 'done', null],
    ]);
    const blank = write('jira-blank.csv', ['Issue key,Summary,Issue Type,Status,Created,Resolved', 'ABC-3,x,Story,Done,12/Mar/24 3:45 PM,', 'ABC-4,y,Story,Done,12/Mar/24 3:45 PM,13/Mar/24 3:45 PM']);
    expect(issuesOf(await runImport(ws.backend, [blank], 'preview'), 'done-without-date')).toEqual([
      [
        'jira-blank.csv',
        2,
        'Resolved',
        'Done',
        told('ABC-3', 'Done', 'its Resolved cell is blank, and no status history for it is imported', 'set its resolution in Jira, which dates Resolved, and export it again, or import its history instead (Jira JSON from the REST API with expand=changelog)'),
      ],
    ]);
  });

  it('a bundle’s item is warned at its doneAt', async () => {
    const item = (key: string, doneAt: string | null) => ({ key, title: key, type: 'story', teamKey: null, status: 'Done', statusCategory: 'done', createdAt: '2024-03-01T09:00:00Z', firstActiveAt: null, doneAt, parentKey: null, objectiveKeys: [] });
    const path = join(ws.dir, 'bundle.json');
    writeFileSync(path, JSON.stringify({ items: [item('B-1', '2024-03-02T09:00:00Z'), item('B-2', null)] }));
    expect(issuesOf(await runImport(ws.backend, [path]), 'done-without-date')).toEqual([
      ['bundle.json', null, 'items[1].doneAt', 'Done', told('B-2', 'Done', 'it has no doneAt, and no status history for it is imported', 'add its doneAt, or its status changes (transitions)')],
    ]);
  });
});

describe('a deployment whose result cell is blank (result-blank)', () => {
  const BLANK = 'The result is blank: counted as succeeded, in deployment frequency and among the deployments of the change failure rate, which assumes so. If it failed or was still running, write its result (success or failed) and import again.';
  const stored = () => db(ws).prepare('SELECT release, succeeded FROM deployments ORDER BY release').raw().all();

  it('a hand-made file with a result column: the blank cell is warned at its line and column, in the preview as in the import, and stored as succeeded', async () => {
    const teams = write('teams.csv', TEAMS);
    const deployments = write('deploy-hand.csv', [
      'deployed_at,service,team,result,commit time,version',
      '2024-03-04 10:15,checkout-web,checkout,Success,2024-03-01 16:00,1.42.0',
      '2024-03-05 09:05,checkout-web,checkout,FAILED,2024-03-04 12:00,1.42.1',
      '2024-03-05 11:40,checkout-web,checkout,ok,2024-03-04 12:00,1.42.2',
      '2024-03-06 15:00,payments-api,checkout,,,7.1.0',
    ]);
    const expected = [['deploy-hand.csv', 5, 'result', null, BLANK]];
    const real = await toldAlike([teams, deployments], 'result-blank', expected);
    expect(real.report!.warnings).toBe(1);
    expect(stored()).toEqual([
      ['1.42.0', 1],
      ['1.42.1', 0],
      ['1.42.2', 1],
      ['7.1.0', 1],
    ]);
  });

  it('the deployments template’s blank succeeded is warned too; a file with no result column records successes without a word, as documented', async () => {
    const teams = write('teams.csv', TEAMS);
    const template = write('interlock-deployments.csv', ['key,team,service,at,succeeded,change_at,release,items', 'DEP-1,checkout,checkout-web,2024-03-12T17:00:00Z,,,R1,']);
    const plain = write('deploys.csv', ['deployed_at,service,team,version', '2024-03-06 15:00,payments-api,checkout,7.1.0']);
    const real = await runImport(ws.backend, [teams, template, plain]);
    expect(issuesOf(real, 'result-blank')).toEqual([['interlock-deployments.csv', 2, 'succeeded', null, BLANK]]);
    expect(real.report!.warnings).toBe(1);
    expect(stored()).toEqual([
      ['7.1.0', 1],
      ['R1', 1],
    ]);
  });
});
