// What a planning import (the templates, a bundle's planning lists) may write, asked in the same
// words by the preview (shared/import/record-checker.ts) and by the write
// (electron/backend/planning/plan-import.ts): a preview that let through what the write then
// refused promised an import that never came.

import { formatCalendarDate } from '../domain/calendar-date';
import { MS_PER_DAY } from '../domain/time';
import type { PlanningRecord } from '../import/import-records';

/** Where a planning row came from: its file, and its line (a CSV) or its place in a bundle (`iterations[2]`). */
export interface RowOrigin {
  file: string;
  line: number | null;
  path?: string;
}

export interface DatedIncrement {
  name: string;
  start: number;
  /** Exclusive: the midnight after the last day. */
  end: number;
  /** Null: the workspace holds it and the import does not name it. */
  from: RowOrigin | null;
}

export interface DatedIteration {
  increment: string;
  name: string;
  /** Null for the shared cadence; a team key for that team's own sprint. */
  teamKey: string | null;
  start: number;
  end: number;
  from: RowOrigin | null;
}

export interface DatedMilestone {
  increment: string;
  name: string;
  /** Its day's midnight. */
  at: number;
  from: RowOrigin | null;
}

/** Increments, their iterations and milestones with their days: the workspace's, or as an import will leave them. */
export interface PlanDates {
  increments: DatedIncrement[];
  iterations: DatedIteration[];
  milestones: DatedMilestone[];
}

/**
 * The teams whose own sprints are all that holds an iteration name, for a capacity or plan row of
 * `teamKey`; null when the row may use it. The write takes the team's own sprint of that name
 * first, else the shared iteration: another team's sprint is no iteration of this team's.
 * `cadences` are the cadences holding the name (null: the shared one); empty, the name is unknown.
 */
export function otherTeamsHolding(cadences: ReadonlySet<string | null>, teamKey: string): string[] | null {
  if (cadences.has(teamKey) || cadences.has(null)) return null;
  return [...cadences].filter((t): t is string => t !== null).sort();
}

/** Why a capacity or plan row cannot go in another team's sprint, and where it can go. */
export function otherTeamsSprint(kind: 'capacity' | 'planned', iteration: string, owners: readonly string[], teamKey: string): string {
  const whose = `${iteration} is a sprint of ${owners.join(' and ')}, not of ${teamKey}`;
  return kind === 'capacity'
    ? `${whose}: ${teamKey}'s capacity goes in its own sprints or the shared iterations.`
    : `${whose}: plan ${teamKey}'s work in a shared iteration or in one of its own sprints.`;
}

/** A planning row that cannot stand in the plan an import would leave: where, which cell, and why. */
export interface PlanProblem {
  from: RowOrigin;
  /** The template's column ("start", "end", "date"). */
  column: 'start' | 'end' | 'date';
  /** That cell's day. */
  value: string;
  message: string;
}

/** "iterations.csv, line 3", "plan.json, iterations[2]": where a row stands, for a refusal. */
export function whereFrom(from: RowOrigin): string {
  if (from.line !== null) return `${from.file}, line ${from.line}`;
  return from.path === undefined ? from.file : `${from.file}, ${from.path}`;
}

/**
 * The cell an issue names: the template's column (`header`, when it is named otherwise there than
 * its field is in the bundle), or in a bundle the field at the row's place ("iterations[1].start").
 */
export function cellOf(from: { line: number | null; path?: string }, column: string, header = column): string {
  return from.line === null && from.path !== undefined ? `${from.path}.${column}` : header;
}

const day = (ms: number) => formatCalendarDate(ms);
const lastDay = (end: number) => formatCalendarDate(end - MS_PER_DAY);
const span = (d: { start: number; end: number }) => `${day(d.start)} – ${lastDay(d.end)}`;
const rowId = (from: RowOrigin) => `${from.file}\u0000${from.line ?? from.path}`;
const originOf = (r: PlanningRecord): RowOrigin => ({ file: r.file ?? 'a planning file', line: r.line, ...(r.path === undefined ? {} : { path: r.path }) });

/** An iteration is found again by its increment, its cadence and its name (plan-import.ts). */
const iterationKey = (i: { increment: string; teamKey: string | null; name: string }) => `${i.increment}\u0000${i.teamKey ?? ''}\u0000${i.name}`;

/**
 * The increments, iterations and milestones as an import will leave them: what the workspace
 * holds, each one the import names replaced by the last row naming it (an import updates by name
 * and deletes nothing), the import's own after the workspace's in the order the import gives them.
 */
export function planAfterImport(workspace: PlanDates, records: readonly PlanningRecord[]): PlanDates {
  const increments = new Map(workspace.increments.map((i) => [i.name, i]));
  const iterations = new Map(workspace.iterations.map((i) => [iterationKey(i), i]));
  // A milestone is found again by its increment and name (the first of that name, as the write finds it).
  const milestones = [...workspace.milestones];
  const milestoneKey = (m: { increment: string; name: string }) => `${m.increment}\u0000${m.name}`;
  for (const r of records) {
    if (r.kind !== 'milestone') continue;
    const milestone = { increment: r.increment, name: r.name, at: r.at, from: originOf(r) };
    const found = milestones.findIndex((m) => milestoneKey(m) === milestoneKey(milestone));
    if (found < 0) milestones.push(milestone);
    else milestones[found] = milestone;
  }
  for (const r of records) {
    if (r.kind === 'increment') {
      increments.delete(r.name);
      increments.set(r.name, { name: r.name, start: r.start, end: r.end, from: originOf(r) });
    } else if (r.kind === 'iteration') {
      const iteration = { increment: r.increment, name: r.name, teamKey: r.teamKey, start: r.start, end: r.end, from: originOf(r) };
      iterations.delete(iterationKey(iteration));
      iterations.set(iterationKey(iteration), iteration);
    }
  }
  return { increments: [...increments.values()], iterations: [...iterations.values()], milestones };
}

const them = (list: readonly unknown[]) => (list.length === 1 ? 'it' : 'them');
const outsideOf = (increment: DatedIncrement, d: { start: number; end: number }) => d.start < increment.start || d.end > increment.end;
const atDay = (m: DatedMilestone) => ({ start: m.at, end: m.at + MS_PER_DAY });

/**
 * Iterations and milestones lying outside their increment: an iteration said at its row, or at the
 * increment's when only the increment comes from the import (it moved away from them); a milestone
 * of the import is said at its row (milestonesOutside).
 */
function outsideIncrement(increment: DatedIncrement, iterations: readonly DatedIteration[], milestones: readonly DatedMilestone[]): PlanProblem[] {
  const outside = iterations.filter((i) => outsideOf(increment, i));
  const problems: PlanProblem[] = outside.flatMap((i) => {
    if (i.from === null) return [];
    const early = i.start < increment.start;
    const partly = i.end <= increment.start || i.start >= increment.end ? '' : 'partly ';
    return [{ from: i.from, column: early ? 'start' : 'end', value: early ? day(i.start) : lastDay(i.end), message: `${i.name} (${span(i)}) lies ${partly}outside ${increment.name} (${span(increment)}).` }];
  });
  // The workspace's iterations and milestones the import does not name stay where they are: the increment moved away from them.
  const left = outside.filter((i) => i.from === null);
  const leftMilestones = milestones.filter((m) => m.from === null && outsideOf(increment, atDay(m)));
  if ((left.length > 0 || leftMilestones.length > 0) && increment.from !== null) {
    const early = [...left, ...leftMilestones.map(atDay)].some((d) => d.start < increment.start);
    const says: string[] = [];
    if (left.length > 0) {
      says.push(`would leave ${left.map((i) => `${i.name} (${span(i)})`).join(', ')} outside it: give ${them(left)} days inside it in the iterations file, or delete ${them(left)} on the Plan page first.`);
    }
    if (leftMilestones.length > 0) {
      // A milestone outside its increment is drawn in no column of the board: it would vanish from the room's sight.
      const named = `the milestone${leftMilestones.length === 1 ? '' : 's'} ${leftMilestones.map((m) => `${m.name} (${day(m.at)})`).join(', ')}`;
      const it = them(leftMilestones);
      says.push(`would leave ${named} outside it${left.length > 0 ? ' too' : ''}: give ${it} ${it === 'it' ? 'a day' : 'days'} inside it in the milestones file, or move or delete ${it} on the Plan page first.`);
    }
    problems.push({
      from: increment.from,
      column: early ? 'start' : 'end',
      value: early ? day(increment.start) : lastDay(increment.end),
      message: `${increment.name} (${span(increment)}) ${says.join(' It ')}`,
    });
  }
  return problems;
}

/**
 * Iterations of one cadence (the shared one, or one team's sprints) that overlap: said at the row
 * the import gives later, naming the other; one the workspace holds and the import does not name
 * is said to be so.
 */
function overlapping(cadence: readonly DatedIteration[]): PlanProblem[] {
  const sorted = [...cadence].sort((a, b) => a.start - b.start);
  const problems: PlanProblem[] = [];
  for (let a = 0; a < sorted.length; a++) {
    for (let b = a + 1; b < sorted.length && sorted[b]!.start < sorted[a]!.end; b++) {
      const [first, second] = [sorted[a]!, sorted[b]!];
      const blamed = second.from !== null && (first.from === null || cadence.indexOf(second) > cadence.indexOf(first)) ? second : first;
      const other = blamed === first ? second : first;
      if (blamed.from === null) continue;
      const early = blamed.start < other.start;
      const held = other.from === null ? ', which the workspace holds and this import does not name: give it other days in the iterations file, or delete it on the Plan page first' : '';
      problems.push({ from: blamed.from, column: early ? 'end' : 'start', value: early ? lastDay(blamed.end) : day(blamed.start), message: `${blamed.name} (${span(blamed)}) overlaps ${other.name} (${span(other)})${held}.` });
    }
  }
  return problems;
}

/** Milestones of the import on a day outside their increment: the board would never draw them. */
function milestonesOutside(increment: DatedIncrement, records: readonly PlanningRecord[]): PlanProblem[] {
  return records.flatMap((r) =>
    r.kind === 'milestone' && r.increment === increment.name && (r.at < increment.start || r.at >= increment.end)
      ? [{ from: originOf(r), column: 'date' as const, value: day(r.at), message: `${r.name} (${day(r.at)}) lies outside ${increment.name} (${span(increment)}): a milestone belongs to a day of its increment.` }]
      : [],
  );
}

/**
 * What is wrong with the plan an import's rows would leave, checked whole rather than row by row
 * against the plan as it stands: a re-import that moves an increment and its iterations by a week
 * is consistent once all of it is in, though each row alone clashes with the old days of another.
 * At most one problem a row, in the import's order. `records` are the rows that passed the checks
 * of their own.
 */
export function planningProblems(workspace: PlanDates, records: readonly PlanningRecord[]): PlanProblem[] {
  // Only an increment the import writes to can be made inconsistent by it.
  const touched = new Set(records.map((r) => (r.kind === 'increment' ? r.name : r.increment)));
  const plan = planAfterImport(workspace, records);
  const problems: PlanProblem[] = [];
  for (const increment of plan.increments.filter((i) => touched.has(i.name))) {
    const iterations = plan.iterations.filter((i) => i.increment === increment.name);
    problems.push(...outsideIncrement(increment, iterations, plan.milestones.filter((m) => m.increment === increment.name)), ...milestonesOutside(increment, records));
    for (const team of new Set(iterations.map((i) => i.teamKey))) problems.push(...overlapping(iterations.filter((i) => i.teamKey === team)));
  }
  const order = new Map(records.map((r, n) => [rowId(originOf(r)), n]));
  const byRow = new Map<number, PlanProblem>();
  for (const p of problems) {
    const n = order.get(rowId(p.from))!;
    if (!byRow.has(n)) byRow.set(n, p);
  }
  return [...byRow.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
}

/** What makes two planning rows of an import the same row: what the write finds it again by. */
export function planningRowKey(r: PlanningRecord): string {
  switch (r.kind) {
    case 'increment':
      return `increment\u0000${r.name}`;
    case 'iteration':
      return `iteration\u0000${iterationKey(r)}`;
    case 'capacity':
      return `capacity\u0000${r.increment}\u0000${r.iteration}\u0000${r.teamKey}`;
    case 'milestone':
      return `milestone\u0000${r.increment}\u0000${r.name}`;
    case 'planned':
      return `planned\u0000${r.increment}\u0000${r.itemKey}`;
  }
}

/**
 * The warning for a row that says again what an earlier row of the import said (same
 * `planningRowKey`): the write applies them in order, so the last one wins. Its column and value,
 * and the message naming the earlier row.
 */
export function repeatedRow(r: PlanningRecord, earlier: PlanningRecord): { column: string; value: string; message: string } {
  const first = whereFrom(originOf(earlier));
  if (r.kind === 'planned' && earlier.kind === 'planned') {
    // Two places for one card: which one the planner meant is theirs to say.
    return {
      column: 'item',
      value: r.itemKey,
      message: `${r.itemKey} is planned twice in ${r.increment} (${first}: ${earlier.iteration}, ${earlier.teamKey}; here: ${r.iteration}, ${r.teamKey}); an item has one place in an increment, so the last row wins.`,
    };
  }
  const [column, value, what] = repeatedWhat(r);
  return { column, value, message: `${what} is given twice in this import (first at ${first}); the last row wins.` };
}

function repeatedWhat(r: PlanningRecord): [column: string, value: string, what: string] {
  switch (r.kind) {
    case 'increment':
      return ['name', r.name, `Increment ${r.name}`];
    case 'iteration':
      return ['name', r.name, `${r.name} of ${r.increment}${r.teamKey === null ? '' : ` (a sprint of ${r.teamKey})`}`];
    case 'capacity':
      return ['iteration', r.iteration, `${r.teamKey}'s capacity in ${r.iteration} of ${r.increment}`];
    case 'milestone':
      return ['name', r.name, `Milestone ${r.name} of ${r.increment}`];
    case 'planned':
      return ['item', r.itemKey, `${r.itemKey} in ${r.increment}`];
  }
}
