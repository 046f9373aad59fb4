import { describe, expect, it } from 'vitest';
import { EntityCounts } from '../../../shared/domain/entities';
import { ENTITY_NAMES } from '../../../shared/domain/entity-names';

// The entities' names live apart from their schema (so a page names them without loading zod);
// the two must not drift.

describe('entity names', () => {
  it('are the EntityCounts schema’s keys, in its order', () => {
    expect([...ENTITY_NAMES]).toEqual(Object.keys(EntityCounts.shape));
  });

  describe('edge cases', () => {
    it('a count for every name is what the schema accepts; one missing is refused', () => {
      const counts = Object.fromEntries(ENTITY_NAMES.map((name) => [name, 0]));
      expect(EntityCounts.safeParse(counts).success).toBe(true);
      const { releases: _left, ...missing } = counts;
      expect(EntityCounts.safeParse(missing).success).toBe(false);
    });
  });
});
