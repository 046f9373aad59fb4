// The fixed vocabularies of the domain. Kept as `as const` tuples so that zod enums, SQL CHECK
// constraints and UI pickers all read the same list.

export const ITEM_TYPES = ['epic', 'feature', 'story', 'defect', 'risk', 'debt', 'task'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Flow Framework states, plus "cancelled" kept apart from "done" so that abandoned work never counts as delivered. */
export const STATUS_CATEGORIES = ['todo', 'active', 'waiting', 'done', 'cancelled'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export const OBJECTIVE_LEVELS = ['portfolio', 'program', 'team'] as const;
export type ObjectiveLevel = (typeof OBJECTIVE_LEVELS)[number];

/** Categories in which an item counts as work in progress (flow load). */
export const IN_PROGRESS_CATEGORIES: readonly StatusCategory[] = ['active', 'waiting'];

/** Categories that end an item's flow. */
export const FINISHED_CATEGORIES: readonly StatusCategory[] = ['done', 'cancelled'];
