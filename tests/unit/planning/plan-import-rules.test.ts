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
  milestones: [{ increment: 'PI 1', name: 'Kick-off', at: day('2024-03-05'), from: null }],
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

  it('an increment moved away from a milestone the workspace holds and the import does not name: said at the increment’s row, naming the milestone and its day; moved with it, it is fine', () => {
    const increment: PlanningRecord = { kind: 'increment', name: 'PI 1', start: day('2024-03-11'), end: after('2024-05-05'), capacityUnit: undefined, file: 'increments.csv', line: 2 };
    const rows = [increment, iteration('I1', '2024-03-11', '2024-03-24'), iteration('I2', '2024-03-25', '2024-04-07')];
    expect(planningProblems(workspace, rows)).toEqual([
      {
        from: { file: 'increments.csv', line: 2 },
        column: 'start',
        value: '2024-03-11',
        message: 'PI 1 (2024-03-11 – 2024-05-05) would leave the milestone Kick-off (2024-03-05) outside it: give it a day inside it in the milestones file, or move or delete it on the Plan page first.',
      },
    ]);
    const moved: PlanningRecord = { kind: 'milestone', increment: 'PI 1', name: 'Kick-off', at: day('2024-03-12'), teamKey: null, file: 'milestones.csv', line: 2 };
    expect(planningProblems(workspace, [...rows, moved])).toEqual([]);
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
