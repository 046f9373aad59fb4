import { ViewAddressText, type Deck } from '../../../shared/room/deck-schema';
import { normalizeAddress } from '../layout/view-address';
import { formatTimebox, parseTimebox } from './timebox-text';

// A deck being edited: its views as the facilitator types them (a timebox is text until saved).

export interface DraftEntry {
  /** Stable while editing, so moving a row keeps its fields; not stored. */
  readonly key: string;
  readonly title: string;
  readonly address: string;
  readonly timebox: string;
}

export interface DeckDraft {
  readonly name: string;
  readonly entries: readonly DraftEntry[];
}

let nextKey = 0;
export const draftKey = () => `entry-${++nextKey}`;

export function draftOf(deck: Deck): DeckDraft {
  return { name: deck.name, entries: deck.entries.map((e) => ({ key: draftKey(), title: e.title, address: e.address, timebox: formatTimebox(e.timeboxSeconds) })) };
}

/** The entries with the one at `from` moved to `to` (both clamped into the list); the input is not changed. */
export function moveEntry<T>(entries: readonly T[], from: number, to: number): T[] {
  const next = [...entries];
  if (from < 0 || from >= next.length) return next;
  const target = Math.min(Math.max(to, 0), next.length - 1);
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved!);
  return next;
}

/** The draft as the contract takes it, or the first problem in words (which view, what is wrong). */
export function draftToSave(draft: DeckDraft): { ok: true; name: string; entries: { title: string; address: string; timeboxSeconds: number | null }[] } | { ok: false; problem: string } {
  if (draft.name.trim() === '') return { ok: false, problem: 'The deck needs a name.' };
  const entries: { title: string; address: string; timeboxSeconds: number | null }[] = [];
  for (const [i, e] of draft.entries.entries()) {
    const seconds = parseTimebox(e.timebox);
    const address = normalizeAddress(e.address);
    if (e.title.trim() === '') return { ok: false, problem: `View ${i + 1} needs a title.` };
    if (!ViewAddressText.safeParse(address).success) return { ok: false, problem: `View ${i + 1} (${e.title}): the address starts with “/”, e.g. /coordination?tab=map.` };
    if (seconds === undefined) return { ok: false, problem: `View ${i + 1} (${e.title}): the timebox is minutes (5) or minutes and seconds (4:30).` };
    entries.push({ title: e.title.trim(), address, timeboxSeconds: seconds });
  }
  return { ok: true, name: draft.name.trim(), entries };
}

/** Whether the draft says anything else than the deck as saved (a new deck: anything at all). */
export function draftChanged(draft: DeckDraft, saved: Deck | null): boolean {
  const plain = (d: DeckDraft) => JSON.stringify([d.name, d.entries.map((e) => [e.title, e.address, e.timebox])]);
  return plain(draft) !== plain(saved ? draftOf(saved) : { name: '', entries: [] });
}

/**
 * Drafts not saved yet, by deck ("new" for a deck not saved once), each with the saved version it
 * was edited from. They outlive the editor: presenting a deck to rehearse it, or a look at another
 * page, leaves the Decks page and comes back to the edits, not to the deck as saved. They last as
 * long as the window; a draft of a version since replaced (saved elsewhere) is dropped.
 */
const unsaved = new Map<string, { readonly basis: string; readonly draft: DeckDraft }>();

export const unsavedDrafts = {
  get(deckKey: string, basis: string): DeckDraft | undefined {
    const kept = unsaved.get(deckKey);
    return kept?.basis === basis ? kept.draft : undefined;
  },
  set(deckKey: string, basis: string, draft: DeckDraft | null): void {
    if (draft) unsaved.set(deckKey, { basis, draft });
    else unsaved.delete(deckKey);
  },
};
