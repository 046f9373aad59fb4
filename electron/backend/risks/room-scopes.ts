import type { Database } from 'better-sqlite3';
import type { RoomScopes } from '../../../shared/contract/risks-channels';
import { AppError } from '../../../shared/contract/result';
import { adviseWorkspace } from '../coordination/coordination-service';
import { resolveIncrement } from '../planning/plan-queries';
import { dataDateRange } from '../store/queries/overview';
import { teamNames } from './risk-queries';

/** Groups of two or more coupled teams as the advisor forms them now; none when it cannot advise (too little data). */
export function coordinationGroups(db: Database): RoomScopes['groups'] {
  try {
    return adviseWorkspace(db)
      .report.groups.filter((g) => g.role === 'group')
      .map((g) => ({ key: g.id, name: g.name, teamKeys: g.teamKeys }));
  } catch (error) {
    if (error instanceof AppError) return [];
    throw error;
  }
}

export function currentIncrement(db: Database): string | null {
  try {
    return resolveIncrement(db, undefined, dataDateRange(db)?.to ?? null).name;
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/** What risks and votes are filed under: teams, coordination groups and increments. */
export function roomScopes(db: Database): RoomScopes {
  const increments = db.prepare('SELECT name FROM increments ORDER BY start_at DESC, name').pluck().all() as string[];
  return { teams: teamNames(db), groups: coordinationGroups(db), increments, currentIncrement: increments.length > 0 ? currentIncrement(db) : null };
}
