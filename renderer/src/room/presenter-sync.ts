import { clock, deckProgress, timeboxState, type DeckStep, type TimeboxTone } from '../../../shared/room/deck-stepping';
import type { PresentedDeck } from './presentation';

// The presenter view: a second window for the facilitator's own screen (the timebox's countdown,
// the session's time, the next view, the agenda) kept in step with the window the room sees. The
// two talk over a BroadcastChannel, which joins windows of one origin (the browser host's tabs and
// popups, the desktop app's windows of one session) with no backend and no network: the presenter
// view shows what the audience window presents, unsaved edits of a deck included, and asks it to
// step. Everything here is pure — the messages, their reading, who is open, what each window
// shows — so it is tested without two windows.

export const PRESENTER_CHANNEL = 'interlock.presenter';
/** The presenter view's address is `#/presenter?session=…`: a reload finds its presentation again. */
export const PRESENTER_PAGE = 'presenter';
/** One presenter window per browser window: opening it again brings that one back. */
export const PRESENTER_WINDOW_NAME = 'interlock-presenter';

/** The presentation as the audience window sends it; times are how long ago, so no two clocks are compared. */
export interface PresentationSnapshot {
  readonly deck: PresentedDeck | null;
  readonly index: number;
  /** How long the view on screen has been shown, when this was sent. */
  readonly viewElapsedMs: number;
  /** How long the presentation has been on, when this was sent. */
  readonly sessionElapsedMs: number;
}

/**
 * `session` names one audience window (its presentation, across reloads of either window), so a
 * second tab of the app neither answers nor steps another's presenter view.
 */
export type PresenterMessage =
  /** Audience → presenter views: what it presents now; null when it presents nothing. */
  | { readonly kind: 'state'; readonly session: string; readonly presentation: PresentationSnapshot | null }
  /** Audience → presenter views, as a presentation starts: which of you are open? */
  | { readonly kind: 'probe'; readonly session: string }
  /** Presenter view → audience: open (loaded, reloaded or answering a probe); send me the state. */
  | { readonly kind: 'hello'; readonly session: string; readonly presenter: string }
  /** Presenter view → audience: closed or reloading. */
  | { readonly kind: 'bye'; readonly session: string; readonly presenter: string }
  /** Presenter view → audience, every PRESENTER_ALIVE_EVERY_MS: still open (one that crashed says no bye). */
  | { readonly kind: 'alive'; readonly session: string; readonly presenter: string }
  /** Presenter view → audience: step the deck (its buttons, keys or a remote pressed there). */
  | { readonly kind: 'step'; readonly session: string; readonly step: DeckStep };

const ID = /^[A-Za-z0-9-]{1,64}$/;
const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isDuration = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function readStep(v: unknown): DeckStep | null {
  if (v === 'next' || v === 'previous' || v === 'first' || v === 'last') return v;
  return isObject(v) && Number.isInteger(v.jumpTo) ? { jumpTo: v.jumpTo as number } : null;
}

function readDeck(v: unknown): PresentedDeck | null | undefined {
  if (v === null) return null;
  if (!isObject(v) || typeof v.name !== 'string' || !Array.isArray(v.entries) || v.entries.length === 0) return undefined;
  const entries: PresentedDeck['entries'][number][] = [];
  for (const e of v.entries as unknown[]) {
    if (!isObject(e) || typeof e.title !== 'string' || typeof e.address !== 'string') return undefined;
    const timebox = e.timeboxSeconds;
    if (timebox !== null && !(isCount(timebox) && timebox > 0)) return undefined;
    entries.push({ title: e.title, address: e.address, timeboxSeconds: timebox });
  }
  return { name: v.name, entries };
}

function readSnapshot(v: unknown): PresentationSnapshot | null | undefined {
  if (v === null) return null;
  if (!isObject(v) || !isCount(v.index) || !isDuration(v.viewElapsedMs) || !isDuration(v.sessionElapsedMs)) return undefined;
  const deck = readDeck(v.deck);
  if (deck === undefined || (deck !== null && v.index >= deck.entries.length)) return undefined;
  return { deck, index: v.index, viewElapsedMs: v.viewElapsedMs, sessionElapsedMs: v.sessionElapsedMs };
}

/**
 * A message as another window sent it, or null for anything else. Only the app's own windows can
 * post on its channel, but an older build of it still open (a tab kept over an upgrade) may post
 * other shapes: a window must ignore them, not break.
 */
export function readPresenterMessage(data: unknown): PresenterMessage | null {
  if (!isObject(data) || !isId(data.session)) return null;
  const session = data.session;
  switch (data.kind) {
    case 'state': {
      const presentation = readSnapshot(data.presentation);
      return presentation === undefined ? null : { kind: 'state', session, presentation };
    }
    case 'probe':
      return { kind: 'probe', session };
    case 'hello':
    case 'bye':
    case 'alive':
      return isId(data.presenter) ? { kind: data.kind, session, presenter: data.presenter } : null;
    case 'step': {
      const step = readStep(data.step);
      return step ? { kind: 'step', session, step } : null;
    }
    default:
      return null;
  }
}

/** The presenter view's address for the audience window at `href` (its origin and path, its own hash dropped). */
export function presenterAddress(href: string, session: string): string {
  const hash = href.indexOf('#');
  return `${hash === -1 ? href : href.slice(0, hash)}#/${PRESENTER_PAGE}?session=${encodeURIComponent(session)}`;
}

/** The session a presenter view's hash names, or null when it names none (or not a usable one). */
export function presenterSessionOf(hash: string): string | null {
  const match = /^#?\/presenter(?:\?(.*))?$/.exec(hash);
  if (!match) return null;
  const session = new URLSearchParams(match[1] ?? '').get('session');
  return isId(session) ? session : null;
}

/** How often an open presenter view says it is still open. */
export const PRESENTER_ALIVE_EVERY_MS = 2_000;
/**
 * How long the audience window waits to hear from a presenter view before taking it for gone (it
 * crashed, or its machine slept): then the room's bar shows the countdown again. A minute and more,
 * because a browser wakes the timers of a page hidden for five minutes (a presenter window under
 * another on the facilitator's screen) once a minute, and a view merely hidden is still open.
 */
export const PRESENTER_SILENT_AFTER_MS = 75_000;

/** The presenter views of the audience window, each with when it was last heard from (its clock). */
export type OpenPresenters = ReadonlyMap<string, number>;

/**
 * The audience window's presenter views open after `message`, received at `now`: a hello or an
 * "alive" opens one (an "alive" also brings back one open over a reload of the audience window)
 * and says when it was heard, a bye closes it.
 */
export function presentersAfter(open: OpenPresenters, message: PresenterMessage, session: string, now: number): OpenPresenters {
  if (message.session !== session) return open;
  if (message.kind === 'hello' || message.kind === 'alive') return new Map(open).set(message.presenter, now);
  if (message.kind === 'bye' && open.has(message.presenter)) {
    const next = new Map(open);
    next.delete(message.presenter);
    return next;
  }
  return open;
}

/** The presenter views still heard from at `now`: one silent for longer than PRESENTER_SILENT_AFTER_MS is gone. */
export function presentersHeard(open: OpenPresenters, now: number): OpenPresenters {
  const heard = [...open].filter(([, at]) => now - at <= PRESENTER_SILENT_AFTER_MS);
  return heard.length === open.size ? open : new Map(heard);
}

/**
 * What the audience window's bar shows of the deck. The countdown and the progress line along the
 * bottom are for the facilitator: while a presenter view is open they are there, not in front of
 * the room. Without one, the bar is as it always was. The position ("3 / 9") stays either way:
 * it fades with the bar's controls.
 */
export function audienceBar(deck: PresentedDeck | null, index: number, presenterOpen: boolean): { position: string | null; countdownSeconds: number | null; progress: number | null } {
  const entry = deck?.entries[index];
  if (!deck || !entry) return { position: null, countdownSeconds: null, progress: null };
  const { label, fraction } = deckProgress(index, deck.entries.length);
  return { position: label, countdownSeconds: presenterOpen ? null : entry.timeboxSeconds, progress: presenterOpen ? null : fraction };
}

/** The presentation a presenter view follows, its times on the presenter window's own clock. */
export interface FollowedPresentation {
  readonly deck: PresentedDeck | null;
  readonly index: number;
  readonly viewShownAt: number;
  readonly sessionStartedAt: number;
}

/**
 * What a presenter view of `session` follows after `message`, received at `now` (its clock):
 * the state it was sent, or null once the audience window presents nothing. Other messages, and
 * every message of another session, leave it as it was.
 */
export function followAfter(current: FollowedPresentation | null, message: PresenterMessage, session: string, now: number): FollowedPresentation | null {
  if (message.session !== session || message.kind !== 'state') return current;
  const p = message.presentation;
  if (!p) return null;
  return { deck: p.deck, index: p.index, viewShownAt: now - p.viewElapsedMs, sessionStartedAt: now - p.sessionElapsedMs };
}

export interface CountdownState {
  readonly text: string;
  readonly tone: TimeboxTone;
  /** What a screen reader says: "4:05 left in this view’s timebox", "Timebox over by 0:12". */
  readonly label: string;
}

/** A view's timebox `seconds` long, `elapsedMs` after it was shown: the bar's countdown and the presenter view's. */
export function countdown(elapsedMs: number, seconds: number): CountdownState {
  const { text, tone } = timeboxState(elapsedMs, seconds);
  return { text, tone, label: tone === 'over' ? `Timebox over by ${text.slice(1)}` : `${text} left in this view’s timebox` };
}

export interface AgendaRow {
  readonly number: number;
  readonly title: string;
  /** "5:00", or null for a view without a timebox. */
  readonly timebox: string | null;
  readonly state: 'done' | 'current' | 'later';
}

export interface PresenterScreen {
  readonly deckName: string | null;
  /** "3 / 9"; null without a deck. */
  readonly position: string | null;
  /** The view on screen; null without a deck (the page on screen has no title of a deck's). */
  readonly title: string | null;
  readonly countdown: CountdownState | null;
  /** The view's timebox, "10:00"; null when it has none. */
  readonly timebox: string | null;
  /** How long the presentation has been on: "12:34". */
  readonly elapsed: string;
  /** The deck's timeboxes added up ("40:00"); null when none has one. */
  readonly planned: string | null;
  /** The next view; null on the last one (or without a deck). */
  readonly next: { readonly title: string; readonly timebox: string | null } | null;
  readonly agenda: readonly AgendaRow[];
  readonly canGoBack: boolean;
  readonly canGoOn: boolean;
}

const timeboxText = (seconds: number | null) => (seconds === null ? null : clock(seconds));

/** What the presenter view shows of `followed` at `now` (its clock). */
export function presenterScreen(followed: FollowedPresentation, now: number): PresenterScreen {
  const elapsed = clock(Math.floor(Math.max(0, now - followed.sessionStartedAt) / 1000));
  const { deck, index } = followed;
  const entry = deck?.entries[index];
  if (!deck || !entry) {
    return { deckName: null, position: null, title: null, countdown: null, timebox: null, elapsed, planned: null, next: null, agenda: [], canGoBack: false, canGoOn: false };
  }
  const planned = deck.entries.reduce((sum, e) => sum + (e.timeboxSeconds ?? 0), 0);
  const following = deck.entries[index + 1];
  return {
    deckName: deck.name,
    position: deckProgress(index, deck.entries.length).label,
    title: entry.title,
    countdown: entry.timeboxSeconds === null ? null : countdown(now - followed.viewShownAt, entry.timeboxSeconds),
    timebox: timeboxText(entry.timeboxSeconds),
    elapsed,
    planned: planned > 0 ? clock(planned) : null,
    next: following ? { title: following.title, timebox: timeboxText(following.timeboxSeconds) } : null,
    agenda: deck.entries.map((e, i) => ({ number: i + 1, title: e.title, timebox: timeboxText(e.timeboxSeconds), state: i < index ? 'done' : i === index ? 'current' : 'later' })),
    canGoBack: index > 0,
    canGoOn: index < deck.entries.length - 1,
  };
}
