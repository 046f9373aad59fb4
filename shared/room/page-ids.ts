// The app's pages by the name their address starts with ("/plan?…"): the one list the renderer's
// routes load (renderer/src/pages/page-loaders.ts) and a deck's view is checked against, so the
// Decks page refuses "/roadmap" instead of saving a view that would open no page.

export const PAGE_IDS = ['overview', 'teams', 'coordination', 'plan', 'risks', 'confidence', 'flow', 'delivery', 'forecast', 'decks', 'import'] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** The page an address's first segment names, read without case as the routes read it; null for none. */
export function pageIdOf(segment: string): PageId | null {
  const lower = segment.toLowerCase();
  return PAGE_IDS.find((id) => id === lower) ?? null;
}

/** The page a view's address opens ("/plan?tab=objectives" → "plan", "/Flow" → "flow"); null for none. */
export function pageIdOfAddress(address: string): PageId | null {
  return pageIdOf(/^\/?([^?/]*)/.exec(address)?.[1] ?? '');
}
