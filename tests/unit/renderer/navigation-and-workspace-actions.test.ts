import { describe, expect, it } from 'vitest';
import { pageFromHash } from '../../../renderer/src/layout/navigation';
import { suggestPath } from '../../../renderer/src/workspace/workspace-actions';

describe('pageFromHash', () => {
  it('reads the page from the hash route', () => {
    expect(pageFromHash('#/flow')).toBe('flow');
    expect(pageFromHash('#/coordination/group-2')).toBe('coordination');
    expect(pageFromHash('#/teams?state=open')).toBe('teams');
  });

  describe('edge cases', () => {
    it('falls back to the overview for empty or unknown routes', () => {
      expect(pageFromHash('')).toBe('overview');
      expect(pageFromHash('#/')).toBe('overview');
      expect(pageFromHash('#/leaderboard')).toBe('overview');
      expect(pageFromHash('#/__proto__')).toBe('overview');
    });
  });
});

describe('workspace path helpers', () => {
  it('suggests a sibling of the current workspace', () => {
    expect(suggestPath('/home/ana/art.interlock', 'saveAs')).toBe('/home/ana/art-copy.interlock');
    expect(suggestPath('/home/ana/art.interlock', 'new')).toBe('/home/ana/new-workspace.interlock');
    expect(suggestPath('/home/ana/art.interlock', 'open')).toBe('/home/ana/art.interlock');
  });

  describe('edge cases', () => {
    it('works with Windows paths and with no current workspace', () => {
      expect(suggestPath('C:\\Users\\ana\\art.interlock', 'saveAs')).toBe('C:\\Users\\ana\\art-copy.interlock');
      expect(suggestPath(undefined, 'new')).toBe('');
    });
  });
});
