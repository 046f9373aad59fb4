import { FINISHED_CATEGORIES } from '../../domain/vocabulary';
import { normalizeHeader, type FieldSpec } from '../columns';
import { FALLBACK_ITEM_TYPE, itemTypeFor } from '../item-types';
import type { CsvFormat, CsvMapperContext } from './csv-format';
import { ADO_PLANNING_FIELDS, adoReleases, adoSprintAndSize } from './planning-fields';

const FIELDS: FieldSpec[] = [
  { field: 'key', label: 'ID', aliases: ['id'], required: true },
  { field: 'type', label: 'Work Item Type', aliases: ['work item type'] },
  { field: 'title', label: 'Title', aliases: ['title', 'title 1'] },
  { field: 'status', label: 'State', aliases: ['state'], required: true },
  { field: 'team', label: 'Area Path', aliases: ['area path', 'node name', 'team project'] },
  { field: 'created', label: 'Created Date', aliases: ['created date'], required: true },
  { field: 'activated', label: 'Activated Date', aliases: ['activated date'] },
  { field: 'closed', label: 'Closed Date', aliases: ['closed date'] },
  { field: 'resolved', label: 'Resolved Date', aliases: ['resolved date'] },
  { field: 'stateChanged', label: 'State Change Date', aliases: ['state change date'] },
  { field: 'parent', label: 'Parent', aliases: ['parent', 'parent id'] },
  ...ADO_PLANNING_FIELDS,
];

/** The team an Area Path means: its last segment ("Fabrikam\\Web\\Checkout" → "Checkout"). */
export function teamFromAreaPath(value: string): string {
  const parts = value.split('\\').map((p) => p.trim()).filter(Boolean);
  return parts[parts.length - 1] ?? value;
}

function createAdoCsvMapper(ctx: CsvMapperContext) {
  const { reader: r, sink, issues, statuses, file, plan } = ctx;
  // Tree queries export "Title 1", "Title 2"… one column per level: the item's title is the non-empty one.
  const titleColumns = plan.headers.flatMap((h, i) => (/^title( \d+)?$/.test(normalizeHeader(h)) ? [i] : []));
  return {
    row() {
      const key = r.key('key');
      const status = r.required('status', 'a state');
      const createdAt = r.requiredDate('created');
      const activated = r.date('activated');
      const closed = r.date('closed');
      const resolved = r.date('resolved');
      const changed = r.date('stateChanged');
      const typeName = r.text('type');
      let type = typeName ? itemTypeFor(typeName) : FALLBACK_ITEM_TYPE;
      if (type === null) {
        issues.warn(file, r.line, r.headerOf('type'), typeName, 'unknown-type', `Work item type "${typeName}" is not one Interlock knows; ${key} is imported as a story.`);
        type = FALLBACK_ITEM_TYPE;
      }
      let title = r.text('title');
      if (title === null) for (const c of titleColumns) title ||= r.cells[c]?.trim() || null;
      const team = r.text('team');
      const finished = FINISHED_CATEGORIES.includes(statuses.categoryOf(status));
      sink.item({
        key,
        title: title ?? '',
        type,
        teamKey: team === null ? null : teamFromAreaPath(team).slice(0, 200),
        status,
        createdAt,
        firstActiveAt: activated,
        doneAt: finished ? (closed ?? resolved ?? changed) : null,
        parentKey: r.optionalKey('parent'),
        objectiveKeys: null,
        ...adoSprintAndSize(r),
        releases: adoReleases(r, sink),
        line: r.line,
      });
    },
    finish() {},
  };
}

export const adoCsvFormat: CsvFormat = { format: 'ado-csv', fields: () => FIELDS, create: createAdoCsvMapper };
