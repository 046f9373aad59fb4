import { z } from 'zod';
import { Deck, DeckEntryInput, DeckName, DeckSummary } from '../room/deck-schema';
import { channel } from './channel';

// Decks: named, ordered views of the app for presenting to a room (tables of migration 008).

const Id = z.number().int().positive();

// A deck's views name increments, so a plan's undo restores them too: written here, outside every
// planning step, they end that undo history (as a risk or vote does), and the Plan page asks again.
const deckWrite = { mutates: ['deck.', 'plan.history'] } as const;

export const deckChannels = {
  'deck.list': channel(z.object({}), z.array(DeckSummary), 'The saved decks, by name, with their number of views and total timebox.'),
  'deck.get': channel(z.object({ id: Id }), Deck, 'One deck with its views in order.'),
  'deck.save': channel(
    z.object({
      id: Id.optional(),
      name: DeckName,
      entries: z.array(DeckEntryInput).max(200, 'a deck holds at most 200 views'),
    }),
    Deck,
    'Create a deck, or replace a deck (its name and every view, in order) by id.',
    deckWrite,
  ),
  'deck.addEntry': channel(
    z.object({ deckId: Id.optional(), newDeckName: DeckName.optional(), entry: DeckEntryInput }).refine((i) => (i.deckId === undefined) !== (i.newDeckName === undefined), {
      message: 'give either deckId (add to a deck) or newDeckName (start one)',
      path: ['deckId'],
    }),
    Deck,
    'Add one view at the end of a deck, or start a new deck with it.',
    deckWrite,
  ),
  'deck.delete': channel(z.object({ id: Id }), z.object({ deleted: z.boolean() }), 'Delete a deck and its views.', deckWrite),
};
