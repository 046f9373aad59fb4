import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePlanningRecords } from '../../../electron/backend/planning/plan-import';
import type { PlanningRecord, PlanningRow } from '../../../shared/import/import-records';
import { captureCli } from '../../support/cli-capture';
import { tempDir } from '../../support/temp-files';
import { dumpWorkspace, fixture } from '../import/import-support';

// A coordinator moves a PI by a week, or changes its cadence, and imports the corrected templates
// again: the import is judged by the plan it leaves once all of it is in, not row by row against
// the days it is replacing. A plan that does not fit together once all is in is refused whole.

let tmp: ReturnType<typeof tempDir>;
let workspace: string;
const TEMPLATES = ['teams', 'items', 'increments', 'iterations', 'capacity', 'milestones', 'plan'];
beforeEach(async () => {
  tmp = tempDir();
  workspace = tmp.path('plan.interlock');
  const first = await captureCli(['import', ...TEMPLATES.map((n) => fixture('interlock', `interlock-${n}.csv`)), '--into', workspace]);
  expect(first.code, first.err).toBe(0);
});
afterEach(() => tmp.cleanup());

const write = (name: string, lines: string[]) => {
  const path = tmp.path(name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
const fixtureOf = (name: string) => fixture('interlock', `interlock-${name}.csv`);

/** The PI of the fixtures (2024-03-04 – 2024-04-28, four two-week iterations and a platform sprint), a week later. */
const movedIncrement = () => write('increments.csv', ['name,start,end,capacity_unit', 'PI 24.2,2024-03-11,2024-05-05,items']);
const movedIterations = () =>
  write('iterations.csv', [
    'increment,name,start,end,team',
    'PI 24.2,Iteration 1,2024-03-11,2024-03-24,',
    'PI 24.2,Iteration 2,2024-03-25,2024-04-07,',
    'PI 24.2,Iteration 3,2024-04-08,2024-04-21,',
    'PI 24.2,Iteration 4,2024-04-22,2024-05-05,',
    'PI 24.2,Platform week 1,2024-03-11,2024-03-17,platform',
  ]);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return captureCli(args);
}

async function planOf(): Promise<{ increment: unknown; iterations: unknown; teamIterations: unknown; cells: unknown }> {
  const run = await cli(['plan', 'board', '--workspace', workspace, '--increment', 'PI 24.2', '--json']);
  expect(run.code, run.err).toBe(0);
  const board = JSON.parse(run.out) as { increment: unknown; iterations: unknown; teamIterations: unknown; cells: { team: string; iteration: string; items: string[]; capacity: number | null }[] };
  return { increment: board.increment, iterations: board.iterations, teamIterations: board.teamIterations, cells: board.cells.filter((c) => c.items.length > 0 || c.capacity !== null) };
}

/** Every row of the workspace but the import log. */
function contents(): string {
  const connection = new Database(workspace, { readonly: true });
  try {
    return dumpWorkspace(connection, { skip: ['imports'] });
  } finally {
    connection.close();
  }
}

describe('re-importing the planning templates with new days', () => {
  it('the PI moved by a week with its iterations: the dry run and the import take it, and the plan stays where it was', async () => {
    const files = [movedIncrement(), movedIterations(), ...['capacity', 'milestones', 'plan'].map(fixtureOf)];
    const before = await planOf();
    const dry = await cli(['import', ...files, '--into', workspace, '--dry-run']);
    expect(dry.err).not.toContain('refused');
    expect(dry.code).toBe(0);
    const run = await cli(['import', ...files, '--into', workspace]);
    expect(run.code, run.err).toBe(0);
    const after = await planOf();
    expect(after.increment).toEqual({ name: 'PI 24.2', start: '2024-03-11', end: '2024-05-05', capacityUnit: 'items' });
    expect(after.iterations).toEqual([
      { name: 'Iteration 1', start: '2024-03-11', end: '2024-03-24' },
      { name: 'Iteration 2', start: '2024-03-25', end: '2024-04-07' },
      { name: 'Iteration 3', start: '2024-04-08', end: '2024-04-21' },
      { name: 'Iteration 4', start: '2024-04-22', end: '2024-05-05' },
    ]);
    // The same cards and capacity in the same iterations, only their days moved.
    expect(after.cells).toEqual(before.cells);
  });

  it('a new cadence in the same PI (one-, three-, three- and one-week iterations, each overlapping two old ones): taken whole', async () => {
    const iterations = write('iterations.csv', [
      'increment,name,start,end,team',
      'PI 24.2,Iteration 1,2024-03-04,2024-03-10,',
      'PI 24.2,Iteration 2,2024-03-11,2024-03-31,',
      'PI 24.2,Iteration 3,2024-04-01,2024-04-21,',
      'PI 24.2,Iteration 4,2024-04-22,2024-04-28,',
      'PI 24.2,Platform week 1,2024-03-11,2024-03-17,platform',
    ]);
    expect((await cli(['import', iterations, '--into', workspace, '--dry-run'])).code).toBe(0);
    const run = await cli(['import', iterations, '--into', workspace]);
    expect(run.code, run.err).toBe(0);
    expect((await planOf()).iterations).toEqual([
      { name: 'Iteration 1', start: '2024-03-04', end: '2024-03-10' },
      { name: 'Iteration 2', start: '2024-03-11', end: '2024-03-31' },
      { name: 'Iteration 3', start: '2024-04-01', end: '2024-04-21' },
      { name: 'Iteration 4', start: '2024-04-22', end: '2024-04-28' },
    ]);
  });

  it('a bundle’s milestone on a day the moved PI gains, read before the templates that move it: taken, as the dry run said', async () => {
    const bundle = tmp.path('milestones.json');
    writeFileSync(bundle, JSON.stringify({ milestones: [{ increment: 'PI 24.2', name: 'Demo day', date: '2024-05-02' }] }));
    const files = [bundle, movedIncrement(), movedIterations()];
    expect((await cli(['import', ...files, '--into', workspace, '--dry-run'])).code).toBe(0);
    const run = await cli(['import', ...files, '--into', workspace]);
    expect(run.code, run.err).toBe(0);
    const board = JSON.parse((await cli(['plan', 'board', '--workspace', workspace, '--increment', 'PI 24.2', '--json'])).out) as { milestones: { name: string }[] };
    expect(board.milestones.map((m) => m.name)).toContain('Demo day');
  });

  it('the PI moved without its iterations: refused whole at the increment’s row, naming the iterations it would leave outside; nothing is written', async () => {
    const before = contents();
    const increments = movedIncrement();
    const refusal =
      'PI 24.2 (2024-03-11 – 2024-05-05) would leave Iteration 1 (2024-03-04 – 2024-03-17), Platform week 1 (2024-03-04 – 2024-03-10) outside it: give them days inside it in the iterations file, or delete them on the Plan page first.';
    const dry = await cli(['import', increments, '--into', workspace, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.err).toContain(`error increments.csv, line 2, start: ${refusal}`);
    const run = await cli(['import', increments, '--into', workspace]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`Nothing was imported: increments.csv, line 2: ${refusal}`);
    expect(contents()).toBe(before);
  });
});

describe('milestones the workspace holds, left outside a moved increment', () => {
  it('the PI moved a week later with its iterations, away from a milestone on its first days: refused whole at the increment’s row, naming the milestone and its day, in the dry run as in the import; nothing is written', async () => {
    const kickOff = write('kick-off.csv', ['increment,name,date,team', 'PI 24.2,Kick-off,2024-03-05,']);
    expect((await cli(['import', kickOff, '--into', workspace])).code).toBe(0);
    const before = contents();
    const files = [movedIncrement(), movedIterations()];
    const refusal =
      'PI 24.2 (2024-03-11 – 2024-05-05) would leave the milestone Kick-off (2024-03-05) outside it: give it a day inside it in the milestones file, or move or delete it on the Plan page first.';
    const dry = await cli(['import', ...files, '--into', workspace, '--dry-run', '--json']);
    expect(dry.code).toBe(1);
    const errors = (JSON.parse(dry.out) as { errors: { file: string; line: number; column: string; value: string; code: string; message: string }[] }).errors;
    expect(errors).toEqual([expect.objectContaining({ file: 'increments.csv', line: 2, column: 'start', value: '2024-03-11', code: 'plan-inconsistent', message: refusal })]);
    const run = await cli(['import', ...files, '--into', workspace]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`Nothing was imported: increments.csv, line 2: ${refusal}`);
    expect(contents()).toBe(before);

    // Moved with it, the milestone is taken and drawn.
    const moved = write('milestones.csv', ['increment,name,date,team', 'PI 24.2,Kick-off,2024-03-12,']);
    expect((await cli(['import', ...files, moved, '--into', workspace, '--dry-run'])).code).toBe(0);
    const again = await cli(['import', ...files, moved, '--into', workspace]);
    expect(again.code, again.err).toBe(0);
    const board = JSON.parse((await cli(['plan', 'board', '--workspace', workspace, '--increment', 'PI 24.2', '--json'])).out) as { milestones: { name: string; date: string }[] };
    expect(board.milestones.find((m) => m.name === 'Kick-off')).toMatchObject({ date: '2024-03-12' });
  });
});

describe('the write judges the plan the whole import leaves', () => {
  const row = (r: PlanningRow, line: number): PlanningRecord => ({ ...r, file: r.kind === 'increment' ? 'increments.csv' : 'iterations.csv', line });
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const moved: PlanningRecord[] = [
    row({ kind: 'increment', name: 'PI 24.2', start: day('2024-03-11'), end: day('2024-05-06'), capacityUnit: undefined }, 2),
    row({ kind: 'iteration', increment: 'PI 24.2', name: 'Iteration 1', start: day('2024-03-11'), end: day('2024-03-25'), teamKey: null }, 2),
    row({ kind: 'iteration', increment: 'PI 24.2', name: 'Iteration 2', start: day('2024-03-25'), end: day('2024-04-08'), teamKey: null }, 3),
    row({ kind: 'iteration', increment: 'PI 24.2', name: 'Iteration 3', start: day('2024-04-08'), end: day('2024-04-22'), teamKey: null }, 4),
    row({ kind: 'iteration', increment: 'PI 24.2', name: 'Iteration 4', start: day('2024-04-22'), end: day('2024-05-06'), teamKey: null }, 5),
    row({ kind: 'iteration', increment: 'PI 24.2', name: 'Platform week 1', start: day('2024-03-11'), end: day('2024-03-18'), teamKey: 'platform' }, 6),
  ];

  it('rows that each clash with the days they replace are written when the plan they leave fits', () => {
    const db = new Database(workspace);
    try {
      db.transaction(() => writePlanningRecords(db, moved))();
      expect(db.prepare(`SELECT name, start_at, end_at FROM iterations ORDER BY start_at, name`).raw().all()).toEqual(
        moved.filter((r) => r.kind === 'iteration').map((r) => [r.name, r.start, r.end]).sort((a, b) => (a[1] as number) - (b[1] as number) || String(a[0]).localeCompare(String(b[0]))),
      );
    } finally {
      db.close();
    }
  });

  it('a plan that does not fit once all is in is refused before any row is written, in the preview’s words', () => {
    const before = contents();
    const db = new Database(workspace);
    try {
      // Iteration 4 left out: Iteration 3 then runs into the old Iteration 4, which the file does not move.
      const withoutFour = moved.filter((r) => r.kind !== 'iteration' || r.name !== 'Iteration 4');
      expect(() => db.transaction(() => writePlanningRecords(db, withoutFour))()).toThrow(
        'Nothing was imported. iterations.csv, line 4: Iteration 3 (2024-04-08 – 2024-04-21) overlaps Iteration 4 (2024-04-15 – 2024-04-28), which the workspace holds and this import does not name: give it other days in the iterations file, or delete it on the Plan page first.',
      );
    } finally {
      db.close();
    }
    expect(contents()).toBe(before);
  });
});
