import { normalizeHeader } from './columns';
import { FORMAT_LABELS, type ImportFormat, type InterlockEntity } from './format-names';
import { readSourceDate } from './source-dates';
import { adoCsvFormat } from './formats/ado-csv';
import { adoLinksFormat } from './formats/ado-links';
import { adoRevisionsFormat } from './formats/ado-revisions';
import type { CsvFormat } from './formats/csv-format';
import { INTERLOCK_SIGNATURES, interlockCsvFormat } from './formats/interlock-csv';
import { isInterlockBundle } from './formats/interlock-bundle';
import { jiraCsvFormat } from './formats/jira-csv';
import { jiraIssuesOf } from './formats/jira-json';
import { deploymentsCsvFormat, incidentsCsvFormat } from './formats/operations-csv';
import { STAGE_ID_ALIASES, stagesCsvFormat } from './formats/stages-csv';
import { CSV_TEMPLATES } from './templates';

export interface Detection {
  format: ImportFormat | null;
  entity: InterlockEntity | null;
  /** False when the headers fit only loosely: the user should confirm the format and the columns. */
  confident: boolean;
  reason: string;
}

const CSV_FORMATS: Partial<Record<ImportFormat, CsvFormat>> = {
  'jira-csv': jiraCsvFormat,
  'ado-csv': adoCsvFormat,
  'ado-revisions': adoRevisionsFormat,
  'ado-links': adoLinksFormat,
  'stages-csv': stagesCsvFormat,
  'deployments-csv': deploymentsCsvFormat,
  'incidents-csv': incidentsCsvFormat,
};

/** The CSV reader of a format (for 'interlock', of one template entity); null for the JSON-only format. */
export function csvFormatFor(format: ImportFormat, entity: InterlockEntity | null): CsvFormat | null {
  if (format === 'interlock') return interlockCsvFormat(entity ?? 'items');
  return CSV_FORMATS[format] ?? null;
}

const any = (set: Set<string>, names: string[]) => names.some((n) => set.has(n));
/** A template's column `h` (e.g. created_at) as written, or spaced (created at), or run together (createdat). */
const hasColumn = (set: Set<string>, h: string) => any(set, [h, h.replaceAll('_', ' '), h.replaceAll('_', '')]);
const found = (format: ImportFormat, entity: InterlockEntity | null, confident: boolean, reason: string): Detection => ({ format, entity, confident, reason });

function looksLikeDates(values: string[]): boolean {
  const filled = values.filter((v) => v.trim() !== '');
  return filled.length > 0 && filled.every((v) => readSourceDate(v, 'dmy') !== null || readSourceDate(v, 'mdy') !== null);
}

/**
 * Tells a CSV's format from its header (and, for stage-date files, from sample rows: their step
 * columns hold dates). Checked from the most to the least specific signature.
 */
export function detectCsvFormat(headers: readonly string[], sampleRows: readonly (readonly string[])[], fileName = ''): Detection {
  const set = new Set(headers.map(normalizeHeader));
  const file = fileName.toLowerCase();
  if (set.has('issue key') && any(set, ['summary', 'issue type', 'status'])) return found('jira-csv', null, true, 'It has Jira’s “Issue key” and “Summary” columns.');
  if (any(set, ['workitemid', 'work item id']) && any(set, ['revision', 'rev']) && set.has('state')) {
    return found('ado-revisions', null, true, 'It has Azure DevOps’ WorkItemId, Revision and State columns.');
  }
  if (any(set, ['sourceworkitemid', 'source work item id']) && any(set, ['targetworkitemid', 'target work item id'])) {
    return found('ado-links', null, true, 'It has Azure DevOps’ SourceWorkItemId and TargetWorkItemId columns.');
  }
  if (set.has('id') && set.has('work item type') && any(set, ['title', 'title 1'])) return found('ado-csv', null, true, 'It has Azure DevOps’ ID, Work Item Type and Title columns.');
  for (const [entity, signature] of INTERLOCK_SIGNATURES) {
    if (signature.every((h) => hasColumn(set, h))) return found('interlock', entity, true, `It has the columns of Interlock’s ${entity} template.`);
  }
  const hasOwner = any(set, ['team', 'team key', 'team name', 'squad', 'service', 'application', 'app', 'component', 'system', 'repository', 'repo']);
  if (hasOwner && any(set, ['deployed at', 'deployed_at', 'deployment time', 'finished at', 'finished_at']) ) {
    return found('deployments-csv', null, true, 'It has a deployment time and a team or service.');
  }
  if (hasOwner && any(set, ['opened', 'opened at', 'opened_at', 'detected at']) && any(set, ['resolved', 'resolved at', 'resolved_at', 'closed', 'restored', 'restored at'])) {
    return found('incidents-csv', null, true, 'It has opened and resolved times and a team or service.');
  }
  if (hasOwner && file.includes('deploy') && any(set, ['time', 'timestamp', 'date', 'at'])) return found('deployments-csv', null, false, 'Its name says deployments and it has a time column.');
  if (hasOwner && file.includes('incident') && any(set, ['created', 'start', 'started'])) return found('incidents-csv', null, false, 'Its name says incidents and it has a start column.');
  const near = nearInterlockTemplate(set);
  if (near) return near;
  const first = normalizeHeader(headers[0] ?? '');
  if (STAGE_ID_ALIASES.includes(first) && headers.length >= 3) {
    const dateColumns = headers.filter((_, i) => i > 0 && looksLikeDates(sampleRows.map((r) => r[i] ?? ''))).length;
    if (dateColumns >= 2) return found('stages-csv', null, true, `Its first column is an id and ${dateColumns} columns hold dates, one per workflow step.`);
    return found('stages-csv', null, false, 'Its first column is an id; the other columns may be workflow steps.');
  }
  return { format: null, entity: null, confident: false, reason: `The headers (${headers.slice(0, 6).join(', ')}${headers.length > 6 ? ', …' : ''}) match none of the formats Interlock reads.` };
}

/** Each template's columns, as its first line names them. */
const TEMPLATE_COLUMNS = new Map(Object.entries(CSV_TEMPLATES).map(([entity, text]) => [entity as InterlockEntity, text.slice(0, text.indexOf('\n')).split(',')]));

/**
 * A file made from one of Interlock's templates but missing one of the columns that tell it
 * (`created_at`, `status`…): read as that template, so that the import says which column is
 * missing, instead of as a stage-date file whose "steps" are the template's columns (an items file
 * without `status` got the status "created_at"). Most of its columns must be the template's.
 */
function nearInterlockTemplate(set: Set<string>): Detection | null {
  let best: { entity: InterlockEntity; overlap: number; missing: string[] } | null = null;
  for (const [entity, signature] of INTERLOCK_SIGNATURES) {
    const overlap = TEMPLATE_COLUMNS.get(entity)!.filter((h) => hasColumn(set, h)).length;
    if (overlap < 3 || overlap < 0.6 * set.size || (best && overlap <= best.overlap)) continue;
    best = { entity, overlap, missing: signature.filter((h) => !hasColumn(set, h)) };
  }
  if (!best) return null;
  const { entity, missing } = best;
  return found('interlock', entity, false, `It has most of the columns of Interlock’s ${entity} template but not ${missing.join(' or ')}.`);
}

export function detectJsonFormat(value: unknown): Detection {
  if (isInterlockBundle(value)) return found('interlock', null, true, 'It is an Interlock bundle (teams, items, … arrays).');
  if (jiraIssuesOf(value)) return found('jira-json', null, true, 'It is a Jira search answer (issues with fields).');
  return { format: null, entity: null, confident: false, reason: 'The JSON is neither a Jira search answer ({"issues": […]}) nor an Interlock bundle.' };
}

export function describeDetection(d: Detection): string {
  if (!d.format) return d.reason;
  const label = d.entity ? `Interlock ${d.entity} template` : FORMAT_LABELS[d.format];
  return `${label}: ${d.reason}`;
}
