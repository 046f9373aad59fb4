import { copyFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { changeCounter } from '../../../electron/backend/store/workspace-memory';
import { dumpWorkspace } from '../import/import-support';
import { tempDir } from '../../support/temp-files';
import { channelCalls } from '../../support/channel-calls';
import { toCsv } from '../../../shared/export/csv';
import { riskCsvRows } from '../../../shared/risks/risk-csv';
import { boardRisks } from '../../../shared/joins/board-risks';

// The risks.* and votes.* channels on real workspace files (a small demo: 12 teams, two
// coordination groups, PI 26.4 with open dependencies; its room emptied): every edit one transaction that survives a
// reopen, the ROAM history, raising a dependency as a risk, and the risks CSV template through the
// import pipeline.

let template: ReturnType<typeof tempDir>;
let demo: string;

beforeAll(async () => {
  template = tempDir();
  demo = template.path('demo.interlock');
  const backend = createBackend();
  const made = await backend.call('workspace.createDemo', { path: demo, items: 800 });
  if (!made.ok) throw new Error(made.error.message);
  // An empty room: the demo's own risks and votes are checked in report-export.test.ts.
  backend.context.session.require().db.exec(`DELETE FROM risks; DELETE FROM confidence_votes; DELETE FROM settings WHERE key = 'risks.lastKeyNumber';`);
  backend.close();
});
afterAll(() => template.cleanup());

describe('risks and votes channels', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let path: string;

  const { call, refused } = channelCalls(() => backend);

  async function reopen() {
    backend.close();
    backend = createBackend();
    await call('workspace.open', { path });
  }

  const db = () => backend.context.session.require().db;

  async function runImport(name: string, text: string, mode: 'import' | 'preview' = 'import') {
    return runImportOf({ [name]: text }, mode);
  }

  /** One import of several files, by name and text. */
  async function runImportOf(texts: Record<string, string>, mode: 'import' | 'preview' = 'import') {
    const files = Object.entries(texts).map(([name, text]) => {
      writeFileSync(tmp.path(name), text);
      return { source: { kind: 'path' as const, path: tmp.path(name) } };
    });
    const { jobId } = await call('import.start', { files, mode });
    for (;;) {
      const status = await call('import.progress', { jobId });
      if (status.state !== 'running') return status;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  beforeEach(async () => {
    tmp = tempDir();
    path = tmp.path('room.interlock');
    copyFileSync(demo, path);
    backend = createBackend();
    await call('workspace.open', { path });
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('creates, edits, moves and deletes risks; each change of status is in its history with when and who; all of it survives a reopen', async () => {
    const board = await call('risks.board', {});
    expect(board.risks).toEqual([]);
    expect(board.groups.map((g) => g.key)).toEqual(['g-basket', 'g-merchant-portal']);
    expect(board.currentIncrement).toBe('PI 26.4');

    const a = await call('risks.save', { title: 'Payment provider API deprecation', scope: { kind: 'group', key: 'g-basket' }, ownerTeamKey: 'checkout', links: { items: ['CHK-12'], dependencies: ['DEP-111'] }, who: 'Ana' });
    const b = await call('risks.save', { title: 'Load test environment booked by others', scope: { kind: 'increment', key: 'PI 26.4' }, status: 'owned', ownerPerson: 'Ben' });
    const c = await call('risks.save', { title: 'Search index rebuild', scope: { kind: 'team', key: 'search' } });
    expect([a.key, b.key, c.key]).toEqual(['RISK-1', 'RISK-2', 'RISK-3']);
    expect(a.history).toEqual([{ at: a.createdAt, from: null, to: 'unroamed', who: 'Ana', note: null }]);
    expect(a.links).toEqual({ items: ['CHK-12'], dependencies: ['DEP-111'], objectives: [] });

    // Move RISK-3 into Owned before RISK-2, then RISK-1 to Mitigated and back to Owned (last).
    const moved = await call('risks.move', { key: 'RISK-3', status: 'owned', beforeKey: 'RISK-2', who: 'RTE' });
    expect(moved.history.map((h) => [h.from, h.to, h.who])).toEqual([
      [null, 'unroamed', null],
      ['unroamed', 'owned', 'RTE'],
    ]);
    await call('risks.move', { key: 'RISK-1', status: 'mitigated', note: 'fallback provider signed' });
    await call('risks.move', { key: 'RISK-1', status: 'owned' });
    // A move within its column changes no status and writes no history.
    await call('risks.move', { key: 'RISK-2', status: 'owned', beforeKey: 'RISK-3' });
    // An edit of its title keeps its history; an edit of its status adds to it.
    await call('risks.save', { key: 'RISK-3', title: 'Search index rebuild takes a weekend', scope: { kind: 'team', key: 'search' }, status: 'accepted', links: {} });

    await reopen();
    const after = await call('risks.board', {});
    const owned = after.risks.filter((r) => r.status === 'owned').sort((x, y) => x.rank - y.rank);
    expect(owned.map((r) => r.key)).toEqual(['RISK-2', 'RISK-1']);
    const one = after.risks.find((r) => r.key === 'RISK-1')!;
    expect(one.history.map((h) => `${h.from}→${h.to}${h.note ? ` (${h.note})` : ''}`)).toEqual(['null→unroamed', 'unroamed→mitigated (fallback provider signed)', 'mitigated→owned']);
    expect(one.links.dependencies).toEqual(['DEP-111']);
    const three = after.risks.find((r) => r.key === 'RISK-3')!;
    expect(three).toMatchObject({ title: 'Search index rebuild takes a weekend', status: 'accepted' });
    expect(three.history.map((h) => h.to)).toEqual(['unroamed', 'owned', 'accepted']);
    // Times are when the change was made, in order.
    expect([...one.history.map((h) => h.at)]).toEqual([...one.history.map((h) => h.at)].sort());

    expect(await call('risks.delete', { key: 'RISK-3' })).toEqual({ deleted: true });
    // A deleted risk's key is never given out again.
    expect((await call('risks.save', { title: 'Another', scope: { kind: 'team', key: 'search' } })).key).toBe('RISK-4');
    await call('risks.delete', { key: 'RISK-4' });
    expect(db().prepare(`SELECT count(*) FROM risk_history h JOIN risks r ON r.id = h.risk_id WHERE r.key = 'RISK-3'`).pluck().get()).toBe(0);
    await reopen();
    expect((await call('risks.board', {})).risks.map((r) => r.key).sort()).toEqual(['RISK-1', 'RISK-2']);
  });

  it('every edit is one transaction: when its last write fails, nothing of it is left', async () => {
    await call('risks.save', { title: 'Kept', scope: { kind: 'team', key: 'search' } });
    const before = dumpWorkspace(db());
    // Make the history write (the last statement of a save, a move and a raise) fail.
    db().exec(`CREATE TEMP TRIGGER refuse_history BEFORE INSERT ON risk_history BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    await refused('risks.save', { title: 'Half written?', scope: { kind: 'team', key: 'search' }, links: { items: ['SRCH-1'] } });
    await refused('risks.move', { key: 'RISK-1', status: 'owned' });
    await refused('risks.fromDependency', { dependencyKey: 'DEP-111' });
    db().exec('DROP TRIGGER refuse_history');
    expect(dumpWorkspace(db())).toBe(before);
    expect(db().inTransaction).toBe(false);
  });

  it('raises an open dependency as a risk in one action: title, owner, scope and links from it; a second raise returns the same risk', async () => {
    // DEP-111: Basket waits on Promotions, both in the Basket group → the group's mission-level board.
    const first = await call('risks.fromDependency', { dependencyKey: 'DEP-111', who: 'RTE' });
    expect(first.created).toBe(true);
    expect(first.risk).toMatchObject({
      title: expect.stringMatching(/^Basket waits on Promotions: /),
      ownerTeamKey: 'promotions',
      scope: { kind: 'group', key: 'g-basket' },
      status: 'unroamed',
      raisedFromDependency: 'DEP-111',
      links: { items: ['BSK-79', 'PRM-72'], dependencies: ['DEP-111'], objectives: [] },
    });
    expect(first.risk.history[0]).toMatchObject({ who: 'RTE', note: 'raised from dependency DEP-111' });
    const again = await call('risks.fromDependency', { dependencyKey: 'DEP-111' });
    expect(again).toMatchObject({ created: false, risk: { key: first.risk.key } });

    // A dependency between teams of different groups (or a team in none) goes on the whole increment's board.
    const groupOf = new Map((await call('risks.board', {})).groups.flatMap((g) => g.teamKeys.map((k) => [k, g.key])));
    const open = db()
      .prepare(
        `SELECT d.key, f.key AS waiting, t.key AS providing FROM dependencies d
         LEFT JOIN work_items fi ON fi.key = d.from_item_key JOIN teams f ON f.id = coalesce(d.from_team_id, fi.team_id)
         LEFT JOIN work_items ti ON ti.key = d.to_item_key JOIN teams t ON t.id = coalesce(d.to_team_id, ti.team_id)
         WHERE d.resolved_at IS NULL ORDER BY d.id`,
      )
      .all() as { key: string; waiting: string; providing: string }[];
    const crossing = open.find((d) => groupOf.get(d.waiting) !== groupOf.get(d.providing))!.key;
    expect((await call('risks.fromDependency', { dependencyKey: crossing })).risk.scope).toEqual({ kind: 'increment', key: 'PI 26.4' });

    // Once resolved, the risk no longer blocks raising the dependency again.
    await call('risks.move', { key: first.risk.key, status: 'resolved' });
    expect((await call('risks.fromDependency', { dependencyKey: 'DEP-111' })).created).toBe(true);
  });

  it('a dependency between cards made in Interlock is raised with them named as the board names them (“New-2”), its links keeping the stored keys', async () => {
    const board = await call('plan.board', {});
    const [first, third] = [board.columns[0]!, board.columns[2]!];
    const provider = await call('plan.item.create', { incrementId: board.increment.id, teamKey: 'search', iterationId: third.id, title: 'Provider card' });
    const consumer = await call('plan.item.create', { incrementId: board.increment.id, teamKey: 'basket', iterationId: first.id, title: 'Waiting card' });
    const dependency = await call('plan.dependency.add', { consumerKey: consumer.key, providerKey: provider.key });
    const { risk } = await call('risks.fromDependency', { dependencyKey: dependency.key });
    const n = (key: string) => key.split(':')[2];
    expect(risk.description).toBe(`Raised from dependency New-${n(dependency.key)} (planned). New-${n(consumer.key)} Waiting card (Basket) waits on New-${n(provider.key)} Provider card (Search).`);
    expect(risk.history[0]!.note).toBe(`raised from dependency New-${n(dependency.key)}`);
    expect(new Set(risk.links.items)).toEqual(new Set([consumer.key, provider.key]));
    expect(risk.links.dependencies).toEqual([dependency.key]);
  });

  it('risk and vote edits leave the loaded metrics and advice standing', async () => {
    await call('coordination.recommend', {});
    const before = changeCounter(db());
    await call('risks.save', { title: 'x', scope: { kind: 'team', key: 'search' } });
    await call('risks.move', { key: 'RISK-1', status: 'accepted' });
    await call('votes.record', { scope: { kind: 'increment', key: 'PI 26.4' }, counts: [0, 1, 2, 3, 4] });
    expect(changeCounter(db())).toBe(before);
  });

  it('confidence votes: rounds per team and for the whole increment, kept with their time; earlier rounds stay; they survive a reopen', async () => {
    const r1 = await call('votes.record', { scope: { kind: 'team', key: 'checkout' }, increment: 'PI 26.4', counts: [0, 3, 2, 1, 0], note: 'before the capacity swap' });
    const r2 = await call('votes.record', { scope: { kind: 'team', key: 'checkout' }, increment: 'PI 26.4', counts: [0, 0, 1, 4, 1] });
    const r3 = await call('votes.record', { scope: { kind: 'increment', key: 'PI 26.4' }, counts: [0, 1, 10, 30, 9] });
    await call('votes.record', { scope: { kind: 'team', key: 'search' }, increment: 'PI 26.3', counts: [1, 0, 0, 0, 0] });
    expect(r3.increment).toBe('PI 26.4');
    expect(r1.at <= r2.at).toBe(true);
    await reopen();
    const listed = await call('votes.list', { increment: 'PI 26.4' });
    expect(listed.rounds.map((r) => [r.id, r.scope.key, r.counts])).toEqual([
      [r1.id, 'checkout', [0, 3, 2, 1, 0]],
      [r2.id, 'checkout', [0, 0, 1, 4, 1]],
      [r3.id, 'PI 26.4', [0, 1, 10, 30, 9]],
    ]);
    expect(listed.rounds[0]!.note).toBe('before the capacity swap');
    expect((await call('votes.list', {})).rounds).toHaveLength(4);
    expect(await call('votes.delete', { id: r1.id })).toEqual({ deleted: true });
    expect((await call('votes.list', { increment: 'PI 26.4' })).rounds).toHaveLength(2);
  });

  it('the risks CSV template: a bad row is reported by file, line and column and nothing at all is written; fixed, the file imports whole; a preview writes nothing', async () => {
    const good = 'R-10,Vendor API sunset,"Both, checkout and basket, call it",owned,checkout,Ana,group,"Basket, Checkout, Pricing and Promotions",CHK-1;BSK-2,DEP-111,';
    const header = 'key,title,description,status,owner_team,owner,scope,scope_key,items,dependencies,objectives';
    const csv = [
      header,
      good,
      'R-11,Flaky staging,,maybe,,,team,search,,,',
      'R-12,Nobody owns the data migration,,,,,group,g-nowhere,,,',
      'R-13,Payment freeze overlaps go-live,,A,,,increment,PI 26.4,,,',
      'R-14,Owner unknown,,owned,no-such-team,,team,search,,,',
      // Every problem of a row is said at once (the file is all or nothing): its cells, then both teams it names.
      'R-15,,,maybe,,,tribe,,,,',
      'R-16,Both teams unknown,,owned,no-owner,,team,no-scope,,,',
    ].join('\n');
    const before = dumpWorkspace(db());
    const preview = await runImport('risks.csv', csv, 'preview');
    expect(preview.report!.files[0]).toMatchObject({ format: 'interlock', entity: 'risks' });
    expect(dumpWorkspace(db())).toBe(before);

    const status = await runImport('risks.csv', csv);
    expect(status.state).toBe('failed');
    expect(status.report!.committed).toBe(false);
    const errors = status.report!.issues.filter((i) => i.severity === 'error').map((i) => [i.file, i.line, i.column, i.value, i.code]);
    expect(errors).toEqual([
      ['risks.csv', 3, 'status', 'maybe', 'invalid-value'],
      ['risks.csv', 4, 'scope_key', 'g-nowhere', 'invalid-reference'],
      ['risks.csv', 6, 'owner_team', 'no-such-team', 'invalid-reference'],
      ['risks.csv', 7, 'title', null, 'missing-value'],
      ['risks.csv', 7, 'status', 'maybe', 'invalid-value'],
      ['risks.csv', 7, 'scope', 'tribe', 'invalid-value'],
      ['risks.csv', 7, 'scope_key', null, 'missing-value'],
      ['risks.csv', 8, 'scope_key', 'no-scope', 'invalid-reference'],
      ['risks.csv', 8, 'owner_team', 'no-owner', 'invalid-reference'],
      ['risks.csv', null, null, null, 'risks-incomplete'],
    ]);
    expect(status.report!.issues.find((i) => i.line === 3)!.message).toMatch(/status is "maybe"/);
    expect(status.error!.message).toBe('Nothing was imported: risks.csv: 5 risks are rejected (see the lines listed); a risks file is imported whole or not at all, so fix them and import it again.');
    // Nothing at all: not the good rows, not the import log.
    expect(dumpWorkspace(db())).toBe(before);

    const fixed = await runImport('risks.csv', [header, good, 'R-13,Payment freeze overlaps go-live,,A,,,increment,PI 26.4,,,'].join('\n'));
    expect(fixed.state).toBe('done');
    expect(fixed.report!.counts.risks).toBe(2);
    const board = await call('risks.board', {});
    expect(board.risks.map((r) => r.key).sort()).toEqual(['R-10', 'R-13']);
    // The group was named as the Coordination page names it; it is kept by its key.
    expect(board.risks.find((r) => r.key === 'R-10')).toMatchObject({
      scope: { kind: 'group', key: 'g-basket' },
      status: 'owned',
      description: 'Both, checkout and basket, call it',
      links: { items: ['BSK-2', 'CHK-1'], dependencies: ['DEP-111'], objectives: [] },
      history: [{ from: null, to: 'owned', note: 'imported from risks.csv, line 2' }],
    });
    expect(board.risks.find((r) => r.key === 'R-13')!.status).toBe('accepted');
  });

  it('links typed in another letter case are stored as the workspace holds their keys, so the board and the report find them', async () => {
    const item = db().prepare('SELECT key FROM work_items ORDER BY key LIMIT 1').pluck().get() as string;
    const dependency = db().prepare('SELECT key FROM dependencies ORDER BY key LIMIT 1').pluck().get() as string;
    const saved = await call('risks.save', {
      title: 'Typed by hand',
      scope: { kind: 'increment', key: 'PI 26.4' },
      links: { items: [item.toLowerCase(), 'NOPE-1'], dependencies: [dependency.toLowerCase()] },
    });
    // One not in the workspace (an item still to be imported) is kept as typed.
    expect(saved.links).toEqual({ items: [item, 'NOPE-1'], dependencies: [dependency], objectives: [] });
  });

  const RISKS_HEADER = 'key,title,description,status,owner_team,owner,scope,scope_key,items,dependencies,objectives';
  const ITEMS_HEADER = 'key,title,type,team,status,created_at';
  const linkWarnings = (status: { report?: { issues: { code: string; file: string; line: number | null; column: string | null; value: string | null; message: string }[] } | null }) =>
    status.report!.issues.filter((i) => i.code === 'risk-link-unmatched').map((i) => [i.file, i.line, i.column, i.value, i.message]);

  it("a risks file's links in another letter case are stored as the workspace holds their keys after the import, an item of the same import's too, so the program board marks the card", async () => {
    const board = await call('plan.board', {});
    const card = board.cells.flatMap((c) => c.cards.map((k) => k.key)).find((key) => /^[A-Z]+-\d+$/.test(key))!;
    const dependency = board.dependencies[0]!.key;
    const objective = db().prepare('SELECT key FROM objectives ORDER BY key LIMIT 1').pluck().get() as string;
    const files = {
      'risks.csv': [RISKS_HEADER, `R-30,Sandbox late,,owned,,,increment,PI 26.4,${card.toLowerCase()};new-1,${dependency.toLowerCase()},${objective.toLowerCase()}`].join('\n'),
      // Written before the risks, whatever the order chosen.
      'items.csv': [ITEMS_HEADER, 'NEW-1,Comes with the risk,story,checkout,To Do,2026-11-02T09:00:00Z'].join('\n'),
    };
    for (const mode of ['preview', 'import'] as const) expect(linkWarnings(await runImportOf(files, mode))).toEqual([]);
    const risks = (await call('risks.board', {})).risks;
    expect(risks.find((r) => r.key === 'R-30')!.links).toEqual({ items: [card, 'NEW-1'].sort(), dependencies: [dependency], objectives: [objective] });
    const marked = boardRisks(await call('plan.board', {}), risks, (key) => key ?? 'no team');
    expect(marked.cards.get(card)!.find((r) => r.risk.key === 'R-30')!.via).toContain('this item');
  });

  describe('edge cases', () => {
    it("a risks file's link that matches no key is warned at its file, line and column, with the key it looks like, and kept as written; one that matches two keys of other case is kept as written too", async () => {
      const [first, second] = db().prepare("SELECT key FROM work_items WHERE key GLOB '[A-Z]*-[0-9]*' ORDER BY key LIMIT 2").pluck().all() as [string, string];
      // A new item beside the workspace's, differing only in case: the import's keys count.
      const twin = first.slice(0, 1) + first.slice(1).toLowerCase();
      const lower = first.toLowerCase();
      const files = {
        'items.csv': [ITEMS_HEADER, `${twin},Twin,story,checkout,To Do,2026-11-02T09:00:00Z`].join('\n'),
        'risks.csv': [RISKS_HEADER, `R-31,Unknown,,owned,,,increment,PI 26.4,RPT-999;${second}\u200B,NOPE-DEP-1,`, `R-32,Ambiguous,,owned,,,increment,PI 26.4,${lower},,`].join('\n'),
        'bundle.json': JSON.stringify({ risks: [{ key: 'R-33', title: 'In a bundle', scope: { kind: 'increment', key: 'PI 26.4' }, objectives: ['OBJ-NOPE'] }] }),
      };
      const expected = [
        ['risks.csv', 2, 'items', 'RPT-999', "R-31's item link 'RPT-999' matches no item in the workspace; kept as written."],
        ['risks.csv', 2, 'items', `${second}\u200B`, `R-31's item link '${second}<U+200B>' matches no item in the workspace; kept as written. Did you mean ${second}? The keys differ only by a zero-width space (U+200B).`],
        ['risks.csv', 2, 'dependencies', 'NOPE-DEP-1', "R-31's dependency link 'NOPE-DEP-1' matches no dependency in the workspace; kept as written."],
        ['risks.csv', 3, 'items', lower, `R-32's item link '${lower}' matches 2 item keys in the workspace that differ from it only in letter case (${first}, ${twin}); kept as written, so it links to none of them. Write the key as the one meant.`],
        ['bundle.json', null, 'risks[0].objectives[0]', 'OBJ-NOPE', "R-33's objective link 'OBJ-NOPE' matches no objective in the workspace; kept as written."],
      ];
      for (const mode of ['preview', 'import'] as const) {
        const status = await runImportOf(files, mode);
        expect(status.state).toBe('done');
        expect(linkWarnings(status).sort()).toEqual([...expected].sort());
      }
      const links = new Map((await call('risks.board', {})).risks.map((r) => [r.key, r.links]));
      expect(links.get('R-31')).toEqual({ items: ['RPT-999', `${second}\u200B`].sort(), dependencies: ['NOPE-DEP-1'], objectives: [] });
      expect(links.get('R-32')!.items).toEqual([lower]);
      expect(links.get('R-33')!.objectives).toEqual(['OBJ-NOPE']);
      // Counted in the file that holds the link.
      expect(db().prepare("SELECT file_name, warnings FROM imports WHERE file_name <> 'items.csv' ORDER BY file_name").raw().all()).toEqual([
        ['bundle.json', 1],
        ['risks.csv', 4],
      ]);
    });

    it('a link typed as the workspace holds it is kept; one that matches two keys of other cases is kept as typed', async () => {
      const item = db().prepare('SELECT key FROM work_items ORDER BY key LIMIT 1').pluck().get() as string;
      const twin = item.toLowerCase() === item ? item.toUpperCase() : item.toLowerCase();
      db().prepare('INSERT INTO work_items (key, title, type, status, status_category, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(twin, 'Twin', 'story', 'To Do', 'todo', 0);
      const mixed = item.slice(0, 1) + (item === item.toUpperCase() ? item.slice(1).toLowerCase() : item.slice(1).toUpperCase());
      const saved = await call('risks.save', { title: 'Ambiguous', scope: { kind: 'increment', key: 'PI 26.4' }, links: { items: [item, mixed] } });
      expect(saved.links.items).toEqual([item, mixed].sort());
    });

    it('a file whose only row is bad writes nothing at all: the import fails and the workspace stays as it was', async () => {
      const before = dumpWorkspace(db(), { skip: ['imports'] });
      const status = await runImport('bad.csv', ['key,title,scope,scope_key,status', 'R-1,Something,tribe,x,owned'].join('\n'));
      expect(status.state).toBe('failed');
      expect(status.error!.message).toMatch(/^Nothing was imported/);
      expect(status.report!.issues.map((i) => [i.line, i.column, i.code])).toEqual([
        [2, 'scope', 'invalid-value'],
        [null, null, 'risks-incomplete'],
      ]);
      expect(dumpWorkspace(db(), { skip: ['imports'] })).toBe(before);
    });

    it("a bundle's risks are whole or not at all too: a bad one is named by its place in the file, and nothing of the bundle is written", async () => {
      const before = dumpWorkspace(db(), { skip: ['imports'] });
      const bundle = {
        teams: [{ key: 'new-team', name: 'New Team', valueStream: 'Stream X' }],
        risks: [
          { key: 'R-20', title: 'Fine', status: 'owned', scope: { kind: 'team', key: 'search' } },
          { key: 'R-21', title: 'Owner nobody knows', status: 'owned', ownerTeam: 'ghost-owner', scope: { kind: 'team', key: 'search' } },
          { key: 'R-22', title: 'Nowhere', status: 'owned', scope: { kind: 'team', key: 'ghost-scope' } },
          { key: 'R-23', title: 'Not a status', status: 'maybe', scope: { kind: 'team', key: 'search' } },
        ],
      };
      const status = await runImport('bundle.json', JSON.stringify(bundle));
      expect(status.state).toBe('failed');
      expect(status.report!.issues.filter((i) => i.severity === 'error').map((i) => [i.file, i.line, i.column, i.value, i.code])).toEqual([
        ['bundle.json', null, 'risks[1].ownerTeam', 'ghost-owner', 'invalid-reference'],
        ['bundle.json', null, 'risks[2].scope.key', 'ghost-scope', 'invalid-reference'],
        ['bundle.json', null, 'risks[3].status', 'maybe', 'invalid-value'],
        ['bundle.json', null, null, null, 'risks-incomplete'],
      ]);
      expect(status.error!.message).toBe("Nothing was imported: bundle.json: 3 risks are rejected (see the risks listed); a file's risks are imported whole or not at all, so fix them and import the file again.");
      // Not the good risk, not the bundle's new team.
      expect(dumpWorkspace(db(), { skip: ['imports'] })).toBe(before);
    });

    it('a re-import of an exported risk updates it: a new status goes into its history, links left out stay', async () => {
      await call('risks.save', { key: undefined, title: 'Old title', scope: { kind: 'team', key: 'search' }, links: { items: ['SRCH-1'] } });
      await runImport('again.csv', ['key,title,status,scope,scope_key', 'RISK-1,New title,mitigated,team,Search'].join('\n'));
      const risk = (await call('risks.board', {})).risks[0]!;
      expect(risk).toMatchObject({ key: 'RISK-1', title: 'New title', status: 'mitigated', links: { items: ['SRCH-1'] } });
      expect(risk.history.map((h) => h.to)).toEqual(['unroamed', 'mitigated']);
    });

    it("an imported RISK-n's key is not given to a new risk after it is deleted, so a re-import of the old file adds it again instead of overwriting", async () => {
      const old = ['key,title,status,scope,scope_key', 'RISK-10,Vendor insolvency,owned,team,Search'].join('\n');
      await runImport('old-export.csv', old);
      await call('risks.delete', { key: 'RISK-10' });
      const fresh = await call('risks.save', { title: 'Pen test finds', scope: { kind: 'team', key: 'search' } });
      expect(fresh.key).toBe('RISK-11');
      await reopen();
      await runImport('old-export-again.csv', old);
      const risks = (await call('risks.board', {})).risks;
      expect(risks.map((r) => [r.key, r.title]).sort()).toEqual([
        ['RISK-10', 'Vendor insolvency'],
        ['RISK-11', 'Pen test finds'],
      ]);
      // A key past what a number holds is deleted like any other.
      await runImport('huge.csv', ['key,title,status,scope,scope_key', 'RISK-99999999999999999999,Big,owned,team,Search'].join('\n'));
      expect(await call('risks.delete', { key: 'RISK-99999999999999999999' })).toEqual({ deleted: true });
    });

    it('an exported risks CSV imports back as it left: text a spreadsheet would run as a formula was defused on the way out and is read back whole', async () => {
      await call('risks.save', { title: '-1 week slip on the payments launch', description: '=HYPERLINK("http://x")', ownerPerson: '@ana', scope: { kind: 'team', key: 'search' } });
      await call('risks.save', { title: "'=already quoted", scope: { kind: 'team', key: 'search' } });
      const fields = (r: { key: string; title: string; description: string; ownerPerson: string | null }) => [r.key, r.title, r.description, r.ownerPerson];
      const before = (await call('risks.board', {})).risks.map(fields);
      const csv = toCsv(riskCsvRows((await call('risks.board', {})).risks));
      expect(csv).toContain("'-1 week slip");
      const status = await runImport('interlock-risks.csv', csv);
      expect(status.state).toBe('done');
      expect((await call('risks.board', {})).risks.map(fields)).toEqual(before);
    });

    it('a risk filed under a group the advisor no longer forms keeps it, and its export imports back', async () => {
      await call('risks.save', { title: 'Shared basket API freeze', scope: { kind: 'group', key: 'g-basket' } });
      // The teams regrouped since: the group the risk is filed under is formed no more.
      db().prepare("UPDATE risks SET scope_key = 'g-basket-before' WHERE scope_kind = 'group'").run();
      const csv = toCsv(riskCsvRows((await call('risks.board', {})).risks));
      const status = await runImport('interlock-risks.csv', csv);
      expect(status.state).toBe('done');
      expect((await call('risks.board', {})).risks.map((r) => r.scope)).toEqual([{ kind: 'group', key: 'g-basket-before' }]);
      // A group neither formed nor holding a risk is still refused.
      const other = await runImport('other.csv', ['key,title,status,scope,scope_key', 'X-1,Elsewhere,owned,group,g-nowhere'].join('\n'));
      expect(other.state).toBe('failed');
      expect(other.report!.issues.find((i) => i.severity === 'error')!.message).toMatch(/There is no coordination group "g-nowhere" now/);
    });

    it('refusals say what is wrong and change nothing', async () => {
      await call('risks.save', { title: 'Kept', scope: { kind: 'team', key: 'search' } });
      const before = dumpWorkspace(db());
      expect((await refused('risks.save', { title: 'x', scope: { kind: 'team', key: 'nobody' } })).message).toBe('Scope: there is no team "nobody" in this workspace.');
      expect((await refused('risks.save', { title: 'x', scope: { kind: 'group', key: 'g-search' } })).message).toMatch(/^Scope: there is no coordination group "g-search" now\. The groups are: g-basket \(Basket, Checkout, Pricing and Promotions\)/);
      expect((await refused('risks.save', { title: 'x', scope: { kind: 'team', key: 'search' }, ownerTeamKey: 'nobody' })).message).toBe('Owner: there is no team "nobody" in this workspace.');
      expect((await refused('risks.save', { key: 'RISK-9', title: 'x', scope: { kind: 'team', key: 'search' } })).message).toBe('There is no risk "RISK-9" in this workspace.');
      expect((await refused('risks.save', { title: '   ', scope: { kind: 'team', key: 'search' } })).message).toMatch(/a risk needs a title/);
      expect((await refused('risks.move', { key: 'RISK-9', status: 'owned' })).message).toBe('There is no risk "RISK-9" in this workspace.');
      expect((await refused('risks.move', { key: 'RISK-1', status: 'roamed' as never })).code).toBe('invalid-input');
      expect((await refused('risks.fromDependency', { dependencyKey: 'DEP-0' })).message).toBe('There is no dependency "DEP-0" in this workspace.');
      expect((await refused('votes.record', { scope: { kind: 'team', key: 'nobody' }, counts: [1, 0, 0, 0, 0] })).message).toMatch(/no team "nobody"/);
      expect((await refused('votes.record', { scope: { kind: 'increment', key: 'PI 26.4' }, counts: [0, 0, 0, 0, 0] })).message).toMatch(/at least one vote/);
      expect(await call('risks.delete', { key: 'RISK-9' })).toEqual({ deleted: false });
      expect(dumpWorkspace(db())).toBe(before);
    });

    it('the import history still lists imports logged before risks (or planning rows) were counted', async () => {
      db()
        .prepare(`INSERT INTO imports (file_name, content_hash, format, imported_at, counts, warnings, rejected) VALUES ('old.csv', 'h', 'jira-csv', 0, ?, 0, 0)`)
        .run(JSON.stringify({ teams: 1, items: 2, transitions: 0, dependencies: 0, deployments: 0, incidents: 0, objectives: 0 }));
      const history = await call('import.history', {});
      expect(history.find((h) => h.fileName === 'old.csv')!.counts).toMatchObject({ teams: 1, items: 2, plans: 0, risks: 0 });
    });

    it('a resolved dependency is not raised as a risk', async () => {
      const resolved = db().prepare('SELECT key FROM dependencies WHERE resolved_at IS NOT NULL LIMIT 1').pluck().get() as string;
      expect((await refused('risks.fromDependency', { dependencyKey: resolved })).message).toMatch(new RegExp(`^Dependency ${resolved} was resolved on \\d{4}-\\d{2}-\\d{2}: only open dependencies are raised as risks\\.$`));
    });

    it('a risk keeps a group the advisor no longer forms; a new risk cannot be filed under it', async () => {
      const risk = await call('risks.save', { title: 'x', scope: { kind: 'group', key: 'g-basket' } });
      db().prepare(`UPDATE risks SET scope_key = 'g-gone' WHERE key = ?`).run(risk.key);
      expect((await call('risks.save', { key: risk.key, title: 'renamed', scope: { kind: 'group', key: 'g-gone' } })).title).toBe('renamed');
      await refused('risks.save', { title: 'y', scope: { kind: 'group', key: 'g-gone' } });
    });
  });
});
