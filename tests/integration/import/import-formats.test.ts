import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, dumpWorkspace, fixture, runImport, tempWorkspace, type TempWorkspace } from './import-support';

let ws: TempWorkspace;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(() => ws.dispose());

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const item = (key: string) =>
  db(ws).prepare(`SELECT w.*, t.key AS team FROM work_items w LEFT JOIN teams t ON t.id = w.team_id WHERE w.key = ?`).get(key) as {
    title: string;
    type: string;
    team: string | null;
    status: string;
    status_category: string;
    created_at: number;
    first_active_at: number | null;
    done_at: number | null;
    parent_key: string | null;
  };
const history = (key: string) =>
  (db(ws).prepare(`SELECT from_status, to_status, to_category, at FROM status_transitions WHERE item_id = (SELECT id FROM work_items WHERE key = ?) ORDER BY at, id`).raw().all(key) as [string | null, string, string, number][]).map(
    ([f, t, c, at]) => [f, t, c, iso(at)],
  );

describe('importing each format', () => {
  it('Jira CSV (BOM, CRLF, multi-line cells, repeated headers): items, teams and Blocks dependencies', async () => {
    const status = await runImport(ws.backend, [fixture('jira', 'jira-all-fields.csv')]);
    expect(status.state).toBe('done');
    expect(status.report!.counts).toMatchObject({ items: 15, dependencies: 3, transitions: 0 });
    expect(status.report!.files[0]).toMatchObject({ format: 'jira-csv', encoding: 'UTF-8 with BOM', rows: 15 });
    expect(item('CHK-102')).toMatchObject({ type: 'story', team: 'Checkout', status: 'Done', status_category: 'done', parent_key: 'CHK-101' });
    expect(iso(item('CHK-102').done_at)).toBe('2024-02-02T17:45:00.000Z');
    expect(item('CHK-104')).toMatchObject({ status: 'Blocked', status_category: 'waiting', type: 'defect' });
    expect(iso(item('CHK-104').first_active_at)).toBe('2024-02-06T10:15:00.000Z');
    expect(item('CHK-107')).toMatchObject({ status: "Done (Won't Do)", status_category: 'cancelled' });
    expect(item('BSK-13').status_category).toBe('waiting'); // Ready for Test under In Progress
    // CHK-102 is blocked by PLT-7; BSK-11 and BSK-12 block CHK-104.
    const deps = db(ws).prepare('SELECT from_item_key, to_item_key FROM dependencies ORDER BY key').raw().all();
    expect(deps).toEqual([
      ['CHK-102', 'PLT-7'],
      ['CHK-104', 'BSK-11'],
      ['CHK-104', 'BSK-12'],
    ]);
    expect(status.report!.issueCounts['no-status-history']).toBe(1);
  });

  it('Jira JSON with changelog: full histories in time order, links, cancelled resolutions', async () => {
    const status = await runImport(ws.backend, [fixture('jira', 'jira-search-changelog.json')]);
    expect(status.state).toBe('done');
    expect(history('PAY-1')).toEqual([
      [null, 'To Do', 'todo', '2024-03-01T08:00:00.000Z'],
      ['To Do', 'In Progress', 'active', '2024-03-02T08:15:00.000Z'],
      ['In Progress', 'Blocked', 'waiting', '2024-03-03T08:00:00.000Z'],
      ['Blocked', 'In Progress', 'active', '2024-03-04T10:00:00.000Z'],
      ['In Progress', 'In Review', 'active', '2024-03-06T09:00:00.000Z'],
      ['In Review', 'Done', 'done', '2024-03-08T15:30:00.000Z'],
    ]);
    expect(item('PAY-1')).toMatchObject({ team: 'Payments', status_category: 'done' });
    expect(iso(item('PAY-1').first_active_at)).toBe('2024-03-02T08:15:00.000Z');
    expect(iso(item('PAY-1').done_at)).toBe('2024-03-08T15:30:00.000Z');
    // Reopened after Done: not finished.
    expect(item('PAY-5')).toMatchObject({ done_at: null, parent_key: 'PAY-4' });
    expect(item('PAY-3')).toMatchObject({ status: "Won't Do (Won't Do)", status_category: 'cancelled' });
    // PAY-1 blocks PAY-2 (seen from both issues): one dependency, PAY-2 waits on PAY-1, resolved when PAY-1 was done.
    const deps = db(ws).prepare('SELECT key, from_item_key, to_item_key, resolved_at FROM dependencies').raw().all();
    expect(deps).toEqual([['PAY-2->PAY-1', 'PAY-2', 'PAY-1', Date.parse('2024-03-08T15:30:00Z')]]);
  });

  describe('a Jira export in several files (JSON pages, CSV parts)', () => {
    const BLOCKS = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
    const jiraIssue = (key: string, created: string, links: object[]) => ({
      key,
      fields: { summary: key, issuetype: { name: 'Story' }, project: { key: 'PAY' }, status: { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } }, created, issuelinks: links },
      changelog: { histories: [] },
    });
    // PAY-1 blocks PAY-2, listed on both; the two issues are on different pages. PAY-3 waits on ZZ-9, which no page holds.
    const page1 = { issues: [jiraIssue('PAY-1', '2024-03-01T09:00:00.000+0000', [{ type: BLOCKS, outwardIssue: { key: 'PAY-2' } }]), jiraIssue('PAY-3', '2024-03-02T09:00:00.000+0000', [{ type: BLOCKS, inwardIssue: { key: 'ZZ-9' } }])] };
    const page2 = { issues: [jiraIssue('PAY-2', '2024-03-05T09:00:00.000+0000', [{ type: BLOCKS, inwardIssue: { key: 'PAY-1' } }])] };
    const write = (name: string, value: unknown) => {
      const path = join(ws.dir, name);
      writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
      return path;
    };
    const dependencyRows = () => db(ws).prepare('SELECT key, from_item_key, to_item_key, kind, created_at, resolved_at FROM dependencies ORDER BY key').raw().all();

    it('makes one dependency of a link whose two ends are in different files, as one file of both pages does, and warns only of the end in no file', async () => {
      const status = await runImport(ws.backend, [write('jira-page-1.json', page1), write('jira-page-2.json', page2)]);
      expect(status.state).toBe('done');
      const report = status.report!;
      expect(report.counts.dependencies).toBe(2);
      expect(report.issues.map((i) => [i.file, i.code, i.value])).toEqual([['jira-page-1.json', 'unknown-item', 'ZZ-9']]);
      // Each counted once: the link to ZZ-9 in the file that listed it, PAY-2's in the file where both its ends had been read.
      expect(report.files.map((f) => [f.name, f.counts.dependencies, f.counts.items])).toEqual([
        ['jira-page-1.json', 1, 2],
        ['jira-page-2.json', 1, 1],
      ]);
      // Created when the later of its two issues was.
      expect(dependencyRows()).toEqual([
        ['PAY-2->PAY-1', 'PAY-2', 'PAY-1', 'blocks', Date.parse('2024-03-05T09:00:00Z'), null],
        ['PAY-3->ZZ-9', 'PAY-3', 'ZZ-9', 'blocks', Date.parse('2024-03-02T09:00:00Z'), null],
      ]);
      const paged = dependencyRows();

      const other = await tempWorkspace();
      try {
        const whole = await runImport(other.backend, [write('jira-both-pages.json', [page1, page2])]);
        expect(whole.report!.counts.dependencies).toBe(2);
        expect(db(other).prepare('SELECT key, from_item_key, to_item_key, kind, created_at, resolved_at FROM dependencies ORDER BY key').raw().all()).toEqual(paged);
      } finally {
        other.dispose();
      }
    });

    it('does the same for Jira CSV exports in parts: one dependency per link, the line that first listed it kept for a warning', async () => {
      const header = 'Summary,Issue key,Issue Type,Status,Project key,Created,Inward issue link (Blocks),Outward issue link (Blocks)';
      const part1 = write('jira-part-1.csv', `${header}\nOne,PAY-1,Story,To Do,PAY,01/Mar/24 9:00 AM,,PAY-2\nThree,PAY-3,Story,To Do,PAY,02/Mar/24 9:00 AM,ZZ-9,\n`);
      const part2 = write('jira-part-2.csv', `${header}\nTwo,PAY-2,Story,To Do,PAY,05/Mar/24 9:00 AM,PAY-1,\n`);
      const status = await runImport(ws.backend, [part1, part2]);
      expect(status.error ?? null).toBeNull();
      expect(status.state).toBe('done');
      expect(status.report!.counts.dependencies).toBe(2);
      expect(status.report!.issues.filter((i) => i.code !== 'no-status-history').map((i) => [i.file, i.line, i.code, i.value])).toEqual([['jira-part-1.csv', 3, 'unknown-item', 'ZZ-9']]);
      expect(status.report!.files.map((f) => [f.name, f.counts.dependencies])).toEqual([
        ['jira-part-1.csv', 1],
        ['jira-part-2.csv', 1],
      ]);
      expect(dependencyRows()).toEqual([
        ['PAY-2->PAY-1', 'PAY-2', 'PAY-1', 'blocks', Date.parse('2024-03-05T09:00:00Z'), null],
        ['PAY-3->ZZ-9', 'PAY-3', 'ZZ-9', 'blocks', Date.parse('2024-03-02T09:00:00Z'), null],
      ]);
    });

    it("finds a Jira CSV part's parent named by id in another part, and warns only of a parent in no part, in the file that named it", async () => {
      const header = 'Summary,Issue key,Issue id,Issue Type,Status,Project key,Created,Parent';
      const part1 = write('jira-part-1.csv', `${header}\nStory,PAY-2,10002,Story,To Do,PAY,02/Mar/24 9:00 AM,10001\nOrphan,PAY-3,10003,Story,To Do,PAY,02/Mar/24 9:00 AM,99999\n`);
      const part2 = write('jira-part-2.csv', `${header}\nEpic,PAY-1,10001,Epic,To Do,PAY,01/Mar/24 9:00 AM,\nSibling,PAY-4,10004,Story,To Do,PAY,03/Mar/24 9:00 AM,10001\n`);
      const status = await runImport(ws.backend, [part1, part2]);
      expect(status.state).toBe('done');
      expect(status.report!.counts.items).toBe(4);
      expect(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4'].map((key) => item(key).parent_key)).toEqual([null, 'PAY-1', null, 'PAY-1']);
      expect(status.report!.issues.filter((i) => i.code !== 'no-status-history').map((i) => [i.file, i.line, i.code, i.value])).toEqual([['jira-part-1.csv', 3, 'unknown-item', '99999']]);
      // The import log's warnings per file: each file's "no status history", and the parent in no part where it was named.
      expect(db(ws).prepare('SELECT file_name, warnings FROM imports ORDER BY id').raw().all()).toEqual([
        ['jira-part-1.csv', 2],
        ['jira-part-2.csv', 1],
      ]);
      const preview = await runImport(ws.backend, [part1, part2], 'preview');
      expect(preview.report!.issueCounts['unknown-item']).toBe(1);
    });

    it('previews the same counts and warnings as it imports', async () => {
      const files = [write('jira-page-1.json', page1), write('jira-page-2.json', page2)];
      const preview = await runImport(ws.backend, files, 'preview');
      const imported = await runImport(ws.backend, files);
      expect(preview.report!.counts).toEqual(imported.report!.counts);
      expect(preview.report!.issueCounts).toEqual({ 'unknown-item': 1 });
      expect(imported.report!.issueCounts).toEqual({ 'unknown-item': 1 });
    });
  });

  it('Jira JSON fixVersions: each named version is a release of the item, its releaseDate kept as the day it shipped', async () => {
    const status = await runImport(ws.backend, [fixture('jira', 'jira-search-fix-versions.json')]);
    expect(status.state).toBe('done');
    expect(status.report!.counts).toMatchObject({ items: 3, releases: 2 });
    // Names are trimmed; blank and missing names are no release; an unreleased version has no date.
    expect(db(ws).prepare('SELECT name, released_at FROM releases ORDER BY name').raw().all()).toEqual([
      ['Payments 2026.11', Date.UTC(2026, 10, 30)],
      ['Payments 2026.12', null],
    ]);
    expect(
      db(ws).prepare(`SELECT w.key, r.name FROM item_releases ir JOIN releases r ON r.id = ir.release_id JOIN work_items w ON w.id = ir.item_id ORDER BY 1, 2`).raw().all(),
    ).toEqual([
      ['PAY-101', 'Payments 2026.11'],
      ['PAY-102', 'Payments 2026.11'],
      ['PAY-102', 'Payments 2026.12'],
    ]);
  });

  it("counts a JSON file's own records as its rows, not those of the files read before it", async () => {
    const alone = await runImport(ws.backend, [fixture('jira', 'jira-search-changelog.json')], 'preview');
    const ownRows = alone.report!.files[0]!.rows;
    expect(ownRows).toBe(Object.values(alone.report!.counts).reduce((a, b) => a + b, 0));
    const after = await runImport(ws.backend, [fixture('interlock', 'interlock-teams.csv'), fixture('jira', 'jira-search-changelog.json')], 'preview');
    const json = after.report!.files.find((f) => f.format === 'jira-json')!;
    expect(after.report!.counts.teams).toBeGreaterThan(0);
    expect(json.rows).toBe(ownRows);
  });

  it('Azure DevOps query CSV then revisions CSV: team from Area Path, en-US dates, history from revisions', async () => {
    const first = await runImport(ws.backend, [fixture('ado', 'ado-query.csv')]);
    expect(first.report!.counts.items).toBe(5);
    expect(item('1202')).toMatchObject({ title: 'KYC document upload', team: 'Onboarding', type: 'story', status_category: 'done' });
    expect(iso(item('1202').created_at)).toBe('2024-03-05T14:00:00.000Z');
    expect(iso(item('1202').done_at)).toBe('2024-03-20T11:00:00.000Z');
    expect(item('1205').status_category).toBe('cancelled');
    const second = await runImport(ws.backend, [fixture('ado', 'ado-revisions.csv')]);
    expect(second.state).toBe('done');
    expect(history('1202').map((h) => h[1])).toEqual(['New', 'Active', 'Resolved', 'Closed']);
    // The history now decides the dates: first Active revision, and Resolved counts as finished by name.
    expect(iso(item('1202').first_active_at)).toBe('2024-03-12T09:30:00.000Z');
    expect(iso(item('1202').done_at)).toBe('2024-03-19T16:45:00.000Z');
    // 1301 was only in the revisions file, which names its title and type: created from it.
    expect(item('1301')).toMatchObject({ type: 'defect', team: 'Settlements', status: 'Closed' });
  });

  it('Azure DevOps links: Successor/Predecessor rows from both ends make one dependency each, teams and resolution from the items', async () => {
    await runImport(ws.backend, [fixture('ado', 'ado-query.csv')]);
    const status = await runImport(ws.backend, [fixture('ado', 'ado-links.csv')]);
    expect(status.state).toBe('done');
    expect(status.report!.files[0]!.format).toBe('ado-links');
    expect(status.report!.counts.dependencies).toBe(4);
    const deps = db(ws)
      .prepare(
        `SELECT d.key, ft.name, tt.name, d.created_at, d.resolved_at FROM dependencies d
         LEFT JOIN teams ft ON ft.id = d.from_team_id LEFT JOIN teams tt ON tt.id = d.to_team_id ORDER BY d.key`,
      )
      .raw()
      .all();
    expect(deps).toEqual([
      // A link deleted later resolved then.
      ['1203->1201', 'Reporting', 'Onboarding', Date.parse('2024-03-07T09:00:00Z'), Date.parse('2024-03-10T17:00:00Z')],
      // 1203 names 1202 its predecessor: 1203 waits, until 1202 was closed.
      ['1203->1202', 'Reporting', 'Onboarding', Date.parse('2024-03-14T10:00:00Z'), Date.parse('2024-03-20T11:00:00Z')],
      // 1204 is 1201's successor; 1201 is still active: open.
      ['1204->1201', 'Portal', 'Onboarding', Date.parse('2024-03-25T14:00:00Z'), null],
      // The successor in another project: kept for its known end, with a warning. Linked after
      // 1202 was done, so resolved at once, never before it was raised.
      ['9003->1202', null, 'Onboarding', Date.parse('2024-03-21T08:00:00Z'), Date.parse('2024-03-21T08:00:00Z')],
    ]);
    const warnings = status.report!.issues.map((i) => i.message).join('\n');
    expect(warnings).toContain('Links of type Child (1), Parent (1), Related (1) are not dependencies and were ignored.');
    expect(warnings).toContain('1 dependency link joins two work items that are neither in this import nor in the workspace; skipped.');
    expect(warnings).toContain('refers to item 9003');
    // A later import of the items' history moves 1202's done date: the dependency follows on the next links import.
    await runImport(ws.backend, [fixture('ado', 'ado-revisions.csv')]);
    await runImport(ws.backend, [fixture('ado', 'ado-links.csv')]);
    expect(db(ws).prepare(`SELECT resolved_at FROM dependencies WHERE key = '1203->1202'`).pluck().get()).toBe(Date.parse('2024-03-19T16:45:00Z'));
  });

  it('stage-date CSV: one status change per dated step, day-first dates, blocked ranges', async () => {
    const status = await runImport(ws.backend, [fixture('stages', 'stage-dates.csv')]);
    expect(status.report!.counts).toMatchObject({ items: 4, transitions: 16 });
    expect(history('NV-2').map((h) => [h[1], h[3]!.slice(0, 10)])).toEqual([
      ['Backlog', '2024-03-02'],
      ['Development', '2024-03-06'],
      ['Blocked', '2024-03-07'],
      ['Development', '2024-03-09'],
      ['Testing', '2024-03-13'],
      ['Done', '2024-03-20'],
    ]);
    expect(item('NV-4')).toMatchObject({ type: 'defect', status: 'Backlog', status_category: 'todo', first_active_at: null });
  });

  it('Interlock templates, all CSVs in one import, and the JSON bundle over them without duplicates', async () => {
    const names = ['teams', 'objectives', 'items', 'transitions', 'dependencies', 'deployments', 'incidents', 'increments', 'iterations', 'capacity', 'milestones', 'plan', 'risks'];
    // Given in the wrong order on purpose: the import writes what others refer to first.
    const files = names.reverse().map((n) => fixture('interlock', `interlock-${n}.csv`));
    const status = await runImport(ws.backend, files);
    expect(status.state).toBe('done');
    expect(status.report!.counts).toEqual({ teams: 2, objectives: 4, items: 3, transitions: 7, dependencies: 1, deployments: 2, incidents: 1, plans: 13, releases: 0, risks: 3 });
    expect(status.report!.warnings).toBe(0);
    const board = await ws.backend.call('plan.board', { increment: 'PI 24.2', grouping: 'value-stream' });
    if (!board.ok) throw new Error(board.error.message);
    expect(board.value.columns.map((c) => c.name)).toEqual(['Iteration 1', 'Iteration 2', 'Iteration 3', 'Iteration 4']);
    expect(board.value.cells.flatMap((c) => c.cards.map((k) => [c.teamKey, k.key, k.iterationName, k.size]))).toEqual([
      ['checkout', 'CHK-1', 'Iteration 2', 8],
      ['platform', 'PLT-1', 'Platform week 1', 3],
    ]);
    expect(board.value.objectives.map((o) => [o.key, o.businessValue, o.committed, o.itemKeys])).toEqual([
      ['OBJ-3', 8, true, ['CHK-1']],
      ['OBJ-4', 5, false, ['PLT-1']],
    ]);
    expect(board.value.milestones.map((m) => m.name)).toEqual(['Gateway contract signed', 'Payments go-live']);
    const bundle = await runImport(ws.backend, [fixture('interlock', 'interlock-bundle.json')]);
    expect(bundle.state).toBe('done');
    expect(bundle.report!.added).toMatchObject({ teams: 0, items: 0, dependencies: 0, deployments: 0, incidents: 0, objectives: 0, plans: 0, releases: 0, risks: 0 });
    expect(db(ws).prepare('SELECT key, status, scope_kind, scope_key, owner_team_key FROM risks ORDER BY key').raw().all()).toEqual([
      ['RISK-1', 'owned', 'increment', 'PI 24.2', 'platform'],
      ['RISK-2', 'unroamed', 'team', 'checkout', null],
      ['RISK-3', 'accepted', 'increment', 'PI 24.2', null],
    ]);
    // The bundle gave RISK-1 no objectives: its link to OBJ-3 from the CSV is gone, the others stay.
    expect(db(ws).prepare(`SELECT l.kind || ':' || l.key FROM risk_links l JOIN risks r ON r.id = l.risk_id WHERE r.key = 'RISK-1' ORDER BY l.kind, l.key`).pluck().all()).toEqual(['dependency:DEP-1', 'item:CHK-2', 'item:PLT-1']);
    // CHK-2's history was replaced by the bundle's shorter one: 4 changes became 3.
    expect(history('CHK-2')).toHaveLength(3);
    expect(db(ws).prepare('SELECT objective_key FROM item_objectives').pluck().all()).toEqual(expect.arrayContaining(['OBJ-2']));
    const incident = db(ws).prepare('SELECT caused_by_deployment_key FROM incidents').pluck().get();
    expect(incident).toBe('DEP-100');
  });

  it('plain deployments and incidents CSVs: keys made from owner and time, results read', async () => {
    const status = await runImport(ws.backend, [fixture('operations', 'deployments.csv'), fixture('operations', 'incidents.csv')]);
    expect(status.report!.counts).toMatchObject({ deployments: 4, incidents: 2 });
    const deployments = db(ws).prepare('SELECT key, succeeded, service FROM deployments ORDER BY at').raw().all();
    expect(deployments[1]).toEqual(['checkout@2024-03-05T09:05:00.000Z', 0, 'checkout-web']);
    expect(deployments[3]).toEqual(['payments-api@2024-03-06T15:00:00.000Z', 1, 'payments-api']);
    expect(db(ws).prepare("SELECT caused_by_deployment_key FROM incidents WHERE key = 'INC-881'").pluck().get()).toBe('checkout@2024-03-05T09:05:00.000Z');
  });

  describe('edge cases', () => {
    it('two files of one name from two folders: each named by its folder in every count, problem and log line', async () => {
      const header = 'key,title,type,team,status,status_category,created_at,first_active_at,done_at,parent,objectives';
      const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1},Item ${i + 1},story,checkout,To Do,todo,2024-03-0${i + 1}T09:00:00Z,,,,`);
      const q3 = join(ws.dir, 'q3');
      const q4 = join(ws.dir, 'q4');
      mkdirSync(q3);
      mkdirSync(q4);
      writeFileSync(join(q3, 'items.csv'), [header, ...rows('A', 2), ''].join('\n'));
      writeFileSync(join(q4, 'items.csv'), [header, ...rows('B', 3), 'B-9,Undated,story,checkout,To Do,todo,someday,,,,', ''].join('\n'));
      const status = await runImport(ws.backend, [join(q3, 'items.csv'), join(q4, 'items.csv')]);
      const files = status.report!.files.map((f) => [f.name, f.input, f.counts.items]);
      expect(files).toEqual([
        ['q3/items.csv', 0, 2],
        ['q4/items.csv', 1, 3],
      ]);
      expect(status.report!.issues.filter((i) => i.severity === 'error').map((i) => [i.file, i.line])).toEqual([['q4/items.csv', 5]]);
      const history = await ws.backend.call('import.history', {});
      expect(history.ok && history.value.map((h) => [h.fileName, h.counts.items, h.rejected]).sort()).toEqual([
        ['q3/items.csv', 2, 0],
        ['q4/items.csv', 3, 1],
      ]);
    });

    it('a re-import of the same export updates by key and never duplicates', async () => {
      await runImport(ws.backend, [fixture('jira', 'jira-search-changelog.json')]);
      const withoutLog = () => dumpWorkspace(db(ws), { skip: ['imports'], withoutIds: ['status_transitions'] });
      const first = withoutLog();
      const again = await runImport(ws.backend, [fixture('jira', 'jira-search-changelog.json')]);
      expect(again.report!.added).toEqual({ teams: 0, items: 0, transitions: 0, dependencies: 0, deployments: 0, incidents: 0, objectives: 0, plans: 0, releases: 0, risks: 0 });
      expect(again.report!.files[0]!.previouslyImportedAt).not.toBeNull();
      expect(withoutLog()).toBe(first);
      expect(db(ws).prepare('SELECT count(*) FROM imports').pluck().get()).toBe(2);
    });

    it('team names match the workspace’s teams without regard to case; strangers are created with a warning', async () => {
      await runImport(ws.backend, [fixture('interlock', 'interlock-teams.csv')]);
      const status = await runImport(ws.backend, [fixture('jira', 'jira-all-fields.csv')]);
      expect(item('CHK-102').team).toBe('checkout');
      expect(item('PLT-7').team).toBe('platform');
      expect(item('BSK-11').team).toBe('Basket');
      expect(status.report!.createdTeams).toEqual(['Basket']);
      expect(status.report!.issues.filter((i) => i.code === 'unknown-team').map((i) => i.value)).toEqual(['Basket']);
      expect(db(ws).prepare('SELECT key FROM teams ORDER BY key').pluck().all()).toEqual(['Basket', 'checkout', 'platform']);
    });

    it('a preview writes nothing, not even the status map', async () => {
      const before = readFileSync(ws.path);
      const status = await runImport(ws.backend, [fixture('jira', 'jira-all-fields.csv')], 'preview');
      expect(status.report!.committed).toBe(false);
      expect(status.report!.preview.items[0]!.key).toBe('CHK-101');
      expect(status.report!.statuses.find((s) => s.status === 'Blocked')).toMatchObject({ category: 'waiting', source: 'source' });
      expect(readFileSync(ws.path).equals(before)).toBe(true);
    });

    it('records each import with file name, content hash and counts', async () => {
      await runImport(ws.backend, [fixture('stages', 'stage-dates.csv')]);
      const history = await ws.backend.call('import.history', {});
      expect(history.ok && history.value[0]).toMatchObject({ fileName: 'stage-dates.csv', format: 'stages-csv', counts: { items: 4, transitions: 16 } });
      expect(history.ok && history.value[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('a person’s status mapping is re-applied to history and kept over later imports', async () => {
      await runImport(ws.backend, [fixture('jira', 'jira-search-changelog.json')]);
      const set = await ws.backend.call('import.setStatusCategory', { status: 'in review', category: 'waiting' });
      expect(set.ok && set.value).toMatchObject({ transitions: 1 });
      expect(history('PAY-1')[4]).toEqual(['In Progress', 'In Review', 'waiting', '2024-03-06T09:00:00.000Z']);
      await runImport(ws.backend, [fixture('jira', 'jira-search-changelog.json')]);
      expect(history('PAY-1')[4]![2]).toBe('waiting');
      const map = await ws.backend.call('import.statusMap', {});
      expect(map.ok && map.value.find((m) => m.status.toLowerCase() === 'in review')).toMatchObject({ category: 'waiting', source: 'user', transitions: 1 });
      // Making "In Progress" a waiting status moves PAY-1's start to the next active status.
      await ws.backend.call('import.setStatusCategory', { status: 'In Progress', category: 'waiting' });
      expect(item('PAY-1').first_active_at).toBeNull();
    });
  });
});
