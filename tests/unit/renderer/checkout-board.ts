import type { Board } from '../../../shared/planning/board-schema';
import { buildBoard } from '../../../shared/planning/board';
import type { PlanData } from '../../../shared/planning/plan-data';
import { planData } from '../planning/plan-data-fixture';

// A small board for the Plan page's components: Checkout, Payments and Pricing over two two-week
// iterations from Monday 2026-01-05; CHK-26 and CHK-27 (Checkout, Iteration 2) and PAY-1
// (Payments, Iteration 1) planned; Pricing plans nothing. Each test brings its dependencies.

export const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const work = (itemKey: string, teamKey: string, iterationId: number, rank: number) => ({ itemKey, title: `Title ${itemKey}`, type: 'feature', teamKey, iterationId, rank, size: null, doneAt: null });

export function checkoutBoard(overrides: Partial<PlanData> = {}): Board {
  const plan = planData({
    increment: { id: 1, name: 'PI', start: day('2026-01-05'), end: day('2026-02-02'), capacityUnit: 'items' },
    iterations: [
      { id: 1, name: 'Iteration 1', start: day('2026-01-05'), end: day('2026-01-19'), teamKey: null },
      { id: 2, name: 'Iteration 2', start: day('2026-01-19'), end: day('2026-02-02'), teamKey: null },
    ],
    teams: [
      { key: 'checkout', name: 'Checkout', valueStream: null, group: 'G' },
      { key: 'pay', name: 'Payments', valueStream: null, group: 'G' },
      { key: 'pricing', name: 'Pricing', valueStream: null, group: 'G' },
    ],
    planned: [work('CHK-26', 'checkout', 2, 1), work('CHK-27', 'checkout', 2, 2), work('PAY-1', 'pay', 1, 1)],
    ...overrides,
  });
  return buildBoard(plan);
}

// A name for every team (the Plan page knows those of the board's rows; any other it calls by its key).
export const TEAM_NAMES: Record<string, string> = { checkout: 'Checkout', pay: 'Payments', pricing: 'Pricing' };
export const teamName = (key: string | null) => (key === null ? 'no team' : (TEAM_NAMES[key] ?? key));
