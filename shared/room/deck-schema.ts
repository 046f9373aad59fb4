import { z } from 'zod';
import { UtcTimestamp } from '../domain/date-schemas';
import { DECK_LIMITS } from './deck-limits';
import { VIEW_ADDRESS_PATTERN } from './view-address-rule';

// A deck is what a facilitator puts on the projector, in order: views of the app (any page, tab,
// scope and selection, by their address), each with a title and an optional timebox. Entries are
// addresses and nothing more, so a page added later (a Plan board, Risks, a Forecast) is a deck
// entry the day it has an address.

/**
 * A view's address as it follows the '#': "/coordination?tab=map". One line, no fragment of its
 * own, never a scheme: a deck can only point inside the app.
 */
export const ViewAddressText = z
  .string()
  .trim()
  .max(DECK_LIMITS.address, `an address is at most ${DECK_LIMITS.address} characters`)
  .regex(VIEW_ADDRESS_PATTERN, 'an address starts with one "/" (e.g. /coordination?tab=map) and holds no spaces, "#" or "\\"');

export const DeckName = z.string().trim().min(1, 'a deck needs a name').max(DECK_LIMITS.name, `at most ${DECK_LIMITS.name} characters`);

export const DeckEntryInput = z.object({
  title: z.string().trim().min(1, 'each view needs a title').max(DECK_LIMITS.title, `at most ${DECK_LIMITS.title} characters`),
  address: ViewAddressText,
  /** How long the facilitator means to spend on this view; null for no timebox. */
  timeboxSeconds: z.number().int('whole seconds').min(1, 'a timebox is at least 1 second').max(DECK_LIMITS.timeboxSeconds, 'a timebox is at most 24 hours').nullable().default(null),
});
export type DeckEntryInput = z.input<typeof DeckEntryInput>;

// As stored: an address saved before a rule was added (a backslash) is still read, and shown with that rule's message when edited.
export const DeckEntry = DeckEntryInput.extend({ id: z.number().int(), address: z.string(), timeboxSeconds: z.number().int().nullable() });
export type DeckEntry = z.infer<typeof DeckEntry>;

export const Deck = z.object({
  id: z.number().int(),
  name: z.string(),
  updatedAt: UtcTimestamp,
  entries: z.array(DeckEntry),
});
export type Deck = z.infer<typeof Deck>;

export const DeckSummary = Deck.omit({ entries: true }).extend({ entryCount: z.number().int(), totalTimeboxSeconds: z.number().int() });
export type DeckSummary = z.infer<typeof DeckSummary>;
