import { describe, expect, it } from 'vitest';
import { dependencyKeyText, displayKey } from '../../../shared/planning/local-keys';

describe('keys made in Interlock, as people read them', () => {
  it('a card reads New-N; a dependency, numbered apart from the cards, reads "dependency New-N", so that it is never taken for card New-N', () => {
    expect(displayKey('interlock:item:1')).toBe('New-1');
    expect(dependencyKeyText('interlock:dep:1')).toBe('dependency New-1');
    expect(dependencyKeyText('interlock:dep:1')).not.toBe(displayKey('interlock:item:1'));
  });

  it('a tracker’s key reads as the tracker writes it', () => {
    expect(dependencyKeyText('DEP-221')).toBe('DEP-221');
    expect(displayKey('CHK-26')).toBe('CHK-26');
  });
});
