import { copyFileSync, existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { captureCli } from '../../support/cli-capture';
import { tempDir } from '../../support/temp-files';

// report.export and `interlock report` on a real demo workspace with risks and votes in it.

const cli = (args: string[]) => captureCli(args);

describe('the report to hand out', () => {
  const tmp = tempDir();
  const demo = tmp.path('demo.interlock');

  beforeAll(async () => {
    const backend = createBackend();
    const call = async (result: Promise<{ ok: boolean; error?: { message: string } }>) => {
      const r = await result;
      if (!r.ok) throw new Error(r.error!.message);
    };
    await call(backend.call('workspace.createDemo', { path: demo, items: 800 }));
    const db = backend.context.session.require().db;
    db.prepare(`UPDATE teams SET name = '<img src=x onerror=alert(1)>' WHERE key = 'search'`).run();
    await call(backend.call('risks.save', { title: 'Gateway <b>sunset</b>', scope: { kind: 'group', key: 'g-basket' }, status: 'owned', ownerTeamKey: 'search' }));
    await call(backend.call('votes.record', { scope: { kind: 'team', key: 'search' }, increment: 'PI 26.4', counts: [0, 1, 2, 3, 4] }));
    backend.close();
  });
  afterAll(() => tmp.cleanup());

  it('report.export returns one HTML document with every section, built from what the channels answer', async () => {
    const backend = createBackend();
    await backend.call('workspace.open', { path: demo });
    const result = await backend.call('report.export', {});
    backend.close();
    if (!result.ok) throw new Error(result.error.message);
    const { html, sections, fileName } = result.value;
    expect(sections.map((s) => s.id)).toEqual(['workspace', 'coordination', 'findings', 'flow', 'board', 'objectives', 'risks', 'confidence']);
    expect(fileName).toMatch(/^interlock-report-interlock-demo-\d{4}-\d{2}-\d{2}\.html$/);
    expect(html).toContain('Team-of-Teams');
    expect(html).toContain('Increment PI 26.4');
    expect(html).toContain('Gateway &lt;b&gt;sunset&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|<script/i);
    // Felt vs forecast: the plan's odds, as forecast.plan gives them, beside the vote.
    const planned = await (async () => {
      const b = createBackend();
      await b.call('workspace.open', { path: demo });
      const answer = await b.call('forecast.plan', { increment: 'PI 26.4' });
      b.close();
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value;
    })();
    expect(planned.allPlannedDone).not.toBeNull();
    expect(html).toContain(`Forecast: ${Math.round(planned.allPlannedDone! * 100)} % chance to finish by ${planned.increment.end}`);
    // Never the workspace's path.
    expect(html).not.toContain(tmp.dir);
    expect(html).not.toContain('.interlock');
  });

  it("with a deck's id, the report holds the sections its views show, and a deleted deck is said plainly", async () => {
    const backend = createBackend();
    await backend.call('workspace.open', { path: demo });
    const deck = await backend.call('deck.save', { name: 'Room', entries: [{ title: 'Risks', address: '/risks', timeboxSeconds: null }, { title: 'Board', address: '/plan', timeboxSeconds: null }] });
    if (!deck.ok) throw new Error(deck.error.message);
    const result = await backend.call('report.export', { deckId: deck.value.id });
    const missing = await backend.call('report.export', { deckId: deck.value.id + 1000 });
    backend.close();
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.sections.map((s) => s.id)).toEqual(['board', 'objectives', 'risks']);
    expect(result.value.html).not.toContain('Flow summary');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/no deck with id/);
  });

  it('the demo room: risks in every ROAM column under the three scopes, conflicts raised as risks, a vote with a second round', async () => {
    const backend = createBackend();
    await backend.call('workspace.open', { path: demo });
    const board = await backend.call('risks.board', {});
    const votes = await backend.call('votes.list', { increment: 'PI 26.4' });
    backend.close();
    if (!board.ok || !votes.ok) throw new Error('the demo room could not be read');
    expect(new Set(board.value.risks.map((r) => r.status))).toEqual(new Set(['unroamed', 'resolved', 'owned', 'accepted', 'mitigated']));
    expect(new Set(board.value.risks.map((r) => r.scope.kind))).toEqual(new Set(['team', 'group', 'increment']));
    expect(board.value.risks.filter((r) => r.raisedFromDependency !== null).length).toBeGreaterThanOrEqual(1);
    expect(votes.value.rounds.filter((r) => r.scope.key === 'search')).toHaveLength(3);
    expect(votes.value.rounds.some((r) => r.scope.kind === 'increment')).toBe(true);
  });

  it('interlock report writes the file, whole, and says what it wrote', async () => {
    const out = tmp.path('room.html');
    const run = await cli(['report', '--workspace', demo, '--out', out]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Wrote .*room\.html: 8 sections \(Workspace summary, .*Confidence vote\), \d+(\.\d)? KB\.$/);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const some = await cli(['report', '--workspace', demo, '--out', tmp.path('risks-only.html'), '--section', 'risks', '--section', 'confidence']);
    expect(some.code).toBe(0);
    expect([...readFileSync(tmp.path('risks-only.html'), 'utf8').matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1])).toEqual(['risks', 'confidence']);
  });

  it('interlock report --increment NAME lists the risks of that increment and the teams’ and groups’, not those filed under another increment', async () => {
    const out = tmp.path('pi-26-3.html');
    const run = await cli(['report', '--workspace', demo, '--out', out, '--increment', 'PI 26.3', '--section', 'risks']);
    expect(run.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).not.toContain('Whole increment: PI 26.4');
    expect(page).toMatch(/The risks of PI 26\.3 and those of the teams and coordination groups \(filed under no increment\); \d+ risks? filed under other increments left out\./);
    expect(page).toContain('Team: ');
    expect(page).toContain('Gateway &lt;b&gt;sunset&lt;/b&gt;');
    // The current increment's report still lists its own.
    const current = tmp.path('pi-26-4.html');
    expect((await cli(['report', '--workspace', demo, '--out', current, '--section', 'risks'])).code).toBe(0);
    expect(readFileSync(current, 'utf8')).toContain('Whole increment: PI 26.4');
  });

  it("interlock report --deck NAME writes the sections of that deck's views", async () => {
    const backend = createBackend();
    await backend.call('workspace.open', { path: demo });
    const saved = await backend.call('deck.save', { name: 'Readout', entries: [{ title: 'Flow', address: '/flow', timeboxSeconds: 300 }, { title: 'Votes', address: '/confidence', timeboxSeconds: null }] });
    backend.close();
    if (!saved.ok) throw new Error(saved.error.message);
    const out = tmp.path('readout.html');
    const run = await cli(['report', '--workspace', demo, '--out', out, '--deck', 'Readout']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect([...readFileSync(out, 'utf8').matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1])).toEqual(['flow', 'confidence']);
  });

  describe("a deck's views: their increment, their scope, the deck's name", () => {
    // The day after PI planning: a retro deck of PI 26.3 while PI 26.4 is current, one team's risks, one team's flow.
    const retro = (risksScope: string) => [
      { title: 'Objectives', address: '/plan?increment=PI+26.3&tab=objectives', timeboxSeconds: null },
      { title: 'Votes', address: '/confidence?increment=PI%2026.3', timeboxSeconds: null },
      { title: 'Team risks', address: `/risks?scope=${risksScope}`, timeboxSeconds: null },
      { title: 'Checkout flow', address: '/flow?teams=checkout', timeboxSeconds: null },
    ];
    const sectionOf = (page: string, id: string) => (page.split(`<section id="${id}"`)[1] ?? '').split('</section>')[0]!;
    const riskScopes = (page: string) => [...sectionOf(page, 'risks').matchAll(/<td>((?:Team|Coordination group|Whole increment)[^<]*)<\/td>/g)].map((m) => m[1]);

    /** A team holding risks filed under it, and how many other risks there are. */
    async function teamWithRisks(): Promise<{ key: string; label: string }> {
      const backend = createBackend();
      await backend.call('workspace.open', { path: demo });
      const board = await backend.call('risks.board', {});
      backend.close();
      if (!board.ok) throw new Error(board.error.message);
      const risk = board.value.risks.find((r) => r.scope.kind === 'team' && r.scope.key !== 'search')!;
      const team = board.value.teams.find((t) => t.key === risk.scope.key)!;
      return { key: team.key, label: `Team: ${team.name}` };
    }

    async function saveDeck(name: string, entries: { title: string; address: string; timeboxSeconds: null }[]): Promise<number> {
      const backend = createBackend();
      await backend.call('workspace.open', { path: demo });
      const saved = await backend.call('deck.save', { name, entries });
      backend.close();
      if (!saved.ok) throw new Error(saved.error.message);
      return saved.value.id;
    }

    it('report.export {deckId}: the increment its views name, the risks of its Risks view, what it does not narrow, and the deck in the title and the file name', async () => {
      const team = await teamWithRisks();
      const id = await saveDeck('PI 26.3 retro', retro(`team:${team.key}`));
      const backend = createBackend();
      await backend.call('workspace.open', { path: demo });
      const result = await backend.call('report.export', { deckId: id });
      backend.close();
      if (!result.ok) throw new Error(result.error.message);
      const { html: page, fileName } = result.value;
      expect(fileName).toMatch(/^interlock-report-interlock-demo-deck-pi-26-3-retro-\d{4}-\d{2}-\d{2}\.html$/);
      expect(page).toContain('<title>Interlock report: Interlock demo, deck “PI 26.3 retro”</title>');
      expect(page).toContain('<p class="deck">About PI 26.3, as the deck’s views name it.</p>');
      expect(sectionOf(page, 'board')).toContain('Increment PI 26.3:');
      expect(sectionOf(page, 'objectives')).toContain('PI objectives of PI 26.3');
      expect(page).not.toContain('PI objectives of PI 26.4');
      expect(sectionOf(page, 'confidence')).toContain('Fist of five for PI 26.3');
      const scopes = riskScopes(page);
      expect(scopes.length).toBeGreaterThan(0);
      expect(new Set(scopes)).toEqual(new Set([team.label]));
      expect(sectionOf(page, 'risks')).toMatch(new RegExp(`As the deck’s Risks view shows them: the risks of ${team.label}; \\d+ other risks? left out\\.`));
      expect(page).toContain('Not narrowed as in the deck: Flow for Checkout. The flow summary below is of all teams and the default window.');
      expect(sectionOf(page, 'flow')).toContain('Scope: all teams;');
    });

    it('views naming two increments: the report takes the first named and says which views it leaves out; views naming none: the current one, said so', async () => {
      const twoId = await saveDeck('Two increments', [
        { title: 'Board 26.3', address: '/plan?increment=PI+26.3', timeboxSeconds: null },
        { title: 'Votes 26.4', address: '/confidence?increment=PI+26.4', timeboxSeconds: null },
      ]);
      const noneId = await saveDeck('Standing deck', [{ title: 'Board', address: '/plan', timeboxSeconds: null }]);
      const goneId = await saveDeck('Old retro', [{ title: 'Board', address: '/plan?increment=PI+25.1', timeboxSeconds: null }]);
      const backend = createBackend();
      await backend.call('workspace.open', { path: demo });
      const two = await backend.call('report.export', { deckId: twoId });
      const none = await backend.call('report.export', { deckId: noneId });
      const gone = await backend.call('report.export', { deckId: goneId, increment: 'PI 26.4' });
      backend.close();
      expect(gone.ok).toBe(false);
      if (!gone.ok) expect(gone.error.message).toBe('The deck “Old retro” shows PI 25.1: There is no increment named "PI 25.1". There are: PI 26.4, PI 26.3.');
      if (!two.ok || !none.ok) throw new Error('the reports could not be made');
      expect(two.value.html).toContain('The deck’s views also name PI 26.4 (“Votes 26.4”): this report is about PI 26.3, the first named; it does not show PI 26.4.');
      expect(two.value.html).toContain('Fist of five for PI 26.3');
      expect(none.value.html).toContain('About PI 26.4, the current increment: the deck’s views name none.');
      expect(none.value.html).toContain('Increment PI 26.4:');
    });

    it('interlock report --deck NAME: the deck\'s increment and its risk scope, the deck named in the report', async () => {
      const team = await teamWithRisks();
      await saveDeck('Retro on the CLI', retro(`team:${team.key}`));
      const out = tmp.path('retro.html');
      const run = await cli(['report', '--workspace', demo, '--out', out, '--deck', 'Retro on the CLI']);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      const page = readFileSync(out, 'utf8');
      expect(sectionOf(page, 'board')).toContain('Increment PI 26.3:');
      expect(page).not.toContain('Increment PI 26.4');
      expect(new Set(riskScopes(page))).toEqual(new Set([team.label]));
      expect(page).toContain('<h1>Interlock report: Interlock demo, deck “Retro on the CLI”</h1>');
      expect(page).toContain('Not narrowed as in the deck: Flow for Checkout.');
    });
  });

  describe('edge cases', () => {
    it('wrong usage exits 2 and writes nothing; a missing workspace exits 1 in one line', async () => {
      expect((await cli(['report', '--workspace', demo])).code).toBe(2);
      expect((await cli(['report', '--out', tmp.path('x.html')])).code).toBe(2);
      const notHtml = await cli(['report', '--workspace', demo, '--out', tmp.path('x.interlock')]);
      expect(notHtml.code).toBe(2);
      expect(notHtml.err).toContain('--out must name an .html file');
      const section = await cli(['report', '--workspace', demo, '--out', tmp.path('x.html'), '--section', 'gossip']);
      expect(section.code).toBe(2);
      expect(section.err).toContain('unknown section gossip');
      const missing = await cli(['report', '--workspace', tmp.path('nope.interlock'), '--out', tmp.path('x.html')]);
      expect(missing.code).toBe(1);
      expect(missing.err.split('\n')).toHaveLength(1);
      expect(existsSync(tmp.path('x.html'))).toBe(false);
    });

    it('an existing file is replaced only with --force; a folder that does not exist or cannot be written is said plainly', async () => {
      const out = tmp.path('twice.html');
      expect((await cli(['report', '--workspace', demo, '--out', out, '--section', 'risks'])).code).toBe(0);
      const first = readFileSync(out, 'utf8');
      const again = await cli(['report', '--workspace', demo, '--out', out]);
      // A failure, not wrong usage (as demo, seal and anonymise say it): one line, exit 1.
      expect(again.code).toBe(1);
      expect(again.err.trim().split('\n')).toHaveLength(1);
      expect(again.err).toContain('already exists; add --force to replace it');
      expect(readFileSync(out, 'utf8')).toBe(first);
      // What a run killed mid-write left beside it, two hours ago: removed by the next run; a fresh one is left.
      const stale = tmp.path('.twice.html.0123456789ab.tmp');
      const fresh = tmp.path('.twice.html.ba9876543210.tmp');
      writeFileSync(stale, '<html>half');
      writeFileSync(fresh, '<html>half');
      utimesSync(stale, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
      expect((await cli(['report', '--workspace', demo, '--out', out, '--force'])).code).toBe(0);
      expect(readFileSync(out, 'utf8')).not.toBe(first);
      expect([existsSync(stale), existsSync(fresh)]).toEqual([false, true]);
      expect(readdirSync(tmp.dir).filter((n) => n.includes('twice.html') && n !== '.twice.html.ba9876543210.tmp')).toEqual(['twice.html']);
      const nowhere = await cli(['report', '--workspace', demo, '--out', tmp.path('no-such-folder/r.html')]);
      expect(nowhere.code).toBe(1);
      expect(nowhere.err).toContain('no-such-folder is not a folder that exists; create it or choose another for --out.');
      expect(nowhere.err).not.toMatch(/ENOENT|\.tmp/);
    });

    it('a workspace is never replaced by a report, even one named .html and with --force', async () => {
      const workspace = tmp.path('ws.html');
      copyFileSync(demo, workspace);
      const before = readFileSync(workspace);
      const run = await cli(['report', '--workspace', workspace, '--out', workspace, '--force']);
      expect(run.code).toBe(1);
      expect(run.err).toContain('is a SQLite database (a workspace named .html?), not a report: it is never replaced');
      expect(readFileSync(workspace).equals(before)).toBe(true);
    });

    it('--deck names a deck the workspace holds, alone: otherwise a clear message and no file', async () => {
      const out = tmp.path('deck.html');
      const unknown = await cli(['report', '--workspace', demo, '--out', out, '--deck', 'Stand-up']);
      expect(unknown.code).toBe(1);
      expect(unknown.err.split('\n').filter(Boolean)).toHaveLength(1);
      expect(unknown.err).toMatch(/has no deck named "Stand-up"; its decks are .*"Readout"/);
      const both = await cli(['report', '--workspace', demo, '--out', out, '--deck', 'Readout', '--section', 'risks']);
      expect(both.code).toBe(2);
      expect(both.err).toContain('--deck and --section');
      const empty = await cli(['report', '--workspace', demo, '--out', out, '--deck', ' ']);
      expect(empty.code).toBe(2);
      expect(existsSync(out)).toBe(false);
    });

    it('an unknown increment (a typo) exits 1 naming the increments there are, and writes nothing to hand out', async () => {
      const out = tmp.path('pi1.html');
      const run = await cli(['report', '--workspace', demo, '--out', out, '--increment', 'PI 1']);
      expect(run.code).toBe(1);
      expect(run.err.trim()).toBe('interlock report: There is no increment named "PI 1". There are: PI 26.4, PI 26.3.');
      expect(existsSync(out)).toBe(false);
    });
  });
});
