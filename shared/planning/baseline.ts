import { z } from 'zod';
import type { Board } from './board-schema';
import { DEPENDENCY_STATES } from './dependency-state';

/**
 * What "commit the plan" keeps: where each card was and each dependency's state. A card's iteration
 * is kept by its id (what it is) and its name then (what it was called): a renamed iteration is the
 * same iteration. Baselines committed before the id was kept have the name alone.
 */
export const BaselineBody = z.object({
  cards: z.array(z.object({ key: z.string(), title: z.string(), teamKey: z.string(), iteration: z.string(), iterationId: z.number().int().optional() })),
  dependencies: z.array(z.object({ key: z.string(), state: z.enum(DEPENDENCY_STATES) })),
});
export type BaselineBody = z.infer<typeof BaselineBody>;

export const BaselineChanges = z.object({
  baseline: z.object({ id: z.number().int(), name: z.string(), takenAt: z.string() }),
  moved: z.array(z.object({ key: z.string(), title: z.string(), from: z.object({ teamKey: z.string(), iteration: z.string() }), to: z.object({ teamKey: z.string(), iteration: z.string() }) })),
  added: z.array(z.object({ key: z.string(), title: z.string(), teamKey: z.string(), iteration: z.string() })),
  removed: z.array(z.object({ key: z.string(), title: z.string(), teamKey: z.string(), iteration: z.string() })),
  /** Dependencies in conflict or unplanned now that were neither when the plan was committed. */
  newConflicts: z.array(z.object({ key: z.string(), state: z.enum(DEPENDENCY_STATES), was: z.enum(DEPENDENCY_STATES).nullable() })),
});
export type BaselineChanges = z.infer<typeof BaselineChanges>;

type BaselineCard = BaselineBody['cards'][number];

export function baselineOf(board: Board): BaselineBody {
  return {
    cards: board.cells
      .flatMap((cell) => cell.cards.map((c) => ({ key: c.key, title: c.title, teamKey: cell.teamKey, iteration: c.iterationName, iterationId: c.iterationId })))
      .sort((a, b) => a.key.localeCompare(b.key)),
    dependencies: board.dependencies.map((d) => ({ key: d.key, state: d.state })),
  };
}

const troubled = (state: string) => state === 'conflict' || state === 'unplanned';

/** Whether a card sits in the same iteration as then: by id, or by name where the baseline kept none. */
function sameIteration(was: BaselineCard, now: BaselineCard): boolean {
  return was.iterationId === undefined || now.iterationId === undefined ? was.iteration === now.iteration : was.iterationId === now.iterationId;
}

/**
 * What changed on the board since a committed baseline: moved, added and removed cards, new
 * conflicts. `iterations` are the increment's iterations now: a card's iteration then is named as
 * it is called now (renamed, it is the one the board shows), or, deleted since, by its name then
 * with "(deleted)".
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
  const newConflicts = now.dependencies
    .filter((d) => troubled(d.state) && !troubled(wasState.get(d.key) ?? 'ok'))
    .map((d) => ({ key: d.key, state: d.state, was: wasState.get(d.key) ?? null }));
  return { moved, added, removed, newConflicts };
}
