import type { FieldSpec } from '../columns';
import { FALLBACK_ITEM_TYPE, itemTypeFor } from '../item-types';
import { flowDatesOf } from '../flow-dates';
import type { CsvFormat, CsvMapperContext } from './csv-format';
import { teamFromAreaPath } from './ado-csv';

const FIELDS: FieldSpec[] = [
  { field: 'key', label: 'WorkItemId', aliases: ['workitemid', 'work item id', 'id'], required: true },
  { field: 'revision', label: 'Revision', aliases: ['revision', 'rev'], required: true },
  { field: 'status', label: 'State', aliases: ['state'], required: true },
  { field: 'at', label: 'ChangedDate', aliases: ['changeddate', 'changed date', 'statechangedate', 'state change date'], required: true },
  { field: 'title', label: 'Title', aliases: ['title'] },
  { field: 'type', label: 'WorkItemType', aliases: ['workitemtype', 'work item type'] },
  { field: 'team', label: 'AreaPath', aliases: ['areapath', 'area path'] },
  { field: 'created', label: 'CreatedDate', aliases: ['createddate', 'created date'] },
];

interface Revisions {
  revisions: number[];
  states: string[];
  ats: number[];
  lines: number[];
  title: string | null;
  type: string | null;
  team: string | null;
  created: number | null;
}

/**
 * Azure DevOps revisions (Analytics WorkItemRevisions): one row per revision. Rows are gathered per
 * item and ordered by revision number (exports are not always sorted); a transition is a revision
 * whose State differs from the one before. When the file names titles and types, items missing
 * from the workspace are created from it too.
 */
function createAdoRevisionsMapper(ctx: CsvMapperContext) {
  const { reader: r, sink, issues, statuses, file } = ctx;
  const byItem = new Map<string, Revisions>();
  const interned = new Map<string, string>();
  const intern = (s: string) => {
    let v = interned.get(s);
    if (v === undefined) interned.set(s, (v = s));
    return v;
  };
  return {
    row() {
      const key = r.key('key');
      const revisionText = r.required('revision', 'a revision number');
      const revision = Number(revisionText);
      if (!Number.isInteger(revision) || revision < 0) r.reject('revision', revisionText, 'invalid-value', `Revision "${revisionText}" is not a whole number.`);
      const state = intern(r.required('status', 'a state'));
      const at = r.requiredDate('at');
      let entry = byItem.get(key);
      if (!entry) {
        entry = { revisions: [], states: [], ats: [], lines: [], title: null, type: null, team: null, created: null };
        byItem.set(key, entry);
      }
      entry.revisions.push(revision);
      entry.states.push(state);
      entry.ats.push(at);
      entry.lines.push(r.line);
      entry.title = r.text('title') ?? entry.title;
      entry.type = r.text('type') ?? entry.type;
      entry.team = r.text('team') ?? entry.team;
      entry.created = r.date('created') ?? entry.created;
    },
    finish() {
      for (const [key, e] of byItem) {
        const order = e.revisions.map((_, i) => i).sort((a, b) => e.revisions[a]! - e.revisions[b]! || e.ats[a]! - e.ats[b]!);
        const steps: { status: string; at: number; line: number }[] = [];
        for (const i of order) {
          const state = e.states[i]!;
          if (steps.length === 0 || steps[steps.length - 1]!.status !== state) steps.push({ status: state, at: e.ats[i]!, line: e.lines[i]! });
        }
        if (e.title !== null && e.type !== null && !ctx.knowsItem(key)) {
          let type = itemTypeFor(e.type);
          if (type === null) {
            issues.warn(file, steps[0]!.line, 'WorkItemType', e.type, 'unknown-type', `Work item type "${e.type}" is not one Interlock knows; ${key} is imported as a story.`);
            type = FALLBACK_ITEM_TYPE;
          }
          const dates = flowDatesOf(steps, (s) => statuses.categoryOf(s));
          sink.item({
            key,
            title: e.title,
            type,
            teamKey: e.team === null ? null : teamFromAreaPath(e.team).slice(0, 200),
            status: steps[steps.length - 1]!.status,
            createdAt: e.created ?? steps[0]!.at,
            firstActiveAt: dates.firstActiveAt,
            doneAt: dates.doneAt,
            parentKey: null,
            objectiveKeys: null,
            line: steps[0]!.line,
          });
        }
        let previous: string | null = null;
        for (const step of steps) {
          sink.transition({ itemKey: key, fromStatus: previous, toStatus: step.status, at: step.at, line: step.line });
          previous = step.status;
        }
      }
    },
  };
}

export const adoRevisionsFormat: CsvFormat = { format: 'ado-revisions', fields: () => FIELDS, create: createAdoRevisionsMapper };
