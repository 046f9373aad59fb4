import { z } from 'zod';
import { VoteCounts, VoteRound, VoteScope } from '../confidence/vote-schema';
import { OptionalText } from '../risks/risk-schema';
import { channel } from './channel';
import { RoomScopes } from './risks-channels';

// The confidence vote (docs/RISKS.md): fist-of-five tallies per team and for the whole increment,
// entered by the facilitator round by round. Counts only, never who voted what.

// As a risk saved: it ends the plan's undo (plan-undo.ts), so the Plan page's undo state is asked again.
const voteWrite = { mutates: ['votes.', 'plan.history'] } as const;

export const votesChannels = {
  'votes.list': channel(
    z.object({ increment: z.string().trim().min(1).max(200).optional() }),
    RoomScopes.extend({ rounds: z.array(VoteRound) }),
    'Every round of the confidence vote (about one increment when named), oldest first, with the teams and increments to vote for.',
  ),
  'votes.record': channel(
    z.object({ scope: VoteScope, increment: z.string().trim().min(1).max(200).nullable().default(null), counts: VoteCounts, note: OptionalText(500) }),
    VoteRound,
    'Record one round: how many voted 1, 2, 3, 4 and 5, for a team or the whole increment, with the time.',
    voteWrite,
  ),
  'votes.delete': channel(z.object({ id: z.number().int().positive() }), z.object({ deleted: z.boolean() }), 'Delete a round entered by mistake.', voteWrite),
};
