import type { votesChannels } from '../../../shared/contract/votes-channels';
import { AppError } from '../../../shared/contract/result';
import { roomScopes } from '../risks/room-scopes';
import { withoutDataChange } from '../store/workspace-memory';
import { deleteVoteRound, listVoteRounds, recordVoteRound } from '../risks/vote-queries';
import type { HandlerMap } from './handler-types';

export const votesHandlers: HandlerMap<typeof votesChannels> = {
  'votes.list': ({ increment }, { session }) => {
    const { db } = session.require();
    return { ...roomScopes(db), rounds: listVoteRounds(db, increment) };
  },

  'votes.record': (input, { session }) => {
    const { db } = session.require();
    if (input.scope.kind === 'team' && db.prepare('SELECT 1 FROM teams WHERE key = ?').get(input.scope.key) === undefined) {
      throw new AppError('invalid-input', `There is no team "${input.scope.key}" in this workspace to record a vote for.`);
    }
    // One round, one transaction; no cache reads votes.
    return withoutDataChange(db, () => db.transaction(() => recordVoteRound(db, input, Date.now()))());
  },

  'votes.delete': ({ id }, { session }) => {
    const { db } = session.require();
    return { deleted: withoutDataChange(db, () => db.transaction(() => deleteVoteRound(db, id))()) };
  },
};
