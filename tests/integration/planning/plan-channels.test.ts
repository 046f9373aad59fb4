import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { changeCounter } from '../../../electron/backend/store/workspace-memory';
import { applyBoardPatch } from '../../../shared/planning/board-patch';
import { tempDir } from '../../support/temp-files';
import { channelCalls } from '../../support/channel-calls';

// The plan.* channels on a real workspace file: every edit one transaction that survives a
// reopen, undo and redo, re-imports that keep the plan, and refusals that say what is wrong.

const TEAMS = 'Key,Name,Value stream\npay,Payments,Money\ncart,Cart,Shop\nsearch,Search,Shop\n';
const ITEMS = [
  'key,title,type,team,status,created_at',
  'PAY-1,Card vault,feature,pay,To Do,2026-01-02T00:00:00Z',
  'PAY-2,Refunds API,feature,pay,To Do,2026-01-02T00:00:00Z',
  'CART-1,One-click checkout,feature,cart,To Do,2026-01-02T00:00:00Z',
  'CART-2,Saved carts,feature,cart,To Do,2026-01-02T00:00:00Z',
  'SRCH-1,Synonyms,feature,search,To Do,2026-01-02T00:00:00Z',
].join('\n');

describe('planning channels', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let path: string;

  const { call, refused } = channelCalls(() => backend);

  async function importCsv(name: string, text: string) {
    const file = tmp.path(name);
    writeFileSync(file, text);
    const { jobId } = await call('import.start', { files: [{ source: { kind: 'path', path: file } }], mode: 'import' });
    for (;;) {
      const status = await call('import.progress', { jobId });
      if (status.state !== 'running') {
        if (status.state !== 'done') throw new Error(`import: ${status.error?.message}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** PI 26.1 with three two-week iterations, and Cart's capacity of one item in I1. */
  async function increment() {
    const pi = await call('plan.increment.save', { name: 'PI 26.1', start: '2026-01-05', end: '2026-02-15' });
    let view = pi;
    for (const [name, start, end] of [
      ['I1', '2026-01-05', '2026-01-18'],
      ['I2', '2026-01-19', '2026-02-01'],
      ['I3', '2026-02-02', '2026-02-15'],
    ] as const) {
      view = await call('plan.iteration.save', { incrementId: pi.id, name, start, end });
    }
    const ids = Object.fromEntries(view.iterations.map((i) => [i.name, i.id])) as Record<'I1' | 'I2' | 'I3', number>;
    return { id: pi.id, ids };
  }

  /** `steps` undos (or redos) asked with the board shown, each answering a patch that turns the board before into the board after. */
  async function expectReplaysPatch(channel: 'plan.undo' | 'plan.redo', steps: number, shown: { grouping: 'coordination' | 'value-stream'; baselineId?: number }) {
    for (let i = 0; i < steps; i++) {
      const before = await call('plan.board', shown);
      const answer = await call(channel, { board: shown });
      const after = await call('plan.board', shown);
      expect(answer.board).toBeDefined();
      expect(answer.board!.cells.length).toBeLessThanOrEqual(2 * after.columns.length);
      expect(applyBoardPatch(before, answer.board!)).toEqual(after);
    }
  }

  beforeEach(async () => {
    tmp = tempDir();
    path = tmp.path('plan.interlock');
    backend = createBackend({ log: (m, e) => console.error(m, e) });
    await call('workspace.create', { path });
    await importCsv('teams.csv', TEAMS);
    await importCsv('items.csv', ITEMS);
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('plans, moves and orders items; the board shows load against capacity and each dependency’s state', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I1 });
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I1 });
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I2 });
    // CART-2 before CART-1 in the same cell.
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I1, beforeItemKey: 'CART-1' });
    await call('plan.capacity.set', { iterationId: ids.I1, teamKey: 'cart', amount: 1 });
    await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1' });
    await call('plan.dependency.add', { consumerKey: 'CART-2', providerKey: 'SRCH-1', neededBy: '2026-01-10' });

    const board = await call('plan.board', {});
    expect(board.increment.name).toBe('PI 26.1');
    const cart = board.cells.find((c) => c.teamKey === 'cart' && c.columnId === ids.I1)!;
    expect(cart.cards.map((c) => c.key)).toEqual(['CART-2', 'CART-1']);
    expect(cart).toMatchObject({ load: 2, capacity: 1, over: true });
    expect(board.dependencies.map((d) => [d.consumer.itemKey, d.provider.itemKey, d.state])).toEqual([
      ['CART-1', 'PAY-1', 'conflict'],
      ['CART-2', 'SRCH-1', 'unplanned'],
    ]);
    const conflicts = await call('plan.conflicts', { increment: 'PI 26.1' });
    expect(conflicts.conflicts.map((c) => [c.consumer.itemKey, c.needAt])).toEqual([
      ['CART-1', '2026-01-05'],
      ['CART-2', '2026-01-10'],
    ]);
    // Moving the provider into I1 turns the conflict into "same iteration".
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I1 });
    expect((await call('plan.board', {})).dependencies[0]!.state).toBe('same-iteration');
  });

  /** Pricing joins the workspace with no item; CART-1 needs something from it (by 2026-01-21), before it has an item for it. */
  async function waitOnPricing(extraRows: string[] = []) {
    await importCsv('pricing.csv', 'Key,Name,Value stream\npricing,Pricing,Money\n');
    await importCsv(
      'dependencies.csv',
      [
        'key,from_item,from_team,to_item,to_team,kind,interface,created_at,needed_by,resolved_at',
        'DEP-T,CART-1,cart,,pricing,blocks,Price quote API,2026-01-02T00:00:00Z,2026-01-21T00:00:00Z,',
        ...extraRows,
      ].join('\n'),
    );
  }

  it('a dependency on a team alone, no item named, is on the board as a provider not planned: counted, listed, and carried by a move', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I2 });
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I1 });
    await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1' });
    await waitOnPricing();

    const board = await call('plan.board', {});
    expect(board.dependencies.find((d) => d.key === 'DEP-T')).toMatchObject({
      consumer: { itemKey: 'CART-1', teamKey: 'cart', iterationName: 'I2' },
      provider: { itemKey: null, teamKey: 'pricing', columnId: null, iterationName: null, done: false, cancelled: false },
      state: 'unplanned',
      needAt: '2026-01-21',
    });
    // Counted with the providers not planned, beside CART-1 ← PAY-1 in order.
    expect(board.dependencyCounts).toEqual({ ok: 1, 'same-iteration': 0, conflict: 0, unplanned: 1, 'provider-cancelled': 0 });
    // Pricing plans nothing: it is no row of the board, only the dependency names it.
    expect(board.teams.map((t) => t.key).sort()).toEqual(['cart', 'pay']);
    expect((await call('plan.conflicts', {})).conflicts.map((c) => [c.key, c.consumer.itemKey, c.provider.itemKey, c.provider.teamKey, c.needAt])).toEqual([['DEP-T', 'CART-1', null, 'pricing', '2026-01-21']]);

    // Moving CART-1 with the board shown: the patch carries the dependency, and the board patched is the board after.
    const moves = [
      { shown: { grouping: 'coordination' as const }, iterationId: ids.I3, withPay: 'ok' },
      { shown: { grouping: 'value-stream' as const }, iterationId: ids.I1, withPay: 'same-iteration' },
    ];
    for (const { shown, iterationId, withPay } of moves) {
      const before = await call('plan.board', shown);
      const answer = await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId, board: shown });
      expect(answer.board!.dependencies.map((d) => [d.provider.itemKey, d.state])).toEqual([
        [null, 'unplanned'],
        ['PAY-1', withPay],
      ]);
      expect(applyBoardPatch(before, answer.board!)).toEqual(await call('plan.board', shown));
    }
  });

  it('a move asked with the board shown answers what it changed: the board before, patched, is the board after', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I1 });
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I2 });
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I2 });
    await call('plan.capacity.set', { iterationId: ids.I1, teamKey: 'cart', amount: 1 });
    await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1' });
    await call('plan.dependency.add', { consumerKey: 'PAY-2', providerKey: 'CART-2' });
    await call('plan.dependency.add', { consumerKey: 'CART-2', providerKey: 'SRCH-1' });
    // PAY-2 is not planned yet: the objective has no work (lint) until it is.
    await call('plan.objective.save', { increment: 'PI 26.1', title: 'Refunds in a day', teamKey: 'pay', businessValue: 7, itemKeys: ['PAY-2'] });
    const baseline = await call('plan.baseline.commit', { incrementId: id });
    const moves = [
      // Within a team, before another card; the conflict CART-1 ← PAY-1 turns "same iteration".
      { itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I1, beforeItemKey: null },
      { itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I1, beforeItemKey: 'CART-1' },
      // From the backlog, bringing a dependency of its own onto the board.
      { itemKey: 'PAY-2', teamKey: 'pay', iterationId: ids.I3, beforeItemKey: null },
      // Across teams: Search joins the board, Pay keeps PAY-2.
      { itemKey: 'PAY-1', teamKey: 'search', iterationId: ids.I2, beforeItemKey: null },
      // Pay's last card leaves: Pay leaves the board.
      { itemKey: 'PAY-2', teamKey: 'cart', iterationId: ids.I3, beforeItemKey: null },
    ];
    for (const shown of [{ grouping: 'value-stream' as const }, { grouping: 'value-stream' as const, baselineId: baseline.id }, { grouping: 'coordination' as const }]) {
      for (const move of moves) {
        const before = await call('plan.board', shown);
        const answer = await call('plan.item.place', { incrementId: id, ...move, board: shown });
        const after = await call('plan.board', shown);
        const planned = before.cells.some((c) => c.cards.some((k) => k.key === move.itemKey));
        expect(answer.undo).toBe(`${planned ? 'move' : 'plan'} ${move.itemKey}`);
        // The cells of at most two teams travel, not the board.
        expect(answer.board!.cells.length).toBeLessThanOrEqual(2 * after.columns.length);
        expect(applyBoardPatch(before, answer.board!)).toEqual(after);
      }
      // Taking the moves back and doing them again answers the same way.
      await expectReplaysPatch('plan.undo', moves.length, shown);
      await expectReplaysPatch('plan.redo', moves.length, shown);
      for (let i = 0; i < moves.length; i++) await call('plan.undo', {});
    }
    expect((await call('plan.board', {})).teams.map((t) => t.key).sort()).toEqual(['cart', 'pay']);
    // Without a board asked for, the answer stays the undo state alone.
    expect(await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I3 })).toEqual({ undo: 'move PAY-1', redo: null });
  });

  it('unplanning asked with the board shown answers what it changed: the board before, patched, is the board after', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I1 });
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I2 });
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I2 });
    await call('plan.capacity.set', { iterationId: ids.I2, teamKey: 'cart', amount: 1 });
    await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1' });
    await call('plan.dependency.add', { consumerKey: 'PAY-1', providerKey: 'CART-2' });
    await call('plan.objective.save', { increment: 'PI 26.1', title: 'Refunds in a day', teamKey: 'pay', businessValue: 7, itemKeys: ['PAY-1'] });
    const baseline = await call('plan.baseline.commit', { incrementId: id });
    // A provider leaves (its consumer's line turns "not planned"), a consumer leaves (its line goes), Pay's last card leaves (Pay leaves the board).
    const unplanned = ['CART-2', 'CART-1', 'PAY-1'];
    for (const shown of [{ grouping: 'value-stream' as const }, { grouping: 'value-stream' as const, baselineId: baseline.id }, { grouping: 'coordination' as const }]) {
      for (const itemKey of unplanned) {
        const before = await call('plan.board', shown);
        const answer = await call('plan.item.unplan', { incrementId: id, itemKey, board: shown });
        const after = await call('plan.board', shown);
        expect(answer.undo).toBe(`unplan ${itemKey}`);
        expect(answer.board!.cells.length).toBeLessThanOrEqual(after.columns.length);
        expect(applyBoardPatch(before, answer.board!)).toEqual(after);
      }
      await expectReplaysPatch('plan.undo', unplanned.length, shown);
      await expectReplaysPatch('plan.redo', unplanned.length, shown);
      for (let i = 0; i < unplanned.length; i++) await call('plan.undo', {});
    }
    expect((await call('plan.board', {})).cells.flatMap((c) => c.cards.map((k) => k.key)).sort()).toEqual(['CART-1', 'CART-2', 'PAY-1']);
  });

  it('a capacity set with the board shown answers the team’s row: the board before, patched, is the board after; and so do its undo and redo', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I1 });
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I1 });
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I2 });
    await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1' });
    const baseline = await call('plan.baseline.commit', { incrementId: id });
    const sets = [
      // Below its load: over capacity (lint).
      { iterationId: ids.I1, teamKey: 'cart', amount: 1 },
      { iterationId: ids.I1, teamKey: 'cart', amount: 5 },
      // Cleared.
      { iterationId: ids.I1, teamKey: 'cart', amount: null },
      // A team without planned work joins the board with its capacity.
      { iterationId: ids.I3, teamKey: 'search', amount: 3 },
    ];
    for (const shown of [{ grouping: 'value-stream' as const }, { grouping: 'value-stream' as const, baselineId: baseline.id }, { grouping: 'coordination' as const }]) {
      for (const set of sets) {
        const before = await call('plan.board', shown);
        const answer = await call('plan.capacity.set', { ...set, board: shown });
        const after = await call('plan.board', shown);
        expect(answer.undo).toBe(`capacity of ${set.teamKey}`);
        expect(answer.board!.cells.length).toBe(after.columns.length);
        expect(answer.board!.dependencies).toEqual([]);
        expect(applyBoardPatch(before, answer.board!)).toEqual(after);
      }
      expect((await call('plan.board', shown)).teams.map((t) => t.key)).toContain('search');
      await expectReplaysPatch('plan.undo', sets.length, shown);
      await expectReplaysPatch('plan.redo', sets.length, shown);
      for (let i = 0; i < sets.length; i++) await call('plan.undo', {});
    }
    expect((await call('plan.board', {})).teams.map((t) => t.key).sort()).toEqual(['cart', 'pay']);
  });

  it('a dependency added or removed with the board shown answers what changed on it: the board before, patched, is the board after; and so do its undo and redo', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I1 });
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I2 });
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I2 });
    await call('plan.item.place', { incrementId: id, itemKey: 'SRCH-1', teamKey: 'search', iterationId: ids.I3 });
    await call('plan.dependency.add', { consumerKey: 'PAY-1', providerKey: 'CART-2' });
    const baseline = await call('plan.baseline.commit', { incrementId: id });
    for (const shown of [{ grouping: 'value-stream' as const }, { grouping: 'value-stream' as const, baselineId: baseline.id }, { grouping: 'coordination' as const }]) {
      const on = { ...shown, incrementId: id };
      const edits = [
        // A conflict: CART-1 (I1) waits on PAY-1 (I2); then a provider off the board; then a chain.
        () => call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1', board: on }),
        () => call('plan.dependency.add', { consumerKey: 'CART-2', providerKey: 'PAY-2', neededBy: '2026-01-20', board: on }),
        () => call('plan.dependency.add', { consumerKey: 'SRCH-1', providerKey: 'CART-1', board: on }),
      ];
      const added: string[] = [];
      for (const edit of edits) {
        const before = await call('plan.board', shown);
        const answer = await edit();
        const after = await call('plan.board', shown);
        added.push(answer.key);
        expect(answer.board!.cells).toEqual([]);
        expect(applyBoardPatch(before, answer.board!)).toEqual(after);
      }
      const before = await call('plan.board', shown);
      const removed = await call('plan.dependency.remove', { key: added[0]!, board: on });
      const after = await call('plan.board', shown);
      expect(after.dependencies.map((d) => d.key)).not.toContain(added[0]);
      expect(applyBoardPatch(before, removed.board!)).toEqual(after);
      await expectReplaysPatch('plan.undo', edits.length + 1, shown);
      await expectReplaysPatch('plan.redo', edits.length + 1, shown);
      for (let i = 0; i < edits.length + 1; i++) await call('plan.undo', {});
    }
    expect((await call('plan.board', {})).dependencies.map((d) => `${d.consumer.itemKey}←${d.provider.itemKey}`)).toEqual(['PAY-1←CART-2']);
  });

  it('a need date made here changes and clears where the dependency is: the board, its conflicts and its lint follow, the answer patches the board shown, and undo and redo put each date back', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I2 });
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I3 });
    // A year typed wrong: 2025 for a day of PI 26.1 (2026-01-05 – 2026-02-15).
    const { key } = await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1', neededBy: '2025-01-20' });
    const shown = { grouping: 'value-stream' as const };
    const on = { ...shown, incrementId: id };
    const seen = async () => {
      const board = await call('plan.board', shown);
      const d = board.dependencies.find((x) => x.key === key)!;
      const outside = board.lint.filter((l) => l.rule === 'need-date-outside-increment').length;
      return { needAt: d.needAt, neededBy: d.neededBy, state: d.state, outside, conflicts: (await call('plan.conflicts', {})).conflicts.map((c) => c.needAt) };
    };
    expect(await seen()).toEqual({ needAt: '2025-01-20', neededBy: '2025-01-20', state: 'conflict', outside: 1, conflicts: ['2025-01-20'] });

    const edits = [
      { neededBy: '2026-01-20', undo: 'CART-1 waits on PAY-1, needed by 2026-01-20', then: { needAt: '2026-01-20', neededBy: '2026-01-20' } },
      // Cleared, the need is the first day of CART-1's iteration (I2) again.
      { neededBy: null, undo: 'CART-1 waits on PAY-1, no need date', then: { needAt: '2026-01-19', neededBy: null } },
    ];
    for (const edit of edits) {
      const before = await call('plan.board', shown);
      const answer = await call('plan.dependency.needBy', { key, neededBy: edit.neededBy, board: on });
      expect(answer.undo).toBe(edit.undo);
      expect(answer.board!.cells).toEqual([]);
      expect(applyBoardPatch(before, answer.board!)).toEqual(await call('plan.board', shown));
      // A date is no move: the state stays what the iterations make it.
      expect(await seen()).toEqual({ ...edit.then, state: 'conflict', outside: 0, conflicts: [edit.then.needAt] });
    }

    await expectReplaysPatch('plan.undo', 1, shown);
    expect((await seen()).needAt).toBe('2026-01-20');
    await expectReplaysPatch('plan.undo', 1, shown);
    expect(await seen()).toMatchObject({ needAt: '2025-01-20', neededBy: '2025-01-20', outside: 1 });
    expect((await call('plan.history', {})).redo).toBe('CART-1 waits on PAY-1, needed by 2026-01-20');
    await expectReplaysPatch('plan.redo', 2, shown);
    expect(await seen()).toMatchObject({ needAt: '2026-01-19', neededBy: null, outside: 0 });

    // On disk, not only in the answer.
    backend.close();
    backend = createBackend({ log: (m, e) => console.error(m, e) });
    await call('workspace.open', { path });
    expect((await call('plan.board', shown)).dependencies.find((x) => x.key === key)).toMatchObject({ needAt: '2026-01-19', neededBy: null });
  });

  it('undo and redo more than fifty steps, each edit whole, and the plan survives a reopen', async () => {
    const { id, ids } = await increment();
    const iterations = [ids.I1, ids.I2, ids.I3];
    for (let i = 0; i < 60; i++) {
      await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: iterations[i % 3]! });
    }
    const where = async () => (await call('plan.board', {})).cells.find((c) => c.cards.some((k) => k.key === 'PAY-1'))!.columnId;
    expect(await where()).toBe(ids.I3);
    for (let i = 0; i < 55; i++) await call('plan.undo', {});
    // 60 edits, 55 taken back: the 5th placement (I2) stands.
    expect(await where()).toBe(ids.I2);
    expect((await call('plan.history', {})).undo).toBe('move PAY-1');
    await call('plan.redo', {});
    expect(await where()).toBe(ids.I3);
    // A new edit clears what could be redone.
    await call('plan.capacity.set', { iterationId: ids.I1, teamKey: 'pay', amount: 3 });
    expect((await call('plan.history', {})).redo).toBeNull();

    await call('workspace.close', {});
    await call('workspace.open', { path });
    expect(await where()).toBe(ids.I3);
    expect((await call('plan.board', {})).cells.find((c) => c.teamKey === 'pay' && c.columnId === ids.I1)!.capacity).toBe(3);
    // Undo lasts a session.
    expect(await call('plan.history', {})).toEqual({ undo: null, redo: null });
  });

  it('undoing the deletion of an iteration brings back its planned work, and of an increment everything in it', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I2 });
    await call('plan.capacity.set', { iterationId: ids.I2, teamKey: 'pay', amount: 2 });
    await call('plan.objective.save', { increment: 'PI 26.1', title: 'Cards stored safely', teamKey: 'pay', businessValue: 8, itemKeys: ['PAY-1'] });
    const before = await call('plan.board', {});
    await call('plan.iteration.delete', { id: ids.I2 });
    expect((await call('plan.board', {})).cells.flatMap((c) => c.cards)).toEqual([]);
    await call('plan.undo', {});
    await call('plan.increment.delete', { id });
    expect(await call('plan.increments', {})).toEqual([]);
    await call('plan.undo', {});
    const after = await call('plan.board', {});
    expect(after.cells).toEqual(before.cells);
    expect(after.objectives).toEqual(before.objectives);
  });

  it('compared with a baseline, a renamed iteration moved none of its cards; a card moved out of it is named as it is now, and one of an iteration deleted since by its name then', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I2 });
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I2 });
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I3 });
    const baseline = await call('plan.baseline.commit', { incrementId: id, name: 'Committed' });
    await call('plan.iteration.save', { incrementId: id, id: ids.I2, name: 'Sprint 2', start: '2026-01-19', end: '2026-02-01', teamKey: null });
    const renamed = (await call('plan.board', { baselineId: baseline.id })).changes!;
    expect(renamed).toMatchObject({ moved: [], added: [], removed: [], newConflicts: [] });

    await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I1 });
    await call('plan.iteration.delete', { id: ids.I3 });
    const changes = (await call('plan.board', { baselineId: baseline.id })).changes!;
    expect(changes.moved).toEqual([expect.objectContaining({ key: 'CART-2', from: { teamKey: 'cart', iteration: 'Sprint 2' }, to: { teamKey: 'cart', iteration: 'I1' } })]);
    expect(changes.removed).toEqual([expect.objectContaining({ key: 'PAY-1', teamKey: 'pay', iteration: 'I3 (deleted)' })]);
  });

  it('compared with a baseline committed before dependencies on a team alone were kept, an open one is not called new but said not compared; with one committed now, it is new', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I2 });
    const committed = await call('plan.baseline.commit', { incrementId: id, name: 'Committed' });
    const older = await call('plan.baseline.commit', { incrementId: id, name: 'Committed by an older build' });
    // What a build before the marker stored: each dependency's key and state, nothing more.
    const db = backend.context.session.require().db;
    const body = JSON.parse(db.prepare('SELECT body FROM plan_baselines WHERE id = ?').pluck().get(committed.id) as string) as { teamAloneKept?: true; cards: unknown[]; dependencies: unknown[] };
    expect(body.teamAloneKept).toBe(true);
    db.prepare('UPDATE plan_baselines SET body = ? WHERE id = ?').run(JSON.stringify({ cards: body.cards, dependencies: [] }), older.id);
    await waitOnPricing();

    const againstOlder = (await call('plan.board', { baselineId: older.id })).changes!;
    expect(againstOlder).toMatchObject({ newConflicts: [], notCompared: [{ key: 'DEP-T', state: 'unplanned' }] });
    const againstNew = (await call('plan.board', { baselineId: committed.id })).changes!;
    expect(againstNew).toMatchObject({ newConflicts: [{ key: 'DEP-T', state: 'unplanned', was: null }], notCompared: [] });
    // A move with the older baseline shown answers the same comparison in its patch.
    const shown = { grouping: 'coordination' as const, baselineId: older.id };
    const answer = await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I3, board: shown });
    expect(answer.board!.changes).toMatchObject({ newConflicts: [], notCompared: [{ key: 'DEP-T' }] });
  });

  it('compared with a baseline, a provider cancelled since is reported when its dependency was troubled then too; one both new and cancelled is a new conflict said cancelled', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I2 });
    await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I1 });
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I3 });
    // CART-1 waits on SRCH-1, planned nowhere; CART-2 (I1) on PAY-1 (I3), a conflict.
    await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'SRCH-1' });
    await call('plan.dependency.add', { consumerKey: 'CART-2', providerKey: 'PAY-1' });
    const committed = await call('plan.baseline.commit', { incrementId: id, name: 'Committed' });
    const older = await call('plan.baseline.commit', { incrementId: id, name: 'Committed by an older build' });
    // What a build before kinds were kept stored: each dependency's key and state.
    const db = backend.context.session.require().db;
    const body = JSON.parse(db.prepare('SELECT body FROM plan_baselines WHERE id = ?').pluck().get(committed.id) as string) as { cards: unknown[]; dependencies: { key: string; state: string; kind?: string }[] };
    expect(body.dependencies.map((d) => d.kind)).toEqual(['unplanned', 'conflict']);
    db.prepare('UPDATE plan_baselines SET body = ? WHERE id = ?').run(JSON.stringify({ cards: body.cards, dependencies: body.dependencies.map(({ key, state }) => ({ key, state })) }), older.id);
    // Since: CART-1 also waits on PAY-2; SRCH-1, PAY-1 and PAY-2 are cancelled.
    await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-2' });
    await importCsv(
      'cancel.csv',
      ['item,from_status,to_status,at', ...['SRCH-1', 'PAY-1', 'PAY-2'].flatMap((k) => [`${k},,To Do,2026-01-02T00:00:00Z`, `${k},To Do,Won't Do,2026-01-03T00:00:00Z`])].join('\n'),
    );
    const keys = new Map((await call('plan.board', {})).dependencies.map((d) => [`${d.consumer.itemKey}←${d.provider.itemKey}`, d.key]));
    const [srch, pay1, pay2] = ['CART-1←SRCH-1', 'CART-2←PAY-1', 'CART-1←PAY-2'].map((k) => keys.get(k)!);
    const byKey = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));

    const changes = (await call('plan.board', { baselineId: committed.id })).changes!;
    expect(changes.newConflicts).toEqual([{ key: pay2, state: 'unplanned', kind: 'provider-cancelled', was: null }]);
    expect(byKey(changes.providersCancelled)).toEqual(
      byKey([
        { key: srch, was: 'unplanned', mayHaveBeenCancelled: false },
        { key: pay1, was: 'conflict', mayHaveBeenCancelled: false },
      ]),
    );
    const againstOlder = (await call('plan.board', { baselineId: older.id })).changes!;
    expect(againstOlder.newConflicts.map((c) => c.key)).toEqual([pay2]);
    expect(byKey(againstOlder.providersCancelled)).toEqual(
      byKey([
        { key: srch, was: 'unplanned', mayHaveBeenCancelled: true },
        { key: pay1, was: 'conflict', mayHaveBeenCancelled: true },
      ]),
    );
  });

  it('a re-import of the items keeps the plan, the planner’s objective links and the items made here', async () => {
    const { id, ids } = await increment();
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-2', teamKey: 'pay', iterationId: ids.I1 });
    const made = await call('plan.item.create', { incrementId: id, teamKey: 'cart', iterationId: ids.I2, title: 'Apple Pay button', size: 3 });
    expect(made.key).toBe('interlock:item:1');
    const objective = await call('plan.objective.save', { increment: 'PI 26.1', title: 'Refunds in a day', teamKey: 'pay', businessValue: 7, itemKeys: ['PAY-2'] });
    await importCsv('items-again.csv', ITEMS.replace('Refunds API', 'Refunds API v2'));
    const board = await call('plan.board', {});
    expect(board.cells.flatMap((c) => c.cards.map((k) => [k.key, k.title, k.local]))).toEqual(
      expect.arrayContaining([
        ['PAY-2', 'Refunds API v2', false],
        ['interlock:item:1', 'Apple Pay button', true],
      ]),
    );
    expect(board.objectives.find((o) => o.key === objective.key)).toMatchObject({ itemKeys: ['PAY-2'], plannedItemKeys: ['PAY-2'], businessValue: 7 });
    expect(board.lint.map((l) => l.rule)).not.toContain('objective-without-work');
  });

  it('undo names items made here as their cards do (New-1), and an objective by its title, never by a stored key', async () => {
    const { id, ids } = await increment();
    const made = await call('plan.item.create', { incrementId: id, teamKey: 'cart', iterationId: ids.I2, title: 'Apple Pay button', size: 3 });
    expect((await call('plan.item.place', { incrementId: id, itemKey: made.key, teamKey: 'cart', iterationId: ids.I3 })).undo).toBe('move New-1');
    expect((await call('plan.item.unplan', { incrementId: id, itemKey: made.key })).undo).toBe('unplan New-1');
    const added = await call('plan.dependency.add', { consumerKey: made.key, providerKey: 'PAY-1' });
    expect(added.undo).toBe('New-1 waits on PAY-1');
    expect((await call('plan.dependency.remove', { key: added.key })).undo).toBe('remove: New-1 waits on PAY-1');
    const objective = await call('plan.objective.save', { increment: 'PI 26.1', title: 'Refunds in a day', teamKey: 'pay', businessValue: 7, itemKeys: [] });
    expect((await call('plan.objective.delete', { key: objective.key })).undo).toBe('delete objective “Refunds in a day”');
  });

  it('moving cards leaves the loaded metrics and advice standing; a new dependency does not', async () => {
    const { id, ids } = await increment();
    const { db } = backend.context.session.require();
    const before = changeCounter(db);
    await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I1 });
    await call('plan.capacity.set', { iterationId: ids.I1, teamKey: 'pay', amount: 2 });
    await call('plan.undo', {});
    expect(changeCounter(db)).toBe(before);
    await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1' });
    expect(changeCounter(db)).toBeGreaterThan(before);
  });

  describe('edge cases', () => {
    it('refusals say what is wrong and change nothing', async () => {
      const { id, ids } = await increment();
      expect((await refused('plan.iteration.save', { incrementId: id, name: 'I4', start: '2026-02-10', end: '2026-02-15' })).message).toContain('overlaps I3');
      expect((await refused('plan.iteration.save', { incrementId: id, name: 'Later', start: '2026-05-01', end: '2026-05-14' })).message).toContain('lies outside PI 26.1');
      expect((await refused('plan.iteration.save', { incrementId: id, name: 'Straddling', start: '2026-02-09', end: '2026-03-01', teamKey: 'pay' })).message).toContain('lies partly outside PI 26.1');
      // An increment shortened past its iterations would leave them where no edit may go.
      expect((await refused('plan.increment.save', { id, name: 'PI 26.1', start: '2026-01-05', end: '2026-01-18' })).message).toBe(
        'PI 26.1 (2026-01-05 – 2026-01-18) would leave I2 (2026-01-19 – 2026-02-01), I3 (2026-02-02 – 2026-02-15) outside it: move or delete those iterations first.',
      );
      expect((await refused('plan.increment.save', { name: 'PI 26.2', start: '2026-03-01', end: '2026-02-01' })).message).toContain('end: the end must not be before the start');
      expect((await refused('plan.item.place', { incrementId: id, itemKey: 'NOPE-1', teamKey: 'pay', iterationId: ids.I1 })).message).toBe('There is no item "NOPE-1" in this workspace.');
      expect((await refused('plan.dependency.add', { consumerKey: 'PAY-1', providerKey: 'PAY-1' })).message).toBe('An item cannot wait on itself.');
      expect((await refused('plan.objective.save', { increment: 'PI 26.1', title: 'x', teamKey: 'pay', businessValue: 11 })).code).toBe('invalid-input');
      expect((await refused('plan.board', { increment: 'PI 99' })).message).toBe('There is no increment named "PI 99". There are: PI 26.1.');
      // A milestone after the increment would be saved and never drawn; its last day is in it.
      expect((await refused('plan.milestone.save', { incrementId: id, name: 'Go-live', date: '2026-02-16', teamKey: null })).message).toBe(
        'Go-live (2026-02-16) lies outside PI 26.1 (2026-01-05 – 2026-02-15): a milestone belongs to a day of its increment.',
      );
      await call('plan.milestone.save', { incrementId: id, name: 'Go-live', date: '2026-02-15', teamKey: null });
      expect((await call('plan.board', {})).milestones.map((m) => m.name)).toEqual(['Go-live']);
      expect((await call('plan.board', {})).cells.flatMap((c) => c.cards)).toEqual([]);
    });

    it('an increment moved or shortened away from its milestones is refused, naming them and their days; nothing changes', async () => {
      const { id, ids } = await increment();
      await call('plan.iteration.delete', { id: ids.I3 });
      await call('plan.milestone.save', { incrementId: id, name: 'Go-live', date: '2026-02-10', teamKey: null });
      const before = await call('plan.board', {});
      // Its iterations end on 2026-02-01: cut there, the increment would leave Go-live where no column draws it.
      expect((await refused('plan.increment.save', { id, name: 'PI 26.1', start: '2026-01-05', end: '2026-02-01' })).message).toBe(
        'PI 26.1 (2026-01-05 – 2026-02-01) would leave the milestone Go-live (2026-02-10) outside it: move or delete that milestone first.',
      );
      expect((await refused('plan.increment.save', { id, name: 'PI 26.1', start: '2026-01-12', end: '2026-02-01' })).message).toBe(
        'PI 26.1 (2026-01-12 – 2026-02-01) would leave I1 (2026-01-05 – 2026-01-18), the milestone Go-live (2026-02-10) outside it: move or delete that iteration and that milestone first.',
      );
      expect(await call('plan.board', {})).toEqual(before);
      // Moved inside first, it goes along.
      await call('plan.milestone.save', { incrementId: id, id: before.milestones[0]!.id, name: 'Go-live', date: '2026-02-01', teamKey: null });
      await call('plan.increment.save', { id, name: 'PI 26.1', start: '2026-01-05', end: '2026-02-01' });
      expect((await call('plan.board', {})).milestones.map((m) => [m.name, m.date])).toEqual([['Go-live', '2026-02-01']]);
    });

    it('a shared iteration holding other teams’ plans cannot become one team’s sprint; a team’s capacity goes in no other team’s sprint', async () => {
      const { id, ids } = await increment();
      await call('plan.item.place', { incrementId: id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: ids.I2 });
      expect((await refused('plan.iteration.save', { incrementId: id, id: ids.I2, name: 'I2', start: '2026-01-19', end: '2026-02-01', teamKey: 'cart' })).message).toContain('holds the plan or capacity of');
      const sprint = (await call('plan.iteration.save', { incrementId: id, name: 'Cart sprint', start: '2026-01-05', end: '2026-01-11', teamKey: 'cart' })).iterations.find((i) => i.name === 'Cart sprint')!;
      expect((await refused('plan.capacity.set', { iterationId: sprint.id, teamKey: 'pay', amount: 3 })).message).toContain('is a sprint of another team');
      await call('plan.capacity.set', { iterationId: sprint.id, teamKey: 'cart', amount: 3 });
    });

    it('a renamed increment keeps its votes, risks and the deck views that show it; a deleted one comes back by undo with its baselines', async () => {
      const { id } = await increment();
      await call('votes.record', { scope: { kind: 'increment', key: 'PI 26.1' }, increment: null, counts: [0, 0, 1, 2, 3] });
      await call('votes.record', { scope: { kind: 'team', key: 'pay' }, increment: 'PI 26.1', counts: [0, 0, 0, 1, 4] });
      const risk = await call('risks.save', { title: 'Vendor late', scope: { kind: 'increment', key: 'PI 26.1' } });
      const deck = await call('deck.save', {
        name: 'Readout',
        entries: [
          { title: 'Votes', address: '/confidence?increment=PI+26.1', timeboxSeconds: null },
          { title: 'Risks', address: '/risks?scope=increment%3API%2026.1&teams=pay', timeboxSeconds: null },
          { title: 'Another', address: '/plan?increment=PI+26.10&tab=board', timeboxSeconds: 60 },
        ],
      });
      const addresses = async () => (await call('deck.get', { id: deck.id })).entries.map((e) => new URLSearchParams(e.address.split('?')[1]).get(e.title === 'Risks' ? 'scope' : 'increment'));
      expect(await addresses()).toEqual(['PI 26.1', 'increment:PI 26.1', 'PI 26.10']);
      const rounds = async (name: string) => (await call('votes.list', { increment: name })).rounds.length;
      expect(await rounds('PI 26.1')).toBe(2);
      await call('plan.increment.save', { id, name: 'PI 26.1 (final)', start: '2026-01-05', end: '2026-02-15' });
      expect([await rounds('PI 26.1 (final)'), await rounds('PI 26.1')]).toEqual([2, 0]);
      const scopeOf = async () => (await call('risks.board', {})).risks.find((r) => r.key === risk.key)!.scope;
      expect(await scopeOf()).toEqual({ kind: 'increment', key: 'PI 26.1 (final)' });
      // Presented, these views showed an increment of no votes and no risks.
      expect(await addresses()).toEqual(['PI 26.1 (final)', 'increment:PI 26.1 (final)', 'PI 26.10']);
      expect((await call('deck.get', { id: deck.id })).entries[1]!.address).toContain('teams=pay');
      await call('plan.undo', {});
      expect([await rounds('PI 26.1 (final)'), await rounds('PI 26.1')]).toEqual([0, 2]);
      expect(await scopeOf()).toEqual({ kind: 'increment', key: 'PI 26.1' });
      expect(await addresses()).toEqual(['PI 26.1', 'increment:PI 26.1', 'PI 26.10']);

      await call('plan.baseline.commit', { incrementId: id, name: 'Committed' });
      const before = await call('plan.baselines', { incrementId: id });
      expect(before).toHaveLength(1);
      await call('plan.increment.delete', { id });
      await call('plan.undo', {});
      expect(await call('plan.baselines', { incrementId: id })).toEqual(before);
    });

    it('a re-import of planning templates without a size or capacity_unit column keeps the planned sizes and the increment’s unit', async () => {
      await importCsv('increments.csv', ['name,start,end,capacity_unit', 'PI 27.1,2027-01-04,2027-02-14,points'].join('\n'));
      await importCsv('iterations.csv', ['increment,name,start,end', 'PI 27.1,I1,2027-01-04,2027-01-17', 'PI 27.1,I2,2027-01-18,2027-01-31'].join('\n'));
      await importCsv('plan.csv', ['increment,iteration,team,item,size', 'PI 27.1,I1,pay,PAY-1,5', 'PI 27.1,I1,cart,CART-1,3'].join('\n'));
      // Moved to I2, in files that say nothing of sizes or units.
      await importCsv('increments-again.csv', ['name,start,end', 'PI 27.1,2027-01-04,2027-02-14'].join('\n'));
      await importCsv('plan-again.csv', ['increment,iteration,team,item', 'PI 27.1,I2,pay,PAY-1'].join('\n'));
      const board = await call('plan.board', { increment: 'PI 27.1' });
      expect(board.increment.capacityUnit).toBe('points');
      const cards = board.cells.flatMap((c) => c.cards.map((k) => [k.key, c.columnId === board.columns.find((col) => col.name === 'I2')!.id ? 'I2' : 'I1', k.size]));
      expect(cards.sort()).toEqual([
        ['CART-1', 'I1', 3],
        ['PAY-1', 'I2', 5],
      ]);
      // A size column with an empty cell clears the size, as any column that is there.
      await importCsv('plan-cleared.csv', ['increment,iteration,team,item,size', 'PI 27.1,I2,pay,PAY-1,'].join('\n'));
      expect((await call('plan.board', { increment: 'PI 27.1' })).cells.flatMap((c) => c.cards).find((k) => k.key === 'PAY-1')!.size).toBeNull();
    });

    it('an import, or a risk saved, after planning edits ends their undo: undo would put back what was there before it', async () => {
      const pi = await call('plan.increment.save', { name: 'PI 27.1', start: '2027-01-04', end: '2027-02-14' });
      expect((await call('plan.history', {})).undo).toBe('add PI 27.1');
      await importCsv('iterations.csv', ['increment,name,start,end', 'PI 27.1,I1,2027-01-04,2027-01-17', 'PI 27.1,I2,2027-01-18,2027-01-31'].join('\n'));
      expect(await call('plan.history', {})).toEqual({ undo: null, redo: null });
      expect((await refused('plan.undo', {})).message).toBe('There is nothing to undo.');
      expect((await call('plan.increments', {})).find((i) => i.id === pi.id)!.iterations.map((i) => i.name)).toEqual(['I1', 'I2']);

      // Undo starts afresh after it; a risk saved on the Risks page ends it again.
      await call('plan.increment.save', { id: pi.id, name: 'PI 27.1 (final)', start: '2027-01-04', end: '2027-02-14' });
      expect((await call('plan.history', {})).undo).toBe('change PI 27.1 (final)');
      const risk = await call('risks.save', { title: 'Vendor late', scope: { kind: 'increment', key: 'PI 27.1 (final)' } });
      expect((await call('plan.history', {})).undo).toBeNull();
      expect((await call('risks.board', {})).risks.find((r) => r.key === risk.key)!.scope).toEqual({ kind: 'increment', key: 'PI 27.1 (final)' });
      // So does a deck saved on the Decks page: undoing a rename puts its views' names back.
      await call('plan.increment.save', { id: pi.id, name: 'PI 27.1', start: '2027-01-04', end: '2027-02-14' });
      await call('deck.save', { name: 'Readout', entries: [{ title: 'Plan', address: '/plan?increment=PI+27.1', timeboxSeconds: null }] });
      expect((await call('plan.history', {})).undo).toBeNull();
    });

    it('an imported objective edited in the Objectives dialog keeps its level and teams; an item taken off its list is unlinked', async () => {
      await increment();
      await importCsv(
        'objectives.csv',
        ['key,title,level,parent,teams,increment,business_value,actual_value,committed,items', 'OBJ-P,Grow,portfolio,,pay,PI 26.1,,,,', 'OBJ-1,Checkout for all,program,OBJ-P,pay;cart,PI 26.1,8,,yes,PAY-1;CART-1'].join('\n'),
      );
      const shown = async (key: string) => (await call('plan.board', {})).objectives.find((o) => o.key === key)!;
      const program = await shown('OBJ-1');
      expect(program).toMatchObject({ level: 'program', teamKeys: ['cart', 'pay'].sort() });
      // What the dialog sends, the team selector left as it was and CART-1 taken off the list.
      await call('plan.objective.save', {
        increment: 'PI 26.1', key: 'OBJ-1', title: 'Checkout for all', level: program.level, teamKey: program.teamKeys[0]!, teamKeys: program.teamKeys,
        businessValue: 8, actualValue: 6, committed: true, parentKey: 'OBJ-P', itemKeys: ['PAY-1'],
      });
      expect(await shown('OBJ-1')).toMatchObject({ level: 'program', teamKeys: program.teamKeys, itemKeys: ['PAY-1'], actualValue: 6 });
      const portfolio = await shown('OBJ-P');
      await call('plan.objective.save', { increment: 'PI 26.1', key: 'OBJ-P', title: 'Grow more', level: portfolio.level, teamKey: 'pay', businessValue: null, actualValue: null, committed: true, parentKey: null, itemKeys: [] });
      expect(await shown('OBJ-P')).toMatchObject({ level: 'portfolio', title: 'Grow more' });
      // The board makes no portfolio objective of its own.
      expect((await refused('plan.objective.save', { increment: 'PI 26.1', title: 'New', level: 'portfolio', teamKey: 'pay', businessValue: null, actualValue: null, committed: true, parentKey: null, itemKeys: [] })).message).toContain('portfolio objectives come from your import');
    });

    it('deleting an increment keeps the objectives an import brought (in no increment) and deletes those made here with their links; undo brings it all back', async () => {
      const { id } = await increment();
      await importCsv('objectives.csv', ['key,title,level,parent,teams,increment,business_value,items', 'OBJ-1,Checkout for all,program,,pay,PI 26.1,8,PAY-1', 'OBJ-2,Child,team,OBJ-1,pay,PI 26.1,5,'].join('\n'));
      const made = await call('plan.objective.save', { increment: 'PI 26.1', title: 'Cards stored safely', teamKey: 'pay', businessValue: 8, itemKeys: ['PAY-2'] });
      const db = () => backend.context.session.require().db;
      const objectives = () => db().prepare('SELECT key, increment_id AS incrementId, parent_key AS parentKey FROM objectives ORDER BY key').all();
      const links = () => db().prepare('SELECT item_id, objective_key FROM item_objectives ORDER BY objective_key').raw().all() as [number, string][];
      const [objectivesBefore, linksBefore] = [objectives(), links()];
      await call('plan.increment.delete', { id });
      expect(objectives()).toEqual([
        { key: 'OBJ-1', incrementId: null, parentKey: null },
        { key: 'OBJ-2', incrementId: null, parentKey: 'OBJ-1' },
      ]);
      expect(links().map(([, key]) => key)).toEqual(['OBJ-1']);
      expect(db().pragma('foreign_key_check')).toEqual([]);
      await call('plan.undo', {});
      expect(objectives()).toEqual(objectivesBefore);
      expect(links()).toEqual(linksBefore);
      expect(objectivesBefore.map((o) => (o as { key: string }).key)).toContain(made.key);
    });

    it('a provider planned in another increment is judged by that iteration’s dates, not called unplanned', async () => {
      const { id, ids } = await increment();
      const later = await call('plan.increment.save', { name: 'PI 26.2', start: '2026-03-02', end: '2026-04-12' });
      const laterI1 = (await call('plan.iteration.save', { incrementId: later.id, name: 'I1', start: '2026-03-02', end: '2026-03-15' })).iterations[0]!.id;
      const earlier = await call('plan.increment.save', { name: 'PI 25.4', start: '2025-11-03', end: '2025-12-14' });
      const earlierI1 = (await call('plan.iteration.save', { incrementId: earlier.id, name: 'I1', start: '2025-11-03', end: '2025-11-16' })).iterations[0]!.id;
      await call('plan.item.place', { incrementId: id, itemKey: 'PAY-2', teamKey: 'pay', iterationId: ids.I1 });
      await call('plan.item.place', { incrementId: later.id, itemKey: 'SRCH-1', teamKey: 'search', iterationId: laterI1 });
      await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I2 });
      await call('plan.item.place', { incrementId: earlier.id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: earlierI1 });
      await call('plan.dependency.add', { consumerKey: 'PAY-2', providerKey: 'SRCH-1' });
      await call('plan.dependency.add', { consumerKey: 'CART-2', providerKey: 'PAY-1' });
      const board = await call('plan.board', { increment: 'PI 26.1' });
      const of = (consumer: string) => board.dependencies.find((d) => d.consumer.itemKey === consumer)!;
      expect([of('PAY-2').state, of('PAY-2').provider.iterationName]).toEqual(['conflict', 'I1 of PI 26.2']);
      expect([of('CART-2').state, of('CART-2').provider.iterationName]).toEqual(['ok', 'I1 of PI 25.4']);

      // Not done in PI 25.4 and planned again in PI 26.2: the later placement is where it is due now.
      await call('plan.item.place', { incrementId: later.id, itemKey: 'PAY-1', teamKey: 'pay', iterationId: laterI1 });
      const again = await call('plan.board', { increment: 'PI 26.1' });
      const cart = again.dependencies.find((d) => d.consumer.itemKey === 'CART-2')!;
      expect([cart.state, cart.provider.iterationName]).toEqual(['conflict', 'I1 of PI 26.2']);
      expect((await call('plan.conflicts', { increment: 'PI 26.1' })).conflicts.map((d) => d.consumer.itemKey)).toContain('CART-2');
    });

    it('a dependency on a cancelled item is not "in order, provider done": the work it waits for will not come', async () => {
      const { id, ids } = await increment();
      await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I2 });
      await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'SRCH-1' });
      await importCsv('cancel.csv', ['item,from_status,to_status,at', 'SRCH-1,,To Do,2026-01-02T00:00:00Z', "SRCH-1,To Do,Won't Do,2026-01-03T00:00:00Z"].join('\n'));
      const dep = (await call('plan.board', {})).dependencies.find((d) => d.consumer.itemKey === 'CART-1')!;
      expect(dep.state).toBe('unplanned');
      // Said as cancelled, not as "not planned": planning SRCH-1 is no answer.
      expect(dep.provider).toMatchObject({ itemKey: 'SRCH-1', done: false, cancelled: true });
      expect((await call('plan.conflicts', {})).conflicts.map((d) => d.consumer.itemKey)).toEqual(['CART-1']);
    });

    it('a dependency on a team alone: resolved it is in order; its consumer not planned, or its team removed, it is not on the board', async () => {
      const { id, ids } = await increment();
      await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I2 });
      await call('plan.item.place', { incrementId: id, itemKey: 'CART-2', teamKey: 'cart', iterationId: ids.I1 });
      await waitOnPricing([
        // Settled in the tracker: in order, whatever Pricing planned.
        'DEP-R,CART-2,cart,,pricing,blocks,,2026-01-02T00:00:00Z,,2026-01-04T00:00:00Z',
        // PAY-2 is planned nowhere: no board shows it.
        'DEP-N,PAY-2,pay,,pricing,blocks,,2026-01-02T00:00:00Z,,',
        // A team the workspace did not know: the import makes it (named by its key), and it is waited on as any.
        'DEP-U,CART-2,cart,,legal,blocks,,2026-01-02T00:00:00Z,,',
      ]);
      const board = await call('plan.board', {});
      expect(board.dependencies.map((d) => [d.key, d.state, d.provider.itemKey, d.provider.teamKey, d.provider.done])).toEqual([
        ['DEP-R', 'ok', null, 'pricing', true],
        ['DEP-T', 'unplanned', null, 'pricing', false],
        ['DEP-U', 'unplanned', null, 'legal', false],
      ]);
      expect((await call('plan.conflicts', {})).conflicts.map((c) => c.key)).toEqual(['DEP-U', 'DEP-T']);
      // Pricing removed (its dependencies keep no team): one naming no provider at all has nobody to talk to, and stays off the board.
      const db = backend.context.session.require().db;
      db.prepare("DELETE FROM teams WHERE key = 'pricing'").run();
      expect(db.prepare("SELECT count(*) FROM dependencies WHERE key IN ('DEP-T', 'DEP-R') AND to_item_key IS NULL AND to_team_id IS NULL").pluck().get()).toBe(2);
      const after = await call('plan.board', {});
      expect(after.dependencies.map((d) => d.key)).toEqual(['DEP-U']);
      expect(after.dependencyCounts).toEqual({ ok: 0, 'same-iteration': 0, conflict: 0, unplanned: 1, 'provider-cancelled': 0 });
    });

    it('a card dropped before another lands there however often two cards swap places (ranks renumbered when halving runs out)', async () => {
      const { id, ids } = await increment();
      for (const key of ['PAY-1', 'PAY-2', 'CART-1']) await call('plan.item.place', { incrementId: id, itemKey: key, teamKey: 'pay', iterationId: ids.I2 });
      const order = async () => (await call('plan.board', {})).cells.find((c) => c.teamKey === 'pay' && c.columnId === ids.I2)!.cards.map((c) => c.key);
      let [moved, target] = ['PAY-2', 'CART-1'];
      for (let n = 0; n < 70; n++) {
        await call('plan.item.place', { incrementId: id, itemKey: moved, teamKey: 'pay', iterationId: ids.I2, beforeItemKey: target });
        if (n % 10 === 9 || n > 45) expect(await order(), `move ${n + 1}`).toEqual(['PAY-1', moved, target]);
        [moved, target] = [target, moved];
      }
    });

    it('a workspace without increments says how to start one', async () => {
      expect((await refused('plan.board', {})).message).toContain('has no increment yet');
      expect((await refused('plan.undo', {})).message).toBe('There is nothing to undo.');
      expect((await refused('plan.redo', {})).message).toBe('There is nothing to redo.');
    });

    it('undo of a move on one increment, asked with another increment’s board shown, answers no patch (the page fetches its board)', async () => {
      const { id, ids } = await increment();
      const other = await call('plan.increment.save', { name: 'PI 26.2', start: '2026-03-02', end: '2026-04-12' });
      await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I1 });
      await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I2 });
      const shown = { grouping: 'value-stream' as const };
      expect(await call('plan.undo', { board: { ...shown, incrementId: other.id } })).toEqual({ undo: 'plan CART-1', redo: 'move CART-1' });
      expect((await call('plan.redo', { board: { ...shown, incrementId: id } })).board!.increment.id).toBe(id);
    });

    it('undo and redo of an edit made without the board shown, or of a milestone, answer the undo state alone, even with the board shown', async () => {
      const { id, ids } = await increment();
      await call('plan.item.place', { incrementId: id, itemKey: 'CART-1', teamKey: 'cart', iterationId: ids.I1 });
      await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1' });
      await call('plan.milestone.save', { incrementId: id, name: 'Launch', date: '2026-02-01', teamKey: null });
      const shown = { grouping: 'value-stream' as const };
      expect(await call('plan.undo', { board: shown })).toEqual({ undo: 'CART-1 waits on PAY-1', redo: 'add milestone Launch' });
      expect(await call('plan.undo', { board: shown })).toEqual({ undo: 'plan CART-1', redo: 'CART-1 waits on PAY-1' });
      expect(await call('plan.redo', { board: shown })).toEqual({ undo: 'CART-1 waits on PAY-1', redo: 'add milestone Launch' });
      expect((await call('plan.board', shown)).dependencies.map((d) => d.consumer.itemKey)).toEqual(['CART-1']);
    });

    it('a need date is changed here only on a dependency made here, one that exists; the same date again is no edit', async () => {
      const { db } = backend.context.session.require();
      db.prepare(`INSERT INTO dependencies (key, from_item_key, to_item_key, kind, created_at, needed_by) VALUES ('DEP-7', 'CART-2', 'PAY-2', 'blocks', 0, ?)`).run(Date.parse('2026-01-12T00:00:00Z'));
      const tracker = await refused('plan.dependency.needBy', { key: 'DEP-7', neededBy: '2026-01-26' });
      expect(tracker).toEqual({
        code: 'invalid-input',
        message: 'DEP-7 comes from your tracker: change its need date there (needed_by in the file it was imported from, then import that again); one changed here would be lost with the next import.',
      });
      expect((await refused('plan.dependency.needBy', { key: 'DEP-7', neededBy: null })).code).toBe('invalid-input');
      expect(db.prepare("SELECT needed_by FROM dependencies WHERE key = 'DEP-7'").pluck().get()).toBe(Date.parse('2026-01-12T00:00:00Z'));
      expect(await refused('plan.dependency.needBy', { key: 'interlock:dep:99', neededBy: '2026-01-26' })).toEqual({ code: 'not-found', message: 'There is no dependency "interlock:dep:99".' });
      expect((await refused('plan.dependency.needBy', { key: 'DEP-7', neededBy: '2026-02-30' })).code).toBe('invalid-input');
      expect(await call('plan.history', {})).toEqual({ undo: null, redo: null });

      const { key } = await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1', neededBy: '2026-01-26' });
      const before = changeCounter(db);
      // The same date, or no date where none is stated: no undo step taking back nothing, and the loaded metrics stand.
      expect(await call('plan.dependency.needBy', { key, neededBy: '2026-01-26' })).toEqual({ undo: 'CART-1 waits on PAY-1', redo: null });
      expect(changeCounter(db)).toBe(before);
      await call('plan.dependency.needBy', { key, neededBy: null });
      expect(await call('plan.dependency.needBy', { key, neededBy: null })).toEqual({ undo: 'CART-1 waits on PAY-1, no need date', redo: null });
      // A need date is what the metrics' overdue dependencies read: a change is a change of the data.
      expect(changeCounter(db)).toBeGreaterThan(before);
      // Undo takes back the one change, then the dependency itself.
      await call('plan.undo', {});
      expect(db.prepare('SELECT needed_by FROM dependencies WHERE key = ?').pluck().get(key)).toBe(Date.parse('2026-01-26T00:00:00Z'));
      expect((await call('plan.history', {})).undo).toBe('CART-1 waits on PAY-1');
    });

    it('a dependency from the tracker cannot be removed here; one made here can, and comes back with undo', async () => {
      const added = await call('plan.dependency.add', { consumerKey: 'CART-1', providerKey: 'PAY-1' });
      await call('plan.dependency.remove', { key: added.key });
      await call('plan.undo', {});
      const { db } = backend.context.session.require();
      expect(db.prepare('SELECT count(*) FROM dependencies WHERE key = ?').pluck().get(added.key)).toBe(1);
      db.prepare(`INSERT INTO dependencies (key, from_item_key, to_item_key, kind, created_at) VALUES ('JIRA-L1', 'CART-2', 'PAY-2', 'blocks', 0)`).run();
      expect((await refused('plan.dependency.remove', { key: 'JIRA-L1' })).message).toContain('comes from your tracker');
    });
  });
});
