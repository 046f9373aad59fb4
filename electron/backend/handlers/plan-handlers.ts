import type { Database } from 'better-sqlite3';
import { planChannels } from '../../../shared/contract/plan-channels';
import { AppError } from '../../../shared/contract/result';
import { BaselineBody, baselineOf, changesSince } from '../../../shared/planning/baseline';
import { boardConflicts, buildBoard, type BoardGrouping } from '../../../shared/planning/board';
import type { Board } from '../../../shared/planning/board-schema';
import { boardPatch } from '../../../shared/planning/board-patch';
import type { BoardView } from '../../../shared/planning/board-patch-schema';
import { displayKey } from '../../../shared/planning/local-keys';
import { adviseWorkspace } from '../coordination/coordination-service';
import * as plan from '../planning/plan-queries';
import { redo, undo, undoableEdit, undoView, type BoardRows, type UndoView } from '../planning/plan-undo';
import { withoutDataChange } from '../store/workspace-memory';
import { dataDateRange } from '../store/queries/overview';
import type { HandlerMap } from './handler-types';

/** A dependency in an undo step's words, its items named as their cards are (New-12, not interlock:item:12). */
const waitsOn = (consumerKey: string, providerKey: string | null) => `${displayKey(consumerKey)} waits on ${providerKey === null ? 'its team' : displayKey(providerKey)}`;

/** Team key → the coordination group the advisor forms; null when it cannot advise (too little data). */
function coordinationGroups(db: Database): Map<string, string> | null {
  try {
    const { report } = adviseWorkspace(db);
    return new Map(report.groups.flatMap((g) => g.teamKeys.map((k) => [k, g.name] as const)));
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

export function boardOf(db: Database, incrementName: string | undefined, grouping: BoardGrouping): Board {
  const increment = plan.resolveIncrement(db, incrementName, dataDateRange(db)?.to ?? null);
  return buildBoard(plan.readPlanData(db, increment, grouping === 'coordination' ? coordinationGroups(db) : null), grouping);
}

/** The board as the Plan page shows it: grouped so, and compared with a baseline when one is chosen. */
function boardView(db: Database, increment: Parameters<typeof plan.readPlanData>[1], grouping: BoardGrouping, baselineId: number | undefined): BoardView {
  const board = buildBoard(plan.readPlanData(db, increment, grouping === 'coordination' ? coordinationGroups(db) : null), grouping);
  if (baselineId === undefined) return { ...board, changes: null };
  const baseline = plan.readBaseline(db, baselineId);
  if (baseline.incrementId !== board.increment.id) throw new AppError('invalid-input', `Baseline "${baseline.name}" belongs to another increment.`);
  const body = BaselineBody.parse(baseline.body);
  return { ...board, changes: { baseline: { id: baseline.id, name: baseline.name, takenAt: baseline.takenAt }, ...changesSince(body, baselineOf(board), board.increment.iterations) } };
}

type BoardShown = { grouping: BoardGrouping; baselineId?: number | undefined };

/** What an edit of `itemKey` (which may have left or joined `teamKeys`; null: of those teams' rows alone) changed on the board shown so. */
function shownPatch(db: Database, { incrementId, itemKey, teamKeys }: BoardRows, shown: BoardShown) {
  const increment = plan.incrementById(db, incrementId);
  // Compared with a baseline, what changed since needs the whole board; otherwise the part the edit touched is read.
  const after =
    shown.baselineId !== undefined
      ? boardView(db, increment, shown.grouping, shown.baselineId)
      : { ...buildBoard(plan.readPlanData(db, increment, shown.grouping === 'coordination' ? coordinationGroups(db) : null, { teamKeys, itemKey }), shown.grouping), changes: null };
  return boardPatch(after, itemKey, teamKeys);
}

/**
 * Builds and checks the board of the increment the Plan page opens on, and drops it: run after a
 * workspace opens (backend.ts), so that the first visit to the Plan page is not also the first
 * time this process reads a plan, builds a board and checks its 600 KB answer.
 */
export function warmPlanBoard(db: Database): void {
  if (db.prepare('SELECT count(*) FROM increments').pluck().get() === 0) return;
  const view = boardView(db, plan.resolveIncrement(db, undefined, dataDateRange(db)?.to ?? null), 'value-stream', undefined);
  planChannels['plan.board'].output.parse(view);
}

/** A write to the plan's own tables only: undoable, and it leaves the loaded metrics and advice standing. */
function planEdit(db: Database, label: string, edit: () => void, rows?: BoardRows) {
  undoableEdit(db, label, edit, { planOnly: true, rows });
  return undoView(db);
}

/**
 * A board edit's undo state, and with the board shown, what the edit changed on that board: none
 * when the edit was on another increment's board than the one shown (undo, redo).
 */
function withPatch(db: Database, view: UndoView, rows: BoardRows | null | undefined, shown: (BoardShown & { incrementId?: number | undefined }) | undefined) {
  const fits = shown && rows && (shown.incrementId === undefined || shown.incrementId === rows.incrementId);
  return fits ? { ...view, board: shownPatch(db, rows, shown) } : view;
}

/** A planning write that changes what the advisor or the metrics read (items, dependencies, objectives). */
function dataEdit<T>(db: Database, label: string, edit: () => T, rows?: BoardRows): T {
  return undoableEdit(db, label, edit, { planOnly: false, rows });
}

export const planHandlers: HandlerMap<typeof planChannels> = {
  'plan.increments': (_input, { session }) => plan.listIncrements(session.require().db),

  'plan.increment.save': (input, { session }) => {
    const { db } = session.require();
    let saved: ReturnType<typeof plan.saveIncrement> | null = null;
    planEdit(db, input.id === undefined ? `add ${input.name}` : `change ${input.name}`, () => (saved = plan.saveIncrement(db, input)));
    return saved!;
  },

  'plan.increment.delete': ({ id }, { session }) => {
    const { db } = session.require();
    const { name } = plan.incrementById(db, id);
    dataEdit(db, `delete ${name}`, () => plan.deleteIncrement(db, id));
    return undoView(db);
  },

  'plan.iteration.save': (input, { session }) => {
    const { db } = session.require();
    let saved: ReturnType<typeof plan.saveIteration> | null = null;
    planEdit(db, input.id === undefined ? `add ${input.name}` : `change ${input.name}`, () => (saved = plan.saveIteration(db, input)));
    return saved!;
  },

  'plan.iteration.delete': ({ id }, { session }) => {
    const { db } = session.require();
    return planEdit(db, 'delete an iteration', () => plan.deleteIteration(db, id));
  },

  'plan.board': ({ increment, grouping, baselineId }, { session }) => {
    const { db } = session.require();
    return boardView(db, plan.resolveIncrement(db, increment, dataDateRange(db)?.to ?? null), grouping, baselineId);
  },

  'plan.conflicts': ({ increment }, { session }) => {
    const board = boardOf(session.require().db, increment, 'value-stream');
    return { increment: board.increment.name, conflicts: boardConflicts(board) };
  },

  'plan.backlog': (input, { session }) => plan.backlog(session.require().db, input),

  'plan.item.place': ({ board, ...input }, { session }) => {
    const { db } = session.require();
    const was = plan.plannedTeam(db, input.incrementId, input.itemKey);
    const rows = { incrementId: input.incrementId, itemKey: input.itemKey, teamKeys: was === null ? [input.teamKey] : [was, input.teamKey] };
    return withPatch(db, planEdit(db, `${was !== null ? 'move' : 'plan'} ${displayKey(input.itemKey)}`, () => void plan.placeItem(db, input), rows), rows, board);
  },

  'plan.fromSprints': ({ incrementId }, { session }) => {
    const { db } = session.require();
    let planned = 0;
    const view = planEdit(db, 'plan from the tracker’s sprints', () => void (planned = plan.planFromSprints(db, incrementId)));
    return { ...view, planned };
  },

  'plan.item.unplan': ({ incrementId, itemKey, board }, { session }) => {
    const { db } = session.require();
    const was = plan.plannedTeam(db, incrementId, itemKey);
    const rows = was === null ? undefined : { incrementId, itemKey, teamKeys: [was] };
    return withPatch(db, planEdit(db, `unplan ${displayKey(itemKey)}`, () => plan.unplanItem(db, incrementId, itemKey), rows), rows, board);
  },

  'plan.item.create': (input, { session }) => {
    const { db } = session.require();
    const key = dataEdit(db, `add “${input.title}”`, () => {
      const created = plan.createLocalItem(db, input);
      plan.placeItem(db, { incrementId: input.incrementId, itemKey: created, teamKey: input.teamKey, iterationId: input.iterationId, beforeItemKey: null });
      return created;
    });
    return { ...undoView(db), key };
  },

  // A dependency changes no cell: the patch is the consumer's dependencies (and, grouped by
  // coordination group, the teams' groups, which it may change).
  'plan.dependency.add': ({ board, ...input }, { session }) => {
    const { db } = session.require();
    const rows = board && { incrementId: board.incrementId, itemKey: input.consumerKey, teamKeys: [] };
    const key = dataEdit(db, waitsOn(input.consumerKey, input.providerKey), () => plan.addDependency(db, input), rows);
    return { ...withPatch(db, undoView(db), rows, board), key };
  },

  'plan.dependency.remove': ({ key, board }, { session }) => {
    const { db } = session.require();
    const ends = plan.dependencyEnds(db, key);
    const rows = board && ends !== null ? { incrementId: board.incrementId, itemKey: ends.consumerKey, teamKeys: [] } : undefined;
    dataEdit(db, ends === null ? `remove dependency ${key}` : `remove: ${waitsOn(ends.consumerKey, ends.providerKey)}`, () => plan.removeDependency(db, key), rows);
    return withPatch(db, undoView(db), rows, board);
  },

  'plan.dependency.needBy': ({ key, neededBy, board }, { session }) => {
    const { db } = session.require();
    const was = plan.needDateDependency(db, key);
    const rows = board && { incrementId: board.incrementId, itemKey: was.consumerKey, teamKeys: [] };
    // The same date again is no edit: no undo step that would take back nothing, and the loaded metrics stand.
    if (was.neededBy !== neededBy) {
      const pair = waitsOn(was.consumerKey, was.providerKey);
      dataEdit(db, neededBy === null ? `${pair}, no need date` : `${pair}, needed by ${neededBy}`, () => plan.setDependencyNeedBy(db, key, neededBy), rows);
    }
    return withPatch(db, undoView(db), rows, board);
  },

  'plan.objective.save': (input, { session }) => {
    const { db } = session.require();
    const key = dataEdit(db, input.key ? `change “${input.title}”` : `add “${input.title}”`, () => plan.saveObjective(db, input));
    return { ...undoView(db), key };
  },

  'plan.objective.delete': ({ key }, { session }) => {
    const { db } = session.require();
    dataEdit(db, `delete objective “${plan.objectiveTitle(db, key) ?? key}”`, () => plan.deleteObjective(db, key));
    return undoView(db);
  },

  'plan.capacity.set': ({ board, ...input }, { session }) => {
    const { db } = session.require();
    const rows = { incrementId: plan.incrementOfIteration(db, input.iterationId), itemKey: null, teamKeys: [input.teamKey] };
    return withPatch(db, planEdit(db, `capacity of ${input.teamKey}`, () => plan.setCapacity(db, input), rows), rows, board);
  },

  'plan.milestone.save': (input, { session }) => {
    const { db } = session.require();
    return planEdit(db, input.id === undefined ? `add milestone ${input.name}` : `change milestone ${input.name}`, () => plan.saveMilestone(db, input));
  },

  'plan.milestone.delete': ({ id }, { session }) => {
    const { db } = session.require();
    return planEdit(db, 'delete a milestone', () => plan.deleteMilestone(db, id));
  },

  'plan.baseline.commit': ({ incrementId, name }, { session }) => {
    const { db } = session.require();
    const increment = plan.incrementById(db, incrementId);
    const board = buildBoard(plan.readPlanData(db, increment, null), 'value-stream');
    const label = name ?? `${increment.name} as committed ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    return withoutDataChange(db, () => db.transaction(() => plan.commitBaseline(db, incrementId, label, baselineOf(board)))());
  },

  'plan.baselines': ({ incrementId }, { session }) => plan.listBaselines(session.require().db, incrementId),

  'plan.undo': ({ board }, { session }) => {
    const { db } = session.require();
    const { view, rows } = undo(db);
    return withPatch(db, view, rows, board);
  },
  'plan.redo': ({ board }, { session }) => {
    const { db } = session.require();
    const { view, rows } = redo(db);
    return withPatch(db, view, rows, board);
  },
  'plan.history': (_input, { session }) => undoView(session.require().db),
};
