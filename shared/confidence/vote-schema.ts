import { z } from 'zod';
import { Key } from '../domain/entities';
import { UtcTimestamp } from '../domain/date-schemas';
import { MAX_VOTES_OF_ONE_VALUE } from './vote-count-text';

// A fist-of-five confidence vote as the facilitator enters it: how many people showed 1 … 5
// fingers, per team or for the whole increment, one round at a time. Never who voted what.

export const VOTE_SCOPE_KINDS = ['increment', 'team'] as const;
export const VoteScope = z.object({ kind: z.enum(VOTE_SCOPE_KINDS), key: Key });
export type VoteScope = z.infer<typeof VoteScope>;

const Count = z.number().int('whole votes only').min(0, 'no negative counts').max(MAX_VOTES_OF_ONE_VALUE, `at most ${MAX_VOTES_OF_ONE_VALUE.toLocaleString('en-US')} votes of one value`);

/** Votes of 1, 2, 3, 4 and 5, in that order. */
export const VoteCounts = z
  .tuple([Count, Count, Count, Count, Count])
  .refine((c) => c.some((n) => n > 0), 'a round needs at least one vote');
export type VoteCounts = z.infer<typeof VoteCounts>;

export const VoteRound = z.object({
  id: z.number().int(),
  scope: VoteScope,
  /** The increment the vote is about (by name); for a whole-increment vote its own key. */
  increment: z.string().nullable(),
  at: UtcTimestamp,
  counts: VoteCounts,
  note: z.string().nullable(),
});
export type VoteRound = z.infer<typeof VoteRound>;
