import type { VoteCounts, VoteRound, VoteScope } from './vote-schema';

// What a round of fist-of-five shows: the distribution (how many 1s … 5s), never a score to rank
// teams by. The median and the votes of 1 or 2 say whether the room should talk before it commits:
// in SAFe's practice anyone who votes 1 or 2 is heard first. docs/RISKS.md defines each figure.

export interface VoteDistribution {
  total: number;
  counts: VoteCounts;
  /** Each value's share of the votes (0 … 1), 1s first. */
  shares: [number, number, number, number, number];
  /** Linear interpolation between the middle votes (R type 7): 3 and 4 give 3.5. */
  median: number;
  /** Votes of 1 or 2: people to hear before committing. */
  low: number;
  /** Votes of 4 or 5. */
  high: number;
  /** One sentence for the room. */
  reading: string;
}

/** The vote at 0-based rank `rank` of the sorted votes, read off the counts. */
function voteAt(counts: VoteCounts, rank: number): number {
  let seen = 0;
  for (let v = 0; v < 5; v++) {
    seen += counts[v]!;
    if (rank < seen) return v + 1;
  }
  return 5;
}

export function medianOfCounts(counts: VoteCounts): number {
  const n = counts.reduce((a, b) => a + b, 0);
  const h = (n - 1) * 0.5;
  const lo = voteAt(counts, Math.floor(h));
  const hi = voteAt(counts, Math.ceil(h));
  return lo + (h - Math.floor(h)) * (hi - lo);
}

function votes(n: number): string {
  return `${n} ${n === 1 ? 'vote' : 'votes'}`;
}

export function voteDistribution(counts: VoteCounts): VoteDistribution {
  const total = counts.reduce((a, b) => a + b, 0);
  const shares = counts.map((c) => (total === 0 ? 0 : c / total)) as VoteDistribution['shares'];
  const low = counts[0] + counts[1];
  const high = counts[3] + counts[4];
  const reading =
    low > 0
      ? `${votes(low)} of ${total} ${low === 1 ? 'is' : 'are'} 1 or 2: hear ${low === 1 ? 'that concern' : 'those concerns'} before committing.`
      : `No votes of 1 or 2 among ${total}.`;
  return { total, counts: [...counts] as VoteCounts, shares, median: medianOfCounts(counts), low, high, reading };
}

export interface ScopeRounds {
  scope: VoteScope;
  label: string;
  latest: VoteRound;
  /** Earlier rounds, newest first. */
  earlier: VoteRound[];
}

/**
 * Rounds per scope, the latest shown and the earlier kept: the whole increment first, then the
 * teams by name. Never ordered by the votes: a distribution is not a ranking.
 */
export function roundsByScope(rounds: readonly VoteRound[], teamName: (key: string) => string): ScopeRounds[] {
  const groups = new Map<string, VoteRound[]>();
  for (const r of rounds) {
    const id = `${r.scope.kind}:${r.scope.key}`;
    groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  const out: ScopeRounds[] = [...groups.values()].map((list) => {
    const sorted = [...list].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
    const scope = sorted[0]!.scope;
    return { scope, label: scope.kind === 'increment' ? `Whole increment: ${scope.key}` : teamName(scope.key), latest: sorted[0]!, earlier: sorted.slice(1) };
  });
  return out.sort((a, b) => (a.scope.kind === b.scope.kind ? a.label.localeCompare(b.label) : a.scope.kind === 'increment' ? -1 : 1));
}

export interface StillToVote {
  /** The teams with no round for the increment, by name. */
  teams: { key: string; name: string }[];
  /** Every team the increment's votes can be for. */
  of: number;
  /** No round of the whole increment yet. */
  wholeIncrement: boolean;
}

/**
 * Who has not voted on the increment yet: the cards show only the teams that have, so the
 * facilitator could not see who was missing (4 of 12 cards, no word of the other 8).
 */
export function stillToVote(teams: readonly { key: string; name: string }[], rounds: readonly Pick<VoteRound, 'scope'>[]): StillToVote {
  const voted = new Set(rounds.map((r) => `${r.scope.kind}:${r.scope.key}`));
  const missing = teams.filter((t) => !voted.has(`team:${t.key}`)).sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
  return { teams: missing.map((t) => ({ key: t.key, name: t.name })), of: teams.length, wholeIncrement: !rounds.some((r) => r.scope.kind === 'increment') };
}

/** "Still to vote: 8 of 12 teams — Catalog, Fulfilment, …", and the whole increment when it has not voted either. */
export function stillToVoteText(s: StillToVote): string {
  const room = s.wholeIncrement ? ' The whole increment has not voted yet either.' : '';
  if (s.of === 0) return s.wholeIncrement ? 'The whole increment has not voted yet.' : '';
  if (s.teams.length === 0) return `Every team has voted (${s.of} of ${s.of}).${room}`;
  const count = `${s.teams.length} of ${s.of} ${s.of === 1 ? 'team' : 'teams'}`;
  return `Still to vote: ${count} — ${s.teams.map((t) => t.name).join(', ')}.${room}`;
}
