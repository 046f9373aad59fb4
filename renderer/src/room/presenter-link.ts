import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeckStep } from '../../../shared/room/deck-stepping';
import type { PresentedDeck } from './presentation';
import {
  PRESENTER_ALIVE_EVERY_MS,
  PRESENTER_CHANNEL,
  PRESENTER_WINDOW_NAME,
  presenterAddress,
  presentersAfter,
  presentersHeard,
  readPresenterMessage,
  type OpenPresenters,
  type PresentationSnapshot,
  type PresenterMessage,
} from './presenter-sync';

const SESSION_KEY = 'interlock.presenterSession';

/**
 * This window's name on the presenter channel. Kept for the tab (session storage), so a presenter
 * view left open over a reload of this window follows its next presentation.
 */
function audienceSession(): string {
  let session = sessionStorage.getItem(SESSION_KEY);
  if (!session) {
    session = crypto.randomUUID();
    sessionStorage.setItem(SESSION_KEY, session);
  }
  return session;
}

export interface PresentedState {
  readonly presenting: boolean;
  readonly deck: PresentedDeck | null;
  readonly index: number;
  readonly slideShownAt: number;
  readonly startedAt: number;
}

export interface PresenterLink {
  /** A presenter view of this window's is open (it said hello and not yet bye). */
  readonly presenterOpen: boolean;
  /** Opens the presenter view, or brings back the one open. */
  openPresenter(): void;
  /**
   * Whether a presenter view is open or being opened — asked as full screen ends, which a browser
   * may end itself as this window opens one (Chromium does): the presentation then goes on.
   */
  presenterWindowOpen(): boolean;
}

/**
 * The window the room sees, on the presenter channel: it tells its presenter views what it
 * presents whenever that changes (and to each one that says hello), steps its deck when one asks,
 * and knows whether one is open, so that its bar leaves the countdown to it.
 */
export function usePresenterLink(state: PresentedState, step: (move: DeckStep) => void): PresenterLink {
  const [session] = useState(audienceSession);
  // The presenter views and when each was last heard from, in a ref: an "alive" every 2 seconds
  // changes only a time, and must not draw the presented page again. What draws is how many are open.
  const presenters = useRef<OpenPresenters>(new Map());
  const [openCount, setOpenCount] = useState(0);
  const setPresenters = useCallback((next: OpenPresenters) => {
    // Not even the same count set again: React may draw once more before it sees nothing changed.
    if (next.size !== presenters.current.size) setOpenCount(next.size);
    presenters.current = next;
  }, []);
  const channel = useRef<BroadcastChannel | null>(null);
  const opened = useRef<Window | null>(null);
  const latest = useRef({ state, step });
  latest.current = { state, step };

  const post = useCallback((message: PresenterMessage) => channel.current?.postMessage(message), []);
  const postState = useCallback(() => {
    const { presenting, deck, index, slideShownAt, startedAt } = latest.current.state;
    const now = performance.now();
    const presentation: PresentationSnapshot | null = presenting ? { deck, index, viewElapsedMs: Math.max(0, now - slideShownAt), sessionElapsedMs: Math.max(0, now - startedAt) } : null;
    post({ kind: 'state', session, presentation });
  }, [post, session]);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const bc = new BroadcastChannel(PRESENTER_CHANNEL);
    channel.current = bc;
    bc.onmessage = (event: MessageEvent) => {
      const message = readPresenterMessage(event.data);
      if (!message || message.session !== session) return;
      setPresenters(presentersAfter(presenters.current, message, session, performance.now()));
      if (message.kind === 'hello') postState();
      else if (message.kind === 'step') latest.current.step(message.step);
    };
    // Closing or reloading this window ends its presentation: its presenter views say so and wait.
    const onHide = () => post({ kind: 'state', session, presentation: null });
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      bc.close();
      channel.current = null;
    };
  }, [session, post, postState, setPresenters]);

  const { presenting, deck, index, slideShownAt } = state;
  useEffect(() => postState(), [presenting, deck, index, slideShownAt, postState]);

  // A presentation starts by asking which presenter views are open: one left open since the last
  // (or over a reload of this window) answers, one that closed without a word (it crashed) does not.
  useEffect(() => {
    if (!presenting) return;
    setPresenters(new Map());
    post({ kind: 'probe', session });
  }, [presenting, post, session, setPresenters]);

  // One that crashed says no bye: while one is open, those no longer heard from are let go, and the
  // room's bar has its countdown back.
  const anyOpen = openCount > 0;
  useEffect(() => {
    if (!anyOpen) return;
    const timer = window.setInterval(() => setPresenters(presentersHeard(presenters.current, performance.now())), PRESENTER_ALIVE_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [anyOpen, setPresenters]);

  const openPresenter = useCallback(() => {
    const open = opened.current;
    if (open && !open.closed) {
      open.focus();
      return;
    }
    opened.current = window.open(presenterAddress(window.location.href, session), PRESENTER_WINDOW_NAME, 'popup,width=1280,height=800');
  }, [session]);

  const presenterWindowOpen = useCallback(() => presenters.current.size > 0 || (opened.current !== null && !opened.current.closed), []);

  return { presenterOpen: anyOpen, openPresenter, presenterWindowOpen };
}
