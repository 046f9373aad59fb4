import { ITEM_TYPES, OBJECTIVE_LEVELS, type ItemType, type ObjectiveLevel } from '../../domain/vocabulary';
import { splitList, type FieldSpec } from '../columns';
import type { InterlockEntity } from '../import-formats';
import { categoryFromSourceName } from '../status-rules';
import type { CsvFormat, CsvMapper, CsvMapperContext } from './csv-format';
import { DEPLOYMENT_FIELDS, INCIDENT_FIELDS, deploymentsCsvFormat, incidentsCsvFormat } from './operations-csv';

const f = (field: string, header: string, required = false, more: string[] = []): FieldSpec => ({
  field,
  label: header,
  aliases: [header, header.replaceAll('_', ' '), header.replaceAll('_', ''), ...more],
  required,
});

/** The Interlock CSV templates' columns, per entity (docs/IMPORT.md shows an example of each). */
export const INTERLOCK_FIELDS: Record<InterlockEntity, FieldSpec[]> = {
  teams: [f('key', 'key', true), f('name', 'name'), f('valueStream', 'value_stream')],
  objectives: [f('key', 'key', true), f('title', 'title', true), f('level', 'level', true), f('parent', 'parent'), f('teams', 'teams')],
  items: [
    f('key', 'key', true),
    f('title', 'title'),
    f('type', 'type', true),
    f('team', 'team'),
    f('status', 'status', true),
    f('statusCategory', 'status_category'),
    f('created', 'created_at', true),
    f('firstActive', 'first_active_at'),
    f('done', 'done_at'),
    f('parent', 'parent'),
    f('objectives', 'objectives'),
  ],
  transitions: [f('item', 'item', true), f('from', 'from_status'), f('to', 'to_status', true), f('at', 'at', true)],
  dependencies: [
    f('key', 'key', true),
    f('fromItem', 'from_item'),
    f('fromTeam', 'from_team'),
    f('toItem', 'to_item'),
    f('toTeam', 'to_team'),
    f('kind', 'kind'),
    f('interface', 'interface'),
    f('created', 'created_at', true),
    f('neededBy', 'needed_by'),
    f('resolved', 'resolved_at'),
  ],
  deployments: DEPLOYMENT_FIELDS,
  incidents: INCIDENT_FIELDS,
};

/** Header sets that identify each template (checked most specific first). */
export const INTERLOCK_SIGNATURES: [InterlockEntity, string[]][] = [
  ['items', ['key', 'type', 'status', 'created_at']],
  ['transitions', ['item', 'to_status', 'at']],
  ['dependencies', ['key', 'created_at', 'kind']],
  ['deployments', ['key', 'at', 'succeeded']],
  ['incidents', ['key', 'opened_at']],
  ['objectives', ['key', 'title', 'level']],
  ['teams', ['key', 'name']],
];

function enumValue<T extends string>(ctx: CsvMapperContext, field: string, allowed: readonly T[]): T {
  const value = ctx.reader.required(field);
  const lower = value.toLowerCase() as T;
  if (!allowed.includes(lower)) ctx.reader.reject(field, value, 'invalid-value', `"${value}" is not one of ${allowed.join(', ')}.`);
  return lower;
}

const MAPPERS: Record<InterlockEntity, (ctx: CsvMapperContext) => CsvMapper> = {
  teams: (ctx) => ({
    row() {
      const r = ctx.reader;
      const key = r.key('key');
      ctx.sink.team({ key, name: (r.text('name') ?? key).slice(0, 500), valueStream: r.text('valueStream')?.slice(0, 500) ?? null, line: r.line });
    },
    finish() {},
  }),
  objectives: (ctx) => ({
    row() {
      const r = ctx.reader;
      ctx.sink.objective({
        key: r.key('key'),
        title: r.required('title').slice(0, 500),
        level: enumValue<ObjectiveLevel>(ctx, 'level', OBJECTIVE_LEVELS),
        parentKey: r.optionalKey('parent'),
        teamKeys: splitList(r.text('teams')),
        line: r.line,
      });
    },
    finish() {},
  }),
  items: (ctx) => ({
    row() {
      const r = ctx.reader;
      const key = r.key('key');
      const status = r.required('status');
      const category = r.text('statusCategory');
      if (category !== null) {
        const named =
          categoryFromSourceName(category) ??
          r.reject('statusCategory', category, 'invalid-value', `"${category}" is not a status category (todo, active, waiting, done, cancelled).`);
        ctx.statuses.declare(status, named);
      }
      ctx.sink.item({
        key,
        title: r.text('title') ?? '',
        type: enumValue<ItemType>(ctx, 'type', ITEM_TYPES),
        teamKey: r.optionalKey('team'),
        status,
        createdAt: r.requiredDate('created'),
        firstActiveAt: r.date('firstActive'),
        doneAt: r.date('done'),
        parentKey: r.optionalKey('parent'),
        objectiveKeys: r.has('objectives') ? splitList(r.text('objectives')) : null,
        line: r.line,
      });
    },
    finish() {},
  }),
  transitions: (ctx) => {
    const r = ctx.reader;
    return {
      row() {
        ctx.sink.transition({ itemKey: r.key('item'), fromStatus: r.text('from'), toStatus: r.required('to'), at: r.requiredDate('at'), line: r.line });
      },
      finish() {},
    };
  },
  dependencies: (ctx) => ({
    row() {
      const r = ctx.reader;
      const key = r.key('key');
      const fromItemKey = r.optionalKey('fromItem');
      const fromTeamKey = r.optionalKey('fromTeam');
      const toItemKey = r.optionalKey('toItem');
      const toTeamKey = r.optionalKey('toTeam');
      if (fromItemKey === null && fromTeamKey === null) r.reject(null, null, 'missing-value', 'A dependency needs from_item or from_team (who waits).');
      if (toItemKey === null && toTeamKey === null) r.reject(null, null, 'missing-value', 'A dependency needs to_item or to_team (who is waited on).');
      ctx.sink.dependency({
        key,
        fromItemKey,
        fromTeamKey,
        toItemKey,
        toTeamKey,
        kind: r.text('kind')?.slice(0, 500) ?? 'blocks',
        interfaceName: r.text('interface')?.slice(0, 500) ?? null,
        createdAt: r.requiredDate('created'),
        neededBy: r.date('neededBy'),
        resolvedAt: r.date('resolved'),
        line: r.line,
      });
    },
    finish() {},
  }),
  deployments: (ctx) => deploymentsCsvFormat.create(ctx),
  incidents: (ctx) => incidentsCsvFormat.create(ctx),
};

export function interlockCsvFormat(entity: InterlockEntity): CsvFormat {
  return { format: 'interlock', entity, fields: () => INTERLOCK_FIELDS[entity], create: MAPPERS[entity] };
}
