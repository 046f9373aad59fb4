import { ThemeProvider } from '@mui/material/styles';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataTable } from '../../../renderer/src/charts/DataTable';
import { KEY_CELL, NUMERIC_CELL } from '../../../renderer/src/charts/plain-table-body';
import { appTheme } from '../../../renderer/src/theme/app-theme';

// A table's cells are classed by what they show, not by the CSV value behind them.

afterEach(cleanup);

interface Row {
  key: string;
  costliest: string;
  days: number;
}

function table(rows: Row[]) {
  return render(
    <ThemeProvider theme={appTheme('dark')}>
      <DataTable<Row>
        title="Items"
        description="The items."
        testId="items"
        rows={rows}
        rowKey={(r) => r.key}
        empty="None."
        columns={[
          { header: 'Item', value: (r) => r.key },
          { header: 'Costliest dependency', value: (r) => r.costliest, render: (r) => `${r.costliest} waits on ONB-7 (+2.1 d)` },
          { header: 'Days', value: (r) => r.days, numeric: true },
        ]}
      />
    </ThemeProvider>,
  );
}

describe('data table cells', () => {
  it('keeps a key shown as it is on one line, not a longer text rendered from a key', () => {
    table([{ key: 'PLT-177', costliest: 'DEP-12', days: 3 }]);
    expect(screen.getByText('PLT-177').className).toBe(KEY_CELL);
    expect(screen.getByText('DEP-12 waits on ONB-7 (+2.1 d)').className).toBe('');
    expect(screen.getByText('3').className).toBe(NUMERIC_CELL);
  });

  describe('edge cases', () => {
    it('an item whose key is not a tracker’s key wraps as text', () => {
      table([{ key: '2026-11-03', costliest: 'DEP-1', days: 0 }]);
      expect(screen.getByText('2026-11-03').className).toBe('');
    });
  });
});
