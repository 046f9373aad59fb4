import { z } from 'zod';
import type { Board } from './board-schema';
import { DEPENDENCY_STATES } from './dependency-state';

/**
 * What "commit the plan" keeps: where each card was and each dependency's state. A card's iteration
 * is kept by its id (what it is) and its name then (what it was called): a renamed iteration is the
 * same iteration. Baselines committed before the id was kept have the name alone.
 *
 * `teamAloneKept` says the baseline holds the dependencies on a team alone (`teamAlone`, no provider
 * item named). The board left those out until 2026-12-07, so a baseline without the marker may not
 * hold one that was open then: such a dependency absent from it is not known to be new.
 */
export const BaselineBody = z.object({
  cards: z.array(z.object({ key: z.string(), title: z.string(), teamKey: z.string(), iteration: z.string(), iterationId: z.number().int().optional() })),
  dependencies: z.array(z.object({ key: z.string(), state: z.enum(DEPENDENCY_STATES), teamAlone: z.boolean().optional() })),
  teamAloneKept: z.literal(true).optional(),
});
export type BaselineBody = z.infer<typeof BaselineBody>;

export const BaselineChanges = z.object({
  baseline: z.object({ id: z.number().int(), name: z.string(), takenAt: z.string() }),
  moved: z.array(z.object({ key: z.string(), title: z.string(), from: z.object({ teamKey: z.string(), iteration: z.string() }), to: z.object({ teamKey: z.string(), iteration: z.string() }) })),
  added: z.array(z.object({ key: z.string(), title: z.string(), teamKey: z.string(), iteration: z.string() })),
  removed: z.array(z.object({ key: z.string(), title: z.string(), teamKey: z.string(), iteration: z.string() })),
  /** Dependencies in conflict or unplanned now that were neither when the plan was committed. */
  newConflicts: z.array(z.object({ key: z.string(), state: z.enum(DEPENDENCY_STATES), was: z.enum(DEPENDENCY_STATES).nullable() })),
  /**
   * Open dependencies on a team alone that a baseline committed before those were kept does not
   * hold: not compared, since they may have been open then too (listing them as new conflicts was a
   * false alarm in the room). Empty against a baseline that kept them.
   */
  notCompared: z.array(z.object({ key: z.string(), state: z.enum(DEPENDENCY_STATES) })),
});
export type BaselineChanges = z.infer<typeof BaselineChanges>;

type BaselineCard = BaselineBody['cards'][number];

export function baselineOf(board: Board): BaselineBody {
  return {
    cards: board.cells
      .flatMap((cell) => cell.cards.map((c) => ({ key: c.key, title: c.title, teamKey: cell.teamKey, iteration: c.iterationName, iterationId: c.iterationId })))
      .sort((a, b) => a.key.localeCompare(b.key)),
    dependencies: board.dependencies.map((d) => ({ key: d.key, state: d.state, teamAlone: d.provider.itemKey === null })),
    teamAloneKept: true,
  };
}

const troubled = (state: string) => state === 'conflict' || state === 'unplanned';

/** Whether a card sits in the same iteration as then: by id, or by name where the baseline kept none. */
function sameIteration(was: BaselineCard, now: BaselineCard): boolean {
  return was.iterationId === undefined || now.iterationId === undefined ? was.iteration === now.iteration : was.iterationId === now.iterationId;
}

/**
 * What changed on the board since a committed baseline: moved, added and removed cards, new
 * conflicts, and the open dependencies on a team alone an older baseline could not hold.
 * `iterations` are the increment's iterations now: a card's iteration then is named as it is called
 * now (renamed, it is the one the board shows), or, deleted since, by its name then with "(deleted)".
 */
export function changesSince(baseline: BaselineBody, now: BaselineBody, iterations: readonly { id: number; name: string }[]): Omit<BaselineChanges, 'baseline'> {
  const before = new Map(baseline.cards.map((c) => [c.key, c]));
  const after = new Map(now.cards.map((c) => [c.key, c]));
  const names = new Map(iterations.map((i) => [i.id, i.name]));
  const nameThen = (card: BaselineCard) => (card.iterationId === undefined ? card.iteration : (names.get(card.iterationId) ?? `${card.iteration} (deleted)`));
  const moved: BaselineChanges['moved'] = [];
  const added: BaselineChanges['added'] = [];
  for (const card of now.cards) {
    const was = before.get(card.key);
    if (!was) added.push({ key: card.key, title: card.title, teamKey: card.teamKey, iteration: card.iteration });
    else if (was.teamKey !== card.teamKey || !sameIteration(was, card)) {
      moved.push({ key: card.key, title: card.title, from: { teamKey: was.teamKey, iteration: nameThen(was) }, to: { teamKey: card.teamKey, iteration: card.iteration } });
    }
  }
  const removed = baseline.cards.filter((c) => !after.has(c.key)).map((c) => ({ key: c.key, title: c.title, teamKey: c.teamKey, iteration: nameThen(c) }));
  const wasState = new Map(baseline.dependencies.map((d) => [d.key, d.state]));
  const newConflicts: BaselineChanges['newConflicts'] = [];
  const notCompared: BaselineChanges['notCompared'] = [];
  for (const d of now.dependencies) {
    const was = wasState.get(d.key);
    if (!troubled(d.state) || troubled(was ?? 'ok')) continue;
    if (was === undefined && d.teamAlone === true && baseline.teamAloneKept !== true) notCompared.push({ key: d.key, state: d.state });
    else newConflicts.push({ key: d.key, state: d.state, was: was ?? null });
  }
  return { moved, added, removed, newConflicts, notCompared };
}
