import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../shared/contract/import-channels';
import { db, runImport, tempWorkspace, type TempWorkspace } from './import-support';

// Rows that once dropped out of the metrics without a word, now said at their file, line and column,
// in the preview as in the import, and stored as before: a deployment whose result cell is blank in a
// file that has a result column.

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
