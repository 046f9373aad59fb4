import type { deckChannels } from '../../../shared/contract/deck-channels';
import { addDeckEntry, deleteDeck, getDeck, listDecks, saveDeck } from '../room/deck-store';
import type { HandlerMap } from './handler-types';

export const deckHandlers: HandlerMap<typeof deckChannels> = {
  'deck.list': (_input, { session }) => listDecks(session.require().db),
  'deck.get': ({ id }, { session }) => getDeck(session.require().db, id),
  'deck.save': (input, { session }) => saveDeck(session.require().db, input),
  'deck.addEntry': (input, { session }) => addDeckEntry(session.require().db, input),
  'deck.delete': ({ id }, { session }) => ({ deleted: deleteDeck(session.require().db, id) }),
};
