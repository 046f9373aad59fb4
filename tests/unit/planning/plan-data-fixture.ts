import type { PlanData } from '../../../shared/planning/plan-data';

/** What every hand-made plan states; the rest of PlanData may be given too. */
export type PlanDataGiven = Pick<PlanData, 'increment' | 'iterations' | 'teams' | 'planned'> & Partial<PlanData>;

/**
 * A plan of the increment, iterations, teams and planned work given, with no dependencies, providers
 * known elsewhere, capacity, milestones or objectives unless given. A new object, with new empty
 * lists and maps, on every call: a test may change what it gets without touching another's plan.
 */
export function planData(given: PlanDataGiven): PlanData {
  const { increment, iterations, teams, planned, ...rest } = given;
  return {
    increment,
    iterations,
    teams,
    planned,
    dependencies: [],
    providerDoneAt: {},
    providerTeams: {},
    cancelledProviders: [],
    capacity: [],
    milestones: [],
    objectives: [],
    ...rest,
  };
}
