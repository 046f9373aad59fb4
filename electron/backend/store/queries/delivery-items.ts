import type { Database } from 'better-sqlite3';
import { LOCAL_KEY_PREFIX } from '../../../../shared/planning/local-keys';

// Which work items are delivery data. An item a planner makes in Interlock (a card added on the
// board: a local key, "New-12") is planning: it is stamped with the wall clock when typed and has
// no history from any tracker. Counted as data, that stamp became "the data's last day": one card
// moved every window, age and forecast to the minute it was made, sampling the days between as
// days with nothing done. So the metrics, the coordination advisor, the forecasts and the data's
// date range all read delivery items only; the board and plan confidence still hold every card.

/** SQL: the row of work_items is an item made in Interlock (with NOT: one a tracker or a template brought). */
export const MADE_IN_INTERLOCK = `key GLOB '${LOCAL_KEY_PREFIX}*'`;

/**
 * The row ids of the items made in Interlock. A GLOB on a prefix is a range of the key index, so
 * this reads those rows alone, and a full scan of work_items need not read every key to skip them.
 */
export function itemIdsMadeInInterlock(db: Database): ReadonlySet<number> {
  return new Set(db.prepare(`SELECT id FROM work_items WHERE ${MADE_IN_INTERLOCK}`).pluck().all() as number[]);
}
