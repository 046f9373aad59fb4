import { formatCalendarDate } from '../../domain/calendar-date';
import { normalizeHeader, RowRejected, type FieldSpec } from '../columns';
import { flowDatesOf, inTimeOrder } from '../flow-dates';
import { FALLBACK_ITEM_TYPE, itemTypeFor } from '../item-types';
import { readSourceDate } from '../source-dates';
import type { CsvFormat, CsvMapperContext } from './csv-format';
import { TEAM_ALIASES } from './csv-format';

export const STAGE_ID_ALIASES = ['id', 'key', 'item', 'item id', 'work item id', 'issue', 'card id', 'ticket'];
const FIELDS: FieldSpec[] = [
  { field: 'key', label: 'ID', aliases: STAGE_ID_ALIASES, required: true },
  { field: 'title', label: 'Title', aliases: ['title', 'name', 'summary', 'description'] },
  { field: 'type', label: 'Type', aliases: ['type', 'work item type', 'issue type', 'item type', 'class of service'] },
  { field: 'team', label: 'Team', aliases: TEAM_ALIASES },
  { field: 'blocked', label: 'Blocked Date Range', aliases: ['blocked date range', 'blocked dates', 'blocked'] },
];

/** Columns of stage-date exports that are not workflow steps. */
const NOT_STAGES = new Set(['link', 'url', 'tags', 'labels', 'assignee', 'owner', 'blocked days', 'blocked time', 'priority', 'estimate', 'story points', 'parent', 'epic', 'status', 'state', 'current status', 'resolution', 'project', 'sprint', 'component', 'points', 'size', 'comments']);

/** The workflow steps of a stage-date CSV: every column that is not a known field, in file order. */
export function stageColumns(headers: readonly string[], used: ReadonlySet<number>): number[] {
  return headers.flatMap((h, i) => (used.has(i) || NOT_STAGES.has(normalizeHeader(h)) || normalizeHeader(h) === '' ? [] : [i]));
}

const RANGE = /\[\s*([^\]\-–]+?)\s*[-–]\s*([^\]]*?)\s*\]/g;

/**
 * ActionableAgile and Nave keep one date per workflow step (the day the item entered it). Each
 * dated step becomes a status change into the step named by its column; empty (skipped) steps
 * are left out. Nave's "Blocked Date Range" ([01/03/2024-05/03/2024]) adds time in "Blocked".
 */
function createStagesMapper(ctx: CsvMapperContext) {
  const { reader: r, sink, issues, statuses, file, plan } = ctx;
  const used = new Set([...plan.columns.values()].flat());
  const stages = stageColumns(plan.headers, used);
  const names = stages.map((c) => plan.headers[c]!.trim());
  // A column whose first value is no date is not a step (a Status or Notes column the header did
  // not tell apart): it is left out for the whole file, said once, instead of refusing every row.
  const decided = new Set<number>();
  const notSteps = new Set<number>();
  return {
    row() {
      const key = r.key('key');
      const steps: { status: string; at: number }[] = [];
      stages.forEach((column, s) => {
        const value = r.cells[column]?.trim();
        if (!value || notSteps.has(column)) return;
        if (!decided.has(column)) {
          decided.add(column);
          if (readSourceDate(value, r.dayOrder) === null && !/^\d/.test(value)) {
            notSteps.add(column);
            issues.warn(file, r.line, names[s]!, value, 'ignored-column', `${names[s]} holds "${value}", which is no date: it is not read as a workflow step.`);
            return;
          }
        }
        steps.push({ status: names[s]!, at: r.dateValue('key', value, names[s]) });
      });
      if (steps.length === 0) r.reject(null, null, 'missing-value', `${key} has no date in any workflow step (${names.filter((_, s) => !notSteps.has(stages[s]!)).join(', ')}).`);
      // The columns are the workflow in order: a later step dated before an earlier one is most
      // often a slip (or day and month swapped), and the item would end in the earlier step.
      const back = steps.findIndex((step, i) => i > 0 && step.at < steps[i - 1]!.at);
      if (back > 0) {
        const [before, after] = [steps[back - 1]!, steps[back]!];
        issues.warn(
          file,
          r.line,
          after.status,
          null,
          'steps-out-of-order',
          `${key} entered ${after.status} (${formatCalendarDate(after.at)}) before ${before.status} (${formatCalendarDate(before.at)}), which comes first in the columns; its steps are read in time order, so it ends in ${inTimeOrder(steps).at(-1)!.status}.`,
        );
      }
      const blocked = r.text('blocked');
      if (blocked) {
        for (const m of blocked.matchAll(RANGE)) {
          const start = readSourceDate(m[1]!, r.dayOrder);
          const end = m[2] ? readSourceDate(m[2], r.dayOrder) : null;
          if (start === null || (m[2] && end === null)) {
            issues.error(file, r.line, r.headerOf('blocked'), m[0], 'invalid-date', `"${m[0]}" is not a date range like [01/03/2024-05/03/2024].`);
            throw new RowRejected('bad range');
          }
          const before = inTimeOrder(steps).filter((st) => st.at <= start).pop();
          steps.push({ status: 'Blocked', at: start });
          if (end !== null && before) steps.push({ status: before.status, at: end });
        }
      }
      const ordered = inTimeOrder(steps);
      const typeName = r.text('type');
      let type = typeName ? itemTypeFor(typeName) : FALLBACK_ITEM_TYPE;
      if (type === null) {
        issues.warn(file, r.line, r.headerOf('type'), typeName, 'unknown-type', `Type "${typeName}" is not one Interlock knows; ${key} is imported as a story.`);
        type = FALLBACK_ITEM_TYPE;
      }
      const dates = flowDatesOf(ordered, (s) => statuses.categoryOf(s));
      sink.item({
        key,
        title: r.text('title') ?? '',
        type,
        teamKey: r.optionalKey('team'),
        status: ordered[ordered.length - 1]!.status,
        createdAt: ordered[0]!.at,
        firstActiveAt: dates.firstActiveAt,
        doneAt: dates.doneAt,
        parentKey: null,
        objectiveKeys: null,
        line: r.line,
      });
      let previous: string | null = null;
      for (const step of ordered) {
        if (step.status === previous) continue;
        sink.transition({ itemKey: key, fromStatus: previous, toStatus: step.status, at: step.at, line: r.line });
        previous = step.status;
      }
    },
    finish() {},
  };
}

export const stagesCsvFormat: CsvFormat = { format: 'stages-csv', fields: () => FIELDS, create: createStagesMapper };
