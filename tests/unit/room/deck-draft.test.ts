import { describe, expect, it } from 'vitest';
import { draftChanged, draftOf, unsavedDrafts } from '../../../renderer/src/room/deck-draft';
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
    unsavedDrafts.set('7', deck.updatedAt, draft);
    expect(unsavedDrafts.get('7', deck.updatedAt)).toBe(draft);
    unsavedDrafts.set('7', deck.updatedAt, null);
    expect(unsavedDrafts.get('7', deck.updatedAt)).toBeUndefined();
  });

  describe('edge cases', () => {
    it('a draft of a version since replaced is not offered', () => {
      unsavedDrafts.set('7', deck.updatedAt, { ...draftOf(deck), name: 'Old edit' });
      expect(unsavedDrafts.get('7', '2026-12-06T11:00:00.000Z')).toBeUndefined();
      unsavedDrafts.set('7', deck.updatedAt, null);
    });
  });
});
