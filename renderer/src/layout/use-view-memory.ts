import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { menuTarget, parseViewMemory, rememberView, type PageMeta, type ViewMemory } from './navigation';

const STORAGE_KEY = 'interlock.views';

/**
 * Where each menu entry leads: the view of that page last seen in this browser tab, so going back
 * to Flow finds the scope you left (and Delivery shares it). Kept for the tab's session only: a
 * view is not data, and a link or deck entry carries its own parameters anyway.
 */
export function useMenuTargets(pages: readonly PageMeta[]): (page: PageMeta) => string {
  const location = useLocation();
  const [memory, setMemory] = useState<ViewMemory>(() => parseViewMemory(sessionStorage.getItem(STORAGE_KEY)));
  useEffect(() => {
    setMemory((previous) => {
      const next = rememberView(previous, pages, `${location.pathname}${location.search}`);
      if (next !== previous) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, [location.pathname, location.search, pages]);
  return (page) => menuTarget(memory, page);
}
