import type { Board } from './board-schema';

/**
 * Every team a board names, by key: its rows, and the providers' teams with nothing on the board
 * (a dependency on a team alone, or on an item of a team with no planned work), which no row names.
 */
export function boardTeamNames(board: Pick<Board, 'teams' | 'dependencies'>): Map<string, string> {
  const names = new Map(board.teams.map((t) => [t.key, t.name]));
  for (const { provider } of board.dependencies) {
    if (provider.teamKey !== null && provider.teamName !== null && !names.has(provider.teamKey)) names.set(provider.teamKey, provider.teamName);
  }
  return names;
}
