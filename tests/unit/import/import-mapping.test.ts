import { describe, expect, it } from 'vitest';
import { CsvFileMapping } from '../../../shared/import/csv-file-mapping';
import { csvFormatFor, detectCsvFormat, detectJsonFormat } from '../../../shared/import/format-detection';
import { flowDatesOf } from '../../../shared/import/flow-dates';
import { jiraIssuesOf, mapJiraJson } from '../../../shared/import/formats/jira-json';
import { mapInterlockBundle } from '../../../shared/import/formats/interlock-bundle';
import { adoLinkDirection } from '../../../shared/import/formats/ado-links';
import { linkDirection } from '../../../shared/import/formats/jira-links';
import type { ImportFormat } from '../../../shared/import/format-names';
import { IssueLog } from '../../../shared/import/import-issues';
import type { DependencyRecord, ItemRecord, RecordSink, ReleaseRecord, TransitionRecord } from '../../../shared/import/import-records';
import { categoryFromSourceName, refineSourceCategory, StatusBook } from '../../../shared/import/status-rules';
import { CSV_TEMPLATES } from '../../../shared/import/templates';

interface Collected {
  items: ItemRecord[];
  transitions: TransitionRecord[];
  dependencies: DependencyRecord[];
  releases: ReleaseRecord[];
  issues: IssueLog;
  statuses: StatusBook;
}

function collector(): RecordSink & Collected {
  const c = { items: [] as ItemRecord[], transitions: [] as TransitionRecord[], dependencies: [] as DependencyRecord[], releases: [] as ReleaseRecord[], issues: new IssueLog(), statuses: new StatusBook() };
  return {
    ...c,
    team: () => undefined,
    objective: () => undefined,
    item: (r) => c.items.push(r),
    transition: (r) => c.transitions.push(r),
    dependency: (r) => c.dependencies.push(r),
    deployment: () => undefined,
    incident: () => undefined,
    planning: () => undefined,
    sprint: () => undefined,
    risk: () => undefined,
    release: (r) => c.releases.push(r),
  };
}

/** Maps a CSV given as rows of cells (header first) with a format's mapper; no I/O. */
function mapRows(format: ImportFormat, rows: string[][], columns: Record<string, string> = {}, workspaceItems: string[] = [], delimiter?: string) {
  const sink = collector();
  const detection = detectCsvFormat(rows[0]!, rows.slice(1));
  const mapping = new CsvFileMapping({
    file: 'test.csv',
    headers: rows[0]!,
    format: csvFormatFor(format, detection.entity)!,
    columns,
    dayOrder: 'dmy',
    sink,
    issues: sink.issues,
    statuses: sink.statuses,
    knowsItem: (key) => workspaceItems.includes(key) || sink.items.some((i) => i.key === key),
    ...(delimiter === undefined ? {} : { delimiter }),
  });
  rows.slice(1).forEach((cells, i) => mapping.row(cells, i + 2));
  mapping.finish();
  return sink;
}

const ms = (iso: string) => Date.parse(iso);

describe('format detection', () => {
  it('tells each format from its header', () => {
    expect(detectCsvFormat(['Summary', 'Issue key', 'Issue id', 'Status'], []).format).toBe('jira-csv');
    expect(detectCsvFormat(['ID', 'Work Item Type', 'Title', 'State'], []).format).toBe('ado-csv');
    expect(detectCsvFormat(['ID', 'Work Item Type', 'Title 1', 'Title 2', 'State'], []).format).toBe('ado-csv');
    expect(detectCsvFormat(['WorkItemId', 'Revision', 'State', 'ChangedDate'], []).format).toBe('ado-revisions');
    expect(detectCsvFormat(['SourceWorkItemId', 'TargetWorkItemId', 'CreatedDate', 'LinkTypeName'], []).format).toBe('ado-links');
    expect(detectCsvFormat(['deployed_at', 'service', 'result'], []).format).toBe('deployments-csv');
    expect(detectCsvFormat(['id', 'opened', 'resolved', 'team'], []).format).toBe('incidents-csv');
    for (const [entity, text] of Object.entries(CSV_TEMPLATES)) {
      const header = text.split('\n')[0]!.split(',');
      expect(detectCsvFormat(header, [])).toMatchObject({ format: 'interlock', entity, confident: true });
    }
  });

  it('recognises a stage-date file by its id column and date columns', () => {
    const d = detectCsvFormat(['ID', 'Name', 'Backlog', 'Doing', 'Done'], [['1', 'x', '01/03/2024', '02/03/2024', '']]);
    expect(d).toMatchObject({ format: 'stages-csv', confident: true });
    expect(detectCsvFormat(['ID', 'Name', 'Owner'], [['1', 'x', 'Ana']])).toMatchObject({ format: 'stages-csv', confident: false });
  });

  it('a template missing a column that tells it is still that template, so the missing column is named', () => {
    const items = ['key', 'title', 'type', 'team', 'created_at'];
    expect(detectCsvFormat(items, [['K-2', 't', 'story', 'checkout', '2024-03-02']])).toMatchObject({ format: 'interlock', entity: 'items', confident: false });
    expect(detectCsvFormat(items, []).reason).toContain('but not status');
    expect(() => mapRows('interlock', [items, ['K-2', 't', 'story', 'checkout', '2024-03-02']])).toThrow('test.csv has no status column');
    expect(detectCsvFormat(['key', 'title', 'type', 'team', 'status'], [])).toMatchObject({ format: 'interlock', entity: 'items' });
    expect(detectCsvFormat(['item', 'from_status', 'to_status'], [])).toMatchObject({ format: 'interlock', entity: 'transitions' });
    expect(detectCsvFormat(['key', 'from_item', 'from_team', 'to_item', 'to_team', 'kind'], [])).toMatchObject({ format: 'interlock', entity: 'dependencies' });
    expect(detectCsvFormat(['key', 'team', 'service', 'succeeded', 'items'], [])).toMatchObject({ format: 'interlock', entity: 'deployments' });
  });

  it('a column named twice is said, with where both are, and the first that is not empty is read', () => {
    const out = mapRows('interlock', [
      ['key', 'name', 'key'],
      ['D-2', 'Two', 'D-3'],
      ['', 'Four', 'D-4'],
    ]);
    expect(out.issues.issues.filter((i) => i.code === 'ignored-column')).toEqual([
      expect.objectContaining({ severity: 'warning', line: 1, column: 'key', message: 'The column "key" appears 2 times (columns 1, 3); in each row the first that is not empty is read (key).' }),
    ]);
    // Each template, and a Jira export that repeats its Sprint and Fix Version/s columns on purpose, say nothing of the kind.
    for (const text of Object.values(CSV_TEMPLATES)) {
      const [header, ...rows] = text.trim().split('\n').map((l) => l.split(','));
      expect(mapRows('interlock', [header!, ...rows]).issues.issues.filter((i) => i.code === 'ignored-column')).toEqual([]);
    }
    const jira = [['Issue key', 'Summary', 'Issue Type', 'Status', 'Created', 'Sprint', 'Sprint'], ['P-1', 'x', 'Story', 'To Do', '01/03/2024 09:00', 'S1', 'S2']];
    expect(mapRows('jira-csv', jira).issues.issues.filter((i) => i.code === 'ignored-column')).toEqual([]);
  });

  it('an items file with no column naming the team says so once; one with a team, component or project column does not', () => {
    const noTeam = mapRows('jira-csv', [['Issue key', 'Summary', 'Issue Type', 'Status', 'Created'], ['P-1', 'x', 'Story', 'To Do', '01/03/2024 09:00'], ['P-2', 'y', 'Story', 'To Do', '01/03/2024 09:00']]);
    expect(noTeam.issues.issues.filter((i) => i.code === 'no-team-column')).toEqual([expect.objectContaining({ severity: 'warning', line: 1, file: 'test.csv' })]);
    expect(noTeam.items.map((i) => i.teamKey)).toEqual([null, null]);
    for (const column of ['Custom field (Team)', 'Component/s', 'Project key']) {
      const named = mapRows('jira-csv', [['Issue key', 'Summary', 'Issue Type', 'Status', 'Created', column], ['P-1', 'x', 'Story', 'To Do', '01/03/2024 09:00', 'core']]);
      expect(named.issues.issues.filter((i) => i.code === 'no-team-column'), column).toEqual([]);
    }
    // Files that are not items have no team of their own to miss.
    expect(mapRows('interlock', [['item', 'from_status', 'to_status', 'at'], ['K-1', '', 'To Do', '2024-03-01T00:00:00Z']]).issues.issues.filter((i) => i.code === 'no-team-column')).toEqual([]);
  });

  it('a file that shares a few names with a template keeps its own format', () => {
    // A deployments export with its own time column, and stage-date files naming a title or a team.
    expect(detectCsvFormat(['key', 'team', 'service', 'deployed_at', 'status'], []).format).toBe('deployments-csv');
    expect(detectCsvFormat(['ID', 'title', 'type', 'team', 'Backlog', 'Done'], [['1', 'x', 'story', 'a', '01/03/2024', '02/03/2024']])).toMatchObject({ format: 'stages-csv', confident: true });
    expect(detectCsvFormat(['key', 'title', 'Backlog', 'Doing', 'Done'], [['1', 'x', '01/03/2024', '02/03/2024', '']]).format).toBe('stages-csv');
  });

  describe('edge cases', () => {
    it('says so when nothing matches, naming the headers', () => {
      const d = detectCsvFormat(['colour', 'size'], []);
      expect(d.format).toBeNull();
      expect(d.reason).toContain('colour, size');
      expect(detectJsonFormat({ data: [] }).format).toBeNull();
      expect(detectJsonFormat([]).format).toBeNull();
      expect(detectJsonFormat({ issues: [] }).format).toBe('jira-json');
      expect(detectJsonFormat({ items: [] }).format).toBe('interlock');
    });
  });
});

describe('a text an unquoted delimiter may have cut in two', () => {
  const cuts = (out: ReturnType<typeof mapRows>) => out.issues.issues.filter((i) => i.code === 'unquoted-delimiter').map((i) => [i.line, i.column, i.value, i.message]);

  it('a free-text cell followed by a cell that starts with a space is said once per cut, at its line and column', () => {
    const out = mapRows('interlock', [
      ['key', 'name', 'value_stream'],
      ['pay', 'Payments', ' Inc'],
      ['ops', 'Operations', 'Platform'],
    ]);
    expect(cuts(out)).toEqual([
      [2, 'name', 'Payments, Inc', '"Payments, Inc" may be one name, cut in two by the comma before " Inc": name is read as "Payments" and value_stream as "Inc". If it is one name, put it in double quotes ("Payments, Inc"); if not, remove the space after the comma.'],
    ]);
  });

  describe('edge cases', () => {
    it('long texts are shown by their ends at the cut; a header ending in an unnamed column names it by number; a tab file and a lone space say nothing', () => {
      const long = 'x'.repeat(30) + 'Payments and Cards of the Nordics';
      const out = mapRows('interlock', [
        ['key', 'name', ''],
        ['pay', long, ` Inc and everything that comes after it, to the end`],
        ['ops', 'Operations', ' '],
      ]);
      expect(cuts(out).map(([, , , message]) => (message as string).split('. If')[0])).toEqual([
        '"…xxxxxxxPayments and Cards of the Nordics, Inc and everything that comes after it,…" may be one name, cut in two by the comma before " Inc and everything that comes after it,…": name is read as "…xxxxxxxPayments and Cards of the Nordics" and column 3 (a column Interlock does not read) as "Inc and everything that comes after it,…"',
      ]);
      expect(cuts(out)[0]![2]).toBe(`${long}, Inc and everything that comes after it, to the end`);
      expect(cuts(mapRows('interlock', [['key', 'name', 'value_stream'], ['pay', 'Payments', ' Inc']], {}, [], '\t'))).toEqual([]);
    });

    it('an items title before its type, a column read strictly, is no cut: a cut there is rejected, not taken', () => {
      const out = mapRows('interlock', [
        ['key', 'title', 'type', 'status', 'created_at'],
        ['K-1', 'Pay by card', ' story', 'To Do', '2024-03-01'],
      ]);
      expect(cuts(out)).toEqual([]);
      expect(out.items.map((i) => [i.title, i.type])).toEqual([['Pay by card', 'story']]);
    });
  });
});

describe('status categories', () => {
  it("refines Jira's three categories by the status name", () => {
    expect(refineSourceCategory('Blocked', 'active')).toBe('waiting');
    expect(refineSourceCategory('Waiting for Review', 'active')).toBe('waiting');
    expect(refineSourceCategory('In Review', 'active')).toBe('active');
    expect(refineSourceCategory("Won't Do", 'done')).toBe('cancelled');
    expect(refineSourceCategory('Ready for Dev', 'todo')).toBe('todo');
    expect(categoryFromSourceName('indeterminate')).toBe('active');
    expect(categoryFromSourceName('Completed')).toBe('done');
    expect(categoryFromSourceName('whatever')).toBeNull();
  });

  it("keeps a person's choice over the source's and the name rules", () => {
    const book = new StatusBook([{ status: 'In Review', category: 'waiting', source: 'user' }]);
    book.declare('in review', 'active');
    expect(book.resolve('IN REVIEW')).toBe('waiting');
    expect(book.resolve('On Hold')).toBe('waiting');
    expect(book.changed().map((e) => [e.status, e.source])).toEqual([['On Hold', 'default']]);
  });

  describe('edge cases', () => {
    it('flags a status used before the source declared a different category', () => {
      const book = new StatusBook();
      expect(book.categoryOf('Parked Review')).toBe('waiting');
      book.declare('Parked Review', 'active');
      expect(book.staleAfterUse()).toEqual(['Parked Review']);
    });

    it('derives started and finished dates from a history, a reopened item being unfinished', () => {
      const cat = (s: string) => new StatusBook().categoryOf(s);
      const h = [
        { status: 'To Do', at: 1 },
        { status: 'In Progress', at: 2 },
        { status: 'Done', at: 3 },
      ];
      expect(flowDatesOf(h, cat)).toEqual({ firstActiveAt: 2, doneAt: 3 });
      expect(flowDatesOf([...h, { status: 'In Progress', at: 4 }], cat)).toEqual({ firstActiveAt: 2, doneAt: null });
      expect(flowDatesOf([{ status: 'To Do', at: 1 }, { status: 'Done', at: 5 }, { status: "Won't Do", at: 6 }], cat)).toEqual({ firstActiveAt: null, doneAt: 5 });
      expect(flowDatesOf([], cat)).toEqual({ firstActiveAt: null, doneAt: null });
    });
  });
});

describe('Jira CSV rows', () => {
  const header = ['Issue key', 'Issue id', 'Summary', 'Issue Type', 'Status', 'Status Category', 'Resolution', 'Created', 'Resolved', 'Status Category Changed', 'Custom field (Team)', 'Component/s', 'Parent', 'Labels', 'Labels', 'Outward issue link (Blocks)', 'Outward issue link (Blocks)', 'Inward issue link (Blocks)'];
  const row = (o: Record<string, string>, extra: string[] = []) => header.map((h, i) => extra[i] ?? o[h] ?? '');

  it('maps the fields, team, parent by id and Blocks links in the right direction', () => {
    const out = mapRows('jira-csv', [
      header,
      row({ 'Issue key': 'A-1', 'Issue id': '100', Summary: 'Epic', 'Issue Type': 'Epic', Status: 'In Progress', 'Status Category': 'In Progress', Created: '01/Mar/24 9:00 AM', 'Status Category Changed': '04/Mar/24 10:00 AM', 'Custom field (Team)': 'Checkout' }),
      row(
        { 'Issue key': 'A-2', 'Issue id': '101', Summary: 'Story', 'Issue Type': 'Story', Status: 'Done', 'Status Category': 'Done', Resolution: 'Done', Created: '02/Mar/24 9:00 AM', Resolved: '09/Mar/24 5:00 PM', 'Component/s': 'web', Parent: '100' },
        [],
      ).map((c, i) => (i === 15 ? 'B-7' : i === 16 ? 'B-8' : i === 17 ? 'C-3' : c)),
    ]);
    expect(out.issues.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const [epic, story] = out.items;
    expect(epic).toMatchObject({ key: 'A-1', type: 'epic', teamKey: 'Checkout', createdAt: ms('2024-03-01T09:00:00Z'), firstActiveAt: ms('2024-03-04T10:00:00Z'), doneAt: null });
    // No Custom field (Team) value: the team falls back to Component/s; Parent 100 is A-1's id.
    expect(story).toMatchObject({ key: 'A-2', type: 'story', teamKey: 'web', parentKey: 'A-1', doneAt: ms('2024-03-09T17:00:00Z'), firstActiveAt: null });
    // A-2 blocks B-7 and B-8 (they wait on A-2); A-2 is blocked by C-3 (A-2 waits on C-3).
    expect(out.dependencies.map((d) => [d.fromItemKey, d.toItemKey])).toEqual([
      ['B-7', 'A-2'],
      ['B-8', 'A-2'],
      ['A-2', 'C-3'],
    ]);
    expect(out.dependencies[2]).toMatchObject({ fromTeamKey: 'web', toTeamKey: null, resolvedAt: null });
  });

  it("keeps Won't Do apart from Done, and uses a chosen team column", () => {
    const out = mapRows(
      'jira-csv',
      [header, row({ 'Issue key': 'A-3', Summary: 'x', 'Issue Type': 'Task', Status: 'Closed', 'Status Category': 'Done', Resolution: "Won't Do", Created: '2024-03-01', Resolved: '2024-03-02', 'Component/s': 'api', 'Custom field (Team)': 'T' })],
      { team: 'Component/s' },
    );
    expect(out.items[0]).toMatchObject({ status: "Closed (Won't Do)", teamKey: 'api' });
    expect(out.statuses.categoryOf("Closed (Won't Do)")).toBe('cancelled');
  });

  describe('edge cases', () => {
    it('rejects bad rows with line, column, value and reason, and goes on', () => {
      const out = mapRows('jira-csv', [
        header,
        row({ 'Issue key': 'A-1', Status: 'To Do', Created: '31/Feb/24 9:00 AM' }),
        row({ 'Issue key': '', Status: 'To Do', Created: '01/Mar/24 9:00 AM' }),
        ['A-9', 'too', 'short'],
        row({ 'Issue key': 'A-4', Status: 'To Do', Created: '01/Mar/24 9:00 AM', 'Issue Type': 'Gizmo' }),
      ]);
      expect(out.items.map((i) => i.key)).toEqual(['A-4']);
      const errors = out.issues.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.column, i.value, i.code]);
      expect(errors).toEqual([
        [2, 'Created', '31/Feb/24 9:00 AM', 'invalid-date'],
        [3, 'Issue key', null, 'missing-value'],
        // A row too short: named at the first column it has no cell for.
        [4, 'Issue Type', null, 'column-count'],
      ]);
      expect(out.issues.counts.rejectedRows).toBe(3);
      expect(out.issues.issues.some((i) => i.code === 'unknown-type' && i.line === 5)).toBe(true);
    });

    it('skips blank lines and header rows repeated inside the file', () => {
      const out = mapRows('jira-csv', [header, [''], header, row({ 'Issue key': 'A-1', Status: 'To Do', Created: '2024-03-01' })]);
      expect(out.items).toHaveLength(1);
      expect(out.issues.counts.errors).toBe(0);
    });

    it('skips rows of empty cells, as Excel leaves cleared rows, and reads rows without a header’s unnamed last columns', () => {
      const blank = header.map(() => '');
      const out = mapRows('jira-csv', [header, blank, row({ 'Issue key': 'A-1', Status: 'To Do', Created: '2024-03-01' }), header.map(() => ' ')]);
      expect([out.items.length, out.issues.counts.errors]).toEqual([1, 0]);
      const items = mapRows('interlock', [
        ['key', 'title', 'type', 'team', 'status', 'created_at', '', ''],
        ['A-1', 'One', 'story', 't', 'To Do', '2024-03-01'],
        ['A-2', 'Two', 'story', 't', 'To Do', '2024-03-01', '', ''],
      ]);
      expect(items.items.map((i) => i.key)).toEqual(['A-1', 'A-2']);
      expect(items.issues.counts.errors).toBe(0);
    });

    it('reads link directions of other dependency-like types and ignores the rest', () => {
      expect(linkDirection('Blocks', 'outward')).toBe('other-waits');
      expect(linkDirection('Blocks', 'inward')).toBe('this-waits');
      expect(linkDirection('Dependency', 'outward')).toBe('this-waits');
      expect(linkDirection('Relates', 'outward')).toBeNull();
    });
  });
});

describe('sizes from trackers (story points, effort)', () => {
  const jira = ['Issue key', 'Summary', 'Issue Type', 'Status', 'Created', 'Custom field (Story Points)'];
  const ado = ['ID', 'Work Item Type', 'Title', 'State', 'Created Date', 'Story Points'];

  it('"3 pts" or "#N/A" is no size, warned at its line and column (it used to vanish without a word); the item is imported', () => {
    const out = mapRows('jira-csv', [jira, ['A-1', 'x', 'Story', 'To Do', '2024-03-01', '3 pts'], ['A-2', 'y', 'Story', 'To Do', '2024-03-01', '#N/A'], ['A-3', 'z', 'Story', 'To Do', '2024-03-01', '2,5']]);
    expect(out.items.map((i) => [i.key, i.size])).toEqual([
      ['A-1', null],
      ['A-2', null],
      ['A-3', 2.5],
    ]);
    expect(out.issues.issues.filter((i) => i.code === 'value-ignored').map((i) => [i.severity, i.code, i.line, i.column, i.value, i.message])).toEqual([
      ['warning', 'value-ignored', 2, 'Custom field (Story Points)', '3 pts', 'Custom field (Story Points) is "3 pts": not a number. The item is imported without this size (one already in the workspace keeps its own).'],
      ['warning', 'value-ignored', 3, 'Custom field (Story Points)', '#N/A', 'Custom field (Story Points) is "#N/A": not a number. The item is imported without this size (one already in the workspace keeps its own).'],
    ]);
  });

  describe('edge cases', () => {
    it('an Azure DevOps size of "1,000" (a thousand, or 1.0?) or "-1" is warned about naming why; "13" and an empty cell give no warning', () => {
      const out = mapRows('ado-csv', [ado, ['1', 'User Story', 'x', 'New', '2024-03-01', '1,000'], ['2', 'User Story', 'y', 'New', '2024-03-01', '-1'], ['3', 'User Story', 'z', 'New', '2024-03-01', '13'], ['4', 'User Story', 'w', 'New', '2024-03-01', '']]);
      expect(out.items.map((i) => i.size)).toEqual([null, null, 13, null]);
      expect(out.issues.issues.filter((i) => i.code === 'value-ignored').map((i) => [i.line, i.column, i.message])).toEqual([
        [2, 'Story Points', 'Story Points is "1,000": 1000 with a thousands comma, or 1.0 with a decimal comma? Interlock does not guess: write 1000 or 1.0. The item is imported without this size (one already in the workspace keeps its own).'],
        [3, 'Story Points', 'Story Points is "-1": a size is not negative. The item is imported without this size (one already in the workspace keeps its own).'],
      ]);
    });
  });
});

describe('Jira JSON issues', () => {
  const issue = (key: string, histories: unknown[], extra: Record<string, unknown> = {}) => ({
    key,
    fields: { summary: key, issuetype: { name: 'Story' }, status: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } }, created: '2024-03-01T09:00:00.000+0000', project: { key: 'P' }, ...extra },
    changelog: { histories },
  });
  const h = (created: string, from: string, to: string) => ({ created, items: [{ field: 'status', fromString: from, toString: to }] });

  it('sorts histories newest-first into time order and starts with the creation', () => {
    const sink = collector();
    mapJiraJson(
      { issues: [issue('P-1', [h('2024-03-05T09:00:00.000+0000', 'In Progress', 'Done'), h('2024-03-02T09:00:00.000+0000', 'To Do', 'In Progress')])] },
      { file: 'x.json', sink, issues: sink.issues, statuses: sink.statuses, dayOrder: 'dmy', knowsItem: () => true, teamField: null },
    );
    expect(sink.transitions.map((t) => [t.fromStatus, t.toStatus, new Date(t.at).toISOString().slice(0, 10)])).toEqual([
      [null, 'To Do', '2024-03-01'],
      ['To Do', 'In Progress', '2024-03-02'],
      ['In Progress', 'Done', '2024-03-05'],
    ]);
    expect(sink.items[0]).toMatchObject({ teamKey: 'P', firstActiveAt: ms('2024-03-02T09:00:00Z'), doneAt: ms('2024-03-05T09:00:00Z') });
  });

  describe('edge cases', () => {
    it('rejects one broken issue with its JSON path and keeps the others', () => {
      const sink = collector();
      mapJiraJson(
        { issues: [issue('P-1', []), { key: 'P-2', fields: { status: { name: 'To Do' }, created: 'soon' } }, 'nonsense'] },
        { file: 'x.json', sink, issues: sink.issues, statuses: sink.statuses, dayOrder: 'dmy', knowsItem: () => true, teamField: null },
      );
      expect(sink.items.map((i) => i.key)).toEqual(['P-1']);
      expect(sink.issues.issues.map((i) => [i.column, i.code])).toEqual([
        ['issues[1].fields.created', 'invalid-date'],
        ['issues[2]', 'wrong-shape'],
      ]);
      expect(sink.issues.counts.rejectedRows).toBe(2);
    });

    it('in an array of pages, or a bare array of issues, a broken issue is named by its path in the file, not its index among all the pages', () => {
      const broken = { key: 'P-9', fields: { status: { name: 'To Do' }, created: 'soon' } };
      const paths = (value: unknown) => {
        const sink = collector();
        mapJiraJson(value, { file: 'x.json', sink, issues: sink.issues, statuses: sink.statuses, dayOrder: 'dmy', knowsItem: () => true, teamField: null });
        return sink.issues.issues.map((i) => i.column);
      };
      const page = (...issues: unknown[]) => ({ startAt: 0, issues });
      expect(paths([page(issue('P-1', []), issue('P-2', [])), page(), page(issue('P-3', []), broken), page(broken)])).toEqual(['[2].issues[1].fields.created', '[3].issues[0].fields.created']);
      expect(paths([issue('P-1', []), broken])).toEqual(['[1].fields.created']);
      expect(paths(page(issue('P-1', []), broken))).toEqual(['issues[1].fields.created']);
    });

    it('a page, or a bare array, of 200,000 issues is read whole (spread into one call, it overflowed the stack)', () => {
      const many = new Array<unknown>(200_000).fill(issue('P-1', []));
      expect(jiraIssuesOf({ startAt: 0, issues: many })?.issues).toHaveLength(200_000);
      expect(jiraIssuesOf(many)?.issues).toHaveLength(200_000);
      expect(jiraIssuesOf([{ issues: many }, { issues: [issue('P-2', [])] }])?.pathOf(200_000)).toBe('[1].issues[0]');
    });
  });
});

describe('Interlock JSON bundle', () => {
  const item = { key: 'K-1', title: 'x', type: 'story', teamKey: 'a', status: 'To Do', statusCategory: 'todo', createdAt: '2024-03-01T09:00:00Z', firstActiveAt: null, doneAt: null, parentKey: null, objectiveKeys: [] };
  const context = (sink: ReturnType<typeof collector>) => ({ file: 'b.json', sink, issues: sink.issues, statuses: sink.statuses, dayOrder: 'dmy' as const, knowsItem: () => true, teamField: null });

  it('reads its items', () => {
    const sink = collector();
    mapInterlockBundle({ items: [item] }, context(sink));
    expect(sink.items.map((i) => i.key)).toEqual(['K-1']);
  });

  describe('edge cases', () => {
    it('rejects a bad element with its path and a message that says what the field must be, not zod’s', () => {
      const sink = collector();
      const { title: _untitled, ...withoutTitle } = item;
      mapInterlockBundle(
        { items: [item, { ...item, key: 'K-2', teamKey: 42 }, { ...item, key: 'K-3', type: 'widget' }, withoutTitle] },
        context(sink),
      );
      expect(sink.items.map((i) => i.key)).toEqual(['K-1']);
      expect(sink.issues.issues.map((i) => [i.column, i.message])).toEqual([
        ['items[1].teamKey', 'teamKey must be text, not the number 42.'],
        ['items[2].type', 'type must be one of epic, feature, story, defect, risk, debt, task, not "widget".'],
        ['items[3].title', 'title is missing.'],
      ]);
    });
  });
});

describe('stage-date rows', () => {
  it('turns dated steps into status changes, skipping empty steps, with blocked ranges', () => {
    const out = mapRows('stages-csv', [
      ['ID', 'Name', 'Backlog', 'Development', 'Testing', 'Done', 'Blocked Date Range'],
      ['S-1', 'x', '01/03/2024', '04/03/2024', '', '10/03/2024', '[05/03/2024-07/03/2024]'],
    ]);
    expect(out.transitions.map((t) => [t.toStatus, new Date(t.at).toISOString().slice(0, 10)])).toEqual([
      ['Backlog', '2024-03-01'],
      ['Development', '2024-03-04'],
      ['Blocked', '2024-03-05'],
      ['Development', '2024-03-07'],
      ['Done', '2024-03-10'],
    ]);
    expect(out.items[0]).toMatchObject({ status: 'Done', createdAt: ms('2024-03-01'), firstActiveAt: ms('2024-03-04'), doneAt: ms('2024-03-10') });
  });
});

describe('stage-date columns that hold no dates', () => {
  it('a column of text (a status, notes) is no workflow step: left out for the file, said once, and the rows import', () => {
    const out = mapRows('stages-csv', [
      ['ID', 'Name', 'Current column', 'Backlog', 'Development', 'Done', 'Notes'],
      ['S-1', 'x', 'Done', '01/03/2024', '04/03/2024', '10/03/2024', ''],
      ['S-2', 'y', 'Development', '02/03/2024', '05/03/2024', '', 'waiting for QA'],
    ]);
    expect(out.items.map((i) => [i.key, i.status])).toEqual([
      ['S-1', 'Done'],
      ['S-2', 'Development'],
    ]);
    expect(out.issues.counts.errors).toBe(0);
    expect(out.issues.issues.filter((i) => i.code === 'ignored-column').map((i) => [i.line, i.column])).toEqual([
      [2, 'Current column'],
      [3, 'Notes'],
    ]);
  });
});

describe('stage-date rows out of order', () => {
  it('a later step dated before an earlier one is said, and the row is read in time order', () => {
    const out = mapRows('stages-csv', [
      ['ID', 'Name', 'Backlog', 'Development', 'Done'],
      ['S-1', 'x', '05/03/2024', '06/03/2024', '01/03/2024'],
      ['S-2', 'y', '01/03/2024', '02/03/2024', '03/03/2024'],
    ]);
    expect(out.issues.issues.filter((i) => i.code === 'steps-out-of-order')).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'Done',
        message: 'S-1 entered Done (2024-03-01) before Development (2024-03-06), which comes first in the columns; its steps are read in time order, so it ends in Development.',
      }),
    ]);
    expect(out.items.map((i) => [i.key, i.status])).toEqual([
      ['S-1', 'Development'],
      ['S-2', 'Done'],
    ]);
  });
});

describe('Azure DevOps revisions', () => {
  it('orders revisions by number and keeps only state changes', () => {
    const out = mapRows('ado-revisions', [
      ['WorkItemId', 'Revision', 'State', 'ChangedDate'],
      ['7', '3', 'Active', '2024-03-03T00:00:00Z'],
      ['7', '1', 'New', '2024-03-01T00:00:00Z'],
      ['7', '2', 'New', '2024-03-02T00:00:00Z'],
      ['7', '4', 'Closed', '2024-03-04T00:00:00Z'],
    ]);
    expect(out.transitions.map((t) => [t.fromStatus, t.toStatus, t.line])).toEqual([
      [null, 'New', 3],
      ['New', 'Active', 2],
      ['Active', 'Closed', 5],
    ]);
  });
});

describe('Azure DevOps links', () => {
  const HEADER = ['SourceWorkItemId', 'TargetWorkItemId', 'CreatedDate', 'DeletedDate', 'LinkTypeReferenceName', 'LinkTypeName'];
  const known = ['1', '2', '3'];

  it('reads which end waits from the link type, either name', () => {
    expect(adoLinkDirection('System.LinkTypes.Dependency-Forward', 'Successor')).toBe('other-waits');
    expect(adoLinkDirection('System.LinkTypes.Dependency-Reverse', null)).toBe('this-waits');
    expect(adoLinkDirection(null, 'Predecessor')).toBe('this-waits');
    expect(adoLinkDirection('Custom.Blocks-Reverse', 'Blocked By')).toBe('this-waits');
    expect(adoLinkDirection('Custom.Blocks-Forward', 'Blocks')).toBe('other-waits');
    expect(adoLinkDirection('System.LinkTypes.Hierarchy-Forward', 'Child')).toBeNull();
    expect(adoLinkDirection('System.LinkTypes.Related', 'Related')).toBeNull();
  });

  it('one dependency per link, whichever end the rows start from; the newest row of a re-added link holds', () => {
    const out = mapRows(
      'ado-links',
      [
        HEADER,
        ['2', '1', '2024-03-02T00:00:00Z', '', 'System.LinkTypes.Dependency-Reverse', 'Predecessor'],
        ['1', '2', '2024-03-02T00:00:00Z', '', 'System.LinkTypes.Dependency-Forward', 'Successor'],
        ['3', '1', '2024-03-01T00:00:00Z', '2024-03-03T00:00:00Z', 'System.LinkTypes.Dependency-Reverse', 'Predecessor'],
        ['3', '1', '2024-03-05T00:00:00Z', '', 'System.LinkTypes.Dependency-Reverse', 'Predecessor'],
      ],
      {},
      known,
    );
    // The kind does not depend on which end's row came last; the line is the row that holds.
    expect(out.dependencies.map((d) => [d.key, d.kind, d.createdAt, d.resolvedAt, d.resolvedWhenDone, d.line])).toEqual([
      ['2->1', 'successor', ms('2024-03-02T00:00:00Z'), null, true, 3],
      ['3->1', 'successor', ms('2024-03-05T00:00:00Z'), null, true, 5],
    ]);
  });

  describe('edge cases', () => {
    it('a row without a link type, or linking an item to itself, is rejected with its line and column', () => {
      const out = mapRows(
        'ado-links',
        [
          ['SourceWorkItemId', 'TargetWorkItemId', 'CreatedDate', 'LinkTypeName'],
          ['1', '2', '2024-03-02T00:00:00Z', ''],
          ['1', '1', '2024-03-02T00:00:00Z', 'Successor'],
          ['1', '2', 'yesterday', 'Successor'],
        ],
        {},
        known,
      );
      expect(out.dependencies).toEqual([]);
      expect(out.issues.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.column, i.code])).toEqual([
        [2, 'LinkTypeName', 'missing-value'],
        [3, 'TargetWorkItemId', 'invalid-value'],
        [4, 'CreatedDate', 'invalid-date'],
      ]);
    });

    it('a links file with no dependency links holds no records, and says which types it ignored', () => {
      const out = mapRows('ado-links', [HEADER, ['1', '2', '2024-03-02T00:00:00Z', '', 'System.LinkTypes.Related', 'Related']], {}, known);
      expect(out.dependencies).toEqual([]);
      expect(out.issues.issues.map((i) => i.message)).toContain('Links of type Related (1) are not dependencies and were ignored.');
    });
  });
});

describe('templates', () => {
  it('the fixtures are the templates the Import page offers, and docs/IMPORT.md shows them', async () => {
    const { readFileSync } = await import('node:fs');
    const { IMPORT_TEMPLATES } = await import('../../../shared/import/templates');
    const doc = readFileSync(new URL('../../../docs/IMPORT.md', import.meta.url), 'utf8');
    for (const t of IMPORT_TEMPLATES) {
      expect(readFileSync(new URL(`../../fixtures/import/interlock/${t.fileName}`, import.meta.url), 'utf8')).toBe(t.content);
      expect(doc).toContain(t.content.trim());
    }
  });
});
