import { FINISHED_CATEGORIES, IN_PROGRESS_CATEGORIES } from '../../domain/vocabulary';
import { flowDatesOf, inTimeOrder } from '../flow-dates';
import { SourceError } from '../import-issues';
import { FALLBACK_ITEM_TYPE, itemTypeFor } from '../item-types';
import { readSourceDate } from '../source-dates';
import { categoryFromSourceName, isNotDeliveredResolution, refineSourceCategory } from '../status-rules';
import { jiraRestReleases, jiraRestSprints, sizeFromText } from './planning-fields';
import { isObject, textOf, type JsonMapperContext, type JsonObject } from './json-format';
import { linkDirection, linkDirectionFromDescription } from './jira-links';
import { JiraLinkBook } from './jira-link-book';
import { JiraSearchBook } from './jira-search-book';

/**
 * The issues of a REST search answer, of an array of such pages, or of a bare array of issues, and
 * the JSON path of each in the file by its index among them (`issues[3]`, `[1].issues[3]` in the
 * second page, `[3]`); null when the shape is none of them. `pages` are the search answers' pages
 * (none for a bare array), each with its path's start in the file ('' or `[1].`) and its issues' count.
 */
export function jiraIssuesOf(
  value: unknown,
): { issues: unknown[]; names: Record<string, string>; pathOf(index: number): string; pages: { place: string; page: JsonObject; count: number }[] } | null {
  const paged = Array.isArray(value) && value.length > 0 && value.every((v) => isObject(v) && Array.isArray(v.issues));
  const pages = paged ? value : [value];
  const issues: unknown[] = [];
  const names: Record<string, string> = {};
  /** The index of each page's first issue among all of them. */
  const starts: number[] = [];
  const answers: { place: string; page: JsonObject; count: number }[] = [];
  for (const page of pages) {
    starts.push(issues.length);
    // One by one: spread into push, a page of some 120,000 issues or more (well under the 256 MB a
    // JSON file may have) overflowed the call stack and the import failed.
    if (isObject(page) && Array.isArray(page.issues)) {
      for (const issue of page.issues) issues.push(issue);
      answers.push({ place: paged ? `[${answers.length}].` : '', page, count: page.issues.length });
      if (isObject(page.names)) for (const [id, name] of Object.entries(page.names)) if (typeof name === 'string') names[id] = name;
    } else if (Array.isArray(page) && page.length > 0 && page.every((i) => isObject(i) && typeof i.key === 'string' && isObject(i.fields))) {
      for (const issue of page) issues.push(issue);
    } else return null;
  }
  const pathOf = paged ? (index: number) => pagedPath(starts, index) : Array.isArray(value) ? (index: number) => `[${index}]` : (index: number) => `issues[${index}]`;
  return { issues, names, pathOf, pages: answers };
}

/** `[p].issues[i]` for the issue at `index` among those of all pages (a broken file may warn of every issue: by halves, not page by page). */
function pagedPath(starts: readonly number[], index: number): string {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= index) low = middle;
    else high = middle - 1;
  }
  return `[${low}].issues[${index - starts[low]!}]`;
}

class IssueRejected extends Error {}

/**
 * Jira's REST search answer with expand=changelog: each issue becomes an item with its full status
 * history (histories sorted by time: some Jira versions list them newest first), and its
 * dependency-like issue links become dependencies.
 */
export function mapJiraJson(value: unknown, ctx: JsonMapperContext): void {
  const found = jiraIssuesOf(value);
  if (!found) {
    throw new SourceError('wrong-shape', 'This JSON is not a Jira search answer: expected {"issues": [{"key": …, "fields": {…}, "changelog": {"histories": […]}}]}.');
  }
  const { issues: list, names } = found;
  const { file, issues, statuses, sink } = ctx;
  const fieldByName = new Map(Object.entries(names).map(([id, name]) => [name.trim().toLowerCase(), id]));
  const teamFieldId = ctx.teamField ? (fieldByName.get(ctx.teamField.trim().toLowerCase()) ?? ctx.teamField) : (fieldByName.get('team') ?? null);
  // A team field that is named must be there, by name (expand=names) or as a field id of some issue:
  // else every item would quietly have no team.
  if (ctx.teamField && teamFieldId === ctx.teamField && !list.some((issue) => isObject(issue) && isObject(issue.fields) && teamFieldId in issue.fields)) {
    throw new SourceError('missing-column', `${file} has no field "${ctx.teamField}" for the team: no field of that name or id in its issues (names are read from an export made with expand=names).`);
  }
  const epicLinkId = fieldByName.get('epic link') ?? null;
  // Custom field ids differ between Jira sites: found by their names (expand=names).
  const sprintFieldId = fieldByName.get('sprint') ?? null;
  const sizeFieldId = fieldByName.get('story point estimate') ?? fieldByName.get('story points') ?? null;
  // The import's book of links across its files; a call on its own (one answer) keeps its own.
  const links = ctx.jira?.links ?? new JiraLinkBook();
  // Whether the pages are all of their search is known once every file is read (a search in pages, one a file).
  const searches = ctx.jira?.searches ?? new JiraSearchBook();
  for (const { place, page, count } of found.pages) searches.page(file, place, page, count);
  sink.jsonPaths?.(found.pathOf);
  // Issues whose changelog holds fewer histories than its total (a search gives at most 100 an issue): counted, the first few named.
  let cut = 0;
  const firstCut: { key: string; path: string; given: number; total: number }[] = [];
  // Issues of a search asked without expand=changelog (no changelog at all): counted, the first few named.
  let unlogged = 0;
  const firstUnlogged: { key: string; path: string }[] = [];

  // Made once, not per issue: a hundred thousand issues would make as many closures of each.
  // The issue's JSON path, spelled out only for a message.
  let index = 0;
  const pathOf = () => found.pathOf(index);
  const fail = (column: string, value: unknown, code: 'missing-value' | 'invalid-date' | 'invalid-value' | 'wrong-shape', message: string): never => {
    const path = pathOf();
    issues.error(file, null, `${path}${column ? `.${column}` : ''}`, value === undefined || value === null ? null : String(textOf(value) ?? JSON.stringify(value)), code, message, path);
    throw new IssueRejected(message);
  };
  const readDate = (text: string) => readSourceDate(text, ctx.dayOrder);
  const date = (column: string, v: unknown, required: boolean): number | null => {
    if (v === null || v === undefined || v === '') return required ? fail(column, v, 'missing-value', `${column} is missing.`) : null;
    const ms = typeof v === 'string' ? readDate(v) : null;
    return ms ?? fail(column, v, 'invalid-date', `"${String(v)}" is not a date Interlock can read.`);
  };
  const categoryOf = (status: string) => statuses.categoryOf(status);
  // Story points are a number field; a text, or a select field's option ({"value": "5"}), is read as
  // the CSV export writes it. Anything else is said, at the field's path, and gives no size: the
  // item is imported, one the workspace holds keeping its own (as the CSV's `value-ignored`).
  const sizeOf = (v: unknown, key: string): number | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' && v >= 0) return v;
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : isObject(v) ? textOf(v) : null;
    if (text === '') return null;
    const read = text === null ? { why: 'not a number.' } : sizeFromText(text);
    if (typeof read === 'number') return read;
    const value = text ?? JSON.stringify(v);
    const shown = text === null ? value : `"${text}"`;
    issues.warn(file, null, `${pathOf()}.fields.${sizeFieldId}`, value, 'value-ignored', `${names[sizeFieldId!]} of ${key} is ${shown}: ${read.why} ${key} is imported without this size (one already in the workspace keeps its own).`);
    return null;
  };

  for (index = 0; index < list.length; index++) {
    const raw = list[index];
    try {
      const issue = isObject(raw) ? raw : fail('', raw, 'wrong-shape', 'An issue must be an object with key and fields.');
      const key = typeof issue.key === 'string' && issue.key.trim() ? issue.key.trim() : fail('key', issue.key, 'missing-value', 'The issue has no key.');
      if (key.length > 200) fail('key', key, 'invalid-value', 'The key is longer than 200 characters.');
      const fields = isObject(issue.fields) ? issue.fields : fail('fields', issue.fields, 'wrong-shape', 'The issue has no fields object.');
      const statusObject = isObject(fields.status) ? fields.status : null;
      let status = textOf(fields.status) ?? fail('fields.status', fields.status, 'missing-value', 'The issue has no status.');
      const sourceCategory = statusObject && isObject(statusObject.statusCategory) ? textOf(statusObject.statusCategory.name ?? statusObject.statusCategory.key) : null;
      const named = sourceCategory === null ? null : categoryFromSourceName(sourceCategory);
      if (named) statuses.declare(status, refineSourceCategory(status, named));
      const createdAt = date('fields.created', fields.created, true)!;
      const typeName = textOf(fields.issuetype);
      let type = typeName ? itemTypeFor(typeName) : FALLBACK_ITEM_TYPE;
      if (type === null) {
        issues.warn(file, null, `${pathOf()}.fields.issuetype`, typeName, 'unknown-type', `Issue type "${typeName}" is not one Interlock knows; ${key} is imported as a story.`);
        type = FALLBACK_ITEM_TYPE;
      }
      const team =
        (teamFieldId ? textOf(fields[teamFieldId]) : null) ??
        (ctx.teamField ? null : (textOf(fields.components) ?? (isObject(fields.project) ? textOf(fields.project.key) : null)));

      // The status history: creation into the first status, then every status change in time order.
      const changes: { from: string | null; to: string; at: number }[] = [];
      const histories = isObject(issue.changelog) && Array.isArray(issue.changelog.histories) ? (issue.changelog.histories as unknown[]) : [];
      for (let hi = 0; hi < histories.length; hi++) {
        const h = histories[hi];
        if (!isObject(h) || !Array.isArray(h.items)) continue;
        let at: number | null = null;
        for (const it of h.items) {
          if (!isObject(it) || (it.field !== 'status' && it.fieldId !== 'status')) continue;
          at ??= date(`changelog.histories[${hi}].created`, h.created, true)!;
          const to = textOf(it.toString);
          if (to) changes.push({ from: textOf(it.fromString), to, at });
        }
      }
      const ordered = inTimeOrder(changes);
      const steps = [{ status: ordered[0]?.from ?? ordered[0]?.to ?? status, at: createdAt }, ...ordered.map((c) => ({ status: c.to, at: c.at }))];
      const resolution = textOf(fields.resolution);
      if (resolution && FINISHED_CATEGORIES.includes(statuses.categoryOf(status)) && isNotDeliveredResolution(resolution)) {
        const renamed = `${status} (${resolution})`;
        statuses.declare(renamed, 'cancelled');
        if (steps[steps.length - 1]!.status === status) steps[steps.length - 1]!.status = renamed;
        status = renamed;
      }
      // Asked without expand=changelog, an issue has no changelog at all: its history is unknown, so
      // it gets its dates from its fields, as a Jira CSV row does, and no status changes. Taken as
      // "created into its current status", a done issue was done the moment it was created.
      const logged = isObject(issue.changelog);
      const category = statuses.categoryOf(status);
      const dates = logged
        ? flowDatesOf(steps, categoryOf)
        : {
            firstActiveAt: IN_PROGRESS_CATEGORIES.includes(category) ? date('fields.statuscategorychangedate', fields.statuscategorychangedate, false) : null,
            doneAt: FINISHED_CATEGORIES.includes(category) ? date('fields.statuscategorychangedate', fields.statuscategorychangedate, false) : null,
          };
      if (!logged && unlogged++ < CUT_NAMED) firstUnlogged.push({ key, path: pathOf() });
      // Read only when no history dates it (a closure per issue would cost a hundred thousand of them).
      const finished = FINISHED_CATEGORIES.includes(category);
      const sprints = sprintFieldId ? jiraRestSprints(fields[sprintFieldId], readDate) : [];
      const parentKey = (isObject(fields.parent) ? textOf(fields.parent.key) : null) ?? (epicLinkId ? textOf(fields[epicLinkId]) : null);
      sink.item({
        key,
        title: textOf(fields.summary) ?? '',
        type,
        teamKey: team?.slice(0, 200) ?? null,
        status,
        createdAt,
        firstActiveAt: dates.firstActiveAt,
        // With a history, the history's date first; without, the resolution's, as a Jira CSV row.
        doneAt: (logged ? dates.doneAt : null) ?? (finished ? date('fields.resolutiondate', fields.resolutiondate, false) : null) ?? dates.doneAt,
        parentKey: parentKey?.slice(0, 200) ?? null,
        objectiveKeys: null,
        sprint: sprints.at(-1)?.name ?? null,
        releases: jiraRestReleases(fields.fixVersions, sink, readDate),
        size: sizeFieldId === null ? null : sizeOf(fields[sizeFieldId], key),
        line: null,
        position: index,
      });
      for (const sprint of sprints) sink.sprint(sprint);
      const changelogTotal = isObject(issue.changelog) ? issue.changelog.total : undefined;
      if (typeof changelogTotal === 'number' && changelogTotal > histories.length) {
        if (cut++ < CUT_NAMED) firstCut.push({ key, path: pathOf(), given: histories.length, total: changelogTotal });
      }
      let previous: string | null = null;
      for (const step of logged ? steps : []) {
        if (step.status === previous) continue;
        sink.transition({ itemKey: key, fromStatus: previous, toStatus: step.status, at: step.at, line: null });
        previous = step.status;
      }
      links.issue(key, team);
      const listed = Array.isArray(fields.issuelinks) ? fields.issuelinks : [];
      for (const link of listed) {
        if (!isObject(link) || !isObject(link.type)) continue;
        const outward = isObject(link.outwardIssue) ? textOf(link.outwardIssue.key) : null;
        const inward = isObject(link.inwardIssue) ? textOf(link.inwardIssue.key) : null;
        const other = outward ?? inward;
        if (!other || other === key) continue;
        const description = textOf(outward ? link.type.outward : link.type.inward);
        const side = (description ? linkDirectionFromDescription(description) : null) ?? linkDirection(textOf(link.type.name) ?? '', outward ? 'outward' : 'inward');
        if (!side) continue;
        const [from, to] = side === 'this-waits' ? [key, other] : [other, key];
        links.link(from, to, (textOf(link.type.name) ?? 'blocks').toLowerCase(), createdAt, file, null);
      }
    } catch (error) {
      if (!(error instanceof IssueRejected)) throw error;
    }
  }
  if (ctx.jira) links.pairedTo(sink);
  else for (const { record } of links.unpaired()) sink.dependency(record);
  if (!ctx.jira) searches.warnPartial(issues);
  if (cut > 0) warnChangelogsCut(ctx, cut, firstCut);
  if (unlogged > 0) warnNoChangelog(ctx, unlogged, firstUnlogged);
}

/**
 * One warning per file (`no-status-history`, as a Jira CSV's): issues with no changelog at all, a
 * search asked without expand=changelog. They are imported with the dates their fields give.
 */
function warnNoChangelog(ctx: JsonMapperContext, count: number, named: readonly { key: string; path: string }[]): void {
  const one = count === 1;
  ctx.issues.warn(
    ctx.file,
    null,
    `${named[0]!.path}.changelog`,
    null,
    'no-status-history',
    `${issuesCount(count)} of ${ctx.file} ${one ? 'has' : 'have'} no changelog (${namedAndMore(named.map((u) => u.key), count)}): the search was made without expand=changelog, so ${one ? 'its' : 'their'} status history is unknown. ` +
      `${one ? 'It gets its' : 'They get their'} created, status category changed and resolution dates only: no cycle time or flow efficiency. Export the search again with expand=changelog (…/search?jql=…&expand=changelog,names) and import it.`,
  );
}

const n = (value: number) => value.toLocaleString('en-US');
const issuesCount = (count: number) => (count === 1 ? '1 issue' : `${n(count)} issues`);

/** "A, B and C", or "A, B, C and 4 more" when `count` is more than the names given. */
function namedAndMore(names: readonly string[], count: number): string {
  const more = count - names.length;
  if (more > 0) return `${names.join(', ')} and ${n(more)} more`;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/** How many issues whose changelog was cut short one warning names (by key and path); the rest are counted. */
const CUT_NAMED = 3;

/**
 * One warning per file (`changelog-truncated`): issues whose changelog says it has more histories
 * (`changelog.total`) than it gives. A search answer gives at most 100 an issue; a status change left
 * out moves or loses the item's start and finish.
 */
function warnChangelogsCut(ctx: JsonMapperContext, cut: number, named: readonly { key: string; path: string; given: number; total: number }[]): void {
  const first = named[0]!;
  const which = namedAndMore(named.map((c) => `${c.key} at ${c.path}.changelog (${n(c.given)} of ${n(c.total)})`), cut);
  const issuesWord = issuesCount(cut);
  ctx.issues.warn(
    ctx.file,
    null,
    `${first.path}.changelog.total`,
    String(first.total),
    'changelog-truncated',
    `${issuesWord} of ${ctx.file} ${cut === 1 ? 'has' : 'have'} a longer history than the file gives (changelog.total above the histories listed: a Jira search gives at most 100 an issue): ${which}. ` +
      `The status changes left out may make ${cut === 1 ? 'its' : 'their'} start and cycle times wrong. Fetch each one's whole history from its changelog (GET /rest/api/2/issue/${first.key}/changelog, or /rest/api/3/… on Jira Cloud, in pages: startAt=0, 100, …), ` +
      'put its histories (the answer\'s values) in the issue\'s changelog.histories, and import the file again.',
  );
}
