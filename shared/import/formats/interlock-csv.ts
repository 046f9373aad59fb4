import { ITEM_TYPES, OBJECTIVE_LEVELS, type ItemType, type ObjectiveLevel } from '../../domain/vocabulary';
import { readBoolean, RowRejected, splitList, type FieldSpec } from '../columns';
import { MS_PER_DAY } from '../../domain/time';
import type { PlanningRecord, PlanningRow, UnsaidItemField } from '../import-records';
import type { InterlockEntity } from '../format-names';
import { categoryFromSourceName } from '../status-rules';
import { readScopeKind } from '../../risks/risk-scope';
import { readRiskStatus } from '../../risks/roam';
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
  objectives: [
    f('key', 'key', true),
    f('title', 'title', true),
    f('level', 'level', true),
    f('parent', 'parent'),
    f('teams', 'teams'),
    f('increment', 'increment'),
    f('businessValue', 'business_value', false, ['bv']),
    f('actualValue', 'actual_value'),
    f('committed', 'committed'),
    f('items', 'items'),
  ],
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
  increments: [f('name', 'name', true), f('start', 'start', true), f('end', 'end', true), f('capacityUnit', 'capacity_unit')],
  iterations: [f('increment', 'increment', true), f('name', 'name', true), f('start', 'start', true), f('end', 'end', true), f('team', 'team')],
  capacity: [f('increment', 'increment', true), f('iteration', 'iteration', true), f('team', 'team', true), f('amount', 'amount', true)],
  milestones: [f('increment', 'increment', true), f('name', 'name', true), f('date', 'date', true), f('team', 'team')],
  plan: [f('increment', 'increment', true), f('iteration', 'iteration', true), f('team', 'team', true), f('item', 'item', true), f('size', 'size')],
  risks: [
    f('key', 'key', true),
    f('title', 'title', true),
    f('description', 'description'),
    f('status', 'status', false, ['roam', 'roam status']),
    f('ownerTeam', 'owner_team'),
    f('owner', 'owner', false, ['owner_person', 'owner person']),
    f('scope', 'scope', true),
    f('scopeKey', 'scope_key', true),
    f('items', 'items'),
    f('dependencies', 'dependencies'),
    f('objectives', 'objectives'),
  ],
};

/** Header sets that identify each template (checked most specific first). */
export const INTERLOCK_SIGNATURES: [InterlockEntity, string[]][] = [
  ['risks', ['key', 'title', 'scope', 'scope_key']],
  ['plan', ['increment', 'iteration', 'team', 'item']],
  ['capacity', ['increment', 'iteration', 'team', 'amount']],
  ['iterations', ['increment', 'name', 'start', 'end']],
  ['milestones', ['increment', 'name', 'date']],
  ['increments', ['name', 'start', 'end']],
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
      const increment = r.optionalKey('increment');
      const committed = r.text('committed');
      const pi =
        increment === null
          ? null
          : {
              increment,
              businessValue: r.number('businessValue', { min: 1, max: 10, integer: true }),
              actualValue: r.number('actualValue', { min: 0, max: 10 }),
              committed: committed === null ? true : (readBoolean(committed) ?? r.reject('committed', committed, 'invalid-value', `committed is "${committed}"; write yes or no.`)),
            };
      ctx.sink.objective({
        key: r.key('key'),
        title: r.required('title').slice(0, 500),
        level: enumValue<ObjectiveLevel>(ctx, 'level', OBJECTIVE_LEVELS),
        parentKey: r.optionalKey('parent'),
        teamKeys: splitList(r.text('teams')),
        ...(r.has('parent') && r.has('teams') ? {} : { unsaid: [...(r.has('parent') ? [] : ['parentKey' as const]), ...(r.has('teams') ? [] : ['teamKeys' as const])] }),
        pi,
        ...(r.has('items') ? { itemKeys: splitList(r.text('items')) } : {}),
        line: r.line,
      });
    },
    finish() {},
  }),
  items: (ctx) => {
    // Which optional columns the file lacks, once per file: their stored values stay.
    let unsaid: readonly UnsaidItemField[] | undefined;
    return {
    row() {
      const r = ctx.reader;
      unsaid ??= (
        [
          ['title', 'title'],
          ['team', 'teamKey'],
          ['firstActive', 'firstActiveAt'],
          ['done', 'doneAt'],
          ['parent', 'parentKey'],
        ] as const
      ).flatMap(([column, field]) => (r.has(column) ? [] : [field]));
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
        ...(unsaid.length > 0 ? { unsaid } : {}),
        line: r.line,
      });
    },
    finish() {},
    };
  },
  transitions: (ctx) => {
    const r = ctx.reader;
    return {
      row() {
        const itemKey = r.key('item');
        try {
          ctx.sink.transition({ itemKey, fromStatus: r.text('from'), toStatus: r.required('to'), at: r.requiredDate('at'), line: r.line });
        } catch (error) {
          // Replaced by the rows that could be read, the item's history would lose the change this
          // row holds (a done item back in progress): it keeps the history it has instead.
          if (error instanceof RowRejected) ctx.sink.historyUnread?.(itemKey, r.line);
          throw error;
        }
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
  increments: (ctx) => planningMapper(ctx, (r) => {
    const { start, end } = dayRange(r);
    // A column the file lacks says nothing: an increment the workspace holds keeps its unit (plan-import.ts).
    const unit = r.has('capacityUnit') ? (r.text('capacityUnit')?.toLowerCase() ?? 'items') : undefined;
    const capacityUnit = unit === undefined || unit === 'items' || unit === 'points' ? unit : r.reject('capacityUnit', unit, 'invalid-value', `capacity_unit is "${unit}"; write items or points.`);
    return { kind: 'increment', name: r.key('name'), start, end, capacityUnit };
  }),
  iterations: (ctx) => planningMapper(ctx, (r) => ({ kind: 'iteration', increment: r.key('increment'), name: r.key('name'), ...dayRange(r), teamKey: r.optionalKey('team') })),
  capacity: (ctx) => planningMapper(ctx, (r) => ({ kind: 'capacity', increment: r.key('increment'), iteration: r.key('iteration'), teamKey: r.key('team'), amount: r.number('amount', { min: 0, max: 100_000 })! })),
  milestones: (ctx) => planningMapper(ctx, (r) => ({ kind: 'milestone', increment: r.key('increment'), name: r.key('name'), at: r.requiredDate('date'), teamKey: r.optionalKey('team') })),
  plan: (ctx) =>
    planningMapper(ctx, (r) => ({ kind: 'planned', increment: r.key('increment'), iteration: r.key('iteration'), teamKey: r.key('team'), itemKey: r.key('item'), size: r.has('size') ? r.number('size', { min: 0 }) : undefined })),
  risks: (ctx) => ({
    row() {
      const r = ctx.reader;
      // A risk register is imported whole or not at all (risks-incomplete), so a row says every
      // problem it has at once: stopping at the first would cost the user one more try per problem.
      const problems: RowRejected[] = [];
      const read = <T>(field: () => T): T | undefined => {
        try {
          return field();
        } catch (error) {
          if (!(error instanceof RowRejected)) throw error;
          problems.push(error);
          return undefined;
        }
      };
      const key = read(() => r.key('key'));
      const title = read(() => r.required('title', 'a title'));
      const status = read(() => {
        const statusText = r.text('status');
        return readRiskStatus(statusText) ?? r.reject('status', statusText, 'invalid-value', `status is "${statusText}"; write one of unroamed, resolved, owned, accepted, mitigated (or R, O, A, M).`);
      });
      const kind = read(() => {
        const scopeText = r.required('scope', 'team, group or increment');
        return readScopeKind(scopeText) ?? r.reject('scope', scopeText, 'invalid-value', `scope is "${scopeText}"; write team, group or increment.`);
      });
      const scopeKey = read(() => r.key('scopeKey'));
      const ownerTeamKey = read(() => r.optionalKey('ownerTeam'));
      if (problems.length > 0) throw problems[0]!;
      const list = (field: string) => (r.has(field) ? splitList(r.text(field)).map((k) => k.slice(0, 200)) : null);
      ctx.sink.risk({
        key: key!,
        title: title!.slice(0, 300),
        description: (r.text('description') ?? '').slice(0, 5000),
        status: status!,
        ownerTeamKey: ownerTeamKey ?? null,
        ownerPerson: r.text('owner')?.slice(0, 200) ?? null,
        scope: { kind: kind!, key: scopeKey! },
        items: list('items'),
        dependencies: list('dependencies'),
        objectives: list('objectives'),
        line: r.line,
      });
    },
    finish() {},
  }),
};

type Reader = CsvMapperContext['reader'];

/** First and last day of a row (both included), as [start, end) instants. */
function dayRange(r: Reader): { start: number; end: number } {
  const start = r.requiredDate('start');
  const end = r.requiredDate('end');
  if (end < start) r.reject('end', null, 'invalid-value', 'The last day is before the first.');
  return { start, end: end + MS_PER_DAY };
}

function planningMapper(ctx: CsvMapperContext, read: (r: Reader) => PlanningRow): CsvMapper {
  return {
    row() {
      ctx.sink.planning({ ...read(ctx.reader), line: ctx.reader.line } as PlanningRecord);
    },
    finish() {},
  };
}

/**
 * Per template, the columns where people type names and prose ("Payments, Inc"), and the columns
 * read strictly, whose check would reject the end of a text cut off into them (see CsvFormat.freeText).
 */
const FREE_TEXT: Partial<Record<InterlockEntity, CsvFormat['freeText']>> = {
  teams: { free: ['name', 'valueStream'], strict: [] },
  objectives: { free: ['title'], strict: ['level', 'businessValue', 'actualValue', 'committed'] },
  items: { free: ['title'], strict: ['type', 'statusCategory', 'created', 'firstActive', 'done'] },
  dependencies: { free: ['interface'], strict: ['created', 'neededBy', 'resolved'] },
  deployments: { free: ['release'], strict: ['at', 'succeeded', 'changeAt'] },
  increments: { free: ['name'], strict: ['start', 'end', 'capacityUnit'] },
  iterations: { free: ['name'], strict: ['start', 'end'] },
  milestones: { free: ['name'], strict: ['date'] },
  risks: { free: ['title', 'description', 'owner'], strict: ['status', 'scope'] },
};

export function interlockCsvFormat(entity: InterlockEntity): CsvFormat {
  const freeText = FREE_TEXT[entity];
  return { format: 'interlock', entity, fields: () => INTERLOCK_FIELDS[entity], create: MAPPERS[entity], ...(freeText ? { freeText } : {}) };
}
