import type { Board } from './board-schema';

/**
 * The board as the CLI prints it (`interlock plan board --json`): names instead of ids. In each
 * dependency `fromItem` waits on `toItem` of team `toTeam`, as everywhere in Interlock; `toItem` is
 * null for a dependency on a team alone, no item named yet.
 */
export function boardSummary(board: Board) {
  const columnName = new Map(board.columns.map((c) => [c.id, c.name]));
  return {
    increment: { name: board.increment.name, start: board.increment.start, end: board.increment.end, capacityUnit: board.increment.capacityUnit },
    iterations: board.columns.map((c) => ({ name: c.name, start: c.start, end: c.end })),
    teamIterations: board.increment.iterations.filter((i) => i.teamKey !== null).map((i) => ({ team: i.teamKey!, name: i.name, start: i.start, end: i.end })),
    teams: board.teams.map((t) => ({ key: t.key, name: t.name, group: t.group })),
    cells: board.cells
      .filter((c) => c.cards.length > 0 || c.capacity !== null)
      .map((c) => ({ team: c.teamKey, iteration: columnName.get(c.columnId)!, items: c.cards.map((k) => k.key), load: c.load, capacity: c.capacity, over: c.over })),
    milestones: board.milestones.map((m) => ({ name: m.name, date: m.date, team: m.teamKey })),
    dependencies: board.dependencies.map((d) => ({
      key: d.key,
      fromItem: d.consumer.itemKey,
      toItem: d.provider.itemKey,
      // Who provides: the only name a dependency on a team alone has (its toItem is null).
      toTeam: d.provider.teamKey,
      fromIteration: d.consumer.iterationName,
      toIteration: d.provider.iterationName,
      toCancelled: d.provider.cancelled,
      state: d.state,
      needAt: d.needAt,
      // The date as stated (null: none; needAt then follows the waiting item's iteration), so a script
      // can tell a date someone gave from the one the board assumes.
      neededBy: d.neededBy ?? null,
    })),
    objectives: board.objectives.map((o) => ({
      key: o.key,
      team: o.teamKeys[0] ?? null,
      level: o.level,
      title: o.title,
      businessValue: o.businessValue,
      actualValue: o.actualValue,
      committed: o.committed,
      parent: o.parentKey,
      items: o.itemKeys,
    })),
    predictability: board.predictability,
    lint: board.lint.map((l) => ({ rule: l.rule, message: l.message })),
  };
}
