// The import formats' and Interlock templates' names, labels and write order, apart from their
// schemas (import-formats.ts): the Import page and the importers read these without loading zod.

/** Every source format Interlock reads; 'auto' asks the importer to tell it from the headers. */
export const IMPORT_FORMATS = [
  'interlock',
  'jira-csv',
  'jira-json',
  'ado-csv',
  'ado-revisions',
  'ado-links',
  'stages-csv',
  'deployments-csv',
  'incidents-csv',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type ImportFormatChoice = 'auto' | ImportFormat;

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  interlock: 'Interlock template (CSV per entity, or JSON bundle)',
  'jira-csv': 'Jira CSV export',
  'jira-json': 'Jira JSON (REST search with expand=changelog)',
  'ado-csv': 'Azure DevOps query CSV',
  'ado-revisions': 'Azure DevOps revisions CSV',
  'ado-links': 'Azure DevOps links CSV (dependencies)',
  'stages-csv': 'Stage-date CSV (ActionableAgile, Nave)',
  'deployments-csv': 'Deployments CSV',
  'incidents-csv': 'Incidents CSV',
};

/**
 * The Interlock CSV templates, one per entity; the JSON bundle holds all of them. The planning ones
 * (increments … plan) and risks come last: they refer to teams and items.
 */
export const INTERLOCK_ENTITIES = [
  'teams',
  'objectives',
  'items',
  'transitions',
  'dependencies',
  'deployments',
  'incidents',
  'increments',
  'iterations',
  'capacity',
  'milestones',
  'plan',
  'risks',
] as const;
export type InterlockEntity = (typeof INTERLOCK_ENTITIES)[number];

/**
 * Order in which files of one import are written: what others refer to first (teams before the
 * items on them, items before their status history).
 */
export function writeOrder(format: ImportFormat, entity: InterlockEntity | null): number {
  if (format === 'interlock' && entity) return INTERLOCK_ENTITIES.indexOf(entity);
  switch (format) {
    case 'ado-revisions':
      return 3.5;
    case 'ado-links':
      return 4.5;
    case 'deployments-csv':
      return 5;
    case 'incidents-csv':
      return 6;
    default:
      return 2.5;
  }
}
