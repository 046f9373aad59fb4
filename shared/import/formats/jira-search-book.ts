import type { IssueLog } from '../import-issues';
import type { JsonObject } from './json-format';

/** A page of a search answer with a `total` (`/rest/api/2/search`, Jira Server and Data Center). */
interface CountedPage {
  readonly file: string;
  /** The page's JSON path in its file: '' for a file of one page, `[1].` for the second of an array of pages. */
  readonly place: string;
  readonly startAt: number;
  readonly count: number;
  readonly maxResults: number | null;
}

/** A page of Jira Cloud's `/search/jql` answer, which gives no total: `nextPageToken` and `isLast` instead. */
interface TokenPage {
  readonly file: string;
  readonly place: string;
  readonly count: number;
  readonly last: boolean;
}

const n = (value: number) => value.toLocaleString('en-US');

/** "a.json", "a.json and b.json", "a.json, b.json and 3 other files". */
function fileList(files: readonly string[]): string {
  const distinct = [...new Set(files)];
  if (distinct.length === 1) return distinct[0]!;
  if (distinct.length <= 3) return `${distinct.slice(0, -1).join(', ')} and ${distinct.at(-1)!}`;
  return `${distinct.slice(0, 2).join(', ')} and ${distinct.length - 2} other files`;
}

/**
 * The search answers' pages of one import (JSON files, or arrays of pages in one), looked at once
 * every file is read: a search spread over several pages is whole only when all of them are here.
 * Each page costs one entry; nothing is kept per issue. Pages are told apart by search by their
 * `total` (the answer says nothing else of its JQL), so two searches of the same total are taken
 * for one; pages of Jira Cloud's `/search/jql` say only whether they are the last.
 */
export class JiraSearchBook {
  readonly #counted = new Map<number, CountedPage[]>();
  readonly #tokens: TokenPage[] = [];

  /** One page of a search answer read from `file`, at `place` in it, holding `count` issues. */
  page(file: string, place: string, page: JsonObject, count: number): void {
    const total = wholeNumber(page.total);
    if (total !== null) {
      const pages = this.#counted.get(total);
      const read: CountedPage = { file, place, startAt: wholeNumber(page.startAt) ?? 0, count, maxResults: wholeNumber(page.maxResults) };
      if (pages) pages.push(read);
      else this.#counted.set(total, [read]);
      return;
    }
    const token = typeof page.nextPageToken === 'string' && page.nextPageToken !== '';
    if (typeof page.isLast === 'boolean' || token) this.#tokens.push({ file, place, count, last: page.isLast === true || (page.isLast === undefined && !token) });
  }

  /**
   * Warns (`search-incomplete`) of every search whose pages here hold fewer issues than it found,
   * in the file of its first page read; `warnedIn` is told that file. Nothing is kept after.
   */
  warnPartial(issues: IssueLog, warnedIn: (file: string) => void = () => undefined): void {
    for (const [total, pages] of this.#counted) {
      const missing = gaps(pages, total);
      if (missing.length === 0) continue;
      const held = total - missing.reduce((sum, [from, to]) => sum + (to - from), 0);
      const first = pages[0]!;
      const step = first.maxResults || pages.reduce((most, p) => Math.max(most, p.count), 0) || 50;
      const ranges = missing.map(([from, to]) => (to - from === 1 ? n(from) : `${n(from)}–${n(to - 1)}`));
      const shown = ranges.length > 5 ? `${ranges.slice(0, 5).join(', ')} and ${ranges.length - 5} more range${ranges.length === 6 ? '' : 's'}` : ranges.join(', ');
      const where =
        pages.length === 1
          ? `${first.file} is one page of a Jira search that found ${n(total)} issues (its total), and holds ${n(held)} of them`
          : `The ${pages.length} pages of a Jira search that found ${n(total)} issues (their total) in ${fileList(pages.map((p) => p.file))} hold ${n(held)} of them`;
      issues.warn(
        first.file,
        null,
        `${first.place}total`,
        String(total),
        'search-incomplete',
        `${where}: the issues at startAt ${shown} are missing. Flow metrics would count only these ${n(held)} items, as if they were all of them. ` +
          `Export every page of the search (startAt=${pageStarts(missing, step)} with maxResults=${n(step)}) and import them together.`,
      );
      warnedIn(first.file);
    }
    if (this.#tokens.length > 0 && !this.#tokens.some((p) => p.last)) {
      const first = this.#tokens[0]!;
      const held = this.#tokens.reduce((sum, p) => sum + p.count, 0);
      const where =
        this.#tokens.length === 1
          ? `${first.file} is a page of a Jira Cloud search (/search/jql) that is not its last (isLast is false), with ${n(held)} issues`
          : `The ${this.#tokens.length} pages of a Jira Cloud search (/search/jql) in ${fileList(this.#tokens.map((p) => p.file))} hold ${n(held)} issues, and none is its last (isLast is false on each)`;
      issues.warn(
        first.file,
        null,
        `${first.place}isLast`,
        'false',
        'search-incomplete',
        `${where}: the search found more, and its answer gives no total. Flow metrics would count only these ${n(held)} items, as if they were all of them. ` +
          'Export every page (ask again with each answer\'s nextPageToken until one says "isLast": true) and import them together.',
      );
      warnedIn(first.file);
    }
    this.#counted.clear();
    this.#tokens.length = 0;
  }
}

function wholeNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** The ranges [from, to) of positions 0 … total − 1 that no page covers, in order. */
function gaps(pages: readonly CountedPage[], total: number): [number, number][] {
  const covered = pages.map((p) => [p.startAt, Math.min(total, p.startAt + p.count)] as const).sort((a, b) => a[0] - b[0]);
  const missing: [number, number][] = [];
  let next = 0;
  for (const [from, to] of covered) {
    if (from > next) missing.push([next, Math.min(from, total)]);
    next = Math.max(next, to);
    if (next >= total) break;
  }
  if (next < total) missing.push([next, total]);
  return missing.filter(([from, to]) => to > from);
}

/** The startAt of the pages to export, `step` apart: "5, 10, 15, …, 1,195" (each gap from its first position). */
function pageStarts(missing: readonly [number, number][], step: number): string {
  const starts: number[] = [];
  let count = 0;
  let last = 0;
  for (const [from, to] of missing) {
    const pages = Math.ceil((to - from) / step);
    for (let i = 0; i < pages && starts.length < 3; i++) starts.push(from + i * step);
    last = from + (pages - 1) * step;
    count += pages;
  }
  if (count <= 4) return [...starts, ...(count === 4 ? [last] : [])].map(n).join(', ');
  return `${starts.map(n).join(', ')}, …, ${n(last)}`;
}
