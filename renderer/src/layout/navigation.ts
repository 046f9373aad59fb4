import { useEffect, useState } from 'react';

/** The app's pages, in menu order. The hash (#/flow) is the route, so reloads and links keep the page. */
export const PAGES = [
  { id: 'overview', label: 'Overview' },
  { id: 'teams', label: 'Teams & dependencies' },
  { id: 'coordination', label: 'Coordination' },
  { id: 'plan', label: 'Plan' },
  { id: 'forecast', label: 'Forecast' },
  { id: 'flow', label: 'Flow' },
  { id: 'delivery', label: 'Delivery' },
  { id: 'import', label: 'Import' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return PAGES.find((p) => p.id === id)?.id ?? 'overview';
}

export function useCurrentPage(): [PageId, (page: PageId) => void] {
  const [page, setPage] = useState<PageId>(() => pageFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setPage(pageFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [page, (next) => void (window.location.hash = `#/${next}`)];
}
