import type { z } from 'zod';
import { Dependency, Deployment, Incident, Objective, StatusTransition, Team, WorkItem } from '../../domain/entities';
import { toEpochMs, toEpochMsOrNull } from '../../domain/time';
import { SourceError } from '../import-issues';
import { INTERLOCK_ENTITIES } from '../format-names';
import { fromWorkItem, type PlanningRecord, type PlanningRow } from '../import-records';
import { PLAN_BUNDLE_SECTIONS } from '../../planning/plan-bundle';
import { BundleRisk } from '../../risks/risk-schema';
import { isObject, type JsonMapperContext } from './json-format';
import { plainIssueMessages } from '../../domain/plain-issue-messages';

/** True when a JSON value looks like an Interlock bundle: an object with at least one entity array and no Jira "issues". */
export function isInterlockBundle(value: unknown): boolean {
  return isObject(value) && !('issues' in value) && INTERLOCK_ENTITIES.some((e) => Array.isArray(value[e]));
}

/**
 * The Interlock JSON bundle: the Portfolio shape (the same as the demo), every entity optional.
 * Each element is checked with the domain's zod schema; a bad element is rejected with its path.
 */
export function mapInterlockBundle(value: unknown, ctx: JsonMapperContext): void {
  if (!isInterlockBundle(value)) {
    throw new SourceError('wrong-shape', 'This JSON is not an Interlock bundle: expected an object with arrays named teams, items, transitions, dependencies, deployments, incidents, objectives or the planning ones (increments, iterations, capacity, milestones, plan), or risks.');
  }
  const bundle = value as Record<string, unknown>;
  const { sink } = ctx;
  function each<S extends z.ZodType>(entity: string, schema: S, use: (record: z.output<S>, index: number) => void): void {
    const list = bundle[entity];
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      ctx.issues.error(ctx.file, null, entity, null, 'wrong-shape', `"${entity}" must be an array.`, entity);
      return;
    }
    list.forEach((element, index) => {
      const parsed = schema.safeParse(element, { error: plainIssueMessages });
      if (parsed.success) {
        use(parsed.data, index);
        return;
      }
      const first = parsed.error.issues[0]!;
      const path = [entity, index, ...first.path].map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
      let shown: unknown = element;
      for (const p of first.path) shown = isObject(shown) || Array.isArray(shown) ? (shown as Record<string, unknown>)[p as string] : undefined;
      ctx.issues.error(ctx.file, null, path, shown === undefined ? null : typeof shown === 'string' ? shown : JSON.stringify(shown), 'invalid-value', first.message, `${entity}[${index}]`);
      // As in a CSV: an item with a change that cannot be read keeps the history it has.
      if (entity === 'transitions' && isObject(element) && typeof element.itemKey === 'string' && element.itemKey.trim() !== '') sink.historyUnread?.(element.itemKey.trim(), null);
    });
  }
  each('teams', Team, (t, index) => sink.team({ ...t, line: null, path: `teams[${index}]` }));
  each('objectives', Objective, (o, index) => sink.objective({ ...o, line: null, path: `objectives[${index}]` }));
  each('items', WorkItem, (i, index) => {
    ctx.statuses.declare(i.status, i.statusCategory);
    sink.item({ ...fromWorkItem(i), path: `items[${index}]` });
  });
  each('transitions', StatusTransition, (t) => sink.transition({ ...t, at: toEpochMs(t.at), line: null }));
  each('dependencies', Dependency, (d, index) =>
    sink.dependency({ ...d, createdAt: toEpochMs(d.createdAt), neededBy: toEpochMsOrNull(d.neededBy), resolvedAt: toEpochMsOrNull(d.resolvedAt), line: null, path: `dependencies[${index}]` }),
  );
  each('deployments', Deployment, (d, index) => sink.deployment({ ...d, at: toEpochMs(d.at), changeAt: toEpochMsOrNull(d.changeAt), line: null, path: `deployments[${index}]` }));
  each('incidents', Incident, (i, index) => sink.incident({ ...i, openedAt: toEpochMs(i.openedAt), resolvedAt: toEpochMsOrNull(i.resolvedAt), line: null, path: `incidents[${index}]` }));
  for (const [section, [schema, toRecord]] of Object.entries(PLAN_BUNDLE_SECTIONS)) {
    each(section, schema as z.ZodType, (r, index) => sink.planning({ ...(toRecord as (r: unknown) => PlanningRow)(r), line: null, path: `${section}[${index}]` } as PlanningRecord));
  }
  each('risks', BundleRisk, ({ ownerTeam, owner, ...r }, index) => sink.risk({ ...r, ownerTeamKey: ownerTeam, ownerPerson: owner, line: null, path: `risks[${index}]` }));
}
