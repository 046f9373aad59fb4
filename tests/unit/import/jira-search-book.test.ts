import { describe, expect, it } from 'vitest';
import { JiraSearchBook } from '../../../shared/import/formats/jira-search-book';
import { mapJiraJson } from '../../../shared/import/formats/jira-json';
import { IssueLog } from '../../../shared/import/import-issues';
import type { RecordSink } from '../../../shared/import/import-records';
import { StatusBook } from '../../../shared/import/status-rules';

/** The search-incomplete warnings the book gives for `pages` ([file, startAt, maxResults, total, count]). */
function warned(pages: [string, number, number | undefined, number, number][]): { file: string; column: string | null; message: string }[] {
  const book = new JiraSearchBook();
  for (const [file, startAt, maxResults, total, count] of pages) book.page(file, '', { startAt, maxResults, total, issues: [] }, count);
  const issues = new IssueLog();
  const told: string[] = [];
  book.warnPartial(issues, (file) => told.push(file));
  expect(told).toEqual(issues.issues.map((i) => i.file));
  return issues.issues.map((i) => ({ file: i.file, column: i.column, message: i.message }));
}

describe('JiraSearchBook', () => {
  it('takes overlapping pages and a page saved twice for the positions they cover, whatever their order', () => {
    expect(warned([['b.json', 40, 50, 90, 50], ['a.json', 0, 50, 90, 50], ['a2.json', 0, 50, 90, 50]])).toEqual([]);
  });

  it('lists at most five missing ranges, and the pages to export from each', () => {
    const pages: [string, number, number | undefined, number, number][] = [0, 2, 4, 6, 8, 10].map((p) => [`p${p}.json`, p * 10, 10, 120, 10]);
    const [warning] = warned(pages);
    expect(warning!.message).toContain('The 6 pages of a Jira search that found 120 issues (their total) in p0.json, p2.json and 4 other files hold 60 of them: the issues at startAt 10–19, 30–39, 50–59, 70–79, 90–99 and 1 more range are missing.');
    expect(warning!.message).toContain('(startAt=10, 30, 50, …, 110 with maxResults=10)');
  });

  it('steps by the pages’ issues when maxResults is missing or 0 (never a step of nothing)', () => {
    expect(warned([['a.json', 0, 0, 7, 3]])[0]!.message).toContain('(startAt=3, 6 with maxResults=3)');
    expect(warned([['a.json', 0, undefined, 8, 4]])[0]!.message).toContain('(startAt=4 with maxResults=4)');
  });

  it('tells each search once, and forgets its pages once told', () => {
    const book = new JiraSearchBook();
    book.page('a.json', '', { startAt: 0, total: 3 }, 1);
    book.page('b.json', '[1].', { startAt: 0, total: 2 }, 1);
    const issues = new IssueLog();
    book.warnPartial(issues);
    expect(issues.issues.map((i) => [i.file, i.column, i.value])).toEqual([
      ['a.json', 'total', '3'],
      ['b.json', '[1].total', '2'],
    ]);
    book.warnPartial(issues);
    expect(issues.issues).toHaveLength(2);
  });
});

describe('mapJiraJson on its own (no books of an import)', () => {
  it('tells a page that is part of its search at the end of the call, its pages being all it sees', () => {
    const issues = new IssueLog();
    const nothing = () => undefined;
    const sink = { team: nothing, objective: nothing, item: nothing, transition: nothing, dependency: nothing, deployment: nothing, incident: nothing, planning: nothing, sprint: nothing, risk: nothing, release: nothing } as unknown as RecordSink;
    const issue = { key: 'P-1', fields: { status: { name: 'To Do' }, created: '2024-03-01T09:00:00.000+0000' }, changelog: { histories: [] } };
    mapJiraJson({ startAt: 0, maxResults: 1, total: 2, issues: [issue] }, { file: 'x.json', sink, issues, statuses: new StatusBook(), dayOrder: 'dmy', knowsItem: () => true, teamField: null });
    expect(issues.issues.map((i) => [i.code, i.column, i.message.split(':')[0]])).toEqual([['search-incomplete', 'total', 'x.json is one page of a Jira search that found 2 issues (its total), and holds 1 of them']]);
  });
});
