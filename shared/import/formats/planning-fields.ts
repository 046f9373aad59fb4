import { readNumber, type FieldSpec, type RowReader } from '../columns';
import type { RecordSink, SprintRecord } from '../import-records';

// What trackers say about planning: an item's sprint (Jira's Sprint, Azure DevOps' Iteration Path),
// its size (story points, effort) and the releases that ship it (Jira's Fix Version/s, an Azure
// DevOps release field or a release node of the Iteration Path). Shared by the Jira and Azure DevOps
// mappers; docs/PLANNING.md says how sprints meet iterations, docs/COORDINATION.md what releases tell.

export const JIRA_PLANNING_FIELDS: FieldSpec[] = [
  { field: 'sprint', label: 'Sprint', aliases: ['sprint', 'custom field (sprint)'] },
  { field: 'size', label: 'Story points', aliases: ['custom field (story point estimate)', 'custom field (story points)', 'story point estimate', 'story points'] },
  { field: 'releases', label: 'Fix Version/s', aliases: ['fix version/s', 'fix versions', 'fix version'] },
];

export const ADO_PLANNING_FIELDS: FieldSpec[] = [
  { field: 'sprint', label: 'Iteration Path', aliases: ['iteration path'] },
  { field: 'size', label: 'Story Points', aliases: ['story points', 'effort', 'size'] },
  { field: 'releases', label: 'Release', aliases: ['release', 'target release', 'release name', 'fix version', 'fix version/s'] },
];

const MAX_RELEASE_CHARS = 200;

/** Distinct, trimmed release names in the order given. */
function releaseNames(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.trim().slice(0, MAX_RELEASE_CHARS)).filter((n) => n !== ''))];
}

/**
 * Announces the releases of an item to the sink and returns them for the item; undefined when the
 * source has no such column (a re-import then keeps the stored links).
 */
function announce(sink: RecordSink, names: string[] | undefined, dates: ReadonlyMap<string, number | null> = new Map()): string[] | undefined {
  if (names === undefined) return undefined;
  for (const name of names) sink.release({ name, releasedAt: dates.get(name) ?? null });
  return names;
}

/** Jira repeats Fix Version/s once per version: every filled one is a release of the item. */
export function jiraCsvReleases(r: RowReader, sink: RecordSink): string[] | undefined {
  return announce(sink, r.has('releases') ? releaseNames(r.all('releases')) : undefined);
}

/** Jira REST fixVersions: [{ name, releaseDate: "2026-11-30", released }]; the date is kept when given. */
export function jiraRestReleases(value: unknown, sink: RecordSink, readDate: (text: string) => number | null): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const dates = new Map<string, number | null>();
  for (const v of value) {
    if (!v || typeof v !== 'object' || typeof (v as { name?: unknown }).name !== 'string') continue;
    const { name, releaseDate } = v as { name: string; releaseDate?: unknown };
    const key = name.trim().slice(0, MAX_RELEASE_CHARS);
    if (key !== '') dates.set(key, typeof releaseDate === 'string' ? readDate(releaseDate) : null);
  }
  return announce(sink, [...dates.keys()], dates);
}

/**
 * Azure DevOps has no fix version: a release column ("Release", "Target Release"; several names
 * split by ; or ,) when the query has one, otherwise the release node of the Iteration Path
 * ("Fabrikam\\Release 3\\Sprint 5" → "Fabrikam\\Release 3"), the way many projects nest sprints
 * under releases. A sprint alone is not a release: a shared cadence is not joint integration.
 */
export function adoReleases(r: RowReader, sink: RecordSink): string[] | undefined {
  if (r.has('releases')) return announce(sink, releaseNames(r.all('releases').flatMap((cell) => cell.split(/[;,]/))));
  if (!r.has('sprint')) return undefined;
  const parts = (r.text('sprint') ?? '').split('\\').map((p) => p.trim()).filter(Boolean);
  const at = parts.findIndex((p) => /\brelease\b/i.test(p));
  return announce(sink, at < 0 ? [] : releaseNames([parts.slice(0, at + 1).join('\\')]));
}

/**
 * The size cell of a tracker's row (story points, effort): a non-negative number, a decimal comma
 * read too. Anything else ("3 pts", "#N/A", "-1", "1,000": a thousand or 1.0?) is warned about at
 * its line and column and gives no size: the item is imported, a new one without a size, one the
 * workspace holds keeping its own (a tracker's row is not rejected for its estimate).
 */
export function readSize(r: RowReader): number | null {
  if (!r.has('size')) return null;
  const text = r.text('size');
  if (text === null) return null;
  const read = sizeFromText(text);
  if (typeof read === 'number') return read;
  r.warn('size', text, 'value-ignored', `${r.headerOf('size')} is "${text}": ${read.why} The item is imported without this size (one already in the workspace keeps its own).`);
  return null;
}

/** A size written as text: a non-negative number (a decimal comma read too), or why it is none, as a sentence. */
export function sizeFromText(text: string): number | { why: string } {
  const read = readNumber(text);
  if (typeof read === 'number' && Number.isFinite(read) && read >= 0) return read;
  return { why: typeof read !== 'number' ? read.problem : Number.isFinite(read) ? 'a size is not negative.' : 'not a number.' };
}

/** Jira repeats the Sprint column once per sprint an issue was in: the last filled one is where it is now. */
export function jiraSprintAndSize(r: RowReader): { sprint: string | null; size: number | null } {
  const sprints = r.has('sprint') ? r.all('sprint').filter((s) => s.trim() !== '') : [];
  return { sprint: sprints.at(-1)?.trim().slice(0, 200) ?? null, size: readSize(r) };
}

/** "Fabrikam\\2024\\Sprint 5" → "Sprint 5": the iteration an Iteration Path ends in. */
export function iterationFromPath(path: string): string {
  const parts = path.split('\\').map((p) => p.trim()).filter(Boolean);
  return parts.at(-1) ?? path;
}

export function adoSprintAndSize(r: RowReader): { sprint: string | null; size: number | null } {
  const path = r.has('sprint') ? r.text('sprint') : null;
  return { sprint: path === null ? null : iterationFromPath(path).slice(0, 200), size: readSize(r) };
}

/**
 * Jira REST sprint values: objects {name, startDate, endDate, state} (Jira Cloud), or the old
 * "com.atlassian.greenhopper…[name=Sprint 5,startDate=…]" strings. The last is the current one.
 */
export function jiraRestSprints(value: unknown, readDate: (text: string) => number | null): SprintRecord[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  const out: SprintRecord[] = [];
  for (const entry of list) {
    if (entry && typeof entry === 'object') {
      const o = entry as Record<string, unknown>;
      if (typeof o.name !== 'string' || o.name.trim() === '') continue;
      const date = (v: unknown) => (typeof v === 'string' ? readDate(v) : null);
      out.push({ name: o.name.trim().slice(0, 200), start: date(o.startDate), end: date(o.endDate ?? o.completeDate) });
    } else if (typeof entry === 'string') {
      const name = /name=([^,\]]+)/.exec(entry)?.[1] ?? (entry.includes('[') ? null : entry);
      if (name) out.push({ name: name.trim().slice(0, 200), start: null, end: null });
    }
  }
  return out;
}
