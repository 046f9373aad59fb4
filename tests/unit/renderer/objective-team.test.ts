import { describe, expect, it } from 'vitest';
import { objectiveTeamChoice } from '../../../renderer/src/planning/objective-team';

// The team the Objectives dialog starts on: saved as it stands, it must not move an objective.

const teams = [{ key: 'basket' }, { key: 'checkout' }];

describe('objectiveTeamChoice', () => {
  it('an objective keeps its first team; a new one starts on the board’s first team', () => {
    expect(objectiveTeamChoice({ teamKeys: ['checkout', 'basket'] }, teams)).toBe('checkout');
    expect(objectiveTeamChoice(null, teams)).toBe('basket');
  });

  describe('edge cases', () => {
    it('an objective without teams (a program objective from an import) starts on none, not on the board’s first team', () => {
      expect(objectiveTeamChoice({ teamKeys: [] }, teams)).toBe('');
    });

    it('a board without teams offers none', () => {
      expect(objectiveTeamChoice(null, [])).toBe('');
    });
  });
});
