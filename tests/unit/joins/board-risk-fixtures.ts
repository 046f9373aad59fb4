import type { BoardRisk } from '../../../shared/joins/board-risks';
import type { Board } from '../../../shared/planning/board-schema';
import type { PlanData } from '../../../shared/planning/plan-data';
import { checkoutBoard, work } from '../renderer/checkout-board';

/** CHK-26 (Iteration 1) waits on PAY-2 (Iteration 2): a conflict, DEP-C. CHK-27 (Iteration 2) waits on PAY-1 (Iteration 1): in order, DEP-OK. OUT-1 is planned nowhere. */
export function conflictBoard(overrides: Partial<PlanData> = {}): Board {
  return checkoutBoard({
    planned: [work('CHK-26', 'checkout', 1, 1), work('CHK-27', 'checkout', 2, 1), work('PAY-1', 'pay', 1, 1), work('PAY-2', 'pay', 2, 1)],
    dependencies: [
      { key: 'DEP-C', consumerKey: 'CHK-26', providerKey: 'PAY-2', consumerTeamKey: 'checkout', providerTeamKey: 'pay', createdAt: 0, neededBy: null, resolvedAt: null },
      { key: 'DEP-OK', consumerKey: 'CHK-27', providerKey: 'PAY-1', consumerTeamKey: 'checkout', providerTeamKey: 'pay', createdAt: 0, neededBy: null, resolvedAt: null },
    ],
    ...overrides,
  });
}

/** A risk as the board reads it, titled after its key, nobody owning it unless told. */
export const boardRisk = (key: string, status: BoardRisk['status'], links: Partial<BoardRisk['links']>, extra: Partial<BoardRisk> = {}): BoardRisk => ({
  key,
  title: `Title of ${key}`,
  status,
  ownerTeamKey: null,
  ownerPerson: null,
  links: { items: [], dependencies: [], objectives: [], ...links },
  raisedFromDependency: null,
  ...extra,
});
