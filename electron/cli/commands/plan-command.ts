import { incrementNamed } from '../../backend/planning/plan-queries';
import { boardRisks, plannedCardRisks, risksWithStatus, type PlannedCardRisks } from '../../../shared/joins/board-risks';
import { boardConflicts } from '../../../shared/planning/board';
import { boardSummary } from '../../../shared/planning/board-summary';
import { boardTeamNames } from '../../../shared/planning/board-team-names';
import type { Board } from '../../../shared/planning/board-schema';
import { displayKey } from '../../../shared/planning/local-keys';
import { countDependencyKinds, DEPENDENCY_KIND_TEXT, DEPENDENCY_KINDS, dependencyEndPlace, dependencyText, providerWithoutItemText, type DependencyState } from '../../../shared/planning/dependency-state';
import type { CliCommand, CliIo } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, openToRead, parseCliArgs } from '../cli-support';

const SUBCOMMANDS = ['board', 'list', 'conflicts'] as const;

function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)} %`;
}

export const planCommand: CliCommand = {
  name: 'plan',
  usage: 'plan board|list|conflicts --workspace FILE [--increment NAME] [--json]',
  summary: 'The program board of an increment, the increments, or the dependency conflicts to talk through.',
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, {
      workspace: { type: 'string' },
      increment: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const [sub, ...rest] = positionals;
    if (!sub || !SUBCOMMANDS.includes(sub as (typeof SUBCOMMANDS)[number])) throw new UsageError(`expected one of ${SUBCOMMANDS.join(', ')}`);
    if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}`);
    if (!values.workspace) throw new UsageError('--workspace FILE is required');
    await openToRead(backend, values.workspace, io);

    if (sub === 'list') {
      const all = await callOrThrow(backend, 'plan.increments', {});
      // --increment NAME: that one alone, named as the board and its conflicts take it.
      const increments = values.increment === undefined ? all : [incrementNamed(all, values.increment)];
      const list = increments.map((i) => ({ name: i.name, start: i.start, end: i.end, iterations: i.iterations.map((t) => ({ name: t.name, start: t.start, end: t.end, team: t.teamKey })) }));
      if (values.json) io.out(JSON.stringify({ increments: list }, null, 2));
      else if (list.length === 0) io.out('No increments yet.');
      else for (const i of list) io.out(`${i.name}  ${i.start} – ${i.end}  (${i.iterations.length} iterations)`);
      return 0;
    }

    const board = await callOrThrow(backend, 'plan.board', { increment: values.increment });
    if (sub === 'conflicts') {
      const conflicts = boardConflicts(board).map((d) => ({
        key: d.key,
        fromItem: d.consumer.itemKey,
        fromTeam: d.consumer.teamKey,
        fromIteration: d.consumer.iterationName,
        toItem: d.provider.itemKey,
        toTeam: d.provider.teamKey,
        toIteration: d.provider.iterationName,
        toCancelled: d.provider.cancelled,
        state: d.state,
        needAt: d.needAt,
        neededBy: d.neededBy ?? null,
      }));
      if (values.json) io.out(JSON.stringify({ increment: board.increment.name, conflicts }, null, 2));
      else {
        const names = boardTeamNames(board);
        printConflicts(board.increment.name, conflicts, (key) => (key === null ? '?' : (names.get(key) ?? key)), io);
      }
      return 0;
    }
    const summary = boardSummary(board);
    // The risks domain's own channel, joined here as the Plan page joins it: the board knows no risks.
    const { risks } = await callOrThrow(backend, 'risks.board', {});
    const names = boardTeamNames(board);
    const joined = boardRisks(board, risks, (key) => (key === null ? 'no team' : (names.get(key) ?? key)));
    const marked = plannedCardRisks(board, joined.cards);
    if (values.json) io.out(JSON.stringify({ ...summary, openRisks: openRisksJson(board, marked) }, null, 2));
    else {
      printBoard(summary, io);
      printCardRisks(board, marked, joined.count, (key) => names.get(key) ?? key, io);
    }
    return 0;
  },
};

function printConflicts(
  increment: string,
  conflicts: { fromItem: string; fromTeam: string | null; toItem: string | null; toTeam: string | null; toCancelled: boolean; state: DependencyState; needAt: string; fromIteration: string | null; toIteration: string | null }[],
  teamName: (key: string | null) => string,
  io: CliIo,
): void {
  if (conflicts.length === 0) {
    io.out(`${increment}: no conflicts and no unplanned dependencies.`);
    return;
  }
  io.out(`${increment}: ${conflicts.length} dependencies to talk through, the oldest need first`);
  for (const c of conflicts) {
    const text = dependencyText({ state: c.state, provider: { cancelled: c.toCancelled } });
    const place = dependencyEndPlace({ iterationName: c.toIteration, cancelled: c.toCancelled });
    // As the board and plan board name them: teams by name, a card made here "New-3", never a stored key (--json keeps the keys).
    const provider = c.toItem === null ? providerWithoutItemText(teamName(c.toTeam)) : `${displayKey(c.toItem)} (${teamName(c.toTeam)}, ${place})`;
    io.out(`  ${text.symbol} ${c.needAt}  ${displayKey(c.fromItem)} (${teamName(c.fromTeam)}, ${c.fromIteration}) waits on ${provider}: ${text.label}`);
  }
}

function printBoard(summary: ReturnType<typeof boardSummary>, io: CliIo): void {
  io.out(`${summary.increment.name}  ${summary.increment.start} – ${summary.increment.end}  (load/capacity in ${summary.increment.capacityUnit}; ! over capacity)`);
  const width = Math.max(8, ...summary.teams.map((t) => t.name.length));
  const cellWidth = Math.max(8, ...summary.iterations.map((i) => i.name.length)) + 2;
  io.out(`${''.padEnd(width)}  ${summary.iterations.map((i) => i.name.padStart(cellWidth)).join('')}`);
  for (const team of summary.teams) {
    const row = summary.iterations.map((i) => {
      const cell = summary.cells.find((c) => c.team === team.key && c.iteration === i.name);
      if (!cell) return ''.padStart(cellWidth);
      const text = cell.capacity === null ? `${cell.load}` : `${cell.load}/${cell.capacity}${cell.over ? '!' : ''}`;
      return text.padStart(cellWidth);
    });
    io.out(`${team.name.padEnd(width)}  ${row.join('')}`);
  }
  // As the board and the report count them: a cancelled provider apart from those not planned.
  const counts = countDependencyKinds(summary.dependencies.map((d) => ({ state: d.state, provider: { cancelled: d.toCancelled } })));
  io.out(`Dependencies: ${DEPENDENCY_KINDS.map((kind) => `${counts[kind]} ${DEPENDENCY_KIND_TEXT[kind].label}`).join(', ')}`);
  io.out(`Predictability: ${percent(summary.predictability.increment)}${summary.predictability.unscoredTeams > 0 ? ` (${summary.predictability.unscoredTeams} teams not scored yet)` : ''}`);
  for (const l of summary.lint) io.out(`  ! ${l.message}`);
}

function iterationName(board: Pick<Board, 'columns'>, columnId: number): string {
  return board.columns.find((c) => c.id === columnId)?.name ?? '?';
}

/** Each planned card with open risks, as its marker counts them: `{item, team, iteration, risks: [{key, status}]}`. */
function openRisksJson(board: Pick<Board, 'columns'>, marked: readonly PlannedCardRisks[]) {
  return marked.map((c) => ({ item: c.item, team: c.teamKey, iteration: iterationName(board, c.columnId), risks: c.risks.map(({ risk }) => ({ key: risk.key, status: risk.status })) }));
}

function printCardRisks(board: Pick<Board, 'columns'>, marked: readonly PlannedCardRisks[], count: number, teamName: (key: string) => string, io: CliIo): void {
  if (marked.length === 0) return;
  io.out(`${count} open ${count === 1 ? 'risk' : 'risks'} on planned cards:`);
  for (const c of marked) io.out(`  ! ${displayKey(c.item)} (${teamName(c.teamKey)}, ${iterationName(board, c.columnId)}): ${risksWithStatus(c.risks.map(({ risk }) => risk))}`);
}
