import { useCallback, useSyncExternalStore } from 'react';

// A page's view state (its tab, the increment shown, the card in focus…) lives in the address,
// after the page: "#/plan?increment=PI%2026.4&tab=board". A reload or a copied link then returns
// to exactly that view. Changing it replaces the history entry: stepping through tabs does not
// fill the Back button.

/** The parameters of a hash like "#/plan?tab=board&focus=CHK-1". */
export function parseViewParams(hash: string): Record<string, string> {
  const query = hash.indexOf('?') === -1 ? '' : hash.slice(hash.indexOf('?') + 1);
  return Object.fromEntries(new URLSearchParams(query));
}

/** The hash with `patch` applied (undefined or '' removes a parameter), keys kept in a stable order. */
export function withViewParams(hash: string, patch: Readonly<Record<string, string | null | undefined>>): string {
  const path = (hash.split('?')[0] ?? '').replace(/^#/, '');
  const page = `#${path || '/'}`;
  const params = { ...parseViewParams(hash), ...patch };
  const entries = Object.entries(params)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  const query = new URLSearchParams(entries).toString();
  return query ? `${page}?${query}` : page;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  window.addEventListener('interlock:view-params', listener);
  return () => {
    window.removeEventListener('hashchange', listener);
    window.removeEventListener('interlock:view-params', listener);
  };
}

/** The current page's view parameters and a setter that writes them into the address. */
export function useViewParams(): [Record<string, string>, (patch: Readonly<Record<string, string | null | undefined>>) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const set = useCallback((patch: Readonly<Record<string, string | null | undefined>>) => {
    const next = withViewParams(window.location.hash, patch);
    if (next === window.location.hash) return;
    window.history.replaceState(window.history.state, '', next);
    window.dispatchEvent(new Event('interlock:view-params'));
  }, []);
  return [parseViewParams(hash), set];
}
