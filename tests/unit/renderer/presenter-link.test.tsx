// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePresenterLink, type PresentedState } from '../../../renderer/src/room/presenter-link';
import { PRESENTER_CHANNEL, type PresenterMessage } from '../../../renderer/src/room/presenter-sync';

// The room's window on the presenter channel, with a real BroadcastChannel: a presenter view's
// hello opens it, its bye closes it, and its "alive" every 2 seconds changes nothing that draws —
// the presented page (a Flow page's charts, a board of two thousand cards) is not drawn again.

afterEach(cleanup);

const STATE: PresentedState = { presenting: true, deck: null, index: 0, slideShownAt: 0, startedAt: 0 };
const SESSION_KEY = 'interlock.presenterSession';

function Room({ renders }: { renders: { count: number; open: boolean } }) {
  const link = usePresenterLink(STATE, () => undefined);
  renders.count++;
  renders.open = link.presenterOpen;
  return null;
}

/** Posts as a presenter view would, and lets the channel deliver it. */
async function say(channel: BroadcastChannel, message: Omit<PresenterMessage, 'session'> & { presenter?: string }) {
  await act(async () => {
    channel.postMessage({ ...message, session: sessionStorage.getItem(SESSION_KEY) });
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

describe('the room’s window on the presenter channel', () => {
  it('a hello opens a presenter view and draws once; its "alive" messages draw nothing; its bye closes it', async () => {
    const renders = { count: 0, open: false };
    render(<Room renders={renders} />);
    const presenter = new BroadcastChannel(PRESENTER_CHANNEL);
    try {
      await say(presenter, { kind: 'hello', presenter: 'p-1' });
      expect(renders.open).toBe(true);
      const drawn = renders.count;
      for (let i = 0; i < 5; i++) await say(presenter, { kind: 'alive', presenter: 'p-1' });
      expect(renders.count).toBe(drawn);
      expect(renders.open).toBe(true);
      await say(presenter, { kind: 'bye', presenter: 'p-1' });
      expect(renders.open).toBe(false);
    } finally {
      presenter.close();
    }
  });

  describe('edge cases', () => {
    it('another window’s presenter view opens nothing here', async () => {
      const renders = { count: 0, open: false };
      render(<Room renders={renders} />);
      const presenter = new BroadcastChannel(PRESENTER_CHANNEL);
      try {
        await act(async () => {
          presenter.postMessage({ kind: 'hello', session: 'another-window', presenter: 'p-2' });
          await new Promise((resolve) => setTimeout(resolve, 20));
        });
        expect(renders.open).toBe(false);
      } finally {
        presenter.close();
      }
    });
  });
});
