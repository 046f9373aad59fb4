import type { Database } from 'better-sqlite3';
import type { VoteCounts, VoteScope } from '../../../shared/confidence/vote-schema';
import { MS_PER_DAY, MS_PER_HOUR } from '../../../shared/domain/time';
import { boardConflicts, buildBoard } from '../../../shared/planning/board';
import type { RiskScope, RiskStatus } from '../../../shared/risks/risk-schema';
import * as plan from '../planning/plan-queries';
import { raiseDependencyRisk } from '../risks/raise-risk';
import { moveRisk, saveRisk } from '../risks/risk-queries';
import { saveDeck } from '../room/deck-store';
import { coordinationGroups } from '../risks/room-scopes';
import { recordVoteRound } from '../risks/vote-queries';

// The demo's PI planning room: risks on the ROAM board (team, coordination group and increment
// scopes, some raised from the plan's conflicts, most already talked through), a confidence
// vote with a second round for one team, and a deck of the final plan review ready to present. Times are the planning days before the data's end, so
// the demo is the same on every machine.

interface DemoRisk {
  title: string;
  description: string;
  scope: RiskScope | null;
  ownerTeamKey: string | null;
  ownerPerson: string | null;
  status: RiskStatus;
}

export function writeDemoRoom(db: Database, options: { endMs: number }): void {
  const lastDay = options.endMs - MS_PER_DAY;
  const raisedAt = lastDay - 2 * MS_PER_DAY + 10 * MS_PER_HOUR;
  const roamedAt = lastDay - MS_PER_DAY + 15 * MS_PER_HOUR;
  const groups = coordinationGroups(db);
  const groupOf = (team: string): RiskScope | null => {
    const g = groups.find((x) => x.teamKeys.includes(team));
    return g ? { kind: 'group', key: g.key } : null;
  };
  const increment: RiskScope = { kind: 'increment', key: 'PI 26.4' };
  const risks: DemoRisk[] = [
    {
      title: 'Payment provider retires its v2 card API in December',
      description: 'Checkout, Basket and Pricing all call it; the v3 migration is not planned yet.',
      scope: groupOf('checkout'),
      ownerTeamKey: 'checkout',
      ownerPerson: 'Mara Lind',
      status: 'owned',
    },
    { title: 'Peak-season code freeze overlaps Iteration 2', description: 'Two weeks without production releases in the middle of the increment.', scope: increment, ownerTeamKey: null, ownerPerson: null, status: 'accepted' },
    {
      title: 'Bank settlement file format not agreed yet',
      description: 'Settlements and Reporting build on a format the bank may still change.',
      scope: groupOf('settlements'),
      ownerTeamKey: 'settlements',
      ownerPerson: null,
      status: 'mitigated',
    },
    { title: 'Only one engineer knows the ranking pipeline', description: 'Search ranking changes stop when she is away.', scope: { kind: 'team', key: 'search' }, ownerTeamKey: 'search', ownerPerson: 'Ines Okafor', status: 'owned' },
    { title: 'Load-test environment shared by four teams', description: 'Bookings collide in the last iteration.', scope: increment, ownerTeamKey: 'platform', ownerPerson: null, status: 'unroamed' },
    { title: 'KYC vendor contract renewal', description: 'Signed on Thursday.', scope: { kind: 'team', key: 'onboarding' }, ownerTeamKey: 'onboarding', ownerPerson: null, status: 'resolved' },
    { title: 'Single sign-on needs a security review slot', description: 'The security team has one review slot this increment.', scope: { kind: 'team', key: 'identity' }, ownerTeamKey: 'identity', ownerPerson: null, status: 'unroamed' },
  ];
  for (const r of risks) {
    const key = saveRisk(db, { title: r.title, description: r.description, ownerTeamKey: r.ownerTeamKey, ownerPerson: r.ownerPerson, scope: r.scope ?? increment, status: 'unroamed', links: {}, who: null }, raisedAt);
    if (r.status !== 'unroamed') moveRisk(db, { key, status: r.status, beforeKey: null, who: 'RTE', note: null }, roamedAt);
  }

  // The plan's conflicts, raised as risks in the room and not talked through yet.
  const current = plan.resolveIncrement(db, 'PI 26.4', null);
  const board = buildBoard(plan.readPlanData(db, current, null), 'value-stream');
  for (const c of boardConflicts(board).filter((d) => d.state === 'conflict')) raiseDependencyRisk(db, c.key, null, raisedAt + MS_PER_HOUR);

  const voteAt = lastDay + 16 * MS_PER_HOUR;
  const votes: [VoteScope['kind'], string, VoteCounts, number][] = [
    ['team', 'search', [1, 3, 2, 0, 0], voteAt - 2 * MS_PER_HOUR],
    ['team', 'checkout', [0, 1, 3, 4, 1], voteAt - MS_PER_HOUR],
    ['team', 'basket', [0, 0, 2, 5, 2], voteAt - MS_PER_HOUR],
    ['team', 'settlements', [0, 2, 4, 2, 0], voteAt - MS_PER_HOUR],
    ['team', 'search', [0, 1, 2, 4, 1], voteAt - 30 * 60_000],
    ['increment', 'PI 26.4', [0, 2, 9, 21, 8], voteAt],
  ];
  for (const [kind, key, counts, at] of votes) recordVoteRound(db, { scope: { kind, key }, increment: 'PI 26.4', counts, note: null }, at);

  // The facilitator's running order for the last hour of PI planning, so that Present shows what
  // the room mode is for from the first start; timeboxes as a typical agenda gives them.
  saveDeck(
    db,
    {
      name: 'PI 26.4 final plan review',
      entries: [
        // The plan's and the vote's views name PI 26.4: once a next increment is imported they
        // still show this one, as the deck's name promises (ROOM.md, "Views pin their increment").
        { title: 'The program board', address: '/plan?increment=PI+26.4', timeboxSeconds: 600 },
        { title: 'How likely the plan holds', address: '/plan?increment=PI+26.4&tab=confidence', timeboxSeconds: 300 },
        { title: 'Objectives and business value', address: '/plan?increment=PI+26.4&tab=objectives', timeboxSeconds: 300 },
        { title: 'Risks, ROAMed', address: '/risks', timeboxSeconds: 600 },
        { title: 'Confidence vote', address: '/confidence?increment=PI+26.4', timeboxSeconds: 300 },
        { title: 'Which forum each group needs', address: '/coordination', timeboxSeconds: 300 },
      ],
    },
    roamedAt + MS_PER_HOUR,
  );
}
