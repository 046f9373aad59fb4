// What the board is computed from: the stored plan of one increment as plain values (instants are
// epoch milliseconds, iteration ends exclusive). The backend reads it; everything below is pure.

export type CapacityUnit = 'items' | 'points';

export interface PlanIncrement {
  id: number;
  name: string;
  start: number;
  /** Exclusive: the midnight after the last day. */
  end: number;
  capacityUnit: CapacityUnit;
}

export interface PlanIteration {
  id: number;
  name: string;
  start: number;
  end: number;
  /** Null for the increment's shared cadence (the board's columns); a team key for that team's own sprints. */
  teamKey: string | null;
}

export interface PlanTeam {
  key: string;
  name: string;
  valueStream: string | null;
  /** The coordination group the advisor puts it in, when known. */
  group: string | null;
}

export interface PlannedWork {
  itemKey: string;
  title: string;
  type: string;
  teamKey: string;
  iterationId: number;
  rank: number;
  /** The planned size: the planner's, else the tracker's; null when neither is known. */
  size: number | null;
  doneAt: number | null;
}

export interface PlanDependency {
  key: string;
  /** The item that waits (the dependency's "from"). */
  consumerKey: string;
  /**
   * The item it waits on (the dependency's "to"); null when the dependency names only the
   * provider's team ("CHK-26 needs something from Pricing", before Pricing has an item for it):
   * then `providerTeamKey` is that team.
   */
  providerKey: string | null;
  consumerTeamKey: string | null;
  providerTeamKey: string | null;
  createdAt: number;
  neededBy: number | null;
  resolvedAt: number | null;
  /** Where the provider is planned when not in this increment (another increment's iteration): judged by its dates too. */
  providerElsewhere?: { increment: string; iteration: string; start: number; end: number };
}

export interface PlanObjective {
  key: string;
  title: string;
  level: 'portfolio' | 'program' | 'team';
  teamKeys: string[];
  businessValue: number | null;
  actualValue: number | null;
  committed: boolean;
  parentKey: string | null;
  itemKeys: string[];
  /** Of `itemKeys`, those planned in the increment, when the reader says (it must when `planned` is only part of the plan). */
  plannedItemKeys?: string[];
}

export interface PlanMilestone {
  id: number;
  name: string;
  at: number;
  teamKey: string | null;
}

export interface PlanData {
  increment: PlanIncrement;
  iterations: PlanIteration[];
  teams: PlanTeam[];
  planned: PlannedWork[];
  /** Dependencies whose waiting item is planned in this increment, and that name a provider item or team. */
  dependencies: PlanDependency[];
  /** Done dates of providers that are not planned here (a provider already delivered is no risk). */
  providerDoneAt: Record<string, number>;
  /** Providers that are not planned here but exist in the workspace, with their team. */
  providerTeams: Record<string, string | null>;
  /** Providers whose item was cancelled: not done, and never coming. */
  cancelledProviders: string[];
  capacity: { teamKey: string; iterationId: number; amount: number }[];
  milestones: PlanMilestone[];
  objectives: PlanObjective[];
  /**
   * The teams on the board, when `planned` and `capacity` hold only part of the plan (what a move
   * changed: see board-patch.ts); otherwise those with planned work, capacity or sprints of their own.
   */
  boardTeams?: string[];
}
