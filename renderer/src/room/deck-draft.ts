import { ViewAddressText, type Deck } from '../../../shared/room/deck-schema';
import { PAGE_IDS, pageIdOf } from '../../../shared/room/page-ids';
import { normalizeAddress, parseAddress } from '../layout/view-address';
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

/** The address a view opens, as it is saved (a pasted link made "/page?…"), or null when it is no address inside the app. */
export function openableAddress(text: string): string | null {
  const address = normalizeAddress(text);
  return ViewAddressText.safeParse(address).success ? address : null;
}

/** What is wrong with an address, in words, or null: it opens no page of the app (e.g. "/roadmap"), or is no address inside it. */
export function addressProblem(text: string): string | null {
  const address = openableAddress(text);
  if (address === null) return 'the address starts with “/” and holds no spaces, “#” or “\\”, e.g. /coordination?tab=map.';
  const { page } = parseAddress(address);
  // "/" alone is the app's root, which opens the Overview.
  if (page !== '' && pageIdOf(page) === null) return `the address opens no page: “${page}” is none of ${PAGE_IDS.join(', ')}.`;
  return null;
}

/**
 * What the facilitator should know of a view that is fine to save: a plan or vote view that names
 * no increment shows the current one, whichever that is when presented (views added since "Add to
 * deck" pinned the increment they showed name it; older ones follow the current increment).
 */
export function addressNote(text: string): string | null {
  const address = openableAddress(text);
  if (address === null) return null;
  const { page, params } = parseAddress(address);
  const id = pageIdOf(page);
  if ((id === 'plan' || id === 'confidence') && !params.get('increment')) return 'Shows the current increment, whichever it is when presented: name one in the address (increment=…) to keep it.';
  return null;
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
    const problem = addressProblem(address);
    if (problem !== null) return { ok: false, problem: `View ${i + 1} (${e.title}): ${problem}` };
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
 * Drafts not saved yet, per workspace and deck ("new" for a deck not saved once), each with the
 * saved version it was edited from. They outlive the editor: presenting a deck to rehearse it, or a
 * look at another page, leaves the Decks page and comes back to the edits, not to the deck as saved.
 * They last as long as the window and never follow it into another workspace. A view added to the
 * deck since ("Add to deck" on another page) joins the edits at the end; a draft of a version since
 * replaced otherwise (saved in another window) is dropped.
 */
const unsaved = new Map<string, { readonly basis: Deck | null; readonly draft: DeckDraft }>();

const draftScope = (workspace: string, deckKey: string) => `${workspace}\u0000${deckKey}`;

/** Whether `now` is `before` with views added at its end and nothing else changed (its entries keep their ids through an added view, not through a save). */
function onlyViewsAdded(before: Deck, now: Deck): boolean {
  if (now.name !== before.name || now.entries.length <= before.entries.length) return false;
  return before.entries.every((e, i) => {
    const n = now.entries[i]!;
    return n.id === e.id && n.title === e.title && n.address === e.address && n.timeboxSeconds === e.timeboxSeconds;
  });
}

export const unsavedDrafts = {
  get(workspace: string, deckKey: string, saved: Deck | null): DeckDraft | undefined {
    const kept = unsaved.get(draftScope(workspace, deckKey));
    if (!kept) return undefined;
    if ((kept.basis?.updatedAt ?? '') === (saved?.updatedAt ?? '')) return kept.draft;
    if (kept.basis && saved && onlyViewsAdded(kept.basis, saved)) {
      const added = draftOf({ ...saved, entries: saved.entries.slice(kept.basis.entries.length) }).entries;
      return { ...kept.draft, entries: [...kept.draft.entries, ...added] };
    }
    return undefined;
  },
  set(workspace: string, deckKey: string, saved: Deck | null, draft: DeckDraft | null): void {
    if (draft) unsaved.set(draftScope(workspace, deckKey), { basis: saved, draft });
    else unsaved.delete(draftScope(workspace, deckKey));
  },
};
