import { describe, expect, it } from 'vitest';
import type { PlanningRecord } from '../../../shared/import/import-records';
import { planAfterImport, planningProblems, type PlanDates } from '../../../shared/planning/plan-import-rules';

// The plan an import leaves, judged whole: only what the import writes can be blamed on it.

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
const after = (d: string) => day(d) + 86_400_000;
const workspace: PlanDates = {
  increments: [{ name: 'PI 1', start: day('2024-03-04'), end: after('2024-04-28'), from: null }],
  iterations: [
    { increment: 'PI 1', name: 'I1', teamKey: null, start: day('2024-03-04'), end: after('2024-03-17'), from: null },
    { increment: 'PI 1', name: 'I2', teamKey: null, start: day('2024-03-18'), end: after('2024-03-31'), from: null },
  ],
};
let line = 1;
const iteration = (name: string, start: string, end: string, teamKey: string | null = null, increment = 'PI 1'): PlanningRecord => ({
  kind: 'iteration',
  increment,
  name,
  start: day(start),
  end: after(end),
  teamKey,
  file: 'iterations.csv',
  line: ++line,
});

describe('planningProblems', () => {
  it('iterations that meet (one ends the day before the next starts) and sprints of other cadences that overlap the shared ones are fine', () => {
    const rows = [iteration('I3', '2024-04-01', '2024-04-14'), iteration('P1', '2024-03-04', '2024-03-10', 'platform'), iteration('M1', '2024-03-04', '2024-03-10', 'mobile')];
    expect(planningProblems(workspace, rows)).toEqual([]);
  });

  it('an increment the import does not write to is not judged, whatever the workspace holds', () => {
    const broken: PlanDates = { ...workspace, iterations: [...workspace.iterations, { increment: 'PI 1', name: 'Odd', teamKey: null, start: day('2024-03-10'), end: after('2024-03-20'), from: null }] };
    expect(planningProblems(broken, [iteration('X', '2024-05-01', '2024-05-10', null, 'PI 2')])).toEqual([]);
  });

  it('the last row naming an iteration gives its days; a replaced row is no longer there to clash', () => {
    const rows = [iteration('I1', '2024-03-04', '2024-03-24'), iteration('I2', '2024-03-25', '2024-04-07')];
    expect(planAfterImport(workspace, rows).iterations.map((i) => [i.name, i.from?.line])).toEqual([
      ['I1', rows[0]!.line],
      ['I2', rows[1]!.line],
    ]);
    expect(planningProblems(workspace, rows)).toEqual([]);
  });
});
