import type { FieldSpec } from '../columns';
import type { DependencyRecord } from '../import-records';
import { dependencyFromLink } from './link-dependencies';
import type { CsvFormat, CsvMapperContext } from './csv-format';
import type { LinkSide } from './jira-links';

const FIELDS: FieldSpec[] = [
  { field: 'source', label: 'SourceWorkItemId', aliases: ['sourceworkitemid', 'source work item id', 'source id'], required: true },
  { field: 'target', label: 'TargetWorkItemId', aliases: ['targetworkitemid', 'target work item id', 'target id'], required: true },
  { field: 'referenceName', label: 'LinkTypeReferenceName', aliases: ['linktypereferencename', 'link type reference name'] },
  { field: 'name', label: 'LinkTypeName', aliases: ['linktypename', 'link type name', 'link type'] },
  { field: 'created', label: 'CreatedDate', aliases: ['createddate', 'created date'], required: true },
  { field: 'deleted', label: 'DeletedDate', aliases: ['deleteddate', 'deleted date'] },
];

/**
 * Which end of an Azure DevOps link waits, seen from its source. Successor-Predecessor is the
 * system's dependency type (System.LinkTypes.Dependency): a Successor (…-Forward) link from A to B
 * says B comes after A, so B waits; a Predecessor (…-Reverse) link says B comes first, so A waits.
 * Process-defined "Blocks / Blocked By" types read the same way. Anything else (Parent, Related,
 * Tests, Duplicate) is not a dependency: null.
 */
export function adoLinkDirection(referenceName: string | null, name: string | null): LinkSide | null {
  const reference = (referenceName ?? '').trim().toLowerCase();
  if (reference.endsWith('.dependency-forward')) return 'other-waits';
  if (reference.endsWith('.dependency-reverse')) return 'this-waits';
  const type = (name ?? '').trim().toLowerCase();
  if (type === 'successor') return 'other-waits';
  if (type === 'predecessor') return 'this-waits';
  if (/^(is )?blocked by|^depends on/.test(type)) return 'this-waits';
  if (/^blocks|^is depended on by/.test(type)) return 'other-waits';
  return null;
}

/** The system's Successor-Predecessor type, either end. */
function isDependencyType(referenceName: string | null, name: string | null): boolean {
  return /\.dependency-(forward|reverse)$/i.test(referenceName ?? '') || /^(successor|predecessor)$/i.test((name ?? '').trim());
}

/**
 * Azure DevOps links (Analytics WorkItemLinks, or any export with SourceWorkItemId,
 * TargetWorkItemId, a link type and CreatedDate). Analytics lists every link once from each end,
 * so both rows make one dependency. A link deleted later resolved its dependency then; one still
 * in place resolves when the item waited on is done (its done date in the workspace after this
 * import). Its teams are the items' teams.
 */
function createAdoLinksMapper(ctx: CsvMapperContext) {
  const { reader: r, sink, issues, file } = ctx;
  const dependencies = new Map<string, DependencyRecord>();
  const ignoredTypes = new Map<string, number>();
  let unknownEnds = 0;
  return {
    row() {
      const source = r.key('source');
      const target = r.key('target');
      const referenceName = r.text('referenceName');
      const name = r.text('name');
      if (referenceName === null && name === null) r.reject('name', null, 'missing-value', 'The link has no type (LinkTypeReferenceName or LinkTypeName): it cannot tell which item waits.');
      const createdAt = r.requiredDate('created');
      const deletedAt = r.date('deleted');
      const side = adoLinkDirection(referenceName, name);
      if (side === null) {
        const type = name ?? referenceName!;
        ignoredTypes.set(type, (ignoredTypes.get(type) ?? 0) + 1);
        return;
      }
      if (source === target) r.reject('target', target, 'invalid-value', `Work item ${source} is linked to itself.`);
      const [from, to] = side === 'this-waits' ? [source, target] : [target, source];
      if (!ctx.knowsItem(from) && !ctx.knowsItem(to)) {
        unknownEnds++;
        return;
      }
      const key = `${from}->${to}`;
      const existing = dependencies.get(key);
      // Deleted and re-added links come back as further rows: the newest one holds.
      if (existing && existing.createdAt > createdAt) return;
      // One kind per link, whichever end's row came last ("Successor" and "Predecessor" name one link).
      const kind = isDependencyType(referenceName, name) ? 'successor' : 'blocks';
      dependencies.set(key, dependencyFromLink(from, to, { kind, createdAt, line: r.line, resolvedAt: deletedAt, resolvedWhenDone: deletedAt === null }));
    },
    finish() {
      for (const d of dependencies.values()) sink.dependency(d);
      if (ignoredTypes.size > 0) {
        const list = [...ignoredTypes].map(([type, n]) => `${type} (${n})`).join(', ');
        issues.warn(file, null, 'LinkTypeName', null, 'ignored-column', `Links of type ${list} are not dependencies and were ignored.`);
      }
      if (unknownEnds > 0) {
        const links = unknownEnds === 1 ? '1 dependency link joins' : `${unknownEnds} dependency links join`;
        issues.warn(file, null, 'SourceWorkItemId', null, 'unknown-item', `${links} two work items that are neither in this import nor in the workspace; skipped.`);
      }
    },
  };
}

export const adoLinksFormat: CsvFormat = { format: 'ado-links', fields: () => FIELDS, create: createAdoLinksMapper };
