import type { CsvCell } from '../export/csv';
import type { Risk } from './risk-schema';

// Risks leave Interlock in the columns of the risks import template, so an exported board can be
// edited in a spreadsheet and imported again (the key updates the same risk). shared/export/csv.ts
// defuses cells a spreadsheet would run as formulas.

export const RISK_CSV_COLUMNS = ['key', 'title', 'description', 'status', 'owner_team', 'owner', 'scope', 'scope_key', 'items', 'dependencies', 'objectives'] as const;

const list = (keys: readonly string[]) => keys.join('; ');

/** The header and one row per risk, in the order given. */
export function riskCsvRows(risks: readonly Risk[]): CsvCell[][] {
  return [
    [...RISK_CSV_COLUMNS],
    ...risks.map((r) => [
      r.key,
      r.title,
      r.description,
      r.status,
      r.ownerTeamKey,
      r.ownerPerson,
      r.scope.kind,
      r.scope.key,
      list(r.links.items),
      list(r.links.dependencies),
      list(r.links.objectives),
    ]),
  ];
}
