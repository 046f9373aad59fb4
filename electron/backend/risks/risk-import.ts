import type { Database } from 'better-sqlite3';
import type { RiskRecord } from '../../../shared/import/import-records';
import type { RiskLinks } from '../../../shared/risks/risk-schema';
import { saveRisk } from './risk-queries';

// The risks template's rows, written inside the import's transaction after teams and items: a key
// already stored updates that risk (a new status goes into its history, noted as imported), a new
// key creates one. Lists left out of the file keep the links a risk has.

export function writeRiskRecords(db: Database, records: readonly RiskRecord[], nowMs: number): void {
  for (const r of records) {
    const links: Partial<RiskLinks> = {};
    if (r.items !== null) links.items = r.items;
    if (r.dependencies !== null) links.dependencies = r.dependencies;
    if (r.objectives !== null) links.objectives = r.objectives;
    saveRisk(
      db,
      {
        key: r.key,
        title: r.title,
        description: r.description,
        ownerTeamKey: r.ownerTeamKey,
        ownerPerson: r.ownerPerson,
        scope: r.scope,
        status: r.status,
        links,
        who: null,
        note: `imported from ${r.file ?? 'a file'}${r.line === null ? '' : `, line ${r.line}`}`,
      },
      nowMs,
    );
  }
}
