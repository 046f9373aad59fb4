/**
 * The team an objective's dialog starts on: the objective's own first team, none for one that has
 * none (a program objective from an import), and the board's first team for a new one. Starting an
 * objective without teams on the board's first team saved it to that team unasked.
 */
export function objectiveTeamChoice(objective: { readonly teamKeys: readonly string[] } | null, boardTeams: readonly { readonly key: string }[]): string {
  if (objective) return objective.teamKeys[0] ?? '';
  return boardTeams[0]?.key ?? '';
}
