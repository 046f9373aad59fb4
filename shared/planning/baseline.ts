import { z } from 'zod';
import type { Board } from './board-schema';
import { DEPENDENCY_KINDS, DEPENDENCY_STATES, dependencyKind } from './dependency-state';

/**
 * What "commit the plan" keeps: where each card was and each dependency's state and kind. A card's
 * iteration is kept by its id (what it is) and its name then (what it was called): a renamed
 * iteration is the same iteration. Baselines committed before the id was kept have the name alone.
 *
 * `teamAloneKept` says the baseline holds the dependencies on a team alone (`teamAlone`, no provider
 * item named). The board left those out until 2026-12-07, so a baseline without the marker may not
 * hold one that was open then: such a dependency absent from it is not known to be new.
 *
 * `kind` tells a provider cancelled from one not planned, which the state does not (both are
 * unplanned). Baselines committed before it was kept have the state alone.
 */
export const BaselineBody = z.object({
  cards: z.array(z.object({ key: z.string(), title: z.string(), teamKey: z.string(), iteration: z.string(), iterationId: z.number().int().optional() })),
  dependencies: z.array(z.object({ key: z.string(), state: z.enum(DEPENDENCY_STATES), kind: z.enum(DEPENDENCY_KINDS).optional(), teamAlone: z.boolean().optional() })),
  teamAloneKept: z.literal(true).optional(),
});
export type BaselineBody = z.infer<typeof BaselineBody>;

export const BaselineChanges = z.object({
  baseline: z.object({ id: z.number().int(), name: z.string(), takenAt: z.string() }),
  moved: z.array(z.object({ key: z.string(), title: z.string(), from: z.object({ teamKey: z.string(), iteration: z.string() }), to: z.object({ teamKey: z.string(), iteration: z.string() }) })),
  added: z.array(z.object({ key: z.string(), title: z.string(), teamKey: z.string(), iteration: z.string() })),
  removed: z.array(z.object({ key: z.string(), title: z.string(), teamKey: z.string(), iteration: z.string() })),
  /** Dependencies in conflict or unplanned now that were neither when the plan was committed; `kind` says a provider cancelled. */
  newConflicts: z.array(z.object({ key: z.string(), state: z.enum(DEPENDENCY_STATES), kind: z.enum(DEPENDENCY_KINDS), was: z.enum(DEPENDENCY_STATES).nullable() })),
  /**
   * Open dependencies on a team alone that a baseline committed before those were kept does not
   * hold: not compared, since they may have been open then too (listing them as new conflicts was a
   * false alarm in the room). Empty against a baseline that kept them.
   */
  notCompared: z.array(z.object({ key: z.string(), state: z.enum(DEPENDENCY_STATES) })),
  /**
   * Dependencies whose provider has been cancelled since, that were in conflict or unplanned then
   * too and so are no new conflict: the work they waited on will not come. `was` is the state then;
   * `mayHaveBeenCancelled`: the baseline kept no kinds, so its provider may have been cancelled then
   * already.
   */
  providersCancelled: z.array(z.object({ key: z.string(), was: z.enum(DEPENDENCY_STATES), mayHaveBeenCancelled: z.boolean() })),
});
export type BaselineChanges = z.infer<typeof BaselineChanges>;

type BaselineCard = BaselineBody['cards'][number];

export function baselineOf(board: Board): BaselineBody {
  return {
    cards: board.cells
      .flatMap((cell) => cell.cards.map((c) => ({ key: c.key, title: c.title, teamKey: cell.teamKey, iteration: c.iterationName, iterationId: c.iterationId })))
      .sort((a, b) => a.key.localeCompare(b.key)),
    dependencies: board.dependencies.map((d) => ({ key: d.key, state: d.state, kind: dependencyKind(d), teamAlone: d.provider.itemKey === null })),
    teamAloneKept: true,
  };
}

const troubled = (state: string) => state === 'conflict' || state === 'unplanned';

type BaselineDependency = BaselineBody['dependencies'][number];

/**
 * Whether a dependency troubled at the baseline and cancelled now is news: not when it was kept as
 * cancelled then. A baseline without kinds cannot say, whatever its state: builds before kinds kept
 * a cancelled provider's dependency as unplanned, or (one planned in a later increment, for a
 * while) as a conflict.
 */
function cancelledSince(was: BaselineDependency): { was: BaselineDependency['state']; mayHaveBeenCancelled: boolean } | null {
  if (was.kind === 'provider-cancelled') return null;
  return { was: was.state, mayHaveBeenCancelled: was.kind === undefined };
}

/** Whether a card sits in the same iteration as then: by id, or by name where the baseline kept none. */
function sameIteration(was: BaselineCard, now: BaselineCard): boolean {
  return was.iterationId === undefined || now.iterationId === undefined ? was.iteration === now.iteration : was.iterationId === now.iterationId;
}

/**
 * What changed on the board since a committed baseline: moved, added and removed cards, new
 * conflicts, providers cancelled since, and the open dependencies on a team alone an older baseline
 * could not hold. `iterations` are the increment's iterations now: a card's iteration then is named
 * as it is called now (renamed, it is the one the board shows), or, deleted since, by its name then
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
  const then = new Map(baseline.dependencies.map((d) => [d.key, d]));
  const newConflicts: BaselineChanges['newConflicts'] = [];
  const notCompared: BaselineChanges['notCompared'] = [];
  const providersCancelled: BaselineChanges['providersCancelled'] = [];
  for (const d of now.dependencies) {
    if (!troubled(d.state)) continue;
    const was = then.get(d.key);
    const kind = d.kind ?? d.state;
    if (was && troubled(was.state)) {
      // Troubled then and now: no new conflict, but a provider cancelled since is news to the room.
      const news = kind === 'provider-cancelled' ? cancelledSince(was) : null;
      if (news) providersCancelled.push({ key: d.key, ...news });
    } else if (!was && d.teamAlone === true && baseline.teamAloneKept !== true) notCompared.push({ key: d.key, state: d.state });
    else newConflicts.push({ key: d.key, state: d.state, kind, was: was?.state ?? null });
  }
  return { moved, added, removed, newConflicts, notCompared, providersCancelled };
}
