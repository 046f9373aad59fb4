import { describe, expect, it } from 'vitest';
import { medianOfCounts, roundsByScope, voteDistribution } from '../../../shared/confidence/vote-distribution';
import { VoteCounts, type VoteRound } from '../../../shared/confidence/vote-schema';

const round = (id: number, kind: 'team' | 'increment', key: string, at: string, counts: VoteRound['counts']): VoteRound => ({ id, scope: { kind, key }, increment: 'PI 26.4', at, counts, note: null });

describe('confidence vote distribution', () => {
  it('12 votes [0, 2, 3, 5, 2]: shares, median 4 (the 6th and 7th votes are 4 and 4), two low votes to hear', () => {
    const d = voteDistribution([0, 2, 3, 5, 2]);
    expect(d.total).toBe(12);
    expect(d.shares.map((s) => Math.round(s * 1000) / 1000)).toEqual([0, 0.167, 0.25, 0.417, 0.167]);
    // Sorted: 2 2 3 3 3 4 4 4 4 4 5 5; h = 5.5 → between the 6th (4) and the 7th (4).
    expect(d.median).toBe(4);
    expect(d.low).toBe(2);
    expect(d.high).toBe(7);
    expect(d.reading).toBe('2 votes of 12 are 1 or 2: hear those concerns before committing.');
  });

  it('an even split interpolates: 1 vote of 3 and 1 of 4 give a median of 3.5', () => {
    expect(medianOfCounts([0, 0, 1, 1, 0])).toBe(3.5);
    // 1 2 3 3 3 5 5 → the 4th vote.
    expect(medianOfCounts([1, 1, 3, 0, 2])).toBe(3);
  });

  it('rounds per scope: the latest shown, the earlier kept newest first; the increment first, then teams by name — never by their votes', () => {
    const names = new Map([
      ['checkout', 'Checkout'],
      ['basket', 'Basket'],
    ]);
    const rounds = [
      round(1, 'team', 'checkout', '2026-11-02T10:00:00.000Z', [5, 0, 0, 0, 0]),
      round(2, 'team', 'basket', '2026-11-02T10:05:00.000Z', [0, 0, 0, 0, 9]),
      round(3, 'team', 'checkout', '2026-11-02T11:00:00.000Z', [0, 0, 1, 3, 1]),
      round(4, 'increment', 'PI 26.4', '2026-11-02T12:00:00.000Z', [0, 1, 20, 30, 9]),
    ];
    const scopes = roundsByScope(rounds, (k) => names.get(k) ?? k);
    expect(scopes.map((s) => s.label)).toEqual(['Whole increment: PI 26.4', 'Basket', 'Checkout']);
    const checkout = scopes.find((s) => s.scope.key === 'checkout')!;
    expect(checkout.latest.id).toBe(3);
    expect(checkout.earlier.map((r) => r.id)).toEqual([1]);
  });

  describe('edge cases', () => {
    it('one vote: it is the median; all fives: no low votes', () => {
      const d = voteDistribution([0, 0, 0, 0, 1]);
      expect(d).toMatchObject({ total: 1, median: 5, low: 0, high: 1, reading: 'No votes of 1 or 2 among 1.' });
      expect(voteDistribution([1, 0, 0, 0, 0]).reading).toBe('1 vote of 1 is 1 or 2: hear that concern before committing.');
    });

    it('counts are checked: no empty round, no negative or fractional count, exactly five values', () => {
      expect(VoteCounts.safeParse([0, 0, 0, 0, 0]).success).toBe(false);
      expect(VoteCounts.safeParse([1, -1, 0, 0, 0]).success).toBe(false);
      expect(VoteCounts.safeParse([1.5, 0, 0, 0, 0]).success).toBe(false);
      expect(VoteCounts.safeParse([1, 0, 0, 0]).success).toBe(false);
      expect(VoteCounts.safeParse([0, 0, 0, 0, 3]).success).toBe(true);
    });

    it('two rounds at the same instant: the later-entered one is the latest', () => {
      const at = '2026-11-02T10:00:00.000Z';
      const [only] = roundsByScope([round(7, 'team', 'a', at, [1, 0, 0, 0, 0]), round(8, 'team', 'a', at, [0, 1, 0, 0, 0])], (k) => k);
      expect(only!.latest.id).toBe(8);
    });

    it('the input counts are not changed', () => {
      const counts: VoteRound['counts'] = [1, 2, 3, 4, 5];
      const d = voteDistribution(counts);
      d.counts[0] = 99;
      expect(counts[0]).toBe(1);
    });
  });
});
