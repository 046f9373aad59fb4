import { describe, expect, it } from 'vitest';
import { addressWithIncrementRenamed } from '../../../electron/backend/room/deck-store';

// A deck view's address after its increment was renamed on the Plan page.

describe('addressWithIncrementRenamed', () => {
  it('renames the increment where the Plan, Confidence and Risks pages name it, and keeps the rest of the view', () => {
    expect(addressWithIncrementRenamed('/confidence?increment=PI+26.4', 'PI 26.4', 'PI 26.4 (Q4)')).toBe('/confidence?increment=PI+26.4+%28Q4%29');
    expect(new URLSearchParams(addressWithIncrementRenamed('/risks?scope=increment%3API%2026.4&teams=pay', 'PI 26.4', 'Q4')!.split('?')[1]).toString()).toBe('scope=increment%3AQ4&teams=pay');
  });

  describe('edge cases', () => {
    it('an address that does not name that increment comes back byte for byte', () => {
      for (const address of ['/plan', '/plan?increment=PI%2026.40', '/risks?scope=team%3API%2026.4', '/flow?teams=PI%2026.4', '/plan?tab=board&increment=']) {
        expect(addressWithIncrementRenamed(address, 'PI 26.4', 'Q4')).toBe(address);
      }
    });

    it('a name with characters an address escapes is read and written escaped', () => {
      expect(addressWithIncrementRenamed('/plan?increment=R%26D+%231', 'R&D #1', 'R&D #2')).toBe('/plan?increment=R%26D+%232');
    });
  });
});
