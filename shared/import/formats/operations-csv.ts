import { readBoolean, splitList, type FieldSpec } from '../columns';
import type { CsvFormat, CsvMapperContext } from './csv-format';
import { TEAM_ALIASES } from './csv-format';

const SERVICE_ALIASES = ['service', 'application', 'app', 'component', 'system', 'repository', 'repo'];

export const DEPLOYMENT_FIELDS: FieldSpec[] = [
  { field: 'key', label: 'Key', aliases: ['key', 'id', 'deployment id', 'deployment'] },
  { field: 'team', label: 'Team', aliases: TEAM_ALIASES },
  { field: 'service', label: 'Service', aliases: SERVICE_ALIASES },
  { field: 'at', label: 'Deployed at', aliases: ['at', 'deployed at', 'deployed_at', 'finished at', 'finished_at', 'time', 'timestamp', 'date', 'finished', 'deployment time'], required: true },
  { field: 'succeeded', label: 'Result', aliases: ['succeeded', 'result', 'outcome', 'success', 'status', 'state'] },
  { field: 'changeAt', label: 'Change at', aliases: ['change_at', 'change at', 'commit time', 'committed at', 'first commit', 'first commit at', 'merged at'] },
  { field: 'release', label: 'Release', aliases: ['release', 'version', 'train'] },
  { field: 'items', label: 'Items', aliases: ['items', 'item keys', 'issues', 'work items'] },
];

export const INCIDENT_FIELDS: FieldSpec[] = [
  { field: 'key', label: 'Key', aliases: ['key', 'id', 'incident', 'incident id', 'number'] },
  { field: 'team', label: 'Team', aliases: TEAM_ALIASES },
  { field: 'service', label: 'Service', aliases: SERVICE_ALIASES },
  { field: 'opened', label: 'Opened at', aliases: ['opened_at', 'opened at', 'opened', 'created', 'created at', 'start', 'started', 'started at', 'detected at', 'reported'], required: true },
  { field: 'resolved', label: 'Resolved at', aliases: ['resolved_at', 'resolved at', 'resolved', 'closed', 'closed at', 'end', 'ended', 'restored', 'restored at', 'mitigated at'] },
  { field: 'causedBy', label: 'Caused by deployment', aliases: ['caused_by_deployment', 'caused by deployment', 'caused by', 'deployment'] },
];

function ownerOf(ctx: CsvMapperContext, what: string): { teamKey: string | null; service: string | null } {
  const r = ctx.reader;
  const teamKey = r.optionalKey('team');
  const service = r.text('service');
  if (teamKey === null && service === null) r.reject(null, null, 'missing-value', `A ${what} needs a team or a service; both cells are empty.`);
  return { teamKey, service: service === null ? null : service.slice(0, 500) };
}

/**
 * A key for a record the file gives none: its owner and instant, so a re-import finds it again. Two
 * of one team at one instant with other services (checkout-web and checkout-api deployed together)
 * are two records: the second and later get their service too (the first keeps the key it always
 * had, so workspaces imported before find theirs).
 */
function derivedKeys() {
  const services = new Map<string, string | null>();
  return (teamKey: string | null, service: string | null, at: number): string => {
    const base = `${teamKey ?? service}@${new Date(at).toISOString()}`;
    const first = services.get(base);
    if (first === undefined) {
      services.set(base, service);
      return base.slice(0, 200);
    }
    return teamKey === null || service === null || service === first ? base.slice(0, 200) : `${base}/${service}`.slice(0, 200);
  };
}

function createDeploymentsMapper(ctx: CsvMapperContext) {
  const r = ctx.reader;
  const keyOf = derivedKeys();
  // A file without a result column records successful deployments; a blank cell in one that has
  // it is often a deployment still running or whose end nobody wrote down.
  const hasResult = r.has('succeeded');
  return {
    row() {
      const { teamKey, service } = ownerOf(ctx, 'deployment');
      const at = r.requiredDate('at');
      const result = r.text('succeeded');
      let succeeded = true;
      if (result !== null) {
        succeeded = readBoolean(result) ?? r.reject('succeeded', result, 'invalid-value', `"${result}" is not a deployment result (success/failed, true/false).`);
      } else if (hasResult) {
        ctx.issues.warn(
          ctx.file,
          r.line,
          r.headerOf('succeeded'),
          null,
          'result-blank',
          'The result is blank: counted as succeeded, in deployment frequency and among the deployments of the change failure rate, which assumes so. If it failed or was still running, write its result (success or failed) and import again.',
        );
      }
      const key = r.optionalKey('key') ?? keyOf(teamKey, service, at);
      ctx.sink.deployment({
        key,
        teamKey,
        service,
        at,
        succeeded,
        changeAt: r.date('changeAt'),
        release: r.text('release')?.slice(0, 500) ?? null,
        itemKeys: splitList(r.text('items')),
        line: r.line,
      });
    },
    finish() {},
  };
}

function createIncidentsMapper(ctx: CsvMapperContext) {
  const r = ctx.reader;
  const keyOf = derivedKeys();
  return {
    row() {
      const { teamKey, service } = ownerOf(ctx, 'incident');
      const openedAt = r.requiredDate('opened');
      const resolvedAt = r.date('resolved');
      if (resolvedAt !== null && resolvedAt < openedAt) {
        r.reject('resolved', r.text('resolved'), 'invalid-value', 'An incident cannot be resolved before it was opened.');
      }
      const key = r.optionalKey('key') ?? keyOf(teamKey, service, openedAt);
      ctx.sink.incident({ key, teamKey, service, openedAt, resolvedAt, causedByDeploymentKey: r.optionalKey('causedBy'), line: r.line });
    },
    finish() {},
  };
}

export const deploymentsCsvFormat: CsvFormat = { format: 'deployments-csv', fields: () => DEPLOYMENT_FIELDS, create: createDeploymentsMapper };
export const incidentsCsvFormat: CsvFormat = { format: 'incidents-csv', fields: () => INCIDENT_FIELDS, create: createIncidentsMapper };
