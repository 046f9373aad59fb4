import { describe, expect, it } from 'vitest';
import { stillToVote, stillToVoteText } from '../../../shared/confidence/vote-distribution';

const teams = [
  { key: 'search', name: 'Search' },
  { key: 'basket', name: 'Basket' },
  { key: 'catalog', name: 'Catalog' },
  { key: 'checkout', name: 'Checkout' },
];
const team = (key: string) => ({ scope: { kind: 'team' as const, key } });
const whole = { scope: { kind: 'increment' as const, key: 'PI 26.4' } };

describe('who is still to vote', () => {
  it('the teams with no round, by name, counted against every team; a team with two rounds is one team that voted', () => {
    const s = stillToVote(teams, [whole, team('search'), team('search'), team('basket')]);
    expect(s).toEqual({ teams: [{ key: 'catalog', name: 'Catalog' }, { key: 'checkout', name: 'Checkout' }], of: 4, wholeIncrement: false });
    expect(stillToVoteText(s)).toBe('Still to vote: 2 of 4 teams — Catalog, Checkout.');
  });

  it('says when the whole increment has not voted either, and when every team has', () => {
    expect(stillToVoteText(stillToVote(teams, [team('basket')]))).toBe('Still to vote: 3 of 4 teams — Catalog, Checkout, Search. The whole increment has not voted yet either.');
    expect(stillToVoteText(stillToVote(teams, teams.map((t) => team(t.key))))).toBe('Every team has voted (4 of 4). The whole increment has not voted yet either.');
    expect(stillToVoteText(stillToVote(teams, [whole, ...teams.map((t) => team(t.key))]))).toBe('Every team has voted (4 of 4).');
  });

  it('a round for a team of another key does not count for this one', () => {
    expect(stillToVote([{ key: 'search', name: 'Search' }], [team('Search')]).teams).toEqual([{ key: 'search', name: 'Search' }]);
    expect(stillToVote([], [])).toEqual({ teams: [], of: 0, wholeIncrement: true });
  });
});
