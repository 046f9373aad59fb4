import { FINISHED_CATEGORIES, IN_PROGRESS_CATEGORIES } from '../../domain/vocabulary';
import { RowRejected, type FieldSpec } from '../columns';
import type { ItemRecord } from '../import-records';
import { FALLBACK_ITEM_TYPE, itemTypeFor } from '../item-types';
import { categoryFromSourceName, isNotDeliveredResolution, refineSourceCategory } from '../status-rules';
import type { CsvFormat, CsvMapper, CsvMapperContext } from './csv-format';
import { linkDirection, type LinkSide } from './jira-links';
import { JiraLinkBook } from './jira-link-book';
import { JiraParentBook, warnParentMissing } from './jira-parent-book';
import { JIRA_PLANNING_FIELDS, jiraCsvReleases, jiraSprintAndSize } from './planning-fields';

const FIELDS: FieldSpec[] = [
  { field: 'key', label: 'Issue key', aliases: ['issue key'], required: true },
  { field: 'id', label: 'Issue id', aliases: ['issue id'] },
  { field: 'title', label: 'Summary', aliases: ['summary'] },
  { field: 'type', label: 'Issue Type', aliases: ['issue type'] },
  { field: 'status', label: 'Status', aliases: ['status'], required: true },
  { field: 'statusCategory', label: 'Status Category', aliases: ['status category'] },
  { field: 'resolution', label: 'Resolution', aliases: ['resolution'] },
  { field: 'created', label: 'Created', aliases: ['created'], required: true },
  { field: 'resolved', label: 'Resolved', aliases: ['resolved', 'resolution date'] },
  { field: 'statusCategoryChanged', label: 'Status Category Changed', aliases: ['status category changed'] },
  { field: 'team', label: 'Team', aliases: ['custom field (team)', 'team', 'custom field (team name)', 'component/s', 'components', 'project key'], fallback: true },
  { field: 'parent', label: 'Parent / Epic', aliases: ['parent key', 'parent', 'parent id', 'custom field (epic link)', 'epic link', 'custom field (parent link)'] },
  ...JIRA_PLANNING_FIELDS,
];

const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;
const LINK_HEADER = /^(inward|outward) issue link \((.+)\)$/i;

function createJiraCsvMapper(ctx: CsvMapperContext): CsvMapper {
  const { reader: r, sink, issues, statuses, file, plan } = ctx;
  const links: { column: number; side: LinkSide; kind: string }[] = [];
  const ignoredLinkTypes = new Set<string>();
  plan.headers.forEach((h, column) => {
    const m = LINK_HEADER.exec(h.trim());
    if (!m) return;
    const side = linkDirection(m[2]!, m[1]!.toLowerCase() as 'inward' | 'outward');
    if (side) links.push({ column, side, kind: m[2]!.trim().toLowerCase() });
    else ignoredLinkTypes.add(m[2]!.trim());
  });
  // All parent-ish columns, so that a key in one wins over a numeric id in another.
  const parentColumns = ['parent key', 'parent', 'parent id', 'custom field (epic link)', 'epic link', 'custom field (parent link)']
    .flatMap((alias) => plan.headers.flatMap((h, i) => (h.trim().toLowerCase() === alias ? [i] : [])));
  const userPickedParent = plan.mapping.parent !== null && !parentColumns.includes(plan.columns.get('parent')?.[0] ?? -1);

  // The import's books of links and of parents named by id, across its files; a file mapped on its own keeps its own.
  const book = ctx.jira?.links ?? new JiraLinkBook();
  const parents = ctx.jira?.parents ?? new JiraParentBook();

  issues.warn(
    file,
    null,
    null,
    null,
    'no-status-history',
    "Jira's CSV export has no status history: items get their Created, Status Category Changed and Resolved dates only. " +
      'For cycle times and flow efficiency, export JSON from the REST API with expand=changelog.',
  );
  if (ignoredLinkTypes.size > 0) {
    issues.warn(file, null, [...ignoredLinkTypes].join(', '), null, 'ignored-column', `Issue links of type ${[...ignoredLinkTypes].join(', ')} are not dependencies and were ignored.`);
  }

  function parentOf(): { key: string | null; id: string | null } {
    const cells = userPickedParent ? [r.text('parent')] : parentColumns.map((c) => r.cells[c]?.trim() || null);
    let id: string | null = null;
    for (const v of cells) {
      if (!v) continue;
      if (ISSUE_KEY.test(v)) return { key: v, id: null };
      if (/^\d+$/.test(v)) id ??= v;
    }
    return { key: null, id };
  }

  function addLink(from: string, to: string, kind: string, createdAt: number, line: number): void {
    // Both ends of a link usually appear in the export: one dependency, dated when its later item was created.
    if (from !== to) book.link(from, to, kind, createdAt, file, line);
  }

  return {
    row() {
      const key = r.key('key');
      let status = r.required('status', 'a status name');
      const sourceCategory = r.text('statusCategory');
      if (sourceCategory) {
        const named =
          categoryFromSourceName(sourceCategory) ??
          r.reject('statusCategory', sourceCategory, 'invalid-value', `"${sourceCategory}" is not a Jira status category (To Do, In Progress, Done).`);
        statuses.declare(status, refineSourceCategory(status, named));
      }
      let category = statuses.categoryOf(status);
      const resolution = r.text('resolution');
      if (resolution && FINISHED_CATEGORIES.includes(category) && isNotDeliveredResolution(resolution)) {
        // The status says finished, the resolution says nothing was delivered: keep them apart.
        status = `${status} (${resolution})`;
        statuses.declare(status, 'cancelled');
        category = 'cancelled';
      }
      const createdAt = r.requiredDate('created');
      const resolved = r.date('resolved');
      const categoryChanged = r.date('statusCategoryChanged');
      const typeName = r.text('type');
      let type = typeName ? itemTypeFor(typeName) : FALLBACK_ITEM_TYPE;
      if (type === null) {
        issues.warn(file, r.line, r.headerOf('type'), typeName, 'unknown-type', `Issue type "${typeName}" is not one Interlock knows; ${key} is imported as a story.`);
        type = FALLBACK_ITEM_TYPE;
      }
      const finished = FINISHED_CATEGORIES.includes(category);
      const item: ItemRecord = {
        key,
        title: r.text('title') ?? '',
        type,
        teamKey: r.optionalKey('team'),
        status,
        createdAt,
        firstActiveAt: IN_PROGRESS_CATEGORIES.includes(category) ? categoryChanged : null,
        doneAt: finished ? (resolved ?? categoryChanged) : null,
        parentKey: null,
        objectiveKeys: null,
        ...jiraSprintAndSize(r),
        releases: jiraCsvReleases(r, sink),
        line: r.line,
      };
      const id = r.text('id');
      if (id) parents.issue(id, key);
      const parent = parentOf();
      item.parentKey = parent.key;
      book.issue(key, item.teamKey);
      if (links.length > 0) {
        for (const link of links) {
          const other = r.cells[link.column]?.trim();
          if (!other) continue;
          if (!ISSUE_KEY.test(other)) {
            issues.error(file, r.line, plan.headers[link.column]!.trim(), other, 'invalid-value', `"${other}" is not an issue key like ABC-123.`);
            throw new RowRejected('bad link');
          }
          if (link.side === 'this-waits') addLink(key, other, link.kind, createdAt, r.line);
          else addLink(other, key, link.kind, createdAt, r.line);
        }
      }
      if (parent.id !== null) {
        const resolvedKey = parents.keyOf(parent.id);
        if (resolvedKey) item.parentKey = resolvedKey;
        else parents.waitFor(item, parent.id, file);
      }
      sink.item(item);
    },
    finish() {
      if (ctx.jira) parents.resolve();
      else for (const { item, parentId } of parents.unresolved()) warnParentMissing(issues, file, item, parentId, 'this file');
      if (ctx.jira) book.pairedTo(sink);
      else for (const { record } of book.unpaired()) sink.dependency(record);
    },
  };
}

export const jiraCsvFormat: CsvFormat = {
  format: 'jira-csv',
  fields: () => FIELDS,
  create: createJiraCsvMapper,
};
