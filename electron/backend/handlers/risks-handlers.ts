import type { Database } from 'better-sqlite3';
import type { risksChannels } from '../../../shared/contract/risks-channels';
import { AppError } from '../../../shared/contract/result';
import type { RiskScope } from '../../../shared/risks/risk-schema';
import * as risks from '../risks/risk-queries';
import { raiseDependencyRisk } from '../risks/raise-risk';
import { coordinationGroups, roomScopes } from '../risks/room-scopes';
import { withoutDataChange } from '../store/workspace-memory';
import type { HandlerMap } from './handler-types';

/** One edit, one transaction; risks are read by no cache, so the loaded metrics and advice stay. */
function edit<T>(db: Database, write: () => T): T {
  return withoutDataChange(db, () => db.transaction(write)());
}

function requireTeam(db: Database, key: string, what: string): void {
  if (db.prepare('SELECT 1 FROM teams WHERE key = ?').get(key) === undefined) throw new AppError('invalid-input', `${what}: there is no team "${key}" in this workspace.`);
}

/**
 * A team must exist and a group must be one the advisor forms now; a risk may keep the group it was
 * filed under after the advisor stopped forming it. Increments are names (one may be planned later).
 */
function checkScope(db: Database, scope: RiskScope, storedKey: string | undefined): void {
  if (scope.kind === 'team') requireTeam(db, scope.key, 'Scope');
  if (scope.kind !== 'group') return;
  if (storedKey !== undefined) {
    const stored = db.prepare('SELECT scope_kind, scope_key FROM risks WHERE key = ?').get(storedKey) as { scope_kind: string; scope_key: string } | undefined;
    if (stored?.scope_kind === 'group' && stored.scope_key === scope.key) return;
  }
  const groups = coordinationGroups(db);
  if (!groups.some((g) => g.key === scope.key)) {
    throw new AppError(
      'invalid-input',
      groups.length === 0
        ? `Scope: there is no coordination group "${scope.key}": the advisor forms no groups of coupled teams in this workspace yet.`
        : `Scope: there is no coordination group "${scope.key}" now. The groups are: ${groups.map((g) => `${g.key} (${g.name})`).join(', ')}.`,
    );
  }
}

export const risksHandlers: HandlerMap<typeof risksChannels> = {
  'risks.board': (_input, { session }) => {
    const { db } = session.require();
    return { ...roomScopes(db), risks: risks.listRisks(db) };
  },

  'risks.save': (input, { session }) => {
    const { db } = session.require();
    checkScope(db, input.scope, input.key);
    if (input.ownerTeamKey !== null) requireTeam(db, input.ownerTeamKey, 'Owner');
    if (input.key !== undefined && !db.prepare('SELECT 1 FROM risks WHERE key = ?').get(input.key)) throw new AppError('not-found', `There is no risk "${input.key}" in this workspace.`);
    const key = edit(db, () => risks.saveRisk(db, { ...input, links: risks.linksAsStored(db, input.links) }, Date.now()));
    return risks.riskByKey(db, key);
  },

  'risks.move': (input, { session }) => {
    const { db } = session.require();
    edit(db, () => risks.moveRisk(db, input, Date.now()));
    return risks.riskByKey(db, input.key);
  },

  'risks.delete': ({ key }, { session }) => {
    const { db } = session.require();
    return { deleted: edit(db, () => risks.deleteRisk(db, key)) };
  },

  'risks.fromDependency': ({ dependencyKey, who }, { session }) => {
    const { db } = session.require();
    const { key, created } = edit(db, () => raiseDependencyRisk(db, dependencyKey, who, Date.now()));
    return { risk: risks.riskByKey(db, key), created };
  },
};
