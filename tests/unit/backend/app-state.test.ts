import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppState } from '../../../electron/backend/app-state';
import { tempDir } from '../../support/temp-files';

describe('AppState (recent workspaces, reopen on start)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let a: string;
  let b: string;
  beforeEach(() => {
    tmp = tempDir();
    a = tmp.path('a.interlock');
    b = tmp.path('b.interlock');
    writeFileSync(a, '');
    writeFileSync(b, '');
  });
  afterEach(() => tmp.cleanup());

  it('starts as a first run with nothing to reopen', () => {
    const state = new AppState(join(tmp.dir, 'state'));
    expect(state.isFirstRun()).toBe(true);
    expect(state.lastOpened()).toBeNull();
    expect(state.recent()).toEqual([]);
  });

  it('remembers workspaces newest first, without duplicates, and reopens the last one', () => {
    const state = new AppState(join(tmp.dir, 'state'));
    state.remember(a, 'A', new Date('2026-01-01T00:00:00Z'));
    state.remember(b, 'B', new Date('2026-01-02T00:00:00Z'));
    state.remember(a, 'A', new Date('2026-01-03T00:00:00Z'));
    expect(state.recent().map((r) => r.name)).toEqual(['A', 'B']);
    expect(state.lastOpened()).toBe(a);
    expect(state.isFirstRun()).toBe(false);
  });

  it('after a deliberate close, nothing is reopened but the recent list stays', () => {
    const state = new AppState(join(tmp.dir, 'state'));
    state.remember(a, 'A');
    state.forgetLast();
    expect(state.lastOpened()).toBeNull();
    expect(state.recent()).toHaveLength(1);
  });

  describe('edge cases', () => {
    it('marks missing files, but still reports the last one so the start can say it is gone', () => {
      const state = new AppState(join(tmp.dir, 'state'));
      state.remember(tmp.path('gone.interlock'), 'Gone');
      expect(state.recent()[0]!.exists).toBe(false);
      expect(state.lastOpened()).toBe(tmp.path('gone.interlock'));
    });

    it('a damaged state file is ignored, not fatal', () => {
      const dir = join(tmp.dir, 'state');
      const state = new AppState(dir);
      state.remember(a, 'A');
      writeFileSync(join(dir, 'state.json'), '{ not json');
      expect(state.recent()).toEqual([]);
      state.remember(b, 'B');
      expect(state.recent().map((r) => r.name)).toEqual(['B']);
    });

    it('keeps at most ten recent workspaces', () => {
      const state = new AppState(join(tmp.dir, 'state'));
      for (let i = 0; i < 14; i++) state.remember(tmp.path(`w${i}.interlock`), `W${i}`);
      expect(state.recent()).toHaveLength(10);
      expect(state.recent()[0]!.name).toBe('W13');
    });
  });
});
