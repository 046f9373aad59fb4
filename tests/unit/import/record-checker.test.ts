import { describe, expect, it } from 'vitest';
import { IssueLog } from '../../../shared/import/import-issues';
import { PreviewCollector } from '../../../shared/import/preview-collector';
import type { ItemRecord, TransitionRecord } from '../../../shared/import/import-records';
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
  });
});
