import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../../shared/import/import-issues';
import { describeCounts } from '../../../../renderer/src/import/import-labels';
import { IssueTable } from '../../../../renderer/src/import/IssueTable';

afterEach(cleanup);

const issue = (over: Partial<ImportIssue>): ImportIssue => ({
  severity: 'warning',
  code: 'future-date',
  file: 'export.csv',
  line: 3,
  column: 'Created',
  value: '2099-01-01',
  message: 'Created 2099-01-01 lies in the future.',
  ...over,
});

describe('IssueTable', () => {
  it('lists rejected rows before warnings, with file, line, column, value and reason', () => {
    render(
      <IssueTable
        issues={[issue({}), issue({ severity: 'error', code: 'invalid-date', line: 7, value: '31/Feb/24', message: '"31/Feb/24" is not a date.' })]}
        total={2}
      />,
    );
    const rows = within(screen.getByRole('table', { name: 'Problems found in the files' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['Rejected', 'export.csv', '7', 'Created', '31/Feb/24', '"31/Feb/24" is not a date.'],
      ['Warning', 'export.csv', '3', 'Created', '2099-01-01', 'Created 2099-01-01 lies in the future.'],
    ]);
  });

  describe('edge cases', () => {
    it('says when there is nothing, and when only part of the issues are listed', () => {
      const { unmount } = render(<IssueTable issues={[]} total={0} />);
      expect(screen.getByText('No problems found.')).toBeTruthy();
      unmount();
      render(<IssueTable issues={[issue({ line: null, column: null, value: null })]} total={1_234} />);
      expect(screen.getByText(/Showing 1 of 1,234 problems/)).toBeTruthy();
      expect(within(screen.getAllByRole('row')[1]!).getAllByRole('cell')[2]!.textContent).toBe('—');
    });

    it('counts in words, singular and plural, and "nothing"', () => {
      expect(describeCounts({ teams: 1, items: 2, transitions: 0, dependencies: 1, deployments: 0, incidents: 0, objectives: 0, plans: 0, releases: 0 })).toBe('1 team, 2 work items, 1 dependency');
      expect(describeCounts({ teams: 0, items: 0, transitions: -3, dependencies: 0, deployments: 0, incidents: 0, objectives: 0, plans: 0, releases: 0 })).toBe('-3 status changes');
      expect(describeCounts({ teams: 0, items: 0, transitions: 0, dependencies: 0, deployments: 0, incidents: 0, objectives: 0, plans: 0, releases: 0 })).toBe('nothing');
      expect(describeCounts({ teams: 0, items: 0, transitions: 0, dependencies: 0, deployments: 0, incidents: 0, objectives: 0, plans: 1, releases: 0 })).toBe('1 planning row');
      expect(describeCounts({ teams: 0, items: 3, transitions: 0, dependencies: 0, deployments: 0, incidents: 0, objectives: 0, plans: 0, releases: 2 })).toBe('3 work items, 2 releases');
    });
  });
});
