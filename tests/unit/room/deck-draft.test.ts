import { describe, expect, it } from 'vitest';
import { addressNote, addressProblem, draftChanged, draftOf, draftToSave, openableAddress, unsavedDrafts } from '../../../renderer/src/room/deck-draft';
import type { Deck } from '../../../shared/room/deck-schema';

// A deck's edits: whether they differ from the deck as saved, and where they wait while the
// facilitator rehearses the deck or looks at another page.

const deck: Deck = {
  id: 7,
  name: 'PI readout',
  updatedAt: '2026-12-06T10:00:00.000Z',
  entries: [
    { id: 1, title: 'Where we are', address: '/overview', timeboxSeconds: 300 },
    { id: 2, title: 'Board', address: '/plan', timeboxSeconds: null },
  ],
};

describe('draftChanged', () => {
  it('is false for the deck as saved, true after a rename, a move or a timebox typed', () => {
    const draft = draftOf(deck);
    expect(draftChanged(draft, deck)).toBe(false);
    expect(draftChanged({ ...draft, name: 'PI readout 2' }, deck)).toBe(true);
    expect(draftChanged({ ...draft, entries: [...draft.entries].reverse() }, deck)).toBe(true);
    expect(draftChanged({ ...draft, entries: draft.entries.map((e, i) => (i === 1 ? { ...e, timebox: '2' } : e)) }, deck)).toBe(true);
  });

  describe('edge cases', () => {
    it('a new deck is changed once it has a name or a view', () => {
      expect(draftChanged({ name: '', entries: [] }, null)).toBe(false);
      expect(draftChanged({ name: 'x', entries: [] }, null)).toBe(true);
    });

    it('the rows’ editing keys do not count: a fresh draft of the same deck is the same', () => {
      expect(draftChanged(draftOf(deck), deck)).toBe(false);
    });
  });
});

describe('unsavedDrafts', () => {
  it('keeps a draft for the version it was edited from, and forgets it when told', () => {
    const draft = { ...draftOf(deck), name: 'Renamed' };
    unsavedDrafts.set('/a.interlock', '7', deck, draft);
    expect(unsavedDrafts.get('/a.interlock', '7', deck)).toBe(draft);
    unsavedDrafts.set('/a.interlock', '7', deck, null);
    expect(unsavedDrafts.get('/a.interlock', '7', deck)).toBeUndefined();
  });

  it('keeps the edits when a view was added to the deck since (Add to deck on another page), the new view last', () => {
    const draft = { ...draftOf(deck), name: 'PI readout', entries: draftOf(deck).entries.map((e, i) => (i === 0 ? { ...e, title: 'Where we stand' } : e)) };
    unsavedDrafts.set('/a.interlock', '7', deck, draft);
    const added: Deck = { ...deck, updatedAt: '2026-12-06T10:05:00.000Z', entries: [...deck.entries, { id: 3, title: 'Risks', address: '/risks', timeboxSeconds: 120 }] };
    const kept = unsavedDrafts.get('/a.interlock', '7', added)!;
    expect(kept.entries.map((e) => [e.title, e.address, e.timebox])).toEqual([
      ['Where we stand', '/overview', '5'],
      ['Board', '/plan', ''],
      ['Risks', '/risks', '2'],
    ]);
    expect(draftChanged(kept, added)).toBe(true);
    unsavedDrafts.set('/a.interlock', '7', deck, null);
  });

  describe('edge cases', () => {
    it('a draft of a version since saved otherwise (its views rewritten, renamed) is not offered', () => {
      unsavedDrafts.set('/a.interlock', '7', deck, { ...draftOf(deck), name: 'Old edit' });
      const saved: Deck = { ...deck, updatedAt: '2026-12-06T11:00:00.000Z', entries: deck.entries.map((e) => ({ ...e, id: e.id + 10 })) };
      expect(unsavedDrafts.get('/a.interlock', '7', saved)).toBeUndefined();
      expect(unsavedDrafts.get('/a.interlock', '7', { ...deck, name: 'Elsewhere', updatedAt: '2026-12-06T11:00:00.000Z', entries: [...deck.entries, { id: 3, title: 'x', address: '/x', timeboxSeconds: null }] })).toBeUndefined();
      unsavedDrafts.set('/a.interlock', '7', deck, null);
    });

    it('a draft never follows the window into another workspace', () => {
      const draft = { name: 'Client A secret deck', entries: [] };
      unsavedDrafts.set('/client-a.interlock', 'new', null, draft);
      expect(unsavedDrafts.get('/client-a.interlock', 'new', null)).toBe(draft);
      expect(unsavedDrafts.get('/client-b.interlock', 'new', null)).toBeUndefined();
      unsavedDrafts.set('/client-a.interlock', 'new', null, null);
    });
  });
});

describe('openableAddress', () => {
  it('the address a view opens, a pasted link made one inside the app', () => {
    expect(openableAddress('/flow?teams=A')).toBe('/flow?teams=A');
    expect(openableAddress('http://127.0.0.1:48517/#/flow?teams=A')).toBe('/flow?teams=A');
    expect(openableAddress('#/flow?teams=A')).toBe('/flow?teams=A');
  });

  describe('edge cases', () => {
    it('none for what would leave the app or is no address: a backslash, two slashes, a space, a control character', () => {
      for (const text of ['/\\evil.com', '/\\', '//evil.com', '/flow x', '/a\u0007', 'flow', '']) expect([text, openableAddress(text)]).toEqual([text, null]);
    });
  });
});

describe('addressProblem and addressNote (the Decks page)', () => {
  it('refuses an address that opens no page, which the app would show as the Overview', () => {
    expect(addressProblem('/roadmap')).toMatch(/^the address opens no page: “roadmap” is none of overview, teams/);
    expect(draftToSave({ name: 'D', entries: [{ key: 'k', title: 'Roadmap', address: '/roadmap?x=1', timebox: '' }] })).toEqual({ ok: false, problem: expect.stringMatching(/^View 1 \(Roadmap\): the address opens no page: “roadmap”/) });
  });

  it('takes every page, read without case, and the root', () => {
    expect(addressProblem('/Flow?teams=a')).toBeNull();
    expect(addressProblem('/')).toBeNull();
    expect(addressProblem('#/plan?tab=confidence')).toBeNull();
    expect(addressProblem('/a b')).toMatch(/^the address starts with/);
  });

  it('says that a plan or vote view naming no increment follows the current one', () => {
    expect(addressNote('/plan?tab=confidence')).toMatch(/^Shows the current increment/);
    expect(addressNote('/confidence')).toMatch(/^Shows the current increment/);
    expect(addressNote('/plan?increment=PI+26.4&tab=confidence')).toBeNull();
    expect(addressNote('/flow')).toBeNull();
  });
});
