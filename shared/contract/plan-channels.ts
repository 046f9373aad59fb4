import { z } from 'zod';
import { CalendarDate } from '../domain/date-schemas';
import { ITEM_TYPES } from '../domain/vocabulary';
import { BoardDependency, CapacityUnitSchema, IncrementView } from '../planning/board-schema';
import { BoardPatch, BoardView } from '../planning/board-patch-schema';
import { channel } from './channel';

// Planning: increments, the program board and every edit on it. Every write is one transaction,
// undoable in the session (plan.undo / plan.redo).

const Name = z.string().trim().min(1, 'a name is required').max(200, 'at most 200 characters');
const ItemKey = z.string().trim().min(1).max(200);
const Id = z.number().int().positive();
/** Which increment: its name; left out, the one holding the data's last day, else the latest. */
const IncrementRef = z.object({ increment: z.string().trim().min(1).max(200).optional() });
/** How the board is shown: rows grouped by coordination group or value stream, compared with a baseline or not. */
const BoardShown = z.object({ grouping: z.enum(['coordination', 'value-stream']).default('coordination'), baselineId: Id.optional() });
/** The same for an edit not tied to one increment (a dependency): which increment's board is shown. */
const IncrementBoardShown = BoardShown.extend({ incrementId: Id });
/** For undo and redo: the increment shown when known (a step of another increment's board then answers no patch). */
const ReplayBoardShown = BoardShown.extend({ incrementId: Id.optional() });

const DateRange = z
  .object({ start: CalendarDate, end: CalendarDate })
  .refine((r) => r.end >= r.start, { message: 'the end must not be before the start', path: ['end'] });

export const UndoState = z.object({
  /** What the next undo would take back, in words; null when there is nothing to undo. */
  undo: z.string().nullable(),
  redo: z.string().nullable(),
});
export type UndoState = z.infer<typeof UndoState>;

export const BacklogItem = z.object({ key: z.string(), title: z.string(), type: z.string(), teamKey: z.string().nullable(), size: z.number().nullable(), status: z.string() });

export const PlanObjectiveInput = z.object({
  increment: z.string().trim().min(1),
  key: z.string().optional(),
  title: Name,
  /** Portfolio only for an objective that has it (an import's): the board makes team and program ones. */
  level: z.enum(['portfolio', 'program', 'team']).default('team'),
  teamKey: z.string().nullable(),
  /** Every team of an objective that has several (a program objective's): given, it wins over teamKey. */
  teamKeys: z.array(z.string()).max(500).optional(),
  businessValue: z.number().int().min(1, 'business value is 1 to 10').max(10, 'business value is 1 to 10').nullable(),
  actualValue: z.number().min(0, 'actual value is 0 to 10').max(10, 'actual value is 0 to 10').nullable().default(null),
  committed: z.boolean().default(true),
  parentKey: z.string().nullable().default(null),
  itemKeys: z.array(ItemKey).max(500).default([]),
});

/** Plan edits change the plan's odds too (forecast.plan), not the throughput forecasts. */
const planWrite = { mutates: ['plan.', 'forecast.plan'] } as const;
/** An increment renamed takes its risks and confidence votes along (they name it): their pages are asked again too. */
const incrementWrite = { mutates: ['plan.', 'forecast.plan', 'risks.', 'votes.', 'deck.'] } as const;
/** Edits that change what the advisor and the metrics read too (items, dependencies, objectives). */
const dataWrite = { mutates: 'all' } as const;

export const planChannels = {
  'plan.increments': channel(z.object({}), z.array(IncrementView), 'Every increment with its iterations, latest first.'),
  'plan.increment.save': channel(
    DateRange.and(z.object({ id: Id.optional(), name: Name, capacityUnit: CapacityUnitSchema.default('items') })),
    IncrementView,
    'Create an increment, or rename it and change its dates or capacity unit.',
    incrementWrite,
  ),
  'plan.increment.delete': channel(z.object({ id: Id }), UndoState, 'Delete an increment and its plan (undoable).', dataWrite),
  'plan.iteration.save': channel(
    DateRange.and(z.object({ incrementId: Id, id: Id.optional(), name: Name, teamKey: z.string().nullable().default(null) })),
    IncrementView,
    'Add or change an iteration: the shared cadence (no team) or one team’s own sprint.',
    planWrite,
  ),
  'plan.iteration.delete': channel(z.object({ id: Id }), UndoState, 'Delete an iteration; its planned work goes off the board (undoable).', planWrite),
  'plan.board': channel(
    IncrementRef.extend(BoardShown.shape),
    BoardView,
    'The program board of an increment: teams × iterations, cards, load and capacity, dependencies with their state, objectives, predictability, lint; and what changed since a baseline.',
  ),
  'plan.conflicts': channel(IncrementRef, z.object({ increment: z.string(), conflicts: z.array(BoardDependency) }), 'Every conflict and unplanned dependency of an increment, the oldest need first.'),
  'plan.backlog': channel(
    z.object({ incrementId: Id, teamKey: z.string().optional(), search: z.string().max(200).default(''), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ items: z.array(BacklogItem), total: z.number().int() }),
    'Open items not planned in the increment, to drag onto the board.',
  ),
  'plan.item.place': channel(
    z.object({
      incrementId: Id,
      itemKey: ItemKey,
      teamKey: z.string(),
      iterationId: Id,
      beforeItemKey: ItemKey.nullable().default(null),
      size: z.number().min(0).nullable().optional(),
      /** Given, the answer carries what the move changed on the board shown so (`board`), to patch it rather than fetch it again. */
      board: BoardShown.optional(),
    }),
    UndoState.extend({ board: BoardPatch.optional() }),
    'Plan an item into a team and iteration, or move it; it goes before `beforeItemKey`, else last in the cell. With `board`, answers what changed on that board.',
    planWrite,
  ),
  'plan.fromSprints': channel(
    z.object({ incrementId: Id }),
    UndoState.extend({ planned: z.number().int() }),
    'Plan every unplanned item whose tracker sprint has the name of one of the increment’s iterations.',
    planWrite,
  ),
  'plan.item.unplan': channel(
    z.object({ incrementId: Id, itemKey: ItemKey, board: BoardShown.optional() }),
    UndoState.extend({ board: BoardPatch.optional() }),
    'Take an item off the board (it stays in the workspace). With `board`, answers what changed on that board.',
    planWrite,
  ),
  'plan.item.create': channel(
    z.object({ incrementId: Id, teamKey: z.string(), iterationId: Id, title: Name, type: z.enum(ITEM_TYPES).default('feature'), size: z.number().min(0).nullable().default(null) }),
    UndoState.extend({ key: z.string() }),
    'Create an item that is not in the tracker yet, planned where it is put.',
    dataWrite,
  ),
  'plan.dependency.add': channel(
    z.object({ consumerKey: ItemKey, providerKey: ItemKey, neededBy: CalendarDate.nullable().default(null), board: IncrementBoardShown.optional() }),
    UndoState.extend({ key: z.string(), board: BoardPatch.optional() }),
    'Record that one item waits on another. With `board`, answers what changed on that board.',
    dataWrite,
  ),
  'plan.dependency.remove': channel(
    z.object({ key: z.string(), board: IncrementBoardShown.optional() }),
    UndoState.extend({ board: BoardPatch.optional() }),
    'Remove a dependency made in Interlock (undoable). With `board`, answers what changed on that board.',
    dataWrite,
  ),
  'plan.dependency.needBy': channel(
    z.object({ key: z.string(), neededBy: CalendarDate.nullable(), board: IncrementBoardShown.optional() }),
    UndoState.extend({ board: BoardPatch.optional() }),
    'State (or, with null, clear) the need date of a dependency made in Interlock (undoable; the same date again changes nothing). With `board`, answers what changed on that board.',
    dataWrite,
  ),
  'plan.objective.save': channel(PlanObjectiveInput, UndoState.extend({ key: z.string() }), 'Create or change a PI objective: business value, actual value, commitment, links.', dataWrite),
  'plan.objective.delete': channel(z.object({ key: z.string() }), UndoState, 'Delete a PI objective made in Interlock (undoable).', dataWrite),
  'plan.capacity.set': channel(
    z.object({ iterationId: Id, teamKey: z.string(), amount: z.number().min(0).max(100_000).nullable(), board: BoardShown.optional() }),
    UndoState.extend({ board: BoardPatch.optional() }),
    'Set (or clear, with null) a team’s capacity in an iteration. With `board`, answers what changed on that board.',
    planWrite,
  ),
  'plan.milestone.save': channel(
    z.object({ incrementId: Id, id: Id.optional(), name: Name, date: CalendarDate, teamKey: z.string().nullable().default(null) }),
    UndoState,
    'Add or change a milestone.',
    planWrite,
  ),
  'plan.milestone.delete': channel(z.object({ id: Id }), UndoState, 'Delete a milestone (undoable).', planWrite),
  'plan.baseline.commit': channel(
    z.object({ incrementId: Id, name: Name.optional() }),
    z.object({ id: Id, name: z.string(), takenAt: z.string() }),
    '"Commit the plan": keep a snapshot of the board to compare with later.',
    planWrite,
  ),
  'plan.baselines': channel(z.object({ incrementId: Id }), z.array(z.object({ id: Id, name: z.string(), takenAt: z.string() })), 'The baselines of an increment, newest first.'),
  'plan.undo': channel(
    z.object({ board: ReplayBoardShown.optional() }),
    UndoState.extend({ board: BoardPatch.optional() }),
    'Take back the last planning edit of this session. With `board`, when the edit was a card move, a capacity or a dependency, answers what taking it back changed on that board.',
    dataWrite,
  ),
  'plan.redo': channel(
    z.object({ board: ReplayBoardShown.optional() }),
    UndoState.extend({ board: BoardPatch.optional() }),
    'Do again the last planning edit taken back. With `board`, when the edit was a card move, a capacity or a dependency, answers what doing it again changed on that board.',
    dataWrite,
  ),
  'plan.history': channel(z.object({}), UndoState, 'What undo and redo would do now.'),
};
