import { describe, expect, it } from 'vitest';
import { shownDependencyCost } from '../../../shared/forecast/dependency-cost';

describe('the dependency cost shown', () => {
  it('a cost of half a point or more either way is shown as it is', () => {
    expect(shownDependencyCost(0.37)).toBe(0.37);
    expect(shownDependencyCost(0.005)).toBe(0.005);
    expect(shownDependencyCost(-0.02)).toBe(-0.02);
  });

  describe('edge cases', () => {
    it('within half a point either way (sampling noise at ten thousand trials), and unknown, it is not shown', () => {
      expect(shownDependencyCost(0)).toBeNull();
      expect(shownDependencyCost(-0.0014)).toBeNull();
      expect(shownDependencyCost(0.0049)).toBeNull();
      expect(shownDependencyCost(null)).toBeNull();
    });
  });
});
