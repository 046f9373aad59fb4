import { ThemeProvider } from '@mui/material/styles';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartFrame } from '../../../renderer/src/charts/ChartFrame';
import { formatCell, MAX_TABLE_ROWS } from '../../../renderer/src/charts/ChartDataTable';
import { appTheme } from '../../../renderer/src/theme/app-theme';
import { roomTypeScale } from '../../../renderer/src/room/type-scale';
import { ThroughputChart } from '../../../renderer/src/flow/ThroughputChart';
import { FlowReport } from '../../../shared/contract/metrics-channels';
import { computeFlowReport } from '../../../shared/metrics/flow-report';
import { contextOf, portfolio, TWO_WEEKS } from '../metrics/metrics-fixtures';

// Tooltips answer only a mouse: every chart with data offers the same numbers as a table.

afterEach(cleanup);

function frame(rows: (string | number | null)[][], options: { presented?: boolean } = {}) {
  return render(
    <ThemeProvider theme={options.presented ? appTheme('dark', { room: roomTypeScale({ width: 1280, height: 720 }) }) : appTheme('light')}>
      <ChartFrame name="throughput" title="Throughput" unit="items per week" howToRead="Bars are weeks." csv={() => rows}>
        {() => <svg />}
      </ChartFrame>
    </ThemeProvider>,
  );
}

describe('a chart’s data as a table', () => {
  it('is hidden until asked for, then lists the CSV rows under their headers, numbers right-aligned', () => {
    frame([
      ['week', 'items'],
      ['2026-W45', 12],
      ['2026-W46', 1234.567],
    ]);
    expect(screen.queryByRole('table')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show Throughput data as a table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    // A region a keyboard can focus and scroll, holding the table.
    const region = screen.getByRole('region', { name: 'Throughput: data table, scrollable' });
    expect(region.tabIndex).toBe(0);
    const table = within(region).getByRole('table', { name: 'Throughput: data' });
    const cells = within(table)
      .getAllByRole('row')
      .map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(cells).toEqual([
      ['week', 'items'],
      ['2026-W45', '12'],
      ['2026-W46', '1,234.57'],
    ]);
    expect(getComputedStyle(within(table).getByText('1,234.57')).textAlign).toBe('right');
    expect(getComputedStyle(within(table).getByText('2026-W46')).textAlign).toBe('left');
    expect(screen.getByRole('button', { name: 'Hide Throughput data as a table' }).getAttribute('aria-expanded')).toBe('true');
  });

  describe('edge cases', () => {
    it(`shows the first ${MAX_TABLE_ROWS} rows of a longer table and says the CSV has the rest`, () => {
      frame([['day', 'wip'], ...Array.from({ length: MAX_TABLE_ROWS + 20 }, (_, i) => [`d${i}`, i])]);
      fireEvent.click(screen.getByRole('button', { name: 'Show Throughput data as a table' }));
      expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(MAX_TABLE_ROWS + 1);
      expect(screen.getByText(`The first 500 of 520 rows; the CSV holds them all.`)).toBeTruthy();
    });

    it('cells read as a person reads them; the CSV keeps the raw values', () => {
      expect([true, false, null, undefined, 3, 0.125, '2026-05-18T00:00:00.000Z', '2026-05-18T09:30:00.000Z', 'T-1'].map(formatCell)).toEqual([
        'yes',
        'no',
        '',
        '',
        '3',
        '0.13',
        '2026-05-18',
        '2026-05-18T09:30:00.000Z',
        'T-1',
      ]);
    });

    it('a throughput chart without a whole week says "–", not a median of 0', () => {
      const oneDay = portfolio([{ key: 'X-1', team: 'a', history: [['To Do', 0], ['In Progress', 0.5], ['Done', 1]] }]);
      const report = FlowReport.parse(computeFlowReport(contextOf(oneDay, { window: TWO_WEEKS, compare: 'none' })));
      render(
        <ThemeProvider theme={appTheme('light')}>
          <ThroughputChart report={report} />
        </ThemeProvider>,
      );
      expect(screen.getByText(/^Median – · 85th percentile – · 1 done in the period \(0 whole weeks\)$/)).toBeTruthy();
    });

    it('a chart without rows says so', () => {
      frame([['week', 'items']]);
      fireEvent.click(screen.getByRole('button', { name: 'Show Throughput data as a table' }));
      expect(screen.getByText('No rows.')).toBeTruthy();
    });
  });

  it('presented, has no scroll box of its own: its rows run the page under a header that sticks (a remote cannot scroll a box)', () => {
    const rows = [['week', 'items'], ...Array.from({ length: 40 }, (_, i) => [`2026-W${10 + i}`, i])];
    frame(rows, { presented: true });
    fireEvent.click(screen.getByRole('button', { name: 'Show Throughput data as a table' }));
    expect(screen.queryByRole('region', { name: 'Throughput: data table, scrollable' })).toBeNull();
    const table = screen.getByRole('table', { name: 'Throughput: data' });
    const container = table.parentElement!;
    expect(getComputedStyle(container).maxHeight).not.toBe('320px');
    expect(getComputedStyle(container).overflow).toBe('visible');
    expect(within(table).getAllByRole('row')).toHaveLength(41);
  });
});
