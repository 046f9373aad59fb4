import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { stepDeck, typeSlideDigit, type DeckStep } from '../../../shared/room/deck-stepping';
import { isViewAddress } from '../../../shared/room/view-address-rule';
import { PRESENTING_ATTRIBUTE } from '../theme/room-styles';
import { keyBelongsToControl, presentationCommand, startsPresentation } from './presentation-keys';

/** What is being presented: a deck's views in order (saved or not), or just the page on screen. */
export interface PresentedDeck {
  readonly name: string;
  readonly entries: readonly { readonly title: string; readonly address: string; readonly timeboxSeconds: number | null }[];
}

export interface Presentation {
  readonly presenting: boolean;
  /** Null when presenting the page on screen without a deck. */
  readonly deck: PresentedDeck | null;
  readonly index: number;
  /** When the slide on screen was shown (performance.now()), for its timebox. */
  readonly slideShownAt: number;
  present(deck?: PresentedDeck | null, index?: number): void;
  step(step: DeckStep): void;
  leave(): void;
}

const PresentationContext = createContext<Presentation>({
  presenting: false,
  deck: null,
  index: 0,
  slideShownAt: 0,
  present: () => undefined,
  step: () => undefined,
  leave: () => undefined,
});

export const usePresentation = () => useContext(PresentationContext);

/** How long the digits of a slide number may be apart ("1", "2" → 12) before the jump happens. */
const DIGIT_PAUSE_MS = 800;

async function enterFullscreen(): Promise<boolean> {
  if (document.fullscreenElement || !document.documentElement.requestFullscreen) return !!document.fullscreenElement;
  try {
    await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
    return true;
  } catch {
    // Refused (no user gesture, a policy): present in the window as it is.
    return false;
  }
}

/**
 * Presentation mode for the whole app: full screen (the Fullscreen API, which the desktop shell
 * lets turn the window full screen), navigation chrome hidden, the room's type scale, and — with
 * a deck — the keys that step through its views. Esc, or leaving full screen, ends it.
 */
export function PresentationProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [state, setState] = useState<{ presenting: boolean; deck: PresentedDeck | null; index: number; slideShownAt: number }>({
    presenting: false,
    deck: null,
    index: 0,
    slideShownAt: 0,
  });
  const stateRef = useRef(state);
  stateRef.current = state;
  const fullscreenOwned = useRef(false);
  const digits = useRef({ buffer: '', timer: 0 });

  const show = useCallback(
    (deck: PresentedDeck | null, index: number) => {
      setState({ presenting: true, deck, index, slideShownAt: performance.now() });
      const entry = deck?.entries[index];
      // A view saved before an address rule (a backslash) is not followed out of the app.
      if (entry && isViewAddress(entry.address)) navigate(entry.address);
    },
    [navigate],
  );

  const present = useCallback(
    (deck: PresentedDeck | null = null, index = 0) => {
      const start = deck && deck.entries.length > 0 ? Math.min(Math.max(index, 0), deck.entries.length - 1) : 0;
      // The button or key that started it should not keep a focus ring (or a tooltip) on the slide.
      (document.activeElement as HTMLElement | null)?.blur?.();
      show(deck && deck.entries.length > 0 ? deck : null, start);
      void enterFullscreen().then((entered) => (fullscreenOwned.current = entered));
    },
    [show],
  );

  const leave = useCallback(() => {
    window.clearTimeout(digits.current.timer);
    digits.current.buffer = '';
    setState((s) => ({ ...s, presenting: false, deck: null, index: 0 }));
    if (fullscreenOwned.current && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    fullscreenOwned.current = false;
  }, []);

  const step = useCallback(
    (move: DeckStep) => {
      const { deck, index, presenting } = stateRef.current;
      if (!presenting || !deck) return;
      const next = stepDeck(index, deck.entries.length, move);
      if (next !== index && next >= 0) show(deck, next);
    },
    [show],
  );

  // The page's attribute hides the desk's tools (export buttons…) while presenting.
  useEffect(() => {
    if (state.presenting) document.documentElement.setAttribute(PRESENTING_ATTRIBUTE, '');
    else document.documentElement.removeAttribute(PRESENTING_ATTRIBUTE);
  }, [state.presenting]);

  // Esc in full screen is the browser's: it leaves full screen without a key event for the page.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && fullscreenOwned.current) {
        fullscreenOwned.current = false;
        leave();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [leave]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { presenting, deck } = stateRef.current;
      if (!presenting) {
        if (startsPresentation(event) && !keyBelongsToControl(event.target) && !event.repeat) {
          event.preventDefault();
          present();
        }
        return;
      }
      const command = presentationCommand(event);
      if (command === null) return;
      if (command === 'leave') {
        // An open menu or dialog closes first; the next Esc leaves.
        if (keyBelongsToControl(event.target)) return;
        event.preventDefault();
        leave();
        return;
      }
      const pending = digits.current;
      // A number just typed, then Enter, jumps to that view wherever the focus is.
      const jumping = command === 'enter-number' && pending.buffer !== '';
      if (!deck || (!jumping && keyBelongsToControl(event.target, event.key))) return;
      event.preventDefault();
      event.stopPropagation();
      window.clearTimeout(pending.timer);
      if (typeof command === 'object' && 'digit' in command) {
        pending.buffer = typeSlideDigit(pending.buffer, command.digit, deck.entries.length);
        const typed = pending.buffer;
        if (typed) pending.timer = window.setTimeout(() => ((pending.buffer = ''), step({ jumpTo: Number(typed) })), DIGIT_PAUSE_MS);
        return;
      }
      if (command === 'enter-number') {
        if (pending.buffer) step({ jumpTo: Number(pending.buffer) });
        pending.buffer = '';
        return;
      }
      pending.buffer = '';
      step(command);
    };
    // Capture: the slide's own widgets (tabs take ← and →) must not see the keys that step the deck.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [present, leave, step]);

  const value = useMemo<Presentation>(() => ({ ...state, present, step, leave }), [state, present, step, leave]);
  return <PresentationContext.Provider value={value}>{children}</PresentationContext.Provider>;
}
