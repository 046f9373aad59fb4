import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { stepDeck, type DeckStep } from '../../../shared/room/deck-stepping';
import { isViewAddress } from '../../../shared/room/view-address-rule';
import { PRESENTING_ATTRIBUTE } from '../theme/room-styles';
import { deckKeys } from './deck-keys';
import { keyBelongsToControl, presentationCommand, startsPresentation } from './presentation-keys';
import { usePresenterLink } from './presenter-link';

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
  /** Whether the page fills the screen (presenting, it may not: refused, or left for a presenter view). */
  readonly fullScreen: boolean;
  /** A presenter view is open: the countdown and the deck's progress are there, not on this screen. */
  readonly presenterOpen: boolean;
  present(deck?: PresentedDeck | null, index?: number): void;
  step(step: DeckStep): void;
  leave(): void;
  /** Opens the presenter view (V), or brings back the one open. */
  openPresenter(): void;
  /** Fills the screen again (a button's click: browsers ask for one). */
  enterFullScreen(): void;
}

const PresentationContext = createContext<Presentation>({
  presenting: false,
  deck: null,
  index: 0,
  slideShownAt: 0,
  fullScreen: false,
  presenterOpen: false,
  present: () => undefined,
  step: () => undefined,
  leave: () => undefined,
  openPresenter: () => undefined,
  enterFullScreen: () => undefined,
});

export const usePresentation = () => useContext(PresentationContext);

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
 * a deck — the keys that step through its views. Esc, or leaving full screen, ends it (leaving full
 * screen does not while a presenter view is open). V opens the presenter view, a second window for
 * the facilitator's screen kept in step with this one (presenter-link.ts).
 */
export function PresentationProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [state, setState] = useState<{ presenting: boolean; deck: PresentedDeck | null; index: number; slideShownAt: number; startedAt: number }>({
    presenting: false,
    deck: null,
    index: 0,
    slideShownAt: 0,
    startedAt: 0,
  });
  const stateRef = useRef(state);
  stateRef.current = state;
  const fullscreenOwned = useRef(false);
  const [fullScreen, setFullScreen] = useState(false);

  const show = useCallback(
    (deck: PresentedDeck | null, index: number) => {
      const now = performance.now();
      setState((s) => ({ presenting: true, deck, index, slideShownAt: now, startedAt: s.presenting ? s.startedAt : now }));
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

  const step = useCallback(
    (move: DeckStep) => {
      const { deck, index, presenting } = stateRef.current;
      if (!presenting || !deck) return;
      const next = stepDeck(index, deck.entries.length, move);
      if (next !== index && next >= 0) show(deck, next);
    },
    [show],
  );
  // One for the provider's life (step changes with every page shown): a number being typed is kept.
  const stepRef = useRef(step);
  stepRef.current = step;
  const keys = useMemo(() => deckKeys((move) => stepRef.current(move)), []);

  const leave = useCallback(() => {
    keys.clear();
    setState((s) => ({ ...s, presenting: false, deck: null, index: 0 }));
    if (fullscreenOwned.current && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    fullscreenOwned.current = false;
  }, [keys]);

  const { presenterOpen, openPresenter, presenterWindowOpen } = usePresenterLink(state, step);

  const enterFullScreen = useCallback(() => void enterFullscreen().then((entered) => (fullscreenOwned.current = entered)), []);

  // The page's attribute hides the desk's tools (export buttons…) while presenting.
  useEffect(() => {
    if (state.presenting) document.documentElement.setAttribute(PRESENTING_ATTRIBUTE, '');
    else document.documentElement.removeAttribute(PRESENTING_ATTRIBUTE);
  }, [state.presenting]);

  // Esc in full screen is the browser's: it leaves full screen without a key event for the page.
  // With a presenter view open (or opening), leaving full screen does not end the presentation:
  // Chromium itself ends full screen as a page opens another window, and the presentation must not
  // end with it; the bar then offers full screen again, and Esc in the window leaves.
  useEffect(() => {
    const onChange = () => {
      setFullScreen(document.fullscreenElement !== null);
      if (!document.fullscreenElement && fullscreenOwned.current) {
        fullscreenOwned.current = false;
        if (!presenterWindowOpen()) leave();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [leave, presenterWindowOpen]);

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
      if (command === 'leave' || command === 'presenter-view') {
        // An open menu or dialog closes first; the next Esc leaves. V typed in a field is a letter.
        if (keyBelongsToControl(event.target)) return;
        event.preventDefault();
        if (command === 'leave') leave();
        else if (!event.repeat) openPresenter();
        return;
      }
      if (deck && keys.handle(event, deck.entries.length)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // Capture: the slide's own widgets (tabs take ← and →) must not see the keys that step the deck.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [present, leave, keys, openPresenter]);

  const value = useMemo<Presentation>(
    () => ({ ...state, fullScreen, presenterOpen, present, step, leave, openPresenter, enterFullScreen }),
    [state, fullScreen, presenterOpen, present, step, leave, openPresenter, enterFullScreen],
  );
  return <PresentationContext.Provider value={value}>{children}</PresentationContext.Provider>;
}
