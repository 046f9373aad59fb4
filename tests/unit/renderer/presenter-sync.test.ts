import { describe, expect, it } from 'vitest';
import {
  audienceBar,
  followAfter,
  presenterAddress,
  presenterScreen,
  presenterSessionOf,
  presentersAfter,
  presentersHeard,
  PRESENTER_ALIVE_EVERY_MS,
  PRESENTER_SILENT_AFTER_MS,
  readPresenterMessage,
  type OpenPresenters,
  type FollowedPresentation,
  type PresenterMessage,
} from '../../../renderer/src/room/presenter-sync';

// The presenter view and the window the room sees, kept in step by messages: what they say, how a
// window reads them, who is open, and what each window then shows.

const DECK = {
  name: 'PI 26.4 final plan review',
  entries: [
    { title: 'The program board', address: '/plan', timeboxSeconds: 600 },
    { title: 'How likely the plan holds', address: '/plan?tab=confidence', timeboxSeconds: 300 },
    { title: 'Questions', address: '/overview', timeboxSeconds: null },
  ],
};
const SESSION = '6f1c2a9e-0b7d-4c1e-9a57-1f2e3d4c5b6a';

/** A message as it crosses the channel: structured-cloned, so a plain object. */
const sent = (message: PresenterMessage): unknown => structuredClone(message);

describe('the messages between the audience window and the presenter view', () => {
  it('every message a window sends is read back as it was sent', () => {
    const messages: PresenterMessage[] = [
      { kind: 'state', session: SESSION, presentation: { deck: DECK, index: 1, viewElapsedMs: 12_500, sessionElapsedMs: 700_000 } },
      { kind: 'state', session: SESSION, presentation: { deck: null, index: 0, viewElapsedMs: 0, sessionElapsedMs: 3_000 } },
      { kind: 'state', session: SESSION, presentation: null },
      { kind: 'probe', session: SESSION },
      { kind: 'hello', session: SESSION, presenter: 'p-1' },
      { kind: 'bye', session: SESSION, presenter: 'p-1' },
      { kind: 'step', session: SESSION, step: 'next' },
      { kind: 'step', session: SESSION, step: 'previous' },
      { kind: 'step', session: SESSION, step: 'first' },
      { kind: 'step', session: SESSION, step: 'last' },
      { kind: 'step', session: SESSION, step: { jumpTo: 3 } },
    ];
    for (const m of messages) expect(readPresenterMessage(sent(m)), m.kind).toEqual(m);
  });

  it('the presenter view’s address names its session, and a reload of it reads it back', () => {
    const browser = presenterAddress('http://127.0.0.1:5417/#/plan?tab=confidence', SESSION);
    expect(browser).toBe(`http://127.0.0.1:5417/#/presenter?session=${SESSION}`);
    expect(presenterSessionOf(new URL(browser).hash)).toBe(SESSION);
    const desktop = presenterAddress('app://interlock/index.html#/risks', SESSION);
    expect(desktop).toBe(`app://interlock/index.html#/presenter?session=${SESSION}`);
    expect(presenterSessionOf(new URL(desktop).hash)).toBe(SESSION);
  });

  describe('edge cases', () => {
    it('anything else on the channel is ignored, not half read', () => {
      const state = { kind: 'state', session: SESSION, presentation: { deck: DECK, index: 0, viewElapsedMs: 0, sessionElapsedMs: 0 } };
      const withPresentation = (p: Record<string, unknown>) => ({ ...state, presentation: { ...state.presentation, ...p } });
      for (const [why, data] of [
        ['not an object', 'next'],
        ['null', null],
        ['no session', { kind: 'probe' }],
        ['a session that is not an id', { kind: 'probe', session: '../x y' }],
        ['an unknown kind', { kind: 'reload', session: SESSION }],
        ['a step that is not one', { kind: 'step', session: SESSION, step: 'sideways' }],
        ['a jump to no number', { kind: 'step', session: SESSION, step: { jumpTo: 2.5 } }],
        ['a hello without its presenter', { kind: 'hello', session: SESSION }],
        ['a state without its presentation', { kind: 'state', session: SESSION }],
        ['a position past the deck', withPresentation({ index: 3 })],
        ['a negative time', withPresentation({ viewElapsedMs: -1 })],
        ['a time that is no number', withPresentation({ sessionElapsedMs: Number.NaN })],
        ['an empty deck', withPresentation({ deck: { name: 'x', entries: [] } })],
        ['a view without a title', withPresentation({ deck: { name: 'x', entries: [{ address: '/plan', timeboxSeconds: null }] } })],
        ['a timebox of nothing', withPresentation({ deck: { name: 'x', entries: [{ title: 'a', address: '/plan', timeboxSeconds: 0 }] } })],
      ] as const) {
        expect(readPresenterMessage(data), why).toBeNull();
      }
    });

    it('a presenter address without a session, or with another page, names none', () => {
      expect(presenterSessionOf('#/presenter')).toBeNull();
      expect(presenterSessionOf('#/presenter?session=')).toBeNull();
      expect(presenterSessionOf('#/presenters?session=abc')).toBeNull();
      expect(presenterSessionOf('#/plan?session=abc')).toBeNull();
      expect(presenterSessionOf('/presenter?session=abc')).toBe('abc');
      expect(presenterAddress('http://127.0.0.1:5417/', 'abc')).toBe('http://127.0.0.1:5417/#/presenter?session=abc');
    });
  });
});

describe('which presenter views the audience window has open', () => {
  it('a hello opens one, its bye closes it; a reload is a bye then a hello', () => {
    let open: OpenPresenters = new Map();
    open = presentersAfter(open, { kind: 'hello', session: SESSION, presenter: 'a' }, SESSION, 1_000);
    expect([...open]).toEqual([['a', 1_000]]);
    open = presentersAfter(open, { kind: 'bye', session: SESSION, presenter: 'a' }, SESSION, 2_000);
    expect(open.size).toBe(0);
    open = presentersAfter(open, { kind: 'hello', session: SESSION, presenter: 'a' }, SESSION, 3_000);
    expect(open.size).toBe(1);
  });

  it('one that crashed says no bye: silent for longer than PRESENTER_SILENT_AFTER_MS it is let go; one still saying it is alive stays', () => {
    let open: OpenPresenters = new Map();
    for (const presenter of ['crashed', 'alive']) open = presentersAfter(open, { kind: 'hello', session: SESSION, presenter }, SESSION, 0);
    // The live one says so every few seconds (a hidden window's timers wake once a minute).
    for (const at of [2_000, 62_000]) open = presentersAfter(open, { kind: 'alive', session: SESSION, presenter: 'alive' }, SESSION, at);
    expect([...presentersHeard(open, PRESENTER_SILENT_AFTER_MS)].map(([p]) => p)).toEqual(['crashed', 'alive']);
    expect([...presentersHeard(open, PRESENTER_SILENT_AFTER_MS + 1)].map(([p]) => p)).toEqual(['alive']);
    expect(PRESENTER_SILENT_AFTER_MS).toBeGreaterThan(60_000 + 2 * PRESENTER_ALIVE_EVERY_MS);
  });

  describe('edge cases', () => {
    it('two presenter views are open until both have closed; another window’s are not this one’s', () => {
      let open: OpenPresenters = new Map();
      for (const presenter of ['a', 'b']) open = presentersAfter(open, { kind: 'hello', session: SESSION, presenter }, SESSION, 0);
      open = presentersAfter(open, { kind: 'bye', session: SESSION, presenter: 'a' }, SESSION, 1);
      expect([...open.keys()]).toEqual(['b']);
      expect(presentersAfter(open, { kind: 'hello', session: 'other', presenter: 'c' }, SESSION, 2)).toBe(open);
      expect(presentersAfter(open, { kind: 'bye', session: 'other', presenter: 'b' }, SESSION, 2)).toBe(open);
      expect(presentersAfter(open, { kind: 'alive', session: 'other', presenter: 'c' }, SESSION, 2)).toBe(open);
    });

    it('an "alive" from one the audience window does not know (it was reloaded) brings it back; all heard, the same set comes back', () => {
      const open = presentersAfter(new Map(), { kind: 'alive', session: SESSION, presenter: 'p' }, SESSION, 5);
      expect([...open]).toEqual([['p', 5]]);
      expect(presentersHeard(open, 10)).toBe(open);
      expect(presentersHeard(new Map(), 10).size).toBe(0);
      expect(readPresenterMessage({ kind: 'alive', session: SESSION, presenter: 'p' })).toEqual({ kind: 'alive', session: SESSION, presenter: 'p' });
      expect(readPresenterMessage({ kind: 'alive', session: SESSION })).toBeNull();
    });
  });
});

describe('what the audience window’s bar shows', () => {
  it('without a presenter view, the countdown and the progress line as before; with one, neither', () => {
    expect(audienceBar(DECK, 1, false)).toEqual({ position: '2 / 3', countdownSeconds: 300, progress: 2 / 3 });
    expect(audienceBar(DECK, 1, true)).toEqual({ position: '2 / 3', countdownSeconds: null, progress: null });
  });

  describe('edge cases', () => {
    it('a view without a timebox has no countdown; without a deck there is nothing of a deck to show', () => {
      expect(audienceBar(DECK, 2, false)).toEqual({ position: '3 / 3', countdownSeconds: null, progress: 1 });
      expect(audienceBar(null, 0, false)).toEqual({ position: null, countdownSeconds: null, progress: null });
      expect(audienceBar(null, 0, true)).toEqual({ position: null, countdownSeconds: null, progress: null });
    });
  });
});

describe('what the presenter view follows and shows', () => {
  const state = (index: number, viewElapsedMs: number, sessionElapsedMs: number): PresenterMessage => ({
    kind: 'state',
    session: SESSION,
    presentation: { deck: DECK, index, viewElapsedMs, sessionElapsedMs },
  });

  it('the view on screen, its countdown, the session’s time, the next view and the agenda', () => {
    // Received at 50 s on the presenter's clock: the view has been up 2 min, the session 12 min.
    const followed = followAfter(null, state(0, 120_000, 720_000), SESSION, 50_000)!;
    const screen = presenterScreen(followed, 50_000);
    expect(screen).toMatchObject({
      deckName: 'PI 26.4 final plan review',
      position: '1 / 3',
      title: 'The program board',
      countdown: { text: '8:00', tone: 'calm', label: '8:00 left in this view’s timebox' },
      timebox: '10:00',
      elapsed: '12:00',
      planned: '15:00',
      next: { title: 'How likely the plan holds', timebox: '5:00' },
      canGoBack: false,
      canGoOn: true,
    });
    expect(screen.agenda.map((r) => `${r.number} ${r.title} ${r.timebox ?? '–'} ${r.state}`)).toEqual([
      '1 The program board 10:00 current',
      '2 How likely the plan holds 5:00 later',
      '3 Questions – later',
    ]);
    // Time goes on in the presenter window on its own: 7 min 10 s later, the last minute is red.
    expect(presenterScreen(followed, 50_000 + 430_000).countdown).toEqual({ text: '0:50', tone: 'ending', label: '0:50 left in this view’s timebox' });
    expect(presenterScreen(followed, 50_000 + 492_000).countdown).toEqual({ text: '+0:12', tone: 'over', label: 'Timebox over by 0:12' });
    expect(presenterScreen(followed, 50_000 + 492_000).elapsed).toBe('20:12');
  });

  it('a step in either window is a new state: the presenter view moves with it, the session’s time goes on', () => {
    let followed = followAfter(null, state(0, 0, 0), SESSION, 1_000);
    followed = followAfter(followed, state(1, 0, 90_000), SESSION, 91_000);
    const screen = presenterScreen(followed!, 91_000);
    expect(screen.position).toBe('2 / 3');
    expect(screen.countdown?.text).toBe('5:00');
    expect(screen.elapsed).toBe('1:30');
    expect(screen.agenda.map((r) => r.state)).toEqual(['done', 'current', 'later']);
  });

  describe('edge cases', () => {
    it('on the last view there is no next one and nothing further; a view without a timebox has no countdown', () => {
      const screen = presenterScreen(followAfter(null, state(2, 5_000, 900_000), SESSION, 0)!, 0);
      expect(screen.next).toBeNull();
      expect(screen.countdown).toBeNull();
      expect(screen.timebox).toBeNull();
      expect(screen).toMatchObject({ canGoBack: true, canGoOn: false });
    });

    it('a page presented without a deck: the session’s time alone', () => {
      const followed = followAfter(null, { kind: 'state', session: SESSION, presentation: { deck: null, index: 0, viewElapsedMs: 65_000, sessionElapsedMs: 65_000 } }, SESSION, 0)!;
      expect(presenterScreen(followed, 0)).toEqual({ deckName: null, position: null, title: null, countdown: null, timebox: null, elapsed: '1:05', planned: null, next: null, agenda: [], canGoBack: false, canGoOn: false });
    });

    it('the presentation ended: nothing to follow; another window’s state or a probe changes nothing', () => {
      const followed: FollowedPresentation = followAfter(null, state(1, 0, 0), SESSION, 0)!;
      expect(followAfter(followed, { kind: 'state', session: SESSION, presentation: null }, SESSION, 10)).toBeNull();
      expect(followAfter(followed, state(2, 0, 0), 'another-window', 10)).toBe(followed);
      expect(followAfter(followed, { kind: 'probe', session: SESSION }, SESSION, 10)).toBe(followed);
    });

    it('a deck without timeboxes plans no time', () => {
      const untimed = { name: 'x', entries: DECK.entries.map((e) => ({ ...e, timeboxSeconds: null })) };
      const followed = followAfter(null, { kind: 'state', session: SESSION, presentation: { deck: untimed, index: 0, viewElapsedMs: 0, sessionElapsedMs: 0 } }, SESSION, 0)!;
      expect(presenterScreen(followed, 0)).toMatchObject({ planned: null, countdown: null, next: { title: 'How likely the plan holds', timebox: null } });
    });
  });
});
