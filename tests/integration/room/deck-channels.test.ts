import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { changeCounter } from '../../../electron/backend/store/workspace-memory';
import { tempDir } from '../../support/temp-files';
import { channelCalls } from '../../support/channel-calls';

// The deck.* channels on a real workspace file: decks survive a reopen, a save replaces the views
// in the order given, and refusals say what is wrong without changing anything.

describe('deck channels', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let path: string;

  const { call, refused } = channelCalls(() => backend);

  beforeEach(async () => {
    tmp = tempDir();
    path = tmp.path('room.interlock');
    backend = createBackend({ log: () => undefined });
    await call('workspace.create', { path });
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('saves a deck, adds views at its end, reorders them and keeps them across a reopen', async () => {
    const deck = await call('deck.save', {
      name: 'PI 26.4 readout',
      entries: [
        { title: 'Groups', address: '/coordination' },
        { title: 'Coupling map', address: '/coordination?tab=map', timeboxSeconds: 300 },
      ],
    });
    expect(deck.entries.map((e) => [e.title, e.address, e.timeboxSeconds])).toEqual([
      ['Groups', '/coordination', null],
      ['Coupling map', '/coordination?tab=map', 300],
    ]);
    const added = await call('deck.addEntry', { deckId: deck.id, entry: { title: 'Flow of the checkout group', address: '/flow?coordinationGroups=g1', timeboxSeconds: 120 } });
    expect(added.entries.map((e) => e.title)).toEqual(['Groups', 'Coupling map', 'Flow of the checkout group']);
    // Reordered: the order given is the order stored.
    const [a, b, c] = added.entries;
    await call('deck.save', { id: deck.id, name: 'PI 26.4 readout', entries: [c!, a!, b!].map(({ title, address, timeboxSeconds }) => ({ title, address, timeboxSeconds })) });

    await call('workspace.close', {});
    await call('workspace.open', { path });
    const reopened = await call('deck.get', { id: deck.id });
    expect(reopened.entries.map((e) => e.title)).toEqual(['Flow of the checkout group', 'Groups', 'Coupling map']);
    expect(await call('deck.list', {})).toEqual([expect.objectContaining({ id: deck.id, name: 'PI 26.4 readout', entryCount: 3, totalTimeboxSeconds: 420 })]);
  });

  it('the demo comes with the final plan review as a deck, whose views save again as they are', async () => {
    const demo = tmp.path('demo.interlock');
    await call('workspace.createDemo', { path: demo, items: 300 });
    const [summary, ...others] = await call('deck.list', {});
    expect(others).toEqual([]);
    expect(summary).toMatchObject({ name: 'PI 26.4 final plan review', entryCount: 6, totalTimeboxSeconds: 2400 });
    const deck = await call('deck.get', { id: summary!.id });
    expect(deck.entries.map((e) => e.address)).toEqual([
      '/plan?increment=PI+26.4',
      '/plan?increment=PI+26.4&tab=confidence',
      '/plan?increment=PI+26.4&tab=objectives',
      '/risks',
      '/confidence?increment=PI+26.4',
      '/coordination',
    ]);
    // What the channel accepts from the Decks page: the demo's views are no exception to its rules.
    const saved = await call('deck.save', { id: deck.id, name: deck.name, entries: deck.entries.map(({ title, address, timeboxSeconds }) => ({ title, address, timeboxSeconds })) });
    expect(saved.entries.map((e) => e.title)).toEqual(deck.entries.map((e) => e.title));
    // The increment its views show is the one the demo plans.
    expect((await call('plan.increments', {})).map((i) => i.name)).toContain('PI 26.4');
  });

  it('starts a new deck from one view, lists decks by name and deletes one with its views', async () => {
    const started = await call('deck.addEntry', { newDeckName: 'Weekly sync', entry: { title: 'Overview', address: '/overview' } });
    await call('deck.save', { name: 'Architecture review', entries: [] });
    expect((await call('deck.list', {})).map((d) => d.name)).toEqual(['Architecture review', 'Weekly sync']);
    expect(await call('deck.delete', { id: started.id })).toEqual({ deleted: true });
    expect(await call('deck.delete', { id: started.id })).toEqual({ deleted: false });
    expect((await call('deck.list', {})).map((d) => d.name)).toEqual(['Architecture review']);
  });

  it('writing a deck keeps the loaded metrics and advice (no data they read changed)', async () => {
    const { db } = backend.context.session.require();
    const before = changeCounter(db);
    const deck = await call('deck.save', { name: 'D', entries: [{ title: 'Overview', address: '/overview' }] });
    await call('deck.addEntry', { deckId: deck.id, entry: { title: 'Teams', address: '/teams' } });
    await call('deck.delete', { id: deck.id });
    expect(changeCounter(db)).toBe(before);
  });

  describe('edge cases', () => {
    it('refuses a taken name, an address outside the app, a bad timebox and an unknown deck, changing nothing', async () => {
      const deck = await call('deck.save', { name: 'D', entries: [{ title: 'Overview', address: '/overview' }] });
      expect((await refused('deck.save', { name: 'D', entries: [] })).message).toMatch(/A deck named “D” already exists/);
      const away = await refused('deck.save', { id: deck.id, name: 'D', entries: [{ title: 'Away', address: 'https://example.com/' }] });
      expect(away.code).toBe('invalid-input');
      expect(away.message).toMatch(/entries\.0\.address: an address starts with one "\/"/);
      const timebox = await refused('deck.addEntry', { deckId: deck.id, entry: { title: 'T', address: '/teams', timeboxSeconds: 0 } });
      expect(timebox.message).toMatch(/entry\.timeboxSeconds: a timebox is at least 1 second/);
      expect((await refused('deck.get', { id: 999 })).message).toMatch(/There is no deck with id 999/);
      expect((await refused('deck.addEntry', { deckId: 999, entry: { title: 'T', address: '/teams' } })).code).toBe('not-found');
      expect((await refused('deck.addEntry', { entry: { title: 'T', address: '/teams' } })).message).toMatch(/give either deckId .* or newDeckName/);
      expect((await call('deck.get', { id: deck.id })).entries.map((e) => e.address)).toEqual(['/overview']);
    });

    it('refuses a backslash in an address (a browser reads "/\\x" as another site), and still reads a deck that holds one from before', async () => {
      const deck = await call('deck.save', { name: 'B', entries: [{ title: 'Overview', address: '/overview' }] });
      for (const address of ['/\\evil.com', '/flow\\x', '/flow\u0007']) {
        expect((await refused('deck.addEntry', { deckId: deck.id, entry: { title: 'Away', address } })).message).toMatch(/holds no spaces, "#" or "\\"/);
      }
      // Saved before the rule: the deck is still listed and read, for its view to be mended.
      backend.context.session.require().db.prepare("UPDATE deck_entries SET address = '/\\evil.com' WHERE deck_id = ?").run(deck.id);
      expect((await call('deck.get', { id: deck.id })).entries.map((e) => e.address)).toEqual(['/\\evil.com']);
    });

    it('a deck cannot be read or written with no workspace open', async () => {
      await call('workspace.close', {});
      expect((await refused('deck.list', {})).code).toBe('no-workspace');
    });
  });
});
