import { describe, expect, it } from 'vitest';
import { MAX_VOTES_OF_ONE_VALUE, readVoteCount } from '../../../shared/confidence/vote-count-text';
import { VoteCounts } from '../../../shared/confidence/vote-schema';

describe('a vote count as typed', () => {
  it('digits are the count; an empty field is 0; spaces around are forgiven, leading zeros too', () => {
    expect(readVoteCount('20')).toEqual({ ok: true, count: 20 });
    expect(readVoteCount('')).toEqual({ ok: true, count: 0 });
    expect(readVoteCount(' 7 ')).toEqual({ ok: true, count: 7 });
    expect(readVoteCount('007')).toEqual({ ok: true, count: 7 });
    expect(readVoteCount('10000')).toEqual({ ok: true, count: 10_000 });
  });

  it('"0x5", "1e3", "2.0", "-1", "5 5" are not counts: Number() read the first three as 5, 1000 and 2 votes', () => {
    for (const typed of ['0x5', '1e3', '2.0', '-1', '5 5', '+3', '٣']) {
      const reading = readVoteCount(typed);
      expect(reading.ok, typed).toBe(false);
      expect(reading.ok ? '' : reading.problem).toBe(`“${typed}” is not a count: type digits only, 0 or more.`);
    }
  });

  it('more than 10,000 says the limit, the one the contract holds', () => {
    expect(readVoteCount('10001')).toEqual({ ok: false, problem: 'at most 10,000 votes of one value (10001 typed).' });
    expect(VoteCounts.safeParse([MAX_VOTES_OF_ONE_VALUE, 0, 0, 0, 0]).success).toBe(true);
    expect(VoteCounts.safeParse([MAX_VOTES_OF_ONE_VALUE + 1, 0, 0, 0, 0]).success).toBe(false);
  });
});
