import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';
import { fromEpochMs } from '../../../shared/domain/time';
import { DECK_LIMITS } from '../../../shared/room/deck-limits';
import { type Deck, type DeckEntry, type DeckSummary } from '../../../shared/room/deck-schema';
import { withoutDataChange } from '../store/workspace-memory';

// Decks and their views (tables of migration 008). A save replaces the deck's views as a whole,
// in one transaction: the order the facilitator set is the order stored, or nothing changes.
// No metric or advice reads these tables, so writing them keeps the loaded metrics (withoutDataChange).

interface DeckRow {
  id: number;
  name: string;
  updatedAt: number;
}

interface EntryRow {
  id: number;
  title: string;
  address: string;
  timeboxSeconds: number | null;
}

type EntryInput = { title: string; address: string; timeboxSeconds: number | null };

const toEntry = (r: EntryRow): DeckEntry => ({ id: r.id, title: r.title, address: r.address, timeboxSeconds: r.timeboxSeconds });

export function listDecks(db: Database): DeckSummary[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.name, d.updated_at AS updatedAt, count(e.id) AS entryCount, coalesce(sum(e.timebox_seconds), 0) AS totalTimeboxSeconds
       FROM decks d LEFT JOIN deck_entries e ON e.deck_id = d.id
       GROUP BY d.id ORDER BY d.name COLLATE NOCASE, d.id`,
    )
    .all() as (DeckRow & { entryCount: number; totalTimeboxSeconds: number })[];
  return rows.map((r) => ({ id: r.id, name: r.name, updatedAt: fromEpochMs(r.updatedAt), entryCount: r.entryCount, totalTimeboxSeconds: r.totalTimeboxSeconds }));
}

export function getDeck(db: Database, id: number): Deck {
  const deck = db.prepare('SELECT id, name, updated_at AS updatedAt FROM decks WHERE id = ?').get(id) as DeckRow | undefined;
  if (!deck) throw new AppError('not-found', `There is no deck with id ${id}; it may have been deleted.`);
  const entries = db
    .prepare('SELECT id, title, address, timebox_seconds AS timeboxSeconds FROM deck_entries WHERE deck_id = ? ORDER BY position')
    .all(id) as EntryRow[];
  return { id: deck.id, name: deck.name, updatedAt: fromEpochMs(deck.updatedAt), entries: entries.map(toEntry) };
}

function refuseTakenName(db: Database, name: string, id: number | undefined): void {
  const holder = db.prepare('SELECT id FROM decks WHERE name = ?').pluck().get(name) as number | undefined;
  if (holder !== undefined && holder !== id) {
    throw new AppError('invalid-input', `A deck named “${name}” already exists; choose another name.`, [{ path: 'name', message: 'already used' }]);
  }
}

function insertEntries(db: Database, deckId: number, entries: readonly EntryInput[], from: number): void {
  const insert = db.prepare('INSERT INTO deck_entries (deck_id, position, title, address, timebox_seconds) VALUES (?, ?, ?, ?, ?)');
  entries.forEach((e, i) => insert.run(deckId, from + i, e.title, e.address, e.timeboxSeconds));
}

/** Creates a deck, or replaces one's name and views (in the order given) by id. */
export function saveDeck(db: Database, input: { id?: number; name: string; entries: readonly EntryInput[] }, now = Date.now()): Deck {
  return withoutDataChange(db, () => writeDeck(db, input, now));
}

function writeDeck(db: Database, input: { id?: number; name: string; entries: readonly EntryInput[] }, now: number): Deck {
  return db.transaction(() => {
    refuseTakenName(db, input.name, input.id);
    let id: number;
    if (input.id === undefined) {
      id = db.prepare('INSERT INTO decks (name, updated_at) VALUES (?, ?) RETURNING id').pluck().get(input.name, now) as number;
    } else {
      const changed = db.prepare('UPDATE decks SET name = ?, updated_at = ? WHERE id = ?').run(input.name, now, input.id).changes;
      if (changed === 0) throw new AppError('not-found', `There is no deck with id ${input.id}; it may have been deleted.`);
      id = input.id;
      db.prepare('DELETE FROM deck_entries WHERE deck_id = ?').run(id);
    }
    insertEntries(db, id, input.entries, 0);
    return getDeck(db, id);
  })();
}

/** Adds one view at the end of a deck, or starts a deck with it. */
export function addDeckEntry(db: Database, input: { deckId?: number; newDeckName?: string; entry: EntryInput }, now = Date.now()): Deck {
  return withoutDataChange(db, () => appendEntry(db, input, now));
}

function appendEntry(db: Database, input: { deckId?: number; newDeckName?: string; entry: EntryInput }, now: number): Deck {
  return db.transaction(() => {
    if (input.deckId === undefined) return writeDeck(db, { name: input.newDeckName!, entries: [input.entry] }, now);
    const deck = getDeck(db, input.deckId);
    if (deck.entries.length >= DECK_LIMITS.entries) {
      throw new AppError('invalid-input', `The deck “${deck.name}” already holds ${DECK_LIMITS.entries} views, the most a deck can hold.`, [{ path: 'deckId', message: 'deck full' }]);
    }
    const next = db.prepare('SELECT coalesce(max(position) + 1, 0) FROM deck_entries WHERE deck_id = ?').pluck().get(deck.id) as number;
    insertEntries(db, deck.id, [input.entry], next);
    db.prepare('UPDATE decks SET updated_at = ? WHERE id = ?').run(now, deck.id);
    return getDeck(db, deck.id);
  })();
}

export function deleteDeck(db: Database, id: number): boolean {
  return withoutDataChange(db, () => db.prepare('DELETE FROM decks WHERE id = ?').run(id).changes > 0);
}

/**
 * A view address with an increment's old name replaced by its new one where the view names it: the
 * Plan and Confidence pages' `increment`, the Risks page's `scope=increment:…`. Other addresses
 * come back as they are, byte for byte.
 */
export function addressWithIncrementRenamed(address: string, from: string, to: string): string {
  const at = address.indexOf('?');
  if (at < 0) return address;
  const params = new URLSearchParams(address.slice(at + 1));
  let changed = false;
  for (const [key, value] of [...params]) {
    const next = key === 'increment' && value === from ? to : key === 'scope' && value === `increment:${from}` ? `increment:${to}` : null;
    if (next === null) continue;
    params.set(key, next);
    changed = true;
  }
  return changed ? `${address.slice(0, at)}?${params.toString()}` : address;
}

/** After an increment is renamed: the deck views that named it name it anew, so presenting returns to them. */
export function renameIncrementInDecks(db: Database, from: string, to: string): number {
  const entries = db.prepare("SELECT id, address FROM deck_entries WHERE instr(address, '?') > 0").all() as { id: number; address: string }[];
  const update = db.prepare('UPDATE deck_entries SET address = ? WHERE id = ?');
  let renamed = 0;
  for (const { id, address } of entries) {
    const next = addressWithIncrementRenamed(address, from, to);
    if (next !== address) renamed += update.run(next, id).changes;
  }
  return renamed;
}
