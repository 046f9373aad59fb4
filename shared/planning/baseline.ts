import { z } from 'zod';
import type { Board } from './board-schema';
import { DEPENDENCY_STATES } from './dependency-state';

/** What "commit the plan" keeps: where each card was and each dependency's state. */
export const BaselineBody = z.object({
  cards: z.array(z.object({ key: z.string(), title: z.string(), teamKey: z.string(), iteration: z.string() })),
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

export function baselineOf(board: Board): BaselineBody {
  return {
    cards: board.cells.flatMap((cell) => cell.cards.map((c) => ({ key: c.key, title: c.title, teamKey: cell.teamKey, iteration: c.iterationName }))).sort((a, b) => a.key.localeCompare(b.key)),
    dependencies: board.dependencies.map((d) => ({ key: d.key, state: d.state })),
  };
}

const troubled = (state: string) => state === 'conflict' || state === 'unplanned';

/** What changed on the board since a committed baseline: moved, added and removed cards, new conflicts. */
export function changesSince(baseline: BaselineBody, now: BaselineBody): Omit<BaselineChanges, 'baseline'> {
  const before = new Map(baseline.cards.map((c) => [c.key, c]));
  const after = new Map(now.cards.map((c) => [c.key, c]));
  const moved: BaselineChanges['moved'] = [];
  const added: BaselineChanges['added'] = [];
  for (const card of now.cards) {
    const was = before.get(card.key);
    if (!was) added.push(card);
    else if (was.teamKey !== card.teamKey || was.iteration !== card.iteration) {
      moved.push({ key: card.key, title: card.title, from: { teamKey: was.teamKey, iteration: was.iteration }, to: { teamKey: card.teamKey, iteration: card.iteration } });
    }
  }
  const removed = baseline.cards.filter((c) => !after.has(c.key));
  const wasState = new Map(baseline.dependencies.map((d) => [d.key, d.state]));
  const newConflicts = now.dependencies
    .filter((d) => troubled(d.state) && !troubled(wasState.get(d.key) ?? 'ok'))
    .map((d) => ({ key: d.key, state: d.state, was: wasState.get(d.key) ?? null }));
  return { moved, added, removed, newConflicts };
}
