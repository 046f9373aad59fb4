import { ThemeProvider } from '@mui/material/styles';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeliveryReport, FlowReport } from '../../../../shared/contract/metrics-channels';
import { computeDeliveryReport } from '../../../../shared/metrics/delivery-report';
import { computeFlowReport } from '../../../../shared/metrics/flow-report';
import { DoraTiles } from '../../../../renderer/src/delivery/DoraTiles';
import { FlowFigureTiles } from '../../../../renderer/src/flow/FlowFigureTiles';
import { appTheme } from '../../../../renderer/src/theme/app-theme';
import { auditPortfolio } from '../../../support/audit-portfolio';
import { contextOf } from '../../metrics/metrics-fixtures';

// The Delivery and Flow tiles' words on the audit portfolio (tests/support/audit-portfolio.ts).

const W = { from: '2025-03-03', to: '2025-03-30' };
const THRESHOLDS = { report: '2023', eliteDeployDaysPerWeek: 5 } as const;

function delivery(teamKeys?: string[]) {
  return DeliveryReport.parse(computeDeliveryReport(contextOf(auditPortfolio, { window: W, ...(teamKeys ? { teamKeys } : {}) }), THRESHOLDS));
}

function renderWith(ui: ReactElement) {
  return render(<ThemeProvider theme={appTheme('light')}>{ui}</ThemeProvider>);
}

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: 900, bottom: 400, width: 900, height: 400, toJSON: () => ({}) } as DOMRect);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Delivery tiles', () => {
  it('Delta, which never deploys: lead time for changes says in a sentence why it is not measured', () => {
    renderWith(<DoraTiles report={delivery(['delta'])} />);
    const tile = screen.getByRole('figure', { name: 'Lead time for changes' });
    expect(tile.textContent).toContain('Not measured: no successful deployment in scope ships a change with a commit time or a done item.');
    expect(tile.textContent).not.toContain('Measured as no deployment');
  });

  it('Alpha: one item done but not deployed yet, one incident naming a failed deployment — singular', () => {
    const r = delivery(['alpha']);
    renderWith(<DoraTiles report={r} />);
    const text = document.body.textContent!;
    expect(text).not.toMatch(/\b1 (items|incidents|deployments|days)/);
    expect(text).toContain('1 incident naming a deployment that did not succeed');
  });

  it('the data tables name their columns in words with units; the change failure rate in %', () => {
    renderWith(<DoraTiles report={delivery()} />);
    const headers: string[] = [];
    for (const button of screen.getAllByRole('button', { name: /^Show .* data as a table$/ })) fireEvent.click(button);
    for (const table of screen.getAllByRole('table')) headers.push(...within(table).getAllByRole('columnheader').map((h) => h.textContent!));
    expect(headers).toEqual(expect.arrayContaining(['days with a successful deployment', 'lead time for changes, median (hours)', 'change failure rate (%)', 'time to restore, median (hours)']));
    expect(headers.filter((h) => /^[a-z]+[A-Z]/.test(h))).toEqual([]);
  });
});

describe('Flow tiles', () => {
  it('Gamma, with one item in progress: "1 item"', () => {
    const flow = FlowReport.parse(computeFlowReport(contextOf(auditPortfolio, { window: W, teamKeys: ['gamma'] })));
    expect(flow.current.wip.current).toBe(1);
    renderWith(<FlowFigureTiles report={flow} />);
    expect(within(screen.getByTestId('figure-wip')).getByText('1 item')).toBeTruthy();
  });
});

describe('a period before that ends before the data begins (the default 13 weeks: 2024-09-30 … 12-29, data from 2025-02-01)', () => {
  const ctx = () => contextOf(auditPortfolio, { compare: 'previous' });

  it('Flow: every tile says "no data before" the first day, not "0 items" or "– items"', () => {
    const flow = FlowReport.parse(computeFlowReport(ctx()));
    expect(flow.scope.dataFrom).toBe('2025-02-01T00:00:00.000Z');
    renderWith(<FlowFigureTiles report={flow} />);
    for (const id of ['throughput', 'lead-time', 'cycle-time', 'flow-efficiency', 'wip', 'dependencies']) {
      expect(screen.getByTestId(`figure-${id}`).textContent).toContain('Period before: no data before Feb 1, 2025');
    }
    expect(document.body.textContent).not.toMatch(/Period before: (0|–) items/);
  });

  it('Delivery: the same under each of the four keys', () => {
    renderWith(<DoraTiles report={DeliveryReport.parse(computeDeliveryReport(ctx(), THRESHOLDS))} />);
    expect(screen.getAllByText(/^Period before: no data before Feb 1, 2025$/)).toHaveLength(4);
  });

  it('a comparison window that holds data keeps its figures', () => {
    const flow = FlowReport.parse(computeFlowReport(contextOf(auditPortfolio, { window: W, compare: 'previous' })));
    renderWith(<FlowFigureTiles report={flow} />);
    expect(screen.getByTestId('figure-wip').textContent).not.toContain('no data before');
  });
});
