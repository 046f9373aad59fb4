// The names of the entities a workspace counts, in the order every summary lists them (overview,
// CLI, import summaries), apart from the EntityCounts schema (entities.ts) so that a page can name
// them without loading zod. A test holds the two to the same names in the same order.

export const ENTITY_NAMES = ['teams', 'items', 'transitions', 'dependencies', 'deployments', 'incidents', 'objectives', 'plans', 'risks', 'releases'] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];
