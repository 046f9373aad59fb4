// How long a deck's texts and how many its entries may be. Apart from the deck's schemas so that
// the app's shell (its Add to deck dialog) reads them without loading zod on every first visit.

export const DECK_LIMITS = { name: 200, title: 200, address: 2000, entries: 200, timeboxSeconds: 24 * 3600 } as const;
