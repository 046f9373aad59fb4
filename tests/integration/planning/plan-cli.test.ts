import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { closeWorkspace, createWorkspace } from '../../../electron/backend/store/workspace-file';
import { captureCli } from '../../support/cli-capture';
import { tempDir } from '../../support/temp-files';

const cli = (args: string[]) => captureCli(args);

describe('interlock plan', () => {
  const tmp = tempDir();
  const demo = tmp.path('demo.interlock');
  beforeAll(async () => {
    expect((await cli(['demo', demo])).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('plan board --json: the increment holding the data’s last day, in the documented shape', async () => {
    const run = await cli(['plan', 'board', '--workspace', demo, '--json']);
    expect(run.code).toBe(0);
    const board = JSON.parse(run.out);
    expect(board.increment).toEqual({ name: 'PI 26.4', start: '2026-11-09', end: '2027-01-17', capacityUnit: 'items' });
    expect(board.iterations.map((i: { name: string }) => i.name)).toEqual(['Iteration 1', 'Iteration 2', 'Iteration 3', 'Iteration 4', 'IP iteration']);
    expect(board.teams).toHaveLength(12);
    expect(board.cells[0]).toEqual({ team: expect.any(String), iteration: expect.any(String), items: expect.any(Array), load: expect.any(Number), capacity: expect.any(Number), over: expect.any(Boolean) });
    const states = new Set(board.dependencies.map((d: { state: string }) => d.state));
    expect([...states].sort()).toEqual(['conflict', 'ok', 'same-iteration', 'unplanned']);
    expect(board.dependencies[0]).toEqual(expect.objectContaining({ key: expect.any(String), fromItem: expect.any(String), toItem: expect.any(String), fromIteration: expect.any(String), state: expect.any(String) }));
    expect(board.objectives[0]).toEqual(expect.objectContaining({ team: expect.any(String), title: expect.any(String), businessValue: expect.any(Number), committed: expect.any(Boolean), items: expect.any(Array) }));
    expect(board.teamIterations.filter((i: { team: string }) => i.team === 'platform')).toHaveLength(10);
  });

  it('plan list and plan conflicts; the previous increment has its predictability scored', async () => {
    const list = JSON.parse((await cli(['plan', 'list', '--workspace', demo, '--json'])).out);
    expect(list.increments.map((i: { name: string }) => i.name)).toEqual(['PI 26.4', 'PI 26.3']);
    const conflicts = JSON.parse((await cli(['plan', 'conflicts', '--workspace', demo, '--json'])).out);
    // Of the two providers not planned, the first is cancelled (DEP-105 waits on IDN-29, Won't Do): it will not come, and says so.
    expect(conflicts.conflicts.map((c: { state: string; toCancelled: boolean }) => [c.state, c.toCancelled])).toEqual([
      ['conflict', false],
      ['conflict', false],
      ['unplanned', true],
      ['unplanned', false],
    ]);
    const said = (await cli(['plan', 'conflicts', '--workspace', demo])).out;
    // Teams by their names, as plan board and the Plan page name them.
    expect(said).toContain('BSK-81 (Basket, Iteration 3) waits on IDN-29 (Identity, cancelled): provider cancelled');
    expect(said).toMatch(/waits on RPT-179 \(Reporting, not planned\): provider not planned/);
    expect(said).not.toMatch(/\((basket|identity|reporting),/);
    const needs = conflicts.conflicts.map((c: { needAt: string }) => c.needAt);
    expect([...needs].sort()).toEqual(needs);
    const previous = JSON.parse((await cli(['plan', 'board', '--workspace', demo, '--increment', 'PI 26.3', '--json'])).out);
    expect(previous.predictability.increment).toBeGreaterThan(0.5);
    expect(previous.predictability.bands.reduce((n: number, b: { teams: number }) => n + b.teams, 0)).toBe(12);
    const human = await cli(['plan', 'board', '--workspace', demo]);
    expect(human.out).toContain('PI 26.4');
    expect(human.out).toContain('over capacity');
    // Its totals tell the cancelled provider (IDN-29) from the one not planned (RPT-179), as the conflicts above do.
    expect(human.out).toMatch(/^Dependencies: \d+ in order, \d+ same iteration, 2 conflict, 1 provider not planned, 1 provider cancelled$/m);
  });

  it('a dependency on a team alone, no item named, is in the totals of plan board with the providers not planned, and plan conflicts names the team', async () => {
    const own = tmp.path('team-dependency.interlock');
    expect((await cli(['demo', own])).code).toBe(0);
    // BSK-81 (basket, Iteration 3) needs something from Settlements, which has no item for it yet.
    const deps = tmp.path('interlock-dependencies.csv');
    writeFileSync(deps, 'key,from_item,from_team,to_item,to_team,kind,interface,created_at,needed_by,resolved_at\nDEP-T1,BSK-81,basket,,settlements,blocks,Payout API,2026-11-02T00:00:00Z,2026-11-30T00:00:00Z,\n');
    const imported = await cli(['import', deps, '--into', own]);
    expect(imported.code, imported.err).toBe(0);
    const human = await cli(['plan', 'board', '--workspace', own]);
    // One more provider not planned than the demo's own (RPT-179).
    expect(human.out).toMatch(/^Dependencies: \d+ in order, \d+ same iteration, 2 conflict, 2 provider not planned, 1 provider cancelled$/m);
    const json = JSON.parse((await cli(['plan', 'board', '--workspace', own, '--json'])).out);
    expect(json.dependencies.find((d: { key: string }) => d.key === 'DEP-T1')).toEqual({ key: 'DEP-T1', fromItem: 'BSK-81', toItem: null, toTeam: 'settlements', fromIteration: 'Iteration 3', toIteration: null, toCancelled: false, state: 'unplanned', needAt: '2026-11-30', neededBy: '2026-11-30' });
    const conflicts = (await cli(['plan', 'conflicts', '--workspace', own])).out;
    expect(conflicts).toContain('2026-11-30  BSK-81 (Basket, Iteration 3) waits on Settlements — no item named: provider not planned');
    const listed = JSON.parse((await cli(['plan', 'conflicts', '--workspace', own, '--json'])).out);
    expect(listed.conflicts.find((c: { key: string }) => c.key === 'DEP-T1')).toMatchObject({ toItem: null, toTeam: 'settlements', state: 'unplanned', needAt: '2026-11-30', neededBy: '2026-11-30' });
    // Without a stated date, needAt is the first day of the waiting item's iteration, and neededBy says none was given.
    expect(listed.conflicts.find((c: { key: string }) => c.key === 'DEP-105')).toMatchObject({ fromIteration: 'Iteration 3', needAt: '2026-12-07', neededBy: null });
  });

  it('plan conflicts names a card made in Interlock as the board does (“New-2”), never by its stored key; --json keeps the keys', async () => {
    const own = tmp.path('local-keys.interlock');
    expect((await cli(['demo', own])).code).toBe(0);
    const backend = createBackend();
    const must = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    must(await backend.call('workspace.open', { path: own }));
    const board = must(await backend.call('plan.board', {}));
    const [first, third] = [board.columns[0]!, board.columns[2]!];
    const provider = must(await backend.call('plan.item.create', { incrementId: board.increment.id, teamKey: 'search', iterationId: third.id, title: 'Provider card' }));
    const consumer = must(await backend.call('plan.item.create', { incrementId: board.increment.id, teamKey: 'basket', iterationId: first.id, title: 'Waiting card' }));
    must(await backend.call('plan.dependency.add', { consumerKey: consumer.key, providerKey: provider.key }));
    backend.close();
    const said = await cli(['plan', 'conflicts', '--workspace', own]);
    expect(said.code).toBe(0);
    expect(said.out).toContain(`New-2 (Basket, ${first.name}) waits on New-1 (Search, ${third.name}): conflict`);
    expect(said.out).not.toContain('interlock:');
    const listed = JSON.parse((await cli(['plan', 'conflicts', '--workspace', own, '--json'])).out);
    expect(listed.conflicts.find((c: { key: string }) => c.key === 'interlock:dep:1')).toMatchObject({ fromItem: 'interlock:item:2', toItem: 'interlock:item:1' });
  });

  it('a need date outside the increment reaches plan board, in its lines and in --json, naming the dependency, the date, the increment’s days and where to change it', async () => {
    const own = tmp.path('need-dates.interlock');
    expect((await cli(['demo', own])).code).toBe(0);
    // BSK-81 (basket, Iteration 3) waits on ONB-131 (Iteration 3), needed a month before PI 26.4 (2026-11-09 – 2027-01-17)
    // begins, and on Settlements (no item named) the day after it ends, and again on its last day, which is inside.
    const deps = tmp.path('interlock-dependencies.csv');
    writeFileSync(
      deps,
      [
        'key,from_item,from_team,to_item,to_team,kind,interface,created_at,needed_by,resolved_at',
        'DEP-T2,BSK-81,basket,ONB-131,onboarding,blocks,,2026-08-17T00:00:00Z,2026-10-01T00:00:00Z,',
        'DEP-T3,BSK-81,basket,,settlements,blocks,Payout API,2026-11-02T00:00:00Z,2027-01-18T00:00:00Z,',
        'DEP-T4,BSK-81,basket,,settlements,blocks,Payout report,2026-11-02T00:00:00Z,2027-01-17T00:00:00Z,',
        '',
      ].join('\n'),
    );
    const imported = await cli(['import', deps, '--into', own]);
    expect(imported.code, imported.err).toBe(0);
    const before = 'BSK-81 (Iteration 3) waits on ONB-131 (Iteration 3), needed 2026-10-01: before the increment, 2026-11-09 – 2027-01-17. Change its need date (needed_by of DEP-T2 in the file it was imported from, then import that again).';
    const after = 'BSK-81 (Iteration 3) waits on Settlements — no item named, needed 2027-01-18: after the increment, 2026-11-09 – 2027-01-17. Change its need date (needed_by of DEP-T3 in the file it was imported from, then import that again).';
    const human = (await cli(['plan', 'board', '--workspace', own])).out.split('\n');
    expect(human.filter((line) => line.includes('needed 20'))).toEqual([`  ! ${before}`, `  ! ${after}`]);
    const json = JSON.parse((await cli(['plan', 'board', '--workspace', own, '--json'])).out);
    expect(json.lint.filter((l: { rule: string }) => l.rule === 'need-date-outside-increment')).toEqual([
      { rule: 'need-date-outside-increment', message: before },
      { rule: 'need-date-outside-increment', message: after },
    ]);
  });

  it('the demo’s open dependencies are needed inside their increment, so its lint flags none (RPT-134’s need, raised in August, is restated for PI 26.4)', async () => {
    const board = JSON.parse((await cli(['plan', 'board', '--workspace', demo, '--json'])).out);
    expect(board.lint.map((l: { rule: string }) => l.rule)).not.toContain('need-date-outside-increment');
    const conflicts = JSON.parse((await cli(['plan', 'conflicts', '--workspace', demo, '--json'])).out).conflicts;
    expect(conflicts.map((c: { fromItem: string; needAt: string }) => [c.fromItem, c.needAt])).toEqual([
      // The Friday before its Iteration 2 (2026-11-23): still the first need, as it was with its stale date.
      ['RPT-134', '2026-11-20'],
      ['PRC-219', '2026-11-21'],
      ['BSK-81', '2026-12-07'],
      ['MPT-242', '2026-12-08'],
    ]);
  });

  it('plan board names the planned cards with open risks after its lint, as the board’s markers count them, and --json gives each one’s risks with their status', async () => {
    // The demo raised RPT-134's conflict with ONB-131 as RISK-8 and PRC-219's with PRM-168 as RISK-9, both not yet ROAMed.
    const demoLines = (await cli(['plan', 'board', '--workspace', demo])).out.split('\n');
    expect(demoLines.slice(demoLines.indexOf('2 open risks on planned cards:'))).toEqual([
      '2 open risks on planned cards:',
      '  ! PRC-219 (Pricing, Iteration 2): RISK-9 not yet ROAMed',
      '  ! PRM-168 (Promotions, Iteration 3): RISK-9 not yet ROAMed',
      '  ! ONB-131 (Merchant Onboarding, Iteration 3): RISK-8 not yet ROAMed',
      '  ! RPT-134 (Reporting, Iteration 2): RISK-8 not yet ROAMed',
    ]);
    // The lint comes first: the risks follow its last line.
    expect(demoLines[demoLines.indexOf('2 open risks on planned cards:') - 1]).toMatch(/^ {2}! Pricing is over capacity in Iteration 3/);

    const own = tmp.path('risks-on-board.interlock');
    expect((await cli(['demo', own])).code).toBe(0);
    // RISK-8 owned, RISK-9 resolved (no longer a risk: it marks nothing), and RISK-30 accepted on RPT-134 itself.
    const statuses = tmp.path('statuses/interlock-risks.csv');
    mkdirSync(dirname(statuses));
    writeFileSync(statuses, 'key,title,status,scope,scope_key\nRISK-8,Reporting waits on Merchant Onboarding,owned,increment,PI 26.4\nRISK-9,Pricing waits on Promotions,resolved,increment,PI 26.4\n');
    const added = tmp.path('added/interlock-risks.csv');
    mkdirSync(dirname(added));
    writeFileSync(added, 'key,title,status,scope,scope_key,items\nRISK-30,Report schema frozen late,accepted,team,reporting,RPT-134\n');
    for (const file of [statuses, added]) {
      const imported = await cli(['import', file, '--into', own]);
      expect(imported.code, imported.err).toBe(0);
    }
    const lines = (await cli(['plan', 'board', '--workspace', own])).out.split('\n');
    expect(lines.slice(lines.findIndex((l) => l.endsWith('on planned cards:')))).toEqual([
      '2 open risks on planned cards:',
      '  ! ONB-131 (Merchant Onboarding, Iteration 3): RISK-8 owned',
      '  ! RPT-134 (Reporting, Iteration 2): RISK-8 owned; RISK-30 accepted',
    ]);
    const json = JSON.parse((await cli(['plan', 'board', '--workspace', own, '--json'])).out);
    expect(json.openRisks).toEqual([
      { item: 'ONB-131', team: 'onboarding', iteration: 'Iteration 3', risks: [{ key: 'RISK-8', status: 'owned' }] },
      { item: 'RPT-134', team: 'reporting', iteration: 'Iteration 2', risks: [{ key: 'RISK-8', status: 'owned' }, { key: 'RISK-30', status: 'accepted' }] },
    ]);
  });

  it('plan list --increment NAME lists that increment alone (its name in any case), as board and conflicts take it', async () => {
    const one = await cli(['plan', 'list', '--workspace', demo, '--increment', 'pi 26.3', '--json']);
    expect(one.code, one.err).toBe(0);
    expect(JSON.parse(one.out).increments.map((i: { name: string }) => i.name)).toEqual(['PI 26.3']);
    const human = await cli(['plan', 'list', '--workspace', demo, '--increment', 'PI 26.4']);
    expect(human.out.split('\n')).toEqual(['PI 26.4  2026-11-09 – 2027-01-17  (15 iterations)']);
  });

  describe('edge cases', () => {
    it('wrong usage exits 2; an unknown increment exits 1 naming the ones there are', async () => {
      expect((await cli(['plan', '--workspace', demo])).code).toBe(2);
      expect((await cli(['plan', 'board'])).code).toBe(2);
      const unknown = await cli(['plan', 'board', '--workspace', demo, '--increment', 'PI 1']);
      expect(unknown.code).toBe(1);
      expect(unknown.err).toContain('There are: PI 26.4, PI 26.3.');
      const unlisted = await cli(['plan', 'list', '--workspace', demo, '--increment', 'PI 1']);
      expect([unlisted.code, unlisted.out, unlisted.err]).toEqual([1, '', 'interlock plan: There is no increment named "PI 1". There are: PI 26.4, PI 26.3.']);
    });

    it('plan list --increment in a workspace without increments says there are none yet', async () => {
      const empty = tmp.path('empty.interlock');
      closeWorkspace(createWorkspace(empty));
      expect((await cli(['plan', 'list', '--workspace', empty])).out).toBe('No increments yet.');
      const named = await cli(['plan', 'list', '--workspace', empty, '--increment', 'PI 1']);
      expect([named.code, named.err]).toEqual([1, 'interlock plan: There is no increment named "PI 1". This workspace has no increment yet. Create one on the Plan page, or import the increments template.']);
    });

    it('the demo plan is the same for the same seed', async () => {
      const again = tmp.path('again.interlock');
      await cli(['demo', again]);
      const a = (await cli(['plan', 'board', '--workspace', demo, '--json'])).out;
      const b = (await cli(['plan', 'board', '--workspace', again, '--json'])).out;
      expect(b).toBe(a);
    });
  });
});
