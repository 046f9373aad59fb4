import { typeSlideDigit, type DeckStep } from '../../../shared/room/deck-stepping';
import { keyBelongsToControl, presentationCommand, type KeyLike } from './presentation-keys';

/** How long the digits of a slide number may be apart ("1", "2" → 12) before the jump happens. */
const DIGIT_PAUSE_MS = 800;

export interface DeckKeys {
  /**
   * Steps a deck of `length` views by the key, if it is one of the deck's: → ← PageDown PageUp
   * Space Home End, or a view's number (then Enter, or a pause). False leaves the key to the page:
   * a key a focused control keeps (keyBelongsToControl), Esc, V, any other key.
   */
  handle(event: KeyLike & { readonly target: EventTarget | null }, length: number): boolean;
  /** Forgets a number being typed. */
  clear(): void;
}

/**
 * The deck's keys, for the window the room sees and the presenter view alike (a remote sends its
 * keys to whichever of them has the focus), with the number being typed kept between keys.
 */
export function deckKeys(step: (move: DeckStep) => void): DeckKeys {
  let typed = '';
  let timer = 0;
  const clear = () => {
    window.clearTimeout(timer);
    typed = '';
  };
  return {
    clear,
    handle(event, length) {
      const command = presentationCommand(event);
      if (command === null || command === 'leave' || command === 'presenter-view') return false;
      // A number just typed, then Enter, jumps to that view wherever the focus is.
      const jumping = command === 'enter-number' && typed !== '';
      if (!jumping && keyBelongsToControl(event.target, event.key)) return false;
      window.clearTimeout(timer);
      if (typeof command === 'object' && 'digit' in command) {
        typed = typeSlideDigit(typed, command.digit, length);
        const number = typed;
        if (number) timer = window.setTimeout(() => ((typed = ''), step({ jumpTo: Number(number) })), DIGIT_PAUSE_MS);
        return true;
      }
      if (command === 'enter-number') {
        if (typed) step({ jumpTo: Number(typed) });
        typed = '';
        return true;
      }
      typed = '';
      step(command);
      return true;
    },
  };
}
