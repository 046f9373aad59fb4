import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';
import { formatCalendarDate } from '../../../shared/domain/calendar-date';
import { displayKey } from '../../../shared/planning/local-keys';
import { riskFromDependency } from '../../../shared/risks/risk-from-dependency';
import { dependencyWithEnds, openRiskFromDependency, saveRisk } from './risk-queries';
import { coordinationGroups, currentIncrement } from './room-scopes';

/**
 * Raises an open dependency as a risk (inside the caller's transaction): the one already raised
 * from it and not resolved, else a new one filled from the dependency. Returns its key.
 */
export function raiseDependencyRisk(db: Database, dependencyKey: string, who: string | null, now: number): { key: string; created: boolean } {
  const dep = dependencyWithEnds(db, dependencyKey);
  if (dep.resolved_at !== null) {
    throw new AppError('invalid-input', `Dependency ${displayKey(dep.key)} was resolved on ${formatCalendarDate(dep.resolved_at)}: only open dependencies are raised as risks.`);
  }
  const already = openRiskFromDependency(db, dep.key);
  if (already) return { key: already, created: false };
  const groupOf = new Map(coordinationGroups(db).flatMap((g) => g.teamKeys.map((k) => [k, g.key] as const)));
  const raised = riskFromDependency(
    {
      key: dep.key,
      kind: dep.kind,
      interfaceName: dep.interface_name,
      neededBy: dep.needed_by === null ? null : formatCalendarDate(dep.needed_by),
      waiting: { teamKey: dep.from_team_key, teamName: dep.from_team_name, itemKey: dep.from_item_key, itemTitle: dep.from_item_title },
      providing: { teamKey: dep.to_team_key, teamName: dep.to_team_name, itemKey: dep.to_item_key, itemTitle: dep.to_item_title },
    },
    { groupOf: (k) => groupOf.get(k) ?? null, increment: currentIncrement(db), keyText: displayKey },
  );
  if (!raised) throw new AppError('invalid-input', `Dependency ${displayKey(dep.key)} names no team and the workspace has no increment: there is nowhere to file its risk.`);
  const key = saveRisk(db, { ...raised, ownerPerson: null, status: 'unroamed', who, raisedFromDependency: dep.key, note: `raised from dependency ${displayKey(dep.key)}` }, now);
  return { key, created: true };
}
