import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureCli } from '../../support/cli-capture';
import { sha256, tempDir } from '../../support/temp-files';
import { writePlanningRecords } from '../../../electron/backend/planning/plan-import';
import { db, dumpWorkspace, fixture, runImport, tempWorkspace } from '../import/import-support';

// The planning templates through the command line, on real files: a dry run promises what the
// import does. Where the import refuses, the dry run says why (file, line, column) and exits 1;
// where the import rejects a row and imports the rest, the dry run lists the same row and exits 0.

let tmp: ReturnType<typeof tempDir>;
let workspace: string;
beforeEach(async () => {
  tmp = tempDir();
  workspace = tmp.path('plan.interlock');
  const base = ['teams', 'items'].map((n) => fixture('interlock', `interlock-${n}.csv`));
  expect((await captureCli(['import', ...base, increments('2024-03-04', '2024-04-28'), '--into', workspace])).code).toBe(0);
});
afterEach(() => tmp.cleanup());

const write = (name: string, lines: string[]) => {
  const path = tmp.path(name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
function increments(start: string, end: string): string {
  return write('increments.csv', ['name,start,end,capacity_unit', `PI 24.2,${start},${end},items`]);
}

interface Issue {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

async function importJson(files: string[], dryRun: boolean): Promise<{ code: number; errors: Issue[]; warnings: Issue[] }> {
  const run = await captureCli(['import', ...files, '--into', workspace, ...(dryRun ? ['--dry-run'] : []), '--json']);
  const out = JSON.parse(run.out) as { errors: Issue[]; warnings: Issue[] };
  return { code: run.code, errors: out.errors, warnings: out.warnings };
}

/** Every row of the workspace (opening it for an import touches the file, not its rows). */
function contents(): string {
  const connection = new Database(workspace, { readonly: true });
  try {
    return dumpWorkspace(connection);
  } finally {
    connection.close();
  }
}

async function boardCards(): Promise<string[][]> {
  const run = await captureCli(['plan', 'board', '--workspace', workspace, '--increment', 'PI 24.2', '--json']);
  expect(run.code, run.err).toBe(0);
  const board = JSON.parse(run.out) as { cells: { team: string; iteration: string; items: string[] }[] };
  return board.cells.flatMap((c) => c.items.map((key) => [key, c.team, c.iteration]));
}

describe('planning templates: the dry run promises what the import does', () => {
  it('a plan or capacity row naming another team’s sprint is rejected with its line and column, in the dry run as in the import; the other rows import', async () => {
    const iterations = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,', 'PI 24.2,Platform week 1,2024-03-04,2024-03-10,platform']);
    const plan = write('plan.csv', ['increment,iteration,team,item,size', 'PI 24.2,Platform week 1,platform,PLT-1,3', 'PI 24.2,Platform week 1,checkout,CHK-1,8']);
    const capacity = write('capacity.csv', ['increment,iteration,team,amount', 'PI 24.2,Platform week 1,checkout,3']);
    const expected = [
      {
        file: 'plan.csv',
        line: 3,
        column: 'iteration',
        value: 'Platform week 1',
        code: 'invalid-reference',
        message: "Platform week 1 is a sprint of platform, not of checkout: plan checkout's work in a shared iteration or in one of its own sprints.",
      },
      {
        file: 'capacity.csv',
        line: 2,
        column: 'iteration',
        value: 'Platform week 1',
        code: 'invalid-reference',
        message: "Platform week 1 is a sprint of platform, not of checkout: checkout's capacity goes in its own sprints or the shared iterations.",
      },
    ];
    const before = sha256(workspace);
    const dry = await importJson([iterations, plan, capacity], true);
    expect(dry.errors).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining({ severity: 'error', ...e }))));
    expect(dry.code).toBe(0);
    expect(sha256(workspace)).toBe(before);

    const real = await importJson([iterations, plan, capacity], false);
    expect(real.errors).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
    expect(real.code).toBe(0);
    expect(await boardCards()).toEqual([['PLT-1', 'platform', 'Iteration 1']]);
  });
});

describe('objectives of an increment: the dry run promises what the import does', () => {
  it('an objective naming an increment that no file of the import declares (an increments template beside it declares another) is rejected at its line, in the dry run as in the import; the rest imports', async () => {
    const objectives = write('objectives.csv', ['key,title,level,teams,increment,business_value,committed', 'OBJ-8,Pay in one page,team,checkout,PI 24.3,5,yes', 'OBJ-9,Refunds,team,checkout,PI 99.9,3,yes']);
    const expected = {
      file: 'objectives.csv',
      line: 3,
      column: 'increment',
      value: 'PI 99.9',
      code: 'invalid-reference',
      message: 'Objective OBJ-9 names the increment "PI 99.9", which is neither in this import nor in the workspace (there are PI 24.2, PI 24.3); the row is left out.',
    };
    const files = [objectives, write('increments-24-3.csv', ['name,start,end', 'PI 24.3,2024-05-06,2024-06-30'])];
    const dry = await importJson(files, true);
    expect(dry.errors).toEqual([expect.objectContaining(expected)]);
    expect(dry.code).toBe(0);
    const real = await importJson(files, false);
    expect(real.errors).toEqual([expect.objectContaining(expected)]);
    expect(real.code).toBe(0);
    const connection = new Database(workspace, { readonly: true });
    try {
      expect(connection.prepare('SELECT o.key, c.name FROM objectives o LEFT JOIN increments c ON c.id = o.increment_id ORDER BY o.key').raw().all()).toEqual([['OBJ-8', 'PI 24.3']]);
    } finally {
      connection.close();
    }
  });
});

describe('planning templates: a team the workspace does not have', () => {
  it('a sprint, capacity and plan row of a new team: the dry run says the team will be created, and the import creates it', async () => {
    const iterations = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,', 'PI 24.2,Mobile week 1,2024-03-04,2024-03-10,mobile']);
    const capacity = write('capacity.csv', ['increment,iteration,team,amount', 'PI 24.2,Mobile week 1,mobile,2']);
    const plan = write('plan.csv', ['increment,iteration,team,item,size', 'PI 24.2,Mobile week 1,mobile,CHK-2,']);
    const created = expect.objectContaining({ file: 'iterations.csv', line: 3, code: 'unknown-team', message: 'Team mobile is not in the workspace; it will be created with mobile as its name.' });
    const dry = await importJson([iterations, capacity, plan], true);
    expect(dry.warnings).toEqual([created]);
    expect(dry.code).toBe(0);
    const real = await importJson([iterations, capacity, plan], false);
    expect(real.errors).toEqual([]);
    expect(real.code).toBe(0);
    expect(await boardCards()).toEqual([['CHK-2', 'mobile', 'Iteration 1']]);
  });
});

describe('planning templates: rows repeated in one import', () => {
  it('an item planned twice in one increment: the dry run and the import warn at the later row, naming the earlier one; the last row wins and it counts once', async () => {
    const iterations = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,', 'PI 24.2,Iteration 2,2024-03-18,2024-03-31,']);
    const plan = write('plan.csv', ['increment,iteration,team,item,size', 'PI 24.2,Iteration 1,checkout,CHK-1,3', 'PI 24.2,Iteration 2,checkout,CHK-2,', 'PI 24.2,Iteration 2,checkout,CHK-1,5']);
    const warning = {
      severity: 'warning',
      file: 'plan.csv',
      line: 4,
      column: 'item',
      value: 'CHK-1',
      code: 'duplicate-key',
      message: 'CHK-1 is planned twice in PI 24.2 (plan.csv, line 2: Iteration 1, checkout; here: Iteration 2, checkout); an item has one place in an increment, so the last row wins.',
    };
    const dry = await captureCli(['import', iterations, plan, '--into', workspace, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.out) as { warnings: Issue[]; wouldImport: { plans: number } };
    expect(report.warnings).toEqual([warning]);
    expect(report.wouldImport.plans).toBe(4);
    const real = await captureCli(['import', iterations, plan, '--into', workspace, '--json']);
    expect(real.code).toBe(0);
    expect((JSON.parse(real.out) as { warnings: Issue[] }).warnings).toEqual([warning]);
    expect(await boardCards()).toEqual([
      ['CHK-2', 'checkout', 'Iteration 2'],
      ['CHK-1', 'checkout', 'Iteration 2'],
    ]);
  });

  it('an iteration given twice: warned at the later row; its last days are the ones checked', async () => {
    const iterations = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 1,2024-03-04,2024-03-10,', 'PI 24.2,Iteration 2,2024-03-11,2024-03-24,', 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,']);
    const dry = await importJson([iterations], true);
    expect(dry.code).toBe(1);
    expect(dry.warnings).toEqual([
      expect.objectContaining({ file: 'iterations.csv', line: 4, column: 'name', value: 'Iteration 1', code: 'duplicate-key', message: 'Iteration 1 of PI 24.2 is given twice in this import (first at iterations.csv, line 2); the last row wins.' }),
    ]);
    expect(dry.errors).toEqual([expect.objectContaining({ line: 4, message: 'Iteration 1 (2024-03-04 – 2024-03-17) overlaps Iteration 2 (2024-03-11 – 2024-03-24).' })]);
  });
});

describe('planning templates: what refuses the import refuses the dry run, in the same words', () => {
  /**
   * The refusals of the dry run (its JSON issues, each at its place with the message alone), after
   * checking that the dry run's text and the import refuse in the same words, each naming `places`
   * (the rows' places, in order) once before its message; nothing is written.
   */
  async function refusedAlike(files: string[], places: string[]): Promise<Issue[]> {
    const before = contents();
    const dry = await importJson(files, true);
    expect(dry.code).toBe(1);
    const refusals = dry.errors.filter((e) => e.code === 'plan-inconsistent');
    expect(refusals).toHaveLength(places.length);
    const refusal = refusals.map((e, n) => `${places[n]}: ${e.message}`).join(' ');
    const text = await captureCli(['import', ...files, '--into', workspace, '--dry-run']);
    expect(text.err).toContain(`the import would be refused, nothing imported: ${refusal}`);
    // The CLI's line for each: its file, line and column once, then the message.
    const lines = text.err.split('\n');
    for (const e of refusals) expect(lines).toContain(`error ${[e.file, e.line === null ? null : `line ${e.line}`, e.column].filter((p) => p !== null).join(', ')}: ${e.message}`);
    for (const place of places) expect(lines.filter((l) => l.split(place).length > 2)).toEqual([]);
    const real = await importJson(files, false);
    expect(real.code).toBe(1);
    expect(real.errors[0]!.message).toBe(`Nothing was imported: ${refusal}`);
    expect(contents()).toBe(before);
    return refusals;
  }

  it('iterations that overlap, shared or one team’s sprints: the later row is named, with its line and the column of the day that overlaps', async () => {
    const shared = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,', 'PI 24.2,Iteration 2,2024-03-10,2024-03-31,']);
    const sprints = write('sprints.csv', ['increment,name,start,end,team', 'PI 24.2,P2,2024-03-11,2024-03-20,platform', 'PI 24.2,P1,2024-03-04,2024-03-12,platform', 'PI 24.2,P3,2024-03-04,2024-03-12,checkout']);
    expect(await refusedAlike([shared, sprints], ['iterations.csv, line 3', 'sprints.csv, line 3'])).toEqual([
      expect.objectContaining({ file: 'iterations.csv', line: 3, column: 'start', value: '2024-03-10', message: 'Iteration 2 (2024-03-10 – 2024-03-31) overlaps Iteration 1 (2024-03-04 – 2024-03-17).' }),
      expect.objectContaining({ file: 'sprints.csv', line: 3, column: 'end', value: '2024-03-12', message: 'P1 (2024-03-04 – 2024-03-12) overlaps P2 (2024-03-11 – 2024-03-20).' }),
    ]);
  });

  it('the command line names the row once, its file, line and column before the message; the refusal names the place before the message too', async () => {
    const overlapping = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,', 'PI 24.2,Iteration 2,2024-03-10,2024-03-31,']);
    const overlap = 'Iteration 2 (2024-03-10 – 2024-03-31) overlaps Iteration 1 (2024-03-04 – 2024-03-17).';
    const run = await captureCli(['import', overlapping, '--into', workspace]);
    expect(run.code).toBe(1);
    expect(run.err.split('\n').filter((l) => l !== '')).toEqual([`error iterations.csv, line 3, start: ${overlap}`, `interlock import: Nothing was imported: iterations.csv, line 3: ${overlap}`]);
    const dry = await captureCli(['import', overlapping, '--into', workspace, '--dry-run']);
    expect(dry.err.split('\n').filter((l) => l !== '')).toEqual([
      `error iterations.csv, line 3, start: ${overlap}`,
      `Dry run, nothing written: the import would be refused, nothing imported: iterations.csv, line 3: ${overlap} (0 rows rejected, 0 warnings)`,
    ]);
  });

  it('a new iteration overlapping one the workspace holds and the file does not name says so, and what to do', async () => {
    const first = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,']);
    expect((await importJson([first], false)).code).toBe(0);
    const renamed = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Sprint 1,2024-03-04,2024-03-17,']);
    expect(await refusedAlike([renamed], ['iterations.csv, line 2'])).toEqual([
      expect.objectContaining({
        file: 'iterations.csv',
        line: 2,
        column: 'start',
        message:
          'Sprint 1 (2024-03-04 – 2024-03-17) overlaps Iteration 1 (2024-03-04 – 2024-03-17), which the workspace holds and this import does not name: give it other days in the iterations file, or delete it on the Plan page first.',
      }),
    ]);
  });

  it('in a JSON bundle, the row is named by its place in the list', async () => {
    const bundle = tmp.path('plan.json');
    const iterations = [
      { increment: 'PI 24.2', name: 'Iteration 1', start: '2024-03-04', end: '2024-03-17' },
      { increment: 'PI 24.2', name: 'Iteration 2', start: '2024-03-17', end: '2024-03-31' },
    ];
    writeFileSync(bundle, JSON.stringify({ iterations }));
    expect(await refusedAlike([bundle], ['plan.json, iterations[1]'])).toEqual([
      expect.objectContaining({ file: 'plan.json', line: null, column: 'iterations[1].start', message: 'Iteration 2 (2024-03-17 – 2024-03-31) overlaps Iteration 1 (2024-03-04 – 2024-03-17).' }),
    ]);
  });

  it('an iteration or a milestone outside its increment', async () => {
    const iterations = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 4,2024-04-15,2024-05-05,']);
    const milestones = write('milestones.csv', ['increment,name,date,team', 'PI 24.2,Go-live,2024-04-10,', 'PI 24.2,Late,2024-06-10,']);
    expect(await refusedAlike([iterations, milestones], ['iterations.csv, line 2', 'milestones.csv, line 3'])).toEqual([
      expect.objectContaining({ file: 'iterations.csv', line: 2, column: 'end', value: '2024-05-05', message: 'Iteration 4 (2024-04-15 – 2024-05-05) lies partly outside PI 24.2 (2024-03-04 – 2024-04-28).' }),
      expect.objectContaining({
        file: 'milestones.csv',
        line: 3,
        column: 'date',
        value: '2024-06-10',
        message: 'Late (2024-06-10) lies outside PI 24.2 (2024-03-04 – 2024-04-28): a milestone belongs to a day of its increment.',
      }),
    ]);
  });
});

describe('the write refuses in the preview’s words', () => {
  it('a plan row that reaches the write naming another team’s sprint (the plan changed since the preview read it) is refused, saying whose sprint it is', async () => {
    const ws = await tempWorkspace();
    try {
      const iterations = tmp.path('iterations.csv');
      writeFileSync(iterations, 'increment,name,start,end,team\nPI 24.2,Platform week 1,2024-03-04,2024-03-10,platform\n');
      const files = [...['teams', 'items'].map((n) => fixture('interlock', `interlock-${n}.csv`)), increments('2024-03-04', '2024-04-28'), iterations];
      expect((await runImport(ws.backend, files)).state).toBe('done');
      const row = { kind: 'planned', increment: 'PI 24.2', iteration: 'Platform week 1', teamKey: 'checkout', itemKey: 'CHK-1', size: 3, line: 2, file: 'plan.csv' } as const;
      expect(() => db(ws).transaction(() => writePlanningRecords(db(ws), [row]))()).toThrow(
        "Nothing was imported. plan.csv, line 2: Platform week 1 is a sprint of platform, not of checkout: plan checkout's work in a shared iteration or in one of its own sprints.",
      );
    } finally {
      ws.dispose();
    }
  });
});

describe('planning templates: numbers with thousands separators', () => {
  function capacities(): [string, number][] {
    const connection = new Database(workspace, { readonly: true });
    try {
      return connection.prepare('SELECT t.key, c.amount FROM capacity c JOIN teams t ON t.id = c.team_id ORDER BY t.key').raw().all() as [string, number][];
    } finally {
      connection.close();
    }
  }

  it('a capacity of "1,000" (a thousand, or 1.0 with a decimal comma?) is rejected naming both readings, in the dry run as in the import; never stored as 1', async () => {
    const iterations = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,']);
    const capacity = write('capacity.csv', ['increment,iteration,team,amount', 'PI 24.2,Iteration 1,checkout,"1,000"', 'PI 24.2,Iteration 1,platform,"2,5"']);
    const rejected = expect.objectContaining({
      file: 'capacity.csv',
      line: 2,
      column: 'amount',
      value: '1,000',
      code: 'invalid-value',
      message: 'amount is "1,000": 1000 with a thousands comma, or 1.0 with a decimal comma? Interlock does not guess: write 1000 or 1.0.',
    });
    const dry = await importJson([iterations, capacity], true);
    expect(dry.errors).toEqual([rejected]);
    const real = await importJson([iterations, capacity], false);
    expect(real.errors).toEqual([rejected]);
    expect(real.code).toBe(0);
    // "2,5" is no thousands separator: a decimal comma, read as 2.5.
    expect(capacities()).toEqual([['platform', 2.5]]);
  });

  describe('edge cases', () => {
    it('"1.000", "12,500", "1 000" and "1,000,000" are each rejected at their line, saying what to write; "0,125", "4.5" and "1,0000" are read', async () => {
      await importJson([write('teams.csv', ['key,name', 'a,A', 'b,B', 'c,C', 'd,D', 'e,E', 'f,F', 'g,G'])], false);
      const iterations = write('iterations.csv', ['increment,name,start,end,team', 'PI 24.2,Iteration 1,2024-03-04,2024-03-17,']);
      const capacity = write('capacity.csv', [
        'increment,iteration,team,amount',
        'PI 24.2,Iteration 1,a,1.000',
        'PI 24.2,Iteration 1,b,"12,500"',
        'PI 24.2,Iteration 1,c,1 000',
        'PI 24.2,Iteration 1,d,"1,000,000"',
        'PI 24.2,Iteration 1,e,"0,125"',
        'PI 24.2,Iteration 1,f,4.5',
        'PI 24.2,Iteration 1,g,"1,0000"',
        'PI 24.2,Iteration 1,checkout,#N/A',
      ]);
      const real = await importJson([iterations, capacity], false);
      expect(real.errors.map((e) => [e.line, e.column, e.message])).toEqual([
        [2, 'amount', 'amount is "1.000": 1000 with a thousands point, or 1.0 with a decimal point? Interlock does not guess: write 1000 or 1.0.'],
        [3, 'amount', 'amount is "12,500": 12500 with a thousands comma, or 12.5 with a decimal comma? Interlock does not guess: write 12500 or 12.5.'],
        [4, 'amount', 'amount is "1 000": Interlock reads numbers without thousands separators: write 1000.'],
        [5, 'amount', 'amount is "1,000,000": Interlock reads numbers without thousands separators: write 1000000.'],
        [9, 'amount', 'amount is "#N/A"; it needs a number from 0 to 100000.'],
      ]);
      expect(capacities()).toEqual([
        ['e', 0.125],
        ['f', 4.5],
        ['g', 1],
      ]);
    });
  });
});
