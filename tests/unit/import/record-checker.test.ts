import { describe, expect, it } from 'vitest';
import { IssueLog } from '../../../shared/import/import-issues';
import { PreviewCollector } from '../../../shared/import/preview-collector';
import type { ItemRecord, PlanningRecord, TransitionRecord } from '../../../shared/import/import-records';
import { RecordChecker } from '../../../shared/import/record-checker';
import { StatusBook } from '../../../shared/import/status-rules';

// The checker remembers the item key it found last (a history's changes come one after another):
// that shortcut must answer exactly as the lookups it skips.

const T0 = Date.UTC(2024, 0, 1);

function checker(workspaceItems: readonly string[] = []) {
  const issues = new IssueLog();
  const target = new PreviewCollector();
  const check = new RecordChecker(
    {
      issues,
      statuses: new StatusBook(),
      nowMs: T0 + 1_000 * 86_400_000,
      workspaceHasItem: (key) => workspaceItems.includes(key),
      workspaceTeams: [],
    },
    target,
  );
  check.file = 'changes.csv';
  return { check, issues };
}

const item = (key: string): ItemRecord => ({
  key,
  title: key,
  type: 'story',
  teamKey: null,
  status: 'To Do',
  createdAt: T0,
  firstActiveAt: null,
  doneAt: null,
  parentKey: null,
  objectiveKeys: null,
  line: 2,
});
// A new string each time, as a parser makes one per cell.
const change = (key: string, line: number): TransitionRecord => ({ itemKey: [...key].join(''), fromStatus: null, toStatus: 'To Do', at: T0 + line, line });

describe('RecordChecker: item references', () => {
  it('takes the changes of known items, in runs and interleaved, and leaves out those of unknown ones', () => {
    const { check, issues } = checker(['W-1']);
    check.item(item('A-1'));
    check.item(item('A-2'));
    const keys = ['A-1', 'A-1', 'A-1', 'X-9', 'X-9', 'A-1', 'A-2', 'W-1', 'W-1', 'X-9', 'A-2'];
    keys.forEach((key, i) => check.transition(change(key, i + 2)));
    expect(check.counts.transitions).toBe(8);
    expect(issues.issues.filter((i) => i.code === 'unknown-item').map((i) => i.line)).toEqual([5, 6, 11]);
  });

  describe('edge cases', () => {
    it('an unknown key right after a run of a known one is still unknown, and a key declared later becomes known', () => {
      const { check, issues } = checker();
      check.item(item('A-1'));
      check.transition(change('A-1', 2));
      check.transition(change('A-10', 3));
      check.transition(change('A-', 4));
      check.item(item('A-10'));
      check.transition(change('A-10', 5));
      expect(check.counts.transitions).toBe(2);
      expect(issues.issues.filter((i) => i.code === 'unknown-item').map((i) => i.value)).toEqual(['A-10', 'A-']);
      expect(check.knowsItem('A-1')).toBe(true);
      expect(check.knowsItem('a-1')).toBe(false);
    });

    it('an item declared after a reference in another case was matched is found in another case too', () => {
      const { check, issues } = checker();
      check.item(item('A-1'));
      // Matching a-1 builds the directory of keys by look-alike form; B-2 arrives after it.
      check.transition(change('a-1', 2));
      check.item(item('B-2'));
      check.transition(change('b-2', 3));
      expect(check.counts.transitions).toBe(2);
      expect(issues.issues.filter((i) => i.code === 'item-key-case').map((i) => i.message)).toEqual([
        'a-1 is taken as item A-1 (the keys differ only in case).',
        'b-2 is taken as item B-2 (the keys differ only in case).',
      ]);
      expect(issues.issues.filter((i) => i.code === 'unknown-item')).toEqual([]);
    });
  });
});

describe('RecordChecker: planning rows', () => {
  const planned = (itemKey: string, where: { line: number | null; path?: string }): PlanningRecord => ({ kind: 'planned', increment: 'PI 1', iteration: 'I1', teamKey: 'a', itemKey, size: null, ...where });

  function planChecker() {
    const { check, issues } = checker(['A-1']);
    check.file = 'bundle.json';
    check.planning({ kind: 'increment', name: 'PI 1', start: T0, end: T0 + 14 * 86_400_000, capacityUnit: 'items', line: null, path: 'increments[0]' });
    check.planning({ kind: 'iteration', increment: 'PI 1', name: 'I1', start: T0, end: T0 + 14 * 86_400_000, teamKey: null, line: null, path: 'iterations[0]' });
    return { check, issues };
  }

  it("a bundle's row naming an item there is not refuses the import, named by its place and field, in the refusal too", () => {
    const { check, issues } = planChecker();
    check.planning(planned('A-1', { line: null, path: 'plan[0]' }));
    check.planning(planned('NOPE-1', { line: null, path: 'plan[1]' }));
    check.finishReading();
    expect(issues.issues.map((i) => [i.line, i.column, i.value, i.code])).toEqual([[null, 'plan[1].item', 'NOPE-1', 'invalid-reference']]);
    expect(issues.fileErrorMessages).toEqual(['bundle.json, plan[1].item: Item NOPE-1 is neither in this import nor in the workspace, so it cannot be planned.']);
    expect(check.counts.plans).toBe(3);
  });

  describe('edge cases', () => {
    it("a CSV's row is left out, named by its line and column; the rest of the file imports", () => {
      const { check, issues } = planChecker();
      check.planning(planned('NOPE-1', { line: 4 }));
      check.finishReading();
      expect(issues.issues.map((i) => [i.line, i.column])).toEqual([[4, 'item']]);
      expect([issues.fileErrors, issues.counts.rejectedRows]).toEqual([0, 1]);
    });
  });
});

describe('RecordChecker: an item key given twice', () => {
  it('names the row it repeats by file and line', () => {
    const { check, issues } = checker();
    check.file = 'a.csv';
    check.item({ ...item('A-1'), line: 7 });
    check.file = 'b.csv';
    check.item({ ...item('A-1'), line: 3 });
    expect(issues.issues.map((i) => [i.file, i.line, i.message])).toEqual([['b.csv', 3, 'Item A-1 appears more than once in this import (also at a.csv, line 7); the last row wins.']]);
  });

  describe('edge cases', () => {
    it('a row past a million lines keeps its line; past 1,024 files with items the earlier row is not named, and the repeat is still told', () => {
      const { check, issues } = checker();
      check.file = 'huge.csv';
      check.item({ ...item('A-1'), line: 5_000_001 });
      check.item({ ...item('A-1'), line: 5_000_002 });
      for (let f = 1; f <= 1_024; f++) {
        check.file = `part-${f}.csv`;
        check.item({ ...item(`P-${f}`), line: 2 });
      }
      check.item({ ...item('P-1024'), line: 3 });
      check.item({ ...item('P-1023'), line: 4 });
      expect(issues.issues.map((i) => i.message)).toEqual([
        'Item A-1 appears more than once in this import (also at huge.csv, line 5000001); the last row wins.',
        'Item P-1024 appears more than once in this import; the last row wins.',
        'Item P-1023 appears more than once in this import (also at part-1023.csv, line 2); the last row wins.',
      ]);
      expect(check.counts.items).toBe(1_025);
    });
  });
});
