import type { ComponentType } from 'react';
import type { PageId } from '../../../shared/room/page-ids';

type PageModule = Record<string, ComponentType>;

/** The page an address without one (or with an unknown one) shows. */
export const HOME_PAGE = 'overview';

/**
 * Each page's code, loaded once and only when needed: the app's first visit parses the shell and
 * the page it opens on, not the code of the ten others. Apart from pages/page-list.tsx (whose menu
 * icons are MUI components) so that main.tsx can start loading a page before the app's own code.
 */
const IMPORTERS: Readonly<Record<PageId, () => Promise<PageModule>>> = {
  overview: () => import('./OverviewPage'),
  teams: () => import('./TeamsPage'),
  coordination: () => import('./CoordinationPage'),
  plan: () => import('./PlanPage'),
  risks: () => import('./RisksPage'),
  confidence: () => import('./ConfidencePage'),
  flow: () => import('./FlowPage'),
  delivery: () => import('./DeliveryPage'),
  forecast: () => import('./ForecastPage'),
  decks: () => import('./DecksPage'),
  import: () => import('./ImportPage'),
};

const loading = new Map<string, Promise<PageModule>>();
const loaded = new Map<string, PageModule>();

/** The module of page `id` (e.g. "flow"), the same promise on every call; undefined for an unknown id. */
export function loadPage(id: string): Promise<PageModule> | undefined {
  const importer = Object.prototype.hasOwnProperty.call(IMPORTERS, id) ? IMPORTERS[id as PageId] : undefined;
  if (!importer) return undefined;
  let module = loading.get(id);
  if (!module) {
    module = importer().then((m) => {
      loaded.set(id, m);
      return m;
    });
    loading.set(id, module);
  }
  return module;
}

/** The module of page `id` when its code has arrived, else undefined (without starting to load it). */
export function loadedPage(id: string): PageModule | undefined {
  return loaded.get(id);
}
