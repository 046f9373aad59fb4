import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../shared/contract/import-channels';
import { db, fixture, runImport, tempWorkspace, type TempWorkspace } from './import-support';

// A Jira JSON export that is only part of its search, or whose issues' histories are cut short,
// looks complete: it imports. It is said, in the preview and the import alike.

let ws: TempWorkspace;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(() => ws.dispose());

function writeJson(name: string, value: unknown): string {
  const path = join(ws.dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** A Jira issue as the REST search answer gives it, with its changelog. */
const issue = (key: string, changelog: Record<string, unknown> = { histories: [] }) => ({
  key,
  fields: { summary: key, issuetype: { name: 'Story' }, status: { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } }, created: '2024-03-01T09:00:00.000+0000', project: { key: 'PAY' } },
  changelog,
});

/** A page of `/rest/api/2/search`: its issues are `keys`, from `startAt`, of the search's `total`. */
const page = (startAt: number, maxResults: number, total: number, keys: string[]) => ({ startAt, maxResults, total, issues: keys.map((k) => issue(k)) });

/** The warnings of one code: file, line, column, value, message. */
function told(status: ImportJobStatus, code: string): (string | number | null)[][] {
  return status.report!.issues.filter((i) => i.code === code).map((i) => [i.file, i.line, i.column, i.value, i.message]);
}


describe('a Jira search saved in part', () => {
  it("one page of a search of 1,200 issues (the audit's file): said with how many of how many, the startAt missing and the pages to export; the 5 items are imported", async () => {
    const path = fixture('jira', 'jira-page1-of-240.json');
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [path], mode);
      expect(told(status, 'search-incomplete')).toEqual([
        [
          'jira-page1-of-240.json',
          null,
          'total',
          '1200',
          'jira-page1-of-240.json is one page of a Jira search that found 1,200 issues (its total), and holds 5 of them: the issues at startAt 5–1,199 are missing. ' +
            'Flow metrics would count only these 5 items, as if they were all of them. Export every page of the search (startAt=5, 10, 15, …, 1,195 with maxResults=5) and import them together.',
        ],
      ]);
      expect(status.report!.counts.items).toBe(5);
      expect(status.report!.issueCounts['search-incomplete']).toBe(1);
    }
    expect(db(ws).prepare('SELECT COUNT(*) FROM work_items').pluck().get()).toBe(5);
  });

  it('pages of two searches in one import (told apart by their totals): the whole one says nothing; the other names its files and the range between its pages', async () => {
    const first = writeJson('pay-0.json', page(0, 2, 6, ['PAY-1', 'PAY-2']));
    const third = writeJson('pay-4.json', page(4, 2, 6, ['PAY-5', 'PAY-6']));
    // Another search, of three issues, whole in one file; and a page saved twice.
    const other = writeJson('ops.json', page(0, 50, 3, ['OPS-1', 'OPS-2', 'OPS-3']));
    const again = writeJson('pay-4-again.json', page(4, 2, 6, ['PAY-5', 'PAY-6']));
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [first, other, third, again], mode);
      expect(told(status, 'search-incomplete')).toEqual([
        [
          'pay-0.json',
          null,
          'total',
          '6',
          'The 3 pages of a Jira search that found 6 issues (their total) in pay-0.json, pay-4.json and pay-4-again.json hold 4 of them: the issues at startAt 2–3 are missing. ' +
            'Flow metrics would count only these 4 items, as if they were all of them. Export every page of the search (startAt=2 with maxResults=2) and import them together.',
        ],
      ]);
    }
    // The missing page brought: nothing to say.
    const second = writeJson('pay-2.json', page(2, 2, 6, ['PAY-3', 'PAY-4']));
    const whole = await runImport(ws.backend, [third, other, second, first], 'preview');
    expect(told(whole, 'search-incomplete')).toEqual([]);
  });

  it('an array of pages in one file is whole when it holds every page, and named by its path when it does not', async () => {
    const whole = writeJson('pages.json', [page(0, 2, 4, ['A-1', 'A-2']), page(2, 2, 4, ['A-3', 'A-4'])]);
    expect(told(await runImport(ws.backend, [whole], 'preview'), 'search-incomplete')).toEqual([]);
    const part = writeJson('part.json', [page(2, 2, 7, ['A-3', 'A-4']), page(4, 2, 7, ['A-5', 'A-6'])]);
    const status = await runImport(ws.backend, [part], 'preview');
    expect(told(status, 'search-incomplete').map(([file, line, column, value, message]) => [file, line, column, value, String(message).split(': ')[1]])).toEqual([
      ['part.json', null, '[0].total', '7', 'the issues at startAt 0–1, 6 are missing. Flow metrics would count only these 4 items, as if they were all of them. Export every page of the search (startAt=0, 6 with maxResults=2) and import them together.'],
    ]);
    expect(String(told(status, 'search-incomplete')[0]![4])).toMatch(/^The 2 pages of a Jira search that found 7 issues \(their total\) in part\.json hold 4 of them:/);
  });

  it("Jira Cloud's /search/jql pages (nextPageToken, isLast, no total): partial when none read is the last", async () => {
    const cloudPage = (keys: string[], isLast: boolean) => ({ issues: keys.map((k) => issue(k)), ...(isLast ? {} : { nextPageToken: 'Ch0jU3RyaW5nJlUwVlNWa1ZTJTNEJTNE' }), isLast });
    const first = writeJson('cloud-1.json', cloudPage(['C-1', 'C-2'], false));
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [first], mode);
      expect(told(status, 'search-incomplete')).toEqual([
        [
          'cloud-1.json',
          null,
          'isLast',
          'false',
          'cloud-1.json is a page of a Jira Cloud search (/search/jql) that is not its last (isLast is false), with 2 issues: the search found more, and its answer gives no total. ' +
            'Flow metrics would count only these 2 items, as if they were all of them. Export every page (ask again with each answer\'s nextPageToken until one says "isLast": true) and import them together.',
        ],
      ]);
    }
    const last = writeJson('cloud-2.json', cloudPage(['C-3'], true));
    expect(told(await runImport(ws.backend, [first, last], 'preview'), 'search-incomplete')).toEqual([]);
  });
});

describe('Jira issues whose change history is cut short', () => {
  it("are said once per file, counted and the first three named by key and path, with how to fetch the whole changelog (the audit's file); an issue with its whole history is not", async () => {
    const path = fixture('jira', 'jira-truncated-changelog.json');
    const whole = writeJson('whole.json', { startAt: 0, maxResults: 50, total: 1, issues: [issue('OPS-1', { startAt: 0, maxResults: 0, total: 0, histories: [] })] });
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [path, whole], mode);
      expect(told(status, 'changelog-truncated')).toEqual([
        [
          'jira-truncated-changelog.json',
          null,
          'issues[0].changelog.total',
          '250',
          '5 issues of jira-truncated-changelog.json have a longer history than the file gives (changelog.total above the histories listed: a Jira search gives at most 100 an issue): ' +
            'PAY-1 at issues[0].changelog (5 of 250), PAY-2 at issues[1].changelog (1 of 250), PAY-3 at issues[2].changelog (1 of 250) and 2 more. ' +
            "The status changes left out may make their start and cycle times wrong. Fetch each one's whole history from its changelog (GET /rest/api/2/issue/PAY-1/changelog, or /rest/api/3/… on Jira Cloud, in pages: startAt=0, 100, …), " +
            "put its histories (the answer's values) in the issue's changelog.histories, and import the file again.",
        ],
      ]);
      expect(status.report!.counts.items).toBe(6);
    }
  });

  it('one such issue in an array of pages is named alone, by its path in the file', async () => {
    const cut = issue('B-2', { startAt: 0, maxResults: 100, total: 140, histories: [] });
    const path = writeJson('pages.json', [{ startAt: 0, maxResults: 1, total: 2, issues: [issue('B-1')] }, { startAt: 1, maxResults: 1, total: 2, issues: [cut] }]);
    const status = await runImport(ws.backend, [path], 'preview');
    expect(told(status, 'changelog-truncated')).toEqual([
      [
        'pages.json',
        null,
        '[1].issues[0].changelog.total',
        '140',
        '1 issue of pages.json has a longer history than the file gives (changelog.total above the histories listed: a Jira search gives at most 100 an issue): B-2 at [1].issues[0].changelog (0 of 140). ' +
          "The status changes left out may make its start and cycle times wrong. Fetch each one's whole history from its changelog (GET /rest/api/2/issue/B-2/changelog, or /rest/api/3/… on Jira Cloud, in pages: startAt=0, 100, …), " +
          "put its histories (the answer's values) in the issue's changelog.histories, and import the file again.",
      ],
    ]);
  });
});

describe('a Jira search made without expand=changelog', () => {
  const unlogged = (key: string, fields: Record<string, unknown>) => {
    const { changelog: _changelog, ...rest } = issue(key);
    return { ...rest, fields: { ...rest.fields, ...fields } };
  };
  const done = { status: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } } };
  const doing = { status: { name: 'In Progress', statusCategory: { key: 'indeterminate', name: 'In Progress' } } };

  it('dates its issues from their fields, as a Jira CSV row, and invents no history: a done issue is not done the moment it was created; said once for the file', async () => {
    const path = writeJson('search.json', {
      startAt: 0,
      maxResults: 50,
      total: 3,
      issues: [
        unlogged('PAY-1', { ...done, resolutiondate: '2024-03-20T10:00:00.000+0000', statuscategorychangedate: '2024-03-20T10:00:00.000+0000' }),
        unlogged('PAY-2', { ...doing, statuscategorychangedate: '2024-03-05T08:00:00.000+0000' }),
        unlogged('PAY-3', {}),
      ],
    });
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [path], mode);
      expect(told(status, 'no-status-history')).toEqual([
        [
          'search.json',
          null,
          'issues[0].changelog',
          null,
          '3 issues of search.json have no changelog (PAY-1, PAY-2 and PAY-3): the search was made without expand=changelog, so their status history is unknown. They get their created, status category changed and resolution dates only: no cycle time or flow efficiency. Export the search again with expand=changelog (…/search?jql=…&expand=changelog,names) and import it.',
        ],
      ]);
    }
    const rows = db(ws).prepare('SELECT key, first_active_at, done_at FROM work_items ORDER BY key').raw().all();
    expect(rows).toEqual([
      ['PAY-1', null, Date.parse('2024-03-20T10:00:00Z')],
      ['PAY-2', Date.parse('2024-03-05T08:00:00Z'), null],
      ['PAY-3', null, null],
    ]);
    expect(db(ws).prepare('SELECT count(*) FROM status_transitions').pluck().get()).toBe(0);
  });

  describe('edge cases', () => {
    it('a done issue with neither a resolution date nor a status category date is said to have no done date, pointing at its resolutiondate and at expand=changelog', async () => {
      const path = writeJson('search.json', { startAt: 0, maxResults: 50, total: 1, issues: [unlogged('PAY-1', done)] });
      const status = await runImport(ws.backend, [path], 'preview');
      expect(told(status, 'done-without-date').map(([file, line, column, value, message]) => [file, line, column, value, String(message).split(': ')[1]])).toEqual([
        ['search.json', null, 'issues[0].fields.resolutiondate', 'Done', 'it has no changelog (the search was made without expand=changelog) and no resolutiondate, and no status history for it is imported. It counts in no throughput and is not open either (no WIP), so it is in no flow figure. To count it, export the search again with expand=changelog.'],
      ]);
    });

    it('an issue with a changelog of no status change still starts in its status at its creation; no warning', async () => {
      const path = writeJson('search.json', { startAt: 0, maxResults: 50, total: 1, issues: [issue('PAY-1')] });
      const status = await runImport(ws.backend, [path]);
      expect(told(status, 'no-status-history')).toEqual([]);
      expect(db(ws).prepare('SELECT to_status, at FROM status_transitions').raw().all()).toEqual([['To Do', Date.parse('2024-03-01T09:00:00Z')]]);
    });
  });
});
