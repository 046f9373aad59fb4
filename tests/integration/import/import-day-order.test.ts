import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../shared/contract/import-channels';
import { db, runImport, tempWorkspace, type TempWorkspace } from './import-support';

// Numeric dates like 01/04/2025 in one import: an order one file proves is the order of the others
// whose dates prove none, and two files proving opposite orders are said.

let ws: TempWorkspace;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(() => ws.dispose());

function write(name: string, lines: string[]): string {
  const path = join(ws.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The warnings of one code: file, line, column, value, message. */
function told(status: ImportJobStatus, code: string): (string | number | null)[][] {
  return status.report!.issues.filter((i) => i.code === code).map((i) => [i.file, i.line, i.column, i.value, i.message]);
}

const day = (column: string) => `strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`;
const storedPlan = () => ({
  increments: db(ws).prepare(`SELECT name, ${day('start_at')} FROM increments ORDER BY name`).raw().all(),
  iterations: db(ws).prepare(`SELECT name, ${day('start_at')} FROM iterations ORDER BY name`).raw().all(),
});

// The audit's files (incr-us.csv, iter-us.csv): the increment's dates prove no order, the iterations' prove month first.
const INCREMENTS_US = ['name,start,end,capacity_unit', 'PI 25.1,01/04/2025,06/06/2025,items'];
const ITERATIONS_US = ['increment,name,start,end,team', 'PI 25.1,Sprint A,01/04/2025,01/18/2025,', 'PI 25.1,Sprint B,01/19/2025,02/01/2025,'];

describe('an order one file of the import proves', () => {
  it("is the order of another file whose dates prove none (the audit's increments and iterations), whichever is chosen first; the warning names the file that proves it", async () => {
    const increments = write('incr-us.csv', INCREMENTS_US);
    const iterations = write('iter-us.csv', ITERATIONS_US);
    for (const [mode, files] of [
      ['preview', [increments, iterations]],
      ['preview', [iterations, increments]],
      ['import', [increments, iterations]],
    ] as const) {
      const status = await runImport(ws.backend, [...files], mode);
      expect(status.report!.refusal).toBeNull();
      expect(status.report!.errors).toBe(0);
      expect(told(status, 'date-order-guessed')).toEqual([
        [
          'incr-us.csv',
          null,
          null,
          '01/04/2025',
          'Dates like 01/04/2025 were read as month/day/year, the order iter-us.csv of this import proves (01/18/2025); if that is wrong, choose the other date order (on the Import page, or --day-order dmy) and preview again.',
        ],
      ]);
      expect(told(status, 'date-order-differs')).toEqual([]);
    }
    expect(storedPlan()).toEqual({
      increments: [['PI 25.1', '2025-01-04']],
      iterations: [
        ['Sprint A', '2025-01-04'],
        ['Sprint B', '2025-01-19'],
      ],
    });
  });

  it('gives way to your choice: with day first chosen, the increment is read day first and the month-first iterations are rejected, without a word of guessing', async () => {
    const status = await runImport(ws.backend, [write('incr-us.csv', INCREMENTS_US), write('iter-us.csv', ITERATIONS_US)], 'preview', { options: { teamColumn: null, dayOrder: 'dmy' } });
    expect(told(status, 'date-order-guessed')).toEqual([]);
    expect(status.report!.issues.filter((i) => i.code === 'invalid-date').map((i) => [i.file, i.line, i.column, i.value])).toEqual([
      ['iter-us.csv', 2, 'end', '01/18/2025'],
      ['iter-us.csv', 3, 'start', '01/19/2025'],
    ]);
  });
});

describe('two files of one import proving opposite orders', () => {
  it('each keep their own, the later read is warned naming both files, and a third file proving none is read in its default, saying that the files disagree', async () => {
    const increments = write('incr-eu.csv', ['name,start,end,capacity_unit', 'PI 25.1,01/01/2025,30/06/2025,items']);
    const iterations = write('iter-us.csv', ITERATIONS_US);
    const milestones = write('milestones.csv', ['increment,name,date,team', 'PI 25.1,Go-live,03/02/2025,']);
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [iterations, milestones, increments], mode);
      expect(status.report!.refusal).toBeNull();
      expect(told(status, 'date-order-differs')).toEqual([
        [
          'iter-us.csv',
          null,
          null,
          '01/18/2025',
          'iter-us.csv is read as month/day/year, the order its own dates prove (01/18/2025), while incr-eu.csv of this import proves day/month/year (30/06/2025) and is read so: ' +
            'the two files were written in opposite date orders. Each keeps its own; check that the dates of both are right.',
        ],
      ]);
      expect(told(status, 'date-order-guessed')).toEqual([
        [
          'milestones.csv',
          null,
          null,
          '03/02/2025',
          'Dates like 03/02/2025 were read as day/month/year (the default for this kind of file): the files of this import prove both orders, incr-eu.csv day/month/year (30/06/2025) and iter-us.csv month/day/year (01/18/2025); ' +
            'if that is wrong, choose the other date order (on the Import page, or --day-order mdy) and preview again.',
        ],
      ]);
    }
    expect(storedPlan()).toEqual({
      increments: [['PI 25.1', '2025-01-01']],
      iterations: [
        ['Sprint A', '2025-01-04'],
        ['Sprint B', '2025-01-19'],
      ],
    });
    expect(db(ws).prepare(`SELECT name, ${day('at')} FROM milestones`).raw().all()).toEqual([['Go-live', '2025-02-03']]);
  });
});
