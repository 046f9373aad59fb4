import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../electron/backend/import/garbage-collection';

/** An object nothing refers to once this returns, watched through a WeakRef. */
function abandoned(): WeakRef<object> {
  return new WeakRef({ payload: new Array(1000).fill('x') });
}

// A WeakRef's target stays alive until the end of the job that made or read it: wait one turn.
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('collectGarbage', () => {
  it('collects an object nothing refers to any more', async () => {
    const ref = abandoned();
    await nextTurn();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('keeps what is still referred to', async () => {
    const kept = { payload: [1, 2, 3] };
    const ref = new WeakRef(kept);
    await nextTurn();
    collectGarbage();
    expect(ref.deref()).toBe(kept);
  });

  describe('edge cases', () => {
    it('leaves no gc function behind for other code to find', () => {
      collectGarbage();
      expect(runInNewContext('typeof gc')).toBe('undefined');
    });

    it('collects again when called twice in a row', async () => {
      collectGarbage();
      const ref = abandoned();
      await nextTurn();
      collectGarbage();
      expect(ref.deref()).toBeUndefined();
    });
  });
});
